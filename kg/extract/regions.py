"""Regions a speech is about, and the region links it makes (太原晋中一体化 → 太原市-晋中市).

Words come from jieba (loaded with every region name and short name), so 长治久安 is not 长治.
Full names resolve nationwide (ambiguous ones through the committee's place); short names of
provinces and prefectures resolve nationwide, those of counties only inside the committee's
province. 我市/全市/市委 mean the committee's own city (我县 its county, 全省 its province).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise, permutations

# abbreviation_pairs is re-exported: the pipeline takes every region extractor from here
from kg.extract.abbreviations import LONGEST_RUN, abbreviated, bounded, is_initial
from kg.extract.abbreviations import abbreviation_pairs as abbreviation_pairs
from kg.extract.place_words import place_words
from kg.extract.proposer import committee_region, place_of_level
from kg.gazetteer import Region, gazetteer
from kg.lexicon import alternation, cues, named_area_kinds, named_areas
from kg.read import Source
from kg.records import Committee, RegionMention, Span
from kg.words import Word, dictionary_frequency, is_common_noun, is_ordinary_word

_CLAUSE_BREAK = re.compile(r"[，,。；;！？!?\n]|\s{1,}")


@cache
def _area_names() -> dict[str, str]:
    return {alias: name for name, aliases in named_areas() for alias in (name, *aliases)}


@cache
def _own_place_words() -> dict[str, str]:
    """我市 → prefecture, 全省 → province …: the level each own-place word points to."""
    return {w: level for level, words in cues()["regions"]["own_place"].items() for w in words}


def _own_place(word: str, committee: Committee | None) -> Region | None:
    level = _own_place_words().get(word)
    if level is None or committee is None:
        return None
    if level == "national":
        return None
    region = committee_region(committee)
    if region is not None and level == "county" and region.level != "county":
        return None
    found = place_of_level(committee, level)
    if found is None and level == "prefecture" and region is not None and region.code:
        # 北京, 天津, 上海, 重庆 have no prefecture level: their 我市/市委 is the municipality itself
        province = gazetteer().by_code.get(region.province_code or "")
        found = province if province is not None and province.name.endswith("市") else None
    return found


def _resolve_word(word: str, committee: Committee | None) -> Region | None:
    gaz = gazetteer()
    if word not in gaz.by_name and word not in gaz.by_short and word not in _area_names():
        return None  # most words: no need to look at the committee
    if word in _area_names():
        return gaz.areas.get(_area_names()[word])
    context = committee_region(committee)
    if len(word) >= 3 or (len(word) == 2 and len(gaz.by_name.get(word, [])) == 1):
        full = gaz.resolve(word, context)
        if full:
            return full
    if len(word) < 2:
        return None
    short = gaz.resolve(word, context, short=True)
    if short is None:
        return None
    if short.level in ("province", "prefecture"):
        return short
    if is_ordinary_word(word):
        return None  # 合作 (合作市), 安定 (安定区): the word's ordinary sense
    same_province = context is not None and context.code and short.code and short.code[:2] == context.code[:2]
    return short if same_province or _known_city(word, short) else None


# A county-level city's short name is read anywhere (昆山, 义乌, 张家港) when jieba's dictionary knows it
# less often than this: 江山 (1225, "the country") and 天门 (4628) are ordinary words first.
_KNOWN_CITY_MAX_FREQ = 1000


def _known_city(short: str, region: Region) -> bool:
    """昆山 at a Shanghai committee: a county-level city that is the only region of its short name."""
    return (region.name.endswith("市") and len(gazetteer().by_short.get(short, [])) == 1
            and short not in gazetteer().by_name and not is_common_noun(short)
            and dictionary_frequency(short) < _KNOWN_CITY_MAX_FREQ)


def region_mentions(src: Source, span: Span, committee: Committee | None) -> list[RegionMention]:
    """Every place named in a span of the text, in order (an area word that ends a compound,
    革命老区 of 大别山革命老区, is left to ``area_compounds``)."""
    out = []
    text = span.slice(src.simple)
    words = place_words(text)
    compound_parts = {i for start, end, _ in _compounds(text, words, committee) for i in range(start, end)}
    not_places = {i for m in _not_places().finditer(text) for i in range(m.start(), m.end())}
    for i, w in enumerate(words):
        if w.start in not_places:
            continue
        region = _own_place(w.text, committee) or _resolve_word(w.text, committee)
        if (region is None or _names_a_landmark(region, words[i + 1 : i + 2], committee)
                or (region.level == "area" and w.start in compound_parts)
                or _common_noun_alone(region, w.text, words[i - 1].text if i else "", committee)):
            continue
        s = Span(span.start + w.start, span.start + w.end)
        out.append(RegionMention(region.name, region.code, s, s.slice(src.text)))
    taken = {i for m in out for i in range(m.span.start - span.start, m.span.end - span.start)}
    for start, end, region in _named_after_county(text, committee):
        if not taken.intersection(range(start, end)):
            s = Span(span.start + start, span.start + end)
            out.append(RegionMention(region.name, region.code, s, s.slice(src.text)))
    return bounded(sorted(out, key=lambda m: m.span))


def _common_noun_alone(region: Region, word: str, previous: str, committee: Committee | None) -> bool:
    """矿区, 郊区, 城区: a district whose name is a common noun is a place only after its city
    (阳泉矿区), never alone."""
    if region.level != "county" or word != region.name or not is_common_noun(word):
        return False
    parent = gazetteer().parent(region)
    before = _resolve_word(previous, committee) if previous else None
    return before is None or parent is None or before.code != parent.code


@cache
def _named_after_pattern() -> re.Pattern[str]:
    return re.compile(alternation(cues()["regions"]["named_after_place"]))


def _named_after_county(text: str, committee: Committee | None) -> list[tuple[int, int, Region]]:
    """太仓港区, 张家港保税区: a port or a zone named after its county names the county, even outside
    the committee's province (where a county's short name alone does not), when the name is the
    only county of that short name."""
    gaz = gazetteer()
    out = []
    for m in _named_after_pattern().finditer(text):
        for size in (4, 3, 2):
            short = text[max(0, m.start() - size) : m.start()]
            if len(short) < size or short + m.group() in gaz.by_short or short + m.group() in gaz.by_name:
                continue  # 连云港 is a city, not 连云区's port
            counties = [r for r in gaz.by_short.get(short, []) if r.level == "county"]
            if len(counties) == 1 and not is_ordinary_word(short):
                out.append((m.start() - size, m.start(), counties[0]))
                break
    return out


@cache
def _not_places() -> re.Pattern[str]:
    """Words that hold a place's short name but mean something else (朝阳产业, 普洱茶, 宁德时代)."""
    return re.compile(alternation(cues()["regions"]["not_places"]))


