"""Chinese word segmentation with our lexicons loaded: jieba's cut, over the merged dictionary.

The dictionary (kg/dictionary.py) is jieba's general dictionary with the parties, the regions (full
and short names), the named areas and the sector terms added as user words, so that 太原晋中一体化
splits into 太原 / 晋中 / 一体化 and 民革晋中市委 keeps its party. Offsets come with every word, so
every word knows its characters.

Short names of regions (白城, 合作) are ordinary words too: they get only the frequency jieba itself
suggests for them, so that the general dictionary's split still wins where it is natural (兰白城际 is
兰 / 白 / 城际, not 兰 / 白城 / 际); and a county's short name that jieba knows as a frequent word of
another class (合作 vn, 安定 v) is no name at all (``is_ordinary_word``).

The cut is jieba's (``jieba.Tokenizer.tokenize(text, HMM=False)``) over the merged dictionary read from
its cache file (kg/dictionary.py): a tokenizer cuts the same words at the same places as one built the
slow way, from jieba's dict.txt with our words added one by one (tests/test_words.py holds it to that).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import starmap
from typing import NamedTuple

from kg.dictionary import dictionary


class Word(NamedTuple):  # a tuple: made for every word of every span, ~3× cheaper than a frozen dataclass
    text: str
    start: int
    end: int


def is_ordinary_word(short: str) -> bool:
    """合作, 安定: a county's short name that jieba's dictionary knows as a frequent ordinary word."""
    return short in dictionary().ordinary


def dictionary_frequency(word: str) -> int:
    """How often jieba's dictionary (with our lexicons) has ``word``; 0 for a word it lacks."""
    return dictionary().frequency(word)


def is_common_noun(word: str) -> bool:
    """矿区, 郊区, 城区: a word that jieba's general dictionary tags as a common noun (or a place word
    of another kind), not as a proper name (ns, nr, nz …)."""
    return dictionary().is_common(word)


def tokenize(text: str) -> list[Word]:
    """Words of ``text`` with their offsets. Without jieba's HMM: the words we look for (regions,
    areas, cue words) are all in the dictionary, names come from bylines, and the HMM, which only
    guesses words the dictionary lacks, cost ~45% of extraction time (兰白城际 → 兰白)."""
    words = dictionary()
    if words.unread:
        words.read(words.unread.intersection(text))
    return list(starmap(Word, words.tokenizer.tokenize(text, HMM=False)))


@lru_cache(maxsize=32)
def tokens(text: str) -> tuple[Word, ...]:
    """``tokenize``, kept for a while: the region extractors read the same spans one after another."""
    return tuple(tokenize(text))
