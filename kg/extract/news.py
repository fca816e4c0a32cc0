"""Stage 2b, the second layout: news reports of the plenary (domain.md), speeches named in running text.

- A byline sentence opens a speech (张三委员代表民盟市委发言，建议… / 李四委员在发言中呼吁… / 王五委员作大会发言
  时说…); the speech runs to the next byline or to the end of its paragraph, and on through the paragraphs
  that go on about the same speaker (他建议： / ——… / 一是… / “…”，王五说).
- Rosters name several speeches in one sentence: …作《T1》的发言；…作“T2”、…作“T3”的发言; A、B、C分别作了
  “T1”“T2”“T3”的发言; …所作的题为《T》的发言; 民建市委会、市侨联也作了大会发言 (units without a person).
- A single-speech article titles its speech in a ``NAME：TITLE`` headline.

The byline phrase itself is read by ``kg.extract.speakers``. Everything is found on the simplified copy;
spans index the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from kg.extract.byline import is_unit, parse_line
from kg.extract.spans import split_on, unquoted
from kg.extract.speakers import is_person, parse_speaker_phrase, person_parts
from kg.lexicon import alternation, cues
from kg.read import Line, Source
from kg.records import Span

# Before the speech verb: when and where (6日在全国政协十四届三次会议第二次全体会议上), and what about
# (围绕乡村振兴 / 就加快…), which is no title.
_WHEN_WHERE = re.compile(r"(?P<head>.+?)(?:\d{1,2}日|[上下]午|当天|当日)*(?:在[^，。；]{2,60}?上)?"
                         r"(?:(?:围绕|就|聚焦|针对|结合)[^，。；]{2,40}?)?$")
_TITLE = r"(?:《[^》]{2,80}》|“[^”]{2,80}”|「[^」]{2,80}」|\"[^\"]{2,80}\")"
_TITLED_VERB = re.compile(rf"(?:(?:所)?(?:作|做)了?(?:的)?(?:一个)?(?:题为|主题为)?(?P<title>{_TITLE})"
                          rf"|以(?P<title2>{_TITLE})为题(?:作|做)?了?|(?:围绕|就)(?P<title3>《[^》]{{2,80}}》)(?:作|做)了?)")
_SEVERAL = re.compile(rf"(?:分别|先后|依次)(?:作|做)了?(?:题为)?(?P<titles>(?:{_TITLE}[、，,和及]?){{2,}})")
_RELATIVE = re.compile(r"^代表(?P<unit>[^，。；、“”《》\s]{2,30}?)(?:作|做)?(?:大会)?发言的"
                       r"(?P<who>[\u4e00-\u9fff、]{2,30}?)"
                       r"(?=说|表示|指出|认为|建议|呼吁|提出|强调|谈到|$)")
_COLON_PARAGRAPH = re.compile(r"^[■□◆◇●○▲△★☆◎·•]?\s*(?P<who>[^：:，。；“”《》]{2,30})[：:]\s*(?P<rest>.*)$")
_MEMBER_SAYS = re.compile(r"^(?P<who>[^，。；“”《》]{2,40}?)(?:\d{1,2}日)?"
                          r"(?P<verb>建议|呼吁|建言|认为|表示|指出|提出|强调|说)$")
_UNITS_SPOKE = re.compile(r"(?:也|还|分别|先后|均|都)?(?:作|做)了?(?:大会|书面|口头)?发言$")


@dataclass
class ReportSpeech:
    """A speech named in running text: its byline phrase and parts, the quoted title (rosters,
    headlines) and the span of its own words (None for a speech only named, A、B分别作了“T1”“T2”的发言)."""

    byline: Span
    parts: list[tuple[str, Span]]  # (speaker | unit | role, span)
    title: Span | None = None
    body: Span | None = None
    paragraphs: list[Line] = field(default_factory=list)

    def speaker(self, simple: str) -> str | None:
        return next((s.slice(simple) for k, s in self.parts if k == "speaker"), None)


@cache
def _cue(key: str):
    return cues()["reports"][key]


@cache
def _connector_pattern() -> re.Pattern[str]:
    return re.compile(rf"^(?:(?:{alternation(_cue('connectors'))})[，,]?\s*)+")


@cache
def _core_pattern() -> re.Pattern[str]:
    """The speech verb: (代表UNIT)(作|做)(大会)发言(时|中) / 在发言中; 发言材料 is a noun, not the verb."""
    not_after = alternation(_cue("not_after_speech"))
    return re.compile(
        r"(?:在(?=代表|作|做))?(?:代表(?P<unit>[^，。；、“”《》「」\s]{2,30}?)(?:在[^，。；]{2,20}?上)?)?"
        r"(?:(?:所)?(?:作|做)了?(?:一个|了)?(?:大会|专题|口头|书面|重点)?发言"
        r"|在(?:大会|会上)?(?:作)?(?:大会)?发言(?:中|时)|(?P<plain>(?:大会)?发言)"
        r"|的(?:大会)?发言(?=认为|指出|建议|提出|表示|呼吁|强调|称|说|提到|聚焦|围绕|针对))"
        rf"(?:时|中)?(?!{not_after})"
    )


@cache
def _dateline_pattern() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(_cue("datelines")) + ")")


def _clauses(simple: str, span: Span) -> list[Span]:
    """Clauses of a paragraph: split at ，；。！？ outside quotes."""
    plain = unquoted(span.slice(simple))
    out, start = [], 0
    for i, ch in enumerate(plain):
        if ch in "，,；;。！？!?":
            out.append(Span(span.start + start, span.start + i))
            start = i + 1
    out.append(Span(span.start + start, span.end))
    return [c for c in out if c.end > c.start]


def _strip_opening(simple: str, clause: Span) -> Span:
    text = clause.slice(simple)
    heading = re.match(r"^\s*【[^】]{1,30}】\s*", text)  # 【建设海洋强市】张三委员代表…: a kicker, no byline
    cut = heading.end() if heading else 0
    dateline = _dateline_pattern().match(text, cut)
    if dateline and dateline.end() < len(text):
        cut = dateline.end()
    connector = _connector_pattern().match(text[cut:])
    if connector:
        cut += connector.end()
    while cut < len(text) and text[cut] in " \u3000":
        cut += 1
    return Span(clause.start + cut, clause.end)


def _relative_byline(simple: str, clause: Span) -> tuple[ReportSpeech, int] | None:
    """代表民盟市委发言的王芳委员说: the byline as a relative clause before the speaker."""
    text = clause.slice(simple)
    m = _RELATIVE.match(text)
    if not m or not is_unit(m.group("unit")):
        return None
    person = person_parts(m.group("who"), clause.start + m.start("who"))
    if person is None:
        return None
    unit = ("unit", Span(clause.start + m.start("unit"), clause.start + m.end("unit")))
    return ReportSpeech(Span(clause.start, clause.start + m.end("who")), [*person, unit]), clause.start + m.end("who")


def _colon_byline(simple: str, line: Line) -> tuple[ReportSpeech, int] | None:
    """■张三委员：建议… / 李四委员（民建市委会）：当前…: a paragraph opened by its byline and a colon (or a
    line holding only them, the words in the next paragraph)."""
    alone = parse_line(line.text) if len(line.text) <= 30 and not re.search(r"[：:，。]", line.text) else []
    if any(p.kind == "speaker" and is_person(line.text[p.start : p.end]) for p in alone):
        # ◎张三委员（民盟市委会） on a line of its own
        parts = [(p.kind, Span(line.span.start + p.start, line.span.start + p.end)) for p in alone]
        return ReportSpeech(Span(parts[0][1].start, parts[-1][1].end), parts), line.span.end
    m = _COLON_PARAGRAPH.match(line.text)
    if not m or (m.group("rest") and not re.search(r"[。！？；]", m.group("rest"))):
        return None  # 张三委员：TITLE is a digest's fused byline; 张三委员： alone opens the next paragraph
    start = line.span.start + m.start("who")
    parts = parse_speaker_phrase(m.group("who"), start)
    if not parts or not any(k == "speaker" for k, _ in parts) or [k for k, _ in parts] == ["speaker"]:
        return None  # a bare name before a colon may be anyone quoted; a byline names a role or a unit
    return ReportSpeech(Span(start, line.span.start + m.end("who")), parts), line.span.start + m.start("rest")


def _member_says(simple: str, clause: Span) -> tuple[ReportSpeech, int] | None:
    """张三委员建议，… / 市政协委员李四认为，…: a paragraph of a report opened by a member and a verb of
    saying, without 发言. Only members (委员/常委 in the byline) count: 市委书记王五指出 is no speech."""
    m = _MEMBER_SAYS.match(clause.slice(simple))
    if not m or "发言" in m.group("who"):
        return None
    parts = parse_speaker_phrase(m.group("who"), clause.start)
    if not parts or not any(k == "speaker" for k, _ in parts):
        return None
    roles = [s.slice(simple) for k, s in parts if k == "role"]
    if not any(("委员" in r or "常委" in r) and not re.search(r"主席|秘书长", r) for r in roles):
        return None
    byline = Span(clause.start, clause.start + m.end("who"))
    return ReportSpeech(byline, parts), clause.start + m.start("verb")


def _byline_in(simple: str, clause: Span) -> tuple[ReportSpeech, int] | None:
    """A byline sentence opening this clause: the speech and where its own words start."""
    text = clause.slice(simple)
    relative = _relative_byline(simple, clause)
    if relative:
        return relative
    for core in _core_pattern().finditer(text):
        if core.start() < 2:
            continue
        m = _WHEN_WHERE.fullmatch(text[: core.start()])
        if not m:
            continue
        head = m.group("head")
        parts = parse_speaker_phrase(head, clause.start)
        if parts is None or text[core.end() : core.end() + 1] in ("：", ":"):
            continue  # 张三委员发言：/ 辽宁省政协大会发言：TITLE is a heading, not a sentence
        if core.group("plain") and [k for k, _ in parts] == ["unit"]:
            continue  # 辽宁省政协大会发言: a unit's speeches as a noun; a unit speaks with 作…发言 / 在发言中
        if core.group("unit") and is_unit(core.group("unit")) and not any(k == "unit" for k, _ in parts):
            parts.append(("unit", Span(clause.start + core.start("unit"), clause.start + core.end("unit"))))
        elif core.group("unit") and not any(k == "speaker" for k, _ in parts):
            continue  # 代表 a group that is no unit (代表港区委员): the person speaks, the group is no unit
        return ReportSpeech(Span(clause.start, clause.start + core.end()), parts), clause.start + core.end()
    return None


def _titled_entries(simple: str, clause: Span) -> list[ReportSpeech]:
    """…作《T》的发言 entries of a roster clause, joined by 、 (each with its own byline before 作)."""
    text = clause.slice(simple)
    entries, start = [], 0
    for m in _TITLED_VERB.finditer(text):
        phrase = text[start : m.start()]
        lead = re.match(r"^[、和及]?\s*(?:以及|还有|和|及)?", phrase)
        off = start + (lead.end() if lead else 0)
        parts = parse_speaker_phrase(text[off : m.start()], clause.start + off)
        if parts is None:
            return []
        group = next(g for g in ("title", "title2", "title3") if m.group(g))
        title = Span(clause.start + m.start(group) + 1, clause.start + m.end(group) - 1)
        rest = re.match(r"(?:的)?(?:大会|专题|书面)?(?:发言)?(?:时|中)?", text[m.end():])
        start = m.end() + (rest.end() if rest else 0)
        entries.append(ReportSpeech(Span(clause.start + off, clause.start + start), parts, title))
    if entries and "发言" not in text[start - 4 :] + text[entries[-1].byline.end - clause.start :]:
        return []
    return entries


def _several(simple: str, clause: Span) -> list[ReportSpeech]:
    """A、B、C分别作了“T1”“T2”“T3”的发言 / A、B也作了大会发言: bylines joined by 、 before one verb."""
    text = clause.slice(simple)
    m = _SEVERAL.search(text)
    titles: list[Span] = []
    if m:
        heads_end = m.start()
        for t in re.finditer(_TITLE, m.group("titles")):
            s = clause.start + m.start("titles") + t.start()
            titles.append(Span(s + 1, s + len(t.group()) - 1))
    else:
        spoke = _UNITS_SPOKE.search(text)
        if not spoke or "、" not in text[: spoke.start()]:
            return []
        heads_end = spoke.start()
    out = []
    for piece in re.finditer(r"[^、]+", text[:heads_end]):
        parts = parse_speaker_phrase(piece.group(), clause.start + piece.start())
        if parts is None:
            return []
        out.append(ReportSpeech(Span(clause.start + piece.start(), clause.start + piece.end()), parts))
    if titles and len(titles) != len(out):
        return []
    for speech, title in zip(out, titles, strict=False):
        speech.title = title
    return out if len(out) >= (1 if titles else 2) else []


def _paragraph_speeches(src: Source, line: Line) -> list[tuple[ReportSpeech, int | None]]:
    """Speeches named in one paragraph, with where the words of a byline-sentence speech start."""
    simple = src.simple
    colon = _colon_byline(simple, line)
    if colon:
        return [colon]
    found: list[tuple[ReportSpeech, int | None]] = []
    for i, clause in enumerate(_clauses(simple, line.span)):
        clause = _strip_opening(simple, clause)
        if clause.end - clause.start < 3:
            continue
        member = _member_says(simple, clause) if i == 0 else None
        if member:
            found.append(member)
            continue
        several = _several(simple, clause)
        if several:
            found += [(s, None) for s in several]
            continue
        titled = _titled_entries(simple, clause)
        if titled:  # a titled speech's own words may follow (…作《T》的发言，建议…)
            found += [(s, s.byline.end) for s in titled]
            continue
        byline = _byline_in(simple, clause)
        if byline:
            found.append(byline)
    return found


def find_report_speeches(src: Source, lines: list[Line]) -> list[ReportSpeech]:
    """The speeches named in these content lines (the digest parts of a page left out)."""
    simple = src.simple
    speeches: list[ReportSpeech] = []
    current: ReportSpeech | None = None  # a byline-sentence speech still open for more paragraphs
    pending: list[Line] = []  # paragraphs after it that go on with it if a later one clearly does
    for line in lines:
        found = _paragraph_speeches(src, line)
        speaker = current.speaker(simple) if current else None
        if found or _closes_report(line, speaker) or len(pending) >= _MAX_GAP:
            current, pending = None, []
        if not found:
            if current is not None and _continues(simple, line, current):
                current.body = Span(current.body.start, line.span.end)
                current.paragraphs += [*pending, line]
                pending = []
            elif current is not None:
                pending.append(line)
            continue
        for i, (speech, words_start) in enumerate(found):
            if words_start is None:
                speeches.append(speech)
                continue
            end = found[i + 1][0].byline.start if i + 1 < len(found) else line.span.end
            previous = speeches[-1] if speeches else None
            if _same_speaker(simple, previous, speech) and previous.body is not None:
                previous.body = Span(previous.body.start, end)  # 王建军在发言中谈到: the same speech goes on
                previous.paragraphs.append(line)
                current = previous
                continue
            speech.body = Span(words_start, end)
            speech.paragraphs.append(line)
            speeches.append(speech)
            current = speech if i + 1 == len(found) else None
    return speeches


# Paragraphs between a speech and a later one that clearly goes on with it (数据显示，… between 王五说 and 他建议).
_MAX_GAP = 2


def _closes_report(line: Line, speaker: str | None) -> bool:
    """委员们的发言紧扣… / 会议还书面印发… / 据悉，… / 市委书记王刚指出，…: the report turns from the speeches
    to the session, or to someone who is not speaking at it (his 他强调 is no speech's)."""
    if line.text.startswith(tuple(_cue("closings"))):
        return True
    first = re.match(r"[^，,。；]+", line.text)
    says = _MEMBER_SAYS.match(first.group()) if first else None
    who = says.group("who") if says and "发言" not in says.group("who") else ""
    parts = parse_speaker_phrase(who) if who else None
    names = [span.slice(who) for k, span in parts or [] if k == "speaker"]
    return bool(names and names[0] != speaker)


def _same_speaker(simple: str, previous: ReportSpeech | None, speech: ReportSpeech) -> bool:
    if previous is None or previous.speaker(simple) is None:
        return False
    has_unit = any(k == "unit" for k, _ in speech.parts)
    return previous.speaker(simple) == speech.speaker(simple) and not has_unit


_GOES_ON = re.compile(r"^(?:他|她|其|该委员|——|—|[一二三四五六七八九十]+[是要、]|[（(][一二三四五六七八九十\d]+[）)]"
                      r"|\d+[.．、]|[①-⑳]|第[一二三四五六七八九十]+[，,、]|其[一二三四五六七八九十]+|首先|其次|再次|最后|对此|为此|因此|针对|建议|呼吁|“|「)")


def _continues(simple: str, line: Line, speech: ReportSpeech) -> bool:
    """A paragraph after a speech's own goes on with it: it opens with 他/她, a list marker, a lead-in or a
    quote, names the speaker, follows a lead-in ending with a colon (他建议：), or the speech has no words
    yet (张三委员代表民盟市委发言。 alone in its paragraph)."""
    name = speech.speaker(simple)
    last = speech.paragraphs[-1].text if speech.paragraphs else ""
    no_words = speech.body is not None and not simple[speech.body.start : speech.body.end].strip(" 。，,：:\n")
    return bool(no_words or _GOES_ON.match(line.text) or (name and name in line.text)
                or last.rstrip().endswith(("：", ":")) or re.search(_cue("counted_lead") + r"[。：:]$", last))


def headline_title(src: Source, lines: list[Line], speech: ReportSpeech) -> Span | None:
    """NAME：TITLE / 省政协委员王建军：TITLE, a headline above the article naming this speech's speaker."""
    name = speech.speaker(src.simple)
    if not name:
        return None
    for line in lines:
        if line.span.start >= speech.byline.start:
            break
        m = re.match(r"^(?P<head>[^：:，。]{2,24})[：:]\s*(?P<title>\S.{3,})$", line.text)
        head = re.sub(r"(?:委员|常委)$", "", m.group("head")) if m else ""
        if m and head.endswith(name) and not re.search(r"[。！？]", m.group("title")):
            return Span(line.span.start + m.start("title"), line.span.end)
    return None


@cache
def _problem_word_pattern() -> re.Pattern[str]:
    return re.compile(alternation([*cues()["problems"]["negative"], *_cue("problem_words")]))


@cache
def _problem_opening_pattern() -> re.Pattern[str]:
    return re.compile(rf"^(?:(?:{alternation(_cue('problem_openings'))})[，,：:]?\s*)+")


def clause_problems(simple: str, part: Span) -> list[Span]:
    """Problems a report states in passing (他指出，我市养老服务资源分布不均，护理人员专业化水平偏低，建议…):
    the clauses of the part before the suggestion that hold a problem word, without their lead-ins.
    Used where no contrast or problem verb (但…存在…等问题) gives the problems."""
    out = []
    for clause in _clauses(simple, part):
        text = clause.slice(simple)
        if not _problem_word_pattern().search(text) or "建议" in text:
            continue
        opening = _problem_opening_pattern().match(text)
        start = clause.start + (opening.end() if opening else 0)
        if clause.end - start < 4:
            continue
        # 加装电梯推进缓慢、停车位供需矛盾突出: two problems, where each piece names one
        pieces = split_on(simple, Span(start, clause.end), "、")
        if len(pieces) > 1 and all(p.end - p.start >= 4 and _problem_word_pattern().search(p.slice(simple))
                                   for p in pieces):
            out += pieces
        else:
            out.append(Span(start, clause.end))
    return out