def _names_a_landmark(region: Region, following: tuple[Word, ...], committee: Committee | None) -> bool:
    """龙岩大峡谷 in a Shanxi county: the short name of a far-away city that starts a landmark's name is
    the landmark's (平遥古城, in the committee's own province, still names 平遥县)."""
    own = committee_region(committee)
    if not following or own is None or not own.code or region.code is None or region.level == "province":
        return False
    return region.code[:2] != own.code[:2] and following[0].text in cues()["regions"]["landmarks"]


_GEO_ENDINGS = ("山", "湖", "河", "江", "海", "岭", "原", "湾", "岛")


def _compounds(text: str, words: tuple[Word, ...], committee: Committee | None) -> list[tuple[int, int, str]]:
    """(start, end, name) of the named areas made of a head, optional descriptor words and an area
    word: 成都都市圈, 汉江生态经济带, 沈阳现代化都市圈, 襄十随神城市群 (a run of one-character
    abbreviations), 泸永江融合发展示范区; and the ring areas 环太湖地区 / 环渤海经济圈 (环 + a lake, sea
    or mountain + an area word). The name is the whole surface."""
    ends = {w.end: w for w in words}
    # 湾区 of 粤港澳大湾区: an area word inside a named area's own word starts no compound
    inside_areas = {i for w in words if w.text in _area_names() for i in range(w.start + 1, w.end)}
    out = []
    for pattern, ring in _suffix_patterns():
        for m in pattern.finditer(text):
            if m.start() in inside_areas:
                continue
            if ring:
                prev = ends.get(m.start())
                if (prev is not None and prev.start > 0 and text[prev.start - 1] == "环"
                        and prev.text.endswith(_GEO_ENDINGS)):
                    out.append((prev.start - 1, m.end(), text[prev.start - 1 : m.end()]))
                continue
            start = _head_start(text, _before_descriptors(text, m.start()), ends, committee)
            if start is not None:
                start = start - 1 if start > 0 and text[start - 1] == "环" else start
                out.append((start, m.end(), text[start : m.end()]))
    return out


