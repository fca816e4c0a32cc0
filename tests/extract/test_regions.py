"""Regions a speech names and the links it makes: full and short names, own-place words, pair
abbreviations (广佛, 川渝), area compounds, and only the parties of a link."""

from __future__ import annotations

import pytest
from committees import (
    ANJI,
    DABU,
    DEYANG,
    DINGXI,
    FOSHAN,
    JILIN,
    JINJIANG,
    JINZHONG,
    NATIONAL,
    SHIYAN,
    XIYANG,
    YONGCHUAN,
    source,
)

from kg.extract.regions import abbreviation_pairs, area_compounds, region_links, region_mentions
from kg.records import Committee, Span

SHANGHAI = Committee("province", "上海市", "310000", "310000")  # a municipality: no prefecture level
HEXI = Committee("county", "河西区", "120103", "120000")  # a district of the municipality 天津
ZHUHAI = Committee("prefecture", "珠海市", "440400", "440000")
BAIYIN = Committee("prefecture", "白银市", "620400", "620000")
HAINAN = Committee("province", "海南省", "460000", "460000")
ZHOUSHAN = Committee("prefecture", "舟山市", "330900", "330000")
YANGZHOU = Committee("prefecture", "扬州市", "321000", "320000")
XIAMEN = Committee("prefecture", "厦门市", "350200", "350000")
QINGPU = Committee("county", "青浦区", "310118", "310000")
TAICANG = Committee("county", "太仓市", "320585", "320000")
KUNSHAN = Committee("county", "昆山市", "320583", "320000")
BEIHAI = Committee("prefecture", "北海市", "450500", "450000")
NATIONAL_JIANGSU = Committee("province", "江苏省", "320000", "320000")
JIANSHUI = Committee("county", "建水县", "532524", "530000")
YUBEI = Committee("county", "渝北区", "500112", "500000")
DALIAN = Committee("prefecture", "大连市", "210200", "210000")
NEIMENGGU = Committee("province", "内蒙古自治区", "150000", "150000")  # an autonomous region: its 我区 is itself


def regions(text: str, committee) -> tuple[list[str], set[frozenset[str]]]:
    """Names in order of mention, and links (unordered, as scored), as the pipeline combines the
    extractors for one span."""
    src, span = source(text)
    mentions = sorted(region_mentions(src, span, committee) + abbreviation_pairs(src, span, committee)
                      + area_compounds(src, span, committee), key=lambda m: m.span)
    links = region_links(src, [span], mentions, committee)
    return list(dict.fromkeys(m.name for m in mentions)), {frozenset(link) for link in links}


