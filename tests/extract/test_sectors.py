"""Sector choice: the most central concept first, further ones by weight or by the title."""

from __future__ import annotations

import pytest

from kg.extract.sectors import classify
from kg.read import read_text, to_simplified
from kg.records import Span


def sectors(title: str, body: str) -> list[str]:
    text = f"{title}\n{body}"
    src = read_text(text)
    chosen, _ = classify(src, Span(0, len(title)), Span(len(title) + 1, len(text)))
    return chosen


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("深化文旅融合 推动文旅产业提质升级", "我市旅游资源丰富，景区游客持续增长。", ["culture-tourism"]),
    # a second sector that weighs at least half as much
    ("积极培育甲醇汽车优势产业", "甲醇汽车是我市优势产业。推广甲醇燃料，发展绿色低碳交通。甲醇加注站建设滞后。",
     ["industry", "energy"]),
    # a sector the title names with a strong term comes in even where the body dwells elsewhere
    ("联手打造太行山水旅游环线 推动全域旅游提档升级", "我县景区众多，旅游线路分散，游客停留时间短，旅游收入偏低。",
     ["culture-tourism", "regional-coordination"]),
    ("多元协同校企合作 倾力助推产教融合", "推动高校与企业共建实验室，开展产学研合作，促进成果转化。",
     ["science-talent", "education"]),
    ("做强大埔茶产业 带动山区群众增收", "茶园面积持续扩大，茶叶品牌分散。", ["agriculture"]),
    # context words (农村, 妇女) weigh little, the topic of the title comes first; children left behind are a matter of
    # schooling and of public care (governance) both
    ("关爱农村留守儿童 护航健康成长", "我市农村留守儿童较多，农村寄宿制学校心理健康教师不足。",
     ["education", "governance"]),
    ("扩大“两癌”筛查覆盖面 守护妇女健康", "我市农村妇女两癌免费筛查服务群众十余万人次，基层诊断能力偏弱。",
     ["health"]),
    ("推动马铃薯产业全链条升级", "马铃薯是我市主导产业，种薯繁育体系不健全，仓储冷链设施不足。", ["agriculture"]),
    # no evidence, no sector
    ("凝心聚力 共谋发展", "委员们踊跃发言。", []),
])
def test_sector_choice(title: str, body: str, expected: list[str]) -> None:
    assert sectors(title, body) == expected


def test_at_most_three_sectors() -> None:
    title = "统筹教育医疗养老交通"
    body = "教育学校教师；医疗医院患者；养老老年适老；交通公路铁路。"
    assert len(sectors(title, body)) == 3


def test_evidence_is_in_the_text() -> None:
    text = "推動陶瓷產業綠色低碳轉型\n陶瓷企業節能降碳，推廣光伏。"
    src = read_text(text)
    _, evidence = classify(src, Span(0, 12), Span(13, len(text)))
    assert evidence and all(to_simplified(e.span.slice(text)) == e.term for e in evidence)


