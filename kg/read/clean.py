"""Cleaning a decoded text before anything indexes it, so that spans stay valid and no input can
smuggle invisible characters into a value or grow without bound.

- Line breaks of every kind (CR LF, CR, form feed, vertical tab, U+2028/2029/0085) become ``\\n``.
- Other control characters (C0, DEL, C1) and invisible format characters (zero-width space,
  BOM, direction marks: Unicode category Cf) are dropped; tab stays.
- CJK radicals that PDF text layers give for ideographs (⺠ for 民, ⾸ for 首) become the
  ideographs (kg/data/pdf_characters.tsv, NFKC for the Kangxi block).
- A line longer than ``MAX_LINE`` characters is split at sentence ends (or hard at the limit),
  so that per-line work in the extractors stays bounded.

The cleaned text is the text of the document: ``Source.text``, ``DocumentRecord.text``, what the
spans index. Each change is reported as a note.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib.resources import files

MAX_LINE = 10_000  # characters; a paragraph of a digest is a few hundred
# Beyond this share of dropped characters a "text" is binary data, not text with a few stray bytes.
MAX_DROPPED = 0.01

_BREAKS = re.compile(r"\r\n|[\r\f\v\x85\u2028\u2029]")
_SENTENCE_END = re.compile(r"[。！？；!?;]")


@cache
def _replacements() -> dict[str, str]:
    rows = files("kg").joinpath("data/pdf_characters.tsv").read_text(encoding="utf-8").splitlines()
    table = {chr(cp): unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}
    table.update(line.split("\t") for line in rows[1:] if line and not line.startswith("#"))
    table.pop("given", None)
    return table


def _invisible(text: str) -> dict[int, None]:
    """The text's Cc characters but tab and newline, and its Cf characters, as a ``str.translate``
    table that drops them (looked up among the text's distinct characters: a table of all of
    Unicode's took 0.4 s to make, in every process that cleans a text)."""
    return {ord(ch): None for ch in set(text) if ch not in "\t\n" and unicodedata.category(ch) in ("Cc", "Cf")}


def clean(text: str) -> tuple[str, list[str]]:
    """The cleaned text and notes on what was changed. Raises ValueError when more than
    ``MAX_DROPPED`` of the characters are control characters (binary data, not text)."""
    notes = []
    text = _BREAKS.sub("\n", text)
    invisible = _invisible(text)
    dropped = 0
    if invisible:
        kept = text.translate(invisible)
        text, dropped = kept, len(text) - len(kept)
    if dropped:
        if dropped > MAX_DROPPED * (len(text) + dropped):
            raise ValueError(f"binary, not text ({dropped} control characters)")
        notes.append(f"{_count(dropped, 'control or invisible character')} dropped")
    table = _replacements()
    if any(ch in table for ch in text):
        text = "".join(table.get(ch, ch) for ch in text)
        notes.append("CJK radicals from a PDF text layer read as the ideographs they stand for")
    lines = text.split("\n")
    long_lines = sum(len(line) > MAX_LINE for line in lines)
    if long_lines:
        text = "\n".join(piece for line in lines for piece in split_line(line))
        notes.append(f"{_count(long_lines, 'line')} longer than {MAX_LINE:,} characters split at sentence ends")
    return text, notes


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def split_line(line: str, limit: int = MAX_LINE) -> list[str]:
    """A line in pieces of at most ``limit`` characters, each ending at the last sentence end
    within the limit when there is one."""
    pieces = []
    while len(line) > limit:
        ends = [m.end() for m in _SENTENCE_END.finditer(line, 0, limit)]
        cut = ends[-1] if ends and ends[-1] > limit // 2 else limit
        pieces.append(line[:cut])
        line = line[cut:]
    pieces.append(line)
    return pieces
