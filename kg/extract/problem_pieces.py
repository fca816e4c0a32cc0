"""Pieces of a problem clause that belong together: a bare predicate with the item before it (引不进、留不住),
an outcome with the part before it (各自为战，尚未形成合力), and parallel names of one kind of trouble before
问题 (停车难、如厕难问题), attributes of one subject (规模偏小、附加值不高) and nouns before one predicate
(规模化、标准化程度低), so that a list splits only where its pieces name problems of their own; and what a
piece says: a problem (names_problem), the scene (is_background), a list summed up (sums_up) or an evaluation
(is_evaluation); and the tails a listed item loses (等问题, a closing 等)."""

from __future__ import annotations

import re
from functools import cache

from kg.extract.spans import QUOTED
from kg.lexicon import alternation, cues
from kg.records import Span


@cache
def _problem_cues() -> dict:
    return cues()["problems"]


@cache
def _negative() -> re.Pattern[str]:
    return re.compile(alternation(_problem_cues()["negative"]))


# A short verb with a potential complement (留不住, 用得上): a predicate, not a subject.
# (结构不优 is a subject and its predicate: the complement after 不/得 is one of the verbs' result words.)
_POTENTIAL = re.compile(r"^[\u4e00-\u9fff][不得][住来进去动起上下了到完好出开懂清够掉走][\u4e00-\u9fff]?$")
JOINED_PREDICATE_MAX = 4
# 通勤时间长 after 公交线路少、: a short clause that goes on about the same subject (a longer one, 应收账款回款慢,
# names a subject of its own)
SIDE_MAX = 6
# …等问题，“冷热不均”现象突出: a clause beside a list that calls its problems a phenomenon
_SUMMING_UP = re.compile(r"(?:现象|问题|情况|矛盾)(?:仍然|依然|仍|还|也)?"
                         r"(?:较为|比较|十分|尤为|尤其|较|更加|更为|日益|日趋)?(?:突出|明显|严重|普遍|凸显)$")
_HAN = re.compile(r"[\u4e00-\u9fff]{2}")
_PARALLEL_MAX = 3
# The tail of a subject list: 等问题 (等短板, 等不足 …) or a bare 问题/现象 (融资贵问题仍然突出); a bare 不足 is the
# last item's predicate (基层服务能力不足), not a tail.
# (高层次人才住房、子女入学等配套保障不足: a longer noun after 等 is the subject of one problem, the list whole;
# 停车、住宿等配套不足: a bare 配套 or 设施 right before its predicate is the list's kind, the items lacking)
_KIND_BEFORE_PREDICATE = (r"(?:配套设施|配套|设施)"
                          r"(?=(?:仍|还|也|都|依然|仍然|较为|严重)?(?:不|缺|滞后|薄弱|落后|短缺|匮乏))")
_TAIL_NOUNS = rf"(?:问题|短板|困难|不足|障碍|现象|情况|矛盾|{_KIND_BEFORE_PREDICATE})"
SUBJECT_TAIL_RE = re.compile(rf"(?P<etc>等)(?:方面)?(?:的)?{_TAIL_NOUNS}"
                           r"[^，,、等]*$"
                           r"|(?:的)?(?:问题|现象|情况|矛盾)[^，,、等]*$"
                           r"|(?<![”」\"])(?P<plight>的(?:困境|局面))[^，,、等]*$")
# A、B等问题 / 融资难、融资贵问题: the 、-list is the problems' subject (助餐、助浴等服务供给不足 is one problem)
# (停车、住宿等配套不足: the items are what is lacking, 停车 and 住宿)
LISTED_SUBJECT = re.compile(rf"等(?:方面)?(?:的)?{_TAIL_NOUNS}|问题")


def with_predicates_joined(simple: str, parts: list[Span]) -> list[Span]:
    """引不进、留不住 is one problem: a short 、-part with no subject of its own (a bare predicate)
    continues the item before it."""
    out: list[Span] = []
    for part in parts:
        text = part.slice(simple)
        bare = _POTENTIAL.match(text) or text.startswith(tuple(_problem_cues()["predicate_openings"]))
        if out and not bare:  # 评估难、处置难: a short predicate parallel to the end of a longer part before it
            before = out[-1].slice(simple)
            bare = len(text) <= _PARALLEL_MAX and before[-1:] == text[-1:] and len(before) >= len(text) + 3
        if (out and bare and len(text) <= JOINED_PREDICATE_MAX and part.start > 0
                and simple[part.start - 1] == "、"):
            out[-1] = Span(out[-1].start, part.end)
        else:
            out.append(part)
    return out


