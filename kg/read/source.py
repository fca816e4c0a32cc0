"""Text → a ``Source``: the text as read, a simplified-character copy of the same length (so
offsets agree), and its lines, each marked as content or page noise.

Digests are copied from web pages, some from traditional-character mirrors. Extraction reads the
simplified copy; every value it returns is sliced from the text as read, as record-format.md asks.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
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


# A text is written in traditional characters when at least this share of its Han characters are
# traditional only (t2s changes them, and they are no simplified characters): 0.33–0.40 on the
# traditional pages of tests/data, 0 on the simplified ones.
TRADITIONAL_SHARE = 0.05
# Under this many Han characters a text (a name, a unit, a mention) is too short to tell its script.
SCRIPT_MIN_HAN = 20


def script_of(text: str) -> str:
    """"traditional", "simplified", or "unknown" for a short text without traditional-only characters."""
    return _script(Counter(text))


def _script(counts: Counter) -> str:
    han = sum(n for ch, n in counts.items() if _is_han(ch))
    traditional = sum(counts[chr(code)] for code in _traditional_only(counts))
    if traditional and traditional >= TRADITIONAL_SHARE * han:
        return "traditional"
    return "simplified" if han >= SCRIPT_MIN_HAN else "unknown"


def to_simplified(text: str) -> str:
    """The text in simplified characters, character for character, so that offsets stay valid.

    A text written in simplified characters keeps them: only traditional-only characters are
    replaced (a stray 發), never one that is itself simplified (乾 of 乾县, the surname 於; see
    kg/data/simplified_also.tsv). A traditional text (or one too short to tell) is converted by
    OpenCC's phrases, and the gazetteer's names it would alter are kept (乾縣 → 乾县, not 干县).
    """
    counts = Counter(text)
    if _script(counts) == "simplified":
        table = _traditional_only(counts)
        return text.translate(table) if table else text
    return _keep_place_names(text, _convert_phrases(text))


def _convert_phrases(text: str) -> str:
    """OpenCC t2s, the whole text in one call; where a converted line changes length (rare), that
    line is converted one character at a time instead."""
    conv = _converter()
    whole = conv.convert(text)
    if [len(ln) for ln in whole.split("\n")] == [len(ln) for ln in text.split("\n")]:
        return whole
    out = []
    for line in text.split("\n"):
        simple = conv.convert(line)
        if len(simple) != len(line):
            simple = "".join(_simple_character(ch) for ch in line)
        out.append(simple)
    return "\n".join(out)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


@cache
def _simple_character(ch: str) -> str:
    simple = _converter().convert(ch)
    return simple if len(simple) == 1 else ch


def _traditional_only(chars) -> dict[int, str]:
    """A translation table of the characters given that are traditional only, to their simplified form."""
    also = _simplified_also()
    return {ord(ch): simple for ch in chars if ch not in also and (simple := _simple_character(ch)) != ch}


@cache
def _simplified_also() -> frozenset[str]:
    rows = resources.files("kg").joinpath("data", "simplified_also.tsv").read_text(encoding="utf-8").splitlines()
    table = [row for row in rows if row and not row.startswith("#")][1:]  # below the header
    return frozenset(row.split("\t")[0] for row in table)


def _keep_place_names(text: str, simple: str) -> str:
    """Put back the simplified-also characters that the conversion changed where, kept, they make a
    name of the gazetteer (乾縣 → 干县 → 乾县)."""
    also = _simplified_also()
    if not any(a != b and a in also for a, b in zip(text, simple, strict=True)):
        return simple
    kept = "".join(a if a in also else b for a, b in zip(text, simple, strict=True))
    out = list(simple)
    for m in _names_with_simplified_also().finditer(kept):
        out[m.start() : m.end()] = kept[m.start() : m.end()]
    return "".join(out)


@cache
def _names_with_simplified_also() -> re.Pattern[str]:
    from kg.gazetteer import gazetteer  # the gazetteer is loaded only for a text that needs it

    gaz, also = gazetteer(), _simplified_also()
    names = {n for n in [*gaz.by_name, *gaz.by_short] if len(n) >= 2 and also & set(n)}
    return re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True)) or "(?!)")


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
