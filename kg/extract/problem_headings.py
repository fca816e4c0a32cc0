"""Headings over a speech's problems: a line of its own (一、存在的问题) or inline before numbered items
(…取得初步成效。主要问题：一是…), and the numbered items below them, each named by its first sentence."""

from __future__ import annotations

import re
from functools import cache

from kg.extract.numbering import numbered_items
from kg.extract.problem_pieces import names_problem
from kg.extract.spans import sentences, split_on, trim, unquoted
from kg.lexicon import alternation, cues
from kg.records import Span

_HEADING_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])\s*")
_HEADING_MAX = 16
# A summary clause (还存在一些短板; 竞争力还不够强) is short: its details follow.
SUMMARY_MAX = 30


@cache
def _headings() -> re.Pattern[str]:
    return re.compile(alternation(cues()["problems"]["headings"]))


def is_heading_line(line: str) -> bool:
    """一、存在的问题 / 主要问题： alone on a line: a heading over the problems."""
    heading = _HEADING_NUMBER.sub("", line.strip()).rstrip("：:")
    return len(heading) <= _HEADING_MAX and not re.search(r"[。；;，,]", heading) and bool(_headings().search(heading))


def under_heading(simple: str, part: Span) -> list[Span] | None:
    """一、存在的问题 (a heading line) then （一）…（二）…: each item named by its first sentence; without
    numbering, each sentence under the heading. None when the part has no such heading."""
    offset = part.start
    for line in part.slice(simple).split("\n"):
        start, offset = offset, offset + len(line) + 1
        if is_heading_line(line):
            below = trim(simple, Span(start + len(line), part.end))
            numbered = numbered_items(below.slice(simple))
            if numbered:
                return [first_clause(simple, Span(below.start + m.start, below.start + m.end)) for m in numbered[1]]
            return [item for s in sentences(simple, below) for item in _details(simple, trim(simple, s))]
    return None


def _details(simple: str, sentence: Span) -> list[Span]:
    """“大资源、小产业”的局面没有根本改变：A，B，C: a summary line that introduces its details with a colon
    gives the details; any other sentence is one problem."""
    colon = re.search(r"[：:]", unquoted(sentence.slice(simple)))
    if colon is None:
        return [sentence]
    after = Span(sentence.start + colon.end(), sentence.end)
    details = [trim(simple, s) for s in split_on(simple, after, "，,；;")]
    details = [s for s in details if s.end - s.start >= 2]
    return details if len(details) >= 2 else [sentence]


@cache
def _inline_heading_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?:^|(?<=[。；;\n]))\s*(?:{_headings().pattern})[有为是]?[：:]\s*")


def inline_heading(simple: str, part: Span) -> list[Span] | None:
    """…取得初步成效。主要问题：一是A；二是B: a heading inside a paragraph, right before numbered items,
    names the problems wherever it stands (with or without a contrast clause before it)."""
    text = part.slice(simple)
    for m in _inline_heading_pattern().finditer(text):
        numbered = numbered_items(text[m.end():])
        if numbered and numbered[1][0].marker_start == 0:
            at = part.start + m.end()
            return [first_clause(simple, Span(at + i.start, at + i.end)) for i in numbered[1]]
    return None


def first_clause(simple: str, span: Span) -> Span:
    """A numbered problem is named by its first sentence."""
    first = sentences(simple, span)
    return trim(simple, first[0] if first else span)


def single_clause(spans: list[Span], simple: str) -> bool:
    """但是，A竞争力还不够强。一是…；二是…: one short clause before numbered sentences sums them up."""
    return len(spans) == 1 and len(spans[0].slice(simple)) <= SUMMARY_MAX and not re.search(
        r"[，,；;]", spans[0].slice(simple))


def opens_numbered(text: str) -> bool:
    """一是A；二是B: a sentence that starts with its first numbered item (对此，我建议：其一… does not)."""
    numbered = numbered_items(text)
    return bool(numbered) and not text[: numbered[1][0].marker_start].strip()


def numbered_after_summary(simple: str, sent: Span) -> list[Span]:
    """A竞争力还不够强：一是B，C；二是D: the numbered items after a colon that ends a problem's summary."""
    text = sent.slice(simple)
    colon = re.search(r"[：:]", unquoted(text))
    if colon is None or not names_problem(text[: colon.start()]):
        return []
    numbered = numbered_items(text[colon.end():])
    start = sent.start + colon.end()
    return [first_clause(simple, Span(start + m.start, start + m.end)) for m in numbered[1]] if numbered else []
