"""Runs of one-character abbreviations of places before a relation word: 广佛同城化, 襄十随一体化,
闽台经贸往来, 沪甬港航合作, 深港科技创新合作, 深港澳青年交流.

A character stands for a place of the committee's own province (广 at a Guangdong committee is 广州),
or for a provincial-level division (川, 沪, 港). Beside one of those, a run of two may also name a
city anywhere in China: by a classic abbreviation (甬 for 宁波, kg/data/city_abbreviations.tsv), or by
its first character where no other prefecture-level city shares it (深 for 深圳, 承 for 承德). The run
must be whole words of the text (新青年 holds no 新青) and no ordinary word (长江, 中山)."""

from __future__ import annotations

import re
from functools import cache

from kg.dictionary import user_words
from kg.extract.clusters import listed_members, repeated_runs
from kg.extract.county_abbreviations import counties_run, county_beside, local_initials, own_county
from kg.extract.foreign_places import foreign_positions
from kg.extract.initials import (
    abbreviated,
    abbreviated_city,
    abbreviating_characters,
    beside_a_sar,
    city_beside,
    county_nearby,
    is_initial,
    one_province_reading,
    province_of,
)
from kg.extract.named_city_pairs import named_city_pair, transport_pairs
from kg.extract.neighbour_abbreviations import across_municipality_border, provincial_pair
from kg.extract.proposer import committee_region
from kg.gazetteer import Region, gazetteer
from kg.lexicon import alternation, city_abbreviations, cues, named_areas, province_abbreviations
from kg.read import Source
from kg.records import Committee, RegionMention, Span
from kg.words import dictionary_frequency, tokens

LONGEST_RUN = 6
# A run that jieba's dictionary knows this often is an ordinary word (长江 18930, 中山 1117), unless it is
# made of provincial-level abbreviations only (港澳 659, 湘鄂 526).
_ORDINARY_RUN_FREQ = 100
# How many characters of topic may stand between a pair and its relation word (深港|科技创新|合作), and after a
# count, which makes the run a pair of places (沪苏两地|青少年科技|交流).
_TOPIC_GAP = 4
# 闽宁镇是闽宁协作的样板: a town named after a pair ends the pair, its 镇 no abbreviation (镇江) of a third place.
_TOWN_WORDS = "镇乡村"
_COUNTED_TOPIC_GAP = 8


