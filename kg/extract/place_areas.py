"""Named areas made of a place and a generic word: 洋浦港, 海沧港区, 宁波舟山港, 昆山开发区, 崖州湾科技城,
高邮湖 (kg/data/place_area_suffixes.tsv).

The head must be a place (the gazetteer's name or short name, read as regions.py reads words), maybe
followed by one geographic character (崖州湾), and may be preceded by another place (宁波舟山港). The
generic word must end a word of the text (港口, 山区 are other words) and the whole must not itself be
a region's name (连云港, 张家港). jieba may keep the whole as one word (太仓港) or split it: the head is
read from the characters, not from the words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from kg.extract.natural_features import natural_features
from kg.extract.place_words import place_words
from kg.extract.proper_areas import proper_areas, unit_township
from kg.extract.proposer import committee_region
from kg.extract.province_parts import province_parts
from kg.extract.town_areas import described_areas, named_by_a_pair, whole_word_towns
from kg.gazetteer import Region, gazetteer
from kg.lexicon import alternation, cues, named_area_kinds, place_area_suffixes
from kg.read import Source
from kg.records import Committee, RegionMention, Span
from kg.words import Word, dictionary_frequency, is_common_noun

_HEAD_SIZES = (4, 3, 2)
GEO_CHARS = "湾江湖山岛河"

Resolver = Callable[[str], Region | None]


@cache
def _suffix_pattern() -> re.Pattern[str]:
    return re.compile(alternation(place_area_suffixes()))


def place_named_areas(text: str, words: tuple[Word, ...], resolve: Resolver,
                      committee: Committee | None = None) -> list[tuple[int, int, str]]:
    """(start, end, name) of each named area of a place and a generic word in ``text``, and the coined ones."""
    found = list(_suffix_pattern().finditer(text))
    starts = {w.start for w in words} if found else set()  # (the words are looked at only where a generic word is)
    ends = {w.end for w in words} if found else set()
    gaz = gazetteer()
    out: list[tuple[int, int, str]] = []
    for m in found:
        if m.end() not in ends:
            continue  # 港口, 山区, 湖泊: the generic word starts a longer word
        start = _head_start(text, m.start(), resolve)
        if start is None:
            continue
        if start not in starts:
            continue  # the head starts inside a word (目前海岛: no 前海岛; 香港: no 香 head)
        head = resolve(text[start : m.start()])
        if head is not None and named_area_kinds().get(head.name) == place_area_suffixes()[m.group()]:
            continue  # 东滩湿地, 六横岛: the generic word only says what the named area is
        if head is not None or text[m.start() - 1] not in GEO_CHARS:
            start = _with_place_before(text, start, resolve)  # (三亚崖州湾科技城: a bay's name stands alone)
        name = text[start : m.end()]
        if name in gaz.by_name or name in gaz.by_short:
            continue  # 连云港, 张家港: a region's own name
        out.append((start, m.end(), name))
    out += [a for a in described_areas(text, words, resolve) if not any(s < a[1] and a[0] < e for s, e, _ in out)]
    # a coined area holding a place's area whole is the longer name (贺兰山东麓葡萄酒产区, not 贺兰山)
    coined = [a for a in coined_areas(text, words, committee)
              if all(a[0] <= start and end <= a[1] or end <= a[0] or a[1] <= start for start, end, _ in out)]
    out = [p for p in out if not any(a[0] <= p[0] and p[1] <= a[1] for a in coined)]
    return out + coined


@cache
def _not_name_characters() -> frozenset[str]:
    return frozenset(cues()["regions"]["not_name_characters"])


@lru_cache(maxsize=32)
def coined_areas(text: str, words: tuple[Word, ...], committee: Committee | None = None) -> list[tuple[int, int, str]]:
    """An island, port area or old town no table lists (鱼山岛, 金塘港区, 千灯古镇): two or three
    characters that start a word, that the dictionary knows as no ordinary word (生态岛, 海岛, 保税港区,
    历史古镇), and a generic word (kg/data/cues.toml, regions.coined_areas). A place inside it (泉港区 of
    白泉港区) is none. A mountain or river the text is about is one too (natural_features.py: 天山北坡 names 天山,
    not 天山区), and a part of the committee's own province (province_parts.py: 陕南, 关中)."""
    rules = cues()["regions"]["coined_areas"]
    found = list(_coined_pattern().finditer(text))
    starts = {w.start for w in words} if found else set()
    ends = {w.end for w in words} if found else set()
    gaz = gazetteer()
    out = []
    for m in found:
        if m.end() not in ends:
            continue
        rule = rules[m.group()]
        for size in range(2, rule["longest_name"] + 1):
            start = m.start() - size
            head = text[start : m.start()]
            if (start in starts and start >= 0 and not is_common_noun(head)
                    and dictionary_frequency(head + m.group()) == 0 and head + m.group() not in gaz.by_name
                    and _HANZI.fullmatch(head)
                    and ((dictionary_frequency(head) <= rule["max_frequency"] and head not in gaz.by_short
                          and not set(head) & _not_name_characters())
                         or (rule.get("far_place_head") and _only_far_away(head, committee)))):
                out.append((start, m.end(), head + m.group()))
                break
    taken = {i for start, end, _ in out for i in range(start, end)}
    own = committee_region(committee)
    home = own.code[:2] if own is not None and own.code else None
    out += [a for a in proper_areas(text, words, home) + whole_word_towns(text, words)
            if not taken.intersection(range(a[0], a[1])) and not named_by_a_pair(a[2], committee)]
    # (贺兰山东麓葡萄酒产区 is the produce region's, not the mountain's)
    out += [f for f in natural_features(text, words) if not any(s < f[1] and f[0] < e for s, e, _ in out)]
    return out + [p for p in province_parts(text, words, own) if not any(s < p[1] and p[0] < e for s, e, _ in out)]


