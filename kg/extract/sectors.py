"""Sectors: the concepts of the sector scheme whose evidence terms (kg/data/sector_terms.tsv) weigh
most in a speech. Terms in the title count three times; the central sector comes first, and up to
two more follow when they weigh at least half as much with clear terms of their own (weight 2 or
more), or a quarter as much with many clear terms that the central sector does not share (轨道, 公交 in
a speech about 同城化), or when the title itself names them with a clear term: a title says what a speech
is about even where its body dwells on something else (联手打造…旅游环线 is about regional coordination as
well as tourism). Where a titled speech's title names neither a coordination term nor the places it
joins, its body's coordination words (对口合作 for its schools) are a means, not its topic, and weigh
half. Metaphors that hold a topic word (生态圈, 桥梁作用) are matched as words of no sector, so the
word inside counts for nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from kg.lexicon import alternation, sector_terms
from kg.read import Source
from kg.records import SectorEvidence, Span

TITLE_WEIGHT = 3.0
SECOND_SECTOR_SHARE = 0.5
MIN_SCORE = 2.0
MAX_SECTORS = 3
LINK_SECTOR = "regional-coordination"  # the scheme's concept for speeches that join places
TITLE_SECTOR_MIN = 3.0 * TITLE_WEIGHT
NO_SECTOR = "-"  # sector_terms.tsv: a metaphor or context use of a topic word
CLEAR_WEIGHT = 2.0  # a term of this weight names its sector by itself (context words weigh 1 at most)
# A sector beside the central one needs this much from its title terms and clear terms of its own: a few
# context words (企业, 产业链, 冷链) shared by many topics do not make a second sector however often they recur.
SECOND_SECTOR_FLOOR = 4.0
# … or, where the central sector's terms recur so often that half its weight is out of reach (a speech about
# joining two cities says 一体化 a dozen times), this much from clear terms that are its own and not the central
# sector's too (商会 counts for investment as well as the private economy, so it makes no second sector there), at
# a quarter of the central weight: 轨道, 公交, 高速 in a speech about 同城化; 营商环境 in one about private firms.
SUBSTANTIAL_CLEAR = 9.0
SUBSTANTIAL_SHARE = 0.25
WEAK_MARGIN = 0.2  # a central sector ahead of the next by less than this share is a weak choice
# A speech whose title names neither a coordination term nor the places it joins uses a partnership (对口支援 for
# its schools, 东数西算 for its data centres) as a means: the body's coordination words weigh this share only.
MEANS_SHARE = 0.5
EVIDENCE_PER_TERM = 3
EVIDENCE_PER_SECTOR = 12


@cache
def _term_pattern() -> tuple[re.Pattern[str], dict[str, list[tuple[str, float]]]]:
    by_term: dict[str, list[tuple[str, float]]] = {}
    for t in sector_terms():
        weights = by_term.setdefault(t.term, [])
        if t.sector != NO_SECTOR:  # a metaphor (生态圈) is matched, so that the word inside it is not
            weights.append((t.sector, t.weight))
    return re.compile(alternation(by_term)), by_term


def sector_evidence(src: Source, span: Span) -> list[tuple[SectorEvidence, float]]:
    """Every term of the sector table in a span, with the weight it lends its sector."""
    return _evidence(src.simple, span)


def _evidence(simple: str, span: Span) -> list[tuple[SectorEvidence, float]]:
    pattern, by_term = _term_pattern()
    out = []
    for m in pattern.finditer(span.slice(simple)):
        s = Span(span.start + m.start(), span.start + m.end())
        for sector, weight in by_term[m.group()]:
            out.append((SectorEvidence(sector, m.group(), s), weight))
    return out


def classify(src: Source, title: Span, body: Span, linked: bool = False,
             title_links: bool = False) -> tuple[list[str], list[SectorEvidence]]:
    """The speech's sectors, central first, and the evidence for them (a bounded sample: see
    ``_kept``); ``linked``: the speech joins places (a region link), which makes it a speech about
    regional coordination too, where the speech says so in its title (a term, or ``title_links``: the
    title names the places it joins, 推动闽台融合发展) or its body weighs enough."""
    tally = _tally(src, title, body)
    if title.end > title.start and not title_links and not tally.title.get(LINK_SECTOR):
        tally = _link_as_means(tally)
    scores = tally.scores
    ranked = sorted(scores, key=lambda s: (-scores[s], s))
    if not ranked or scores[ranked[0]] < MIN_SCORE:
        # 深化黔台经贸交流合作: a speech that joins places and names no other topic is about joining them
        return ([LINK_SECTOR], _kept([e for e in tally.evidence if e.sector == LINK_SECTOR])) if linked else ([], [])
    top = scores[ranked[0]]
    chosen = ranked[:1] + [s for s in ranked[1:] if tally.title.get(s, 0.0) >= TITLE_SECTOR_MIN or (
        scores[s] >= SECOND_SECTOR_SHARE * top and tally.clear.get(s, 0.0) >= SECOND_SECTOR_FLOOR) or (
        scores[s] >= SUBSTANTIAL_SHARE * top and _own_clear(tally, s, ranked[0]) >= SUBSTANTIAL_CLEAR)]
    chosen = chosen[:MAX_SECTORS]
    if linked:
        chosen = _with_link_sector(tally, chosen, untitled=title.end == title.start, title_links=title_links)
    return chosen, _kept([e for e in tally.evidence if e.sector in chosen])


def _link_as_means(tally: _Tally) -> _Tally:
    """The tally with the coordination sector's weight cut to MEANS_SHARE (a copy: the cached tally stays)."""
    def cut(weights: dict) -> dict:
        return {k: w * MEANS_SHARE if (k[0] if isinstance(k, tuple) else k) == LINK_SECTOR else w
                for k, w in weights.items()}
    return replace(tally, scores=cut(tally.scores), clear=cut(tally.clear), clear_terms=cut(tally.clear_terms))


