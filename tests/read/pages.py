"""Saved web pages made from the test digests, the way browsers save them from the sites that
publish plenary speeches: a committee site (table layout, GB2312 meta, inline scripts, a column
menu), a news site (HTML5 header/nav/aside/footer, figures, a related-news list, UTF-8) and a
traditional-character mirror (Big5, lines separated by <br> in one block, a hot-news box).

Each page carries the digest's lines as its article body, so that what the reader extracts from
the page can be compared with what it reads from the digest's .txt.
"""

from __future__ import annotations

from html import escape

_SCRIPT = """<script type="text/javascript">
var _hmt = _hmt || [];
(function() { var hm = document.createElement("script"); hm.src = "https://hm.example.cn/hm.js?1f2e";
  document.getElementsByTagName("head")[0].appendChild(hm); })();
document.write('<div class="ad">广告：扫码关注公众号</div>');
</script>"""


def committee_page(title: str, body: list[str], site: str) -> str:
    """A county or city committee's CMS page: table layout, column menu, print/close bar."""
    paragraphs = "\n".join(f'<p style="text-indent:2em;">{escape(ln)}</p>' for ln in body)
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{escape(title)}_{site}</title>
<link href="../css/style.css" rel="stylesheet" type="text/css" />
<style type="text/css">.nav li {{ float:left; }} .content p {{ line-height:2; }} /* 政协 */</style>
{_SCRIPT}
</head>
<body>
<div class="top"><div class="logo"><img src="logo.png" alt="{site}" /></div>
<div class="search">
<form><input type="text" value="请输入关键字" /><input type="submit" value="搜索" /></form></div></div>
<div class="nav" id="menu"><ul>
<li><a href="/">首页</a></li>
<li><a href="/zxgk/">政协概况</a></li>
<li><a href="/lzdt/">履职动态</a></li>
<li><a href="/wyfc/">委员风采</a></li>
<li><a href="/tajb/">提案工作</a></li>
<li><a href="/wsfc/">文史资料</a></li>
</ul></div>
<table width="1000" border="0" cellspacing="0" cellpadding="0" align="center"><tr>
<td width="220" valign="top" class="left"><div class="lanmu"><h3>履职动态</h3><ul>
<li><a href="/lzdt/hyhd/">会议活动</a></li>
<li><a href="/lzdt/dhfy/">大会发言</a></li>
<li><a href="/lzdt/dcyj/">调查研究</a></li>
</ul></div></td>
<td valign="top" class="right">
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/lzdt/">履职动态</a> &gt; 大会发言</div>
<div class="article"><h1 class="title">{escape(title)}</h1>
<div class="content" id="zoom">
{paragraphs}
</div>
<div class="print">【<a href="javascript:window.print()">打印本页</a>】
【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div></td></tr></table>
<div class="footer"><p>版权所有：{site}　地址：人民路1号　电话：0000-1234567</p>
<p>备案号：ICP备12345678号-1　技术支持：信息中心</p>
<script>document.write(unescape("%3Cspan id='cnzz'%3E%3C/span%3E"));</script></div>
</body></html>
"""


def news_page(title: str, body: list[str], site: str) -> str:
    """A news site's article page (HTML5): header, nav, figure with caption, related news, footer."""
    paragraphs = "\n".join(f"<p>{escape(ln)}</p>" for ln in body)
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} - {site}</title>
<style>header nav a {{ margin: 0 8px; }} article p {{ text-indent: 2em; }}</style>
<script src="/static/js/jquery.min.js"></script>
{_SCRIPT}
</head><body>
<header class="site-header"><a class="logo" href="/">{site}</a>
<nav class="main-nav"><a href="/">首页</a><a href="/news/">时政</a><a href="/local/">本地</a><a href="/econ/">经济</a>
<a href="/video/">视频</a><a href="/epaper/">数字报</a></nav></header>
<main><article class="article">
<h1>{escape(title)}</h1>
<div class="meta"><span class="time">2025-01-16 18:05</span> <span class="source">来源：{site}</span>
<span class="share">分享到：<a>微信</a><a>微博</a></span></div>
<figure><img src="photo.jpg" alt=""><figcaption>会场一角。</figcaption></figure>
{paragraphs}
<div class="editor">【责任编辑：张三】</div>
</article>
<aside class="related"><h3>相关新闻</h3><ul>
<li><a href="/a/1.html">市政协召开党组会议</a></li>
<li><a href="/a/2.html">全市经济工作会议召开</a></li>
</ul></aside></main>
<footer><p>Copyright © 2025 {site} All Rights Reserved</p><p><a href="/about">关于我们</a> |
<a href="/contact">联系我们</a></p></footer>
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</body></html>
"""


def mirror_page(title: str, body: list[str], site: str) -> str:
    """A traditional-character mirror: Big5, the text as <br>-separated lines of one block."""
    block = "<br>\n".join(escape(ln) for ln in body)
    return f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=big5">
<title>{escape(title)}｜{site}</title>
<style>#hot li {{ list-style: none; }}</style>
<script language="javascript">function doZoom(size) {{
  document.getElementById('zoom').style.fontSize = size + 'px'; }}</script>
</head><body>
<div id="topbar"><a href="/">首頁</a> | <a href="/news/">新聞</a> |
<a href="/china/">內地</a> | <a href="/hk/">香港</a></div>
<div id="main"><div id="hot"><b>熱門推薦</b><ul><li><a href="/1.htm">香港樓市最新走勢分析</a></li>
<li><a href="/2.htm">內地遊客暑期出行指南</a></li></ul></div>
<div id="zoom"><font size="4"><b>{escape(title)}</b></font><br>
{block}
</div></div>
<div id="footer">{site}版權所有 不得轉載</div>
<noscript><img src="/count.gif"></noscript>
</body></html>
"""


