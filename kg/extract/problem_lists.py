"""Lists of problems inside a clause: 存在A、B、C等问题 (the items before the list's tail), 在A、B等方面还需加强
(the aspects), what 面临 names when it is a clause of its own, and the subject a label before 问题 needs; a comma
in a list sets its problems apart and a 、 may join two sides of one."""

from __future__ import annotations

import re
from functools import cache

from kg.extract.problem_pieces import names_problem, two_sides_of_one, with_predicates_joined
from kg.extract.spans import split_on, trim, unquoted
from kg.lexicon import alternation, cues
from kg.records import Span

_ASPECTS = re.compile(r"在(?P<list>[^，。；在]{2,80}?)(?:等|[一二三四五六七八九十两几多]个|各个)?方面")
# The end of a listed problem: 等问题, 的问题, 等障碍 (a short noun after 等), or 问题 at the clause end.
# (面临A的挑战: the problem is A, named before the kind of trouble it is; 面临“不会转、不敢转”的困境: a quoted
# label names no problem by itself, the clause is whole.)
LIST_END = re.compile(r"(?:等(?:方面)?(?:的)?[\u4e00-\u9fff]{0,4}|的问题|问题"
                      r"|的(?:挑战|困难|难题|短板|瓶颈|障碍|风险)|(?<![”」\"])的(?:困境|局面))(?=[，,。；;]|$)")
# 面临一些困难 / 存在明显短板 / 面临失传风险: the verb's object is a noun of trouble, no clause of its own
_TROUBLE_NOUNS = ("问题", "困难", "挑战", "短板", "瓶颈", "难题", "障碍", "矛盾", "风险", "隐患", "困境", "局面")
# 人员、资金统筹不够: a bare noun as short as this before 、 names no item of its own
_BARE_NOUN_MAX = 2


@cache
def _pattern(key: str) -> re.Pattern[str]:
    return re.compile(alternation(cues()["problems"][key]))


def told_clause(simple: str, after: Span) -> Span | None:
    """电网外送通道不足，弃光限电时有发生 after 面临: the verb's object is a clause of its own, naming its problem
    by its predicate (no list, no noun of trouble like 短板, 风险 at its end), so the verb only leads in."""
    after = trim(simple, after, lead="着了")
    first = trim(simple, split_on(simple, after, "，,")[0]).slice(simple) if after.end > after.start else ""
    if (len(first) < 4 or "、" in unquoted(first) or LIST_END.search(first) or _pattern("vague").match(first)
            or first.endswith(_TROUBLE_NOUNS)):
        return None
    return after if names_problem(first) else None


def labelled_subject(simple: str, items: list[Span], subject: str, after: str) -> int | None:
    """部分已建站点存在“重建轻管”问题 / 一些文化站存在重硬件轻服务问题: a single object before 问题 that
    names no problem by itself (a label, no negative word) needs the subject before the verb; where that
    subject starts in it (after lead-ins), or None (发展不平衡问题 names its problem itself)."""
    tail = LIST_END.search(after)
    if len(items) != 1 or tail is None or not tail.group().endswith("问题") or tail.group().startswith("等"):
        return None
    if names_problem(items[0].slice(simple)) or "、" in unquoted(after[: tail.start()]):
        return None
    start = len(subject) - len(subject.lstrip())
    return start if len(subject.strip().rstrip("仍还也都依然均")) >= 2 else None


def aspect_list(text: str) -> re.Match[str] | None:
    """在A、B等方面还需加强: the aspects are the problems when they are a list or what follows is a
    need (还需/有待 …); 在产业链配套方面仍存在明显短板 names its problem itself."""
    m = _ASPECTS.search(text)
    if m is None:
        return None
    listed = "、" in m.group("list") or m.group(0).endswith(("等方面", "个方面"))
    needed = bool(_pattern("aspect_needs").match(text[m.end():].lstrip("仍还也都")))
    return m if listed or needed else None


def list_items(simple: str, span: Span) -> tuple[list[Span], int]:
    """A, B, C of 存在A、B、C等问题, and where the text after the list starts. A comma in the list sets its
    problems apart (反映规模小、抵押物不足，融资难度大: the 、 joins two sides of one), and so does 的困境
    (面临种植户老龄化、采摘用工难的困境); a bare noun before the next piece's predicate is its subject too
    (人员、资金统筹不够的问题), unless 等 lists the nouns (停车、住宿等配套不足)."""
    text = span.slice(simple)
    tail = LIST_END.search(text)
    end = tail.start() if tail else len(text)
    rest = span.start + (tail.end() if tail else len(text))
    groups = split_on(simple, Span(span.start, span.start + end), "，,")
    sides = len(groups) >= 2 or bool(tail and tail.group().startswith(("的困境", "的局面")))
    items: list[Span] = []
    for group in groups:
        pieces = [trim(simple, s, tail="等") for s in split_on(simple, group, "、")]
        if "等" not in group.slice(simple) and not (tail and tail.group().startswith("等")):
            pieces = _bare_nouns_joined(simple, pieces)
        if sides and two_sides_of_one(pieces, simple) and not _subject_repeated(pieces, simple):
            pieces = [Span(pieces[0].start, pieces[1].end)]
        items += pieces
    return [s for s in with_predicates_joined(simple, items) if s.end - s.start >= 2], rest


def _bare_nouns_joined(simple: str, pieces: list[Span]) -> list[Span]:
    """人员、资金统筹不够: a bare noun of two characters before a piece that names a problem shares its predicate."""
    out: list[Span] = []
    for piece in pieces:
        before = out[-1].slice(simple) if out else ""
        if out and len(before) <= _BARE_NOUN_MAX and not names_problem(before) and names_problem(piece.slice(simple)):
            out[-1] = Span(out[-1].start, piece.end)
        else:
            out.append(piece)
    return out


def _subject_repeated(pieces: list[Span], simple: str) -> bool:
    """融资难、融资贵: a subject written out again names a problem of its own."""
    first, second = (p.slice(simple) for p in pieces)
    return first[:2] == second[:2]
