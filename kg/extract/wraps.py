"""Hard-wrapped pages: text from a PDF or a narrow page, its lines broken at a fixed width.

A sentence then runs on over several lines, and a byline sentence cut in two is no byline to the
report scanner, which reads a paragraph at a time. Extraction therefore reads a copy with these soft
line breaks taken out (the way ``kg.extract.readings`` takes out pinyin readings), and every span is
mapped back onto the text as read: a value that ran over a break has it in its span, not in its value.

A page counts as wrapped when at least ``MIN_WRAPPED`` lines that end mid-sentence have nearly the
same length, the width, and hardly any line is longer: a digest's titles end without punctuation
too, but its paragraphs run far past them. A full-width line of a wrapped page that ends
mid-sentence is then joined to the next line, unless that one opens a new block (an indented
paragraph, a dash item, a bullet or a kicker) or a blank line comes between. A page-number line (— 7 —)
between the two is taken out with the break: a page of a PDF ends mid-sentence.
A title line long enough to pass for a full line is still no body line when a byline follows it: a
line without a comma or a stop over a byline line is a speech's header, not a wrapped sentence; nor is
a long byline line (its roles run long) joined to the body under it.
"""

from __future__ import annotations

import re

from kg.extract.byline import looks_like_byline
from kg.read.source import is_noise

MIN_WRAPPED = 3
# Ends a sentence; closing quotes and brackets after it count with it. A full line ending with ；
# or ： is no paragraph's end: an inline list (问题：一是…；二是…) runs on over the break.
_FINAL = "。！？!?…"
_CLOSERS = "”’」』）)》】 \t\u3000"
# Opens a block of its own even after a full line: a dash item, a bullet, a kicker (no ^: matched
# with a position). A numbered item after a full line is an inline list's next item (…；三是…).
_NEW_BLOCK = re.compile(r"(?:——|—|[■□◆◇●○▲△★☆◎·•▶►【])")
# A page number (— 7 —, 第7页, 7/20) is short and has a digit: only such lines are tested for page noise.
_MAX_FURNITURE = 20
_DIGIT = re.compile(r"\d")
# A line with one of these is a sentence's piece, never a title over a byline; a byline line may hold 、 and ：
# (市政协委员、XX局高级工程师 张三, 市工商联 发言人：李四) but no comma, stop or quotation mark
# (张三委员代表民盟市委作“TITLE opens a report's sentence).
_CLAUSE = re.compile(r"[，,。；;：:、！？!?]")
_SENTENCE_MARK = re.compile(r"[，,。；;！？!?“”‘’《》「」]")


def _tolerance(width: int) -> int:
    """Lines of a wrapped page differ in length by their half-width characters (digits, Latin letters)."""
    return max(2, width // 6)


def soft_breaks(text: str) -> list[tuple[int, int]]:
    """The soft line breaks of a hard-wrapped text, each as the (start, end) of what joining the two
    lines takes out: the line break and the white space around it. Empty for a text that is not wrapped."""
    lines = []  # (start, end, indent) of each line's text without surrounding white space; None if blank
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        start = pos + len(raw) - len(raw.lstrip())
        pos += len(raw) + 1
        if len(stripped) <= _MAX_FURNITURE and _DIGIT.search(stripped) and is_noise(stripped):
            continue  # a page number between two pieces of a sentence: the join takes it out
        lines.append((start, start + len(stripped), len(raw) - len(raw.lstrip())) if stripped else None)
    open_ends = [i for i, ln in enumerate(lines[:-1]) if ln and lines[i + 1] and _mid_sentence(text, ln)]
    width = _width([lines[i][1] - lines[i][0] for i in open_ends])
    if width is None:
        return []
    tol = _tolerance(width)
    filled = [ln for ln in lines if ln]
    if sum(1 for s, e, _ in filled if e - s > width + tol) > len(filled) // 10:
        return []  # long paragraphs beside the short lines: the short ones are titles, not a wrap
    indent = min(ind for _, _, ind in filled)
    out, continued = [], -1  # continued: the line the last join ran into
    for i in open_ends:
        (start, end, _), (nxt, _, nxt_indent) = lines[i], lines[i + 1]
        if end - start < width - tol or nxt_indent > indent or _NEW_BLOCK.match(text, nxt) \
                or _title_over_byline(text, lines[i], lines[i + 1], width - tol) \
                or i != continued and _byline(text, lines[i]):  # a sentence's piece is no byline line
            continue
        out.append((end, nxt))
        continued = i + 1
    return out


def _title_over_byline(text: str, line: tuple[int, int, int], nxt: tuple[int, int, int], full: int) -> bool:
    """A long title without a comma or a stop, and a short byline line under it (only then is the byline parsed)."""
    return nxt[1] - nxt[0] < full and not _CLAUSE.search(text, line[0], line[1]) \
        and looks_like_byline(text[nxt[0] : nxt[1]])


def _byline(text: str, line: tuple[int, int, int]) -> bool:
    """A byline line as long as a full line (its roles run long) is a header line: the body starts below it."""
    return not _SENTENCE_MARK.search(text, line[0], line[1]) and looks_like_byline(text[line[0] : line[1]])


def _mid_sentence(text: str, line: tuple[int, int, int]) -> bool:
    body = text[line[0] : line[1]].rstrip(_CLOSERS)
    return bool(body) and body[-1] not in _FINAL


def _width(lengths: list[int]) -> int | None:
    """The greatest length that at least MIN_WRAPPED open-ended lines share (within the tolerance):
    the wrap width, above the short headings ((一)提升本地配套水平) that also end without punctuation."""
    for length in sorted(set(lengths), reverse=True):
        if sum(1 for n in lengths if abs(n - length) <= _tolerance(length)) >= MIN_WRAPPED:
            return length
    return None
