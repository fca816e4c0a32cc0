"""Pairs of cities by their first characters where the speech names both cities: 杭黄合作, 杭黄高铁 beside
杭州 and 黄山 (across provinces), 南钦铁路 beside 南宁 and 钦州 (inside one). Read alone, such a character is
ambiguous (黄 starts 黄山, 黄石, 黄冈 …; at a Zhejiang committee it would be read as 黄岩区); the cities the
speech itself names settle it. A transport line named by the pair (高铁, 铁路) joins the two as a relation
word does."""

from __future__ import annotations

import re
from functools import cache

from kg.gazetteer import Region, gazetteer
from kg.lexicon import cues
from kg.read import Source
from kg.records import RegionMention, Span

_PAIR = 2


@cache
def _cities_by_initial() -> dict[str, tuple[Region, ...]]:
    """First character of a prefecture-level city's short name → the cities (杭 → 杭州市)."""
    index: dict[str, list[Region]] = {}
    for r in gazetteer().by_code.values():
        if r.level == "prefecture" and r.code and r.name.endswith("市"):
            index.setdefault(r.short[:1], []).append(r)
    return {char: tuple(rs) for char, rs in index.items()}


def named_city_pair(run: str, text: str, at: int) -> list[Region] | None:
    """The two cities a pair of first characters stands for, when ``text`` names each of them (by its full
    or short name) outside the pair at ``at``, and exactly one city for each character."""
    if len(run) != _PAIR or run[0] == run[1]:
        return None
    elsewhere = text[:at] + "\n" + text[at + len(run):]
    found = []
    for char in run:
        named = [r for r in _cities_by_initial().get(char, ())
                 if r.name in elsewhere or _said_alone(r.short, elsewhere)]
        if len(named) != 1:
            return None
        found.append(named[0])
    return found


def _said_alone(short: str, text: str) -> bool:
    """白城 said as itself, not as the tail of a run of initials (兰白城际铁路 holds no 白城)."""
    return any(at == 0 or text[at - 1] not in _cities_by_initial()
               for at in (m.start() for m in re.finditer(re.escape(short), text)))


@cache
def _transport_pattern() -> re.Pattern[str]:
    words = "|".join(map(re.escape, cues()["regions"]["pair_transport"]))
    return re.compile(rf"(?<=[\u4e00-\u9fff]{{2}})(?:{words})")


def transport_pairs(src: Source, span: Span, taken: set[int], own: Region | None) -> list[RegionMention]:
    """杭黄高铁, 南钦铁路: the two characters before a transport word, read as the cities the speech names,
    where the line touches the committee's own place (its province, city, or a county's city): a line between
    two other cities (兰白城际 at 定西, an example to follow) is no link of the speech's."""
    text = span.slice(src.simple)
    out: list[RegionMention] = []
    for m in _transport_pattern().finditer(text):
        start = m.start() - _PAIR
        if taken.intersection(range(start, m.start())) or text[start : m.start()] in _names():
            continue  # (黄山铁路: a place's own name before the line)
        cities = named_city_pair(text[start : m.start()], text, start)
        if cities and not any(_touches(city, own) for city in cities):
            continue
        for pos, city in enumerate(cities or (), start=start):
            s = Span(span.start + pos, span.start + pos + 1)
            out.append(RegionMention(city.name, city.code, s, s.slice(src.text)))
    return out


def _touches(city: Region, own: Region | None) -> bool:
    """A city is the committee's own place, or inside it; at the national committee every city is."""
    if own is None or not own.code or not city.code:
        return own is None
    scope = own.code[:2] if own.level == "province" else own.code[:4]
    return city.code.startswith(scope)


@cache
def _names() -> frozenset[str]:
    gaz = gazetteer()
    return frozenset(gaz.by_short) | frozenset(gaz.by_name)
