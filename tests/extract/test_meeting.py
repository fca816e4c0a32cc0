"""Meeting lines: full names, abbreviations (全国/省/市/县), place-first labels, traditional characters."""

from __future__ import annotations

import pytest

from kg.extract.meeting import find_meeting
from kg.read import read_text


def meeting(text: str) -> tuple:
    m = find_meeting(read_text(text))
    return (m.label, m.committee.region, m.committee.level, m.term, m.session) if m else None


@pytest.mark.parametrize(("text", "expected"), [
    ("着力推动高质量发展\n——政协第五届晋中市委员会第三次会议大会发言摘编",
     ("政协第五届晋中市委员会第三次会议", "晋中市", "prefecture", 5, 3)),
    ("——政协济南市槐荫区第十届委员会第三次会议大会发言摘编",
     ("政协济南市槐荫区第十届委员会第三次会议", "槐荫区", "county", 10, 3)),
    ("——政协栾川县第十届委员会第三次会议大会发言摘编",
     ("政协栾川县第十届委员会第三次会议", "栾川县", "county", 10, 3)),
    ("全国政协十四届四次会议大会发言摘编", ("政协第十四届全国委员会第四次会议", None, "national", 14, 4)),
    ("中国人民政治协商会议第十四届全国委员会第二次会议", ("政协第十四届全国委员会第二次会议", None, "national", 14, 2)),
    ("十四届全国政协二次会议大会发言摘编", ("政协第十四届全国委员会第二次会议", None, "national", 14, 2)),
    ("在全国政协十四届二次会议上的大会发言", ("政协第十四届全国委员会第二次会议", None, "national", 14, 2)),
    ("2024年市政协十五届三次会议大会发言\n淄博市政协",
     ("政协第十五届淄博市委员会第三次会议", "淄博市", "prefecture", 15, 3)),
    ("五届市政协三次会议大会发言\n晋中市政协", ("政协第五届晋中市委员会第三次会议", "晋中市", "prefecture", 5, 3)),
    ("——梅州市政协八届三次会议大会发言摘编", ("政协第八届梅州市委员会第三次会议", "梅州市", "prefecture", 8, 3)),
    ("——昔阳县政协十一届三次会议大会发言", ("政协第十一届昔阳县委员会第三次会议", "昔阳县", "county", 11, 3)),
    # a district the current gazetteer no longer lists (kg/data/former_divisions.tsv): older pages name it
    ("——政协重庆市渝北区第十六届委员会第二次会议大会发言摘编",
     ("政协重庆市渝北区第十六届委员会第二次会议", "渝北区", "county", 16, 2)),
    ("莱芜市政协十二届三次会议大会发言", ("政协第十二届莱芜市委员会第三次会议", "莱芜市", "prefecture", 12, 3)),
    # 省/市/县 alone: the place comes from the rest of the text
    ("浙江省政协委员建言共同富裕\n——省政协十三届二次会议大会发言摘编",
     ("政协第十三届浙江省委员会第二次会议", "浙江省", "province", 13, 2)),
    ("大埔县政协：为“百县千镇万村高质量发展工程”献计出力\n——县政协十二届四次会议大会发言选登",
     ("政协第十二届大埔县委员会第四次会议", "大埔县", "county", 12, 4)),
    # traditional characters: the label in the text's own characters, the region simplified
    ("——政協第十四屆佛山市委員會第三次會議大會發言摘編",
     ("政协第十四届佛山市委员会第三次会议", "佛山市", "prefecture", 14, 3)),
    ("——晉江市政協十四屆四次會議大會發言摘編", ("政协第十四届晋江市委员会第四次会议", "晋江市", "county", 14, 4)),
    ("中國人民政治協商會議第十四屆全國委員會第二次會議", ("政协第十四届全国委员会第二次会议", None, "national", 14, 2)),
    # the city only by its short name elsewhere in the text
    ("晉中日報 2024年1月12日\n——市政協五屆三次會議大會發言摘編",
     ("政协第五届晋中市委员会第三次会议", "晋中市", "prefecture", 5, 3)),
    # 自治区 alone: an autonomous region's own committee, which one the page says (a county it also
    # names is no committee)
    ("凝心聚力促发展\n——自治区政协十二届三次会议大会发言摘编\n永宁县如何发展\n宁夏大学教授 留在宁夏就业",
     ("政协第十二届宁夏回族自治区委员会第三次会议", "宁夏回族自治区", "province", 12, 3)),
    ("自治区政协十三届二次会议大会发言\n南宁市、柳州市、桂林市协同发展",
     ("政协第十三届广西壮族自治区委员会第二次会议", "广西壮族自治区", "province", 13, 2)),
])
def test_meeting_lines(text: str, expected: tuple) -> None:
    assert meeting(text) == expected


def test_no_meeting_line() -> None:
    assert meeting("委员声音丨聚焦高质量发展 宜宾市政协委员大会发言摘登\n做强动力电池产业") is None


def test_the_span_is_the_meeting_name() -> None:
    text = "标题\n——政协第五届晋中市委员会第三次会议大会发言摘编"
    m = find_meeting(read_text(text))
    assert m.span.slice(text) == "政协第五届晋中市委员会第三次会议"


def test_without_a_meeting_line_the_headline_names_the_committee() -> None:
    from kg.extract.meeting import find_committee
    from kg.read import read_text

    src = read_text("委员声音丨聚焦高质量发展 宜宾市政协委员大会发言摘登\n做强动力电池产业\n市政协委员 李文博\n正文。")
    committee = find_committee(src, before=len(src.text))
    assert (committee.level, committee.region, committee.code) == ("prefecture", "宜宾市", "511500")
    assert find_committee(read_text("大会发言摘登\n标题\n正文。"), before=99) is None


def test_the_full_name_given_further_on_is_the_label() -> None:
    text = ("——区政协十届三次会议举行大会发言\n\n"
            "1月10日上午，政协佛山市顺德区第十届委员会第三次会议举行第二次全体会议，6位委员作大会发言。\n\n"
            "· 区政协九届五次会议开幕\n")
    assert meeting(text)[0] == "政协佛山市顺德区第十届委员会第三次会议"
    # another session's full name is no label of this one
    other = "——区政协十届三次会议举行大会发言\n\n相关新闻：政协佛山市顺德区第十届委员会第二次会议开幕\n"
    assert meeting(other)[0] != "政协佛山市顺德区第十届委员会第二次会议"
