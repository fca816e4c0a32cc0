"""Problems: the part of a speech between its contrast (但/但是/然而 …) and its suggestions.

- 存在A、B、C等问题 → A, B, C (the list after a verb such as 存在/面临/表现出, up to 等问题);
- 在A、B等方面还需加强 → A, B;
- 存在一些短板 (a vague object) → the clause itself;
- 主要存在三方面问题：一是…二是… → the numbered items;
- a clause without a verb → its comma-separated parts that name a problem (不足, 滞后, 难 …).
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.numbering import numbered_items
from kg.extract.spans import make_item, sentences, split_on, trim
from kg.extract.suggestions import find_lead
from kg.lexicon import cues
from kg.read import Source
from kg.records import Item, Span

_ASPECTS = re.compile(r"在(?P<list>[^，。；在]{2,80}?)(?:等|[一二三四五六七八九十两几多]个|各个)?方面")
_CONTINUE = re.compile(r"^\s*(?:同时|此外|另外|再者|还有|而且|加之|与此同时)")


@cache
def _problem_cues() -> dict:
    return cues()["problems"]


@cache
def _pattern(key: str) -> re.Pattern[str]:
    words = sorted(_problem_cues()[key], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _contrast_at(sentence: str) -> int | None:
    """Where the problem clause starts in a sentence that turns to problems (after 但/但是/然而)."""
    m = re.search(r"(?:^|[，,；;])\s*(但是|但|然而|不过|可是)[，,]?", sentence)
    if m:
        return m.end()
    return None


def problem_part(src: Source, body: Span) -> Span:
    lead = find_lead(src.simple, body)
    return Span(body.start, lead.start if lead else body.end)


def extract_problems(src: Source, body: Span) -> list[Item]:
    simple = src.simple
    part = problem_part(src, body)
    sents = sentences(simple, part)
    spans: list[Span] = []
    started = False
    for sent in sents:
        text = sent.slice(simple)
        at = _contrast_at(text)
        if at is not None and not started:
            started = True
            spans += _from_clause(simple, Span(sent.start + at, sent.end))
        elif started and (_CONTINUE.match(text) or _pattern("verbs").search(text)):
            m = _CONTINUE.match(text)
            clause = Span(sent.start + (m.end() if m else 0), sent.end)
            spans += _from_clause(simple, clause, need_negative=True)
    if not started:  # no contrast word: a sentence that says 存在…问题 still lists problems
        for sent in sents:
            if _pattern("verbs").search(sent.slice(simple)) and "问题" in sent.slice(simple):
                spans += _from_clause(simple, sent)
                break
    return [make_item(src, s) for s in spans]


def _from_clause(simple: str, clause: Span, need_negative: bool = False) -> list[Span]:
    clause = trim(simple, clause)
    text = clause.slice(simple)
    numbered = numbered_items(text)
    if numbered:
        return [_first_clause(simple, Span(clause.start + m.start, clause.start + m.end)) for m in numbered[1]]
    verb = _pattern("verbs").search(text)
    if verb:
        after = text[verb.end():].lstrip("着了")
        offset = clause.start + verb.end() + (len(text[verb.end():]) - len(after))
        if not _pattern("vague").match(after):
            listed = _list_items(simple, Span(offset, clause.end))
            if listed:
                return listed
    aspects = _ASPECTS.search(text)
    if aspects:
        inner = Span(clause.start + aspects.start("list"), clause.start + aspects.end("list"))
        return [trim(simple, s) for s in split_on(simple, inner, "、，,")]
    if verb:
        return [clause]
    parts = [trim(simple, s) for s in split_on(simple, clause, "，,、")]
    negative = [p for p in parts if _pattern("negative").search(p.slice(simple))]
    if need_negative or negative:
        return negative
    return [clause]


def _list_items(simple: str, span: Span) -> list[Span]:
    """A, B, C of 存在A、B、C等问题 (up to the list's tail, or the end of the clause)."""
    text = span.slice(simple)
    tails = sorted(_problem_cues()["list_tails"], key=len, reverse=True)
    end = len(text)
    for tail in tails:
        i = text.rfind(tail)
        if i > 0 and i + len(tail) >= len(text.rstrip("。；;，, ")) - 2:
            end = i
            break
    items = [trim(simple, s, tail="等") for s in split_on(simple, Span(span.start, span.start + end), "、，,")]
    return [s for s in items if s.end - s.start >= 2]


def _first_clause(simple: str, span: Span) -> Span:
    """A numbered problem is named by its first sentence."""
    first = sentences(simple, span)
    return trim(simple, first[0] if first else span)
