"""Region links: places joined in one clause around a link word (太原晋中一体化, 与太原共建, 宁镇扬都市圈同城化),
as pairs (record-format.md), from the mentions regions.py found."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from itertools import combinations, pairwise, permutations

from kg.extract.partner_links import partner_pairs
from kg.extract.proposer import committee_region
from kg.gazetteer import Region, gazetteer
from kg.lexicon import alternation, cues, named_area_kinds, place_area_suffixes, province_abbreviations
from kg.read import Source
from kg.records import Committee, RegionMention, Span

_CLAUSE_BREAK = re.compile(r"[，,。；;！？!?\n]|\s{1,}")
_COMPARISON = re.compile(r"(?:与|和|同|跟|比照|对照)[^，,。；;]{1,30}(?:相比|相较|比较)")


def region_links(src: Source, spans: list[Span], mentions: list[RegionMention],
                 committee: Committee | None) -> list[tuple[str, ...]]:
    """Places joined in one clause around a link word (一体化, 共建, 毗邻区 …), as pairs, each once.

    Only the parties to the link count: a place inside a longer mention (成都 of 成都都市圈), a place
    that contains another member (我省 beside 济南、淄博) and, beside two places, the named area the
    link serves (廣佛同城化是粵港澳大灣區建設的…) are left out; and a link that only restates a finer
    one at a coarser level (闽粤 beside 大埔县-龙岩市) goes.
    """
    if not mentions:
        return []
    link_words = _link_words()
    own = committee_region(committee)
    ports = city_ports(mentions, src.simple)
    mentions = [m for m in mentions if id(m) not in ports]  # 大连港营口港港航一体化 joins 大连市 and 营口市
    mentions = _outside_clusters(mentions)
    outermost = [m for m in mentions if not any(_inside(m.span, o.span) for o in mentions if o is not m)]
    groups = _group_areas(mentions) if committee is not None and committee.level == "national" else []
    links: list[tuple[str, ...]] = []
    weak: set[tuple[str, ...]] = set()
    starts = sorted(m.span.start for m in mentions)
    for span in spans:
        text = span.slice(src.simple)
        start = 0
        for m in [*_CLAUSE_BREAK.finditer(text), None]:
            end = m.start() if m else len(text)
            clause_start, start = start, m.end() if m else len(text)
            first = bisect_left(starts, span.start + clause_start)
            if first == len(starts) or starts[first] >= span.start + end:
                continue  # (no place in the clause: nothing to join)
            spread = _spread_words().search(text, clause_start, end)  # 推广到西吉县、海原县: joined to none
            if spread and spread.group().startswith("在") and link_words.search(spread.group()):
                spread = None  # (在固原与庆阳合作中推广: the places' own link)
            clause = Span(span.start + clause_start, span.start + (spread.start() if spread else end))
            ctext = clause.slice(src.simple)
            if not link_words.search(ctext) and not _is_run(outermost, clause) and not _within(groups, clause):
                continue  # (a run of abbreviations was read only before a relation word: 闽台‘通、惠、情’融合)
            for pair in _heading_run_pairs(mentions, clause, link_words, src.simple, own, _within(groups, clause)):
                if pair not in links:
                    links.append(pair)
            if _COMPARISON.search(ctext):
                continue  # 与长三角一体化发展的要求相比: a yardstick, no partner
            partners = partner_pairs(src.simple, clause, outermost, own)
            if partners is not None:  # 西安与铜川、渭南的产业协作: the head with each partner
                links += [p for p in partners if p not in links]
                continue
            runs = _runs(outermost, clause)
            if len(runs) >= 2:  # 川渝、黔桂等沿线地区协同: each group's members are partners of each other
                links += [p for p in dict.fromkeys(p for r in runs for p in _pairs(r, None)) if p not in links]
                continue
            run = _is_run(outermost, clause)
            members = _parties(_members(outermost, clause, src.simple), nested=run)
            if own and own.level != "province" and "与" in ctext and own.name not in members:
                # 我市与太原共建 / 与广德市共建浙皖毗邻区域: the committee's place is the other side
                # (and the province it lies in, named beside, stands for it).
                others = [n for n in members if n not in _ancestor_names(own.name)]
                if len(others) == 1 and _before_with(src.simple, clause, outermost, others[0]):
                    continue  # 北部湾港与关丹港合作: the partner after 与 is no region read
                if len(others) == 1:
                    members = [own.name, *others]
                elif _all_after_with(src.simple, clause, outermost):
                    # 与泸州、江津共建: the places after 与 are one side, the committee's place the other,
                    # where the speech names it (a speech about one of its counties does not) or the
                    # committee is a county's, which has no counties below it
                    if own.level != "county" and not any(m.name == own.name for m in mentions):
                        continue
                    members = [own.name, *others]
                run = False
            counted = {w.group() for w in link_words.finditer(ctext)} <= _COUNT_LINKS
            for pair in _pairs(members, None if run else own) + _run_pairs(outermost, clause, members):
                if pair not in links:
                    links.append(pair)
                    if counted:
                        weak.add(pair)
    links += [p for p in _zone_city_pairs(mentions, src.simple) if p not in links]
    # 港澳台同胞交流: a group said as one word (its members share one span) joins no link of its own members
    grouped = {tuple(sorted((a.name, b.name), key=_code_of)) for a in mentions for b in mentions
               if a.span == b.span and a.name != b.name}
    links = [p for p in links if p not in grouped]
    named = _named_pairs(src.simple, mentions)
    # (a pair only counted, 成都、重庆两地, restates no other: 川渝两地…协作 stays beside it)
    return [g for g in links if not any(h != g and h not in weak and _restates(g, h)
                                        and not (g in named and not set(g) & set(h)) for h in links)]


# link words that only count the places (大兴、廊坊两地): their pair is the clause's, finer than no other
_COUNT_LINKS = frozenset({"两地"})


def _zone_city_pairs(mentions: list[RegionMention], simple: str) -> list[tuple[str, ...]]:
    """陕甘宁红色旅游协作区 and, in the body, 固原 and 庆阳: the speech is about a cooperation zone of provinces, and
    the one city it names in each of two or more of them are the zone's partners there."""
    provinces: set[str] = set()
    for run in abbreviation_runs(mentions):
        codes = {m.code[:2] for m in run if m.code and _level_of(m.name) == "province"}
        if len(run) >= 2 and len(codes) == len(run) and _cooperation_zone().match(simple, run[-1].span.end):
            provinces |= codes
    if not provinces:
        return []
    cities: dict[str, set[str]] = {}
    for m in mentions:
        if m.code and m.code[:2] in provinces and m.span.end - m.span.start > 1 and _level_of(m.name) == "prefecture":
            cities.setdefault(m.code[:2], set()).add(m.name)
    if len(cities) < 2 or any(len(names) > 1 for names in cities.values()):
        return []  # (several cities of one province: which is whose partner the speech does not say)
    return [tuple(sorted(pair, key=_code_of)) for pair in combinations(sorted(n for (n,) in cities.values()), 2)]


