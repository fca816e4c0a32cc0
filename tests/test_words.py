"""Word segmentation: jieba's tokenizer over the cached merged dictionary cuts as a jieba tokenizer built the slow
way (dict.txt read, our words added one by one): the cache changes nothing."""

from __future__ import annotations

from functools import cache

import pytest
from paths import REPO

from kg.dictionary import dictionary, merged_tokenizer
from kg.words import Word, dictionary_frequency, is_common_noun, is_ordinary_word, tokenize

# Latin runs, digits, symbols jieba keeps in a block (+#&._%-), spaces and line breaks, full-width punctuation
_EDGES = ["", " ", "\r\n\r\n", "5G网络和AI技术、COVID-19疫情", "增长3.5%，达到1,200亿元", "C++ 与 C# 编程\t课程",
          "\r\r\n\n\r", "太原晋中一体化", "兰白城际铁路", "民革晋中市委", "ＡＢＣ全角字母１２３", "a b\u3000c"]


@cache
def _reference():
    return merged_tokenizer()[0]


def _pages() -> list[str]:
    """Every page of the corpus: the sample, the tuning digests and news pages, the holdouts."""
    folders = ["data", "tests/data/digests", "tests/data/news", "tests/data/holdout", "tests/data/holdout2",
               "tests/data/holdout3", "tests/data/holdout4", "tests/data/news-holdout", "tests/data/region_kinds"]
    return [p.read_text(encoding="utf-8") for folder in folders for p in sorted((REPO / folder).glob("*.txt"))]


@pytest.mark.parametrize("text", _EDGES + _pages())
def test_cut_is_a_fresh_jiebas(text: str) -> None:
    """The same words at the same places as a freshly initialized jieba tokenizer with our words added."""
    expected = [Word(*w) for w in _reference().tokenize(text, HMM=False)]
    assert tokenize(text) == expected


def test_the_cached_dictionary_is_jiebas_whole() -> None:
    """Every word read from the cache, the tokenizer holds what jieba's own loading and add_word give."""
    merged = dictionary()
    merged.read_all()
    assert not merged.unread
    assert merged.tokenizer.total == _reference().total and merged.tokenizer.FREQ == _reference().FREQ


def test_words_know_their_characters() -> None:
    text = "推动太原晋中一体化，兰白城际铁路建设"
    words = tokenize(text)
    assert all(text[w.start : w.end] == w.text for w in words)
    assert [w.text for w in words][1:4] == ["太原", "晋中", "一体化"]
    assert [w.text for w in words][5:8] == ["兰", "白", "城际"]  # a short name no stronger than its context


def test_dictionary_questions() -> None:
    assert is_ordinary_word("合作") and not is_ordinary_word("昔阳")
    assert is_common_noun("矿区") and not is_common_noun("昔阳") and not is_common_noun("")
    assert dictionary_frequency("一体化") > 0 and dictionary_frequency("晋中") > 0
    assert dictionary_frequency("晋中市委不是词") == 0 and dictionary_frequency("") == 0
