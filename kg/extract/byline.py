"""Bylines: who delivered a speech, for which unit, in which role.

The forms of domain.md: unit + person (民革晋中市委 安运涛), role + person (市政协委员 岳丽), person
first (张三（民盟市委）, 张三 市政协常委), several roles joined by 、, a unit alone, two speakers
(刘某、王某), 界别 bylines, markers (◎ □ ■) and a dash under the title (——张三委员代表县妇联发言),
发言人：张三 on a line of its own, sentences (张三委员代表民进市委发言, 王五代李四委员发言) and a byline fused
with the title (张三委员：TITLE).

``parse_line`` finds the parts of one line as spans; ``units.complete_unit`` then completes a
unit against the committee (民革市委 → 民革晋中市委, 昔阳政协 → 昔阳县政协).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.dictionary import dictionary
from kg.gazetteer import gazetteer
from kg.lexicon import alternation, cues, party_alias_pattern

_HAN = r"[\u4e00-\u9fff·]"
# A person: two to four characters, or a name with a middle dot (艾力·买买提, 阿依古丽·吐尔逊).
_PERSON = rf"(?:[\u4e00-\u9fff]{{1,6}}·[\u4e00-\u9fff]{{1,8}}|{_HAN}{{2,4}})"
_NAME = re.compile(_PERSON)
_NAMES = re.compile(rf"{_PERSON}(?:[、，,]{_PERSON})+")
_ANNOTATION = re.compile(r"\s*[（(](?:执笔|执笔人|整理|撰稿|供稿)[）)]$")
# 张三委员代表民进市委发言 / 张三代李四委员发言 / 张三委员的发言 (the speaker is the one who read it) /
# 张三副主席代表市工商联发言 / 张三、李四委员代表农工党市委的联合发言
_SENTENCE = re.compile(
    rf"^(?P<sp>{_HAN}{{2,4}}?(?:、{_HAN}{{2,4}}?)?)(?P<role>委员|常委|副主席|主席|副主委|主委|秘书长|副会长|会长)?(?:同志)?"
    rf"(?:代(?!表)(?P<absent>{_HAN}{{2,4}}?)(?:委员|常委)?)?"
    rf"(?:代表(?P<unit>[^，。：:\s《》“”]+?))?(?:所)?(?:作|做)?了?(?:的)?(?:题为(?:《[^》]*》|“[^”]*”)的?)?(?:联合)?(?:大会)?(?:书面)?"
    rf"发言(?:时|中)?(?:说|表示|指出|认为|强调|建议|呼吁|提出)?[：:]?$"
)
# 刘畅（代胡德军委员发言） / 张三（代表民盟市委发言） / 王五（代民建省委会发言）: a note after the byline
# proper saying whom the speaker read for (the speaker's own role stays) or which unit the speech is
# given for (代表, or 代 before a unit: a unit's speech, so the speaker's role is no part of it).
_PROXY_NOTE = re.compile(
    r"\s*[（(](?:代(?!表)(?P<absent>[^（）()，。\s]+?)(?:委员|常委)?|代表(?P<unit>[^（）()，。\s]+?))"
    r"(?:作|做)?(?:的)?(?:大会)?(?:书面)?发言[）)]$"
)


# Words no person's name holds (辽宁省政协大会发言：TITLE is a headline, not 辽宁省政协 + 大会发言).
# 自治区/自治州/自治县 are a level of place (自治区政协委员 is a role, not 自治区 + 政协委员).
_NOT_IN_NAMES = re.compile(r"政协|委员|发言|会议|大会|摘编|摘登|自治")
# A role standing alone on its line (■ 自治区政协委员、宁夏大学教授, the speaker on a 发言人： line of its
# own): behind a marker, or opening with a committee (市政协委员…), so that a title ending in 委员
# (争当新时代优秀政协委员) is no byline.
_COMMITTEE_ROLE = re.compile(
    r"(?P<place>[\u4e00-\u9fff]{0,10}?)(?:全国|省|市|县|区|州|自治区|自治州|自治县|盟|旗)?政协(?:委员|常委)"
)
_CLAUSE_MARK = re.compile(r"[，。；;！？!?]")
_ENCLOSED = re.compile(r"[（(]([^（）()]+)[）)]")
_DESCRIBED_SENTENCE = re.compile(r"(?P<who>[^，。：:\s《》“”]{4,40}?代表[^，。：:\s《》“”]{2,30}?)"
                                 r"(?:所)?(?:作|做)?了?(?:的)?(?:大会)?(?:书面)?发言[：:]?")
# A word jieba's dictionary has this often is a word (文明, 高峰), even where it also reads as a name.
_COMMON_NAME_FREQUENCY = 1000


@dataclass(frozen=True)
class Part:
    kind: str  # speaker | unit | role
    start: int  # offsets within the line
    end: int


@cache
def _byline_cues() -> dict:
    return cues()["bylines"]


@cache
def _suffix_pattern(key: str) -> re.Pattern[str]:
    return re.compile(f"(?:{alternation(_byline_cues()[key])})$")


def is_role(phrase: str) -> bool:
    return bool(_suffix_pattern("role_suffixes").search(phrase)) and not is_unit(phrase, strict=True)


def is_unit(phrase: str, strict: bool = False) -> bool:
    """A unit names a party or ends like one (政协, 市委会, 界别, 工商联 …).

    ``strict`` asks for the ending only, so that 民盟市委主委 stays a role.
    """
    if _suffix_pattern("unit_suffixes").search(phrase):
        return True
    return not strict and bool(party_alias_pattern().search(phrase)) and not is_role_ending(phrase)


def is_role_ending(phrase: str) -> bool:
    return bool(_suffix_pattern("role_suffixes").search(phrase))


def is_name(token: str) -> bool:
    if not (_NAME.fullmatch(token) or _NAMES.fullmatch(token)):
        return False
    return not (is_unit(token) or is_role_ending(token) or party_alias_pattern().search(token)
                or _NOT_IN_NAMES.search(token))


@cache
def _surnames() -> tuple[frozenset[str], tuple[str, ...]]:
    reports = cues()["reports"]
    return frozenset(reports["surnames"].strip()), tuple(reports["compound_surnames"])


def is_person(name: str) -> bool:
    """A person's name: two to four characters opening with a surname (or a name with a middle dot)."""
    if "·" in name:
        return bool(_NAME.fullmatch(name))
    single, compound = _surnames()
    if not _NAME.fullmatch(name) or name in cues()["reports"]["not_names"]:
        return False
    if any(w in name for w in ("委员", "政协", "代表", "发言", "会议")) or is_unit(name, strict=True):
        return False
    return name[0] in single or name.startswith(compound)