@cache
def _cooperation_zone() -> re.Pattern[str]:
    return re.compile(rf"[\u4e00-\u9fff]{{0,6}}?(?:{alternation(cues()['regions']['cooperation_zones'])})")


def abbreviation_runs(mentions: list[RegionMention]) -> list[list[RegionMention]]:
    """The one-character mentions in runs of characters that follow each other (襄十随, 武鄂黄黄), in text order."""
    singles = sorted((m for m in mentions if m.span.end - m.span.start == 1), key=lambda m: m.span)
    runs: list[list[RegionMention]] = []
    for m in singles:
        if runs and runs[-1][-1].span.end == m.span.start:
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _run_pairs(mentions: list[RegionMention], clause: Span, members: list[str]) -> list[tuple[str, str]]:
    """支持齐齐哈尔融入哈大齐一体化: a run of abbreviations in a clause that names more places still makes every two of
    its members partners (哈大齐 joins 大庆 and 齐齐哈尔, though 齐齐哈尔 is named before it too)."""
    pairs: list[tuple[str, str]] = []
    for run in abbreviation_runs([m for m in mentions if _inside(m.span, clause) or m.span == clause]):
        names = list(dict.fromkeys(m.name for m in run))
        if len(names) >= _PAIR and all(n in members for n in names):
            pairs += [tuple(sorted(p, key=_code_of)) for p in combinations(names, 2)]
    return pairs


