"""Mountains and rivers a speech is about (秦岭生态保护, 北运河沿线, 滁河综合治理, 天山北坡): named regions with
no code, and never the district named after them (天山区 of 天山北坡).

A feature is a word ending in 河/江/山/岭 that the dictionary knows as a proper name, or not at all (滁河,
弥河: jieba cuts them 滁 / 河), and is no administrative name of its own; the speech is about it where a feature
context follows it (流域, 沿线, 北坡, 生态, 治理 …, kg/data/cues.toml regions.feature_contexts) or a care word comes
right before it (保护秦岭). A feature that heads a named area the table or the compounds give (汉江生态经济带, 黄河
流域, 滁河流域) is that area's.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from kg.dictionary import dictionary
from kg.gazetteer import gazetteer
from kg.lexicon import alternation, cues, named_areas
from kg.words import Word, dictionary_frequency, is_common_noun

_FEATURE_ENDINGS = frozenset("河江山岭")
# 秦岭 687, 天山 680; 江山 (1225, "the country") and 高山 (1202) are ordinary words first
_FEATURE_MAX_FREQUENCY = 1000
_PROPER_TAGS = frozenset({"ns", "nr", "nz"})
_NOT_NAME_TAGS = frozenset({"m", "r", "p", "c", "u", "d", "uj", "ul", "uz", "ug", "ud", "y", "e", "o", "x"})


@cache
def _contexts() -> tuple[re.Pattern[str], tuple[str, ...], re.Pattern[str]]:
    area = cues()["regions"]
    after = re.compile(alternation(area["feature_contexts"]))
    named = re.compile(rf"(?:{alternation(area['area_descriptors'])})*(?:{alternation(area['area_suffixes'])})")
    return after, tuple(area["feature_care_words"]), named


@cache
def _area_spellings() -> frozenset[str]:
    return frozenset(alias for name, aliases in named_areas() for alias in (name, *aliases))


@lru_cache(maxsize=32)
def natural_features(text: str, words: tuple[Word, ...]) -> list[tuple[int, int, str]]:
    """(start, end, name) of each mountain or river the span's text is about."""
    if not _FEATURE_ENDINGS.intersection(text):
        return []
    after, care, named = _contexts()
    starts = {w.start for w in words}
    found: list[tuple[int, int, str]] = []
    for m in after.finditer(text):
        start = _name_before(text, m.start(), starts)
        if start is not None:
            found.append((start, m.start(), text[start : m.start()]))
    for before, w in zip(words, words[1:], strict=False):
        if before.text in care and _known_feature(w.text):
            found.append((w.start, w.end, w.text))  # 保护秦岭
    out: list[tuple[int, int, str]] = []
    for start, end, name in sorted(found):
        if _area_spellings_at(text, start) or named.match(text, end):
            continue  # 黄河流域, 汉江生态经济带, 滁河流域: the named area's
        if not out or out[-1][1] <= start:
            out.append((start, end, name))
    return out


def _area_spellings_at(text: str, start: int) -> str:
    """The longest named area of the table spelled at ``start`` (黄河流域), or ''."""
    return max((a for a in _area_spellings() if text.startswith(a, start)), key=len, default="")


def _name_before(text: str, end: int, starts: set[int]) -> int | None:
    """Where the feature's name ending at ``end`` starts: a proper name the dictionary knows (北运河, 天山), else two
    characters it knows not at all (滁河), starting a word of the text."""
    if end < 2 or text[end - 1] not in _FEATURE_ENDINGS:
        return None
    for size in (4, 3, 2):
        start = end - size
        if start >= 0 and start in starts and _known_feature(text[start:end]):
            return start
    start = end - 2
    name = text[start:end]
    if start in starts and dictionary_frequency(name) == 0 and _may_name(name[0]) and _is_feature_name(name):
        return start
    return None


@lru_cache(maxsize=4096)
def _known_feature(word: str) -> bool:
    """北运河, 秦岭: a proper name the dictionary knows, ending in 河/江/山/岭, no ordinary word."""
    return (2 <= len(word) <= 4 and word[-1] in _FEATURE_ENDINGS and dictionary_frequency(word) > 0
            and dictionary().tag(word) in _PROPER_TAGS and _is_feature_name(word)
            and not (len(word) == 2 and word[0] in cues()["regions"]["not_name_characters"]))  # 大河, 小河


@lru_cache(maxsize=4096)
def _is_feature_name(word: str) -> bool:
    """No administrative place's full name (天山区 is; 天山 is not), no city's or province's short name (镇江, 佛山:
    the place), no common noun, no frequent word (江山), no shore phrase (沿河)."""
    gaz = gazetteer()
    return not (word in gaz.by_name or any(r.level in ("province", "prefecture") for r in gaz.by_short.get(word, ()))
                or is_common_noun(word) or dictionary_frequency(word) > _FEATURE_MAX_FREQUENCY
                or word in cues()["regions"]["shore_phrases"])  # 沿河 'along the river'


@lru_cache(maxsize=4096)
def _may_name(char: str) -> bool:
    return (char not in cues()["regions"]["not_name_characters"] and "\u4e00" <= char <= "\u9fff"
            and dictionary().tag(char) not in _NOT_NAME_TAGS)