@pytest.mark.parametrize(("text", "committee", "names"), [
    ("我市文旅资源丰富，平遥古城享誉中外。", JINZHONG, ["晋中市", "平遥县"]),
    ("全县茶园面积持续扩大。", DABU, ["大埔县"]),
    ("我市鞋服产业是第一支柱产业。", JINJIANG, ["晋江市"]),  # a county-level city's 我市
    ("我国职业教育体系不断完善。", NATIONAL, []),  # 我国 → 中国 is optional in the gold: not said
    ("与省内高校共建实训基地。", JINZHONG, []),  # 省内 qualifies a noun, names no place
    ("长治久安。", JINZHONG, []),  # 长治 inside a word is no place
    ("培育朝阳产业，引进宁德时代项目。", JINZHONG, []),  # nor in a word of the not_places list
    ("与朝阳市共建产业园。", JINZHONG, ["朝阳市"]),
    # a far-away place's short name inside a building's or street's name names no place
    ("修缮朝阳楼、朝阳门一带的老街。", JIANSHUI, []),
    # a district named by a description (古城区, an old town's area) only after its own city
    ("保护建水古城区风貌，古城区内停车难。", JIANSHUI, ["建水县"]),
    ("丽江古城区游客量回升。", JIANSHUI, ["丽江市", "古城区"]),
    # a far-away city's short name starting a landmark's name; a place of the own province still counts
    ("我县拥有大寨、龙岩大峡谷等知名景区。", XIYANG, ["昔阳县"]),
    ("平遥古城游客持续增长。", JINZHONG, ["平遥县"]),
    ("推动山西中部城市群高质量发展，保护黄河流域生态。", JINZHONG, ["山西中部城市群", "黄河流域"]),
    ("推动大别山革命老区振兴。", NATIONAL, ["大别山革命老区"]),
    ("环太湖地区水质持续改善。", ANJI, ["环太湖地区"]),
    ("融入成都都市圈。", NATIONAL, ["成都市", "成都都市圈"]),
    ("建设海峡两岸青年创业基地。", JINJIANG, []),
    # a short name does not outweigh the general dictionary's natural split (兰白城际 is no 白城市) …
    ("借鉴兰白城际列车开行的经验。", DINGXI, []),
    # … and a county's short name that is a frequent ordinary word (合作市, 安定区) names no place
    ("加强与高校合作，保持社会安定。", DINGXI, []),
    ("安定区马铃薯产业发展迅速。", DINGXI, ["安定区"]),
    # named areas: a head (a place, a run of abbreviations, a river), descriptor words, an area word
    ("深度融入襄十随神城市群。", SHIYAN, ["襄十随神城市群"]),
    ("加快汉江生态经济带建设。", SHIYAN, ["汉江生态经济带"]),
    ("建设沈阳现代化都市圈。", NATIONAL, ["沈阳市", "沈阳现代化都市圈"]),
    ("共建泸永江融合发展示范区。", YONGCHUAN, ["泸永江融合发展示范区"]),
    ("共建荣内泸协同发展示范区。", YONGCHUAN, ["荣内泸协同发展示范区"]),
    ("推进生态经济带建设。", SHIYAN, []),  # descriptors and an area word without a head name nothing
    # a municipality's 我市 is itself (no prefecture level between it and its districts)
    ("我市高度重视家庭教育。", SHANGHAI, ["上海市"]),
    ("全市养老服务设施不断完善。", HEXI, ["天津市"]),
    # a city whose last character starts a longer word (泉港区, 水产业, 安全) is still found
    ("加快阳泉港区建设。", NATIONAL, ["阳泉市", "阳泉港区"]),
    ("天水产业园区发展迅速。", NATIONAL, ["天水市", "天水产业园区"]),  # X产业园区 a named area (issue 10)
    ("推进六安全域旅游。", NATIONAL, ["六安市"]),
    ("九江城区人口持续增长。", NATIONAL, ["九江市"]),
    # a port or zone named after a county names it anywhere, and is a named area itself; 连云港港区 is the city's
    ("支持太仓港区发展江海联运。", SHANGHAI, ["太仓市", "太仓港区"]),
    ("连云港港区吞吐量持续增长。", SHANGHAI, ["连云港市", "连云港港区"]),
    # a place and a generic word (kg/data/place_area_suffixes.tsv) make a named area; a place before the head
    # belongs to it (宁波舟山港), a bay's place is the bay's (崖州湾科技城 is no 崖州区)
    ("推动钦州港与北海港错位发展。", NATIONAL, ["钦州市", "钦州港", "北海市", "北海港"]),
    ("宁波舟山港货物吞吐量居全球首位。", NATIONAL, ["宁波市", "宁波舟山港", "舟山市"]),
    ("做强芜湖经济技术开发区、合肥高新区。", NATIONAL, ["芜湖市", "芜湖经济技术开发区", "合肥市", "合肥高新区"]),
    ("建设崖州湾科技城。", HAINAN, ["崖州湾科技城"]),
    ("保护高邮湖生态。", YANGZHOU, ["高邮湖"]),
    ("建设太仓港，发展钦州保税港区。", NATIONAL, ["太仓市", "太仓港", "钦州市", "钦州保税港区"]),
    ("港口、山区、湖泊和香港都不是这样的地名。", NATIONAL, ["香港特别行政区"]),
    ("加快融入上海大都市圈，共建闽西南协同发展区。", NATIONAL, ["上海市", "上海大都市圈", "闽西南协同发展区"]),
    # famous lakes, wetlands, estuaries, mountains and national parks are named areas by kind (named_areas.tsv)
    ("阳澄湖、东滩和长江口生态保护。", NATIONAL, ["阳澄湖", "崇明东滩", "长江口"]),
    ("建设三江源国家公园。", NATIONAL, ["三江源国家公园"]),
    # a head that is a named area's other spelling (洋浦 of 洋浦经济开发区) makes a named area too, itself no place
    ("提升洋浦港国际航运能级。", NATIONAL, ["洋浦港"]),
    # a port named after a city far from the committee, outside any link, still gives the city
    ("大连港集团加快转型升级。", JINZHONG, ["大连市", "大连港"]),
    # a province's abbreviation alone after a word of presence or movement is the province (在闽, 来沪, 赴台) …
    ("台胞在闽就业创业的人数逐年增加。", NATIONAL, ["福建省"]),
    ("吸引更多人才来沪发展，在渝企业持续增加。", JINZHONG, ["上海市", "重庆市"]),
    ("吸引更多境外游客来辽。", Committee("province", "辽宁省", "210000", "210000"), ["辽宁省"]),  # no 辽阳
    ("台胞来晋创业扶持政策知晓度不高。", JINJIANG, ["晋江市"]),  # the committee's own place, not 山西
    # … not where alone it is an ordinary word or another place's (新的, 港 a port, 澳 Australia), nor in a run
    ("在新的起点上，在港船舶和在澳留学人员都不是。", NATIONAL, []),
    ("台胞在闽台企就业。", NATIONAL, []),
    ("但目前海岛旅游季节性明显。", NATIONAL, []),  # a head starts a word: 目前|海岛 holds no 前海岛
    # a county-level city's short name anywhere, unless it is an ordinary word first (江山: the country)
    ("加强与昆山、义乌等地产业协作。", SHANGHAI, ["昆山市", "义乌市"]),
    ("江山就是人民，人民就是江山。", SHANGHAI, []),
    # common nouns that are districts' names (矿区, 郊区) and the table's placeholders (海域) are no places
    ("矿区生态修复任务重，郊区学校课后服务资源匮乏。", JINZHONG, []),
    ("规范海域使用管理。", NATIONAL, []),
    # counties' short names that are common words first are read only with their suffix
    ("我市港口资源丰富，公安机关加强巡查。", BEIHAI, ["北海市"]),
    ("资源县加快发展。", BEIHAI, ["资源县"]),
    # an autonomous region's 我区/全区 is the region itself; a province has no 区 of its own
    ("我区风电装机规模居全国前列，全区各盟市加快布局。", NEIMENGGU, ["内蒙古自治区"]),
    ("全区上下齐心协力。", NATIONAL_JIANGSU, []),
    # islands, old towns, historic districts and scenic areas are named areas
    ("我市东澳岛、外伶仃岛等海岛风光秀丽。", ZHUHAI, ["珠海市", "东澳岛", "外伶仃岛"]),
    ("朱家角古镇、三坊七巷游客持续增长。", NATIONAL, ["朱家角古镇", "三坊七巷"]),
    # an island or port area no table lists: two characters no dictionary word, then 岛 or 港区 (not 海岛, 生态岛)
    ("推进衢山岛开发，提升白泉港区和六横港区功能。", ZHOUSHAN, ["衢山岛", "白泉港区", "六横港区"]),
    ("建设世界级生态岛，保护好每个海岛和陆岛交通。", ZHOUSHAN, []),
    # a bay's name after its city stands alone; the city is named beside it
    ("三亚崖州湾科技城集聚种业企业。", HAINAN, ["三亚市", "崖州湾科技城"]),
    # a named area and a word that only says what it is (东滩湿地) is that area
    ("提升东滩湿地保护水平。", NATIONAL, ["崇明东滩"]),
    # a county's short name before 湾 or 湖 names the bay or lake
    ("海棠湾旅游资源丰富。", HAINAN, []),
])
def test_mentions(text: str, committee, names: list[str]) -> None:
    assert regions(text, committee)[0] == names