def marker_length(line: str) -> int:
    """How many leading characters are block markers (■ ◆ ▲ …) or white space: no part of a title or byline."""
    marks = _byline_cues()["markers"]
    i = 0
    while i < len(line) and (line[i] in marks or line[i].isspace()):
        i += 1
    return i


def _strip_markers(line: str) -> int:
    """How many leading characters are markers, white space, a dash (——张三委员代表县妇联发言, a byline
    under the title) or a 发言人： label."""
    i = marker_length(line)
    dash = next((d for d in _byline_cues()["dashes"] if line.startswith(d, i)), "")
    if dash:
        i += len(dash) + marker_length(line[i + len(dash) :])
    for label in _byline_cues()["speaker_labels"]:
        m = re.match(rf"{label}(?:\s*[:：|｜/／]\s*|\s+)", line[i:])  # 发言人：张三 / 发言人｜张三 / 文/张三
        if m:
            return i + m.end()
    return i


def parse_line(line: str) -> list[Part]:
    """The parts of a byline line, or [] when the line is not a byline."""
    i = _strip_markers(line)
    body = _ANNOTATION.sub("", line[i:].rstrip())  # 张三（执笔）: who wrote it down is no part
    if not body or len(body) > 48:
        return []
    enclosed = _ENCLOSED.fullmatch(body)
    if enclosed:  # （民进县委 张三） under the title: the byline in brackets
        return [Part(p.kind, i + 1 + p.start, i + 1 + p.end) for p in parse_line(enclosed.group(1))]
    note = _PROXY_NOTE.search(body)
    if note:
        return _with_proxy_note(line[: i + note.start()], i, note)
    paired = _unit_then_label(body, i) if "发言" in body or "主讲" in body else []
    if paired:
        return paired
    labelled = i > 0 and any(lbl in line[:i] for lbl in _byline_cues()["speaker_labels"])
    if labelled and is_name(body):
        return [Part("speaker", i, i + len(body))]
    set_off = i > 0 and any(d in line[:i] for d in [*_byline_cues()["dashes"], *_byline_cues()["markers"]])
    # ——张三 under a title, ◆ 张三 under a role line: the speaker (a name of four characters may be a phrase)
    if set_off and (len(body) <= 3 or "·" in body) and _unlisted_person(body):
        return [Part("speaker", i, i + len(body))]
    sentence = _SENTENCE.match(body)
    if sentence and (sentence.group("role") or sentence.group("unit") or sentence.group("absent")
                     or body.endswith(("发言", "发言：", "发言:"))) \
            and all(is_name(name) for name in sentence.group("sp").split("、")):
        parts = [Part("speaker", i + sentence.start("sp"), i + sentence.end("sp"))]
        if sentence.group("unit"):
            parts.append(Part("unit", i + sentence.start("unit"), i + sentence.end("unit")))
        elif sentence.group("role") and not sentence.group("absent"):
            parts.append(Part("role", i + sentence.start("role"), i + sentence.end("role")))
        return parts
    # 张三（民盟市委）/ 张三委员（民盟市委会）/ 张三（市政协委员）
    bracket = re.fullmatch(r"(.+?)(委员|常委)?\s*[（(]([^）)]+)[）)]", body)
    if bracket and is_name(bracket.group(1)):
        inner = bracket.group(3)
        kind = "unit" if is_unit(inner) or _is_workplace(bracket.group(1), inner) else "role" if is_role(inner) else ""
        if kind:
            return [Part("speaker", i + bracket.start(1), i + bracket.end(1)),
                    Part(kind, i + bracket.start(3), i + bracket.end(3))]
    return _token_parts(body, i) or _member_after_name(body, i) or _role_alone(line, body, i) \
        or _described_sentence(body, i)


