"""Regions a speech is about, and the region links it makes (太原晋中一体化 → 太原市-晋中市).

Words come from jieba (loaded with every region name and short name), so 长治久安 is not 长治.
Full names resolve nationwide (ambiguous ones through the committee's place); short names of
provinces and prefectures resolve nationwide, those of counties only inside the committee's
province. 我市/全市/市委 mean the committee's own city (我县 its county, 全省 its province).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

# abbreviation_pairs and region_links are re-exported: the pipeline takes every region extractor from here
from kg.extract.abbreviations import LONGEST_RUN, bounded, inside_a_run
from kg.extract.abbreviations import abbreviation_pairs as abbreviation_pairs
from kg.extract.foreign_places import foreign_positions, joint_prefix
from kg.extract.initials import abbreviated, abbreviates_own_place, is_initial
from kg.extract.namesakes import names_a_landmark, names_a_practice, names_a_shore, port_of_a_far_county
from kg.extract.place_areas import GEO_CHARS, coined_areas, head_places, place_named_areas, unit_township_mentions
from kg.extract.place_names import area_names, generic_geo, resolve_word, unique_county
from kg.extract.place_words import place_words
from kg.extract.proper_areas import is_name_word, may_be_in_name
from kg.extract.proposer import committee_region, place_of_level
from kg.extract.region_links import linked_ports as linked_ports
from kg.extract.region_links import region_links as region_links
from kg.gazetteer import Region, gazetteer
from kg.lexicon import (
    alternation,
    cues,
    lone_province_abbreviations,
    municipality_neighbours,
    presence_words,
    province_abbreviations,
    province_short_names,
)
from kg.read import Source
from kg.records import Committee, RegionMention, Span
from kg.words import Word, dictionary_frequency, is_common_noun, is_ordinary_word


@cache
def _own_place_words() -> dict[str, str]:
    """我市 → prefecture, 全省 → province …: the level each own-place word points to."""
    return {w: level for level, words in cues()["regions"]["own_place"].items() for w in words}


@cache
def _place_names() -> frozenset[str]:
    """Every word that may name a place (a region's name or short name, a named area, an own-place word):
    most words of a span are none, and need no look at the committee."""
    gaz = gazetteer()
    return frozenset(gaz.by_name.keys() | gaz.by_short.keys() | area_names().keys() | _own_place_words().keys()
                     | lone_province_abbreviations().keys() | province_short_names().keys())


def _lone_abbreviation(text: str, words: tuple[Word, ...], i: int, committee: Committee | None) -> Region | None:
    """台胞在闽就业, 来沪发展, 赴台交流: a province's abbreviation standing alone as a word right after a word of
    presence or movement names the province (kg/data/presence_words.tsv; 台胞来晋创业 at 晋江 is 晋江市, elsewhere
    山西省), unless another abbreviation follows (在闽台企: a run of abbreviations is read as one,
    ``abbreviation_pairs``)."""
    name = lone_province_abbreviations().get(words[i].text)
    after = text[words[i].end : words[i].end + 1]
    if name is None or i == 0 or words[i - 1].text not in presence_words() or (after and is_initial(after)):
        return None
    own = committee_region(committee)  # (辽 at the 辽宁 committee is the province, not 辽阳 as in a run)
    return own if abbreviates_own_place(words[i].text, own) else gazetteer().resolve(name)


def _own_place(word: str, committee: Committee | None) -> Region | None:
    level = _own_place_words().get(word)
    if level is None or committee is None:
        return None
    if level == "national":
        return None
    region, found = committee_region(committee), place_of_level(committee, level)
    if found is None and level == "prefecture" and region is not None and region.code:
        # 北京, 天津, 上海, 重庆 have no prefecture level: their 我市/市委 is the municipality itself
        province = gazetteer().by_code.get(region.province_code or "")
        found = province if province is not None and province.name.endswith("市") else None
    return found


def _listed_across_border(text: str, word: Word, committee: Committee | None) -> Region | None:
    """与嘉定、青浦协同 at the 昆山 committee → 上海市嘉定区, 青浦区: the district of a municipality bordering
    the committee's province (kg/data/municipality_neighbours.tsv), the only one of that short name there,
    where the word stands in a list or after 与 (金山银山 names no district)."""
    before = text[word.start - 1] if word.start else ""
    after = text[word.end] if word.end < len(text) else ""
    if len(word.text) < 2 or not (before in "与和同、" and before or after == "、"):
        return None
    return _district_across_border(word.text, committee_region(committee))


def _district_across_border(short: str, context: Region | None) -> Region | None:
    gaz = gazetteer()
    home = gaz.by_code.get(context.province_code or "") if context is not None else None
    if home is None:
        return None
    found = [r for r in gaz.by_short.get(short, []) if r.level == "county" and r.province_code
             and home.name in municipality_neighbours().get(gaz.by_code[r.province_code].name, ())]
    return found[0] if len(found) == 1 else None


def region_mentions(src: Source, span: Span, committee: Committee | None) -> list[RegionMention]:
    """Every place named in a span of the text, in order (an area word that ends a compound,
    革命老区 of 大别山革命老区, is left to ``area_compounds``)."""
    out = []
    text = span.slice(src.simple)
    words = place_words(text)
    compounds = _compounds(text, committee)
    compound_parts = {i for start, end, _ in compounds for i in range(start, end)}
    not_places = {i for m in _not_places().finditer(text) for i in range(m.start(), m.end())}
    not_places |= foreign_positions(text)  # 马来西亚关丹港: a place abroad
    not_places |= {i for start, end, _ in coined_areas(text, words, committee) for i in range(start, end)}
    # 崖州湾科技城 is no 崖州区: a place that heads a bay, lake or island named in a longer area is that area's
    not_places |= {i for start, end, _ in compounds for w in words
                   if start <= w.start and w.end < end and text[w.end] in GEO_CHARS and w.end - w.start >= 2
                   for i in range(w.start, w.end)}
    found: dict[int, Region] = {}
    unread: list[int] = []
    candidates = _place_names()
    for i, w in enumerate(words):
        if w.text not in candidates or w.start in not_places:
            continue
        region = (_own_place(w.text, committee) or resolve_word(w.text, committee)
                  or _listed_across_border(text, w, committee) or _lone_abbreviation(text, words, i, committee))
        if region is None and w.text in gazetteer().by_short:
            unread.append(i)
        if (region is None or names_a_landmark(region, w.text, words[i + 1 : i + 2], committee)
                or _names_a_bay(region, w.text, text[w.end : w.end + 1])
                or names_a_practice(region, w.text, words[i + 1 : i + 2], committee)
                or (w.text != region.name and names_a_shore(w.text, text, w.start))
                or ((region.level == "area" or w.text in province_short_names()) and w.start in compound_parts)
                or (region.level == "county" and w.text != region.name
                    and inside_a_run(text, w.start, w.end, committee))
                or _common_noun_alone(region, w.text, words[i - 1].text if i else "", committee)):
            continue
        found[i] = region
        s = Span(span.start + w.start, span.start + w.end)
        out.append(RegionMention(region.name, region.code, s, s.slice(src.text)))
    for i in unread:
        region = _listed_beside(words, i, found)
        if region is not None:
            s = Span(span.start + words[i].start, span.start + words[i].end)
            out.append(RegionMention(region.name, region.code, s, s.slice(src.text)))
    taken = {i for m in out for i in range(m.span.start - span.start, m.span.end - span.start)}
    areas = _place_areas(text, committee)
    heads = [h for h in head_places(text, areas, _resolver(committee), committee)
             if not port_of_a_far_county(h[2], text, h[1], committee)]
    for start, end, region in _named_after_county(text, committee) + heads:
        if not taken.intersection(range(start, end)):
            s = Span(span.start + start, span.start + end)
            out.append(RegionMention(region.name, region.code, s, s.slice(src.text)))
    return bounded(sorted(out, key=lambda m: m.span))


def _names_a_bay(region: Region, word: str, following: str) -> bool:
    """海棠湾, 清水湾: a county's short name before 湾 or 湖 names the bay or lake, not the county."""
    return region.level == "county" and word != region.name and following in _BAY_CHARS


_BAY_CHARS = frozenset("湾湖")


def _listed_beside(words: tuple[Word, ...], i: int, found: dict[int, Region]) -> Region | None:
    """与启东、海门协同 at a Shanghai committee: a county's short name read nowhere else is the county of that
    name in the province of a place listed right beside it (、/与/和), where it is the only one there."""
    provinces = {found[j].code[:2] for j, sep in ((i - 2, i - 1), (i + 2, i + 1))
                 if j in found and found[j].code and 0 <= sep < len(words) and words[sep].text in _LIST_JOINTS}
    candidates = [r for r in gazetteer().by_short.get(words[i].text, [])
                  if r.level == "county" and r.code and r.code[:2] in provinces]
    return candidates[0] if len(candidates) == 1 and not is_ordinary_word(words[i].text) else None


_LIST_JOINTS = frozenset("、与和及")


def _common_noun_alone(region: Region, word: str, previous: str, committee: Committee | None) -> bool:
    """矿区, 郊区, 城区, 古城区: a district whose name is a common noun or a description is a place only
    after its city (阳泉矿区, 丽江古城区), never alone nor after another place (建水古城区: its old town)."""
    descriptive = word in cues()["regions"]["descriptive_districts"]
    if region.level != "county" or word != region.name or not (is_common_noun(word) or descriptive):
        return False
    parent = gazetteer().parent(region)
    own = committee_region(committee)
    if descriptive and own is not None and own.code in (region.code, region.parent):
        return False  # 新城区 at its own city's committee
    before = resolve_word(previous, committee) if previous else None
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
            county = unique_county(short)
            if county is not None and port_of_a_far_county(county, text, m.start(), committee):
                break  # 新田港 at 万州: a port named after a place of its own, no 新田县 of 湖南
            if county is not None:
                out.append((m.start() - size, m.start(), county))
                break
    return out


@cache
def _not_places() -> re.Pattern[str]:
    """Words that hold a place's short name but mean something else (朝阳产业, 普洱茶, 宁德时代)."""
    return re.compile(alternation(cues()["regions"]["not_places"]))


_GEO_ENDINGS = ("山", "湖", "河", "江", "海", "岭", "原", "湾", "岛")


@lru_cache(maxsize=32)  # region_mentions and area_compounds read the same spans one after the other
def _compounds(text: str, committee: Committee | None) -> tuple[tuple[int, int, str], ...]:
    """(start, end, name) of the named areas made of a head, optional descriptor words and an area
    word: 成都都市圈, 汉江生态经济带, 沈阳现代化都市圈, 襄十随神城市群 (a run of one-character
    abbreviations), 泸永江融合发展示范区; and the ring areas 环太湖地区 / 环渤海经济圈 (环 + a lake, sea
    or mountain + an area word). The name is the whole surface."""
    out = []
    found = [(m, ring) for pattern, ring in _suffix_patterns() for m in pattern.finditer(text)]
    if found:  # (most spans name no area: the words are looked at only when one may)
        words = place_words(text)
        ends = {w.end: w for w in words}
        # 湾区 of 粤港澳大湾区: an area word inside a named area's own word starts no compound
        inside_areas = {i for w in words if w.text in area_names() for i in range(w.start + 1, w.end)}
    for m, ring in found:
        if m.start() in inside_areas:
            continue
        if ring:
            prev = ends.get(m.start())
            if (prev is not None and prev.start > 0 and text[prev.start - 1] == "环"
                    and prev.text.endswith(_GEO_ENDINGS)):
                out.append((prev.start - 1, m.end(), text[prev.start - 1 : m.end()]))
            continue
        head_end = _before_descriptors(text, m.start())
        start = _head_start(text, head_end, ends, committee, described=head_end < m.start())
        if start is not None:
            start = start - 1 if start > 0 and text[start - 1] == "环" else start
            start = _joined_head(text, start, ends, committee)
            out.append((start, m.end(), text[start : m.end()]))
            river = ends.get(start) if m.group() in cues()["regions"]["shared_suffixes"] else None
            if river is not None and _is_river(river.text):  # 大盈江龙川江流域: two basins, one word after both
                out.append((river.start, river.end, river.text + m.group()))
    # 洋浦港, 海沧港区, 崖州湾科技城: a place and a generic word (kg/data/place_area_suffixes.tsv)
    out += _place_areas(text, committee)
    # a park two countries built keeps their abbreviations (中马钦州产业园区); an area abroad is none
    # (马来西亚关丹产业园区)
    foreign = foreign_positions(text)
    return tuple((joint_prefix(text, start), end, text[joint_prefix(text, start) : end])
                 if name == text[start:end] else (start, end, name)  # (大盈江流域 of 大盈江龙川江流域)
                 for start, end, name in out if start not in foreign)


@lru_cache(maxsize=32)
def _place_areas(text: str, committee: Committee | None) -> list[tuple[int, int, str]]:
    """Named areas of a place and a generic word, none abroad; region_mentions and area_compounds read the same
    spans."""
    foreign = foreign_positions(text)
    areas = place_named_areas(text, place_words(text), _resolver(committee), committee)
    return [a for a in areas if a[0] not in foreign]


def _resolver(committee: Committee | None):
    return lambda head: resolve_word(head, committee) or unique_county(head)


_HEAD_JOINTS = "—－-–"


def _joined_head(text: str, start: int, ends: dict[int, Word], committee: Committee | None) -> int:
    """西宁—海东都市圈, 澜沧江—湄公河流域: an area named by two places or rivers joined by a dash keeps its full
    name."""
    before = ends.get(start - 1) if start > 1 and text[start - 1] in _HEAD_JOINTS else None
    named = before is not None and (resolve_word(before.text, committee) or _is_river(before.text))
    return before.start if named else start


def _is_river(word: str) -> bool:
    """大盈江, 澜沧江: a river's name (a word of two characters or more ending in 江 or 河, no generic water)."""
    return len(word) >= 2 and word[-1] in "江河" and not generic_geo(word)


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


def _head_start(text: str, end: int, ends: dict[int, Word], committee: Committee | None,
                described: bool = False) -> int | None:
    """The start of an area's head ending at ``end``: a place (成都), a geographic name (汉江), or a
    run of one-character abbreviations of places (襄十随神), one of which at least is read (泸永江 at
    永川: 永 and 江 are the committee's neighbours, 泸 a city of the next province)."""
    prev = ends.get(end)
    if prev is not None and len(prev.text) >= 2 and resolve_word(prev.text, committee):
        return prev.start
    if prev is not None and len(prev.text) >= 2 and prev.text.endswith(_GEO_ENDINGS):
        if not generic_geo(prev.text) and prev.text not in cues()["regions"]["area_descriptions"]:
            return prev.start  # 汉江, 贺兰山; a description of the land (高原城市群, 平原地区) names no area
        # 星江河流域: a character jieba left before a generic word is the river's own name; 运河经济带 names none
        name = ends.get(prev.start)
        return name.start if name is not None and len(name.text) == 1 and may_be_in_name(name.text) else None
    if described and prev is not None and len(prev.text) >= 3 and is_name_word(prev.text):
        return prev.start  # 柴达木循环经济试验区: a proper name the dictionary knows rarely, a descriptor after it
    paired = _paired_name(text, end)
    if paired is not None:
        return paired
    start, read = end, False
    while start > 0 and end - start < LONGEST_RUN and is_initial(text[start - 1]):
        read = read or abbreviated(text[start - 1], committee) is not None
        start -= 1
    return start if end - start >= 2 and read else None


def _paired_name(text: str, end: int) -> int | None:
    """川渝高竹新区: a new area named by a pair of provincial-level abbreviations and a two-character name."""
    start = end - _PAIRED_NAME
    name = text[max(0, start) : end]
    if (start < _PAIR or len(name) != _PAIRED_NAME or not all(may_be_in_name(c) for c in name)
            or dictionary_frequency(name) > 0):
        return None  # (琼港合作示范区: 合作 is a word, no name)
    run = start
    while run > 0 and start - run < LONGEST_RUN and text[run - 1] in province_abbreviations():
        run -= 1
    return run if start - run >= _PAIR and len(set(text[run:start])) == start - run else None


_PAIR = 2
_PAIRED_NAME = 2


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
    for start, end, name in _compounds(text, committee):
        s = Span(span.start + start, span.start + end)
        out.append(RegionMention(name, None, s, s.slice(src.text)))
    return bounded(out)


def unit_regions(src: Source, unit_span: Span, unit_value: str, committee: Committee | None) -> list[RegionMention]:
    """The place in a unit's name (平遥县政协 → 平遥县, 民革晋中市委 → 晋中市), and its township
    (驼峰乡政协委员联络组 → 驼峰乡)."""
    gaz = gazetteer()
    context = committee_region(committee)
    township = unit_township_mentions(src, unit_span, unit_value)
    for size in range(min(len(unit_value), 9), 1, -1):
        for i in range(0, len(unit_value) - size + 1):
            region = gaz.resolve(unit_value[i : i + size], context)
            if region and region.code and size >= 3:
                return [RegionMention(region.name, region.code, unit_span, unit_span.slice(src.text)), *township]
    return township
