"""Suggestions: the part of a speech after its lead-in (为此建议, 对策建议 …), split into items by
numbering (一是, （一）, 1. …) or, without numbering, by ；, then by sentence. A closing sentence
that sums up (让…, 推动全市…) and an umbrella lead-in (建议实施“三大工程”：) are not suggestions.
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.numbering import numbered_items
from kg.extract.spans import make_item, sentences, split_on, trim, unquoted
from kg.lexicon import alternation, cues
from kg.read import Source
from kg.records import Item, Span


@cache
def _lead_pattern() -> re.Pattern[str]:
    return re.compile(alternation(cues()["suggestions"]["leads"]))


@cache
def _sum_up_pattern() -> re.Pattern[str]:
    frames = cues()["suggestions"]["sum_up_frames"]
    return re.compile(r"^\s*(?:" + "|".join([alternation(cues()["suggestions"]["sum_up"]), *frames]) + ")")


@cache
def _lead_line_pattern() -> re.Pattern[str]:
    c = cues()["suggestions"]
    return re.compile(rf"(?:{alternation(c['lead_openers'])})?[，,]?(?:{alternation(c['lead_subjects'])})?"
                      rf"(?:提出|作出|给出)?(?:以下|如下)?(?:[一二三四五六七八九十两几\d]+(?:点|条|个方面的?))?"
                      rf"(?:{alternation(c['leads'])})(?:如下)?[：:，,\s—\-－]*")


def is_lead_line(line: str) -> bool:
    """对策建议 / 为此建议： / 建议—— / 对此，我们建议： alone on a line: the lead-in of the suggestions (the
    items on the lines below it), part of the body, never a title."""
    return bool(_lead_line_pattern().fullmatch(line.strip()))


def find_lead(simple: str, body: Span) -> Span | None:
    """The suggestion lead-in: the first strong one (为此建议), else a 建议 that opens a clause."""
    text = body.slice(simple)
    for m in _lead_pattern().finditer(text):
        lead = m.group()
        opens_clause = m.start() == 0 or text[m.start() - 1] in "。；;，,：:\n \u3000"
        if lead != "建议" or opens_clause:
            return Span(body.start + m.start(), body.start + m.end())
    return None


def suggestion_part(src: Source, body: Span) -> Span | None:
    """Where the suggestions are: after the lead-in's colon or comma, to the end of the body."""
    lead = find_lead(src.simple, body)
    if lead is None:
        return _numbered_part(src.simple, body)
    start = lead.end
    # 建议实施“三大工程”：一是… — an umbrella phrase up to the colon is not an item.
    rest = src.simple[start : body.end]
    colon = re.match(r"[^。；\n]{0,30}?[：:]", rest)
    if colon:
        start += colon.end()
    return Span(start, body.end)


def _numbered_part(simple: str, body: Span) -> Span | None:
    """Without a lead-in, the suggestions are the body's numbered list; a list announced as problems
    (主要面临三方面困难：一是…) is not it, the next list after its line is (—— lines below it)."""
    text = body.slice(simple)
    numbered = numbered_items(text)
    if numbered is None:
        return None
    marks = numbered[1]
    if _announces_problems(text[: marks[0].marker_start]):
        line_end = text.find("\n", marks[-1].start)
        if line_end < 0:
            return None
        return _numbered_part(simple, Span(body.start + line_end, body.end))
    return Span(body.start + marks[0].marker_start, body.end)


def _announces_problems(before_list: str) -> bool:
    """The sentence before a list ends with a colon after a noun of problems (…三方面困难：)."""
    sentence = re.split(r"[。！？!?\n]", before_list)[-1]
    return sentence.rstrip().endswith(("：", ":")) and any(w in sentence for w in cues()["problems"]["announcing"])


def _is_sum_up(simple: str, span: Span) -> bool:
    return bool(_sum_up_pattern().match(span.slice(simple)))


def _drop_closing(simple: str, span: Span) -> Span:
    """Cut the sentences after an item that sum the speech up (让…, 推动全市…)."""
    parts = sentences(simple, span)
    keep = list(parts)
    while len(keep) > 1 and _is_sum_up(simple, keep[-1]):
        keep.pop()
    return Span(span.start, keep[-1].end) if keep else span


def _single_sentence_tail(simple: str, pieces: list[Span]) -> Span:
    """In a ；-list of one-sentence items, what follows the last item's 。 closes the speech
    (推动民营经济发展壮大，为…作出更大贡献), it is not part of the item."""
    last = trim(simple, pieces[-1])
    inner = [s for s in sentences(simple, last) if s.slice(simple).strip("。 \n")]
    one_sentence_items = all(len(sentences(simple, trim(simple, p))) == 1 for p in pieces[:-1])
    if one_sentence_items and len(inner) > 1:
        return inner[0]
    return pieces[-1]