@pytest.mark.parametrize(("text", "committee", "names", "links"), [
    ("加快太原晋中一体化步伐。", JINZHONG, ["太原市", "晋中市"], [("太原市", "晋中市")]),
    ("深化广佛同城化。", FOSHAN, ["广州市", "佛山市"], [("广州市", "佛山市")]),
    ("共建川渝毗邻地区合作平台。", NATIONAL, ["四川省", "重庆市"], [("四川省", "重庆市")]),
    ("深化晋台融合发展。", JINJIANG, ["晋江市", "台湾省"], [("晋江市", "台湾省")]),
    # a run heading a named area, then a link word: each with each, or the committee's place with each other
    ("推进宁镇扬都市圈同城化。", NATIONAL_JIANGSU, ["南京市", "宁镇扬都市圈", "镇江市", "扬州市"],
     [("南京市", "镇江市"), ("南京市", "扬州市"), ("镇江市", "扬州市")]),
    ("推进宁镇扬都市圈同城化。", YANGZHOU, ["南京市", "宁镇扬都市圈", "镇江市", "扬州市"],
     [("南京市", "扬州市"), ("镇江市", "扬州市")]),  # a run heading an area: the committee's place in it
    ("推进宁镇扬都市圈同城化。", NATIONAL_JIANGSU, ["南京市", "宁镇扬都市圈", "镇江市", "扬州市"],
     [("南京市", "扬州市"), ("镇江市", "扬州市"), ("南京市", "镇江市")]),
    # a run of three where one character is a city anywhere, beside places read nearby (通武廊 at 通州)
    ("深化通武廊三地合作。", Committee("county", "通州区", "110112", "110000"), ["通州区", "武清区", "廊坊市"],
     [("通州区", "武清区"), ("通州区", "廊坊市"), ("武清区", "廊坊市")]),
    # characters holding a place's own name are no run (来佛山交流)
    ("吸引爱好者来佛山交流。", FOSHAN, ["佛山市"], []),
    # a province's abbreviation beside a municipality's is the province, at the municipality's districts too
    ("推动沪浙两地交流。", QINGPU, ["上海市", "浙江省"], [("上海市", "浙江省")]),
    ("推动沪苏两地青少年科技交流。", QINGPU, ["上海市", "江苏省"], [("上海市", "江苏省")]),  # a long topic after 两地
    # a county across the strait abbreviated beside a city of the committee's province
    ("加密厦金航线，深化厦金两地往来。", XIAMEN, ["厦门市", "金门县"], [("厦门市", "金门县")]),
    # two spots joined by a link word are its parties (spots beside places are not)
    ("推动普陀山朱家尖联动发展。", NATIONAL, ["普陀山", "朱家尖"], [("普陀山", "朱家尖")]),
    # districts of a bordering municipality listed after 与 at a county-level city's committee
    ("深化与嘉定、宝山协同发展。", TAICANG, ["嘉定区", "宝山区"], [("太仓市", "嘉定区"), ("太仓市", "宝山区")]),
    ("践行绿水青山就是金山银山理念。", TAICANG, [], []),
    # a county read beside a far-away place is no party (临港: no 临桂区-香港)
    ("共建临港产业合作园区。", BEIHAI, [], []),
    ("我市与上海青浦、嘉定毗邻，深化两地交流。", KUNSHAN, ["昆山市", "上海市", "青浦区", "嘉定区"],
     [("昆山市", "青浦区"), ("昆山市", "嘉定区")]),
    # a county's short name listed beside a place of another province is that province's county
    ("我区与太仓、常熟开展协作。", QINGPU, ["青浦区", "太仓市", "常熟市"],
     [("青浦区", "太仓市"), ("青浦区", "常熟市")]),
    ("深化与海门、启东的产业合作。", KUNSHAN, ["海门区", "启东市"], [("昆山市", "海门区"), ("昆山市", "启东市")]),
    ("推动京津冀协同发展。", NATIONAL, ["京津冀"], []),  # a named group, not a pair
    ("与和顺县共建太行山水旅游环线。", XIYANG, ["和顺县"], [("昔阳县", "和顺县")]),
    # three or more listed places: the committee's place with each other one, else each with the next; a run of
    # abbreviations names a group: every member with every other, the committee's place included
    ("推进襄十随一体化。", SHIYAN, ["襄阳市", "十堰市", "随州市"],
     [("十堰市", "襄阳市"), ("十堰市", "随州市"), ("襄阳市", "随州市")]),
    ("我市与襄阳、随州协同发展。", SHIYAN, ["十堰市", "襄阳市", "随州市"],
     [("十堰市", "襄阳市"), ("十堰市", "随州市")]),
    ("推动永川与泸州、江津共建合作园区。", YONGCHUAN, ["永川区", "泸州市", "江津区"],
     [("永川区", "泸州市"), ("永川区", "江津区")]),
    ("推动长春、四平、辽源三市协同发展。", JILIN, ["长春市", "四平市", "辽源市"],
     [("长春市", "四平市"), ("四平市", "辽源市")]),
    ("推动长株潭一体化。", NATIONAL, ["长株潭"], []),  # a named trio is an area, not a link
    # any relation word after a pair, after a few characters of topic too
    ("深化珠澳港航合作。", ZHUHAI, ["珠海市", "澳门特别行政区"], [("珠海市", "澳门特别行政区")]),
    ("促进闽台经贸往来。", NATIONAL, ["福建省", "台湾省"], [("福建省", "台湾省")]),
    ("深化沪苏文旅交流。", SHANGHAI, ["上海市", "江苏省"], [("上海市", "江苏省")]),
    # a city anywhere beside a province or SAR: its first character where no other city shares it, or a
    # classic abbreviation (甬 for 宁波)
    ("深化深港科技创新合作。", NATIONAL, ["深圳市", "香港特别行政区"], [("深圳市", "香港特别行政区")]),
    ("深化沪甬港航合作。", SHANGHAI, ["上海市", "宁波市"], [("上海市", "宁波市")]),
    ("深化津承对口协作。", HEXI, ["天津市", "承德市"], [("天津市", "承德市")]),
    ("推动闽台直航常态化。", NATIONAL, ["福建省", "台湾省"], [("福建省", "台湾省")]),
    # a run of three before a topic and a relation word; a count word between (三省)
    ("促进深港澳青年交流。", Committee("prefecture", "深圳市", "440300", "440000"),
     ["深圳市", "香港特别行政区", "澳门特别行政区"],
     [("深圳市", "香港特别行政区"), ("深圳市", "澳门特别行政区"), ("香港特别行政区", "澳门特别行政区")]),
    ("加强鄂湘赣三省合作。", NATIONAL, ["湖北省", "湖南省", "江西省"],
     [("湖北省", "湖南省"), ("湖南省", "江西省"), ("湖北省", "江西省")]),
    # at the national committee, cities of one province (the only province with a place for each character)
    ("深化广佛同城化。", NATIONAL, ["广州市", "佛山市"], [("广州市", "佛山市")]),
    ("推进厦漳泉一体化。", NATIONAL, ["厦门市", "漳州市", "泉州市"],
     [("厦门市", "漳州市"), ("漳州市", "泉州市"), ("厦门市", "泉州市")]),
    ("深化东西部协作，推动南北合作。", NATIONAL, [], []),
    # … also where one character is a province's abbreviation too (鄂 of 呼包鄂 is 鄂尔多斯 there)
    ("推动呼包鄂协同发展。", NATIONAL, ["呼和浩特市", "包头市", "鄂尔多斯市"],
     [("呼和浩特市", "包头市"), ("包头市", "鄂尔多斯市"), ("呼和浩特市", "鄂尔多斯市")]),
    # at a county's committee: a county of its own city, a district across the border of a municipality
    # (the run heads its named core area: the committee's place with each other member, as 襄十随神城市群 at 襄阳)
    ("推进嘉昆太协同创新核心圈建设。", KUNSHAN, ["嘉定区", "嘉昆太协同创新核心圈", "昆山市", "太仓市"],
     [("嘉定区", "昆山市"), ("昆山市", "太仓市")]),
    # two places' border area (交界片区) links them
    ("推动顺德、南海交界片区连片改造。", FOSHAN, ["顺德区", "南海区"], [("顺德区", "南海区")]),
    # a quoted slogan between a pair and its relation word
    ("深化闽台‘通、惠、情’融合。", NATIONAL, ["福建省", "台湾省"], [("福建省", "台湾省")]),
    # people named by where they come from join no places (their places are regions of the speech, issue 10)
    ("港澳台同胞交流日益密切。", NATIONAL, ["香港特别行政区", "澳门特别行政区", "台湾省"], []),
    # no run inside a longer word, nor an ordinary word
    ("培育新青年创业合作平台。", NATIONAL, [], []),
    ("加强长江合作机制建设。", NATIONAL, [], []),
    # a group of provincial-level divisions: each member a region, each pair a link, also where the group
    # is a named area at the national committee (in either script), after a relation, a count or an area word
    ("推动京津冀协同创新共同体建设。", NATIONAL, ["北京市", "京津冀", "天津市", "河北省"],
     [("北京市", "天津市"), ("北京市", "河北省"), ("天津市", "河北省")]),
    ("推動京津冀協同創新。", NATIONAL, ["北京市", "京津冀", "天津市", "河北省"],
     [("北京市", "天津市"), ("北京市", "河北省"), ("天津市", "河北省")]),
    ("深化粤港澳规则衔接。", ZHUHAI, ["广东省", "香港特别行政区", "澳门特别行政区"],
     [("广东省", "香港特别行政区"), ("广东省", "澳门特别行政区"), ("香港特别行政区", "澳门特别行政区")]),
    ("加快建设粤港澳大湾区。", NATIONAL, ["广东省", "粤港澳大湾区", "香港特别行政区", "澳门特别行政区"],
     [("广东省", "香港特别行政区"), ("广东省", "澳门特别行政区"), ("香港特别行政区", "澳门特别行政区")]),
    # groups listed before 等 share its relation word; each group's members are partners of each other only
    ("推进川渝、黔桂等沿线地区协同。", NATIONAL, ["四川省", "重庆市", "贵州省", "广西壮族自治区"],
     [("四川省", "重庆市"), ("贵州省", "广西壮族自治区")]),
    ("黔桂两省区铁路运能偏紧。", NATIONAL, ["贵州省", "广西壮族自治区"], [("贵州省", "广西壮族自治区")]),
    ("加强川渝通道建设。", NATIONAL, ["四川省", "重庆市"], [("四川省", "重庆市")]),
    ("推动成渝合作。", NATIONAL, ["成都市", "重庆市"], [("成都市", "重庆市")]),
    # … but the state's strategy for a named area (京津冀协同发展) and a local committee's named area are no link
    ("京津冀协同发展战略实施十年来成效显著。", NATIONAL, ["京津冀"], []),
    ("推动京津冀医疗协作走深走实。", HEXI, ["京津冀"], []),
    # a count alone makes a pair of the places it counts (京张两地联合: 北京 and the committee's 张家口) …
    ("京张两地联合打造旅游产品。", Committee("prefecture", "张家口市", "130700", "130000"), ["北京市", "张家口市"],
     [("北京市", "张家口市")]),
    # … where they read as places (张北 is a county's short name, no pair)
    ("张北两县旅游资源丰富。", Committee("prefecture", "张家口市", "130700", "130000"), ["张北县"], []),
])
def test_pairs_and_links(text: str, committee, names: list[str], links: list[tuple[str, ...]]) -> None:
    assert regions(text, committee) == (names, {frozenset(link) for link in links})


