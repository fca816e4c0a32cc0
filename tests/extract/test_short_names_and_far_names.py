"""Names that are a place only in some places (issue 10): a province's customary short names at its own
committee, a run of three city abbreviations whose middle character starts a 地区 too, practices, landmarks,
old towns and ports named after far places, ordinary words that are county-level cities elsewhere, basins
named by two rivers, 港澳 beside a place."""

from __future__ import annotations

import pytest
from test_regions import regions

from kg.records import Committee

HEILONGJIANG = Committee("province", "黑龙江省", "230000", "230000")
DAQING = Committee("prefecture", "大庆市", "230600", "230000")

HA_DA_QI = {frozenset(p) for p in (("哈尔滨市", "大庆市"), ("哈尔滨市", "齐齐哈尔市"), ("大庆市", "齐齐哈尔市"))}


@pytest.mark.parametrize(("text", "committee"), [
    ("推进哈大齐一体化发展。", HEILONGJIANG),
    ("深化哈大齐协同发展，齐齐哈尔主动对接。", HEILONGJIANG),
    ("推动哈大齐一体化合作。", DAQING),
    # a member named in full before the run in the same clause: the run still joins every two of its members
    ("支持齐齐哈尔融入哈大齐一体化发展。", HEILONGJIANG),
])
def test_three_city_abbreviations_give_every_pair(text, committee):
    # 大 starts 大庆市 and 大兴安岭地区 in Heilongjiang: a 地区 is abbreviated by no one character, 大 is 大庆
    found, pairs = regions(text, committee)
    assert {"哈尔滨市", "大庆市", "齐齐哈尔市"} <= set(found)
    assert pairs == HA_DA_QI


QIQIHAR = Committee("prefecture", "齐齐哈尔市", "230200", "230000")
HENAN = Committee("province", "河南省", "410000", "410000")
JILIN = Committee("province", "吉林省", "220000", "220000")
GUANGXI = Committee("province", "广西壮族自治区", "450000", "450000")


@pytest.mark.parametrize(("text", "committee", "names"), [
    ("推进龙江全面振兴，支持龙江企业走出去。", HEILONGJIANG, ["黑龙江省"]),
    ("讲好八桂故事。", GUANGXI, ["广西壮族自治区"]),
    ("助力中原崛起。", HENAN, ["河南省"]),
    # a name jieba would split is one word of the text
    ("建设荆楚大地美好家园。", Committee("province", "湖北省", "420000", "420000"), ["湖北省"]),
    # a named area it heads stays the area's
    ("加快中原城市群建设。", HENAN, ["中原城市群"]),
    # another province's short name is no place of the speech; in the prefecture of 龙江县 it is the county
    ("学习龙江经验。", JILIN, []),
    ("龙江县粮食增产，龙江农业加快发展。", QIQIHAR, ["龙江县"]),
])
def test_a_provinces_customary_short_name_is_the_province_at_home(text, committee, names):
    assert regions(text, committee)[0] == names


LISHU = Committee("county", "梨树县", "220322", "220000")
FUJIAN = Committee("province", "福建省", "350000", "350000")


@pytest.mark.parametrize(("text", "committee", "names"), [
    # 梨树区 of 鸡西 shares the name of 梨树县 of 吉林, whose practice this is
    ("推广梨树模式，保护黑土地。", HEILONGJIANG, []),
    ("借鉴昆山经验，优化营商环境。", HEILONGJIANG, []),
    # at home the practice is the place's own
    ("推广梨树模式，保护黑土地。", JILIN, ["梨树县"]),
    ("推广梨树模式。", LISHU, ["梨树县"]),
    ("弘扬晋江经验。", FUJIAN, ["晋江市"]),
])
def test_a_practice_named_after_a_far_place_is_no_region(text, committee, names):
    assert regions(text, committee)[0] == names


SHANXI = Committee("province", "山西省", "140000", "140000")
DATONG = Committee("prefecture", "大同市", "140200", "140000")
YUNGANG = Committee("county", "云冈区", "140214", "140000")
CHISHUI = Committee("county", "赤水市", "520381", "520000")
WANZHOU = Committee("county", "万州区", "500101", "500000")
SHANGHAI = Committee("province", "上海市", "310000", "310000")


