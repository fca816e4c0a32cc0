"""Named areas headed by a proper name that is no administrative place: 猴桥口岸, 马站工业园区,
高黎贡山国家级自然保护区, 阅海湿地, 贺兰山东麓葡萄酒产区, 东湖新技术开发区, and the townships a speech names
(界头乡, 曲石镇).

domain.md counts named areas that are not administrative as regions, and record-format.md makes places named
only in passing optional: an area a speech is about must be found, one named in passing costs nothing. No table
can list every park, port and township, so the head is read from the text: the jieba word right before the
generic word (kg/data/cues.toml, regions.proper_areas) when the dictionary tags it as a proper name and knows it
rarely (和顺, 高黎贡山; not 城市, 大型, 生态), or the run of single characters jieba left of a name its dictionary
lacks (猴/桥, 界/头), none of them a function word or numeral. A mountain's side (贺兰山东麓) belongs to the head;
a head jieba fused with the generic word (东湖新技术开发区, 曲/石镇) is read from the characters. A head that is a
place after all (a county of the committee's province, a county-level city, a run of abbreviations: 婺源工业园区,
二连浩特口岸, 广梅产业园) or describes the kind of area (滨海湿地) makes no named area.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from kg.dictionary import dictionary
from kg.extract.initials import abbreviates_a_place
from kg.gazetteer import gazetteer
from kg.lexicon import alternation, cues
from kg.words import Word, dictionary_frequency, is_common_noun

# jieba's tags of proper names (place, person, other proper noun, organisation)
_PROPER_TAGS = frozenset({"ns", "nr", "nz", "nt", "nrt", "nrfg"})
# tags of characters that never stand in a name's run: numerals, pronouns, prepositions,
# conjunctions, particles, adverbs
_NOT_NAME_TAGS = frozenset({"m", "r", "p", "c", "u", "d", "uj", "ul", "uz", "ug", "ud", "y", "e", "o", "x"})
# a word jieba fused of a name's last character and the generic word (石镇 of 曲石镇) is known this rarely
_FUSED_MAX_FREQUENCY = 20
_HANZI = re.compile(r"[\u4e00-\u9fff]+")


@cache
def _rules() -> dict[str, dict]:
    return cues()["regions"]["proper_areas"]


@cache
def _pattern() -> re.Pattern[str]:
    return re.compile(alternation(_rules()))


@cache
def _sides() -> tuple[str, ...]:
    return tuple(cues()["regions"]["area_sides"])


@cache
def _not_name_characters() -> frozenset[str]:
    return frozenset(cues()["regions"]["not_name_characters"])


def proper_areas(text: str, words: tuple[Word, ...], home: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, name) of each named area of a proper name and a generic word in ``text``; ``home`` is the
    committee's province code prefix (a county of it before the generic word is that county: 婺源工业园区)."""
    found = list(_pattern().finditer(text))
    if not found:
        return []
    by_end = {w.end: i for i, w in enumerate(words)}
    out = []
    for m in found:
        last = by_end.get(m.end())
        if last is None:
            continue  # 乡镇 of 乡镇建设, 湿地公园: the generic word starts a longer word
        rule = _rules()[m.group()]
        start = _head(text, words, m.start(), by_end, last, rule["longest_name"])
        if start is None or not _far_from_home(text[start : m.start()], home, township=m.group() in TOWNSHIPS):
            continue
        name = text[start : m.end()]
        one_word = words[last].start == start  # 西溪湿地, 城关镇: the dictionary knows the name whole
        if (dictionary_frequency(name) > rule["max_frequency"] and not one_word) or name in gazetteer().by_name \
                or name in gazetteer().by_short:
            continue  # 城乡, 家乡, 重镇: an ordinary word; 连云港, 景德镇: a region's own name
        out.append((start, m.end(), name))
    return out


def _head(text: str, words: tuple[Word, ...], at: int, by_end: dict[int, int], last: int, longest: int) -> int | None:
    """Where the proper name before the generic word at ``at`` starts, or None; word ``last`` ends the generic
    word."""
    k = by_end.get(at)
    if k is not None:
        if len(words[k].text) >= 2:
            if words[k].text in _sides() and k > 0 and words[k - 1].text.endswith("山"):
                return words[k - 1].start if is_name_word(words[k - 1].text) else None  # 贺兰山东麓
            return words[k].start if len(words[k].text) <= longest and is_name_word(words[k].text) else None
        return _single_run(text, words, k, longest)
    fused = words[last]
    if fused.start > at:
        return None  # (a word crosses into the generic word's start: no name before it here)
    if fused.start == at - 1 and dictionary_frequency(fused.text) <= _FUSED_MAX_FREQUENCY:
        # 曲/石镇: the name's last character and the generic word
        return _single_run(text, words, last - 1, longest, fused=1) if last > 0 else None
    head = text[fused.start : at]  # 东湖新技术开发区: the dictionary holds the whole name
    if 2 <= len(head) <= longest and is_name_word(head):
        return fused.start
    return None