def _before_descriptors(text: str, end: int) -> int:
    """Where the descriptor words (现代化, 生态, 融合发展 …) before an area word start."""
    descriptors = _descriptors()
    moved = True
    while moved:
        moved = False
        for d in descriptors:
            if text.endswith(d, 0, end):
                end -= len(d)
                moved = True
                break
    return end


def _head_start(text: str, end: int, ends: dict[int, Word], committee: Committee | None) -> int | None:
    """The start of an area's head ending at ``end``: a place (成都), a geographic name (汉江), or a
    run of one-character abbreviations of places (襄十随神), one of which at least is read (泸永江 at
    永川: 永 and 江 are the committee's neighbours, 泸 a city of the next province)."""
    prev = ends.get(end)
    if prev is not None and len(prev.text) >= 2 and (
            _resolve_word(prev.text, committee) or prev.text.endswith(_GEO_ENDINGS)):
        return prev.start
    start, read = end, False
    while start > 0 and end - start < LONGEST_RUN and is_initial(text[start - 1]):
        read = read or abbreviated(text[start - 1], committee) is not None
        start -= 1
    return start if end - start >= 2 and read else None


@cache
def _descriptors() -> tuple[str, ...]:
    return tuple(sorted(cues()["regions"]["area_descriptors"], key=len, reverse=True))


@cache
def _suffix_patterns() -> tuple[tuple[re.Pattern[str], bool], ...]:
    """The area words (都市圈, 流域 …) and the ring-area words (地区, 区域), each as one pattern."""
    area = cues()["regions"]
    return ((re.compile(alternation(area["area_suffixes"])), False),
            (re.compile(alternation(area["ring_suffixes"])), True))


def area_compounds(src: Source, span: Span, committee: Committee | None) -> list[RegionMention]:
    """Named areas made of a place and an area word: 成都都市圈, 大别山革命老区, 环太湖地区."""
    text = span.slice(src.simple)
    out = []
    for start, end, name in _compounds(text, place_words(text), committee):
        s = Span(span.start + start, span.start + end)
        out.append(RegionMention(name, None, s, s.slice(src.text)))
    return bounded(out)


def unit_regions(src: Source, unit_span: Span, unit_value: str, committee: Committee | None) -> list[RegionMention]:
    """The place in a unit's name (平遥县政协 → 平遥县, 民革晋中市委 → 晋中市)."""
    gaz = gazetteer()
    context = committee_region(committee)
    for size in range(min(len(unit_value), 9), 1, -1):
        for i in range(0, len(unit_value) - size + 1):
            region = gaz.resolve(unit_value[i : i + size], context)
            if region and region.code and size >= 3:
                return [RegionMention(region.name, region.code, unit_span, unit_span.slice(src.text))]
    return []