def print_to_pdf(html_path, pdf_path) -> None:
    """Print a page to PDF in headless Chromium, with the browser's own running head and foot
    (date, title, address, page n/m) as a user's "Save as PDF" has them."""
    from playwright.sync_api import sync_playwright

    from kg.view.browser import find_chromium

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.goto(html_path.resolve().as_uri())
            page.pdf(path=str(pdf_path), format="A4", display_header_footer=True,
                     margin={"top": "2cm", "bottom": "2cm", "left": "2cm", "right": "2cm"})
        finally:
            browser.close()


def print_page(title: str, body: list[str]) -> str:
    """A plain article page to print: paragraphs indented two characters, as Chinese documents are."""
    paragraphs = "\n".join(f"<p>{escape(ln)}</p>" for ln in body)
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>body {{ font-family: "Noto Serif CJK SC", serif; font-size: 14pt; }} p {{ text-indent: 2em; margin: 0.3em 0; }}
h1 {{ font-size: 18pt; text-align: center; }}</style></head>
<body><h1>{escape(title)}</h1>
{paragraphs}
</body></html>
"""


def wechat_page(title: str, body: list[str], site: str) -> str:
    """A WeChat official-account article as a browser saves it: sections and spans in a rich-media
    block, the account's name and follow prompts around it, and a great deal of script."""
    paragraphs = "\n".join(
        f'<section style="margin:0 8px;"><p style="text-align:justify;"><span style="font-size:15px;">{escape(ln)}'
        f"</span></p></section>" for ln in body)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<meta property="og:title" content="{escape(title)}">
<title>{escape(title)}</title>
<script>var ct = "1705392000"; var msg_title = "{escape(title)}"; window.__setting = {{ lang: "zh_CN" }};</script>
<style>.rich_media_title {{ font-size: 22px; }} .qr_code_pc {{ display: none; }}</style>
</head><body id="activity-detail" class="zh_CN">
<div class="rich_media_wrp"><div class="rich_media_area_primary">
<h1 class="rich_media_title" id="activity-name">{escape(title)}</h1>
<div class="rich_media_meta_list"><span class="rich_media_meta rich_media_meta_nickname">
<a id="js_name">{site}</a></span> <em id="publish_time">2025-01-16 18:30</em></div>
<div class="rich_media_content" id="js_content">
{paragraphs}
<p><span>预览时标签不可点</span></p>
</div>
<div class="rich_media_tool"><a id="js_share_source">阅读原文</a> 阅读 1024 在看 12</div>
</div>
<div class="qr_code_pc"><p>微信扫一扫<br>关注该公众号</p></div></div>
<script>(function(){{ var a = document.querySelectorAll("img"); for (var i = 0; i < a.length; i++) {{}} }})();</script>
</body></html>
"""