def extract_items_from(src: Source, part: Span, numbered_only: bool = False) -> list[Span]:
    """Item spans in a part of a speech: numbered items, else ；-items, else sentences."""
    simple = src.simple
    numbered = numbered_items(part.slice(simple))
    spans: list[Span] = []
    if numbered:
        _, marks = numbered
        for i, mark in enumerate(marks):
            span = Span(part.start + mark.start, part.start + mark.end)
            if i == len(marks) - 1:
                span = _drop_closing(simple, span)
            spans.append(span)
    elif numbered_only:
        return []
    else:
        pieces = split_on(simple, part, "；;")
        if len(pieces) >= 2:
            pieces[-1] = _single_sentence_tail(simple, pieces)
        else:
            pieces = sentences(simple, part)
        pieces = [p for p in pieces if p.slice(simple).strip()]
        while len(pieces) > 1 and _is_sum_up(simple, trim(simple, pieces[-1])):
            pieces.pop()
        if len(pieces) == 1:
            pieces = [_drop_closing(simple, pieces[0])]
        spans = pieces
    out = []
    for span in spans:
        t = trim(simple, span)
        if t.end - t.start >= 2:
            out.append(t)
    return out


def extract_suggestions(src: Source, body: Span) -> list[Item]:
    part = suggestion_part(src, body)
    if part is None:
        return []
    return [make_item(src, span) for span in extract_items_from(src, part)]


_CLAUSE_BREAK = "，,。；;：:\n \u3000"


@cache
def _report_lead_pattern() -> re.Pattern[str]:
    reports = cues()["reports"]
    verbs = alternation(reports["suggestion_leads"])
    return re.compile(rf"(?:还|并|也|同时|进一步|就此)?(?:{reports['counted_lead']}|{verbs})[：:，,]?")


def _opens_clause(before: str, speaker: str | None) -> bool:
    """A lead-in opens a clause, maybe after its subject: 。建议 / ，他建议 / 对此，张三建议."""
    for who in ("", "他", "她", "其", "发言", "发言还", speaker or ""):
        rest = before[: len(before) - len(who)]
        if before.endswith(who) and (not rest or rest[-1] in _CLAUSE_BREAK):
            return True
    return False


@cache
def _modal_pattern() -> re.Pattern[str]:
    reports = cues()["reports"]
    subjects, modals = alternation(reports["modal_subjects"]), alternation(reports["modal"])
    return re.compile(rf"^(?:{subjects})?(?:还|更|则|也)?(?P<modal>{modals})")


def _sentence_end(simple: str, start: int, end: int) -> int:
    """The end of the sentence from ``start`` (its 。！？ or line break, outside quotes)."""
    plain = unquoted(simple[start:end])
    m = re.search(r"[。！？!?\n]", plain)
    return start + m.start() if m else end


def report_suggestions(src: Source, body: Span, speaker: str | None = None) -> tuple[list[Item], bool]:
    """The suggestions of a speech in running text, and whether a lead-in (建议/呼吁/建言) announced them.

    What follows the lead-in up to the end of its sentence is one suggestion (commas do not split it),
    and each further lead-in (他还呼吁…) gives one more;
    a lead-in that ends its sentence (他提出三点建议。/ 建议：) is followed by numbered or —— items, one a
    line. Without a lead-in, the first clause saying what should be done (要…, 应…) up to the end of its
    sentence is the suggestion."""
    simple = src.simple
    text = body.slice(simple)
    items: list[Item] = []
    done = 0  # offset in text up to which suggestions were taken
    for m in _report_lead_pattern().finditer(text):
        if m.start() < done or not _opens_clause(text[: m.start()], speaker):
            continue
        start = body.start + m.end()
        rest = simple[start : body.end]
        stripped = rest.lstrip(" \u3000")
        numbered = numbered_items(rest)
        list_next = numbered and not rest[: numbered[1][0].marker_start].strip(" ，,：:\n")
        if not stripped or stripped[0] in "。\n" or list_next:
            return items + _listed(src, Span(start, body.end)), True
        end = _sentence_end(simple, start, body.end)
        spans = (extract_items_from(src, Span(start, end), numbered_only=True) if numbered else []) or \
            [trim(simple, Span(start, end))]
        items += [make_item(src, s) for s in spans if s.end - s.start >= 2]
        done = end - body.start  # a further lead-in (他还呼吁…) gives a further suggestion
    if items:
        return items, True
    pos = body.start
    for clause in re.finditer(r"[^，,。；;！？!?\n]+", text):
        m = _modal_pattern().match(clause.group().lstrip())
        if m:
            lead = len(clause.group()) - len(clause.group().lstrip())
            cut = m.end() if m.group("modal") == "要" else m.start("modal")
            start = pos + clause.start() + lead + cut
            span = trim(simple, Span(start, _sentence_end(simple, start, body.end)))
            return ([make_item(src, span)] if span.end - span.start >= 4 else []), False
    return [], False


def _listed(src: Source, part: Span) -> list[Item]:
    """Numbered or —— items after a lead-in that ends its sentence, each ending with its line."""
    out = []
    for span in extract_items_from(src, part, numbered_only=True):
        line_end = src.simple.find("\n", span.start, span.end)
        if line_end > 0:
            span = trim(src.simple, Span(span.start, line_end))
        out.append(make_item(src, span))
    return out
