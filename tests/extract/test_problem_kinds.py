"""Kinds of problem clauses seen on blind digests (issue 10): a clause after a list that names its own problem,
a subject kept before a label-like object, a quoted predicate, a background fact, where a 、 splits, and a
summary line before a colon."""

from __future__ import annotations

import pytest
from committees import source

from kg.extract.problems import extract_problems


def problems(body: str) -> list[str]:
    src, span = source(body)
    return [item.text for item in extract_problems(src, span)]


@pytest.mark.parametrize(("body", "expected"), [
    # after a list closed by 等问题, a clause with a subject and a problem predicate of its own is a problem …
    ("近年来特色种植发展较快。但仍存在品牌影响力弱、销售渠道窄等问题，部分农户“等靠要”思想依然突出。为此建议：一是打造品牌。",
     ["品牌影响力弱", "销售渠道窄", "部分农户“等靠要”思想依然突出"]),
    ("近年来医疗资源持续下沉。但仍面临全科医生偏少、设备利用率不高等问题，山区群众“看病远”现象仍较普遍。为此建议：一是加强。",
     ["全科医生偏少", "设备利用率不高", "山区群众“看病远”现象仍较普遍"]),
    # … but one that refers back to the list (这些, 并存) only sums it up
    ("近年来社区养老加快发展。但仍存在床位空置、护理人员短缺等问题，这类现象较为普遍。为此建议：一是加强。",
     ["床位空置", "护理人员短缺"]),
    # … or names the listed problems' subject again, after the list or before it
    ("近年来乡村旅游持续升温。但仍存在乡村旅游产品单一、配套设施不完善等问题，乡村旅游“淡旺季不均”现象突出。为此建议：一是丰富。",
     ["乡村旅游产品单一", "配套设施不完善"]),
    ("调研发现，我市茶产业“小、散、弱”的现象仍较为普遍，不少茶企仍面临茶产业链条偏短、品牌溢价低等问题。为此建议：一是培育。",
     ["茶产业链条偏短", "品牌溢价低"]),
    ("近年来乡村振兴成效明显。但仍存在产业基础薄弱、人才短缺等问题，上述现象在山区乡镇较为突出。为此建议：一是加强。",
     ["产业基础薄弱", "人才短缺"]),
])
def test_a_clause_after_a_list_that_names_its_own_problem(body: str, expected: list[str]) -> None:
    assert problems(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # SUBJECT存在“Y”问题: a label for a problem needs its subject, the item is the clause
    ("近年来村级服务站点实现全覆盖。但部分已建站点存在“重建轻管”问题，日常运营经费不足。为此建议：一是完善。",
     ["部分已建站点存在“重建轻管”问题", "日常运营经费不足"]),
    ("近年来文化阵地建设成效明显。但一些乡镇文化站存在重硬件轻服务问题。为此建议：一是完善。",
     ["一些乡镇文化站存在重硬件轻服务问题"]),
    ("近年来乡村振兴成效明显。但部分村庄面临“空心化”问题，村集体经济薄弱。为此建议：一是加强。",
     ["部分村庄面临“空心化”问题", "村集体经济薄弱"]),
    # an object that names a problem by itself (a negative predicate) stands without the subject
    ("近年来农业社会化服务发展迅速，但各个环节也存在发展不平衡问题。为此建议：一是加强。", ["发展不平衡"]),
])
def test_a_label_keeps_its_subject(body: str, expected: list[str]) -> None:
    assert problems(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a quoted phrase as the predicate names a problem, after a list and in a further sentence
    ("近年来农村物流加快发展。但仍存在网点覆盖不全、配送成本偏高等问题，村级快递服务点大多“有点无人”。为此建议：一是整合。",
     ["网点覆盖不全", "配送成本偏高", "村级快递服务点大多“有点无人”"]),
    ("近年来建成一批村级电商服务站。但冷链设施不足，物流成本偏高。部分服务站长期“有牌无人”。为此建议：一是完善。",
     ["冷链设施不足", "物流成本偏高", "部分服务站长期“有牌无人”"]),
    # a quoted phrase that is what is done (打造“…”) is no predicate of a problem
    ("近年来特色产业发展较快。但冷链设施不足，物流成本偏高。我市正在打造“康养之城”。为此建议：一是完善。",
     ["冷链设施不足", "物流成本偏高"]),
])
def test_a_quoted_predicate_names_a_problem(body: str, expected: list[str]) -> None:
    assert problems(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # an age, time or quantity at the start of the problem clause is background; the clauses after it are the problems
    ("近年来设施农业稳步发展。但全县温室大棚大多建于二十年前，棚体老化、保温性能差。为此建议：一是改造。",
     ["棚体老化、保温性能差"]),
    ("近年来乡村旅游加快发展。但全镇现有民宿86家，经营主体分散，服务标准不一。为此建议：一是统一。",
     ["经营主体分散", "服务标准不一"]),
    # … unless the count is of what is broken
    ("近年来健身设施覆盖面扩大。但全县共有村级健身广场326个，其中近三成器材损坏。为此建议：一是加强。",
     ["近三成器材损坏"]),
])
def test_a_background_fact_is_no_problem(body: str, expected: list[str]) -> None:
    assert problems(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # 、 between clauses that each have their own subject and negative predicate splits, where the second is long
    # enough to name a subject of its own (应收账款回款慢) …
    ("近年来企业营收稳步增长。但当前市场需求不足、应收账款回款慢，企业经营压力较大。为此建议：一是加强。",
     ["市场需求不足", "应收账款回款慢", "企业经营压力较大"]),
    ("近年来化工园区加快建设。然而，我县化工产业链条短、精细化工比重低。为此建议：一是延链。",
     ["化工产业链条短", "精细化工比重低"]),
    ("近年来稀土产业规模扩大。但初级产品多、终端应用产品少，就地转化率不高。为此建议：一是延链。",
     ["初级产品多", "终端应用产品少", "就地转化率不高"]),
    # … but attributes of one subject named before the first part stay one item
    ("近年来港口吞吐量持续增长。但我市临港产业规模偏小、附加值不高，龙头企业带动作用不强。为此建议：一是招引。",
     ["临港产业规模偏小、附加值不高", "龙头企业带动作用不强"]),
    ("近年来托育机构数量增加。但当前我市托育服务供给总量不足、结构不优、价格偏高。建议：一是增加。",
     ["托育服务供给总量不足、结构不优、价格偏高"]),
    ("近年来民宿发展较快。但民宿产业规模小、档次低、效益差。为此建议：一是提升。", ["民宿产业规模小、档次低、效益差"]),
    # … and so do two short sides of one problem inside a comma part: the writer sets problems apart by ，
    ("近年来外贸发展较快。但当前全省跨境电商市场主体偏少、规模偏小，海外仓布局不足。为此建议：一是培育。",
     ["跨境电商市场主体偏少、规模偏小", "海外仓布局不足"]),
    ("近年来城乡交通加快发展。但县城与市区的公交线路少、通勤时间长，农村客运班次不足。为此建议：一是加密线路。",
     ["县城与市区的公交线路少、通勤时间长", "农村客运班次不足"]),
    ("近年来外贸承压。当前，不少企业订单下滑、利润收窄，用工成本上升。为此建议：一是纾困。",
     ["不少企业订单下滑、利润收窄", "用工成本上升"]),
    ("近年来社区建设加快。但部分新建社区商业、养老设施不足，物业服务水平不高。为此建议：一是完善。",
     ["部分新建社区商业、养老设施不足", "物业服务水平不高"]),
    ("近年来小微企业发展较快。但小微企业融资难，规模小、抵押物不足，贷款审批周期长。为此建议：一是创新。",
     ["小微企业融资难", "规模小、抵押物不足", "贷款审批周期长"]),
    # … but a list's tail makes them items (融资难、融资贵问题)
    ("但调研中我们发现，部分企业融资难、融资贵问题仍然突出。", ["部分企业融资难", "融资贵"]),
    # … and so do nouns before one predicate
    ("近年来中药材产业发展较快。但中药材种植规模化、标准化程度低，品牌影响力不强。为此建议：一是建基地。",
     ["中药材种植规模化、标准化程度低", "品牌影响力不强"]),
    ("近年来机构改革稳步推进。但部门之间人员、资金统筹不够。为此建议：一是统筹。", ["部门之间人员、资金统筹不够"]),
    # a noun before 不清 is a subject (路径不清), no verb with a potential complement like 留不住
    ("近年来企业加快转型。但中小企业面临转型成本高、人才缺、路径不清等难题。为此建议：一是扶持。",
     ["转型成本高", "人才缺", "路径不清"]),
])
def test_where_a_dunhao_splits(body: str, expected: list[str]) -> None:
    assert problems(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a summary line before a colon gives only the items after it, with or without a contrast word before it
    ("近年来特色种植发展较快。但“大资源、小产业”的局面没有根本改变：产业链条短，品牌影响力弱，龙头企业少。为此建议：一是加强。",
     ["产业链条短", "品牌影响力弱", "龙头企业少"]),
    ("近年来特色种植发展较快，“大资源、小产业”的局面没有根本改变：产业链条短，品牌影响力弱，龙头企业少。为此建议：一是加强。",
     ["产业链条短", "品牌影响力弱", "龙头企业少"]),
    ("近年来特色种植发展较快。但也面临一些困难。“大资源、小产业”的局面没有根本改变：产业链条短，品牌影响力弱。为此建议：一是加强。",
     ["产业链条短", "品牌影响力弱"]),
])
def test_a_summary_before_a_colon_gives_its_items(body: str, expected: list[str]) -> None:
    assert problems(body) == expected