@pytest.mark.parametrize(("text", "committee", "links"), [
    # the area the link serves is no party to it
    ("广佛同城化是粤港澳大湾区建设的重要支撑。", FOSHAN, [("广州市", "佛山市")]),
    ("成德同城化是成渝地区双城经济圈建设的重要组成部分。", DEYANG, [("成都市", "德阳市")]),
    # nor the province that holds both places
    ("推进济南淄博同城化是我省省会经济圈建设的重要任务。", NATIONAL, [("济南市", "淄博市")]),
    # nor a place inside a longer mention (成都 of 成都都市圈)
    ("共建现代化成都都市圈。", NATIONAL, []),
    # a coarser restatement of a finer link goes (闽粤 beside 大埔县-龙岩市)
    ("深化闽粤毗邻地区合作，与龙岩市共建客家文化旅游区。", DABU, [("大埔县", "龙岩市")]),
    # the committee's place is the other side, the provinces named beside stand for the two places
    ("与广德市共建浙皖毗邻区域生态旅游合作区。", ANJI, [("安吉县", "广德市")]),
    # old towns and historic districts inside a town are no parties to a link; economic areas may be
    ("推动乔家大院、王家大院联动发展。", NATIONAL, []),
    ("推动长三角与粤港澳大湾区联动发展。", NATIONAL, [("长三角", "粤港澳大湾区")]),
    # places listed after 与 are one side: not linked to each other, but each to the committee's place
    # where the speech names it
    ("加强与兰州、武威等周边城市旅游协作。", BAIYIN, []),
    ("我区将推动与泸州、江津共建合作园区。", YONGCHUAN, [("永川区", "泸州市"), ("永川区", "江津区")]),
    # a province beside a place inside it is no pair: 宁 is 宁夏 beside 闽 at a Fujian committee
    ("深化闽宁协作。", Committee("province", "福建省", "350000", "350000"), [("福建省", "宁夏回族自治区")]),
    # a pair that is the subject of its relation word is a link of its own beside a finer one inside both
    ("浙沪两地往来日益密切，我区与嘉善、平湖协同发展。", QINGPU,
     [("上海市", "浙江省"), ("青浦区", "嘉善县"), ("青浦区", "平湖市")]),
    # … but not one that widens only one side of the finer link
    ("加快川渝合作，推动成都与重庆共建产业园。", NATIONAL, [("成都市", "重庆市")]),
    # the committee's own place with a partner named with its province and city (由我区与…共同建设)
    ("由我区与四川省广安市邻水县共同建设产业园。", YUBEI, [("渝北区", "邻水县")]),
    # ports named after cities: a link of their cities
    ("推动大连港营口港港航一体化。", DALIAN, [("大连市", "营口市")]),
    # a yardstick after 与…相比 is no partner
    ("但与长三角一体化发展的要求相比，我区仍有差距。", QINGPU, []),
])
def test_only_the_parties_of_a_link(text: str, committee, links: list[tuple[str, ...]]) -> None:
    assert regions(text, committee)[1] == {frozenset(link) for link in links}