def parallel_set(listed: list[Span], simple: str) -> bool:
    """停车难、如厕难、住宿难问题依然存在: short parallel names of one kind of trouble (each ending with the
    same character) before 问题 name one problem, the set, whole."""
    names = [p.slice(simple) for p in listed]
    last = names[-1] if names else ""
    head = last.split("问题")[0] if "问题" in last and not last.startswith("问题") else ""
    return (len(names) >= 2 and bool(head) and "等" not in head and all(n[-1] == head[-1] for n in names[:-1])
            and all(len(n) <= JOINED_PREDICATE_MAX for n in [*names[1:-1], head]))


def with_outcomes_joined(simple: str, parts: list[Span]) -> list[Span]:
    """各自为战，尚未形成合力 is one problem: a part without a subject that says what has not come of
    the part before (尚未/未能 …) completes it, where that part names no problem of its own (A不足，
    尚未建立B机制 are two)."""
    out: list[Span] = []
    for part in parts:
        text = part.slice(simple)
        if (out and text.startswith(tuple(_problem_cues()["outcome_openings"]))
                and not _negative().search(out[-1].slice(simple))):
            out[-1] = Span(out[-1].start, part.end)
        else:
            out.append(part)
    return out


@cache
def _ending() -> re.Pattern[str]:
    cue = _problem_cues()
    endings = alternation(cue["negative_endings"])
    return re.compile(rf"[\u4e00-\u9fff”」]{{2}}(?<![{cue['change_verbs']}])(?:{endings})$")


@cache
def _quoted_predicate() -> re.Pattern[str]:
    adverbs = alternation(_problem_cues()["quoted_predicate_adverbs"])
    label = r"[“「\"][^”」\"]{2,8}[”」\"]"
    return re.compile(rf"[\u4e00-\u9fff]{{2}}(?:{adverbs}){label}(?:的?(?:现象|问题|状态|困境|局面))?$")


def names_problem(text: str) -> bool:
    """A clause names a problem by a negative word (不足, 滞后 …), by a one-character predicate at its end
    after a subject (产业链条短), or by a quoted label as its predicate (服务站大多“建而不用”)."""
    text = text.rstrip("。；;，,")
    return bool(_negative().search(text) or _ending().search(text) or _quoted_predicate().search(text)
                or any(f.search(text) for f in _negative_frames()))


@cache
def _negative_frames() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(f) for f in _problem_cues()["negative_frames"])


def framed_problem(text: str) -> bool:
    """对口支援仍以援建校舍、短期支教为主: a clause whose shape alone names a problem (no negative word in it)."""
    return any(f.search(text.rstrip("。；;，,")) for f in _negative_frames())


@cache
def _attribute_parts() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A part ending with an attribute and its predicate, a part that is nothing else, and a part whose short
    modifier and attribute open it (标准化程度低)."""
    attributes = alternation(_problem_cues()["attributes"])
    return (re.compile(rf"[\u4e00-\u9fff”」]{{2}}(?P<predicate>(?:{attributes})[^、]{{1,5}})$"),
            re.compile(rf"^(?P<predicate>(?:{attributes})[^、]{{1,5}})$"),
            re.compile(rf"^(?P<modifier>[\u4e00-\u9fff]{{1,4}}?)(?:{attributes})"))


def shares_subject(listed: list[Span], simple: str) -> bool:
    """临港产业规模偏小、附加值不高: attributes of one subject named before the first part, each with its
    predicate, are one problem (a part with a subject of its own, 应收账款回款慢, is not an attribute)."""
    first, rest, _ = _attribute_parts()
    names = [p.slice(simple) for p in listed]
    head = first.search(names[0]) if len(names) >= 2 else None
    return bool(head and names_problem(head.group("predicate")) and all(
        (m := rest.match(n)) and names_problem(m.group("predicate")) for n in names[1:]))


def two_sides_of_one(listed: list[Span], simple: str) -> bool:
    """县城与市区的公交线路少、通勤时间长 / 总量不足、分布不均 / 不少企业订单下滑、利润收窄: two clauses joined by 、
    inside one comma part, the second naming a problem, are two sides of one problem (the writer sets problems
    apart by ，and ；); a list's tail (A、B等问题) still makes them items of a list."""
    names = [p.slice(simple) for p in listed]
    return (len(names) == 2 and len(names[1]) <= SIDE_MAX and (names_problem(names[1]) or names_problem(names[0]))
            and not LISTED_SUBJECT.search(simple[listed[0].start:listed[-1].end]))


