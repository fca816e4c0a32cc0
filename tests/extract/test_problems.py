"""Problem forms: lists after 存在/面临, 在…方面还需加强, numbered problems, clauses, subject lists."""

from __future__ import annotations

import pytest
from committees import source

from kg.extract.problems import extract_problems


def problems(body: str) -> list[str]:
    src, span = source(body)
    return [item.text for item in extract_problems(src, span)]


@pytest.mark.parametrize(("body", "expected"), [
    ("市委高度重视。但与先进地区相比，还存在基础设施短板、产业结合不紧密、机制不完善等问题。为此建议：一是加强。二是完善。",
     ["基础设施短板", "产业结合不紧密", "机制不完善"]),
    ("但大埔茶产业在品牌整合、精深加工、市场营销等方面还需加强。为此建议：一是整合。二是开发。",
     ["品牌整合", "精深加工", "市场营销"]),
    # one aspect with a problem of its own: the clause is the problem
    ("然而，园区在产业链配套方面仍存在明显短板。为此建议：1.对接。2.共享。", ["园区在产业链配套方面仍存在明显短板"]),
    ("但我市基层医疗服务仍面临不少困难，主要存在三方面问题：一是人员流失严重；二是设备老化；三是平台使用率不高。",
     ["人员流失严重", "设备老化", "平台使用率不高"]),
    # 然而/不过 without a verb: the comma-separated clauses that name a problem
    ("然而，我县钼钨产业仍以采选和初级冶炼为主，深加工产品比重偏低。",
     ["钼钨产业仍以采选和初级冶炼为主", "深加工产品比重偏低"]),  # the own place leads in, names no problem
    ("不过，农村养老服务设施利用率不高，普惠托育机构数量不足，家庭照护压力较大。",
     ["农村养老服务设施利用率不高", "普惠托育机构数量不足", "家庭照护压力较大"]),
    # a subject list: A、B等问题依然存在
    ("但调研发现，涉企检查频次偏多、政策兑现周期偏长等问题仍较突出。", ["涉企检查频次偏多", "政策兑现周期偏长"]),
    ("但调研中我们发现，部分企业融资难、融资贵问题仍然突出。", ["部分企业融资难", "融资贵"]),
    ("但停车难问题依然突出。", ["停车难问题依然突出"]),
    # a clause that only announces the problems is no problem
    ("但是，也要清醒地看到，我市产业层次偏低，创新能力不强。", ["产业层次偏低", "创新能力不强"]),
    ("当前，我市养老服务存在以下问题：供给总量不足，结构不合理，专业人才缺乏。",
     ["供给总量不足", "结构不合理", "专业人才缺乏"]),
    # numbered problems announced without a contrast word
    ("当前，我市主要面临三方面困难：一是通勤时间较长；二是平台不够完善；三是标准差异较大。",
     ["通勤时间较长", "平台不够完善", "标准差异较大"]),
    # an evaluation of the problems is no problem
    ("但关爱服务仍有短板，家庭监护缺位，这些问题需要引起高度重视。", ["关爱服务仍有短板", "家庭监护缺位"]),
    ("但调研发现，技能人才供给不足，产学研合作不够紧密，值得高度关注。", ["技能人才供给不足", "产学研合作不够紧密"]),
    # a short 、-part without a subject continues the item before it
    ("但企业面临融资难融资贵、高层次人才引不进、留不住、政策落实不到位等问题。",
     ["融资难融资贵", "高层次人才引不进、留不住", "政策落实不到位"]),
    ("但部分企业设备老化、不会用，数据孤岛现象突出。", ["部分企业设备老化、不会用", "数据孤岛现象突出"]),
    # a circumstance opening is context
    ("但随着时间推移，执法监管存在新的薄弱环节，非法垂钓问题时有反弹。",
     ["执法监管存在新的薄弱环节", "非法垂钓问题时有反弹"]),
    # a quoted phrase is one name even with 、 inside
    ("但中小企业仍面临“不会转、不敢转、不能转”的困境。", ["中小企业仍面临“不会转、不敢转、不能转”的困境"]),
    # 面临A的挑战: the problem is A
    ("但新能源大规模并网仍面临系统调节能力不足的挑战。", ["系统调节能力不足"]),
    # two lists in one sentence
    ("但平台建设面临行政壁垒仍存、利益分享机制缺失等障碍，在要素流动、政策协同等方面还需加强。",
     ["行政壁垒仍存", "利益分享机制缺失", "要素流动", "政策协同"]),
    # 同时 opens the problems when its sentence names one
    ("科普是基础工程。同时，我县还面临阵地覆盖不全、人才队伍薄弱等困难。", ["阵地覆盖不全", "人才队伍薄弱"]),
    # parallel names of one kind of trouble before 问题 are one problem, whole (如 of 如厕 is no lead-in)
    ("近年来游客增长较快。但停车难、如厕难、住宿难问题依然存在。为此建议：一是建设停车场。",
     ["停车难、如厕难、住宿难问题依然存在"]),
    ("近年来游客增长较快。但停车难、如厕难问题较为突出。为此建议：一是建设停车场。", ["停车难、如厕难问题较为突出"]),
    # a clause with its own subject before the verb's clause names a problem too …
    ("近年来成效明显。但调研显示，群众政策知晓率低，企业仍面临融资难、用工贵、订单少等问题。为此建议：一是加强宣传。",
     ["群众政策知晓率低", "融资难", "用工贵", "订单少"]),
    # … but not the subject a verb without its own continues, nor a time clause
    ("近年来成效明显。然而民营企业普遍规模偏小，面临要素保障不足、融资成本偏高等问题。为此建议：一是加强。",
     ["要素保障不足", "融资成本偏高"]),
    # after the aspects, a clause that says a barrier still exists is a problem
    ("近年来合作不断深化。但在规则衔接、平台共建等方面还需进一步突破，跨省域要素流动仍存在“隐形壁垒”。为此建议：一是破除壁垒。",
     ["规则衔接", "平台共建", "跨省域要素流动仍存在“隐形壁垒”"]),
    # … and the next sentence's clauses, where a 、 in a later clause lists nothing after the verb
    ("合作不断深化，但在规则衔接、平台共建等方面还需进一步突破。跨省域要素流动仍存在“隐形壁垒”，"
     "深港、珠澳之间的要素流动仍有堵点。为此建议：一是破除壁垒。",
     ["规则衔接", "平台共建", "跨省域要素流动仍存在“隐形壁垒”", "深港、珠澳之间的要素流动仍有堵点"]),
    # a sentence of bare negative clauses without a contrast word, its first clause too
    ("近年来通道建设加快。黔桂两省区铁路运能偏紧，北部湾港集疏运体系不完善，物流成本偏高。为此建议：一是加快建设。",
     ["黔桂两省区铁路运能偏紧", "北部湾港集疏运体系不完善", "物流成本偏高"]),
    # a 、 subject is one problem
    ("但深港、珠澳之间的要素流动仍有堵点，规则衔接不够。为此建议：一是推动。",
     ["深港、珠澳之间的要素流动仍有堵点", "规则衔接不够"]),
    # a gap to a yardstick sums up, no problem
    ("近年来发展较快。但与高质量发展的要求还有差距。为此建议：一是加强。", []),
    ("近年来发展较快。但与先进地区相比仍有较大差距。为此建议：一是加强。", []),
    # the items of a list before 等配套 are what is lacking
    ("近年来游客增长。但停车、住宿等配套不足。为此建议：一是完善。", ["停车", "住宿"]),
])
def test_problem_forms(body: str, expected: list[str]) -> None:
    assert problems(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # problems reported without a contrast word, after 调研发现/目前/当前; what they cause is no problem
    ("调研发现，目前港航合作仍面临一些堵点：航线资源偏少，通关查验效率不高。这些问题给企业物流带来不少额外成本。",
     ["航线资源偏少", "通关查验效率不高"]),
    ("当前，我市跨境电商企业数量偏少，海外仓布局不足。受国际物流价格波动影响，企业利润空间持续收窄。",
     ["跨境电商企业数量偏少", "海外仓布局不足"]),
    ("目前，康养服务供给总量不足，医养结合机构偏少，在服务标准、行业监管等方面还需完善。",
     ["康养服务供给总量不足", "医养结合机构偏少", "服务标准", "行业监管"]),
    # what has not come of a part that names no problem itself completes it; after a problem it is another
    ("但目前两县各自为战，尚未形成协同发展的合力。", ["两县各自为战，尚未形成协同发展的合力"]),
    ("但专项资金不足，尚未建立长效投入机制。", ["专项资金不足", "尚未建立长效投入机制"]),
    # a vague word inside a clause of several parts (在一定程度上) makes no summary of it
    ("但我市新能源汽车产业配套率低，创新平台数量少，这在一定程度上制约了产业高质量发展。",
     ["新能源汽车产业配套率低", "创新平台数量少"]),
    # no contrast word, no opener, no verb: a sentence of bare negative clauses
    ("我市有养老机构50家。床位利用率不高，专业护理人员短缺。建议：一是加强。二是完善。",
     ["床位利用率不高", "专业护理人员短缺"]),
    # an opening sentence that names no problem is background
    ("目前，全市已建成养老机构50家。但床位利用率不高。", ["床位利用率不高"]),
    # a vague clause that sums up the clauses after it: those are the problems; alone it is the problem
    ("但商会建设仍存在一些不足，部分商会会员覆盖面窄，服务能力不强，内部治理不规范。",
     ["部分商会会员覆盖面窄", "服务能力不强", "内部治理不规范"]),
    ("但园区建设仍存在一些短板。", ["园区建设仍存在一些短板"]),
    # 、 inside a clause's subject is no list
    ("当前，学校、家庭、社区之间尚未形成育人合力，部分家长教育理念滞后。",
     ["学校、家庭、社区之间尚未形成育人合力", "部分家长教育理念滞后"]),
    # what a problem causes is none; the lead-in 区域内 names no part of it
    ("但区域内物流成本偏高，制约了产业集聚。", ["物流成本偏高"]),
    # an inline numbered list after the summary clause is the list
    ("但海岛康养产业仍处于起步阶段，主要问题：一是医疗服务配套薄弱；二是康养项目同质化严重。",
     ["医疗服务配套薄弱", "康养项目同质化严重"]),
    ("调查发现，全市社区养老服务站点覆盖率偏低，助餐、助浴等服务供给不足。",
     ["社区养老服务站点覆盖率偏低", "助餐、助浴等服务供给不足"]),
    # items keep their predicate (基层服务能力不足, not 基层服务能力); a summary detailed after 主要是 gives way
    ("但人才引进难、留住难、基层服务能力不足等问题依然突出。", ["人才引进难", "留住难", "基层服务能力不足"]),
    ("然而，部分乡镇卫生院设备陈旧、人员短缺、服务能力不足。", ["部分乡镇卫生院设备陈旧", "人员短缺", "服务能力不足"]),
    ("但当前我市营商环境仍有短板，主要是政务服务效率不高、涉企检查偏多、融资渠道不畅。",
     ["政务服务效率不高", "涉企检查偏多", "融资渠道不畅"]),
    # a vague summary detailed by the sentences after it is no problem itself
    ("但与群众期盼相比，还存在一些短板和不足。主要表现在：一是医疗资源分布不均；二是信息化水平不高。",
     ["医疗资源分布不均", "信息化水平不高"]),
    ("但也存在一些问题。一是规划不够科学；二是资金投入不足。", ["规划不够科学", "资金投入不足"]),
    # a vague word before a list; examples after 如, closed by 等
    ("但仍存在一些基础设施薄弱、专业人才短缺等问题。", ["基础设施薄弱", "专业人才短缺"]),
    ("但目前仍存在不少问题，如配套设施不完善、运营成本偏高、专业人才缺乏等。",
     ["配套设施不完善", "运营成本偏高", "专业人才缺乏"]),
    # a vague clause alone (no list after it) stays the problem
    ("但校企合作还存在一些急需补齐的短板。", ["校企合作还存在一些急需补齐的短板"]),
])
def test_problems_without_the_classic_frame(body: str, expected: list[str]) -> None:
    assert problems(body) == expected