def test_a_speech_that_joins_places_is_about_regional_coordination() -> None:
    from kg.extract.sectors import LINK_SECTOR, classify
    from kg.read import read_text
    from kg.records import Span

    src = read_text("深化两地文旅合作\n共同打造旅游线路，发展乡村旅游和文化旅游。")
    title, body = Span(0, 8), Span(9, len(src.text))
    alone, _ = classify(src, title, body)
    linked, _ = classify(src, title, body, linked=True)
    assert alone[0] == linked[0] == "culture-tourism"
    assert LINK_SECTOR not in alone and LINK_SECTOR in linked


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a metaphor or an adjective built on a topic word is no evidence for the topic
    ("打造科创金融生态圈 服务科技企业", "科技型企业融资难，风险投资退出渠道不畅，科技成果转化慢。",
     ["science-talent", "finance"]),
    ("发挥商会桥梁作用 助力民营企业发展", "我市商会服务会员企业，中小企业融资难。", ["private-economy"]),
    ("建设宜居宜游幸福之城 发展海岛康养", "引入医疗机构，开发中医药养生产品，发展医养结合。",
     ["health", "elderly-care"]),
    # a compound counts for the sector of its head
    ("发展跨境电商 培育外贸新动能", "支持跨境电商企业建设海外仓，建设跨境电商产业园。",
     ["digital-economy", "investment"]),
    # a second sector made of context words shared by many topics (产业, 企业, 冷链) is no second sector
    ("做强苹果产业 擦亮金字招牌", "果园面积万亩，合作社带动种植，冷链仓储不足，企业转型升级慢，产业链短。",
     ["agriculture"]),
])
def test_metaphors_heads_and_weak_seconds(title: str, body: str, expected: list[str]) -> None:
    assert sectors(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # chambers of commerce, Taiwan-funded firms and trade bring in investment
    ("发挥异地商会作用 推动以商引商", "依托商会开展招商推介，引进一批项目。", ["investment", "private-economy"]),
    ("优化台资企业服务 深化两岸经贸合作", "台资企业用工难，台商子女就学不便。", ["investment"]),
    # a compound whose modifier is a sector of its own counts for both
    ("发展科技金融 服务创新型企业", "推广知识产权质押融资，设立科技金融专营机构。", ["finance", "science-talent"]),
    ("壮大生物医药产业集群", "生物医药企业加快集聚，龙头企业偏少。", ["health", "industry"]),
    # an eco-island named in a title about elderly care is the place's epithet
    ("把生态岛建成康养福地", "发展旅居养老，推动医养结合，引进康养机构。", ["elderly-care", "health"]),
    # an industry named by its material or by where it sits
    ("做强稀土产业 打造新材料基地", "稀土资源丰富，但产业链条短。建议：发展稀土永磁材料。", ["industry"]),
    ("发展临空经济 打造航空港", "临空经济区建设加快。建议：培育临空产业，发展航空制造。", ["industry"]),
    # energy kinds joined by 一体化 are an energy project, no coordination of places
    ("建设风光氢储一体化基地", "风能太阳能资源丰富。建议：推进风光氢储一体化项目。", ["energy"]),
    # two places' rules are their coordination
    ("深化粤港澳规则衔接 打造一流营商环境", "规则衔接仍有堵点。建议：推动规则衔接、机制对接。",
     ["regional-coordination", "investment"]),
])
def test_compounds_and_contexts(title: str, body: str, expected: list[str]) -> None:
    assert sectors(title, body) == expected


def test_a_link_named_only_in_passing_makes_no_coordination_speech() -> None:
    from kg.extract.sectors import LINK_SECTOR

    src = read_text("做强茶产业 带动群众增收\n茶园面积扩大，茶叶品牌分散。建议与邻县开展茶旅合作。")
    title, body = Span(0, 12), Span(13, len(src.text))
    linked, _ = classify(src, title, body, linked=True)
    assert linked == ["agriculture"] and LINK_SECTOR not in linked


def test_evidence_per_speech_is_bounded() -> None:
    from kg.extract.sectors import EVIDENCE_PER_SECTOR, EVIDENCE_PER_TERM

    body = "旅游景区游客文旅民宿非遗文物" * 5000  # one endless line of topic words
    src = read_text(f"发展文旅产业\n{body}")
    chosen, evidence = classify(src, Span(0, 6), Span(7, len(src.text)))
    assert chosen == ["culture-tourism"]
    assert len(evidence) <= EVIDENCE_PER_SECTOR * len(chosen)
    per_term = {}
    for e in evidence:
        per_term[e.term] = per_term.get(e.term, 0) + 1
    assert max(per_term.values()) <= EVIDENCE_PER_TERM


