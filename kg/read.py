"""Stage 1, read: bytes → a ``Source``: the original text, a simplified-character copy of the same
length (so offsets agree), and its lines, each marked as content or page noise.

Digests are pasted from web pages: UTF-8 (with or without BOM), sometimes GB18030, sometimes
copied from a traditional-character mirror. Extraction reads the simplified copy; every value it
returns is sliced from the original text, as record-format.md asks.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg.errors import InputError
from kg.lexicon import cues
from kg.records import Span

_ENCODINGS = ("utf-8-sig", "gb18030")


@dataclass(frozen=True)
class Line:
    span: Span  # without the line break, leading and trailing white space stripped
    text: str  # the simplified copy of the stripped line
    noise: bool


@dataclass
class Source:
    path: str
    name: str
    text: str  # original characters
    simple: str  # simplified characters, same length as text
    sha256: str
    lines: list[Line] = field(default_factory=list)

    @property
    def content(self) -> list[Line]:
        return [ln for ln in self.lines if not ln.noise]


def decode(data: bytes, path: str) -> str:
    if not data.strip():
        raise InputError(path, "the file is empty")
    if b"\x00" in data[:4096]:
        raise InputError(path, "a binary file, not text (NUL bytes)")
    for enc in _ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _control_ratio(text) > 0.05:
            break
        return text.replace("\r\n", "\n").replace("\r", "\n")
    raise InputError(path, "not text in UTF-8 or GB18030 (binary or unknown encoding)")


def _control_ratio(text: str) -> float:
    bad = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / max(1, min(len(text), 4096))


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
    lines, pos, ended = [], 0, False
    for raw in text.split("\n"):
        stripped = raw.strip()
        start = pos + (len(raw) - len(raw.lstrip()))
        pos += len(raw) + 1
        if not stripped:
            continue
        span = Span(start, start + len(stripped))
        simple_line = span.slice(simple)
        # Past a related-news list or a footer, nothing belongs to the digest any more.
        ended = ended or (len(stripped) <= max_line and any(p.fullmatch(simple_line) for p in end_markers))
        lines.append(Line(span, simple_line, ended or is_noise(simple_line)))
    return lines


def read_text(text: str, path: str = "<text>") -> Source:
    simple = to_simplified(text)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Source(path, Path(path).name, text, simple, sha, split_lines(text, simple))


def read_file(path: str | Path) -> Source:
    p = Path(path)
    if not p.exists():
        raise InputError(str(p), "no such file")
    if p.is_dir():
        raise InputError(str(p), "a folder, not a file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(str(p), f"cannot be read ({exc.strerror})") from exc
    return read_text(decode(data, str(p)), str(p))