def _unit_then_label(body: str, offset: int) -> list[Part]:
    """市妇联  发言人：郝丽 / 市妇联 发言人 郝丽 / 发言单位：市妇联 发言人：郝丽 / 县人民医院 发言人：张三: a unit (or
    a role), then a speaker's label and the name, on one line."""
    m = _labelled_pair().fullmatch(body)
    if not m or not all(is_name(name) for name in re.split(r"[\s、]+", m["name"])):
        return []
    phrase = m["phrase"]
    # The label says what the line is: the phrase before it is the unit unless it ends like a role.
    kind = "unit" if is_unit(phrase, strict=True) or is_studio(phrase) or not is_role(phrase) else "role"
    return [Part(kind, offset + m.start("phrase"), offset + m.end("phrase")),
            Part("speaker", offset + m.start("name"), offset + m.end("name"))]


@cache
def _labelled_pair() -> re.Pattern[str]:
    labels = alternation(_byline_cues()["speaker_labels"])
    unit_labels = alternation(_byline_cues()["unit_labels"])
    return re.compile(rf"(?:{unit_labels}\s*[：:]\s*)?(?P<phrase>[^\s：:，。]{{2,30}})\s+"
                      rf"(?:{labels})(?:\s*[：:]\s*|\s+)(?P<name>[^\s：:，。、]{{2,12}}(?:[\s、]+[^\s：:，。、]{{2,4}})?)")


def is_studio(phrase: str) -> bool:
    """天堂寨镇政协委员工作室: a members' studio or liaison post (its place in its name) that a speech is given for."""
    return len(phrase) <= 20 and bool(_suffix_pattern("studio_suffixes").search(phrase))


def _described_sentence(body: str, offset: int) -> list[Part]:
    """民建市委副主委张三代表民建市委的发言： / 市政协常委张三代表民盟市委发言: a byline sentence whose speaker is
    described before the name, read as a report's speaker phrase (kg.extract.speakers)."""
    m = _DESCRIBED_SENTENCE.fullmatch(body)
    if not m:
        return []
    from kg.extract.speakers import parse_speaker_phrase  # speakers builds on this module's words

    parts = parse_speaker_phrase(m.group("who"), offset) or []
    if not any(kind == "speaker" for kind, _ in parts):
        return []
    return [Part(kind, span.start, span.end) for kind, span in parts]


