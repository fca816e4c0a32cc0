"""Markdown markup taken off a digest kept as notes; the words and numbering stay."""

from __future__ import annotations

import pytest

from kg.read.markdown import markdown_text


@pytest.mark.parametrize(("line", "text"), [
    ("## 做优白茶产业 促进茶农持续增收 ##", "做优白茶产业 促进茶农持续增收"),
    ("**县政协委员赵丽华**", "县政协委员赵丽华"),
    ("> 为此建议：一是*加快*建设。", "为此建议：一是加快建设。"),
    ("- 一是规范商标使用管理；", "一是规范商标使用管理；"),
    ("1. 打通部门涉农数据壁垒；", "1. 打通部门涉农数据壁垒；"),
    ("面积扩大2*3倍，达到__十万亩__。", "面积扩大2*3倍，达到十万亩。"),
    ("详见[市政协网](https://example.cn)和![现场](a.jpg)，`附件1`。", "详见市政协网和现场，附件1。"),
])
def test_markup_goes(line: str, text: str) -> None:
    assert markdown_text(line) == text


def test_rules_and_fences_go_lines_stay() -> None:
    assert markdown_text("标题\n===\n正文。\n\n---\n```\n代码\n```") == "标题\n正文。\n\n代码"