@pytest.mark.parametrize(("text", "committee", "names"), [
    ("提升云冈石窟、悬空寺等景区品质。", DATONG, ["云冈石窟", "悬空寺"]),
    # a district's short name before 景区, 石窟, 寺 is the landmark's at home too, unless it is the committee's
    ("云冈景区接待游客持续增长。", SHANXI, []),
    ("云冈景区接待游客持续增长。", DATONG, []),
    ("云冈景区接待游客持续增长。", YUNGANG, ["云冈区"]),
    # an old town named like a city of another province is the old town
    ("打造丙安古镇、大同古镇旅游品牌。", CHISHUI, ["丙安古镇", "大同古镇"]),
    # a port named like a 县 of another province is the port only; a county-level city's port is still the city's
    ("加快新田港建设。", WANZHOU, ["新田港"]),
    ("支持太仓港区发展江海联运。", SHANGHAI, ["太仓市", "太仓港区"]),
])
def test_a_landmark_old_town_or_port_named_like_a_place_is_that_place_only(text, committee, names):
    assert regions(text, committee)[0] == names


CHONGQING = Committee("province", "重庆市", "500000", "500000")
YANHE = Committee("county", "沿河土家族自治县", "520627", "520000")
ZHEJIANG = Committee("province", "浙江省", "330000", "330000")


@pytest.mark.parametrize(("text", "committee", "names"), [
    ("保护三峡库区高峡平湖生态。", CHONGQING, []),
    ("平湖与嘉善协同发展。", ZHEJIANG, ["平湖市", "嘉善县"]),
    ("加强赤水河沿河生态保护。", CHISHUI, []),
    ("乌江沿河段生态修复。", CHISHUI, []),
    ("沿河县加快乌江航运建设。", YANHE, ["沿河土家族自治县"]),
])
def test_an_ordinary_phrase_is_no_county_elsewhere(text, committee, names):
    assert regions(text, committee)[0] == names


YUNNAN = Committee("province", "云南省", "530000", "530000")


@pytest.mark.parametrize(("text", "names"), [
    ("加强大盈江龙川江流域综合治理。", ["大盈江流域", "龙川江流域"]),
    ("深化澜沧江—湄公河流域合作。", ["澜沧江—湄公河流域"]),
    ("加强南盘江流域治理。", ["南盘江流域"]),
])
def test_basins_named_by_two_rivers(text, names):
    assert regions(text, YUNNAN)[0] == names


ZHANGZHOU = Committee("prefecture", "漳州市", "350600", "350000")
HONG_KONG, MACAO = "香港特别行政区", "澳门特别行政区"
WITH_BOTH = {("漳州市", HONG_KONG), ("漳州市", MACAO)}


@pytest.mark.parametrize(("text", "committee", "names", "links"), [
    ("深化漳州与港澳经贸文化交流。", ZHANGZHOU, ["漳州市", HONG_KONG, MACAO], WITH_BOTH),
    ("推动漳州与港澳地区合作。", ZHANGZHOU, ["漳州市", HONG_KONG, MACAO], WITH_BOTH),
    # 港澳 said as one word names both, with no relation word after it, and links neither to the other
    ("团结广大港澳同胞。", ZHANGZHOU, [HONG_KONG, MACAO], set()),
    ("积极拓展港澳市场。", HEILONGJIANG, [HONG_KONG, MACAO], set()),
    ("港澳台同胞交流日益密切。", ZHANGZHOU, [HONG_KONG, MACAO, "台湾省"], set()),
    # a group heading a named area is the area's; 港 of 港珠澳大桥 beside 珠 is no group
    ("主动对接粤港澳大湾区。", ZHANGZHOU, ["粤港澳大湾区"], set()),
    ("港珠澳大桥通车运营。", ZHANGZHOU, [], set()),
])
def test_hong_kong_and_macao_said_together(text, committee, names, links):
    found, pairs = regions(text, committee)
    assert found == names
    assert pairs == {frozenset(p) for p in links}


def test_an_old_town_of_a_lands_name_is_no_place():
    # 江南 is only a district's short name (江南区 of 南宁): 江南古镇 is the land's old towns, no area of a place
    assert regions("保护利用江南古镇。", SHANGHAI)[0] == []
