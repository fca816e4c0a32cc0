"""A list of partners after 与 links the place before 与 (or, at a province's committee, the province) with each
partner, not the partners with each other; a list of places with no link word links nothing."""

from __future__ import annotations

import pytest
from committees import NATIONAL, source

from kg.extract.regions import abbreviation_pairs, area_compounds, region_links, region_mentions
from kg.records import Committee

XIZANG = Committee("province", "西藏自治区", "540000", "540000")
SHAANXI = Committee("province", "陕西省", "610000", "610000")
CHANGJI = Committee("prefecture", "昌吉回族自治州", "652300", "650000")
CHUZHOU = Committee("prefecture", "滁州市", "341100", "340000")


def links(text: str, committee: Committee) -> set[frozenset[str]]:
    src, span = source(text)
    mentions = sorted(region_mentions(src, span, committee) + abbreviation_pairs(src, span, committee)
                      + area_compounds(src, span, committee), key=lambda m: m.span)
    return {frozenset(link) for link in region_links(src, [span], mentions, committee)}


def pairs(*found: tuple[str, str]) -> set[frozenset[str]]:
    return {frozenset(p) for p in found}


@pytest.mark.parametrize(("text", "committee", "expected"), [
    ("加强与青海、四川、云南等周边省份的旅游合作。", XIZANG,
     pairs(("西藏自治区", "青海省"), ("西藏自治区", "四川省"), ("西藏自治区", "云南省"))),
    ("深化西安与铜川、渭南的产业协作。", SHAANXI, pairs(("西安市", "铜川市"), ("西安市", "渭南市"))),
    ("全州加强与乌鲁木齐、吐鲁番的旅游合作。", CHANGJI,
     pairs(("昌吉回族自治州", "乌鲁木齐市"), ("昌吉回族自治州", "吐鲁番市"))),
    ("推动天长与扬州、南京跨界融合。", CHUZHOU, pairs(("天长市", "扬州市"), ("天长市", "南京市"))),
    # a list on each side: each of one side with each of the other
    ("推动西安、咸阳与铜川、渭南产业协作。", SHAANXI,
     pairs(("西安市", "铜川市"), ("西安市", "渭南市"), ("咸阳市", "铜川市"), ("咸阳市", "渭南市"))),
    # places of the committee's own province after 与: no province of their own side, each with the next as before
    ("加强与西安、宝鸡的合作。", SHAANXI, pairs(("西安市", "宝鸡市"))),
    # a location list without a link word links nothing
    ("在商洛、汉中、宝鸡等地推广。", SHAANXI, set()),
    # at the national committee the listed areas are joined each with each
    ("推动粤港澳大湾区与长三角、京津冀联动发展。", NATIONAL,
     pairs(("粤港澳大湾区", "长三角"), ("粤港澳大湾区", "京津冀"), ("长三角", "京津冀"))),
])
def test_partner_links(text, committee, expected):
    assert links(text, committee) == expected
