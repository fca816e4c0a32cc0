"""The text of a PDF's text layer, one paragraph a line, through pdfplumber (on pdfminer.six).

A PDF has no paragraphs, only lines placed on pages. pdfplumber gives each line with its
position, which is what puts paragraphs back together: a line that runs to the right margin and
does not end a sentence continues on the next line unless that one is indented (a new paragraph).
Lines repeated at the top or bottom of most pages (a browser's date, title, address and page
numbers; a printer's running head) are dropped, as are lone page numbers.

A PDF with no text at all is a scan (OCR it first); one whose fonts do not map their glyphs to
characters (pdfminer's ``(cid:N)``) is refused too: both are one-line errors naming the file.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from kg.errors import InputError

logging.getLogger("pdfminer").setLevel(logging.ERROR)  # it warns about every odd font descriptor

_SENTENCE_END = tuple("。！？!?：:；;")
_PAGE_NUMBER = re.compile(r"[-—–\s]*(第\s*)?\d+\s*(页)?\s*([/／]\s*\d+|of\s*\d+|共\s*\d+\s*页)?\s*(页)?[-—–\s]*",
                          re.IGNORECASE)
_CID = re.compile(r"\(cid:\d+\)")
EDGE = 2  # lines at the top and at the bottom of a page that may be a running head or foot


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    em: float  # the line's height, about one character's width in CJK text


def pdf_text(data: bytes, path: str) -> str:
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [[_Line(ln["text"], ln["x0"], ln["x1"], ln["bottom"] - ln["top"])
                      for ln in page.extract_text_lines(return_chars=False) if ln["text"].strip()]
                     for page in pdf.pages]
    except Exception as exc:  # pdfminer's syntax, password and stream errors all mean the same to a user
        raise InputError(path, f"not a readable PDF: {type(exc).__name__}") from exc
    text = "".join(ln.text for page in pages for ln in page)
    if not text.strip():
        raise InputError(path, "a PDF without a text layer (a scan?): run OCR on it first")
    if sum(map(len, _CID.findall(text))) > 0.05 * len(text):
        raise InputError(path, "a PDF whose fonts do not say which characters they draw (cid glyphs)")
    return "\n".join(paragraphs(drop_running_lines(pages)))


def drop_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Pages without their running heads and feet: lines at a page's edge whose text, digits
    aside, recurs at the edge of at least half of the pages (two at least), and lone page numbers."""
    def key(line: _Line) -> str:
        return re.sub(r"\d+", "#", line.text.strip())

    def edges(page: list[_Line]) -> list[_Line]:
        return page[:EDGE] + page[-EDGE:] if len(page) > 2 * EDGE else page

    counts = Counter(k for page in pages for k in {key(ln) for ln in edges(page)})
    running = {k for k, n in counts.items() if len(pages) >= 2 and n >= max(2, len(pages) / 2)}
    out = []
    for page in pages:
        edge = {id(ln) for ln in edges(page)}
        out.append([ln for ln in page if id(ln) not in edge
                    or not (key(ln) in running or _PAGE_NUMBER.fullmatch(ln.text))])
    return out


def paragraphs(pages: list[list[_Line]]) -> list[str]:
    """Lines joined back into paragraphs, across page breaks too."""
    lines = [ln for page in pages for ln in page]
    if not lines:
        return []
    left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    em = statistics.median(ln.em for ln in lines)
    # Where paragraphs open indented (as Chinese documents do), indentation alone tells a new one;
    # elsewhere a full line that ends a sentence is taken to end its paragraph.
    indents = sum(ln.x0 > left + 0.8 * em for ln in lines) >= 0.2 * len(lines)
    out: list[str] = []
    prev: _Line | None = None
    for ln in lines:
        text = ln.text.strip()
        if prev is not None and _continues(prev, ln, left, right, em, indents):
            space = " " if out[-1][-1:].isascii() and out[-1][-1:].isalnum() and text[:1].isascii() else ""
            out[-1] += space + text
        else:
            out.append(text)
        prev = ln
    return out


def _continues(prev: _Line, line: _Line, left: float, right: float, em: float, indents: bool) -> bool:
    """Whether ``line`` goes on with the paragraph of ``prev``: prev is full to the right margin,
    ``line`` is not indented, and (in a document without indents) prev does not end a sentence."""
    return (prev.x1 >= right - 1.5 * em and line.x0 <= left + 0.5 * em
            and (indents or not prev.text.rstrip().endswith(_SENTENCE_END)))
