"""Who speaks, from the phrase before a speech verb in running text (kg.extract.news): a person (with
委员/常委, with roles or a unit before the name, with a unit or role in brackets after it), a unit alone,
and 代表 + the unit the speech is given for. A person's name opens with a surname (``byline.is_person``), so
that the words before 发言 in 大会发言 or 委员们的发言 are no speaker.
"""

from __future__ import annotations

import re

from kg.extract.byline import is_person, is_role, is_unit
from kg.records import Span

_MEMBERS = ("委员", "常委")
# Not a role before a name: a count of speakers or a sentence (十位委员和单位, 会议举行…).
_COUNTED = re.compile(r"\s|\d|[一二三四五六七八九十两几多数百]+[位名个]|会议(?!员)|举行|召开")


def parse_speaker_phrase(text: str, offset: int = 0) -> list[tuple[str, Span]] | None:
    """张三委员 / 省政协委员、南昌大学教授彭丽 / 市总工会副主席高丽萍代表市总工会 / 民盟市委会 / 李四代表民革中央:
    the parts of the phrase before a speech verb, as spans (shifted by ``offset``), or None."""
    text_unit = re.fullmatch(r"(?P<who>.+?)代表(?P<unit>[^，。；、\s]{2,30})", text)
    unit_part: list[tuple[str, Span]] = []
    who = text
    if text_unit:
        unit = text_unit.group("unit")
        if not is_unit(unit):
            return None
        unit_part = [("unit", Span(offset + text_unit.start("unit"), offset + text_unit.end("unit")))]
        who = text_unit.group("who")
    person = person_parts(who, offset)
    if person is not None:
        return person + unit_part
    if not unit_part and is_unit(who, strict=True) and len(who) <= 30 and not re.search(r"\d", who):
        return [("unit", Span(offset, offset + len(who)))]
    return None


def person_parts(who: str, offset: int) -> list[tuple[str, Span]] | None:
    bracket = re.fullmatch(r"(?P<name>[^（(]{2,8}?)(?:委员|常委)?[（(](?P<inner>[^）)]{2,30})[）)]", who)
    if bracket and is_person(bracket.group("name")):  # 张三（民盟市委会）/ 张三（市政协委员）
        inner = bracket.group("inner")
        kind = "unit" if is_unit(inner, strict=True) or (is_unit(inner) and not is_role(inner)) else \
            "role" if is_role(inner) else None
        if kind:
            return [("speaker", Span(offset, offset + bracket.end("name"))),  # a unit's speech: no role
                    (kind, Span(offset + bracket.start("inner"), offset + bracket.end("inner")))]
    if who.endswith("同志"):
        who = who[:-2]
    member = next((m for m in _MEMBERS if who.endswith(m)), "")
    core = who[: len(who) - len(member)]
    if is_person(core):  # 张三委员 / 张三
        parts = [("speaker", Span(offset, offset + len(core)))]
        if member:
            parts.append(("role", Span(offset + len(core), offset + len(who))))
        return parts
    for size in (3, 2, 4):  # roles before the name: 省政协委员王建军, 南昌大学教授彭丽; a unit: 无党派人士陈静
        name, pre = core[-size:], core[:-size]
        if len(pre) < 2 or not is_person(name) or _COUNTED.search(pre):
            continue
        # 澳门特区政府前司长谭俊荣委员 / 全国政协委员、澳门特区政府前司长谭俊荣委员: before a member's name,
        # a short description is a role, kept whole (record-format.md); 来自经济界的刘洋委员 is described by a
        # relative clause, no role phrase: the member's role is the bare 委员 after the name.
        described = member and len(pre) <= 40 and not re.search(r"[，。；“”《》]", pre) \
            and all(len(piece) >= 2 for piece in pre.split("、"))
        if described and pre.endswith("的"):
            return [("speaker", Span(offset + len(pre), offset + len(core))),
                    ("role", Span(offset + len(core), offset + len(who)))]
        kind = "role" if is_role(pre) else "unit" if is_unit(pre, strict=True) else "role" if described else None
        if kind:
            parts = [(kind, Span(offset, offset + len(pre))), ("speaker", Span(offset + len(pre), offset + len(core)))]
            if member and kind == "unit":
                parts.append(("role", Span(offset + len(core), offset + len(who))))
            return parts
    return None