def test_weak_sectors() -> None:
    from kg.extract.sectors import weak_sectors

    strong = read_text("推动马铃薯产业全链条升级\n马铃薯是我市主导产业，种薯繁育体系不健全。")
    title = Span(0, 12)
    body = Span(13, len(strong.text))
    assert weak_sectors(strong, title, body, classify(strong, title, body)[0]) == []
    weak = read_text("凝心聚力 共谋发展\n加强企业服务，推动产业链延伸，帮助企业稳产业链。")  # context words only
    title, body = Span(0, 9), Span(10, len(weak.text))
    chosen, _ = classify(weak, title, body)
    assert chosen and weak_sectors(weak, title, body, chosen) == chosen[:1]


def linked_sectors(title: str, body: str) -> list[str]:
    text = f"{title}\n{body}"
    src = read_text(text)
    chosen, _ = classify(src, Span(0, len(title)), Span(len(title) + 1, len(text)), linked=True)
    return chosen


def test_an_untitled_speech_that_joins_places_needs_less_to_be_about_coordination() -> None:
    body = "港口航线重复，港口分工不清。建议两地共建组合港。"
    assert "regional-coordination" in linked_sectors("", body)
    assert "regional-coordination" not in linked_sectors("提升港口航线能级", body)


@pytest.mark.parametrize(("title", "body", "expected"), [
    # joining places and naming no other topic: the speech is about joining them
    ("深化两省经贸交流", "两省往来日益密切。建议定期互访。", ["regional-coordination"]),
    # weighing as much as the central sector, coordination comes first
    ("", "两岸融合发展前景广阔，渔业合作有待加强。", ["regional-coordination", "agriculture"]),
])
def test_coordination_first_where_the_link_is_the_topic(title: str, body: str, expected: list[str]) -> None:
    assert linked_sectors(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # the genre's industries and their compounds (kg/data/sector_terms.tsv)
    ("推动白酒产业高质量发展", "酒业品牌众多，酿酒企业规模偏小。", ["industry"]),
    ("发展智慧农业", "推广物联网监测，提高农业生产效率。", ["agriculture", "digital-economy"]),
    ("发展旅居康养 打造休闲度假胜地", "引进康养机构，完善度假设施，发展医养结合。",
     ["culture-tourism", "elderly-care", "health"]),
    ("加强血吸虫病防治", "完善查螺灭螺机制，做好病人救治。", ["health"]),
])
def test_industries_and_compounds(title: str, body: str, expected: list[str]) -> None:
    assert sectors(title, body) == expected


