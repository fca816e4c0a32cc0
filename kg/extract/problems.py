"""Problems: the part of a speech between its contrast (但/但是/然而 …) and its suggestions.

- 存在A、B、C等问题 → A, B, C (the list after a verb such as 存在/面临/表现出, up to 等问题);
- 在A、B等方面还需加强 → A, B;
- 存在一些短板 (a vague object) → the clause itself; 部分站点存在“重建轻管”问题 (a label) → the clause too;
- 主要存在三方面问题：一是…二是… → the numbered items;
- a clause without a verb → its comma-separated parts that name a problem (不足, 滞后, 难 …).
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.numbering import numbered_items
from kg.extract.problem_headings import (
    SUMMARY_MAX,
    first_clause,
    inline_heading,
    numbered_after_summary,
    opens_numbered,
    single_clause,
    under_heading,
)
from kg.extract.problem_lists import LIST_END, aspect_list, labelled_subject, list_items, told_clause
from kg.extract.problem_pieces import (
    LISTED_SUBJECT,
    framed_problem,
    is_background,
    is_evaluation,
    names_problem,
    nouns_before_one_predicate,
    parallel_set,
    shares_subject,
    sums_up,
    two_sides_of_one,
    with_outcomes_joined,
    with_predicates_joined,
    without_list_tail,
    without_referent,
    without_subject_tail,
)
from kg.extract.spans import make_item, sentences, split_on, trim, unquoted
from kg.extract.suggestions import find_lead
from kg.lexicon import alternation, cues
from kg.read import Source
from kg.records import Item, Span
from kg.words import tokens

_COMPARISON = re.compile(r"^(?:与|和|同|跟|对照|对比|比照).{0,30}(?:相比|比较|相较|比)$")
# 与高质量发展的要求还有差距 / 与先进地区相比仍有差距: a gap to a yardstick sums up, names no problem
_YARDSTICK_GAP = re.compile(r"^(?:与|和|同|跟|对照)[^，,。；;]{1,30}(?:还有|仍有|尚有|存在|仍存在|还存在|有)"
                            r"(?:一定|较大|不小|明显)?(?:的)?差距$")
# 在部分农牧区学校 / 在实际工作中: where the problems after it hold, a preposition's phrase without a predicate
_SCOPE = re.compile(r"^在[^，,。；;：:]{1,20}$")
# Where the details of a summary start: a colon, or 主要是/具体表现为 … (仍有短板，主要是A、B、C).
_DETAIL = re.compile(r"[：:]|(?<=[，,])\s*(?:主要|具体|突出|集中)(?:是|表现为|表现在|体现在)")
# 也要清醒地看到 / 调研中我们发现: a clause that only says a problem is coming
_PERCEPTION = re.compile(r"^.{0,8}(?:看到|发现|认识到|注意到)$")
_CLAUSE_PIECE_MIN = 8
# 美食产业与旅游、文创融合不够: a piece that joins nouns (与/和/及) starts a subject list, no clause
_CONJOINED = re.compile(r"[与和及同跟]")
_BARE_CLAUSES_MIN = 2
_CONTINUE = re.compile(r"^\s*(?:同时|此外|另外|再者|还有|而且|加之|与此同时)")


@cache
def _problem_cues() -> dict:
    return cues()["problems"]


@cache
def _pattern(key: str) -> re.Pattern[str]:
    return re.compile(alternation(_problem_cues()[key]))


def _contrast_at(sentence: str) -> int | None:
    """Where the problem clause starts in a sentence that turns to problems (after 但/但是/然而)."""
    m = _contrast_pattern().search(sentence)
    if m:
        return m.end()
    weak = re.match(r"^\s*(?:同时|与此同时|另一方面)[，,]?", sentence)
    if weak and _pattern("negative").search(sentence):
        return weak.end()
    return None


@cache
def _contrast_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?:^|[，,；;])\s*(?:{alternation(_problem_cues()['contrast'])})[，,]?")


def problem_part(src: Source, body: Span) -> Span:
    lead = find_lead(src.simple, body)
    return Span(body.start, lead.start if lead else body.end)


def extract_problems(src: Source, body: Span) -> list[Item]:
    simple = src.simple
    part = problem_part(src, body)
    headed = under_heading(simple, part)
    if headed is None:
        headed = inline_heading(simple, part)
    if headed is not None:
        return [make_item(src, s) for s in headed]
    sents = sentences(simple, part)
    spans: list[Span] = []
    started = False
    summary: Span | None = None  # 还存在一些短板和不足: a vague clause that the sentences after it detail
    for sent in sents:
        text = sent.slice(simple)
        at = _contrast_at(text)
        if at is not None and started and text[:at].strip("但是然而不过可，, ") == "":
            sent, at = Span(sent.start + at, sent.end), None  # 目前A仍以B为主。但C不足: the 但 opens no new part
            text = sent.slice(simple)
        if at is None and not started:
            at = _opener_at(text)
        if at is not None and not started:
            started = True
            spans += _from_clause(simple, Span(sent.start + at, sent.end))
            summary = spans[0] if len(spans) == 1 and _is_summary(spans[0].slice(simple)) else None
        elif (started and numbered_items(text[:12], minimum=1)
              and (summary is not None or single_clause(spans, simple) and opens_numbered(text))):
            numbered = numbered_items(Span(sent.start, part.end).slice(simple))
            if numbered:  # 也存在一些问题。一是…；二是…: the numbered sentences are the problems
                spans = [first_clause(simple, Span(sent.start + m.start, sent.start + m.end)) for m in numbered[1]]
                break
        elif started and (detailed := numbered_after_summary(simple, sent)):
            # 竞争力还不够强：一是A；二是B in a later sentence: the numbered items, not the summary before the colon
            spans, summary = [s for s in spans if s != summary] + detailed, None
        elif started and summary is not None and len(named := _clause_parts(simple, sent, need_negative=True)) >= 2:
            spans, summary = [s for s in spans if s != summary] + named, None  # 仍有不少问题。A不高，B不足。
        elif started and (_CONTINUE.match(text) or _pattern("verbs").search(text)):
            m = _CONTINUE.match(text)
            clause = Span(sent.start + (m.end() if m else 0), sent.end)
            found = _from_clause(simple, clause, need_negative=True)
            if found and summary is not None:  # 主要表现在：一是… details the summary before it
                spans, summary = [s for s in spans if s != summary], None
            spans += found
        elif (started and spans and not _is_consequence(re.split(r"[，,]", text, maxsplit=1)[0])
              and _all_problems(named := _clause_parts(simple, sent, need_negative=False), simple)):
            # 在A、B等方面还需提升。C机制尚不完善。: a further sentence of problems only (受…影响，C: an effect)
            spans += named
    if not started:  # no contrast word: 竞争力还不够强：一是A；二是B, a problem summed up before its numbered details
        for sent in sents:
            detailed = numbered_after_summary(simple, sent)
            if detailed:
                spans += detailed
                started = True
                break
    if not started:  # nor that: a sentence that says 存在…问题 still lists problems
        for sent in sents:
            text = sent.slice(simple)
            if _pattern("verbs").search(text) and _pattern("announcing").search(text):
                spans += _from_clause(simple, sent)
                break
        else:  # nor a verb: a sentence of bare negative clauses (A偏少，B不足) still names problems
            for sent in sents:
                named = _clause_parts(simple, sent, need_negative=True)
                if len(named) >= _BARE_CLAUSES_MIN:
                    spans += named
                    break
    spans = [s for s in spans if not _YARDSTICK_GAP.match(s.slice(simple))]
    return [make_item(src, _without_lead_in(simple, s)) for s in spans]


def _all_problems(parts: list[Span], simple: str) -> bool:
    return bool(parts) and all(names_problem(p.slice(simple)) for p in parts)


@cache
def _opener_pattern() -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:(?:{alternation(_problem_cues()['openers'])})[，,]?\s*)+")


def _opener_at(sentence: str) -> int | None:
    """调研发现，目前A偏少，B不足 / 当前，…仍面临一些堵点：… / 目前，A仍以B为主: a sentence that reports problems
    without a contrast word opens the problem part after its openers, when it names a problem."""
    m = _opener_pattern().match(sentence)
    if m is None or not (_pattern("negative").search(sentence, m.end())
                         or any(framed_problem(p) for p in re.split(r"[，,]", sentence[m.end():]))):
        return None
    return m.end()


@cache
def _lead_in_pattern() -> re.Pattern[str]:
    # 如 leads in an example (如配套设施不完善), but not in 如何, 如期
    return re.compile(rf"^(?:(?:{alternation(_problem_cues()['item_lead_ins'])}|如(?![何期此今果实]))[，,]?)+")


def _is_summary(text: str) -> bool:
    """还存在一些短板和不足 / 也存在一些问题: a vague clause that only announces problems."""
    return bool(_pattern("vague").search(text) and _pattern("announcing").search(text)) and len(text) <= SUMMARY_MAX


def _without_lead_in(simple: str, span: Span) -> Span:
    """当前我市跨境电商企业数量偏少 → 跨境电商企业数量偏少: time words and the speaker's own place
    lead into an item but name no part of the problem (an item that is nothing else keeps them)."""
    m = _lead_in_pattern().match(span.slice(simple))
    if m is None or span.end - span.start - m.end() < 2:
        return span
    if m.end() not in {w.start for w in tokens(span.slice(simple))}:
        return span  # 如厕难: a lead-in word (如) must not cut into a word
    return Span(span.start + m.end(), span.end)


@cache
def _consequence_frames() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(f) for f in _problem_cues()["consequence_frames"])


def _is_consequence(text: str) -> bool:
    """这些问题给企业物流带来不少额外成本 / 制约了成果转化 / 受国际物流价格波动影响: what the problems
    cause, or what causes them, is no problem itself."""
    text = without_referent(text)
    opening = next((o for o in _problem_cues()["consequence_openings"] if text.startswith(o)), None)
    if (opening and len(opening) == 1 and names_problem(text)
            and len(opening) not in {w.start for w in tokens(text)}):
        opening = None  # 对口支援仍以…为主: a one-character opening that starts a longer word (对于…而言 still opens)
    return opening is not None or any(f.search(text) for f in _consequence_frames())


@cache
def _report_pattern() -> re.Pattern[str]:
    # (据调研，)不少企业反映: the report verb, maybe after a short lead-in clause
    return re.compile(rf"^(?:[^，,。；;：:]{{0,8}}[，,])?[^，,。；;：:]{{0,16}}?"
                      rf"(?:{alternation(_problem_cues()['report_verbs'])})[：:，,]?")


def _from_clause(simple: str, clause: Span, need_negative: bool = False) -> list[Span]:
    clause = trim(simple, clause)
    report = _report_pattern().match(clause.slice(simple))
    if report and report.end() < clause.end - clause.start - 2:  # 也有不少企业反映A、B、C: what they report
        clause = trim(simple, Span(clause.start + report.end(), clause.end))
        if not _pattern("verbs").search(clause.slice(simple)):
            return list_items(simple, clause)[0]
    text = clause.slice(simple)
    numbered = numbered_items(text)
    if numbered:
        return [first_clause(simple, Span(clause.start + m.start, clause.start + m.end)) for m in numbered[1]]
    colon = _DETAIL.search(text)
    if colon:  # 主要是：A；B；C / 存在以下问题：A，B，C / 仍有短板，主要是A、B、C
        after = Span(clause.start + colon.end(), clause.end)
        numbered = numbered_items(after.slice(simple))
        if numbered:  # 具体表现为一是A；二是B (no colon before the numbering)
            return [first_clause(simple, Span(after.start + m.start, after.start + m.end)) for m in numbered[1]]
        listed = [trim(simple, s) for s in split_on(simple, after, "；;")]
        if len(listed) >= 2:
            return listed
        # 仍面临一些堵点：A，人才引不来、留不住，B: the comma parts, a 、 splitting only where a part names
        # several problems (社区、社会组织之间尚未形成合力 is one); a single 、-list (主要是：A、B、C) is the items
        listed = _clause_parts(simple, after, need_negative=False)
        if len(listed) < 2:
            listed = with_predicates_joined(simple, [trim(simple, s) for s in split_on(simple, after, "、")])
        if len(listed) >= 2:
            return listed
    by_semicolon = _semicolon_items(simple, clause, need_negative)
    if by_semicolon:
        return by_semicolon
    verb = _pattern("verbs").search(text)
    if verb and not text[verb.end():].strip("着了。；;，, "):
        verb = None  # 障碍依然存在: the verb ends the clause and lists nothing
    items: list[Span] = []
    rest = clause
    if verb:
        after = text[verb.end():].lstrip("着了")
        offset = clause.start + len(text) - len(after)
        vague = _pattern("vague").match(after)
        listed = vague and "、" in unquoted(after) and not re.search(r"[，,]", after)
        if listed:  # 存在一些A、B等问题: the vague word stands before a list
            after = after[vague.end():]
            offset += vague.end()
        if vague and not listed:
            # 存在一些不足，A，B，C: the vague clause sums up the problems the clauses after it name
            comma = re.search(r"[，,]", after)
            named = (_clause_parts(simple, Span(offset + comma.end(), clause.end), need_negative=False)
                     if comma else [])
            # the summary says the parts after it are problems: one of them naming one is enough
            if len(named) >= 2 and any(_pattern("negative").search(p.slice(simple)) for p in named):
                return named
        elif "、" in unquoted(re.split(r"[，,]", after, maxsplit=1)[0]) or LIST_END.search(after):
            # (仍存在“隐形壁垒”，深港、珠澳之间…仍有堵点: a 、 in a later clause lists nothing after the verb)
            items, rest_start = list_items(simple, Span(offset, clause.end))
            rest = Span(rest_start, clause.end)
            comma = max(text.rfind("，", 0, verb.start()), text.rfind(",", 0, verb.start()))
            labelled = labelled_subject(simple, items, text[comma + 1 : verb.start()], after)
            if labelled is not None:  # 部分已建站点存在“重建轻管”问题: the label needs its subject
                items = [Span(clause.start + comma + 1 + labelled, rest_start)]
            # 调研显示，A知晓率低，B仍面临C、D等问题: a clause before the verb's that names a problem is one too
            # (A规模偏小，面临B、C等问题: without a subject of its own the verb's clause details the one before)
            if comma > 0 and len(text[comma + 1 : verb.start()].strip().rstrip("仍还也都依然均")) >= 2:
                listed = "".join(i.slice(simple) for i in items)  # (“小、散、弱”的现象仍较为普遍: sums them up)
                items = [p for p in _clause_parts(simple, Span(clause.start, clause.start + comma), need_negative=True)
                         if not p.slice(simple).endswith(("后", "时", "以来"))  # (热度回落后: a time)
                         and not sums_up(p.slice(simple), listed)] + items
        else:
            verb = None  # 仍存在明显短板 / 部分项目面临失传风险: no list, the clauses are the problems
    aspects = aspect_list(rest.slice(simple))
    if aspects:  # (A不足，)在B、C等方面还需加强
        before = trim(simple, Span(rest.start, rest.start + aspects.start()))
        if before.end > before.start:
            items += _clause_parts(simple, before, need_negative=True)
        inner = Span(rest.start + aspects.start("list"), rest.start + aspects.end("list"))
        items += [trim(simple, s) for s in split_on(simple, inner, "、，,")]
    if items:  # …等问题，部分古镇游客体验不佳: a clause after the list that names a problem of its own
        listed = "".join(i.slice(simple) for i in items)
        comma = re.search(r"[，,]", simple[rest.start + (aspects.end() if aspects else 0):clause.end])
        if comma:
            after = rest.start + (aspects.end() if aspects else 0) + comma.end()
            # (在A、B等方面，还需进一步加强: the aspects' own predicate, without a subject, names nothing new)
            items += [p for p in _clause_parts(simple, Span(after, clause.end), need_negative=True)
                      if not sums_up(p.slice(simple), listed)
                      and not _pattern("aspect_needs").match(p.slice(simple).lstrip("仍还也都"))]
    if items or verb:
        return items or [clause]
    if not need_negative and _pattern("vague").search(text) and not re.search(r"[，,]", text):
        return [clause]
    parts = _clause_parts(simple, clause, need_negative)
    if len(parts) > _BARE_CLAUSES_MIN and _is_summary(parts[0].slice(simple)):
        return parts[1:]  # 两市协同仍有不少短板，A，B，C: the summary's details
    return parts


def _semicolon_items(simple: str, clause: Span, need_negative: bool) -> list[Span]:
    """A不优，B不合理，C过于集中；D短缺，E率低；F少、G弱: problems set apart by ； are the ；-parts, each
    whole with its commas (the writer grouped them); a part that lists after a verb (存在A、B等问题) gives
    its list. Every part must name a problem, else the ； parts are no list of problems."""
    parts = [trim(simple, s) for s in split_on(simple, clause, "；;")]
    parts = [p for p in parts if p.end > p.start]
    if len(parts) < 2 or not all(names_problem(p.slice(simple)) for p in parts):
        return []
    items: list[Span] = []
    for part in parts:
        part = _without_preambles(simple, part)
        verb = _pattern("verbs").search(part.slice(simple))
        if verb is None:
            items.append(part)
        elif (told := told_clause(simple, Span(part.start + verb.end(), part.end))) is not None:
            items.append(told)  # A面临B不足，C；D: what 面临 names, a clause, is the problem, whole
        else:
            items += _from_clause(simple, part, need_negative)
    return items


def _without_preambles(simple: str, span: Span) -> Span:
    """也要看到，A，B → A，B: the comma pieces at the start that only open the clause."""
    for piece in split_on(simple, span, "，,")[:-1]:
        if not _is_preamble(trim(simple, piece).slice(simple)):
            break
        span = trim(simple, Span(piece.end + 1, span.end))
    return span


def _clause_parts(simple: str, clause: Span, need_negative: bool) -> list[Span]:
    """The comma-separated parts of a clause that name a problem. A 、 splits a part only where the
    pieces before it name problems of their own (A不足、B滞后) or the part ends with the problem's
    name (A、B等问题仍较突出): 学校、家庭、社区之间尚未形成合力 is one subject, and so are attributes of one
    subject (临港产业规模偏小、附加值不高), nouns before one predicate (规模化、标准化程度低) and two short sides
    of one problem (公交线路少、通勤时间长: the writer sets problems apart by ，). A summary
    before a colon gives way to the details after it; a background fact first (建于十多年前) is none."""
    colon = re.search(r"[：:]", unquoted(clause.slice(simple)))
    if colon and clause.start + colon.end() < clause.end:  # “大资源、小产业”的局面没有根本改变：A，B: the details
        clause = trim(simple, Span(clause.start + colon.end(), clause.end))
    grouped = [_without_preambles(simple, trim(simple, s)) for s in split_on(simple, clause, "；;")]
    if len(grouped) >= 2:  # A、B；C，D；E: the writer grouped the problems by ；, each part one problem, whole
        parts = [p for p in grouped if p.end > p.start and not _is_preamble(p.slice(simple))
                 and not is_evaluation(p.slice(simple)) and not _is_consequence(p.slice(simple))]
        return [p for p in parts if names_problem(p.slice(simple))] if need_negative else parts
    pieces: list[Span] = []
    for part in with_outcomes_joined(simple, [trim(simple, s) for s in split_on(simple, clause, "，,")]):
        listed = [trim(simple, s) for s in split_on(simple, part, "、")]
        text = part.slice(simple)
        named = all(names_problem(p.slice(simple)) for p in listed[:-1])
        # 旅游业态以观光为主、过夜游客比重偏低: pieces too long for a subject's nouns are clauses of their own
        named = named or (names_problem(listed[-1].slice(simple))
                          and all(p.end - p.start >= _CLAUSE_PIECE_MIN and not _CONJOINED.search(p.slice(simple))
                                  for p in listed[:-1]))
        split = ((len(listed) == 1 or named or LISTED_SUBJECT.search(text)) and not parallel_set(listed, simple)
                 and not shares_subject(listed, simple) and not nouns_before_one_predicate(listed, simple)
                 and not two_sides_of_one(listed, simple))
        pieces += listed if split else [part]
    joined = with_predicates_joined(simple, pieces)
    parts = [without_list_tail(simple, without_subject_tail(simple, p)) for p in joined]
    parts = [p for p in parts if p.end > p.start and not _is_preamble(p.slice(simple))
             and not is_evaluation(p.slice(simple)) and not _is_consequence(p.slice(simple))]
    if len(parts) >= 2 and is_background(parts[0].slice(simple)) and any(
            names_problem(p.slice(simple)) for p in parts[1:]):
        parts = parts[1:]  # 全乡设施大多建于十多年前，老旧温棚占比高: the scene, then the problems
    if need_negative:
        return [p for p in parts if names_problem(p.slice(simple))]
    return parts


def _is_preamble(text: str) -> bool:
    """但同时也要看到 / 与先进地区相比 / 随着时间推移 / 在部分农牧区学校: the opening of a clause (a scope without a
    predicate of its own included), not a problem."""
    if text in _problem_cues()["preambles"] or _COMPARISON.match(text) or _PERCEPTION.match(text):
        return True
    if _SCOPE.match(text) and not names_problem(text):
        return True
    return text.startswith(tuple(_problem_cues()["circumstances"])) and not _pattern("negative").search(text)


