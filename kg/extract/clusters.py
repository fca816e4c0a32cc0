"""The members of a cluster name whose characters repeat (武鄂黄黄: 武汉, 鄂州, 黄石, 黄冈), read from the places the
speech lists nearby.

A run of one-character abbreviations names each place by its first character (abbreviations.py); where two
places share it (黄石, 黄冈) the characters alone cannot say which, but the speech names the members near the
cluster (in the body after a title, or in the same paragraph): each character takes the next place of that list,
in the text's order, that it starts.
"""

from __future__ import annotations

import re
from functools import cache

from kg.gazetteer import Region, gazetteer

# how far around the cluster's span the list of its members is looked for (a title's list is in the body)
_BEFORE = 300
_AFTER = 1500


def repeated_runs(text: str, initials: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of three to six abbreviating characters (``initials``) holding one character
    twice in a row (融入武鄂黄黄: a cluster named with no relation word after it)."""
    out: list[tuple[int, int]] = []
    for m in _twice_pattern(initials).finditer(text):
        start, end = m.start(), m.end()
        while start > 0 and end - start < _LONGEST_CLUSTER and text[start - 1] in initials:
            start -= 1
        while end < len(text) and end - start < _LONGEST_CLUSTER and text[end] in initials:
            end += 1
        if end - start >= 3 and (not out or start >= out[-1][1]):
            out.append((start, end))
    return out


_LONGEST_CLUSTER = 6


@cache
def _twice_pattern(initials: frozenset[str]) -> re.Pattern[str]:
    return re.compile(f"([{''.join(sorted(initials))}])\\1")


def listed_members(run: str, simple: str, start: int, end: int) -> list[Region] | None:
    """The places the characters of ``run`` (at ``start``–``end`` of ``simple``) stand for, or None where a
    character repeats no more (the run is read by its characters) or the nearby text lacks one of them."""
    if len(set(run)) == len(run):
        return None
    window = simple[max(0, start - _BEFORE) : end + _AFTER]
    listed = _listed_places(window, run)
    members: list[Region] = []
    for char in run:
        found = next((r for r in listed if r.short.startswith(char) and r not in members), None)
        if found is None:
            return None
        members.append(found)
    return members


def _listed_places(window: str, run: str) -> list[Region]:
    """The prefecture-level places the text names by their short names whose first characters are in ``run``,
    each once, in the order of their first mention."""
    found = []
    for char in set(run):
        for short, region in _prefectures_by_initial().get(char, ()):
            at = window.find(short)
            if at != -1:
                found.append((at, region))
    return [region for _, region in sorted(found, key=lambda f: (f[0], f[1].code))]


@cache
def _prefectures_by_initial() -> dict[str, tuple[tuple[str, Region], ...]]:
    """First character → (short name, place) of the prefecture-level places whose short name is theirs alone."""
    gaz = gazetteer()
    index: dict[str, list[tuple[str, Region]]] = {}
    for short, regions in gaz.by_short.items():
        coded = [r for r in regions if r.code]
        if len(short) >= 2 and len(coded) == 1 and coded[0].level == "prefecture":
            index.setdefault(short[0], []).append((short, coded[0]))
    return {char: tuple(sorted(places)) for char, places in index.items()}
