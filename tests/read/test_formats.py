"""Every input format gives the digest's record: saved pages from a committee site, a news site and
a Big5 mirror, a Word file, a PDF printed by Chromium, and the .txt in GB18030, Big5 and UTF-16.
The fixtures are made here from the test digests; each must give the record of its .txt (values,
people, units, issues, suggestions, regions, sectors and the meeting; offsets differ with the text)."""

from __future__ import annotations

from pathlib import Path

import pytest
from needs_browser import require_browser
from pages import committee_page, mirror_page, news_page, print_page, print_to_pdf, wechat_page

from kg.pipeline import extract_file
from kg.read import read_file, read_text
from kg.records import to_record

DIGESTS = Path(__file__).parents[1] / "data" / "digests"


def to_traditional(text: str) -> str:
    """A simplified digest as a Hong Kong mirror republishes it (characters Big5-HKSCS can hold)."""
    import opencc

    return opencc.OpenCC("s2hk").convert(text)


def comparable(record: dict) -> dict:
    """A record without what depends on the file rather than on what it says: name, hash, offsets."""
    meeting = dict(record["meeting"] or {}, span=None)
    speeches = [{k: v for k, v in s.items() if k not in ("spans", "issue_spans", "suggestion_spans",
                                                           "region_mentions", "sector_evidence")}
                | {"mentions": [(m["name"], m["surface"]) for m in s["region_mentions"]],
                   "evidence": [(e["sector"], e["term"]) for e in s["sector_evidence"]]}
                for s in record["speeches"]]
    return {"layout": record["layout"], "meeting": meeting, "speeches": speeches}


def txt_record(name: str, traditional: bool = False) -> dict:
    text = (DIGESTS / name).read_text(encoding="utf-8")
    return comparable(to_record(extract_file_text(to_traditional(text) if traditional else text, name)))


def extract_file_text(text: str, name: str):
    from kg.pipeline import extract_source

    return extract_source(read_text(text, name))


def headline_and_body(name: str, traditional: bool = False) -> tuple[str, list[str]]:
    """The digest's headline (its first content line) and its other lines, as a page lays them out."""
    text = (DIGESTS / name).read_text(encoding="utf-8")
    src = read_text(to_traditional(text) if traditional else text)
    lines = [ln.span.slice(src.text) for ln in src.lines]
    content = [ln.span.slice(src.text) for ln in src.content]
    # the line above the meeting line, where there is one (a mirror's ad line may come first)
    subtitles = [i for i, ln in enumerate(content) if ln.startswith("——")]
    headline = content[subtitles[0] - 1] if subtitles and subtitles[0] > 0 else content[0]
    return headline, [ln for ln in lines if ln != headline]


@pytest.mark.parametrize(("page", "name", "encoding", "site", "traditional"), [
    (committee_page, "anji-cppcc-11-4-speeches.txt", "gb18030", "安吉县政协", False),
    (committee_page, "huaiyin-cppcc-10-3-speeches.txt", "gb18030", "槐荫区政协", False),
    (news_page, "meizhou-cppcc-8-3-speeches.txt", "utf-8", "梅州日报", False),
    (news_page, "luoyang-cppcc-14-3-speeches.txt", "utf-8", "洛阳网", False),
    (mirror_page, "foshan-cppcc-14-3-speeches-hk.txt", "big5hkscs", "香港新聞網", False),
    (mirror_page, "jilin-cppcc-13-3-speeches-tw.txt", "big5hkscs", "東北新聞", False),
    (wechat_page, "shiyan-cppcc-9-3-speeches.txt", "utf-8", "十堰政协", False),
    (wechat_page, "national-cppcc-14-2-speeches.txt", "utf-8", "人民政协报", False),
], ids=lambda v: getattr(v, "__name__", None) if callable(v) else None)
def test_a_saved_page_gives_the_digests_record(tmp_path: Path, page, name: str, encoding: str, site: str,
                                               traditional: bool) -> None:
    headline, body = headline_and_body(name, traditional)
    path = tmp_path / (Path(name).stem + ".html")
    path.write_bytes(page(headline, body, site).encode(encoding))
    src = read_file(path)
    chrome = ("<", "document.write", "_hmt", "技术支持", "政协概况", "数字报", "关于我们", "全市经济工作会议召开",
              "內地遊客暑期出行指南", "版權所有", "doZoom", "text-indent", "msg_title", "rich_media")
    assert not [c for c in chrome if c in src.text]
    assert comparable(to_record(extract_file(path))) == txt_record(name, traditional)


