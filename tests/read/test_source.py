"""A text as a Source: a simplified copy of the same length, page noise."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.read import is_noise, read_text, to_simplified, to_traditional
from kg.read.source import script_of


def test_simplified_copy_keeps_offsets() -> None:
    text = "深化廣佛同城化 共建灣區\n民進佛山市委會 梁嘉欣"
    simple = to_simplified(text)
    assert len(simple) == len(text)
    assert simple == "深化广佛同城化 共建湾区\n民进佛山市委会 梁嘉欣"
    assert to_traditional("南海区") == "南海區"


@pytest.mark.parametrize(("line", "noise"), [
    ("扫描二维码", True), ("来源：大埔县政协　　2025-02-18", True), ("（责任编辑：赵敏）", True),
    ("（编辑：王慧　校对：李娜）", True), ("株洲日报 2025年01月08日 第03版", True), ("宜宾新闻网 > 政协之窗", True),
    ("首页 > 履职动态 > 大会发言", True), ("一审：张三 二审：李四", True), ("【打印】【关闭】", True),
    ("▲民革市委副主委王强在大会上发言", True), ("阅读：865", True),
    ("深化“文旅+”融合 推动文旅产业提质升级", False), ("民革晋中市委 安运涛", False), ("（民进市委 李建新）", False),
])
def test_noise_lines(line: str, noise: bool) -> None:
    assert is_noise(line) is noise


def test_everything_after_a_related_news_list_is_noise() -> None:
    src = read_text("标题\n正文。\n相关新闻：\n全国政协十四届二次会议开幕\n")
    assert [ln.text for ln in src.content] == ["标题", "正文。"]


def test_everything_after_a_hot_list_is_noise() -> None:
    src = read_text("標題\n正文。\n熱門推薦：\n· 香港樓市最新走勢分析\n")
    assert [ln.text for ln in src.content] == ["标题", "正文。"]


def test_a_side_box_heading_above_the_article_does_not_end_it() -> None:
    body = "安吉白茶种植面积已超过二十万亩，白茶产业是我县农民增收的重要来源，但仍存在品牌使用不规范等问题。"
    src = read_text(f"熱門推薦\n標題\n{body}\n相关新闻：\n全国政协十四届二次会议开幕\n")
    assert [ln.text for ln in src.content] == ["标题", body]


SIMPLIFIED_PAGE = ("陈雪梅委员代表农工党市委会作《推动乾县、礼泉县联动发展 擦亮唐陵文化旅游“金名片”》的发言。"
                   "於晓明委员说，乾隆年间的古道与乾陵、昭陵一线，正是我市文旅融合的重要载体。")


def test_a_simplified_page_keeps_its_characters() -> None:
    """乾 of 乾县 and the surname 於 are simplified characters too: a simplified page keeps them,
    while a stray traditional-only character is still converted."""
    assert script_of(SIMPLIFIED_PAGE) == "simplified"
    assert to_simplified(SIMPLIFIED_PAGE) == SIMPLIFIED_PAGE
    stray = SIMPLIFIED_PAGE.replace("发言", "發言")
    assert to_simplified(stray) == SIMPLIFIED_PAGE


def test_a_traditional_page_is_converted_by_phrases_keeping_place_names() -> None:
    text = "陳雪梅委員代表農工黨市委會發言，建議推動乾縣、禮泉縣聯動發展，於是乾淨的河流與乾隆古道相映。"
    assert script_of(text) == "traditional"
    simple = "陈雪梅委员代表农工党市委会发言，建议推动乾县、礼泉县联动发展，于是干净的河流与乾隆古道相映。"
    assert to_simplified(text) == simple


@pytest.mark.parametrize(("text", "simple"), [("乾县", "乾县"), ("乾縣政協", "乾县政协"), ("乾安縣", "乾安县"),
                                              ("徵信", "征信"), ("發言", "发言")])
def test_a_short_text_is_converted_keeping_place_names(text: str, simple: str) -> None:
    assert script_of(text) in ("unknown", "traditional")
    assert to_simplified(text) == simple


def test_pages_of_the_corpus_are_told_apart() -> None:
    data = Path(__file__).parents[1] / "data"
    for path in [*data.glob("digests/*.txt"), *data.glob("news/*.txt")]:
        traditional = path.stem.endswith(("-tw", "-hk"))
        assert script_of(path.read_text(encoding="utf-8")) == ("traditional" if traditional else "simplified"), path
