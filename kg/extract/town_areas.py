"""Named areas the generic readers miss: a town jieba keeps whole (安亭镇), an area headed by a place with a few
words of description (雷山长寿养生国际旅游区, 上海国际汽车城), and no area named by a pair of abbreviations (杭雷产业园
is 杭州's and 雷山's park: their link, not a place of its own).

A town: a word of three or four characters ending in 镇 or 乡 that the dictionary knows rarely or not at all, its name
no ordinary word, no region's and made of name characters (not 特色小镇, 新市镇). An area headed by a place: a place
the gazetteer reads at a word's start, then up to six characters of description, then a generic word of
kg/data/cues.toml regions.described_areas (国际旅游区, 国际汽车城; a bare 旅游区 is too often a place's scenic
spot said in passing).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import cache

from kg.extract.initials import abbreviated, abbreviates_a_place
from kg.extract.proper_areas import TOWNSHIPS
from kg.extract.proposer import committee_region
from kg.gazetteer import Region, gazetteer
from kg.lexicon import alternation, cues, named_areas
from kg.records import Committee
from kg.words import Word, dictionary_frequency, is_common_noun

_TOWN_END = re.compile("[镇乡]")
# 安亭镇 is known 3 times: a town's name, not a word of the language
_TOWN_MAX_FREQUENCY = 20
_LONGEST_DESCRIPTION = 6
_HEAD_SIZES = (4, 3, 2)
_PAIR = 2


def whole_word_towns(text: str, words: tuple[Word, ...]) -> list[tuple[int, int, str]]:
    """(start, end, name) of each town jieba keeps as one word (安亭镇)."""
    ends = [m.end() for m in _TOWN_END.finditer(text)]
    if not ends:
        return []  # (most spans name no town: their words need no look)
    gaz = gazetteer()
    not_name = cues()["regions"]["not_name_characters"]
    word_ends = [w.end for w in words]
    out = []
    for end in ends:
        at = bisect_left(word_ends, end)
        w = words[at] if at < len(words) and word_ends[at] == end else None
        if w is not None and (3 <= len(w.text) <= 4 and w.text not in gaz.by_name
                and dictionary_frequency(w.text) <= _TOWN_MAX_FREQUENCY and not set(w.text[:-1]) & set(not_name)
                and not is_common_noun(w.text[:-1]) and w.text[:-1] not in gaz.by_short
                and dictionary_frequency(w.text[:-1]) <= _TOWN_MAX_FREQUENCY
                and dictionary_frequency(w.text[-2:]) == 0):  # (江南水乡, 特色小镇: a word's compound)
            out.append((w.start, w.end, w.text))
    return out


@cache
def _described_pattern() -> re.Pattern[str]:
    return re.compile(alternation(cues()["regions"]["described_areas"]))


def described_areas(text: str, words: tuple[Word, ...],
                    resolve: Callable[[str], Region | None]) -> list[tuple[int, int, str]]:
    """(start, end, name) of each area headed by a place and a few words of description (雷山长寿养生国际旅游区)."""
    found = list(_described_pattern().finditer(text))
    if not found:
        return []
    starts = {w.start for w in words}
    out = []
    for m in found:
        # the farthest place first: 长寿 of 雷山长寿养生 is description
        for start in range(max(0, m.start() - _HEAD_SIZES[-1] - _LONGEST_DESCRIPTION), m.start() - 1):
            if start not in starts or not re.fullmatch(r"[\u4e00-\u9fff]+", text[start : m.start()]):
                continue
            size = next((n for n in _HEAD_SIZES if start + n <= m.start() and resolve(text[start : start + n])), 0)
            if size and not _names_another(words, start + size, m.start()):
                out.append((start, m.end(), text[start : m.end()]))
                break
    return out


def _names_another(words: tuple[Word, ...], start: int, end: int) -> bool:
    """The description holds a named area of its own (大连金石滩国家旅游度假区: 金石滩's, kg/data/named_areas.tsv)."""
    return any(start <= w.start and w.end <= end and w.text in _area_spellings() for w in words)


@cache
def _area_spellings() -> frozenset[str]:
    return frozenset(alias for name, aliases in named_areas() for alias in (name, *aliases))


def named_by_a_pair(name: str, committee: Committee | None) -> bool:
    """杭雷产业园 at 雷山: a park named by two one-character abbreviations of places (杭州, the committee's own
    雷山). A township so named (闽宁镇) is the township's own name (kg.extract.proper_areas.TOWNSHIPS)."""
    own = committee_region(committee)
    home = own.code[:2] if own is not None and own.code else None
    head, rest = name[:_PAIR], name[_PAIR:]
    return (rest in cues()["regions"]["proper_areas"] and rest not in TOWNSHIPS
            and all(abbreviated(c, committee) is not None or abbreviates_a_place(c, home) for c in head))
