"""Places that only look like regions, and links the genre makes that a plain clause reading misses (issue 10):
a run of city abbreviations holding a district's short name, foreign places, 港 that is a port, lists of partner
pairs, places a practice is spread to, generic compounds; and the named zones and links of cooperation areas."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_regions import regions

from kg.pipeline import extract_file
from kg.records import Committee, to_record

QINZHOU = Committee("prefecture", "钦州市", "450700", "450000")
BEIHAI = Committee("prefecture", "北海市", "450500", "450000")
GUANGXI = Committee("province", "广西壮族自治区", "450000", "450000")
YANGZHOU = Committee("prefecture", "扬州市", "321000", "320000")
NATIONAL = Committee("national", None, None, None)

CITIES_OF_THE_GULF = {("北海市", "钦州市"), ("北海市", "防城港市"), ("钦州市", "防城港市")}


@pytest.mark.parametrize(("text", "committee", "names", "links"), [
    # 钦北 is a district's short name, but beside 防 before 三市/一体化 the three characters are three cities
    ("钦北防三市同城化步伐加快。", QINZHOU, ["钦州市", "北海市", "防城港市"], CITIES_OF_THE_GULF),
    ("钦北防三市同城化步伐加快。", BEIHAI, ["钦州市", "北海市", "防城港市"], CITIES_OF_THE_GULF),
    ("推动钦北防一体化。", GUANGXI, ["钦州市", "北海市", "防城港市"], CITIES_OF_THE_GULF),
    ("推进北钦防一体化发展。", BEIHAI, ["北海市", "钦州市", "防城港市"], CITIES_OF_THE_GULF),
    ("宁镇扬同城化加快推进。", YANGZHOU, ["南京市", "镇江市", "扬州市"],
     {("南京市", "镇江市"), ("南京市", "扬州市"), ("镇江市", "扬州市")}),
    # far from Jiangsu too: 宁 beside Jiangsu's cities is 南京 (its classic abbreviation), no 宁夏
    ("推动宁镇扬同城化发展。", NATIONAL, ["南京市", "镇江市", "扬州市"],
     {("南京市", "镇江市"), ("南京市", "扬州市"), ("镇江市", "扬州市")}),
    # the district named by itself is still the district
    ("钦北区产业加快发展，钦北与钦南协同发展。", QINZHOU, ["钦北区", "钦南区"], {("钦北区", "钦南区")}),
])
def test_a_run_of_city_abbreviations_is_the_cities(text, committee, names, links):
    found, pairs = regions(text, committee)
    assert found == names
    assert pairs == {frozenset(p) for p in links}



@pytest.mark.parametrize(("text", "committee", "names", "links"), [
    # a place named after a country is abroad: no region, its characters no abbreviations (关丹 is no 丹东)
    ("推动中马钦州产业园区与马来西亚关丹产业园区联动发展。", QINZHOU, ["中马钦州产业园区", "钦州市"], set()),
    ("推动钦州港与马来西亚关丹港港航合作。", QINZHOU, ["钦州市", "钦州港"], set()),
    ("打造马来西亚—中国关丹产业园区。", QINZHOU, [], set()),
    ("加强与越南海防港合作。", BEIHAI, [], set()),
    ("推动凭祥与越南谅山同登口岸合作。", Committee("prefecture", "崇左市", "451400", "450000"), ["凭祥市"], set()),
    # a park two countries built keeps their abbreviations; its city is named too
    ("中马钦州产业园区招商引资成效明显。", QINZHOU, ["中马钦州产业园区", "钦州市"], set()),
    # 港 after a port's name, 两港, 港口 is no Hong Kong; beside 深, 珠 or a province it is
    ("推动北部湾港与关丹港合作。", QINZHOU, ["北部湾港"], set()),
    ("深化两港合作，推进港口联动。", QINZHOU, [], set()),
    ("深化深港科技创新合作。", NATIONAL, ["深圳市", "香港特别行政区"], {("深圳市", "香港特别行政区")}),
    ("推进珠澳合作。", NATIONAL, ["珠海市", "澳门特别行政区"], {("珠海市", "澳门特别行政区")}),
    ("推动沪港经贸往来。", NATIONAL, ["上海市", "香港特别行政区"], {("上海市", "香港特别行政区")}),
])
def test_places_abroad_and_ports_are_no_regions(text, committee, names, links):
    found, pairs = regions(text, committee)
    assert found == names
    assert pairs == {frozenset(p) for p in links}


QINGHAI = Committee("province", "青海省", "630000", "630000")
HAIDONG = Committee("prefecture", "海东市", "630200", "630000")


@pytest.mark.parametrize(("text", "committee", "names", "links"), [
    # partner pairs listed in the background (a province's and a prefecture's characters): no far-away city
    # is invented from one character (北 is no 北海市)
    ("对口支援京玉、沪果、津黄、苏海、浙西、鲁北等协作结对持续深化。", QINGHAI, [], set()),
    ("京玉、沪果、津黄、苏海、浙西、鲁北对口支援成效明显。", HAIDONG, [], set()),
    # a city beside 香港 or 澳门 in a list is still read (深港、珠澳)
    ("推动深港、珠澳合作。", NATIONAL, ["珠海市", "澳门特别行政区"], {("珠海市", "澳门特别行政区")}),
    # groups of provinces listed before 等 are still each other's partners
    ("推动川渝、黔桂等沿线地区协同发展。", NATIONAL, ["四川省", "重庆市", "贵州省", "广西壮族自治区"],
     {("四川省", "重庆市"), ("贵州省", "广西壮族自治区")}),
])
def test_a_list_of_partner_pairs_invents_no_city(text, committee, names, links):
    found, pairs = regions(text, committee)
    assert found == names
    assert pairs == {frozenset(p) for p in links}


GUYUAN = Committee("prefecture", "固原市", "640400", "640000")
YINCHUAN = Committee("prefecture", "银川市", "640100", "640000")


@pytest.mark.parametrize(("text", "committee", "names", "links"), [
    # places a practice is spread to are regions, joined neither to each other nor to the partner before them
    ("学习福建经验并推广到西吉县、海原县等地协同推进。", GUYUAN, ["福建省", "西吉县", "海原县"], set()),
    ("闽宁协作示范村经验推广到西吉县、海原县等地。", GUYUAN, ["福建省", "宁夏回族自治区", "西吉县", "海原县"],
     {("福建省", "宁夏回族自治区")}),
    ("推动与庆阳合作的模式覆盖西吉县、隆德县。", GUYUAN, ["庆阳市", "西吉县", "隆德县"], {("固原市", "庆阳市")}),
    ("将闽宁协作经验在西吉、隆德等县推广。", GUYUAN, ["福建省", "宁夏回族自治区", "西吉县", "隆德县"],
     {("福建省", "宁夏回族自治区")}),
    ("在固原与庆阳合作中推广经验。", GUYUAN, ["固原市", "庆阳市"], {("固原市", "庆阳市")}),
    ("推动银川与石嘴山协作辐射带动吴忠、中卫发展。", YINCHUAN, ["银川市", "石嘴山市", "吴忠市", "中卫市"],
     {("银川市", "石嘴山市")}),
])
def test_places_a_practice_is_spread_to_are_linked_to_none(text, committee, names, links):
    found, pairs = regions(text, committee)
    assert found == names
    assert pairs == {frozenset(p) for p in links}


@pytest.mark.parametrize(("text", "committee", "names"), [
    # a canal, a salt lake, rivers: no proper name, no named area (nor 盐湖区 of far-away Shanxi)
    ("打造运河经济带和盐湖产业基地。", QINGHAI, []),
    ("保护江河流域生态，推动汉江生态经济带建设。", QINGHAI, ["汉江生态经济带"]),
    # a river basin keeps its proper name, jieba's split or not
    ("保护星江河流域生态。", QINGHAI, ["星江河流域"]),
    ("保护黄河流域生态。", QINGHAI, ["黄河流域"]),
    # a metropolitan area named by two places keeps its full name
    ("建设西宁—海东都市圈。", QINGHAI, ["西宁市", "西宁—海东都市圈", "海东市"]),
])
def test_generic_compounds_are_no_named_areas(text, committee, names):
    assert regions(text, committee)[0] == names


DAXING = Committee("county", "大兴区", "110115", "110000")


@pytest.mark.parametrize(("text", "committee", "names"), [
    # a zone headed by a place and an airport, a proper name and a descriptor, a pair of provinces and a name
    ("建设大兴国际机场临空经济区。", DAXING, ["大兴区", "大兴国际机场临空经济区"]),
    ("建设柴达木循环经济试验区。", QINGHAI, ["柴达木循环经济试验区"]),
    ("支持川渝高竹新区建设。", NATIONAL, ["川渝高竹新区"]),
    # a bare airport zone names no region (the committee's place is named by 我区 where the speech says so)
    ("发展临空经济区。", DAXING, []),
    ("建设西部新区。", QINGHAI, []),
])
def test_named_zones_headed_by_a_proper_name(text, committee, names):
    assert regions(text, committee)[0] == names


YUBEI = Committee("county", "渝北区", "500112", "500000")


@pytest.mark.parametrize(("text", "committee", "names", "links"), [
    # an area named by a pair of provinces lies in each: beside one of them alone it links nothing
    ("川渝高竹新区是全市唯一跨省合作的新区。", YUBEI, ["川渝高竹新区", "重庆市"], set()),
    # a descriptor and a proper name make an area, a verb and a basin word none; 合作 is no name
    ("要建立健全流域生态补偿机制。", QINGHAI, [], set()),
    ("建设琼港合作示范区。", NATIONAL, ["海南省", "香港特别行政区"], {("海南省", "香港特别行政区")}),
])
def test_areas_named_by_provinces(text, committee, names, links):
    found, pairs = regions(text, committee)
    assert found == names
    assert pairs == {frozenset(p) for p in links}


YONGNING = Committee("county", "永宁县", "640121", "640000")
NINGXIA = Committee("province", "宁夏回族自治区", "640000", "640000")
SICHUAN = Committee("province", "四川省", "510000", "510000")


@pytest.mark.parametrize(("text", "committee", "names", "links"), [
    # a pair of provinces where one is the committee's own gives their link; a town named after it is a town
    ("深化闽宁协作，推动乡村全面振兴。", NINGXIA, ["福建省", "宁夏回族自治区"], {("福建省", "宁夏回族自治区")}),
    ("闽宁镇从干沙滩变成金沙滩。", YONGNING, ["闽宁镇"], set()),
    ("推动乡镇建设和重点镇发展。", YONGNING, [], set()),
    # an area's part in a place: the place is the party (亦庄新城 is no partner of 大兴)
    ("推动亦庄新城大兴片区与北京经济技术开发区协同创新。", DAXING,
     ["亦庄新城", "大兴区", "北京市", "北京经济技术开发区"], {("大兴区", "北京经济技术开发区")}),
    # two places counted as 两地 are linked; the count restates no pair of their provinces
    ("大兴、廊坊两地产业互补性强。", DAXING, ["大兴区", "廊坊市"], {("大兴区", "廊坊市")}),
    ("川渝两地产业协作不断深化。支持成都、重庆两地企业组建创新联合体。", SICHUAN,
     ["四川省", "重庆市", "成都市"], {("四川省", "重庆市"), ("成都市", "重庆市")}),
    # a zone of provinces' cooperation and the one city the speech names in each of two of them
    ("推进陕甘宁红色旅游协作区建设。固原和庆阳红色资源丰富，但线路不连通。", GUYUAN,
     ["陕西省", "甘肃省", "宁夏回族自治区", "固原市", "庆阳市"],
     {("陕西省", "甘肃省"), ("陕西省", "宁夏回族自治区"), ("固原市", "庆阳市")}),
    # several cities of one province: no partner is said
    ("推进陕甘宁红色旅游协作区建设。固原、庆阳、平凉红色资源丰富。", GUYUAN,
     ["陕西省", "甘肃省", "宁夏回族自治区", "固原市", "庆阳市", "平凉市"],
     {("陕西省", "甘肃省"), ("陕西省", "宁夏回族自治区"), ("甘肃省", "宁夏回族自治区")}),
])
def test_links_of_pairs_zones_and_counted_places(text, committee, names, links):
    found, pairs = regions(text, committee)
    assert found == names
    assert pairs == {frozenset(p) for p in links}


LIANJIANG = Committee("county", "连江县", "350122", "350000")
HEXI = Committee("county", "河西区", "120103", "120000")


@pytest.mark.parametrize(("text", "committee", "names", "links"), [
    # a far city by its first character is a partner of a provincial-level division only, and a pair the text
    # spells out (连江与马祖) is read as spelled: 马 is no 马鞍山 nor 马尾区
    ("深化连马融合发展，推动连江与马祖在海洋渔业领域开展交流合作。", LIANJIANG, ["连江县"], set()),
    ("推动津承协同发展。", HEXI, ["天津市", "承德市"], {("天津市", "承德市")}),
])
def test_a_far_city_by_its_first_character(text, committee, names, links):
    found, pairs = regions(text, committee)
    assert found == names
    assert pairs == {frozenset(p) for p in links}


def test_a_digest_of_cooperation_zones():
    """A committee's digest through the pipeline: 闽宁协作 in a title links the two provinces, 闽宁镇 is a town, the
    listed partner pairs invent no city, the places a practice is spread to are linked to none; a cooperation zone of
    provinces in a title links the one city its body names in each."""
    path = Path(__file__).parents[1] / "data" / "region_kinds" / "guyuan-cooperation-zones.txt"
    first, second = to_record(extract_file(path))["speeches"]
    assert first["regions"] == ["福建省", "宁夏回族自治区", "固原市", "闽宁镇", "西吉县", "海原县"]
    assert first["region_links"] == [["福建省", "宁夏回族自治区"]]
    assert ["庆阳市", "固原市"] in second["region_links"]
    assert {"固原市", "庆阳市"} <= set(second["regions"])


@pytest.mark.parametrize(("text", "committee", "names"), [
    # an autonomous prefecture called by its short name and 州
    ("打造海西州盐湖产业基地。", QINGHAI, ["海西蒙古族藏族自治州"]),
    ("支持黔东南州、大理州发展。", NATIONAL, ["黔东南苗族侗族自治州", "大理白族自治州"]),
    # 海西 is Qinghai's prefecture at home, the economic zone across the strait elsewhere
    ("支持海西发展。", QINGHAI, ["海西蒙古族藏族自治州"]),
    ("支持海西发展。", NATIONAL, ["海峡西岸经济区"]),
])
def test_autonomous_prefectures_by_short_name(text, committee, names):
    assert regions(text, committee)[0] == names
