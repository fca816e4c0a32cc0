"""Pairs of abbreviations before a relation word or a transport line (issue 10): provinces' pairs beside a
town named after them (闽宁协作, 闽宁镇), and cities' first characters where the speech names both cities
(杭黄 → 杭州–黄山 across provinces, 南钦 → 南宁–钦州 inside one)."""

from __future__ import annotations

import pytest

from kg.pipeline import extract_source
from kg.read import read_text


def links(meeting: str, body: str) -> list[tuple[str, ...]]:
    text = f"{meeting}\n\n推动协作发展\n发言人：张三\n{body}\n"
    return extract_source(read_text(text, "x.txt")).speeches[0].region_links


@pytest.mark.parametrize(("meeting", "body", "expected"), [
    # a pair of provinces' abbreviations, a town named after the pair (闽宁镇 adds no 镇江市)
    ("——自治区政协十二届三次会议大会发言摘编 宁夏", "闽宁镇是闽宁协作的生动样板，但产业层次不高。建议深化闽宁协作。",
     [("福建省", "宁夏回族自治区")]),
    ("——永宁县政协十届三次会议大会发言摘编", "闽宁对口协作持续深化，闽宁镇的变化翻天覆地。建议深化闽宁产业合作。",
     [("福建省", "宁夏回族自治区")]),
    # cities' first characters across provinces, before a relation word or a transport line
    ("——政协第十二届黄山市委员会第三次会议大会发言摘编",
     "黄山市与杭州市山水相连，杭黄合作不断深化，但旅游线路衔接不够。建议加强杭黄合作。", [("杭州市", "黄山市")]),
    ("——政协第十二届杭州市委员会第三次会议大会发言摘编",
     "黄山市与杭州市山水相连，杭黄高铁开通后游客大增，但接驳不便。建议优化接驳。", [("杭州市", "黄山市")]),
    # inside a province
    ("——自治区政协十三届二次会议大会发言摘编 广西", "南宁市和钦州市产业互补，但南钦铁路运力紧张。建议增开班列。",
     [("南宁市", "钦州市")]),
    # a line between two other cities is an example, no link of the speech's
    ("——自治区政协十三届二次会议大会发言摘编 广西", "黄山市与杭州市山水相连，杭黄高铁的经验值得借鉴。建议学习。", []),
])
def test_pairs_of_abbreviations(meeting: str, body: str, expected: list) -> None:
    assert links(meeting, body) == expected