def test_problems_under_a_heading() -> None:
    body = ("一、存在的问题\n（一）医共体内部管理松散。人财物统一管理尚未落实。\n"
            "（二）基层人才短缺。全科医生数量不足。\n二、几点建议\n（一）深化改革。\n（二）加强队伍建设。")
    assert problems(body) == ["医共体内部管理松散", "基层人才短缺"]


def test_a_list_after_a_colon() -> None:
    body = ("但仍面临一些困难和问题，主要是：景区基础设施薄弱；旅游产品同质化；宣传营销力度不够。"
            "为此，我们建议：1.投入。2.开发。")
    assert problems(body) == ["景区基础设施薄弱", "旅游产品同质化", "宣传营销力度不够"]


def test_numbering_after_the_lead_belongs_to_the_suggestions() -> None:
    assert problems("近年来成效明显。为此建议：一是存在的问题要解决。二是完善机制。") == []


def test_items_are_spans_of_the_text() -> None:
    body = "我县是著名侨乡。\n但当前还存在联络渠道不够畅通、侨资项目落地慢等问题。\n为此建议：一是建库。二是跟踪。"
    src, span = source(body)
    items = extract_problems(src, span)
    assert [body[i.span.start : i.span.end] for i in items] == [i.text for i in items]
    assert [i.text for i in items] == ["联络渠道不够畅通", "侨资项目落地慢"]
    assert all(body[i.sentence.start : i.sentence.end].startswith("但当前") for i in items)