def test_a_summary_line_under_a_heading_gives_its_items() -> None:
    body = ("近年来特色种植发展较快。\n存在的问题\n"
            "“大资源、小产业”的局面没有根本改变：产业链条短，品牌影响力弱，龙头企业少。\n"
            "乡村人才不足。\n几点建议\n一是加强。二是完善。")
    assert problems(body) == ["产业链条短", "品牌影响力弱", "龙头企业少", "乡村人才不足"]


@pytest.mark.parametrize(("body", "expected"), [
    # problems set apart by ；: the ；-parts, each whole with its commas, the last ending the sentence
    ("我区枸杞产业发展势头良好。但是，品种结构不优，早中晚熟品种搭配不合理，上市期过于集中；冷链物流设施短缺，"
     "商品化处理率低；加工企业少、带动力弱。建议加大投入。",
     ["品种结构不优，早中晚熟品种搭配不合理，上市期过于集中", "冷链物流设施短缺，商品化处理率低",
      "加工企业少、带动力弱"]),
    # a numbered list after the colon that ends a summary clause: the items, not the summary
    ("我区文旅产业竞争力还不够强：一是龙头企业少，带动作用有限；二是文旅融合深度不够；三是宣传推介方式单一。建议加强统筹。",
     ["龙头企业少，带动作用有限", "文旅融合深度不够", "宣传推介方式单一"]),
    ("近年来全区文旅产业发展较快。但是，我区文旅产业竞争力还不够强。一是龙头企业少，带动作用有限；二是文旅融合深度不够。建议加强统筹。",
     ["龙头企业少，带动作用有限", "文旅融合深度不够"]),
    # predicates that name a problem: 缺口大, 多头重复, 仍以…为主, 仍有短板, a quoted list of negated labels
    ("调研发现，全区养老护理人才缺口大，部门检查多头重复。建议加强统筹。", ["养老护理人才缺口大", "部门检查多头重复"]),
    ("目前，我区出口产品仍以初级产品为主，产业链仍有短板。建议加强统筹。",
     ["出口产品仍以初级产品为主", "产业链仍有短板"]),
    ("调研发现，不少企业对惠企政策“不知道、不会用、用不上”，政策落地效果不佳。建议加强宣传。",
     ["不少企业对惠企政策“不知道、不会用、用不上”", "政策落地效果不佳"]),
    # nouns before 等 and a longer subject noun are one problem; a bare 配套 before its predicate lists them
    ("近年来人才工作成效明显。但是，高层次人才住房、子女入学等配套保障不足，人才流失较多。建议完善保障。",
     ["高层次人才住房、子女入学等配套保障不足", "人才流失较多"]),
])
def test_problems_of_issue_10_kinds(body: str, expected: list[str]) -> None:
    assert problems(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # ； sets problems apart wherever they stand: after a summary sentence too, and a part never holds a ；
    ("近年来我县苹果产业发展较快。但产业发展仍存在不少短板。品种老化、精品果率偏低；冷链物流设施不足，产后损耗大；"
     "品牌营销滞后，知名度与品质不相匹配。为此建议：一是更新品种。",
     ["品种老化、精品果率偏低", "冷链物流设施不足，产后损耗大", "品牌营销滞后，知名度与品质不相匹配"]),
    # … a part loses the preamble that opens the sentence
    ("近年来苹果产业发展较快。但也要看到，苹果产业大而不强，品种老化；冷链物流设施不足，产后损耗大。为此建议：一是更新品种。",
     ["苹果产业大而不强，品种老化", "冷链物流设施不足，产后损耗大"]),
    # … and what 面临 names, when it is a clause of its own, is the problem without the lead-in
    ("近年来新能源发展较快。但新能源产业发展面临电网外送通道不足，弃光限电时有发生；本地装备制造配套能力弱，产业链条短。"
     "为此建议：一是建设通道。", ["电网外送通道不足，弃光限电时有发生", "本地装备制造配套能力弱，产业链条短"]),
    # (a noun of trouble after the verb keeps the clause whole: 面临失传风险)
    ("近年来非遗保护加强。但部分项目面临失传风险；传承人老化，资金投入不足。为此建议：一是加强。",
     ["部分项目面临失传风险", "传承人老化，资金投入不足"]),
])
def test_semicolons_set_problems_apart(body: str, expected: list[str]) -> None:
    assert problems(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a problem keeps its head and loses the name of the predicament (的困境) and what is said of it
    ("近年来水果种植面积扩大。但当前果园种植分散，种植户老龄化、采摘用工难的困境日益突出。为此建议：一是推进。",
     ["果园种植分散", "种植户老龄化、采摘用工难"]),
    ("近年来苹果产业发展较快。但苹果产业仍面临种植分散，种植户老龄化、采摘用工难的困境。为此建议：一是推进。",
     ["种植分散", "种植户老龄化、采摘用工难"]),
    # (a summary of a situation before a colon names no problem by itself: its details do)
    ("近年来特色种植发展较快。但“大资源、小产业”的局面没有根本改变：产业链条短，品牌影响力弱。为此建议：一是加强。",
     ["产业链条短", "品牌影响力弱"]),
])
def test_a_problem_keeps_its_head(body: str, expected: list[str]) -> None:
    assert problems(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # 仍以…为主 names a one-sided practice, with a list inside too; 对口 is no consequence's 对
    ("近年来教育援藏成效明显，但对口支援仍以援建校舍、短期支教为主。为此建议：一是转变方式。",
     ["对口支援仍以援建校舍、短期支教为主"]),
    # … and opens the problem part without a contrast word; a 但 after it opens no new part
    ("近年来教育援藏成效明显。目前，对口支援仍以援建校舍、短期支教为主。但优质资源共享不足，双语教师缺乏。建议：一是转变方式。",
     ["对口支援仍以援建校舍、短期支教为主", "优质资源共享不足", "双语教师缺乏"]),
    # (对于…而言 sets a scope, no problem)
    ("近年来融资环境改善。但对于中小企业而言，融资成本偏高，抵押物不足。为此建议：一是创新产品。",
     ["融资成本偏高", "抵押物不足"]),
])
def test_a_one_sided_practice_is_a_problem(body: str, expected: list[str]) -> None:
    assert problems(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # in a list after a verb or a report, a comma sets problems apart and the 、 joins two sides of one …
    ("近年来小微企业发展较快。但不少小微企业反映规模小、抵押物不足，融资难度大。为此建议：一是创新。",
     ["规模小、抵押物不足", "融资难度大"]),
    ("近年来机构改革稳步推进。但仍存在人员、资金统筹不够，考核机制不健全等问题。为此建议：一是统筹。",
     ["人员、资金统筹不够", "考核机制不健全"]),
    # … unless the subject is written out again (融资难、融资贵 are two)
    ("近年来民营经济发展较快。但民营企业普遍反映融资难、融资贵，涉企检查偏多。为此建议：一是纾困。",
     ["融资难", "融资贵", "涉企检查偏多"]),
    # a bare noun before the next piece's predicate is its subject
    ("近年来机构改革稳步推进。但部门之间存在人员、资金统筹不够的问题。为此建议：一是统筹。", ["人员、资金统筹不够"]),
    # an all-、 list after a verb still gives its items
    ("近年来苹果产业发展较快，但也面临种植分散、种植户老龄化、采摘用工难的困境。为此建议：一是推进。",
     ["种植分散", "种植户老龄化", "采摘用工难"]),
])
def test_commas_set_listed_problems_apart(body: str, expected: list[str]) -> None:
    assert problems(body) == expected


def test_a_scope_before_the_problems_is_no_problem() -> None:
    body = "近年来双语教育稳步推进。但在部分农牧区学校，双语骨干教师仍然不足，教学资源匮乏。为此建议：一是培养。"
    assert problems(body) == ["双语骨干教师仍然不足", "教学资源匮乏"]


def test_a_later_summary_gives_its_numbered_items() -> None:
    # a summary before a colon in a later sentence of the problem part: its numbered items, each without the next number
    body = ("近年来我县积极承接产业转移。但与周边地区相比仍有差距。在承接产业转移中竞争力还不够强：一是产业配套能力弱，"
            "园区基础设施不完善；二是物流成本偏高；三是企业招工难。为此建议：一是完善配套。")
    assert problems(body) == ["产业配套能力弱，园区基础设施不完善", "物流成本偏高", "企业招工难"]


def test_a_goal_in_quoted_labels_is_no_problem() -> None:
    assert problems("近年来城市建设加快。当前，我区正打造“一城、两带、三区”。建议加强统筹。") == []