def test_a_word_file_gives_the_digests_record(tmp_path: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    name = "zhejiang-cppcc-13-2-speeches.txt"
    headline, body = headline_and_body(name)
    document = docx.Document()
    document.add_heading(headline, level=1)
    for line in body:
        paragraph = document.add_paragraph(line)
        paragraph.paragraph_format.first_line_indent = Pt(24)
        if len(line) < 25:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.sections[0].header.paragraphs[0].text = "浙江政协 内部资料"  # not the digest
    path = tmp_path / "zhejiang.docx"
    document.save(path)
    assert "内部资料" not in read_file(path).text
    assert comparable(to_record(extract_file(path))) == txt_record(name)


def test_a_word_file_with_the_digest_in_a_table(tmp_path: Path) -> None:
    import docx

    name = "dabu-cppcc-12-4-speeches.txt"
    headline, body = headline_and_body(name)
    document = docx.Document()
    document.add_paragraph(headline)
    table = document.add_table(rows=len(body), cols=1)
    for row, line in zip(table.rows, body, strict=True):
        row.cells[0].text = line
    path = tmp_path / "dabu.docx"
    document.save(path)
    assert comparable(to_record(extract_file(path))) == txt_record(name)


def test_a_pdf_printed_by_chromium_gives_the_digests_record(tmp_path: Path) -> None:
    require_browser()
    name = "henan-cppcc-13-3-speeches.txt"
    headline, body = headline_and_body(name)
    html = tmp_path / "henan.html"
    html.write_text(print_page(headline, body), encoding="utf-8")
    pdf = tmp_path / "henan.pdf"
    print_to_pdf(html, pdf)
    src = read_file(pdf)
    content = [ln.span.slice(src.text) for ln in src.content]
    expected = read_text((DIGESTS / name).read_text(encoding="utf-8"))
    assert content == [ln.span.slice(expected.text) for ln in expected.content]
    assert comparable(to_record(extract_file(pdf))) == txt_record(name)


@pytest.mark.parametrize(("name", "encoding", "traditional"), [
    ("xiyang-cppcc-11-3-speeches.txt", "gb18030", False),
    ("jinjiang-cppcc-14-4-speeches-tw.txt", "big5hkscs", False),
    ("zibo-cppcc-15-3-speeches.txt", "big5hkscs", True),  # a mirror's traditional copy of a simplified digest
    ("deyang-cppcc-9-3-speeches.txt", "utf-16", False),
    ("dingxi-cppcc-5-3-speeches.txt", "utf-8-sig", False),
])
def test_a_txt_in_another_encoding_gives_the_same_record(tmp_path: Path, name: str, encoding: str,
                                                         traditional: bool) -> None:
    text = (DIGESTS / name).read_text(encoding="utf-8")
    text = to_traditional(text) if traditional else text
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    assert read_file(path).text == text
    assert comparable(to_record(extract_file(path))) == txt_record(name, traditional)


def test_a_markdown_file_gives_the_digests_record(tmp_path: Path) -> None:
    """Titles as headings, bylines in bold, a link, a rule: the markup goes, the record stays."""
    name = "luanchuan-cppcc-10-3-speeches.txt"
    text = (DIGESTS / name).read_text(encoding="utf-8")
    src = extract_file_text(text, name)
    titles = {s.title.span.slice(src.text) for s in src.speeches}
    bylines = {s.byline.span.slice(src.text) for s in src.speeches}
    lines = []
    for line in text.split("\n"):
        if line in titles:
            lines += ["---", f"## {line}"]
        elif line in bylines:
            lines.append(f"**{line}**")
        else:
            lines.append(line)
    lines.append("[阅读原文](https://example.cn/a.html)")
    path = tmp_path / "luanchuan.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    read = read_file(path).text
    assert "##" not in read and "**" not in read and "阅读原文" in read and "https" not in read
    assert comparable(to_record(extract_file(path))) == txt_record(name)
