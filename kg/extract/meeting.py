"""The meeting a digest reports (政协第五届晋中市委员会第三次会议, 全国政协十四届二次会议 …) and
its committee: level and place, against which 我市/全省 and short unit names are resolved."""

from __future__ import annotations

import re
from functools import cache

from kg.extract.numerals import cn_to_int, int_to_cn
from kg.gazetteer import Gazetteer, Region, gazetteer
from kg.read import Source
from kg.records import Committee, Meeting, Span

_N = r"[〇零一二两三四五六七八九十百\d]+"
# 政协第五届晋中市委员会第三次会议 / 政协济南市槐荫区第十届委员会第三次会议 /
# 中国人民政治协商会议第十四届全国委员会第二次会议
_FULL = re.compile(
    rf"(?:中国人民政治协商会议|政协)(?:第(?P<t1>{_N})届)?(?P<place>[^\s，。、“”]{{0,16}}?)(?:第(?P<t2>{_N})届)?"
    rf"委员会第(?P<s>{_N})次(?:全体)?会议"
)
# 全国政协十四届二次会议 / 晋中市政协五届三次会议 / 市政协第五届第三次会议
_SHORT = re.compile(
    rf"(?P<place>[^\s，。、“”——]{{0,12}}?)政协(?:第)?(?P<t>{_N})届(?:第)?(?P<s>{_N})次(?:全体)?会议"
)
# 十四届全国政协二次会议 / 五届市政协三次会议: the term before the committee
_TERM_FIRST = re.compile(
    rf"(?P<t>{_N})届(?P<place>[^\s，。、“”——]{{0,12}}?)政协(?:第)?(?P<s>{_N})次(?:全体)?会议"
)
_YEAR = re.compile(r"(20\d\d|19\d\d)\s*(?:年|[-/.]\d)")
_AUTONOMOUS_REGION = "自治区"
_LEVEL_CHARS = {"省": "province", "市": "prefecture", "州": "prefecture", "县": "county", "区": "county"}


def find_meeting(src: Source, before: int | None = None) -> Meeting | None:
    """The first meeting line of the digest (looked for in its content lines, up to offset ``before``)."""
    for line in src.content:
        if before is not None and line.span.start >= before:
            break
        m = _FULL.search(line.text) or _SHORT.search(line.text) or _TERM_FIRST.search(line.text)
        if m:
            meeting = _meeting(src, line.span.start, m)
            return meeting if "委员会" in m.group(0) else _full_name_of(src, meeting) or meeting
    return None


def _full_name_of(src: Source, short: Meeting) -> Meeting | None:
    """区政协十届三次会议 in a headline, 政协佛山市顺德区第十届委员会第三次会议 in the lead: the full name
    of the same term and session, where the text gives one, is the label (record-format.md)."""
    for line in src.content:
        for m in _FULL.finditer(line.text):
            full = _meeting(src, line.span.start, m)
            if (full.term, full.session) == (short.term, short.session) and full.committee.code == short.committee.code:
                return full
    return None


_COMMITTEE_NAME = re.compile(r"([\u4e00-\u9fff]{2,10}?)政协|政协([\u4e00-\u9fff]{2,10}?)委员会")


def find_committee(src: Source, before: int) -> Committee | None:
    """Without a meeting line, the committee a headline names (宜宾市政协委员大会发言摘登)."""
    gaz = gazetteer()
    for line in src.content:
        if line.span.start >= before:
            break
        for m in _COMMITTEE_NAME.finditer(line.text):
            region = _region_in(m.group(1) or m.group(2), gaz)
            if region is not None:
                return Committee(region.level, region.name, region.code, region.province_code)
    return None


def _meeting(src: Source, offset: int, m: re.Match[str]) -> Meeting:
    gaz = gazetteer()
    groups = m.groupdict()
    term = cn_to_int(groups.get("t1") or groups.get("t2") or groups.get("t") or "")
    session = cn_to_int(groups["s"])
    place = groups["place"] or ""
    committee = _committee(place, src, gaz)
    if "委员会" in m.group(0):
        # The full name as the text gives it, in simplified characters even on a traditional page,
        # so that one meeting reported in both scripts is one meeting (record-format.md).
        label = m.group(0)
        if label.startswith("中国人民政治协商会议"):
            label = "政协" + label[len("中国人民政治协商会议"):]
    else:
        label = _expanded_label(committee, term, session)
    span = Span(offset + m.start(), offset + m.end())
    return Meeting(label=label, committee=committee, term=term, session=session, span=span, year=_year(src))