_PAIR = 2


def _outside_clusters(mentions: list[RegionMention]) -> list[RegionMention]:
    """The mentions but those of a cluster name whose characters repeat (武鄂黄黄, its members read from a list
    nearby: clusters.py): the name gives the members, not their links; the text's own pairs give those."""
    runs = abbreviation_runs(mentions)
    clustered = {id(m) for run in runs if len({m.surface for m in run}) < len(run) for m in run}
    return [m for m in mentions if id(m) not in clustered]


def city_ports(mentions: list[RegionMention], simple: str) -> dict[int, str]:
    """The ids of ports and zones named after a city, with the city (大连港, 营口港, 银川经开区: the city's short
    name and a generic word of kg/data/place_area_suffixes.tsv, a named area with the city's mention inside): in a
    link the city is the party. A port named with its port areas (厦门港海沧港区) or after a provincial-level city
    (上海港) is left as it is."""
    cities = {m.span.start: m for m in mentions if m.code and _level_of(m.name) == "prefecture"}
    areas = {m.span.start for m in mentions if m.code is None and m.name.endswith("港区")}
    return {id(m): cities[m.span.start].name for m in mentions
            if m.code is None and m.span.start in cities and m.span.end not in areas
            and place_area_suffixes().get(simple[cities[m.span.start].span.end : m.span.end]) in _CITY_PARTS}


# the kinds of generic words that make a part of a city standing for it in a link (kg/data/place_area_suffixes.tsv)
_CITY_PARTS = frozenset({"port", "zone"})


def linked_ports(mentions: list[RegionMention], simple: str, links: list[tuple[str, ...]]) -> set[int]:
    """The ids of city ports joined in one clause whose cities a link joins (大连港营口港港航一体化): the
    link is the cities', the ports are no regions of their own there."""
    ports = city_ports(mentions, simple)
    found = [m for m in mentions if id(m) in ports]
    out: set[int] = set()
    for a, b in combinations(found, 2):
        between = simple[min(a.span.end, b.span.end) : max(a.span.start, b.span.start)]
        if (tuple(sorted((ports[id(a)], ports[id(b)]), key=_code_of)) in links and not _CLAUSE_BREAK.search(between)
                and _link_words().search(_clause_at(simple, max(a.span.end, b.span.end)))):
            out |= {id(a), id(b)}  # (扬州港与南京港、镇江港分工不够明确: no link of theirs in the clause)
    return out


def _clause_at(simple: str, at: int) -> str:
    """The clause of ``simple`` around position ``at``."""
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(simple, max(0, at - 200), at)), default=max(0, at - 200))
    end = _CLAUSE_BREAK.search(simple, at)
    return simple[start : end.start() if end else len(simple)]


def _level_of(name: str) -> str | None:
    regions = [r for r in gazetteer().by_name.get(name) or [] if r.code]
    return regions[0].level if regions else None


def _named_pairs(simple: str, mentions: list[RegionMention]) -> set[tuple[str, ...]]:
    """沪苏两地往来, 沪苏同城化: two abbreviations that are the subject of their relation word name their link
    themselves, beside a finer one between places inside both (崇明-启东 at a Shanghai district): the two
    provinces' relation as a whole. 闽粤毗邻地区合作 describes an area, and a pair that only widens one side
    of a finer link (川渝合作 beside 成都-重庆, 津承 beside 河西区-承德市) restates it."""
    out = set()
    for a, b in pairwise(mentions):
        if a.span.end == b.span.start and a.span.end - a.span.start == 1 and b.span.end - b.span.start == 1:
            m = _subject_relation().match(simple, b.span.end)
            if m and a.name != b.name:
                out.add(tuple(sorted((a.name, b.name), key=_code_of)))
    return out


@cache
def _subject_relation() -> re.Pattern[str]:
    # a relation word right after the pair (after a count), not one that describes an area (毗邻, 合作区)
    area = cues()["regions"]
    relations = [r for r in area["pair_relations"] if r not in area["area_relations"]]
    return re.compile(rf"(?:{alternation(area['pair_counts'])})?(?:{alternation(relations)})"
                      rf"(?!{alternation(area['area_suffixes'] + area['ring_suffixes'])})")


