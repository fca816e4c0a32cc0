"""A city that jieba splits because its last character starts a longer word is taken back."""

from __future__ import annotations

import pytest

from kg.extract.place_words import place_words


@pytest.mark.parametrize(("text", "words"), [
    ("在阳泉港区", ["在", "阳泉", "港区"]),  # not 泉港区, a district of 泉州
    ("推动九江城区", ["推动", "九江", "城区"]),
    ("天水产业", ["天水", "产业"]),
    ("六安全域", ["六安", "全域"]),  # the rest joins the next word
    ("借鉴兰白城际列车", ["借鉴", "兰", "白", "城际", "列车"]),  # 际 makes no word: no 白城 here
])
def test_places_first(text: str, words: list[str]) -> None:
    found = place_words(text)
    assert [w.text for w in found] == words
    assert all(text[w.start : w.end] == w.text for w in found)
