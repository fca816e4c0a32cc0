"""Hard-wrapped pages (kg.extract.wraps): soft line breaks are taken out for matching, spans stay exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.readings import strip_readings
from kg.extract.spans import join_lines
from kg.extract.wraps import soft_breaks
from kg.pipeline import extract_text
from kg.records import to_record

DATA = Path(__file__).parents[1] / "data"
REPORTS = ["jiangxi-cppcc-13-3-report", "wuyuan-cppcc-11-4-report", "lianjiang-cppcc-10-4-report-tw",
           "national-cppcc-14-4-article-hk", "zhangjiakou-cppcc-13-4-mixed", "zunyi-cppcc-5-3-report"]


def hard_wrap(text: str, width: int) -> str:
    """Each paragraph broken into lines of ``width`` characters, as a PDF's text layer gives them (a
    break never falls beside a space, which the layer would drop, and a closing mark never opens a
    line: typesetting keeps it on the line before)."""
    out = []
    for paragraph in text.split("\n"):
        rest = paragraph.strip()
        while len(rest) > width + 1:
            cut = width + 1 if rest[width] in "，。、；：！？”’》）" else width
            while rest[cut - 1].isspace() or rest[cut].isspace():
                cut -= 1
            out.append(rest[:cut])
            rest = rest[cut:]
        out.append(rest)
    return "\n".join(out)


def joined(surface: str) -> str:
    """A span's text as its value: lines joined, a mirror's pinyin readings (政协(xié)) left out."""
    stripped = strip_readings(join_lines(surface))
    return stripped[0] if stripped else join_lines(surface)


def values(record: dict) -> list[tuple]:
    return [(s["speaker"], s["organization"], s["party"], s["role"], s["title"], s["issues"], s["suggestions"],
             s["regions"], s["sectors"]) for s in record["speeches"]]


@pytest.mark.parametrize("width", [30, 34, 37, 40])
@pytest.mark.parametrize("name", REPORTS)
def test_a_wrapped_report_gives_the_same_records(name: str, width: int) -> None:
    text = (DATA / "news" / f"{name}.txt").read_text(encoding="utf-8")
    wrapped = hard_wrap(text, width)
    assert soft_breaks(wrapped)
    doc = extract_text(wrapped, f"{name}.txt")
    assert values(to_record(doc)) == values(to_record(extract_text(text, f"{name}.txt")))
    for speech in doc.speeches:  # spans point into the wrapped text; a value joins the lines of its span
        for value in (speech.byline.speaker, speech.byline.role):
            if value:
                assert joined(value.span.slice(wrapped)) == value.value
        for item in [*speech.issues, *speech.suggestions]:
            assert joined(item.span.slice(wrapped)) == item.text


@pytest.mark.parametrize("width", [30, 36])
@pytest.mark.parametrize("name", ["zhuzhou-cppcc-13-4-speeches", "xiyang-cppcc-11-3-speeches",
                                  "dingxi-cppcc-5-3-speeches", "jilin-cppcc-13-3-speeches-tw"])
def test_a_wrapped_digest_gives_the_same_records(name: str, width: int) -> None:
    """Titles, bylines and headings stay lines of their own; inline lists (问题：一是…；二是…) run on."""
    text = (DATA / "digests" / f"{name}.txt").read_text(encoding="utf-8")
    wrapped = extract_text(hard_wrap(text, width), f"{name}.txt")
    assert values(to_record(wrapped)) == values(to_record(extract_text(text, f"{name}.txt")))


# Pages written hard-wrapped (a converted PDF) whose names could not say so: a holdout's gold names its file.
WRAPPED_PAGES = {"baoding-cppcc-15-3-speeches"}


def test_pages_that_are_not_wrapped_have_no_soft_breaks() -> None:
    for path in [*DATA.glob("digests/*.txt"), *DATA.glob("news/*.txt"), *DATA.glob("holdout*/*.txt")]:
        wrapped = path.stem.endswith("-wrapped") or path.stem in WRAPPED_PAGES
        assert bool(soft_breaks(path.read_text(encoding="utf-8"))) == wrapped, path


def test_a_page_from_a_pdf_reads_as_its_paragraphs() -> None:
    """jingan-…-wrapped: lines of 36 characters, each paragraph opening with an indent, no blank lines."""
    name = "jingan-cppcc-15-4-report-wrapped.txt"
    text = (DATA / "news" / name).read_text(encoding="utf-8")
    paragraphs = "\n".join(p.replace("\n", "") for p in text.split("\n\u3000\u3000"))
    assert len(paragraphs.splitlines()) == 7  # the headline and six paragraphs
    assert values(to_record(extract_text(text, name))) == values(to_record(extract_text(paragraphs, name)))


def test_only_breaks_inside_a_sentence_are_soft() -> None:
    lines = ["张三委员代表民盟市委发言，建议加快推进城乡一体", "化建设，完善公共服务设施，提升乡村治理水平和效",
             "能。主要问题：一是公共服务设施短缺；二是乡村治", "理人才不足；三是基层财力薄弱。他提出三点建议：",
             "——统筹城乡规划布局，推动基础设施向农村延伸，", "——健全乡村治理体系。",
             "　　李四委员在发言中呼吁，加强生态环境保护，推", "动绿色低碳发展。"]
    text = "\n".join(lines)
    joined = [text[a - 1] + text[b] for a, b in soft_breaks(text)]
    # not after 。 (a sentence's end) nor before —— (a dash item) or an indent (a paragraph)
    assert joined == ["体化", "效能", "治理", "推动"]


def test_a_page_number_inside_a_wrapped_sentence_is_taken_out_with_the_break() -> None:
    lines = ["我市皖西大白鹅养殖历史悠久，品牌知名度较高。但是，目前产业发展仍存在一些",
             "短板：一是良种繁育体系不健全，种源质量参差不齐；二是精深加工能力不足，产",
             "品附加值较低；三是品牌营销渠道单一，市场开拓不够。为此建议：一是建设良种", "— 7 —",
             "繁育基地，提升种源质量。二是引进培育精深加工龙头企业，延长产业链条。三是", "拓展营销渠道。"]
    text = "\n".join(lines)
    cuts = soft_breaks(text)
    assert len(cuts) == 4
    start, end = cuts[2]
    assert text[start:end] == "\n— 7 —\n"


def test_a_long_title_over_its_byline_is_not_joined_to_it() -> None:
    lines = ["我市皖西大白鹅养殖历史悠久，品牌知名度较高。但是，目前产业发展仍存在一些",
             "短板：一是良种繁育体系不健全，种源质量参差不齐；二是精深加工能力不足，产",
             "品附加值较低；三是品牌营销渠道单一，市场开拓不够。为此建议：一是建设良种",
             "繁育基地，提升种源质量。", "推进农村客运公交化改造 提升城乡交通运输一体化服务水平和群众满意度",
             "农工党六安市委",
             "近年来我市农村客运网络不断完善。"]
    text = "\n".join(lines)
    assert len(soft_breaks(text)) == 3