@pytest.mark.parametrize(("body", "expected"), [
    # an inline numbered list after the summary clause: split at the numbering, each item whole (commas inside)
    ("但对照先进地区，我市外贸发展仍有差距，主要问题：一是物流通道不够顺畅，海外仓布局偏少；二是专业人才不足；"
     "三是品牌企业培育滞后。建议：一是加强。",
     ["物流通道不够顺畅，海外仓布局偏少", "专业人才不足", "品牌企业培育滞后"]),
    ("但對照先進地區，我市外貿發展仍有差距，主要問題：一是物流通道不夠順暢，海外倉佈局偏少；二是專業人才不足。建議：一是加強。",
     ["物流通道不夠順暢，海外倉佈局偏少", "專業人才不足"]),
    ("但县域医疗服务能力仍然不强，具体表现为一是基层医生数量偏少，年龄结构老化；二是设备配置不足。建议：一是加强。",
     ["基层医生数量偏少，年龄结构老化", "设备配置不足"]),
    ("然而我县文旅产业仍存在一些短板，突出表现在：一是景区业态单一，夜间消费不足；二是住宿接待能力偏弱。",
     ["景区业态单一，夜间消费不足", "住宿接待能力偏弱"]),
])
def test_inline_numbered_problems(body: str, expected: list[str]) -> None:
    assert problems(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # short predicates after 、 without a subject of their own continue the item before them
    ("但当前乡村人才振兴面临不少困难，技能型人才引不来、留不住，返乡创业扶持政策落实不到位。",
     ["技能型人才引不来、留不住", "返乡创业扶持政策落实不到位"]),
    ("但街道、社區、網格之間職責邊界不清，基層數據底數不清、重複採集。建議：一是加強。",
     ["街道、社區、網格之間職責邊界不清", "基層數據底數不清、重複採集"]),
    # parts with subjects of their own stay apart (融资难、融资贵 are two)
    ("但目前区内物流企业规模偏小、融资难、融资贵。", ["物流企业规模偏小", "融资难", "融资贵"]),
    # 、 inside a subject is no list
    ("但学校、家庭、社区之间尚未形成育人合力，课后服务供给不足。",
     ["学校、家庭、社区之间尚未形成育人合力", "课后服务供给不足"]),
])
def test_predicates_sharing_a_subject(body: str, expected: list[str]) -> None:
    assert problems(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a vague summary and its details in the same sentence: the details
    ("但中小学校心理健康教育仍存在不少短板，专职心理教师配备不足，家校沟通渠道不畅，心理危机干预机制不健全。",
     ["专职心理教师配备不足", "家校沟通渠道不畅", "心理危机干预机制不健全"]),
    # … every part after the summary, where one of them names a problem (要素市场分割 names none by a cue word)
    ("但两地合作仍存在不少短板，产业同质化竞争明显，要素市场分割，商会之间交流不多。",
     ["产业同质化竞争明显", "要素市场分割", "商会之间交流不多"]),
    # … also where the summary has no verb (仍有不少短板)
    ("但两市协同仍有不少短板，公共服务互认范围较窄，产业协作层次不高，旅游线路联动不足。",
     ["公共服务互认范围较窄", "产业协作层次不高", "旅游线路联动不足"]),
    # what others report: the reported problems, each
    ("不过，也有不少商户反映停车位紧张、消防通道被占、夜间噪音扰民。建议：一是加强。",
     ["停车位紧张", "消防通道被占", "夜间噪音扰民"]),
    ("但调研中也有不少企业反映知识产权质押融资评估难、处置难，首贷门槛偏高。",
     ["知识产权质押融资评估难、处置难", "首贷门槛偏高"]),
    # a bare summary whose problems the next sentences number is no problem
    ("但两地合作仍有不少问题亟待破解。一是通关效率不高；二是产业协作不紧密。建议：一是加强。",
     ["通关效率不高", "产业协作不紧密"]),
    ("但两地合作仍有不少问题亟待破解。通关效率不高，产业协作不紧密。建议：一是加强。",
     ["通关效率不高", "产业协作不紧密"]),
    ("但據調研，不少企業反映審批環節多、辦理時限長、政策知曉度低。建議：一是加強。",
     ["審批環節多", "辦理時限長", "政策知曉度低"]),
])
def test_summaries_and_reports_give_their_details(body: str, expected: list[str]) -> None:
    assert problems(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a heading inside a paragraph before numbered problems, no contrast word before it
    ("我县茶园面积居全省前列，茶农收入稳步提高。主要问题：一是茶叶品牌杂而弱；二是加工设备陈旧、能耗偏高；三是营销渠道单一。"
     "建议：一是整合品牌。", ["茶叶品牌杂而弱", "加工设备陈旧、能耗偏高", "营销渠道单一"]),
    ("園區產值逐年增長。存在的問題：一是土地指標緊張，廠房租金偏高；二是人才公寓不足。建議：一是盤活。",
     ["土地指標緊張，廠房租金偏高", "人才公寓不足"]),
])
def test_an_inline_heading_names_the_numbered_problems(body: str, expected: list[str]) -> None:
    assert problems(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # after a colon: the comma parts, short predicates joined, a subject's 、 kept
    ("但物流业发展仍面临一些堵点：冷链设施不足，专业司机招不来、留不住，园区、企业、协会之间尚未形成合力。",
     ["冷链设施不足", "专业司机招不来、留不住", "园区、企业、协会之间尚未形成合力"]),
    # a clause after the list names its own problem; one that sums the list up as a phenomenon does not
    ("但非遗保护仍存在传承人老化、资金投入不足等问题，部分项目濒临失传。",
     ["传承人老化", "资金投入不足", "部分项目濒临失传"]),
    ("但社区养老存在床位空置、护理人员短缺等问题，“一床难求”与“床位闲置”并存现象突出。", ["床位空置", "护理人员短缺"]),
    # … and after an aspect list
    ("但两县在交通衔接、产业分工等方面协同不足，边界地区的公共服务标准还不统一。",
     ["交通衔接", "产业分工", "边界地区的公共服务标准还不统一"]),
    # 、 between clauses of their own (each too long for a subject's noun) splits
    ("然而，乡村民宿以低端客房为主、中高端产品供给偏少，服务标准不一。",
     ["乡村民宿以低端客房为主", "中高端产品供给偏少", "服务标准不一"]),
    # … but not between nouns joined by 与
    ("但非遗技艺与现代设计、电商营销结合不够。", ["非遗技艺与现代设计、电商营销结合不够"]),
    # 多而散 names a problem without a contrast word
    ("从调研情况看，地方特色小吃品牌多而散，标准化程度偏低。", ["地方特色小吃品牌多而散", "标准化程度偏低"]),
])
def test_clauses_around_lists(body: str, expected: list[str]) -> None:
    assert problems(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # problems reported without a contrast word: an aspect list, bare negative clauses
    ("我县是农业大县。调研发现，我县在品牌建设、冷链物流、电商销售等方面还需加强。建议：一是加强。",
     ["品牌建设", "冷链物流", "电商销售"]),
    ("当前，我市社区养老服务站点偏少，专业护理人员不足，服务内容单一。为此建议：一是增加。",
     ["社区养老服务站点偏少", "专业护理人员不足", "服务内容单一"]),
    # a cause lead-in (由于) goes like a time word; what the problems cause is no problem
    ("然而，由于缺乏统一规划，各景区各自为政，旅游线路分散。建议：一是统一。",
     ["缺乏统一规划", "各景区各自为政", "旅游线路分散"]),
    ("但区域内产业协作水平不高，制约了区域经济一体化发展。建议：一是加强。", ["产业协作水平不高"]),
    # a subject and its predicate after 、 is a problem of its own (人员短缺 is no potential complement like 留不住)
    ("当前我市托育机构数量不足、保育人员短缺、收费偏高。建议：一是增加。",
     ["托育机构数量不足", "保育人员短缺", "收费偏高"]),
])
def test_problems_without_contrast_and_their_lead_ins(body: str, expected: list[str]) -> None:
    assert problems(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a further sentence that only names problems continues the problem part; one opened by a cause does not
    ("调研发现，园区在标准厂房、人才公寓等方面还需提升。两地产业协作机制尚不完善。建议：一是加快。",
     ["标准厂房", "人才公寓", "两地产业协作机制尚不完善"]),
    ("但冷链设施不足，物流成本偏高。受国际运价波动影响，企业利润持续收窄。建议：一是完善。",
     ["冷链设施不足", "物流成本偏高"]),
])
def test_further_sentences_of_problems(body: str, expected: list[str]) -> None:
    assert problems(body) == expected


def test_the_aspects_own_predicate_after_a_comma_is_no_further_problem() -> None:
    assert problems("但我县茶产业在品牌打造、市场营销等方面，还需进一步加强完善、优化提升。建议：一是加强。") \
        == ["品牌打造", "市场营销"]