def test_mentions_slice_the_text() -> None:
    text = "深化廣佛同城化，融入粵港澳大灣區。"
    src, span = source(text)
    mentions = region_mentions(src, span, FOSHAN) + abbreviation_pairs(src, span, FOSHAN)
    expected = {("广州市", "廣"), ("佛山市", "佛"), ("粤港澳大湾区", "粵港澳大灣區")}
    assert {(m.name, m.surface) for m in mentions} == expected
    assert all(text[m.span.start : m.span.end] == m.surface for m in mentions)


def test_mentions_per_region_are_bounded() -> None:
    from kg.extract.abbreviations import MENTIONS_PER_REGION

    text = "推进太原晋中一体化，融入山西中部城市群，" * 2000  # one endless line
    src, _ = source(text)
    span = Span(0, len(src.text))  # the reader breaks the line every 10,000 characters: the text grows
    mentions = (region_mentions(src, span, JINZHONG) + abbreviation_pairs(src, span, JINZHONG)
                + area_compounds(src, span, JINZHONG))
    names = [m.name for m in mentions]
    assert set(names) == {"太原市", "晋中市", "山西中部城市群"}
    assert all(names.count(n) <= 2 * MENTIONS_PER_REGION for n in set(names))


def test_ports_linked_by_their_cities_are_no_regions_of_their_own() -> None:
    """大连港营口港港航一体化 links 大连市 and 营口市, which are the speech's regions (the ports are not); ports
    named in a clause without a link word of theirs stay named areas."""
    from kg.pipeline import extract_text

    digest = ("政协第十四届大连市委员会第三次会议大会发言摘编\n\n推动港航一体化 建设东北亚航运中心\n\n"
              "民建大连市委会\n\n大连港与营口港分工不够明确。\n\n建议：推动大连港营口港港航一体化，共建航运中心。\n")
    speech = extract_text(digest).speeches[0]
    assert set(speech.regions) == {"大连市", "大连港", "营口市", "营口港"}
    assert speech.region_links == [("大连市", "营口市")]
    linked_only = extract_text(digest.replace("大连港与营口港分工不够明确。", "两港分工不够明确。")).speeches[0]
    assert linked_only.regions == ["大连市", "营口市"]