def _group_areas(mentions: list[RegionMention]) -> list[RegionMention]:
    """Named areas headed by a run of provincial-level divisions (粤港澳大湾区 read as 广东, 香港, 澳门 at the
    national committee)."""
    singles = [m for m in mentions if m.span.end - m.span.start == 1 and _level_of(m.name) == "province"]
    return [a for a in mentions if a.code is None and sum(1 for m in singles if _inside(m.span, a.span)) >= 2]


def _within(mentions: list[RegionMention], clause: Span) -> list[RegionMention]:
    return [m for m in mentions if clause.start <= m.span.start and m.span.end <= clause.end]


def _heading_run_pairs(mentions: list[RegionMention], clause: Span, link_words: re.Pattern[str],
                       simple: str, own: Region | None, groups: list[RegionMention]) -> list[tuple[str, ...]]:
    """厦漳泉都市圈同城化: the places of a run of abbreviations heading a named area, followed by a link
    word, are linked each with each (the area is what they build together, ``_pairs``); where the
    committee's place is one of them, the speech is about its place in the area: the committee's place
    with each other one (襄十随神城市群 at 襄阳, 泸永江融合发展示范区 at 永川)."""
    out: list[tuple[str, ...]] = []
    for area in mentions:
        if area.code is not None or not (clause.start <= area.span.start and area.span.end <= clause.end):
            continue
        run = [m.name for m in mentions if m.span.end - m.span.start == 1 and _inside(m.span, area.span)]
        run = list(dict.fromkeys(run))
        # at the national committee a group of provinces heading an area is the speech's topic, its members the
        # parties, unless the area is itself a party beside another (长三角与粤港澳大湾区联动发展)
        others = [m for m in mentions if m.code is None and m is not area and not _inside(m.span, area.span)
                  and not _inside(area.span, m.span) and clause.start <= m.span.start and m.span.end <= clause.end]
        grouped = area in groups and not others
        # (嘉昆太协同创新核心圈: the relation word may be the area's own, after the run)
        run_end = max((m.span.end for m in mentions if m.span.end - m.span.start == 1 and _inside(m.span, area.span)),
                      default=area.span.end)
        if len(run) >= 2 and (grouped or (link_words.search(simple, run_end, clause.end) and not others)):
            out += _pairs(run, own if own is not None and own.name in run else None)
    return out


@cache
def _spread_words() -> re.Pattern[str]:
    """推广到 …, and 在 … 推广 (where the places stand between 在 and the spreading word)."""
    area = cues()["regions"]
    after = alternation(area["spread_after_places"])
    return re.compile(rf"(?:{alternation(area['spread'])})|在[^，,。；;]{{1,30}}?(?:{after})")


@cache
def _link_words() -> re.Pattern[str]:
    return re.compile(alternation(cues()["regions"]["link"]))


def _all_after_with(simple: str, clause: Span, mentions: list[RegionMention]) -> bool:
    """与 comes before every place of the clause (与A、B等…合作)."""
    starts = [m.span.start for m in mentions if clause.start <= m.span.start and m.span.end <= clause.end]
    at = simple.find("与", clause.start, clause.end)
    return bool(starts) and at != -1 and at < min(starts)


def _before_with(simple: str, clause: Span, mentions: list[RegionMention], name: str) -> bool:
    """Every mention of ``name`` in the clause comes before its 与 (the subject of 与X合作, not X)."""
    at = simple.find("与", clause.start, clause.end)
    starts = [m.span.start for m in mentions if m.name == name and clause.start <= m.span.start < clause.end]
    return at != -1 and bool(starts) and max(starts) < at


def _pairs(members: list[str], own: Region | None) -> list[tuple[str, str]]:
    """A link joins places two by two (record-format.md): with the committee's place among three or
    more listed places (我市与十堰、随州协同发展, 兰州、白银、定西三地合作 at 定西), the committee's place with
    each other one; else each place with the next (长春、四平、辽源三市协同发展). A run of abbreviations
    (厦漳泉一体化, 襄十随一体化) is given without ``own``: the group's name makes its members partners
    of each other alike, so every place is linked with every other."""
    if own is None:
        pairs = list(combinations(members, 2))
    elif own.name in members and len(members) > 2:
        pairs = [(own.name, other) for other in members if other != own.name]
    else:
        pairs = list(pairwise(members))
    return [tuple(sorted(pair, key=_code_of)) for pair in pairs]