def _expanded_label(c: Committee, term: int | None, session: int | None) -> str:
    place = "全国" if c.level == "national" else (c.region or "")
    return f"政协第{int_to_cn(term or 0)}届{place}委员会第{int_to_cn(session or 0)}次会议"


def _committee(place: str, src: Source, gaz: Gazetteer) -> Committee:
    place = place.strip().lstrip("—-").strip()
    if "全国" in place:
        return Committee("national", None, None, None)
    region = _region_in(place, gaz)
    if region is None and place.endswith(_AUTONOMOUS_REGION):
        # 自治区政协十二届三次会议: an autonomous region's own committee (province level), never a
        # county's, though 区 ends the word; which of the five, the page says.
        region = _autonomous_region_from_text(src, gaz)
    elif region is None and place[-1:] in _LEVEL_CHARS:  # 市政协 / 在市政协 / 2024年市政协: the city the text names
        region = _place_from_text(src, _LEVEL_CHARS[place[-1]], gaz)
    if region is None:
        return Committee("national" if not place else "unknown", None, None, None)
    return Committee(region.level, region.name, region.code, region.province_code)


def _region_in(place: str, gaz: Gazetteer) -> Region | None:
    """The most specific region named in a place string (济南市槐荫区 → 槐荫区; 晋中 → 晋中市)."""
    found: Region | None = None
    i = 0
    while i < len(place):
        for j in range(len(place), i + 1, -1):
            cand = place[i:j]
            r = gaz.resolve(cand, found) or gaz.resolve(cand, found, short=True)
            if r and r.code:
                found, i = r, j - 1
                break
        i += 1
    return found


def _autonomous_region_from_text(src: Source, gaz: Gazetteer) -> Region | None:
    """The autonomous region a page that says only 自治区 is about: the one whose name or short name
    (宁夏大学, 广西日报), or whose prefectures' and counties' full names (银川市, 永宁县), it says most."""
    counts: dict[str, int] = {}
    for region in gaz.by_code.values():
        province = gaz.by_code.get(region.province_code or "")
        if province is None or not province.name.endswith(_AUTONOMOUS_REGION):
            continue
        names = {region.name, region.short} if region.level == "province" else {region.name}
        said = sum(src.simple.count(n) for n in names if len(n) >= 2)
        if said:
            counts[province.code or ""] = counts.get(province.code or "", 0) + said
    if not counts:
        return None
    return gaz.by_code[max(sorted(counts), key=lambda c: counts[c])]


def _place_from_text(src: Source, level: str, gaz: Gazetteer) -> Region | None:
    """For 市政协五届三次会议: the place of that level the text names with 政协 or most often."""
    counts: dict[str, int] = {}
    for m in re.finditer(r"([\u4e00-\u9fff]{2,8}?)(?:政协|人民政府|委员会)", src.simple):
        r = _region_in(m.group(1), gaz)
        if r and r.level == level and r.code:
            counts[r.code] = counts.get(r.code, 0) + 3
    for name, codes in _full_names_of_level(gaz, level):
        if name in src.simple:
            for code in codes:
                counts[code] = counts.get(code, 0) + src.simple.count(name)
    if not counts:  # only short names (晋中日报, 晋中的晋商文化): the one of that level said most
        for short, regions in gaz.by_short.items():
            if short in src.simple:
                for r in regions:
                    if r.level == level and r.code:
                        counts[r.code] = counts.get(r.code, 0) + src.simple.count(short)
    if not counts:
        return None
    best = max(sorted(counts), key=lambda c: counts[c])
    return gaz.by_code[best]


@cache
def _full_names_of_level(gaz: Gazetteer, level: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The full names (3 characters or more) of the regions of one level, with their codes: the
    names a page is searched for, found once instead of on every page."""
    return tuple((name, codes) for name, regions in gaz.by_name.items() if len(name) >= 3
                 for codes in [tuple(r.code for r in regions if r.level == level and r.code)] if codes)


def _year(src: Source) -> int | None:
    head = src.simple[:600]
    m = _YEAR.search(head)
    return int(m.group(1)) if m else None