def _unlisted_person(token: str) -> bool:
    """A person's name, and no word of jieba's dictionary but a name (高质量 高水平 and 文明 和谐 are a headline,
    not two speakers)."""
    tag = dictionary().tag(token)
    return is_person(token) and tag in (None, "nr") and dictionary().frequency(token) < _COMMON_NAME_FREQUENCY


def _is_workplace(name: str, inner: str) -> bool:
    """覃志强（市农业科学研究所）: a person's work unit in brackets after the name is the unit."""
    return is_person(name) and bool(_suffix_pattern("workplace_suffixes").search(inner)) and len(inner) <= 20


def _role_alone(line: str, body: str, offset: int) -> list[Part]:
    """■ 自治区政协委员、宁夏大学教授: a line that is only a role (its speaker on a 发言人 line)."""
    marked = offset > 0 and any(ch in _byline_cues()["markers"] for ch in line[:offset])
    if len(body) > 30 or re.search(r"\s|[“”《》「」，。：:]", body) or not is_role(body):
        return []
    committee = _COMMITTEE_ROLE.match(body)
    gaz = gazetteer()
    if marked or committee and (not committee["place"] or committee["place"] in gaz.by_name
                                or committee["place"] in gaz.by_short):
        return [Part("role", offset, offset + len(body))]
    return []


def _member_after_name(body: str, offset: int) -> list[Part]:
    """市政协委员、XX大学教授 李四委员 / 澳门特区政府前司长谭俊荣委员: roles (or a unit) before the name and
    委员 after it. The phrase before the name is the role, kept whole; 委员 adds nothing to it."""
    member = next((m for m in ("委员", "常委") if body.endswith(m)), "")
    head = body[: len(body) - len(member)].rstrip()
    if not member or len(head) < 4:
        return []
    parts = _token_parts(head, offset)
    speaker = next((p for p in parts if p.kind == "speaker"), None)
    return parts if speaker and speaker.end == offset + len(head) and len(parts) == 2 else []


def _with_proxy_note(head: str, offset: int, note: re.Match[str]) -> list[Part]:
    """The byline before a proxy note, read on its own, plus the unit the note names (``note`` was
    matched on the line from ``offset``)."""
    name = head[offset:]
    parts = [Part("speaker", offset, len(head))] if is_name(name) else parse_line(head)
    if not any(p.kind == "speaker" for p in parts):
        return []
    group = "unit" if note.group("unit") else "absent" if is_unit(note.group("absent"), strict=True) else None
    if group is not None:
        unit_start = offset + note.start(group)
        parts = [p for p in parts if p.kind == "speaker"]
        parts.append(Part("unit", unit_start, unit_start + len(note.group(group))))
    return parts


def _token_parts(body: str, offset: int) -> list[Part]:
    if _CLAUSE_MARK.search(body) and not _NAMES.fullmatch(body):
        return []  # a sentence (3月4日上午，县政协…听取委员大会发言) is no unit or role + name
    tokens = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", body)]
    if len(tokens) == 1:
        return _glued_parts(body, offset)
    names = [t for t in tokens if is_name(t[0])]
    others = [t for t in tokens if t not in names]
    if not others and len(names) <= 3 and all(_unlisted_person(t[0]) for t in names):
        return [Part("speaker", offset, offset + len(body))]  # two speakers side by side (张三 李四)
    if not names or not others or len(others) > 3:
        return []
    first, last = tokens.index(names[0]), tokens.index(names[-1])
    if last - first + 1 != len(names):
        return []  # names apart from each other
    # Two speakers side by side (李明 王芳) are one speaker value, as written.
    name = (body[names[0][1] : names[-1][2]], names[0][1], names[-1][2])
    # Everything that is not the name forms one phrase: the roles (市政协委员、XX大学教授) or the unit.
    start, end = others[0][1], others[-1][2]
    if name[1] > start and name[2] < end:
        return []  # a name between two phrases is no byline form we know
    phrase = body[start:end]
    kind = "role" if is_role(phrase) else "unit" if is_unit(phrase) or is_studio(phrase) else ""
    if not kind:
        return []
    return [Part("speaker", offset + name[1], offset + name[2]), Part(kind, offset + start, offset + end)]


