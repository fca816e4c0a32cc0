"""The kinds of regions a fresh committee's digest names that no table lists (domain.md: named areas that are not
administrative are regions too; record-format.md: a place the speech is about must be found): an area headed by
a proper name (an old town, a border port, a park, a reserve, a wetland, a reservoir, a produce region), a
township, a bay named after a sea; and the links of a committee's own county with its city or neighbour."""

from __future__ import annotations

from pathlib import Path

import pytest
from committees import source
from test_regions import regions

from kg.extract.proper_areas import unit_township
from kg.extract.regions import abbreviation_pairs
from kg.pipeline import extract_file
from kg.records import Committee, to_record

TENGCHONG = Committee("county", "腾冲市", "530581", "530000")  # a county-level city of 保山市, Yunnan
HELAN = Committee("county", "贺兰县", "640122", "640000")  # a county of 银川市, Ningxia
YINCHUAN = Committee("prefecture", "银川市", "640100", "640000")
WUHAN = Committee("prefecture", "武汉市", "420100", "420000")
TANGSHAN = Committee("prefecture", "唐山市", "130200", "130000")
WUYUAN = Committee("county", "婺源县", "361130", "360000")
MEIZHOU = Committee("prefecture", "梅州市", "441400", "440000")


@pytest.mark.parametrize(("text", "committee", "names"), [
    # a proper name before the generic word that jieba knows (和顺, a county of far-away Shanxi) or not (猴/桥)
    ("和顺古镇游客量持续回升。", TENGCHONG, ["和顺古镇"]),
    ("猴桥口岸通关能力不足。", TENGCHONG, ["猴桥口岸"]),
    ("游客到猴桥口岸通关。", TENGCHONG, ["猴桥口岸"]),
    ("加快马站工业园区建设。", TENGCHONG, ["马站工业园区"]),
    ("高黎贡山国家级自然保护区生物多样性丰富。", TENGCHONG, ["高黎贡山国家级自然保护区"]),
    ("阅海湿地、鸣翠湖湿地生态持续向好。", YINCHUAN, ["阅海湿地", "鸣翠湖湿地"]),
    ("贺兰山东麓葡萄酒产区知名度不断提升。", YINCHUAN, ["贺兰山东麓葡萄酒产区"]),  # a mountain's side heads it
    ("东湖新技术开发区集聚光电子企业。", WUHAN, ["东湖新技术开发区"]),  # one word to jieba; 东湖区 is Nanchang's
    # a reservoir named after a city is an area, the city named too
    ("保护好银川水库水源。", YINCHUAN, ["银川市", "银川水库"]),
    # a place of the committee's province, or a county-level city, heading a park is that place
    ("做优做强婺源工业园区。", WUYUAN, ["婺源县"]),
    ("推动腾冲工业园区转型升级。", TENGCHONG, ["腾冲市"]),
    # a run of abbreviations names the places that built the park; a description is no name
    ("推动广梅产业园建设。", MEIZHOU, []),
    ("保护江南水乡古镇。", TANGSHAN, []),
    # ordinary words, numerals and function words before the generic word name nothing
    ("新建两座水库，修复城市湿地，建设生态湿地，打造智慧口岸。", TANGSHAN, []),
    ("建设化工产业园和数字产业园。", TANGSHAN, []),
    # nor a word that describes the kind of area (a coastal wetland, a hill-pond reservoir)
    ("保护滨海湿地、红树林湿地，加固山塘水库。", TANGSHAN, []),
    ("提升陆路口岸、航空口岸功能，管好省级自然保护区，建设特色小镇、中心镇。", TANGSHAN, []),
    # a township: its own name, jieba's split or not (界/头/乡, 曲/石镇); common words ending in 乡/镇 are none
    ("推进界头乡、曲石镇乡村振兴。", TENGCHONG, ["界头乡", "曲石镇"]),
    ("推进城关镇、马街镇建设。", TENGCHONG, ["城关镇", "马街镇"]),  # a township's name the dictionary knows whole
    ("推进婺源与景德镇文旅协同。", WUYUAN, ["婺源县", "景德镇市"]),  # a city's own name is no township
    ("加快漕河泾开发区建设，管好省级开发区和各类开发区。", TENGCHONG, ["漕河泾开发区"]),
    ("推动城乡融合，做好乡镇建设，打造工业重镇和特色城镇，返回家乡创业，推行县管乡用。", TENGCHONG, []),
    # a bay named after a sea
    ("治理渤海湾近岸海域污染。", TANGSHAN, ["渤海湾"]),
])
def test_named_areas_headed_by_a_proper_name(text, committee, names):
    assert regions(text, committee)[0] == names


TIANJIN = Committee("province", "天津市", "120000", "120000")
BAOSHAN = Committee("prefecture", "保山市", "530500", "530000")
JINZHONG = Committee("prefecture", "晋中市", "140700", "140000")
TAIZHOU_ZJ = Committee("prefecture", "台州市", "331000", "330000")