def _is_run(mentions: list[RegionMention], clause: Span) -> bool:
    """The clause's places are one run of one-character abbreviations (襄十随一体化)."""
    inside = [m.span for m in mentions if clause.start <= m.span.start and m.span.end <= clause.end]
    return len(inside) >= 2 and all(s.end - s.start == 1 for s in inside) and all(
        a.end == b.start for a, b in pairwise(inside))


def _runs(mentions: list[RegionMention], clause: Span) -> list[list[str]]:
    """The runs of one-character abbreviations of a clause whose places are all in such runs (川渝、黔桂)."""
    inside = [m for m in mentions if clause.start <= m.span.start and m.span.end <= clause.end]
    if not inside or any(m.span.end - m.span.start != 1 for m in inside):
        return []
    runs: list[list[str]] = [[inside[0].name]]
    for a, b in pairwise(inside):
        if a.span.end == b.span.start:
            runs[-1].append(b.name)
        else:
            runs.append([b.name])
    return runs if all(len(r) >= 2 for r in runs) else []


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and inner != outer


def _members(mentions: list[RegionMention], clause: Span, simple: str) -> list[str]:
    """The places of the clause, but a named area whose part in a place is named (亦庄新城大兴片区: the part's place,
    大兴区, is the party)."""
    inside = [m for m in mentions if clause.start <= m.span.start and m.span.end <= clause.end]
    parts = {m.span.start for m in inside if m.code and simple.startswith(_PART_WORDS, m.span.end)}
    return [m.name for m in inside if m.code or m.span.end not in parts]


# A place's part of a named area that lies across several (亦庄新城大兴片区)
_PART_WORDS = ("片区", "板块", "组团")


# Kinds of named areas that are spots within a place: parties to a link only with no place beside them
# (普陀山朱家尖联动发展); old towns and historic districts, inside a town, never (乔家大院、王家大院联动发展).
_SPOT_KINDS = frozenset({"island", "scenic-area", "lake", "wetland", "mountain"})
_INSIDE_TOWN_KINDS = frozenset({"old-town", "historic-district"})


def _parties(names: list[str], nested: bool = False) -> list[str]:
    """The places a link joins (spots only where the clause joins nothing else). A place that holds another is
    its frame (我省 beside 济南、淄博), unless the two are ``nested`` in one run of abbreviations (银贺同城化 at 贺兰县:
    the county and its own city are the pair)."""
    names = [n for n in dict.fromkeys(names) if named_area_kinds().get(n) not in _INSIDE_TOWN_KINDS]
    places = [n for n in names if named_area_kinds().get(n) not in _SPOT_KINDS]
    names = places if places else names
    if not nested:
        names = [n for n in names if not any(other != n and n in _ancestor_names(other) for other in names)]
        names = _without_frames(names)
    places = [n for n in names if _code_of(n) != n]
    return places if len(places) >= 2 else names


def _without_frames(names: list[str]) -> list[str]:
    """A named area headed by abbreviations of provinces beside one of them (川渝高竹新区 beside 全市, 重庆) lies in
    it: the province is its frame, no party; beside two of them (重庆与四川共建川渝高竹新区) the area is what they
    build, and the provinces are the parties."""
    for area in [n for n in names if _code_of(n) == n]:
        named = _abbreviated_provinces(area) & set(names)
        if len(named) >= 2:
            names = [n for n in names if n != area]
        elif named:
            names = [n for n in names if n not in named]
    return names


def _abbreviated_provinces(area: str) -> set[str]:
    """The provincial-level divisions whose abbreviations head a named area (川渝高竹新区 → 四川省, 重庆市)."""
    run = ""
    for char in area:
        if char not in province_abbreviations():
            break
        run += char
    return {province_abbreviations()[c] for c in run} if len(run) >= 2 else set()


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
