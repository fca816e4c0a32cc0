"""Stage 2, segment: the content lines of a digest → speeches, each a header (title and byline
lines) and a body, with their spans.

A digest is a run of speeches; each starts with a block of short lines without sentence
punctuation (the title and the byline, in either order, or fused as 张三委员：TITLE) and goes on
with body paragraphs. Which header line is the byline is decided by ``kg.extract.byline``.
Some papers sign a speech at its end instead, on a line of its own in brackets or after a dash
(（民进市委 张三）, ——民进市委 张三); a lead-in on a line of its own (对策建议, 建议——) is body; an
editor's note (编者按：…) under the headline is not a speech.

What blind writers' pages add: WeChat block markers around a title (■ TITLE) and the digest's own
number before it (1.TITLE over a byline) are no part of it; a dash byline under the title
(——张三委员代表县妇联发言) is the byline; a title and its byline may share a line (TITLE——BYLINE);
photo captions (张三委员在发言) are nothing; the related-news links closing a page (NAME：TITLE) are
neither a speech nor the last speech's body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from kg.extract.byline import (
    is_person,
    is_speaker_line,
    looks_like_byline,
    marker_length,
    split_fused,
    split_trailing,
)
from kg.extract.meeting import find_meeting
from kg.extract.problem_headings import is_heading_line
from kg.extract.suggestions import is_lead_line
from kg.lexicon import cues
from kg.read import Line, Source
from kg.records import Meeting, Span

# A numbered item or a lead-in starts a body line even when it is short (一、加强统筹).
_BODY_START = re.compile(
    r"^(?:[一二三四五六七八九十]+[是要、]|第[一二三四五六七八九十]+[，,、]|其[一二三四五六七八九十]+[，,、是]|"
    r"[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[①-⑳]|——|首先|其次|再次|最后|为此)"
)
_SENTENCE_END = re.compile(r"[。；;！!？?]")
# The digest's own number before a speech title (1.TITLE, 三、TITLE, （二）TITLE).
_TITLE_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[①-⑳])\s*")
_MAX_HEADER = 60
_SUBTITLE_DASH = ("——", "--", "—")
_BRACKETED = re.compile(r"^[（(](?P<inner>[^（）()]{2,40})[）)]$")


@dataclass
class _Block:
    header: list[Line]
    body: list[Line] = field(default_factory=list)
    signature: Span | None = None  # a byline in brackets after the body


@dataclass
class SegmentedSpeech:
    title: Span
    byline: list[Span]  # zero, one or two byline lines (unit line + 发言人 line)
    body: list[Line]

    @property
    def span(self) -> Span:
        starts = [self.title.start, *(b.start for b in self.byline)]
        ends = [self.title.end, *(b.end for b in self.byline), *(ln.span.end for ln in self.body)]
        return Span(min(starts), max(ends))

    @property
    def body_span(self) -> Span:
        if not self.body:
            return Span(self.title.end, self.title.end)
        return Span(self.body[0].span.start, self.body[-1].span.end)


@dataclass
class Segmented:
    meeting: Meeting | None
    headline: Span | None
    speeches: list[SegmentedSpeech]


def is_body_line(line: Line) -> bool:
    text = line.text
    if len(text) > _MAX_HEADER or _SENTENCE_END.search(text) or _BODY_START.match(text):
        return True
    # Headings inside a speech (存在的问题, 对策建议, 基本情况) are body, not a new speech's title.
    if is_lead_line(text) or is_heading_line(text) or text.rstrip("：: ") in cues()["segments"]["sections"]:
        return True
    # 为此建议： alone on a line is body; 张三委员代表民盟市委的发言： is a byline.
    return text.endswith(("：", ":")) and not looks_like_byline(text)


def segment_speeches(src: Source) -> Segmented:
    lines = src.content
    meeting = find_meeting(src)
    start = 0
    headline = None
    if meeting:
        before = [ln for ln in lines if ln.span.end <= meeting.span.start]
        meeting_line = next(i for i, ln in enumerate(lines) if ln.span.start <= meeting.span.start < ln.span.end + 1)
        start = meeting_line + 1
        if before:
            headline = before[0].span
    blocks: list[_Block] = []
    content = lines[start : _related_tail(lines)]
    for k, line in enumerate(content):
        signature = _signature(line)
        if signature and blocks and blocks[-1].body and blocks[-1].signature is None:
            blocks[-1].signature = signature
        elif _is_caption(line):
            continue
        elif _is_note(line):
            if blocks and not blocks[-1].body:
                note_header = blocks.pop().header  # the headline above an editor's note
                headline = headline or note_header[-1].span
        elif blocks and not blocks[-1].body and _is_subtitle(line):
            blocks[-1].header.append(line)
        elif _is_fused_question(line):
            if blocks and not blocks[-1].body:
                blocks[-1].header.append(line)
            else:
                blocks.append(_Block([line]))
        elif _numbered_title(line, content[k + 1] if k + 1 < len(content) else None):
            if blocks and not blocks[-1].body and blocks[-1].signature is None:
                blocks[-1].header.append(line)
            else:
                blocks.append(_Block([line]))
        elif is_body_line(line):
            if blocks:
                blocks[-1].body.append(line)
        elif blocks and not blocks[-1].body and blocks[-1].signature is None:
            blocks[-1].header.append(line)
        else:
            blocks.append(_Block([line]))
    speeches = [_unmarked(src, sp) for b in blocks if b.body for sp in [_speech(src, b)] if sp]
    return Segmented(meeting, headline, speeches)


def _numbered_title(line: Line, following: Line | None) -> bool:
    """1.TITLE / 三、TITLE with a byline on the next line: a numbered speech title, not a numbered item."""
    text = line.text
    return bool(_TITLE_NUMBER.match(text)) and len(text) <= 40 and not _SENTENCE_END.search(text) \
        and following is not None and not is_body_line(following) and _signature(following) is None \
        and looks_like_byline(following.text)


def _unmarked(src: Source, speech: SegmentedSpeech) -> SegmentedSpeech:
    """■ TITLE / ◆TITLE ◆ / 1.TITLE: a WeChat digest's block markers around the title, and the digest's
    number before it, are no part of it."""
    text = speech.title.slice(src.simple)
    number = _TITLE_NUMBER.match(text)
    skip = number.end() if number and number.end() < len(text) else marker_length(text)
    trail = marker_length(text[::-1])
    if skip + trail < len(text) and skip + trail:
        speech.title = Span(speech.title.start + skip, speech.title.end - trail)
    return speech


def _signature(line: Line) -> Span | None:
    """（民进市委 张三） / ——民进市委 张三: the span of a byline in brackets or after a dash, on a line of
    its own (after a body it signs that speech; under a title it is that speech's byline)."""
    signed = _BRACKETED.match(line.text) or line.text.startswith(_SUBTITLE_DASH) and len(line.text) <= 40
    return line.span if signed and looks_like_byline(line.text) else None


def _title_before_byline(line: Line, body: list[Line]) -> SegmentedSpeech | None:
    """TITLE——民进县委 张三 on the only header line: the title and its byline on one line."""
    parts = split_trailing(line.text)
    if parts is None:
        return None
    (ts, te), (bs, be) = parts
    off = line.span.start
    return SegmentedSpeech(Span(off + ts, off + te), [Span(off + bs, off + be)], body)


def _opening_byline(line: Line) -> tuple[Span, list[Line]] | None:
    """张国栋委员代表市工商联发言。民营经济是… : a byline sentence that opens the body (or is a line of
    its own ending with 。) is the byline; the rest of the line, if any, stays body."""
    end = line.text.find("。")
    if end < 2 or not looks_like_byline(line.text[:end]):
        return None
    byline = Span(line.span.start, line.span.start + end)
    rest_text = line.text[end + 1 :]
    stripped = rest_text.lstrip()
    if not stripped:
        return byline, []
    start = line.span.end - len(stripped)
    return byline, [Line(Span(start, line.span.end), stripped, line.noise)]


def _related_tail(lines: list[Line]) -> int:
    """Where a page's closing run of related-news links (张伟：县域经济如何突围？ / 民盟中央：TITLE) begins: no
    speech has a body after them, so they are neither a speech nor the last speech's body."""
    end = len(lines)
    while end > 0 and _is_link_line(lines[end - 1].text):
        end -= 1
    return end


def _is_link_line(text: str) -> bool:
    m = re.match(r"[^：:]{2,24}[：:]", text)
    if not m or len(text) > 48 or len(text) - m.end() < 4:
        return False
    head = text[: m.end() - 1].strip()
    return is_person(head) or bool(split_fused(text))


def _is_fused_question(line: Line) -> bool:
    """张三委员：县域经济如何突围？ — a byline fused with a title that asks or exclaims is a header line, not
    body (on a related-news list at a page's end as well)."""
    text = line.text
    return len(text) <= 40 and text[-1] in "？?！!" and not re.search(r"[。；;]", text) and bool(split_fused(text))


def _is_subtitle(line: Line) -> bool:
    """——以汾河流域综合治理为例: a dash line right under a title, before any body, is its subtitle."""
    return line.text.startswith(_SUBTITLE_DASH) and len(line.text) <= 40 and not _SENTENCE_END.search(line.text)


@cache
def _captions() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{c})" for c in cues()["segments"]["captions"]))


