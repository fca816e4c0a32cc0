"""Lists inside a problem clause (kg/extract/problem_lists.py): the items of 存在A、B等问题 and of a report,
the aspects of 在A、B等方面, and what 面临 names when it is a clause of its own."""

from __future__ import annotations

import pytest

from kg.extract.problem_lists import aspect_list, list_items, told_clause
from kg.records import Span


def items(text: str) -> list[str]:
    found, _ = list_items(text, Span(0, len(text)))
    return [s.slice(text) for s in found]


@pytest.mark.parametrize(("text", "expected"), [
    ("规划标准不统一、基础设施衔接不畅、管理体制不顺等问题", ["规划标准不统一", "基础设施衔接不畅", "管理体制不顺"]),
    # a comma sets the problems apart, a 、 joins two sides of one
    ("规模小、抵押物不足，融资难度大", ["规模小、抵押物不足", "融资难度大"]),
    # … unless the subject is written again
    ("融资难、融资贵，涉企检查偏多", ["融资难", "融资贵", "涉企检查偏多"]),
    # a predicament's two sides, its name cut
    ("种植户老龄化、采摘用工难的困境", ["种植户老龄化、采摘用工难"]),
    # a bare noun shares the next piece's predicate
    ("人员、资金统筹不够的问题", ["人员、资金统筹不够"]),
])
def test_list_items(text: str, expected: list[str]) -> None:
    assert items(text) == expected


def test_what_the_verb_names_as_a_clause() -> None:
    text = "电网外送通道不足，弃光限电时有发生"
    assert told_clause(text, Span(0, len(text))) == Span(0, len(text))
    assert told_clause("失传风险", Span(0, 4)) is None
    assert told_clause("A、B等问题", Span(0, 6)) is None


def test_aspects_are_a_list_or_a_need() -> None:
    assert aspect_list("在品牌建设、市场营销等方面还需加强").group("list") == "品牌建设、市场营销"
    assert aspect_list("在产业链配套方面仍存在明显短板") is None
