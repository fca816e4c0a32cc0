"""Links with a list of partners after 与: the place before 与 (or, at a province's committee, the province)
with each partner, not the partners with each other (深化西安与铜川、渭南的产业协作 → 西安–铜川, 西安–渭南;
加强与青海、四川、云南等周边省份的旅游合作 at the 西藏 committee → 西藏–each).

A list joined by 、/和/及 right after 与 names the other side of one link; who stands on this side is the place
right before 与 (推动天长与扬州、南京跨界融合: 天长; a list there, each of them), or, where none is named there,
the committee's province, whose speech speaks for it (the partners lie outside it). region_links.py calls
``partner_pairs`` for each clause with a link word.
"""

from __future__ import annotations

import re

from kg.gazetteer import Region, gazetteer
from kg.records import RegionMention, Span

_WITH = re.compile(r"(?<!参)与")
_JOINTS = frozenset({"", "、", "和", "及", "以及"})
_LEAST_PARTNERS = 2


def partner_pairs(simple: str, clause: Span, mentions: list[RegionMention],
                  own: Region | None) -> list[tuple[str, str]] | None:
    """The pairs of a clause's head and each of its partners, or None where the clause lists no partners after 与 (or
    the committee is the national one, whose speeches join the areas they list each with each: 粤港澳大湾区与长三角、
    京津冀联动发展)."""
    if own is None:
        return None
    inside = sorted((m for m in mentions if clause.start <= m.span.start and m.span.end <= clause.end),
                    key=lambda m: m.span)
    for with_word in _WITH.finditer(simple, clause.start, clause.end):
        at = with_word.start()
        partners = _listed_from(simple, inside, with_word.end())
        if len(partners) < _LEAST_PARTNERS:
            continue
        heads = _listed_to(simple, inside, at)
        if not heads and _speaks_for(own, partners):
            heads = [own.name]  # type: ignore[union-attr]
        if not heads or set(heads) & set(partners):
            return None
        return list(dict.fromkeys(_ordered(head, partner) for head in heads for partner in partners))
    return None


def _listed_to(simple: str, mentions: list[RegionMention], end: int) -> list[str]:
    """The names of the places listed up to ``end`` (天长与…: 天长; 太原、晋中与…: both), joined by 、/和/及."""
    out: list[str] = []
    at = end
    for m in reversed(mentions):
        if m.span.end > at:
            continue
        if simple[m.span.end : at] not in (_JOINTS if out else {""}):
            break
        out.insert(0, m.name)
        at = m.span.start
    return list(dict.fromkeys(out))


def _listed_from(simple: str, mentions: list[RegionMention], start: int) -> list[str]:
    """The names of the places listed from ``start`` on, joined by 、/和/及 (the first right at ``start``)."""
    out: list[str] = []
    at = start
    for m in mentions:
        if m.span.start < at:
            continue
        if simple[at : m.span.start] not in (_JOINTS if out else {""}):
            break
        out.append(m.name)
        at = m.span.end
    return list(dict.fromkeys(out))


def _speaks_for(own: Region | None, partners: list[str]) -> bool:
    """A province's committee speaks for the province, where every partner lies outside it."""
    if own is None or own.level != "province" or not own.code:
        return False
    return all(_code_of(p)[:2] != own.code[:2] for p in partners)


def _code_of(name: str) -> str:
    return next((r.code for r in gazetteer().by_name.get(name, ()) if r.code), name)


def _ordered(a: str, b: str) -> tuple[str, str]:
    return (a, b) if _code_of(a) <= _code_of(b) else (b, a)