_HANZI = re.compile(r"[\u4e00-\u9fff]+")


def _only_far_away(short: str, committee: Committee | None) -> bool:
    """Every place of this short name lies in another province than the committee's, and one is more than a city's
    district (大同 at 赤水; 江南 of 江南古镇, only a district's short name, is the land south of the Yangtze)."""
    own = committee_region(committee)
    places = gazetteer().by_short.get(short, ())
    return bool(places) and own is not None and bool(own.code) and all(
        r.code and r.code[:2] != own.code[:2] for r in places) and not all(r.name.endswith("区") for r in places)


@cache
def _coined_pattern() -> re.Pattern[str]:
    return re.compile(alternation(cues()["regions"]["coined_areas"]))


def head_places(text: str, areas: list[tuple[int, int, str]], resolve: Resolver,
                committee: Committee | None = None) -> list[tuple[int, int, Region]]:
    """钦州港 → 钦州市: the place that heads a named area, where it is the whole head (no bay's); an area
    headed by a proper name (和顺古镇, 东湖新技术开发区) names no place."""
    out = []
    coined = set(coined_areas(text, place_words(text), committee))
    for start, end, name in areas:
        if (start, end, name) in coined:
            continue
        for size in _HEAD_SIZES:
            region = resolve(text[start : start + size]) if start + size < end else None
            if region is not None and region.code and text[start + size] not in GEO_CHARS:
                out.append((start, start + size, region))
                break
    return out


def _head_start(text: str, end: int, resolve: Resolver) -> int | None:
    """Where the place before a generic word starts (崖州湾: a place and a geographic character)."""
    for stop in (end, end - 1):
        if stop < end and (stop < 1 or text[stop] not in GEO_CHARS):
            continue
        for size in _HEAD_SIZES:
            if stop - size >= 0 and resolve(text[stop - size : stop]) is not None:
                return stop - size
    return None


def _with_place_before(text: str, start: int, resolve: Resolver) -> int:
    """宁波舟山港: a place right before the head belongs to the area's name."""
    for size in _HEAD_SIZES:
        if start - size >= 0 and resolve(text[start - size : start]) is not None:
            return start - size
    return start


def unit_township_mentions(src: Source, unit_span: Span, unit_value: str) -> list[RegionMention]:
    """The township of a byline unit (驼峰乡政协委员联络组 → 驼峰乡), where the unit's text is its value."""
    found = unit_township(unit_value)
    if found is None:
        return []
    start, end, name = found
    span = Span(unit_span.start + start, unit_span.start + end)
    if unit_span.slice(src.simple) != unit_value:
        span = unit_span  # (a completed unit: 昔阳政协 → 昔阳县政协)
    return [RegionMention(name, None, span, span.slice(src.text))]

