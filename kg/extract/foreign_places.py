"""Places abroad that a speech names beside Chinese ones: 马来西亚关丹产业园区, 越南海防港, 老挝万象.

A place named right after a country's name (kg/data/foreign_countries.tsv) is that country's: its characters
are no abbreviations of Chinese places (关丹港 holds no 丹东 and no 香港) and the area it names is no region of
the speech (domain.md counts Chinese administrative places and named areas). The foreign name runs from the
country's name over the characters that may stand in a name, a few at most, and stops at a function word or a
mark (与越南、老挝合作: nothing after 越南 is foreign). A park two countries built is named by their one-character
abbreviations before the Chinese place it lies in (中马钦州产业园区): ``joint_prefix`` finds them.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from kg.lexicon import alternation, foreign_countries

# what ends a foreign place's name: joints, function words and verbs of going (与越南、老挝合作, 越南至钦州); no
# character a name may hold (越南谅山同登口岸: 同 is in the name)
_STOPS = "与和及或并、的了是等在至到向往赴从对为于把将让使给以也都还又再更最而"
# how many characters after a country's name (and an optional —中国 of a joint name) the foreign place may run
_LONGEST_FOREIGN_NAME = 6


@cache
def _pattern() -> re.Pattern[str]:
    stops = re.escape(_STOPS)
    name = rf"[^\W{stops}\d]{{0,{_LONGEST_FOREIGN_NAME}}}"
    return re.compile(rf"(?:{alternation(foreign_countries())})(?:[—－-]?中国)?{name}")


@lru_cache(maxsize=32)
def foreign_positions(text: str) -> frozenset[int]:
    """The positions of ``text`` inside a country's name and the foreign place named after it."""
    if not any(c in text for c in _first_characters()):
        return frozenset()
    return frozenset(i for m in _pattern().finditer(text) for i in range(m.start(), m.end()))


@cache
def _first_characters() -> frozenset[str]:
    return frozenset(name[0] for name in foreign_countries())


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(a for a in foreign_countries().values() if a)


def joint_prefix(text: str, start: int) -> int:
    """Where the name of a park two countries built starts when ``start`` is its Chinese place (中马|钦州产业园区,
    中新|天津生态城): two characters before it, 中 and a country's, else ``start`` itself."""
    pair = text[max(0, start - 2) : start]
    if len(pair) == 2 and "中" in pair and (set(pair) - {"中"}) <= _abbreviations() and pair != "中中":
        return start - 2
    return start
