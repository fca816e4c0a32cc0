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

from kg.extract.place_words import place_words
from kg.gazetteer import Region, gazetteer

# how far around the cluster's span the list of its members is looked for (a title's list is in the body)
_BEFORE = 300
_AFTER = 1500


def repeated_runs(text: str, bounds: set[int], initials: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of three to six abbreviating characters (``initials``), whole words of the text,
    in which a character repeats (融入武鄂黄黄: a cluster named with no relation word after it)."""
    return [(m.start(), m.end()) for m in _run_pattern(initials).finditer(text)
            if m.start() in bounds and m.end() in bounds and len(set(m.group())) < len(m.group())]


@cache
def _run_pattern(initials: frozenset[str]) -> re.Pattern[str]:
    return re.compile(f"[{''.join(sorted(initials))}]{{3,6}}")


def listed_members(run: str, simple: str, start: int, end: int) -> list[Region] | None:
    """The places the characters of ``run`` (at ``start``–``end`` of ``simple``) stand for, or None where a
    character repeats no more (the run is read by its characters) or the nearby text lacks one of them."""
    if len(set(run)) == len(run):
        return None
    window = simple[max(0, start - _BEFORE) : end + _AFTER]
    listed = _listed_places(window)
    members: list[Region] = []
    for char in run:
        found = next((r for r in listed if r.short.startswith(char) and r not in members), None)
        if found is None:
            return None
        members.append(found)
    return members


def _listed_places(window: str) -> list[Region]:
    """The prefecture-level places the text names by their full or short names, each once, in order."""
    gaz = gazetteer()
    out: list[Region] = []
    for w in place_words(window):
        if len(w.text) < 2:
            continue
        found = [r for r in (*gaz.by_name.get(w.text, ()), *gaz.by_short.get(w.text, ()))
                 if r.code and r.level == "prefecture"]
        if len(found) == 1 and found[0] not in out:
            out.append(found[0])
    return out