def test_a_title_that_names_the_places_it_joins_is_about_their_coordination() -> None:
    """推动闽台融合发展: the title names the two places its link joins, whatever its body weighs."""
    from kg.extract.sectors import LINK_SECTOR, classify
    from kg.read import read_text
    from kg.records import Span

    src = read_text("推动闽台融合发展\n完善台胞就业、创业、居住政策，便利台胞在闽就业。")
    title, body = Span(0, 8), Span(9, len(src.text))
    plain, _ = classify(src, title, body, linked=True)
    named, _ = classify(src, title, body, linked=True, title_links=True)
    assert LINK_SECTOR not in plain
    assert named[0] == LINK_SECTOR


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a speech about joining two cities that dwells on rail, buses and motorways is about transport too
    ("推进宁马同城化 共建跨江融合发展示范区",
     "近年来，两市同城化进程加快，一体化发展机制不断完善。但同城化仍有短板：跨市轨道交通建设滞后，城际公交线路偏少，"
     "高速公路收费站拥堵，一体化政策协同不够。为此建议：一是加快跨市轨道交通建设，推动城际铁路公交化运营；"
     "二是开通更多跨市公交线路；三是健全同城化协调机制，推动一体化政策互认；四是推进两市公共服务同城化。",
     ["regional-coordination", "infrastructure"]),
    # a private-economy speech that asks again and again for a better business environment is about investment too
    ("激发民营经济活力 推动民营企业高质量发展",
     "我市民营经济贡献了六成以上的税收。但民营企业仍面临融资难、用工贵等问题，营商环境仍有短板，涉企检查偏多。"
     "为此建议：一是持续优化营商环境，落实公平竞争审查；二是开展营商环境评价，以评促改；三是完善民营企业融资支持；"
     "四是构建亲清政商关系，打造市场化法治化国际化营商环境。",
     ["private-economy", "investment"]),
    # industries beside a port, and a farm speech's processing clusters, are industry
    ("做强港口经济 建设区域性国际航运枢纽",
     "我市港口货物吞吐量持续增长，航线网络不断拓展。但港口集疏运体系不完善，临港产业规模偏小、附加值不高。"
     "为此建议：一是完善港口集疏运体系，推进铁水联运；二是加密国际航线；三是做大临港产业，引进先进制造业项目，"
     "打造临港产业集群。",
     ["infrastructure", "industry"]),
    ("做大蔬菜产业 打造乡村振兴新引擎",
     "我县是全省蔬菜种植大县。但蔬菜精深加工能力弱，产业集群尚未形成，农产品品牌影响力不强。为此建议："
     "一是建设标准化蔬菜种植基地；二是引进农产品加工企业，打造蔬菜加工产业集群，建设食品加工产业园；"
     "三是培育区域公用品牌，推动蔬菜产业集群发展。",
     ["agriculture", "industry"]),
    # wine is industry, the grapes grown for it agriculture
    ("推动葡萄酒产业高质量发展 打造葡萄酒产业强市",
     "我市是全国重要的酿酒葡萄产区。但酿酒葡萄种植基地标准化程度低，葡萄酒品牌影响力不强。为此建议："
     "一是建设标准化酿酒葡萄种植基地，推广优良品种；二是培育葡萄酒龙头企业，打造区域公用品牌。",
     ["industry", "agriculture"]),
])
def test_a_second_sector_with_substantial_evidence_of_its_own(title: str, body: str, expected: list[str]) -> None:
    assert sectors(title, body)[:2] == expected


def test_a_term_shared_with_the_central_sector_makes_no_second_sector() -> None:
    # 商会 counts for investment as well as the private economy: no investment from it however often it recurs
    body = ("我市民营企业超过五万家，各类商会86家。但部分商会组织松散，服务民营企业能力不强，民营企业诉求反映渠道不畅。"
            "为此建议：一是加强商会建设；二是支持商会参与行业治理；三是引导民营企业抱团发展，推动民营经济高质量发展；"
            "四是建立商会联系民营企业机制。")
    assert sectors("发挥商会桥梁纽带作用 助力民营企业高质量发展", body) == ["private-economy"]


