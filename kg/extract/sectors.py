"""Sectors: the concepts of the sector scheme whose evidence terms (kg/data/sector_terms.tsv) weigh
most in a speech. Terms in the title count three times; the central sector comes first, and up to
two more follow when they weigh at least half as much, or when the title itself names them with a
clear term (weight 2 or more): a title says what a speech is about even where its body dwells on
something else (联手打造…旅游环线 is about regional coordination as well as tourism)."""

from __future__ import annotations

import re
from functools import cache

from kg.lexicon import alternation, sector_terms
from kg.read import Source
from kg.records import SectorEvidence, Span

TITLE_WEIGHT = 3.0
SECOND_SECTOR_SHARE = 0.5
MIN_SCORE = 2.0
MAX_SECTORS = 3
LINK_SECTOR = "regional-coordination"  # the scheme's concept for speeches that join places
TITLE_SECTOR_MIN = 3.0 * TITLE_WEIGHT


@cache
def _term_pattern() -> tuple[re.Pattern[str], dict[str, list[tuple[str, float]]]]:
    by_term: dict[str, list[tuple[str, float]]] = {}
    for t in sector_terms():
        by_term.setdefault(t.term, []).append((t.sector, t.weight))
    return re.compile(alternation(by_term)), by_term


def sector_evidence(src: Source, span: Span) -> list[tuple[SectorEvidence, float]]:
    pattern, by_term = _term_pattern()
    out = []
    for m in pattern.finditer(span.slice(src.simple)):
        s = Span(span.start + m.start(), span.start + m.end())
        for sector, weight in by_term[m.group()]:
            out.append((SectorEvidence(sector, m.group(), s), weight))
    return out


def classify(src: Source, title: Span, body: Span, linked: bool = False) -> tuple[list[str], list[SectorEvidence]]:
    """The speech's sectors, central first; ``linked``: the speech joins places (a region link),
    which makes it a speech about regional coordination too, whatever its words weigh."""
    scores: dict[str, float] = {}
    title_scores: dict[str, float] = {}
    evidence: list[SectorEvidence] = []
    for span, factor in ((title, TITLE_WEIGHT), (body, 1.0)):
        for ev, weight in sector_evidence(src, span):
            scores[ev.sector] = scores.get(ev.sector, 0.0) + weight * factor
            if span is title:
                title_scores[ev.sector] = title_scores.get(ev.sector, 0.0) + weight * factor
            evidence.append(ev)
    ranked = sorted(scores, key=lambda s: (-scores[s], s))
    if not ranked or scores[ranked[0]] < MIN_SCORE:
        return [], []
    top = scores[ranked[0]]
    chosen = [s for s in ranked if scores[s] >= SECOND_SECTOR_SHARE * top
              or title_scores.get(s, 0.0) >= TITLE_SECTOR_MIN][:MAX_SECTORS]
    if linked and LINK_SECTOR not in chosen:
        chosen = [*chosen[: MAX_SECTORS - 1], LINK_SECTOR]
    return chosen, [e for e in evidence if e.sector in chosen]
