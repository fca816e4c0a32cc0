"""One-character abbreviations read by the committee's neighbours: 宁 is 南京 across 江苏's border, a district of a
municipality names the places across its border by their first characters, and a province's abbreviation beside
another provincial-level one is the province."""

from __future__ import annotations

import pytest
from committees import source

from kg.extract.regions import abbreviation_pairs, area_compounds, region_links, region_mentions
from kg.records import Committee

CHUZHOU = Committee("prefecture", "滁州市", "341100", "340000")
ANHUI = Committee("province", "安徽省", "340000", "340000")
GUANGXI = Committee("province", "广西壮族自治区", "450000", "450000")
JIADING = Committee("county", "嘉定区", "310114", "310000")
LEISHAN = Committee("county", "雷山县", "522634", "520000")
WUQING = Committee("county", "武清区", "120114", "120000")
GANSU = Committee("province", "甘肃省", "620000", "620000")


def read(text: str, committee: Committee) -> tuple[list[str], set[frozenset[str]]]:
    src, span = source(text)
    mentions = sorted(region_mentions(src, span, committee) + abbreviation_pairs(src, span, committee)
                      + area_compounds(src, span, committee), key=lambda m: m.span)
    links = region_links(src, [span], mentions, committee)
    return list(dict.fromkeys(m.name for m in mentions)), {frozenset(link) for link in links}


@pytest.mark.parametrize(("text", "committee", "names", "links"), [
    ("推进宁滁同城化发展。", CHUZHOU, ["南京市", "滁州市"], {frozenset({"南京市", "滁州市"})}),
    ("深化宁合合作。", ANHUI, ["南京市", "合肥市"], {frozenset({"南京市", "合肥市"})}),
    ("深化沪滁对口合作。", CHUZHOU, ["上海市", "滁州市"], {frozenset({"上海市", "滁州市"})}),
    ("深化杭雷东西部协作。", LEISHAN, ["杭州市", "雷山县"], {frozenset({"杭州市", "雷山县"})}),
    ("深化桂港合作。", GUANGXI, ["广西壮族自治区", "香港特别行政区"],
     {frozenset({"广西壮族自治区", "香港特别行政区"})}),
    ("推动甘港经贸往来。", GANSU, ["甘肃省", "香港特别行政区"], {frozenset({"甘肃省", "香港特别行政区"})}),
    ("深化桂柳合作。", GUANGXI, ["桂林市", "柳州市"], {frozenset({"桂林市", "柳州市"})}),  # two cities stay cities
    ("深化嘉昆太协同发展。", JIADING, ["嘉定区", "昆山市", "太仓市"],
     {frozenset({"嘉定区", "昆山市"}), frozenset({"嘉定区", "太仓市"}), frozenset({"昆山市", "太仓市"})}),
    ("推动廊武合作。", WUQING, ["廊坊市", "武清区"], {frozenset({"廊坊市", "武清区"})}),
])
def test_neighbour_abbreviations(text, committee, names, links):
    assert read(text, committee) == (names, links)


def test_far_from_nanjing_ning_is_ningxia():
    names, _ = read("深化甘宁经贸合作。", GANSU)  # 甘肃 borders no 江苏: 宁 is 宁夏
    assert "宁夏回族自治区" in names and "南京市" not in names


def test_core_area_of_a_run_is_a_named_area():
    names, _ = read("推动嘉昆太协同创新核心圈建设。", JIADING)
    assert "嘉昆太协同创新核心圈" in names
    assert "昆明市" not in names and "太原市" not in names