@pytest.mark.parametrize(("title", "body", "expected"), [
    # opening up: a park built with a foreign partner, capacity cooperation abroad, firms going abroad
    ("推进中马“两国双园”建设 深化国际产能合作",
     "我市与马来西亚共建产业园区，引进外资企业二十余家。但园区配套不足，企业出海渠道少，跨境物流成本高。"
     "建议扩大对外开放，发展开放型经济，推动国际产能合作走深走实。", ["investment"]),
    ("高水平建设临空经济区 打造开放型经济新高地",
     "临空经济区获批以来，航空物流加快集聚，但对外开放平台少，跨境贸易规模小。建议完善口岸功能，推动企业出海。",
     ["investment", "industry"]),
    # a salt-lake chemical base and its products are industry, whatever talent or private firms it needs
    ("做强盐湖产业 建设世界级产业基地",
     "我省盐湖资源丰富，但碳酸锂、金属镁等产品附加值低，循环经济水平不高，高端人才短缺，民营企业参与度低。"
     "建议延伸盐湖化工产业链，发展精细化工，引进科技人才，支持民营企业参与。", ["industry"]),
    # a metropolitan area's integration is about its city functions too
    ("推进都市圈同城化发展 提升中心城市功能",
     "我市都市圈建设起步晚，城市功能不完善，公共服务同城共享程度低。建议完善城市功能，加快都市圈一体化建设。",
     ["regional-coordination", "urban-development"]),
    # an economic belt along a canal joins the places along it
    ("建设大运河文化带 打造运河经济带", "运河沿线城市产业同质，江海联动不足。建议推动沿线城市协同发展，实现江海联动。",
     ["regional-coordination"]),
])
def test_opening_up_bases_and_belts(title: str, body: str, expected: list[str]) -> None:
    assert sectors(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a partnership that is only the means of a school speech makes no coordination speech …
    ("推动职业教育提质培优",
     "我州职业院校办学条件薄弱，专业教师不足。近年来依托对口支援和对口合作，引进东部优质教育资源，"
     "但对口合作多停留在捐赠层面。建议深化对口合作，推动职业院校与东部院校结对，共建专业，提升教师水平。",
     ["education"]),
    ("加快建设国家数据中心集群",
     "我市是东数西算工程枢纽节点，数据中心规模持续扩大，但算力利用率不高，跨区域调度机制不完善，两地协作不足。"
     "建议加快数据中心绿色化，提升算力调度能力。", ["digital-economy"]),
    # … but where the title names it, the partnership is a topic of the speech
    ("深化对口合作 推动职业教育提质培优",
     "我州职业院校办学条件薄弱。依托对口合作引进东部优质教育资源，建议深化对口合作，推动院校结对。",
     ["education", "regional-coordination"]),
])
def test_a_partnership_that_is_only_the_means(title: str, body: str, expected: list[str]) -> None:
    assert sectors(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # one water network for town and country joins no places
    ("完善城乡供水一体化工程", "我县部分山区农村饮水安全保障水平不高，管网老化。", ["infrastructure"]),
    # goods named by their kind are manufactures
    ("推动家电家具产业数字化转型", "我区家电、家具企业多为中小企业，生产线自动化程度低。",
     ["industry", "digital-economy"]),
    # care for infants is a public service, not care for the old
    ("完善普惠托育服务体系", "我市托育机构数量不足，托育费用偏高，生育支持政策落实不到位。", ["governance"]),
])
def test_water_networks_manufactures_and_infant_care(title: str, body: str, expected: list[str]) -> None:
    assert sectors(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # industry moved in steps to the outer regions is their coordination as well as industry
    ("推动沿海制造业向山区梯度转移", "山区承接能力不强，工业园区配套不完善。", ["industry", "regional-coordination"]),
    # a tourism belt across places
    ("深化体育文化旅游带建设", "沿线两市景区分散，旅游线路缺乏统筹。", ["culture-tourism", "regional-coordination"]),
    # a science corridor shared with neighbouring districts
    ("推进科创大走廊与周边地区协同发展", "共建产业创新联盟，推动创新资源共享。",
     ["science-talent", "regional-coordination"]),
    # farmed fish and shellfish, processed and shipped cold, are agriculture
    ("做强水产加工", "水产加工企业精深加工比重低，冷链物流设施不足，水产品品牌影响力不强。", ["agriculture"]),
    ("推动文体融合发展", "打造城市会客厅，提升街区商业活力。", ["culture-tourism"]),
])
def test_belts_corridors_and_farmed_fish(title: str, body: str, expected: list[str]) -> None:
    assert sectors(title, body) == expected


