"""From byline parts to the proposer: speaker, unit (completed against the committee), party, role."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.byline import parse_line
from kg.gazetteer import Region, gazetteer
from kg.lexicon import cues, party_alias_pattern, party_by_alias
from kg.read import Source, to_simplified, to_traditional
from kg.read.source import script_of
from kg.records import Byline, Committee, Span, Value

# An autonomous region (内蒙古自治区) calls itself 区: 我区, 全区, 民盟区委.
_AUTONOMOUS_REGION = "自治区"
# A new area's committee (天津市滨海新区, 上海市浦东新区) calls its place 新区: 新区工商联, 助力新区发展.
NEW_AREA_LEVEL = "new_area"
_NEW_AREA = "新区"


def committee_region(committee: Committee | None) -> Region | None:
    if committee is None or committee.code is None:
        return None
    return gazetteer().by_code.get(committee.code)


def place_of_level(committee: Committee | None, level: str) -> Region | None:
    """The committee's own place at a level: its city for 市, its province for 省, itself for 新区 where it
    is a new area (a county-level city, 晋江市 or 义乌市, is its own 市: its 我市 and 市工商联 are the
    county's; a municipality, 上海市, has no prefecture level: its 市 is the municipality, from its own
    committee and its districts' alike)."""
    region = committee_region(committee)
    if region is None:
        return None
    if level == NEW_AREA_LEVEL:
        return region if region.name.endswith(_NEW_AREA) else None
    kinds = cues()["regions"]["prefecture_kinds"]
    if level in kinds:  # 全州 at an autonomous prefecture or one of its counties: that prefecture
        return next((r for r in [region, *gazetteer().ancestors(region)]
                     if r.level == "prefecture" and r.name.endswith(kinds[level])), None)
    if level == "prefecture" and region.level == "county" and region.name.endswith("市"):
        return region
    if level == "county" and region.level == "province" and region.name.endswith(_AUTONOMOUS_REGION):
        return region  # 内蒙古's 我区, 区委 and 区工商联 are the autonomous region's own
    chain = [region, *gazetteer().ancestors(region)]
    for r in chain:
        if r.level == level:
            return r
    if level == "prefecture" and chain[-1].name.endswith("市"):
        return chain[-1]  # a municipality (provinces end in 省 or 自治区, 香港 and 澳门 in 特别行政区)
    return region if level == "county" and region.level == "county" else None


def complete_unit(unit: str, committee: Committee | None) -> str:
    """民革市委 → 民革晋中市委, 市工商联 → 晋中市工商联, 昔阳政协 → 昔阳县政协, 政协提案委员会 → 晋中市政协提案委员会;
    other units unchanged."""
    levels = cues()["bylines"]["place_levels"]
    party = party_alias_pattern().match(unit)
    rest_at = party.end() if party else 0
    rest = unit[rest_at:]
    # A place level right after the party (or at the start): 民革市委, 市工商联, 县政协, 自治区工商联.
    level_word = max((w for w in levels if rest.startswith(w)), key=len, default="")
    if level_word and not rest.startswith(("市场", "县域", "区域", "省级", "市级", "县级")):
        place = place_of_level(committee, levels[level_word])
        if place:
            return unit[:rest_at] + place.name + rest[len(level_word):]
    region = committee_region(committee)
    if region and re.fullmatch(r"政协\S+(?:委员会|专委会)", rest):
        return region.name + rest  # 政协提案委员会: a special committee of the committee itself
    return unit[:rest_at] + _complete_place_prefix(rest, committee)


def _complete_place_prefix(text: str, committee: Committee | None) -> str:
    """昔阳政协 → 昔阳县政协, 梅县政协 → 梅县区政协: a short place name at the start is completed."""
    gaz = gazetteer()
    context = committee_region(committee)
    for cut in range(min(len(text), 8), 1, -1):
        head = text[:cut]
        if gaz.resolve(head, context) is not None:
            return text  # already a full name
        region = gaz.resolve(head, context, short=True)
        if region and region.name.endswith(text[cut : cut + 1]):
            return text  # 内蒙古区委会, 广西区政协: the short name and its level are the unit's own spelling
        if region and region.code and (context is None or region.code.startswith(context.code[:2])):
            return region.name + text[cut:]
    return text


def party_of(unit: str) -> str | None:
    m = party_alias_pattern().search(unit)
    return party_by_alias()[m.group()].short if m else None


def build_byline(src: Source, spans: list[Span], committee: Committee | None) -> Byline:
    """Merge the parts of the byline lines (a unit line and a 发言人 line are one byline)."""
    if not spans:
        return Byline(span=Span(0, 0))
    parts = [(p.kind, Span(span.start + p.start, span.start + p.end))
             for span in spans for p in parse_line(span.slice(src.simple))]
    return byline_from_parts(src, Span(spans[0].start, spans[-1].end), parts, committee)


def byline_from_parts(src: Source, span: Span, parts: list[tuple[str, Span]], committee: Committee | None) -> Byline:
    """A byline from its parts (speaker, unit, role spans into the text); the first of each kind counts.
    A unit is completed against the committee, in the text's own characters."""
    byline = Byline(span=span)
    for kind, s in [*parts, *_unit_in_role(src, parts)]:
        surface = s.slice(src.text)
        if kind == "speaker" and byline.speaker is None:
            byline.speaker = Value(surface, s, surface)
        elif kind == "unit" and byline.organization is None:
            simple_unit = s.slice(src.simple)
            completed = cues()["bylines"]["unit_full_names"].get(simple_unit) or complete_unit(simple_unit, committee)
            value = surface
            if completed != simple_unit:
                value = _in_source_script(surface, simple_unit, completed, traditional=_traditional(src, surface))
            byline.organization = Value(value, s, surface)
            byline.party = party_of(simple_unit)
        elif kind == "role" and byline.role is None:
            byline.role = Value(surface, s, surface)
    if byline.organization is not None:
        byline.role = None  # a unit's speech has no individual role (record-format.md)
    return byline


def _unit_in_role(src: Source, parts: list[tuple[str, Span]]) -> list[tuple[str, Span]]:
    """无党派委员 张三: a role that opens with a unit's name gives the unit too (when no other is named)."""
    if any(kind == "unit" for kind, _ in parts):
        return []
    for kind, s in parts:
        text = s.slice(src.simple)
        unit = next((u for u in cues()["bylines"]["unit_in_role"] if text.startswith(u)), None)
        if kind == "role" and unit:
            return [("unit", Span(s.start, s.start + len(unit)))]
    return []


def _traditional(src: Source, surface: str) -> bool:
    """Whether to write an inserted place in traditional characters: the unit itself is written in
    them, or the text is (kg.read.source.script_of: more than by a stray character)."""
    return surface != to_simplified(surface) or _written_in_traditional(src.text)


@lru_cache(maxsize=8)
def _written_in_traditional(text: str) -> bool:
    return script_of(text) == "traditional"


def _in_source_script(surface: str, simple: str, completed: str, traditional: bool) -> str:
    """Keep the text's own characters around an inserted place name, and write the inserted part
    in them too (臺盟市委 → 臺盟晉中市委, 南海政協 → 南海區政協)."""
    extra = len(completed) - len(simple)
    for i in range(len(simple) + 1):
        if extra > 0 and completed[:i] == simple[:i] and completed[i + extra :] == simple[i:]:
            inserted = completed[i : i + extra]
            return surface[:i] + (to_traditional(inserted) if traditional else inserted) + surface[i:]
    return completed
