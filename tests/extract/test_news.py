"""News reports of the plenary (domain.md, the second layout): byline sentences in their verb forms,
rosters, units without a person, officers speaking for a unit, and what is no speech at all."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.extract.speakers import is_person, parse_speaker_phrase
from kg.pipeline import extract_text
from kg.records import to_record

LEAD = "1月10日上午，市政协五届三次会议举行第二次全体会议，12名委员作大会发言。\n"


def speeches(paragraphs: str) -> list[dict]:
    return to_record(extract_text(LEAD + paragraphs + "\n", "report.txt"))["speeches"]


def phrase(text: str) -> list[tuple[str, str]] | None:
    parts = parse_speaker_phrase(text)
    return None if parts is None else [(kind, span.slice(text)) for kind, span in parts]


@pytest.mark.parametrize(("text", "parts"), [
    ("张三委员", [("speaker", "张三"), ("role", "委员")]),
    ("欧阳明常委", [("speaker", "欧阳明"), ("role", "常委")]),
    ("省政协委员、南昌大学教授彭丽", [("role", "省政协委员、南昌大学教授"), ("speaker", "彭丽")]),
    ("市总工会副主席高丽萍代表市总工会", [("role", "市总工会副主席"), ("speaker", "高丽萍"), ("unit", "市总工会")]),
    ("王晓峰委员代表民建咸阳市委会", [("speaker", "王晓峰"), ("role", "委员"), ("unit", "民建咸阳市委会")]),
    ("孙红（民建市委会）", [("speaker", "孙红"), ("unit", "民建市委会")]),
    ("民盟江西省委会", [("unit", "民盟江西省委会")]),
    ("十位委员和单位", None),  # a count of speakers, not a role and a name
    ("委员们的", None),
    ("大会", None),
])
def test_the_phrase_before_the_speech_verb(text: str, parts) -> None:
    assert phrase(text) == parts


def test_a_person_opens_with_a_surname() -> None:
    assert is_person("付朝阳") and is_person("欧阳明") and is_person("阿依古丽·吐尔逊")
    assert not is_person("大会") and not is_person("全市") and not is_person("委员会")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("王晓峰委员代表民建市委会发言，建议抢抓一体化发展机遇，共建产业链。",
     (None, "王晓峰", "民建市委会", None, ["抢抓一体化发展机遇，共建产业链"])),
    ("赵丽娟委员代表民盟市委会发言说，乡村学校面临教师流失等问题，建议完善乡村教师补助政策。",
     (None, "赵丽娟", "民盟市委会", None, ["完善乡村教师补助政策"])),
    ("马兴平委员在发言中呼吁，加快构建农村养老服务网络。",
     (None, "马兴平", None, "委员", ["加快构建农村养老服务网络"])),
    ("吴迪委员在作大会发言时表示，应当完善社区嵌入式服务设施。",
     (None, "吴迪", None, "委员", ["应当完善社区嵌入式服务设施"])),
    ("许嘉澍委员6日在全国政协十四届三次会议第二次全体会议上作大会发言时说，要激活数据要素潜能。",
     (None, "许嘉澍", None, "委员", ["激活数据要素潜能"])),
    ("民进市委会副主委李文代表民进市委会发言，建议加快建设城市更新项目库。",
     (None, "李文", "民进市委会", None, ["加快建设城市更新项目库"])),
    ("全国政协委员、北京大学教授陈明在发言中说，要加快培育耐心资本。",
     (None, "陈明", None, "全国政协委员、北京大学教授", ["加快培育耐心资本"])),
    ("民盟江西省委会在发言中提出，建议推动对口合作向产业共建延伸。",
     (None, None, "民盟江西省委会", None, ["推动对口合作向产业共建延伸"])),
    ("刘强代表民盟市委在大会上发言，呼吁加强对未成年人网络保护。",
     (None, "刘强", "民盟市委", None, ["加强对未成年人网络保护"])),
    ("周杰委员在代表九三学社市委发言时说，要加强基础研究投入。",
     (None, "周杰", "九三学社市委", None, ["加强基础研究投入"])),
    ("赵丽委员围绕乡村振兴作大会发言，她建议，完善农村寄递物流体系。",
     (None, "赵丽", None, "委员", ["完善农村寄递物流体系"])),
    ("冯雪委员作“守护绿水青山”的大会发言，建议建立生态补偿机制。",
     ("守护绿水青山", "冯雪", None, "委员", ["建立生态补偿机制"])),
    ("市政协委员王志刚以《推动文旅深度融合》为题作大会发言。",
     ("推动文旅深度融合", "王志刚", None, "市政协委员", [])),
    ("钱伟委员作书面发言，提出三点建议：\n一是加强统筹；\n二是完善机制；\n三是强化保障。",
     (None, "钱伟", None, "委员", ["加强统筹", "完善机制", "强化保障"])),
    ("郑华同志代表市工商联发言，建议优化涉企执法检查。", (None, "郑华", "市工商联", None, ["优化涉企执法检查"])),
    ("■张三委员：建议加快建设区域医疗中心，推动优质医疗资源下沉。",
     (None, "张三", None, "委员", ["加快建设区域医疗中心，推动优质医疗资源下沉"])),
    ("李四委员（民建市委会）：当前小微企业融资难，建议设立应急转贷资金。",
     (None, "李四", "民建市委会", None, ["设立应急转贷资金"])),
    ("代表民盟市委发言的王芳委员说，要加强农村学前教育。", (None, "王芳", "民盟市委", None, ["加强农村学前教育"])),
    ("无党派人士陈静委员在发言中建议，完善无障碍环境建设。",
     (None, "陈静", "无党派人士", None, ["完善无障碍环境建设"])),
    ("市政协副主席、民盟市委主委王五代表民盟市委发言，呼吁加快老旧小区改造。",
     (None, "王五", "民盟市委", None, ["加快老旧小区改造"])),
    ("民革中央的发言认为，两岸融合发展要从“通”到“融”。发言建议，深化闽台产业合作。",
     (None, None, "民革中央", None, ["深化闽台产业合作"])),
    ("陈华委员代表中华全国归国华侨联合会发言。他说，要发挥侨界优势，建议搭建侨商投资服务平台。",
     (None, "陈华", "中华全国归国华侨联合会", None, ["搭建侨商投资服务平台"])),
    ("张三委员代表民盟中央以“推进教育强国建设”为题作大会发言。", ("推进教育强国建设", "张三", "民盟中央", None, [])),
    ("张涛委员围绕《加快发展县域经济》作了发言，他表示，要壮大特色产业。",
     ("加快发展县域经济", "张涛", None, "委员", ["壮大特色产业"])),
])
def test_a_byline_sentence_opens_a_speech(sentence: str, expected) -> None:
    (speech,) = speeches(sentence)
    got = (speech["title"], speech["speaker"], speech["organization"], speech["role"], speech["suggestions"])
    assert got == expected


def test_a_roster_joined_by_semicolons_and_a_unit_without_a_person() -> None:
    found = speeches("此外，刘建军委员代表九三学社市委会作《打通成果转化“最后一公里” 培育新质生产力》的发言；"
                     "陈雪梅委员作《擦亮文化旅游“金名片”》的发言；民革市委会作《关于加强中小河流生态治理的建议》的发言。")
    assert [(s["title"], s["speaker"], s["organization"]) for s in found] == [
        ("打通成果转化“最后一公里” 培育新质生产力", "刘建军", "九三学社市委会"),
        ("擦亮文化旅游“金名片”", "陈雪梅", None),
        ("关于加强中小河流生态治理的建议", None, "民革市委会")]
    assert all(s["issues"] == [] and s["suggestions"] == [] for s in found)


def test_a_roster_joined_by_enumeration_commas_with_nested_quotes() -> None:
    found = speeches("赵红梅委员代表民盟市委会作“打造‘酱香白酒核心区’ 推动白酒产业发展”、罗建华委员代表市工商联作"
                     "“优化营商环境”、杨兴旺委员作“加快红色旅游发展”的发言。")
    assert [(s["title"], s["speaker"]) for s in found] == [
        ("打造‘酱香白酒核心区’ 推动白酒产业发展", "赵红梅"), ("优化营商环境", "罗建华"), ("加快红色旅游发展", "杨兴旺")]


def test_speakers_and_titles_given_in_turn_and_units_that_also_spoke() -> None:
    found = speeches("郭振宇委员代表民进市委会、孙丽委员代表市科协、赵国栋委员分别作了“深化体育文化旅游带建设”"
                     "“以科技创新赋能‘两区’建设”“加快发展冰雪装备制造业”的发言。\n"
                     "此外，民建市委会、市侨联、农工党市委会也作了大会发言。")
    assert [(s["title"], s["speaker"], s["organization"]) for s in found] == [
        ("深化体育文化旅游带建设", "郭振宇", "民进市委会"), ("以科技创新赋能‘两区’建设", "孙丽", "市科协"),
        ("加快发展冰雪装备制造业", "赵国栋", None),
        (None, None, "民建市委会"), (None, None, "市侨联"), (None, None, "农工党市委会")]


def test_a_speech_goes_on_through_paragraphs_about_its_speaker() -> None:
    found = speeches("王建军委员作大会发言。\n王建军在发言中谈到，两地产业协作不断深化。\n为此，王建军提出三点建议。\n"
                     "首先，共同编制产业链图谱。\n其次，组建创新联合体。\n最后，推动政策互认互通。\n"
                     "会议书面印发了其他委员的发言。")
    (speech,) = found
    assert speech["suggestions"] == ["共同编制产业链图谱", "组建创新联合体", "推动政策互认互通"]
    assert "no-title" in speech["warnings"] and "no-suggestion-lead" not in speech["warnings"]


def test_a_modal_clause_without_a_lead_is_the_suggestion_with_a_warning() -> None:
    (speech,) = speeches("付朝阳委员发言时强调，要加快完善城乡供水一体化工程，让群众喝上放心水。")
    assert speech["suggestions"] == ["加快完善城乡供水一体化工程，让群众喝上放心水"]
    assert "no-suggestion-lead" in speech["warnings"]


@pytest.mark.parametrize("text", [
    "张三、李四、王五等12位委员作大会发言。",
    "委员们的发言紧扣中心工作。会议书面印发了部分委员的大会发言材料。",
    "辽宁省政协大会发言：聚焦全面振兴新突破\n委员们围绕中心工作建言资政。",
])
def test_counts_nouns_and_headings_are_no_speeches(text: str) -> None:
    with pytest.raises(InputError, match="no speeches"):
        speeches(text)


def test_a_paragraph_between_goes_on_with_the_speech_when_a_later_one_does() -> None:
    (speech,) = speeches("许明委员作大会发言。\n数据显示，我市老年人口占比已超过两成。\n他建议：\n"
                         "——建设社区嵌入式养老服务中心；\n——推行家庭养老床位。\n委员们的发言赢得阵阵掌声。")
    assert speech["suggestions"] == ["建设社区嵌入式养老服务中心", "推行家庭养老床位"]
    assert "掌声" not in speech["suggestions"][-1]


def test_a_kicker_a_dateline_and_a_group_that_is_no_unit() -> None:
    found = speeches("【建设海洋强市】张涛委员代表民进市委会发言，建议加快海洋牧场建设。\n"
                     "本报讯（记者 李娜）吴敏委员代表港区委员发言，呼吁深化港澳合作。")
    assert [(s["speaker"], s["organization"], s["role"]) for s in found] == [
        ("张涛", "民进市委会", None), ("吴敏", None, "委员")]


def test_each_lead_in_gives_one_suggestion() -> None:
    (speech,) = speeches("何平委员发言时说，要重视县域医疗。他建议，加强县级医院重点专科建设，提升救治能力。"
                         "他还呼吁，将村医纳入乡镇卫生院统一管理。")
    assert speech["suggestions"] == ["加强县级医院重点专科建设，提升救治能力", "将村医纳入乡镇卫生院统一管理"]


def test_a_member_who_says_without_the_word_for_speech() -> None:
    found = speeches("市委书记王刚指出，要认真吸纳委员意见。\n张华委员建议，加快建设智慧养老服务平台。\n"
                     "市政协委员、市第一医院主任医师李敏认为，基层医疗人才短缺，建议实施订单定向培养。")
    assert [(s["speaker"], s["role"], s["suggestions"]) for s in found] == [
        ("张华", "委员", ["加快建设智慧养老服务平台"]),
        ("李敏", "市政协委员、市第一医院主任医师", ["实施订单定向培养"])]


def test_a_byline_alone_in_its_paragraph_takes_the_next_one() -> None:
    (speech,) = speeches("罗勇委员代表民盟市委会发言。\n当前，我市养老服务供给不足。建议加快建设社区养老服务中心。\n"
                         "会议还书面印发了其他委员的发言。")
    assert (speech["organization"], speech["suggestions"]) == ("民盟市委会", ["加快建设社区养老服务中心"])


@pytest.mark.parametrize(("sentence", "expected"), [
    ("全國政協委員、香港中華總商會會長蔣麗芸在大會發言時表示，建議深化粵港澳大灣區規則銜接。",
     (None, "蔣麗芸", None, "全國政協委員、香港中華總商會會長", ["深化粵港澳大灣區規則銜接"])),
    ("民進中央的發言指出，要加強鄉村教師隊伍建設，建議提高鄉村教師待遇。",
     (None, None, "民進中央", None, ["提高鄉村教師待遇"])),
    ("霍啟剛委員以《推動體育強國建設》為題發言，建議加大體育場館開放力度。",
     ("推動體育強國建設", "霍啟剛", None, "委員", ["加大體育場館開放力度"])),
])
def test_traditional_byline_sentences_keep_the_texts_characters(sentence: str, expected) -> None:
    (speech,) = speeches(sentence)
    got = (speech["title"], speech["speaker"], speech["organization"], speech["role"], speech["suggestions"])
    assert got == expected


def test_someone_else_who_speaks_ends_the_last_speech() -> None:
    (speech,) = speeches("许明委员作大会发言，建议加快建设智慧养老服务平台。\n"
                         "市委书记王刚指出，各级各部门要认真研究委员意见。\n他强调，要抓好建议落实。")
    assert speech["suggestions"] == ["加快建设智慧养老服务平台"]
    assert speech["spans"]["body"][1] < LEAD.__len__() + 40


def test_a_byline_on_a_line_of_its_own_before_its_words() -> None:
    found = speeches("王晓峰委员代表民建市委会发言\n建议抢抓一体化发展机遇，共建产业链。\n"
                     "赵丽委员：\n当前乡村学校教师流失严重，建议完善乡村教师补助政策。\n"
                     "◎孙涛委员（民盟市委会）\n建议加快建设智慧养老服务平台。")
    assert [(s["speaker"], s["organization"], s["suggestions"]) for s in found] == [
        ("王晓峰", "民建市委会", ["抢抓一体化发展机遇，共建产业链"]), ("赵丽", None, ["完善乡村教师补助政策"]),
        ("孙涛", "民盟市委会", ["加快建设智慧养老服务平台"])]


@pytest.mark.parametrize(("text", "parts"), [
    # a description before a member's name is the role, kept whole, 、 and all; 委员 adds nothing to it
    ("澳门特区政府前司长谭俊荣委员", [("role", "澳门特区政府前司长"), ("speaker", "谭俊荣")]),
    ("全国政协委员、澳门特区政府前司长谭俊荣委员",
     [("role", "全国政协委员、澳门特区政府前司长"), ("speaker", "谭俊荣")]),
    ("省政协常委、西北大学教授李四委员", [("role", "省政协常委、西北大学教授"), ("speaker", "李四")]),
    ("民盟中央副主席、农工党员王五委员", [("role", "民盟中央副主席、农工党员"), ("speaker", "王五")]),
    ("香港特区立法会议员陈七委员", [("role", "香港特区立法会议员"), ("speaker", "陈七")]),
    # a relative clause describes the member and is no role phrase: the role is the bare 委员
    ("来自经济界的刘洋委员", [("speaker", "刘洋"), ("role", "委员")]),
    # no description: a piece of a list, a count
    ("会上、张三委员", None),
    ("十二名委员和单位张三委员", None),
])
def test_a_described_member(text: str, parts) -> None:
    assert phrase(text) == parts


@pytest.mark.parametrize(("sentence", "expected"), [
    ("省政协常委、西北大学教授李四委员作大会发言时说，建议加快建设秦创原创新驱动平台。",
     ("李四", "省政协常委、西北大学教授", None)),
    ("省政协常委、西北大学教授李四委员代表民盟市委会发言，建议加快建设秦创原创新驱动平台。",
     ("李四", None, "民盟市委会")),  # a unit's speech has no role (record-format.md); LEAD names no place
    ("会上，来自经济界的刘洋委员发言说，建议优化营商环境。", ("刘洋", "委员", None)),
])
def test_a_described_member_in_a_byline_sentence(sentence: str, expected) -> None:
    (speech,) = speeches(sentence)
    assert (speech["speaker"], speech["role"], speech["organization"]) == expected


def test_problems_stated_in_passing_one_per_piece() -> None:
    """认为A推进缓慢、B矛盾突出，建议…: each piece of the 、-list names a problem of its own."""
    (speech,) = speeches("王振华委员代表民建区委发言，认为老旧小区加装电梯推进缓慢、停车位供需矛盾突出，"
                         "建议建立加装电梯审批机制。")
    assert speech["issues"] == ["老旧小区加装电梯推进缓慢", "停车位供需矛盾突出"]
