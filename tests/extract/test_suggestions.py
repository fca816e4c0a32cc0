"""Suggestion parts: lead-ins, numbered items, ；-lists, headings with bodies, what is not a suggestion."""

from __future__ import annotations

import pytest
from committees import source

from kg.extract.suggestions import extract_suggestions, is_lead_line


def suggestions(body: str) -> list[str]:
    src, span = source(body)
    return [item.text for item in extract_suggestions(src, span)]


@pytest.mark.parametrize(("body", "expected"), [
    ("但存在短板。为此建议：一是加强统筹，完善机制。二是强化保障。三是优化服务。",
     ["加强统筹，完善机制", "强化保障", "优化服务"]),
    ("对策建议：\n（一）擦亮区域公用品牌。统一使用标识。\n（二）延伸产业链条。开发精深加工产品。",
     ["擦亮区域公用品牌。统一使用标识", "延伸产业链条。开发精深加工产品"]),
    ("他建议：加快基础设施互联互通；推进产业协同；深化公共服务共享。",
     ["加快基础设施互联互通", "推进产业协同", "深化公共服务共享"]),
    # an umbrella lead-in and a closing sum-up are not suggestions
    ("为此建议实施“三大工程”：一是实施招商工程。二是实施培育工程。推动全区楼宇经济提质增效。",
     ["实施招商工程", "实施培育工程"]),
    ("建议：其一，编印创业指南；其二，建设创业基地。让台胞来得了、留得住。", ["编印创业指南", "建设创业基地"]),
    # a heading on its own line, its body on the next: one item, the line break removed
    ("对策建议\n（一）提升本地配套水平\n建立对接机制。\n（二）完善人才政策\n落实住房保障。",
     ["提升本地配套水平建立对接机制", "完善人才政策落实住房保障"]),
    ("为此建议：\n——建立联合监测网络；\n——开展专项整治。", ["建立联合监测网络", "开展专项整治"]),
    # closing sentences framed as sum-ups (通过…努力, 以此…, 为…提供…) are not suggestions
    ("为此建议：\n——完善繁育体系。\n——建设冷链设施。\n通过持续努力，推动马铃薯产业迈上新台阶。",
     ["完善繁育体系", "建设冷链设施"]),
    ("建议：一是设立资金池。二是实施安居工程。为留守儿童健康成长提供坚实保障。", ["设立资金池", "实施安居工程"]),
    ("建议：一是设立补贴。二是共建学院。以此为全省振兴提供人才支撑。", ["设立补贴", "共建学院"]),
    ("对此，提出以下对策：\n——推广保护性耕作。\n——建立补偿机制。", ["推广保护性耕作", "建立补偿机制"]),
    ("一、存在的问题\n（一）管理松散。\n二、几点建议\n（一）深化改革。统一招聘。\n（二）加强队伍建设。",
     ["深化改革。统一招聘", "加强队伍建设"]),
])
def test_suggestion_forms(body: str, expected: list[str]) -> None:
    assert suggestions(body) == expected


def test_numbered_problems_before_the_lead_are_not_suggestions() -> None:
    body = "主要存在两方面问题：一是课程单一；二是师资不足。为此建议：1.丰富课程。2.充实师资。"
    assert suggestions(body) == ["丰富课程", "充实师资"]


def test_without_a_lead_the_list_after_numbered_problems_is_the_suggestions() -> None:
    body = "我市主要面临三方面困难：一是通勤时间较长；二是平台不完善。\n——加快通道建设。\n——推动资源共享。"
    assert suggestions(body) == ["加快通道建设", "推动资源共享"]
    assert suggestions("当前主要面临两方面困难：一是通勤时间较长；二是平台不完善。") == []


def test_without_a_lead_nothing_unnumbered_is_a_suggestion() -> None:
    assert suggestions("近年来我市文旅产业发展迅速，游客数量持续增长。") == []


@pytest.mark.parametrize(("line", "lead"), [
    ("对策建议", True), ("为此建议：", True), ("几点思考", False),
    # followed by a dash or nothing, after an opener and a subject: still a lead-in, never a title
    ("建议——", True), ("对策建议 ——", True), ("几点建议", True), ("对此，我们建议——", True),
    ("针对以上问题，提出以下建议：", True), ("为此，提出以下几点建议：", True), ("具体建议如下：", True),
    ("三点建议", True), ("为此提出两个方面的建议：", True),
    ("建议加强统筹", False), ("关于加快发展林下经济的建议", False),
])
def test_lead_lines(line: str, lead: bool) -> None:
    assert is_lead_line(line) is lead


def test_a_sentence_after_the_last_item_of_a_semicolon_list_closes_the_speech() -> None:
    from kg.extract.suggestions import extract_suggestions
    from kg.read import read_text
    from kg.records import Span

    src = read_text("为此建议：完善公平竞争审查制度；健全民营企业权益维护机制。"
                    "推动民营经济发展壮大，为现代化作出更大贡献。")
    items = [i.text for i in extract_suggestions(src, Span(0, len(src.text)))]
    assert items == ["完善公平竞争审查制度", "健全民营企业权益维护机制"]