@cache
def _relations() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The relation word right after a run (after an optional count, 两地), and within a short topic
    (a longer one after a count: 沪苏两地青少年科技交流)."""
    area = cues()["regions"]
    counts = alternation(area["pair_counts"])
    relations = alternation(area["pair_relations"])
    return (re.compile(rf"(?:{counts})?(?:{relations})"),
            re.compile(rf"(?:[\u4e00-\u9fff]{{1,{_TOPIC_GAP}}}?|(?:{counts})[\u4e00-\u9fff]{{1,{_COUNTED_TOPIC_GAP}}}?"
                       rf"|{_QUOTED_TOPIC})(?:{relations})"))


@cache
def _named_area_spellings() -> frozenset[str]:
    return frozenset(alias for name, aliases in named_areas() for alias in (name, *aliases))


def abbreviation_pairs(src: Source, span: Span, committee: Committee | None) -> list[RegionMention]:
    """广佛同城化 → 广州市 + 佛山市, 襄十随一体化 → 襄阳市 + 十堰市 + 随州市. A run that is a named area
    (京津冀, 长株潭) is that area, found elsewhere."""
    text = span.slice(src.simple)
    direct, after_topic = _relations()
    # a run starts a few characters before a relation word: only those places are looked at
    reach = LONGEST_RUN + _LONGEST_COUNT + _COUNTED_TOPIC_GAP
    national = committee is not None and committee.level == "national"
    # a run is two initials at least; a county's own at home (腾 of 保腾 at 腾冲) counts as one
    initials = abbreviating_characters() | local_initials(committee)
    foreign = foreign_positions(text)  # 马来西亚关丹港港航合作: no 丹东 and 香港 abroad
    starts = sorted({i for m in _relation_words(national).finditer(text)
                     for i in range(max(0, m.start() - reach), m.start() - 1)
                     if text[i] in initials and text[i + 1] in initials and i not in foreign})
    clusters = repeated_runs(text, abbreviating_characters())
    groups = _sar_group_pattern().search(text) is not None
    if not starts and not clusters and not groups:
        return transport_pairs(src, span, set(), committee_region(committee))
    bounds = {i for w in tokens(text) for i in (w.start, w.end)}
    out: list[RegionMention] = []
    taken = 0
    for i in starts:
        run = _run_at(text, i, bounds, direct, after_topic, initials) if i >= taken else None
        if run is None and i >= taken and national:
            run = _group_before_area(text, i, bounds)
        if run is None or (text[i:run] in _named_area_spellings() and text.startswith(_strategies(), run)):
            continue  # 京津冀协同发展 names the state's strategy for the area, no link of its members
        regions = (named_city_pair(text[i:run], text, i)
                   or _read_run(text[i:run], committee, heads_area=bool(_area_after().match(text, run)),
                                listed=_in_a_list_of_runs(text, i, run)))
        if regions is None:  # 武鄂黄黄: a repeated character, read from the places listed nearby
            regions = listed_members(text[i:run], src.simple, span.start + i, span.start + run)
        if regions is not None and _spelled_otherwise(text[i:run], regions, src.simple):
            regions = None
        if regions is not None:
            for pos, region in enumerate(regions, start=i):
                s = Span(span.start + pos, span.start + pos + 1)
                out.append(RegionMention(region.name, region.code, s, s.slice(src.text)))
        taken = run
    read = {m.span.start - span.start for m in out}
    out += _sar_groups(src, span, text, read | foreign, bounds)
    out += transport_pairs(src, span, read, committee_region(committee))  # 杭黄高铁 beside 杭州 and 黄山
    for first, run in clusters:  # 融入武鄂黄黄: a cluster with no relation word after it, whole words of the text
        i = next((b for b in range(first, run - 2) if b in bounds), run)
        members = None if read.intersection(range(i, run)) or run not in bounds else listed_members(
            text[i:run], src.simple, span.start + i, span.start + run)
        for pos, region in enumerate(members or (), start=i):
            s = Span(span.start + pos, span.start + pos + 1)
            out.append(RegionMention(region.name, region.code, s, s.slice(src.text)))
    return bounded(sorted(out, key=lambda m: m.span))


@cache
def _sar_group_pattern() -> re.Pattern[str]:
    return re.compile(alternation(cues()["regions"]["sar_groups"]))


def _sar_groups(src: Source, span: Span, text: str, read: set[int], bounds: set[int]) -> list[RegionMention]:
    """港澳同胞, 港澳市场, 与港澳地区合作: 港澳 (港澳台) starting a word is 香港 and 澳门 (and 台湾) with no relation
    word after it, where no run read it and no abbreviation stands right before it (粤港澳大湾区 is the named
    area's). Each member spans the whole group: a group said as one word joins no link of its own members."""
    out: list[RegionMention] = []
    for m in _sar_group_pattern().finditer(text):
        before = m.start() - 1  # (a one-character abbreviation word right before: 深港澳, a run of its own)
        if m.start() not in bounds or read.intersection(range(m.start(), m.end())) or (
                before in bounds and before >= 0 and is_initial(text[before])):
            continue
        s = Span(span.start + m.start(), span.start + m.end())  # (the group's span: no run of abbreviations)
        for char in m.group():
            region = gazetteer().resolve(province_abbreviations()[char])
            if region is not None:
                out.append(RegionMention(region.name, region.code, s, s.slice(src.text)))
    return out


_LONGEST_COUNT = 3  # 两省市
# 闽台‘通、惠、情’融合: a quoted slogan as the topic between a pair and its relation word
_QUOTED_TOPIC = r"[‘“「『][^’”」』]{1,12}[’”」』]"


@cache
def _relation_words(national: bool) -> re.Pattern[str]:
    """What may follow a run: a relation word, a count (黔桂两省区), at the national committee an area word
    (粤港澳大湾区)."""
    area = cues()["regions"]
    areas = area["group_areas"] if national else []
    return re.compile(alternation(area["pair_relations"] + area["pair_counts"] + areas))


# Mentions of one region kept per span: every place a normal speech names is kept, and no input (a text of
# one endless line) grows the graph's mentions beyond a fixed number per region.
MENTIONS_PER_REGION = 12


def bounded(mentions: list[RegionMention]) -> list[RegionMention]:
    """The first MENTIONS_PER_REGION mentions of each region, in order."""
    seen: dict[str, int] = {}
    kept = []
    for m in mentions:
        seen[m.name] = seen.get(m.name, 0) + 1
        if seen[m.name] <= MENTIONS_PER_REGION:
            kept.append(m)
    return kept


def _run_at(text: str, start: int, bounds: set[int], direct: re.Pattern[str],
            after_topic: re.Pattern[str], local: frozenset[str] = frozenset()) -> int | None:
    """Where a run of abbreviations starting at ``start`` ends, when a relation word follows it."""
    if start not in bounds:
        return None
    end = start
    while end < len(text) and end - start < LONGEST_RUN and (is_initial(text[end]) or text[end] in local):
        end += 1
    if text.startswith(_people_words(), end):
        return None  # 港澳台同胞交流: the run names where people come from, no places joined
    end = start
    while end < len(text) and end - start < LONGEST_RUN and (is_initial(text[end]) or text[end] in local):
        end += 1
    for stop in range(start + 2, end + 1):  # the shortest run that a relation word follows
        if stop in bounds and direct.match(text, stop):
            return stop
        if stop in bounds and (text.startswith(_counts(), stop) or (
                _provincial(text[start:stop]) and _listed_groups().match(text, stop))):
            return stop  # 黔桂两省区铁路运能偏紧, 京张两地联合打造: places counted are a pair without a relation word
            # (川渝、黔桂等沿线地区协同: groups of provinces listed before 等 share the relation word after it)
    for stop in range(end, start + 1, -1):  # the longest run that a relation word follows after a topic
        if (stop in bounds and after_topic.match(text, stop) and not text.startswith(_area_words(), stop)
                and not (stop - start > 2 and text[stop - 1] in _TOWN_WORDS)):
            return stop  # (襄十随神城市群协同发展: a run that heads a named area is the area's)
    return None


@cache
def _people_words() -> tuple[str, ...]:
    return tuple(cues()["regions"]["pair_people"])


@cache
def _area_words() -> tuple[str, ...]:
    area = cues()["regions"]
    return tuple(area["area_suffixes"] + area["area_descriptors"])


@cache
def _area_after() -> re.Pattern[str]:
    """泸永江|融合发展示范区: an area word a few characters after a run, which then heads a named area."""
    return re.compile(rf"[\u4e00-\u9fff]{{0,6}}?(?:{alternation(cues()['regions']['area_suffixes'])})")


def _provincial(run: str) -> bool:
    return all(c in province_abbreviations() for c in run)


@cache
def _strategies() -> tuple[str, ...]:
    return tuple(cues()["regions"]["area_strategies"])


@cache
def _listed_groups() -> re.Pattern[str]:
    provinces = "".join(province_abbreviations())
    relations = alternation(cues()["regions"]["pair_relations"])
    return re.compile(rf"(?:、[{provinces}]{{2,3}})*等[一-鿿]{{0,6}}?(?:{relations})")


@cache
def _counts() -> tuple[str, ...]:
    return tuple(cues()["regions"]["pair_counts"])


@cache
def _lexicon_words() -> frozenset[str]:
    return frozenset(user_words())


def _group_before_area(text: str, start: int, bounds: set[int]) -> int | None:
    """粤港澳大湾区, 京津冀地区 at the national committee: a group of provincial-level divisions heading an
    area is what the speech is about, its members each a party (a local committee's 对接粤港澳大湾区
    names a destination, no members)."""
    end = start
    while end < len(text) and end - start < LONGEST_RUN and text[end] in province_abbreviations():
        end += 1
    if end - start < 2 or not text.startswith(_group_areas(), end):
        return None
    # (粤港澳大湾区 may be one word of the text: the named area the group heads)
    named = any(text.startswith(name, start) and name.startswith(text[start:end]) for name in _named_area_spellings())
    return end if end in bounds or named else None


@cache
def _group_areas() -> tuple[str, ...]:
    return tuple(cues()["regions"]["group_areas"])


def _read_run(run: str, committee: Committee | None, heads_area: bool = False,
              listed: bool = False) -> list[Region] | None:
    """The places of a run, or None when it is a named area (unless a group of provincial-level divisions:
    京津冀协同创新 joins 北京, 天津 and 河北), an ordinary word or not all read. A run ``listed`` among others
    (京玉、沪果、鲁北等结对: partner pairs of provinces and the committee's prefectures) reads no far-away city by its
    first character (北 is no 北海 there)."""
    provincial = _provincial(run)
    if run in _named_area_spellings() and not (provincial and committee is not None and committee.level == "national"):
        return None  # (京津冀 at a local committee is the area its places belong to)
    gaz = gazetteer()
    if run in gaz.by_short or any(r.code for r in gaz.by_name.get(run, ())) or (
            dictionary_frequency(run) >= _ORDINARY_RUN_FREQ and not provincial and run not in _lexicon_words()):
        return None  # (成渝 is a word only by our own sector table)
    counties = counties_run(run, committee)  # 榆太祁 at 晋中: counties of the committee's city
    regions = counties or [abbreviated(c, committee) for c in run]
    if len(run) == 2 and regions.count(None) == 1 and (not listed or beside_a_sar(regions)):
        # a city far away beside a place read nearby (listed: only beside 香港 or 澳门, 深港、珠澳合作)
        regions = [r or city_beside(c, regions, committee_region(committee)) for c, r in zip(run, regions, strict=True)]
    if len(run) == 2 and regions.count(None) == 1 and committee_region(committee) in regions:
        regions = [r or county_nearby(c, committee) for c, r in zip(run, regions, strict=True)]  # 厦金 at 厦门
    if None in regions and committee_region(committee) is not None and committee_region(committee).level == "county":
        # 嘉昆太 at 昆山: a county of the committee's own city (太仓), or a district across the border (嘉定)
        regions = [r or county_beside(c, committee) for c, r in zip(run, regions, strict=True)]
    if None in regions and not heads_area:  # 嘉昆太 at 嘉定: the places across a municipality's border
        own = committee_region(committee)
        regions = [r or across_municipality_border(c, own) for c, r in zip(run, regions, strict=True)]
    if None in regions:  # 保腾 at 保山: a county of the committee's own city
        regions = [r or own_county(c, committee) for c, r in zip(run, regions, strict=True)]
    if None in regions:  # 广佛同城化, 呼包鄂 at the national committee: cities of one province
        regions = one_province_reading(run) or regions
    if len(run) > 2 and None in regions and any(regions) and not (heads_area or listed) and not _holds_a_name(run):
        regions = [r or abbreviated_city(c) for c, r in zip(run, regions, strict=True)]  # 通武廊: 廊 is 廊坊
    if None in regions or len(set(regions)) < len(regions):
        return None  # 泸永江 at 永川, 泸 unread: no part of the run is read alone
    regions = [_city_among_cities(c, r, regions) for c, r in zip(run, regions, strict=True)]
    provinces = {r.code for r in regions if r.level == "province"}
    # 闽宁协作 at a Fujian committee: a province beside a place inside it is no pair, 宁 is 宁夏 there
    regions = [province_of(c) or r if r.level != "province" and r.province_code in provinces else r
               for c, r in zip(run, regions, strict=True)]
    return provincial_pair(run, regions, committee_region(committee))  # type: ignore[return-value]


def inside_a_run(text: str, start: int, end: int, committee: Committee | None) -> bool:
    """钦北防三市同城化: the two characters at ``start``–``end`` (钦北, a district's short name) and the one beside
    them are a run of abbreviations that a relation word follows and that reads whole (钦州, 北海, 防城港): the
    characters are the run's, no district of their own."""
    direct, _ = _relations()
    for first, last in ((start - 1, end), (start, end + 1)):
        run = text[max(0, first) : last]
        if (first >= 0 and last <= len(text) and all(is_initial(c) for c in run) and direct.match(text, last)
                and _read_run(run, committee)):
            return True
    return False


def _in_a_list_of_runs(text: str, start: int, end: int) -> bool:
    """The run at ``start``–``end`` is an item of a list of runs of abbreviations (京玉、沪果、鲁北等): another run of
    two stands right before it or right after it, 、 between."""
    before = text[max(0, start - 3) : start]
    after = text[end : end + 3]
    return (len(before) == 3 and before[2] == "、" and is_initial(before[0]) and is_initial(before[1])) or (
        len(after) == 3 and after[0] == "、" and is_initial(after[1]) and is_initial(after[2]))


def _city_among_cities(char: str, region: Region, regions: list[Region]) -> Region:
    """宁镇扬 at the national committee: 宁 beside cities of Jiangsu is 南京 (its classic abbreviation), no 宁夏."""
    name = city_abbreviations().get(char)
    city = gazetteer().resolve(name) if name and region.level == "province" else None
    others = [r for r in regions if r is not region]
    if city is None or not city.code or not others:
        return region
    return city if all(r.level != "province" and r.code and r.code[:2] == city.code[:2] for r in others) else region


def _spelled_otherwise(run: str, regions: list[Region], simple: str) -> bool:
    """连马融合 … 连江与马祖交流: the text spells the pair out, and one character starts another name there than the
    place it was read as (马 is 马祖, no 马尾区): the run names places the reading does not know."""
    if len(run) != _PAIR:
        return False
    for k, region in enumerate(regions):
        other = regions[1 - k].short
        for joint in _PAIR_JOINTS:
            at = simple.find(other + joint + run[k])
            if at != -1 and not simple.startswith(region.short, at + len(other) + 1):
                return True
    return False


_PAIR = 2
_PAIR_JOINTS = ("与", "和", "同")


def _holds_a_name(run: str) -> bool:
    """来佛山 holds 佛山: a place's own name inside the characters makes them no run of abbreviations."""
    gaz = gazetteer()
    return any(run[i:j] in gaz.by_short or run[i:j] in gaz.by_name
               for i in range(len(run)) for j in range(i + 2, len(run) + 1))
