"""An autonomous prefecture, a league and a prefectural district call themselves 州, 盟 and 地区 (全州, 我盟, 全地区),
and an autonomous prefecture is called by its short name and 州 (昌吉州): at their committees, and those of their
counties, the words name the prefecture; elsewhere 全州 is no such place."""

from __future__ import annotations

import pytest
from committees import JINZHONG, source

from kg.extract.regions import region_mentions, unit_regions
from kg.records import Committee, Span

CHANGJI = Committee("prefecture", "昌吉回族自治州", "652300", "650000")
FUKANG = Committee("county", "阜康市", "652302", "650000")  # a county-level city of 昌吉州
YANBIAN = Committee("prefecture", "延边朝鲜族自治州", "222400", "220000")
XILINGOL = Committee("prefecture", "锡林郭勒盟", "152500", "150000")
HOTAN = Committee("prefecture", "和田地区", "653200", "650000")
GUILIN = Committee("prefecture", "桂林市", "450300", "450000")


def names(text: str, committee: Committee) -> list[str]:
    src, span = source(text)
    return list(dict.fromkeys(m.name for m in region_mentions(src, span, committee)))


@pytest.mark.parametrize(("text", "committee", "expected"), [
    ("全州旅游业快速发展，州内交通便利。", CHANGJI, ["昌吉回族自治州"]),
    ("我州是农业大州。", FUKANG, ["昌吉回族自治州"]),  # a county's committee: its prefecture
    ("延边州要加快发展，全州人口持续减少。", YANBIAN, ["延边朝鲜族自治州"]),
    ("全盟畜牧业发展迅速，我盟牧民持续增收。", XILINGOL, ["锡林郭勒盟"]),
    ("全地区林果业面积扩大。", HOTAN, ["和田地区"]),
    ("全州农民增收。", JINZHONG, []),  # a city's committee: 州 is none of its places
    ("昌吉州地处天山北麓。", JINZHONG, ["昌吉回族自治州"]),  # 昌吉州 is the prefecture anywhere, not 昌吉市
    ("推动昌吉市、阜康市协同发展。", CHANGJI, ["昌吉市", "阜康市"]),  # the cities by their full names
])
def test_prefecture_kinds(text, committee, expected):
    assert names(text, committee) == expected


def test_full_name_county_of_guilin_stays():
    assert names("全州县柑橘产业发展迅速。", GUILIN) == ["全州县"]


def test_unit_of_the_prefecture_by_short_name():
    unit = "民盟昌吉州委"
    src, _ = source(unit)
    found = unit_regions(src, Span(0, len(unit)), unit, CHANGJI)
    assert [m.name for m in found] == ["昌吉回族自治州"]
