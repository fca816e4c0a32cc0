"""Parts of a province (陕南, 苏北, 关中, 南疆; kg/data/province_parts.tsv) as named regions, at a committee of their
own province: there the part is what the speech is about (陕南、陕北、关中协调发展 at the 陕西 committee); a part of
another province is said in passing (粤东 in a 四川 speech) and no region of the speech."""

from __future__ import annotations

import re
from functools import cache

from kg.gazetteer import Region, gazetteer
from kg.lexicon import alternation
from kg.lexicon import province_parts as _table
from kg.words import Word


@cache
def _parts() -> dict[str, str]:
    """Part's name → its province's code prefix (陕南 → 61)."""
    gaz = gazetteer()
    return {name: gaz.resolve(province).code[:2] for name, province in _table().items()}


@cache
def _pattern() -> re.Pattern[str]:
    return re.compile(alternation(sorted(_parts(), key=len, reverse=True)))


def province_parts(text: str, words: tuple[Word, ...], own: Region | None) -> list[tuple[int, int, str]]:
    """(start, end, name) of each part of the committee's own province named as whole words of ``text``."""
    if own is None or not own.code:
        return []
    found = [m for m in _pattern().finditer(text) if _parts()[m.group()] == own.code[:2]]
    if not found:
        return []
    starts, ends = {w.start for w in words}, {w.end for w in words}
    return [(m.start(), m.end(), m.group()) for m in found if m.start() in starts and m.end() in ends]
