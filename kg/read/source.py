"""Text → a ``Source``: the text as read, a simplified-character copy of the same length (so
offsets agree), and its lines, each marked as content or page noise.

Digests are copied from web pages, some from traditional-character mirrors. Extraction reads the
simplified copy; every value it returns is sliced from the text as read, as record-format.md asks.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg.errors import InputError
from kg.lexicon import cues
from kg.read.clean import clean
from kg.records import Span


@dataclass(frozen=True)
class Line:
    span: Span  # without the line break, leading and trailing white space stripped
    text: str  # the simplified copy of the stripped line
    noise: bool


@dataclass
class Source:
    path: str
    name: str
    text: str  # the text as read (cleaned: kg.read.clean); every span indexes it
    simple: str  # simplified characters, same length as text
    sha256: str
    lines: list[Line] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what reading changed (dropped characters, split lines)

    @property
    def content(self) -> list[Line]:
        return [ln for ln in self.lines if not ln.noise]


@cache
def _converter(config: str = "t2s"):
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional → simplified, character for character, so that offsets stay valid.

    OpenCC converts phrases; where a converted line changes length (rare), that line is
    converted one character at a time instead. The whole text is tried first, in one call.
    """
    conv = _converter()
    whole = conv.convert(text)
    if [len(ln) for ln in whole.split("\n")] == [len(ln) for ln in text.split("\n")]:
        return whole
    out = []
    for line in text.split("\n"):
        simple = conv.convert(line)
        if len(simple) != len(line):
            simple = "".join(c if len(c) == 1 else ch for ch, c in ((ch, conv.convert(ch)) for ch in line))
        out.append(simple)
    return "\n".join(out)


def to_traditional(text: str) -> str:
    """Simplified → traditional, for text we insert into a traditional-character value (南海政協 →
    南海區政協, where 南海区 comes from the gazetteer)."""
    return _converter("s2t").convert(text)


@cache
def _noise_patterns() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]], int]:
    noise = cues()["noise"]
    compile_all = lambda pats: [re.compile(p, re.IGNORECASE) for p in pats]  # noqa: E731
    return compile_all(noise["lines"]), compile_all(noise["end_markers"]), int(noise["max_line"])


def is_noise(line: str) -> bool:
    lines, _, max_line = _noise_patterns()
    return len(line) <= max_line and any(p.fullmatch(line) for p in lines)


def split_lines(text: str, simple: str) -> list[Line]:
    _, end_markers, max_line = _noise_patterns()
    lines, pos, ended, begun = [], 0, False, False
    for raw in text.split("\n"):
        stripped = raw.strip()
        start = pos + (len(raw) - len(raw.lstrip()))
        pos += len(raw) + 1
        if not stripped:
            continue
        span = Span(start, start + len(stripped))
        simple_line = span.slice(simple)
        # Past a related-news list or a footer, nothing belongs to the digest any more; but only
        # once the digest has begun: a side box's heading kept from a page (热门推荐 above the
        # article) must not end it before its first line.
        marker = len(stripped) <= max_line and any(p.fullmatch(simple_line) for p in end_markers)
        ended = ended or (marker and begun)
        noise = ended or marker or is_noise(simple_line)
        begun = begun or not noise
        lines.append(Line(span, simple_line, noise))
    return lines


def read_text(text: str, path: str = "<text>") -> Source:
    """A text as a Source: cleaned first (kg.read.clean), so that no control character reaches a
    value and every span indexes ``Source.text``."""
    try:
        text, notes = clean(text)
    except ValueError as exc:
        raise InputError(path, str(exc)) from exc
    simple = to_simplified(text)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Source(path, Path(path).name, text, simple, sha, split_lines(text, simple), notes)