def test_the_tools_of_opening_up_are_investment() -> None:
    assert sectors("用好RCEP规则 发挥综合保税区作用", "保税仓储企业少，通关效率不高，中欧班列回程货源不足。")[0] \
        == "investment"


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a farm product carried through its processing industry: grown (agriculture) and made (industry)
    ("做强糖业全产业链 助力蔗农增收",
     "我市甘蔗种植面积稳定，但甘蔗生产机械化水平低，制糖企业精深加工不足，糖业产业链条短。"
     "建议建设高标准糖料蔗基地，支持制糖企业技术改造，完善蔗农利益联结机制。", ["agriculture", "industry"]),
    ("打造绿色食品产业集群", "我县特色农产品丰富，但农产品加工转化率低。建议培育绿色食品加工企业，建设食品产业园。",
     ["agriculture", "industry"]),
    # tea and wine estates opened to visitors are culture and tourism too
    ("推进茶旅融合发展", "我县茶园面积大，但茶旅融合层次低。建议开发茶旅精品线路，发展茶园民宿。",
     ["culture-tourism", "agriculture"]),
    # the medicine industry is industry as well as health
    ("推动民族医药产业高质量发展",
     "我州苗医药资源丰富，但民族医药企业规模小，产业链条短。建议建设民族医药产业园，培育龙头制药企业。",
     ["health", "industry"]),
    # a port's quay areas and the industry beside it
    ("推进港产城融合发展 做强临港产业",
     "我市港区吞吐量持续增长，但临港产业层次不高。建议完善港区集疏运体系，推动港产城融合。",
     ["infrastructure", "industry"]),
    # a trade hub is opening up, not transport
    ("打造国际贸易枢纽", "开放平台能级不高。建议共建商贸枢纽，吸引外资企业投资。", ["investment"]),
    # a neighbourhood life circle and a new town's services are urban development
    ("建设15分钟社区生活圈 提升新城公共服务水平",
     "新城配套不足，社区生活圈不完善。建议完善新城公共服务设施，推进城市更新。",
     ["urban-development", "governance"]),
    # digital tools of governance
    ("以数字赋能基层治理", "网格员负担重。建议推进一网统管，提升基层治理水平。", ["governance", "digital-economy"]),
    # a child's surroundings are no ecology, its guardians and children's homes are public care
    ("守护留守儿童健康成长",
     "留守儿童家庭监护缺失，成长环境、家庭环境欠佳，儿童之家运行不规范。建议健全家庭监护，办好儿童之家。",
     ["governance", "education"]),
])
def test_farm_products_medicines_ports_and_care(title: str, body: str, expected: list[str]) -> None:
    assert sorted(sectors(title, body)) == sorted(expected)  # both topics; which is central depends on the counts


def test_innovation_done_together_by_the_places_a_speech_joins() -> None:
    # 哈大齐 is read as a link elsewhere; the title's 协同创新 makes the speech about the places' coordination too
    body = "三市科技资源互补，但协同创新机制不健全。建议共建协同创新平台，推动创新资源共享。"
    assert linked_sectors("推进哈大齐协同创新", body) == ["science-talent", "regional-coordination"]
    # joining a city and its schools (市校协同创新) joins no places
    assert "regional-coordination" not in sectors("深化市校协同创新", "推动高校与企业共建实验室，促进成果转化。")


def test_aid_from_a_paired_region_is_only_the_means_of_a_farm_speech() -> None:
    body = "依托对口支援资金建设青稞种植基地，发展牦牛养殖，农牧民增收渠道拓宽。建议用好对口支援项目，做强特色农牧业。"
    assert sectors("做强高原特色农牧业", body) == ["agriculture"]


def test_industries_run_together_by_the_places_joined() -> None:
    body = "一体化发展进入新阶段，要加强与两市在装备制造、新能源等领域的产业协作，共同打造城市群。"
    assert linked_sectors("", body) == ["regional-coordination", "industry"]


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a title that puts digital tools to work for governance names both
    ("以数字化赋能基层社会治理",
     "基层网格员负担重，社区事务繁杂，群众诉求响应慢。建议完善网格化管理，畅通群众诉求渠道。",
     ["governance", "digital-economy"]),
    # keeping children from drowning is their care, not the river's ecology
    ("守护农村儿童平安成长",
     "农村留守儿童暑期溺水事故时有发生，河道、山塘缺少警示。建议加强防溺水教育，落实家庭监护责任。",
     ["governance"]),
])
def test_digital_governance_and_child_safety(title: str, body: str, expected: list[str]) -> None:
    assert sectors(title, body) == expected
