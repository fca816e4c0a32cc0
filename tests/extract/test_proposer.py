"""Short units take the committee's place (民革市委 → 民革晋中市委); parties from unit names."""

from __future__ import annotations

import pytest
from committees import FOSHAN, HUAIYIN, JINJIANG, JINZHONG, MEIZHOU, NATIONAL, XIYANG, ZHEJIANG, source

from kg.extract.proposer import build_byline, complete_unit, party_of, place_of_level
from kg.extract.regions import region_mentions
from kg.records import Committee

# Municipalities have no prefecture level: a district's parent is the municipality itself.
SHANGHAI = Committee("province", "上海市", "310000", "310000")
HUANGPU = Committee("county", "黄浦区", "310101", "310000")
# An autonomous region calls itself 区 (我区, 区委); its units are spelled with its short name and 区.
NEIMENGGU = Committee("province", "内蒙古自治区", "150000", "150000")
GUANGXI = Committee("province", "广西壮族自治区", "450000", "450000")


@pytest.mark.parametrize(("unit", "committee", "completed"), [
    ("民革市委", JINZHONG, "民革晋中市委"),
    ("民建市委会", MEIZHOU, "民建梅州市委会"),
    ("市工商联", JINZHONG, "晋中市工商联"),
    ("市政协提案委员会", JINZHONG, "晋中市政协提案委员会"),
    ("昔阳政协", JINZHONG, "昔阳县政协"),
    ("梅县政协", MEIZHOU, "梅县区政协"),
    ("南海政协", FOSHAN, "南海区政协"),
    ("县妇联", XIYANG, "昔阳县妇联"),
    ("区工商联", HUAIYIN, "槐荫区工商联"),
    ("民盟省委会", ZHEJIANG, "民盟浙江省委会"),
    ("省工商联", ZHEJIANG, "浙江省工商联"),
    # a county-level city is its own 市
    ("市工商联", JINJIANG, "晋江市工商联"),
    # a municipality's 市, at its own committee and at a district's
    ("民革市委", SHANGHAI, "民革上海市委"),
    ("市工商联", SHANGHAI, "上海市工商联"),
    ("市政协人口资源环境建设委员会", SHANGHAI, "上海市政协人口资源环境建设委员会"),
    ("民革市委", HUANGPU, "民革上海市委"),
    ("市政协提案委员会", HUANGPU, "上海市政协提案委员会"),
    ("区工商联", HUANGPU, "黄浦区工商联"),
    ("民建区委", HUANGPU, "民建黄浦区委"),
    # an autonomous region: 自治区 and 区 are its level, its short name with 区 is a full spelling
    ("自治区工商联", NEIMENGGU, "内蒙古自治区工商联"),
    ("区工商联", GUANGXI, "广西壮族自治区工商联"),
    ("民盟区委", NEIMENGGU, "民盟内蒙古自治区委"),
    ("九三学社内蒙古区委会", NEIMENGGU, "九三学社内蒙古区委会"),
    ("农工党广西区委", GUANGXI, "农工党广西区委"),
    ("自治区政协农业和农村委员会", GUANGXI, "广西壮族自治区政协农业和农村委员会"),
    # already complete, or no place to put in
    ("民革晋中市委", JINZHONG, "民革晋中市委"),
    ("平遥县政协", JINZHONG, "平遥县政协"),
    ("台盟中央", NATIONAL, "台盟中央"),
    ("民革市委", None, "民革市委"),
    ("市场监管局", JINZHONG, "市场监管局"),
])
def test_complete_unit(unit: str, committee, completed: str) -> None:
    assert complete_unit(unit, committee) == completed


@pytest.mark.parametrize(("committee", "level", "place"), [
    (SHANGHAI, "prefecture", "上海市"), (HUANGPU, "prefecture", "上海市"), (HUANGPU, "county", "黄浦区"),
    (JINZHONG, "prefecture", "晋中市"), (ZHEJIANG, "prefecture", None), (XIYANG, "province", "山西省"),
    (NEIMENGGU, "county", "内蒙古自治区"), (ZHEJIANG, "county", None), (JINZHONG, "county", None),
])
def test_place_of_level(committee, level: str, place: str | None) -> None:
    """A province has no one 市 of its own; a municipality is its districts' 市."""
    found = place_of_level(committee, level)
    assert (found.name if found else None) == place


@pytest.mark.parametrize(("unit", "party"), [
    ("民革晋中市委", "民革"), ("中国民主同盟晋中市委员会", "民盟"), ("九三学社晋中市委员会", "九三学社"),
    ("农工党槐荫区总支部委员会", "农工党"), ("晋中市工商联", "工商联"), ("工商联界别", "工商联"),
    ("無黨派人士", "无党派"), ("臺盟河南省委", "台盟"), ("共青团淄博市委", "共青团"), ("昔阳县妇联", "妇联"),
    ("平遥县政协", None), ("经济界别", None),
])
def test_party_of(unit: str, party: str | None) -> None:
    assert party_of(unit) == party


@pytest.mark.parametrize("line", ["无党派委员 张三", "张三（无党派）"])
def test_a_non_party_member_keeps_the_unit(line: str) -> None:
    src, span = source(line)
    byline = build_byline(src, [span], JINZHONG)
    assert (byline.speaker.value, byline.organization.value, byline.party) == ("张三", "无党派人士", "无党派")


# A new area (天津市滨海新区, 上海市浦东新区) calls its own place 新区, as a district calls its own 我区.
BINHAI = Committee("county", "滨海新区", "120116", "120000")
PUDONG = Committee("county", "浦东新区", "310115", "310000")


@pytest.mark.parametrize(("unit", "committee", "completed"), [
    ("新区工商联", BINHAI, "滨海新区工商联"),
    ("民建新区委", PUDONG, "民建浦东新区委"),
    ("区工商联", BINHAI, "滨海新区工商联"),
    ("新区工商联", HUANGPU, "新区工商联"),  # a district that is no new area has no 新区 of its own
])
def test_a_new_area_completes_its_units(unit: str, committee, completed: str) -> None:
    assert complete_unit(unit, committee) == completed


@pytest.mark.parametrize(("text", "committee", "names"), [
    ("助力新区“双碳”目标实现，推动新区绿色低碳转型。", BINHAI, ["滨海新区"]),
    ("新区临港产业集聚发展。", PUDONG, ["浦东新区"]),
    ("推动新区绿色低碳转型。", HUANGPU, []),  # elsewhere 新区 names no place by itself
    ("设立雄安新区是千年大计。", BINHAI, ["雄安新区"]),  # a named new area is that area, not the committee's
])
def test_a_new_area_calls_itself_xinqu(text: str, committee, names: list[str]) -> None:
    src, span = source(text)
    assert list(dict.fromkeys(m.name for m in region_mentions(src, span, committee))) == names


def test_an_autonomous_regions_own_units() -> None:
    ningxia = Committee("province", "宁夏回族自治区", "640000", "640000")
    assert complete_unit("自治区工商联", ningxia) == "宁夏回族自治区工商联"
    assert place_of_level(ningxia, "county").name == "宁夏回族自治区"  # 我区, 全区