@pytest.mark.parametrize(("text", "committee", "names", "links"), [
    # the committee's own county abbreviated beside its city (保 of 保山) or the city's first character (银 of 银川)
    ("推动保腾一体化，加强保腾两地合作。", TENGCHONG, ["保山市", "腾冲市"], {("保山市", "腾冲市")}),
    ("推进银贺同城化发展。", HELAN, ["银川市", "贺兰县"], {("银川市", "贺兰县")}),
    # a county's first character stands for it only at home (its city's committee too): far away 腾 is no 腾冲
    ("推动保腾一体化。", BAOSHAN, ["保山市", "腾冲市"], {("保山市", "腾冲市")}),
    ("推动保腾一体化。", YINCHUAN, [], set()),
    # a run of the city's own counties at its committee; a county's character beside a city's is still the city's
    ("推进榆太祁一体化发展。", JINZHONG, ["榆次区", "太谷区", "祁县"],
     {("榆次区", "太谷区"), ("榆次区", "祁县"), ("太谷区", "祁县")}),
    ("推动平介协同发展。", JINZHONG, ["平遥县", "介休市"], {("平遥县", "介休市")}),
    ("推动太原和晋中一体化发展。", JINZHONG, ["太原市", "晋中市"], {("太原市", "晋中市")}),
    # a zone named after a city stands for the city in a link
    ("推动银川经开区与石嘴山经开区协同发展。", YINCHUAN, ["银川市", "银川经开区", "石嘴山市", "石嘴山经开区"],
     {("石嘴山市", "银川市")}),
    # a county-level city whose bare name is an ordinary word names no place far away, but at home it does
    ("做强临海产业，发展临海经济。", TIANJIN, [], set()),
    ("推动临海与椒江协同发展。", TAIZHOU_ZJ, ["临海市", "椒江区"], {("椒江区", "临海市")}),
])
def test_pairs_of_the_committees_own_places(text, committee, names, links):
    found, pairs = regions(text, committee)
    assert found == names
    assert pairs == {frozenset(p) for p in links}


def test_a_township_byline_unit_is_a_region_of_its_speech():
    """驼峰乡政协委员联络组: the unit's township is a region (its own name, no code); the speech's areas and the
    county's link with its city come with it."""
    doc = to_record(extract_file(Path(__file__).parents[1] / "data" / "region_kinds" / "tengchong-township-unit.txt"))
    first, second = doc["speeches"]
    assert first["organization"] == "驼峰乡政协委员联络组"
    assert first["regions"] == ["和顺古镇", "驼峰乡", "腾冲市"]
    assert second["regions"] == ["保山市", "腾冲市", "猴桥口岸"]
    assert second["region_links"] == [["保山市", "腾冲市"]]


@pytest.mark.parametrize(("unit", "township"), [
    ("驼峰乡政协委员联络组", "驼峰乡"),
    ("腾冲市驼峰乡政协委员联络组", "驼峰乡"),  # after the place the unit names
    ("曲石街道政协委员工作组", "曲石街道"),
    ("县政协委员联络组", None),  # a level's word, no township
    ("乡镇政协委员联络组", None),
    ("民革腾冲市委", None),
])
def test_the_township_of_a_unit(unit, township):
    found = unit_township(unit)
    assert (found[2] if found else None) == township


def test_a_cluster_name_takes_its_members_from_the_list_nearby():
    """融入武鄂黄黄 in a title: 黄 is 黄石 and 黄冈, as the body lists them; the cluster links nothing itself, the
    text's own pair (黄石与鄂州同城化) is the link."""
    doc = to_record(extract_file(Path(__file__).parents[1] / "data" / "region_kinds" / "huangshi-cluster.txt"))
    (speech,) = doc["speeches"]
    assert speech["regions"] == ["武汉市", "鄂州市", "黄石市", "黄冈市"]
    title = [m["name"] for m in speech["region_mentions"] if m["end"] - m["start"] == 1]
    assert title == ["武汉市", "鄂州市", "黄石市", "黄冈市"]
    assert speech["region_links"] == [["黄石市", "鄂州市"]]


HUANGSHI = Committee("prefecture", "黄石市", "420200", "420000")


@pytest.mark.parametrize(("text", "names", "links"), [
    # no list nearby, or one lacking a member: the repeated character says nothing, no place is guessed
    ("加快武鄂黄黄一体化发展", [], set()),
    ("加快武鄂黄黄一体化发展，鄂州、黄冈各有所长。", ["鄂州市", "黄冈市"], set()),
    # a list nearby: the members, and only the pairs the text makes (黄石与鄂州、黄冈)
    ("推进武鄂黄黄一体化，武汉、鄂州、黄石、黄冈各有所长，黄石与鄂州、黄冈同城化发展。",
     ["武汉市", "鄂州市", "黄石市", "黄冈市"],
     {("黄石市", "鄂州市"), ("黄石市", "黄冈市")}),
    ("全力推进武鄂黄黄建设，武汉、鄂州、黄石、黄冈各有所长。", ["武汉市", "鄂州市", "黄石市", "黄冈市"], set()),
])
def test_a_cluster_with_a_repeated_character(text, names, links):
    found, pairs = regions(text, HUANGSHI)
    assert found == names
    assert pairs == {frozenset(p) for p in links}


def test_a_cluster_read_after_a_verb_whose_last_character_abbreviates():
    """推进武鄂黄黄: the cluster starts at its own word, not inside 推进."""
    src, span = source("全力推进武鄂黄黄建设，武汉、鄂州、黄石、黄冈各有所长。")
    found = [(m.surface, m.name) for m in abbreviation_pairs(src, span, HUANGSHI)]
    assert found == [("武", "武汉市"), ("鄂", "鄂州市"), ("黄", "黄石市"), ("黄", "黄冈市")]