def _with_link_sector(tally: _Tally, chosen: list[str], untitled: bool, title_links: bool = False) -> list[str]:
    """A speech that joins places is about regional coordination too where its title says so or its
    body weighs enough (a report's untitled speech, which has no title to say so, where any of its
    terms does); and first where it weighs as much as the central sector."""
    scores = tally.scores
    link = scores.get(LINK_SECTOR, 0.0)
    floor = MIN_SCORE if untitled else SECOND_SECTOR_FLOOR
    if LINK_SECTOR not in chosen and (tally.title.get(LINK_SECTOR, 0.0) > 0 or link >= floor or title_links):
        chosen = [*chosen[: MAX_SECTORS - 1], LINK_SECTOR]
    # 推动闽台融合发展: a title that names the places it joins and no other topic puts their coordination first
    central_untitled = title_links and tally.title.get(chosen[0], 0.0) == 0.0
    if LINK_SECTOR in chosen and (link >= scores[chosen[0]] or central_untitled):
        chosen = [LINK_SECTOR, *(s for s in chosen if s != LINK_SECTOR)]
    return chosen


@dataclass
class _Tally:
    scores: dict[str, float] = field(default_factory=dict)  # every term, title terms three times
    title: dict[str, float] = field(default_factory=dict)  # the title's share of the scores
    clear: dict[str, float] = field(default_factory=dict)  # the share of the title and of clear terms
    clear_terms: dict[tuple[str, str], float] = field(default_factory=dict)  # that share by (sector, term)
    evidence: list[SectorEvidence] = field(default_factory=list)


def _tally(src: Source, title: Span, body: Span) -> _Tally:
    return _tally_of(src.simple, title, body)


@lru_cache(maxsize=8)
def _tally_of(simple: str, title: Span, body: Span) -> _Tally:
    """The scores of a speech; kept for a while, since ``weak_sectors`` reads them again."""
    tally = _Tally()
    for span, factor in ((title, TITLE_WEIGHT), (body, 1.0)):
        for ev, weight in _evidence(simple, span):
            tally.scores[ev.sector] = tally.scores.get(ev.sector, 0.0) + weight * factor
            if span is title:
                tally.title[ev.sector] = tally.title.get(ev.sector, 0.0) + weight * factor
            if weight >= CLEAR_WEIGHT or span is title:
                tally.clear[ev.sector] = tally.clear.get(ev.sector, 0.0) + weight * factor
                key = (ev.sector, ev.term)
                tally.clear_terms[key] = tally.clear_terms.get(key, 0.0) + weight * factor
            tally.evidence.append(ev)
    return tally


def _own_clear(tally: _Tally, sector: str, central: str) -> float:
    """The clear weight of a sector from terms that do not count for the central sector too."""
    shared = {term for (s, term) in tally.clear_terms if s == central}
    return sum(w for (s, term), w in tally.clear_terms.items() if s == sector and term not in shared)


def _kept(evidence: list[SectorEvidence]) -> list[SectorEvidence]:
    """At most EVIDENCE_PER_TERM places of each term and EVIDENCE_PER_SECTOR terms' places per sector,
    in text order: enough to show why, and no input grows the graph beyond a fixed number of entries
    per speech (a text of one endless line once gave a speech 312,500)."""
    per_term: dict[tuple[str, str], int] = {}
    per_sector: dict[str, int] = {}
    kept = []
    for e in evidence:
        key = (e.sector, e.term)
        if per_term.get(key, 0) < EVIDENCE_PER_TERM and per_sector.get(e.sector, 0) < EVIDENCE_PER_SECTOR:
            per_term[key] = per_term.get(key, 0) + 1
            per_sector[e.sector] = per_sector.get(e.sector, 0) + 1
            kept.append(e)
    return kept


def weak_sectors(src: Source, title: Span, body: Span, sectors: list[str]) -> list[str]:
    """The chosen sectors that rest on weak evidence: no clear term (weight 2 or more) anywhere, or,
    for the central one, a lead over the next sector of less than a fifth."""
    if not sectors:
        return []
    tally = _tally(src, title, body)
    scores = tally.scores
    runner_up = max((v for s, v in scores.items() if s not in sectors), default=0.0)
    weak = [s for s in sectors if s in scores and tally.clear.get(s, 0.0) == 0.0]
    central = sectors[0]
    if central in scores and central not in weak and scores[central] < (1 + WEAK_MARGIN) * runner_up:
        weak.append(central)
    return weak
