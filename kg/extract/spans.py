"""Span helpers shared by the extractors: trimming, sentences, clauses; all offsets into the text."""

from __future__ import annotations

import re

from kg.read import Source
from kg.records import Item, Span

_TRIM_LEAD = set(" \t\n\r　：:，,、；;。.）)")
_TRIM_TAIL = set(" \t\n\r　：:，,、；;。.！!？?")
_SENTENCE_END = "。！？!?"


def trim(text: str, span: Span, lead: str = "", tail: str = "") -> Span:
    """Shrink a span past white space and punctuation (and any extra ``lead``/``tail`` characters)."""
    s, e = span.start, span.end
    while s < e and (text[s] in _TRIM_LEAD or text[s] in lead):
        s += 1
    while e > s and (text[e - 1] in _TRIM_TAIL or text[e - 1] in tail):
        e -= 1
    return Span(s, e)


def sentences(text: str, span: Span) -> list[Span]:
    """Sentences (ended by 。！？ or a line break) within a span."""
    out, start = [], span.start
    for i in range(span.start, span.end):
        if text[i] in _SENTENCE_END or text[i] == "\n":
            if i + 1 > start and text[start : i + 1].strip():
                out.append(Span(start, i + 1))
            start = i + 1
    if start < span.end and text[start : span.end].strip():
        out.append(Span(start, span.end))
    return out


# A quoted phrase is one name even when it holds 、 or ；: “不会转、不敢转、不能转”.
QUOTED = re.compile(r"“[^”]*”|「[^」]*」|『[^』]*』|《[^》]*》|\"[^\"]*\"")


def unquoted(text: str) -> str:
    """``text`` with every quoted phrase blanked out (same length), for looking at separators."""
    return QUOTED.sub(lambda m: " " * len(m.group()), text)


def split_on(text: str, span: Span, separators: str) -> list[Span]:
    """Pieces of a span between separators; separators inside quotes do not split."""
    out, start = [], span.start
    plain = unquoted(span.slice(text))
    for i in range(span.start, span.end):
        if plain[i - span.start] in separators:
            out.append(Span(start, i))
            start = i + 1
    out.append(Span(start, span.end))
    return [s for s in out if s.end > s.start]


def sentence_around(text: str, span: Span) -> Span:
    s = span.start
    while s > 0 and text[s - 1] not in _SENTENCE_END and text[s - 1] != "\n":
        s -= 1
    e = span.end
    while e < len(text) and text[e - 1] not in _SENTENCE_END and text[e] != "\n":
        e += 1
    return trim(text, Span(s, e))


def join_lines(surface: str) -> str:
    """A value that runs over several lines as one line: each line break goes with the white space
    around it (a paragraph's indent); all other white space stays as written."""
    return re.sub(r"\s*\n\s*", "", surface)


def fold(surface: str) -> str:
    """A title or headline: lines joined (``join_lines``), then runs of white space become one space."""
    return re.sub(r"[ \t\u3000]+", " ", join_lines(surface)).strip()


def make_item(src: Source, span: Span) -> Item:
    """A problem or suggestion: its text is its span's text with lines joined, white space included,
    so that the value equals the text it was read from (a tab in a suggestion stays a tab)."""
    return Item(join_lines(span.slice(src.text)), span, sentence_around(src.simple, span))