def _single_run(text: str, words: tuple[Word, ...], k: int, longest: int, fused: int = 0) -> int | None:
    """The start of the run of one-character words ending with word ``k`` (猴/桥), at least two long with
    the ``fused`` characters after it (曲 and the 石 of 石镇)."""
    start = None
    i = k
    while i >= 0 and len(words[i].text) == 1 and may_be_in_name(words[i].text):
        start = words[i].start
        i -= 1
    end = words[k].end + fused
    if start is None or not 2 <= end - start <= longest:
        return None
    head = text[start:end]
    return start if dictionary_frequency(head) == 0 and head not in gazetteer().by_short else None


# a township named after a pair of places (闽宁镇, after 福建 and 宁夏) is the township's own name
TOWNSHIPS = frozenset({"乡", "镇"})


def _far_from_home(head: str, home: str | None, township: bool = False) -> bool:
    """和顺 (和顺县 is in Shanxi) heads an old town of Yunnan; a county of the committee's own province, or a
    county-level city (read anywhere: 二连浩特口岸), is the place itself; a run of abbreviations (广梅产业园,
    珠澳口岸) names the places that built it, but a ``township``'s (闽宁镇)."""
    if head.endswith(tuple(_rules())):
        return False  # 江南水乡古镇: a description, not a name
    regions = [r for r in gazetteer().by_short.get(head, ()) if r.code]
    if any(r.name.endswith("市") or (home is not None and r.code.startswith(home)) for r in regions):
        return False
    return township or len(head) > 3 or not all(abbreviates_a_place(c, home) for c in head)


@lru_cache(maxsize=4096)
def may_be_in_name(char: str) -> bool:
    """A character that may stand in a proper name: no function word, numeral or mark (the 星 of 星江河)."""
    if not _HANZI.fullmatch(char) or char in _not_name_characters():
        return False
    return dictionary().tag(char) not in _NOT_NAME_TAGS


@lru_cache(maxsize=4096)
def is_name_word(word: str) -> bool:
    """和顺, 高黎贡山, 东湖: a word the dictionary tags as a proper name and knows rarely; no place of the
    gazetteer's full names, nor a city's short name (those are read as places: place_areas.py)."""
    if (not _HANZI.fullmatch(word) or is_common_noun(word) or dictionary_frequency(word) > _NAME_MAX_FREQUENCY
            or word in cues()["regions"]["area_descriptions"]):
        return False
    gaz = gazetteer()
    if any(r.code for r in gaz.by_name.get(word, ())) or any(
            r.level in ("province", "prefecture") for r in gaz.by_short.get(word, ())):
        return False  # (a named area, 贺兰山, may head a longer one)
    return dictionary().tag(word) in _PROPER_TAGS


# 东湖 1867, 西夏 1024: a proper name may be a word jieba knows; 城市 (25084), 江南 (4987) are ordinary words first
_NAME_MAX_FREQUENCY = 2500


@cache
def _township_unit() -> re.Pattern[str]:
    """A township's name (two or three characters) and its generic word, then a unit's organ (each start tried)."""
    generic = alternation([g for g in ("乡", "镇", "街道") if g in _rules()])
    organs = alternation(cues()["regions"]["township_units"])
    return re.compile(rf"(?=([\u4e00-\u9fff]{{2,3}}?(?:{generic}))(?:{organs}))")


_LEVEL_CHARACTERS = frozenset("省市县区乡镇村")


def unit_township(unit: str) -> tuple[int, int, str] | None:
    """驼峰乡政协委员联络组 → 驼峰乡: the township a byline unit belongs to, at the unit's start or after the place
    it names (腾冲市驼峰乡…); none where the name holds a level's character (县政协委员: no township)."""
    gaz = gazetteer()
    for m in _township_unit().finditer(unit):
        name, before = m.group(1), unit[: m.start(1)]
        head = name[:-1] if name[-1] in "乡镇" else name[:-2]
        if (not before or before in gaz.by_name or before in gaz.by_short) and not set(head) & _LEVEL_CHARACTERS:
            return m.start(1), m.end(1), name
    return None