def _is_caption(line: Line) -> bool:
    return len(line.text) <= 40 and bool(_captions().fullmatch(line.text))


def _is_note(line: Line) -> bool:
    return line.text.startswith(tuple(cues()["segments"]["notes"]))


def _speech(src: Source, block: _Block) -> SegmentedSpeech | None:
    header, body = block.header, block.body
    if sum(1 for ln in header if split_fused(ln.text)) >= 2:
        return None  # NAME：TITLE lines one under another: a related-news list, not a speech
    titled = [ln for ln in header if not ln.text.startswith(_SUBTITLE_DASH)] or header
    if block.signature is not None and not any(looks_like_byline(ln.text) for ln in header):
        return SegmentedSpeech(titled[-1].span, [block.signature], body)
    bylines = [i for i, ln in enumerate(header) if looks_like_byline(ln.text)]
    # 民盟中央：TITLE, also under a kicker or an unrecognised page line: the last header line.
    fused = split_fused(titled[-1].text) if not bylines else None
    if fused:
        off = titled[-1].span.start
        (bs, be), (ts, te) = fused
        return SegmentedSpeech(Span(off + ts, off + te), [Span(off + bs, off + be)], body)
    if not bylines:
        opening = _opening_byline(body[0])
        if opening:
            byline, rest = opening
            return SegmentedSpeech(titled[-1].span, [byline], [*rest, *body[1:]])
        # No byline: the last header line is the title (earlier ones are a headline or kicker).
        return SegmentedSpeech(titled[-1].span, [], body)
    first = bylines[0]
    # A role line over the title and the 发言人 line under it (■ 自治区政协委员、XX大学教授 / TITLE /
    # 发言人：张三) are one byline too.
    byline_lines = [header[i] for i in bylines
                    if i - first <= 1 or is_speaker_line(header[i].text)]
    title_candidates = [ln for i, ln in enumerate(header) if i not in bylines and ln in titled]
    if not title_candidates:
        return _title_before_byline(header[first], body)
    # The title is the header line just before the byline; a byline that opens the block
    # (张三委员代表台盟中央的发言：) is followed by its title.
    before = [ln for ln in title_candidates if ln.span.start < header[first].span.start]
    title = before[-1] if before else title_candidates[0]
    return SegmentedSpeech(title.span, [ln.span for ln in byline_lines], body)