def nouns_before_one_predicate(listed: list[Span], simple: str) -> bool:
    """中药材种植规模化、标准化程度低: pieces that name no problem before a last piece whose short
    modifier and attribute (标准化程度) carry the predicate are nouns of that one predicate."""
    names = [p.slice(simple) for p in listed]
    last = _attribute_parts()[2].match(names[-1]) if len(names) >= 2 else None
    # the pieces before are nouns like the modifier: short, or ending like it (规模化、标准化)
    return (bool(last) and len(names) >= 2 and not any(names_problem(n) for n in names[:-1])
            and all(len(n) <= JOINED_PREDICATE_MAX or n[-1] == last.group("modifier")[-1] for n in names[:-1]))


@cache
def _background() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{f})" for f in _problem_cues()["background_facts"]))


def is_background(text: str) -> bool:
    """全乡设施大多建于十多年前 / 全镇现有民宿86家: an age, time or count that sets the scene."""
    return (_background().search(text) is not None and not names_problem(text)
            and not any(w in text for w in _problem_cues()["scarce"]))


def sums_up(text: str, listed: str) -> bool:
    """“一床难求”与“床位闲置”并存现象突出 / 冬季旅游“冷热不均”现象突出 after 旅游产品同质化严重等问题: a clause
    beside a list that says its problems are a phenomenon, referring back to them (a referent, 并存) or
    naming their subject again; 山区群众“看病远”现象仍较普遍 names a problem of its own."""
    if len(text) - len(without_referent(text)) >= 2:
        return True  # 上述现象在山区乡镇较为突出: the list again
    m = _SUMMING_UP.search(text)
    if m is None:
        return False
    head = text[: m.start()]
    said = {listed[i : i + 2] for i in range(len(listed) - 1)}
    plain = QUOTED.sub("", head)
    return (len(head) < 2 or without_referent(head) != head or any(w in head for w in _problem_cues()["summing_up"])
            or any(plain[i : i + 2] in said for i in range(len(plain) - 1) if _HAN.match(plain[i : i + 2])))


def without_referent(text: str) -> str:
    """这些问题需要引起高度重视 → 需要引起高度重视: the words that refer back to problems already named."""
    for referent in _referents():
        if text.startswith(referent):
            return text[len(referent):]
    return text


@cache
def _referents() -> tuple[str, ...]:
    return tuple(sorted(_problem_cues()["referents"], key=len, reverse=True))


def without_subject_tail(simple: str, part: Span) -> Span:
    """A、B等问题依然存在 / A、B问题仍然突出: the list is the subject, so its last item ends before
    (等)问题; a clause that is no list's last item keeps 问题 (停车难问题依然突出); 的困境 goes after a problem."""
    m = SUBJECT_TAIL_RE.search(text := part.slice(simple))
    last_of_list = part.start > 0 and simple[part.start - 1] == "、"
    # A、B的困境日益凸显: the predicament's name and what is said of it follow the problem, when A、B names it
    plight = m is not None and m.group("plight") is not None and names_problem(text[: m.start()])
    if m and m.start() >= 2 and (m.group("etc") or last_of_list or plight):
        return Span(part.start, part.start + m.start())
    return part


def without_list_tail(simple: str, part: Span) -> Span:
    """…，专业人才缺乏等: the 等 that closes a list of clauses (不平等, 对等 keep theirs)."""
    text = part.slice(simple)
    if text.endswith("等") and not text.endswith(("平等", "同等", "对等", "均等", "相等", "高等", "中等", "初等")):
        return Span(part.start, part.end - 1)
    return part


def is_evaluation(text: str) -> bool:
    """这些问题需要引起高度重视 / 值得高度关注: what the speaker thinks of the problems, no problem."""
    return without_referent(text).rstrip("。") in _problem_cues()["evaluations"]