def _glued_parts(body: str, offset: int) -> list[Part]:
    """One token: a unit alone (民建晋中市委会), two speakers (刘某、王某), or a unit/role glued to a
    name (平遥县政协王轩, 县政协委员赵丽华, 刘长江委员)."""
    if _NAMES.fullmatch(body) and is_name(body):
        return [Part("speaker", offset, offset + len(body))]
    if is_unit(body, strict=True) and not is_name(body):
        return [Part("unit", offset, offset + len(body))]
    for cut in range(min(len(body) - 2, 4), 1, -1):  # 刘长江委员: a name glued to its role
        head, tail = body[:cut], body[cut:]
        role_start = tail in ("委员", "常委") or tail.startswith(("市", "县", "区", "省", "州", "全国", "政协"))
        if is_name(head) and role_start and is_role(tail) and len(tail) <= 12 \
                and not _place_before_role(head, tail):
            return [Part("speaker", offset, offset + cut), Part("role", offset + cut, offset + len(body))]
    # A unit or role glued to the name after it: the phrase must end like one (…政协, …委员会, …委员),
    # so that 县工商联陈建国 is 县工商联 + 陈建国, not 县工商联陈 + 建国. Names of three characters are
    # the commonest, then two, then four.
    for size in (3, 2, 4):
        head, tail = body[:-size], body[-size:]
        phrase = is_unit(head, strict=True) or is_role(head) or is_studio(head)
        if 2 <= len(head) <= 24 and is_person(tail) and phrase \
                and not re.search(r"[“”《》「」]", head):  # 为建设“三个高地”贡献政协力量 is a headline
            kind = "role" if is_role(head) else "unit"
            return [Part(kind, offset, offset + len(head)), Part("speaker", offset + len(head), offset + len(body))]
    if is_unit(body) and len(body) <= 12 and not is_name(body):  # 民革市委 … named by its party
        return [Part("unit", offset, offset + len(body))]
    return []


def _place_before_role(head: str, tail: str) -> bool:
    """晋中市政协委员, 张三市政协委员: a place (晋中市) or a place's level glued to the name (张三市) is
    the role's, not the name's."""
    places = gazetteer().by_name
    return head in places or head + tail[:1] in places or head[-1] in "省市县区州"


def is_speaker_line(line: str) -> bool:
    """发言人：张三 on a line of its own (after markers, if any)."""
    body = line.lstrip(_byline_cues()["markers"] + " \u3000")
    return body.startswith(tuple(_byline_cues()["speaker_labels"])) and looks_like_byline(line)


def looks_like_byline(line: str) -> bool:
    return bool(parse_line(line))


def split_fused(line: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """张三委员：TITLE / 民盟中央：TITLE / 民盟中央丨TITLE → ((byline start, end), (title start, end))."""
    m = re.search(r"[：:丨｜|]", line)
    if not m or m.start() < 2 or m.start() > 24 or len(line) - m.end() < 4:
        return None
    head = line[: m.start()]
    if parse_line(head):
        title_start = m.end() + (len(line[m.end():]) - len(line[m.end():].lstrip()))
        return (0, m.start()), (title_start, len(line))
    return None


def split_trailing(line: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """TITLE——民进县委 张三 / TITLE 县政协委员 赵建国: a title with its byline after it on one line →
    ((title start, end), (byline start, end)); the part before the byline is no unit, role or name."""
    for sep in re.finditer(r"\s+|——|—", line):
        left, right = line[: sep.start()].strip(), line[sep.end() :]
        if len(left) < 4 or _CLAUSE_MARK.search(left):
            continue
        if parse_line(right) and not (parse_line(left) or is_unit(left) or is_role(left) or is_name(left)):
            start = len(line) - len(line.lstrip())
            return (start, start + len(left)), (sep.end(), len(line))
    return None