def region_links(src: Source, spans: list[Span], mentions: list[RegionMention],
                 committee: Committee | None) -> list[tuple[str, ...]]:
    """Places joined in one clause around a link word (一体化, 共建, 毗邻区 …), as pairs, each once.

    Only the parties to the link count: a place inside a longer mention (成都 of 成都都市圈), a place
    that contains another member (我省 beside 济南、淄博) and, beside two places, the named area the
    link serves (廣佛同城化是粵港澳大灣區建設的…) are left out; and a link that only restates a finer
    one at a coarser level (闽粤 beside 大埔县-龙岩市) goes.
    """
    link_words = _link_words()
    own = committee_region(committee)
    outermost = [m for m in mentions if not any(_inside(m.span, o.span) for o in mentions if o is not m)]
    links: list[tuple[str, ...]] = []
    for span in spans:
        text = span.slice(src.simple)
        start = 0
        for m in [*_CLAUSE_BREAK.finditer(text), None]:
            end = m.start() if m else len(text)
            clause = Span(span.start + start, span.start + end)
            start = m.end() if m else len(text)
            ctext = clause.slice(src.simple)
            if not link_words.search(ctext):
                continue
            members = _parties(_members(outermost, clause))
            if own and own.level != "province" and "与" in ctext and own.name not in members:
                # 我市与太原共建 / 与广德市共建浙皖毗邻区域: the committee's place is the other side
                # (and the province it lies in, named beside, stands for it).
                others = [n for n in members if n not in _ancestor_names(own.name)]
                if len(others) == 1:
                    members = [own.name, *others]
                elif _all_after_with(src.simple, clause, outermost):
                    # 与泸州、江津共建: the places after 与 are one side, the committee's place the other,
                    # where the speech names it (a speech about one of its counties does not)
                    if not any(m.name == own.name for m in mentions):
                        continue
                    members = [own.name, *others]
            for pair in _pairs(members, own):
                if pair not in links:
                    links.append(pair)
    return [g for g in links if not any(h != g and _restates(g, h) for h in links)]


@cache
def _link_words() -> re.Pattern[str]:
    return re.compile(alternation(cues()["regions"]["link"]))


def _all_after_with(simple: str, clause: Span, mentions: list[RegionMention]) -> bool:
    """与 comes before every place of the clause (与A、B等…合作)."""
    starts = [m.span.start for m in mentions if clause.start <= m.span.start and m.span.end <= clause.end]
    at = simple.find("与", clause.start, clause.end)
    return bool(starts) and at != -1 and at < min(starts)


def _pairs(members: list[str], own: Region | None) -> list[tuple[str, str]]:
    """A link joins places two by two (record-format.md): with the committee's place among three or
    more (襄十随一体化 at 十堰), the committee's place with each other one; else each place with the
    next (长春、四平、辽源三市协同发展)."""
    if own is not None and own.name in members and len(members) > 2:
        pairs = [(own.name, other) for other in members if other != own.name]
    else:
        pairs = list(pairwise(members))
    return [tuple(sorted(pair, key=_code_of)) for pair in pairs]


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and inner != outer


def _members(mentions: list[RegionMention], clause: Span) -> list[str]:
    return [m.name for m in mentions if clause.start <= m.span.start and m.span.end <= clause.end]


# Kinds of named areas that are spots within a place, not places that a link could join.
_SPOT_KINDS = frozenset({"island", "old-town", "historic-district", "scenic-area"})


def _parties(names: list[str]) -> list[str]:
    names = [n for n in dict.fromkeys(names) if named_area_kinds().get(n) not in _SPOT_KINDS]
    names = [n for n in names if not any(other != n and n in _ancestor_names(other) for other in names)]
    places = [n for n in names if _code_of(n) != n]
    return places if len(places) >= 2 else names


def _restates(coarse: tuple[str, ...], fine: tuple[str, ...]) -> bool:
    """Each place of ``coarse`` is or contains a different place of ``fine`` (福建省-广东省 vs
    龙岩市-大埔县; 上海市-浙江省 vs 上海市-嘉兴市)."""
    if len(coarse) != len(fine):
        return False
    return any(all(c == f or c in _ancestor_names(f) for c, f in zip(coarse, order, strict=True))
               for order in permutations(fine))


def _ancestor_names(name: str) -> set[str]:
    gaz = gazetteer()
    regions = [r for r in gaz.by_name.get(name) or [] if r.code]
    return {a.name for r in regions[:1] for a in gaz.ancestors(r)}


def _code_of(name: str) -> str:
    regions = gazetteer().by_name.get(name) or []
    return next((r.code for r in regions if r.code), name)
