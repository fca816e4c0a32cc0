"""What a word of the text names as a place: a region by its full or short name, or a named area (regions.py
reads the words of a span with it).

Full names resolve nationwide (ambiguous ones through the committee's place); short names of provinces and
prefectures resolve nationwide, those of counties only inside the committee's province or where the county is a
county-level city known by its short name alone (昆山). A kind of water or land (运河, 盐湖) names no county.
"""

from __future__ import annotations

from functools import cache

from kg.extract.proposer import committee_region
from kg.gazetteer import Region, gazetteer
from kg.lexicon import cues, named_areas, province_short_names
from kg.records import Committee
from kg.words import dictionary_frequency, is_common_noun, is_ordinary_word


@cache
def area_names() -> dict[str, str]:
    """Every spelling of a named area (kg/data/named_areas.tsv) → the name used in records."""
    return {alias: name for name, aliases in named_areas() for alias in (name, *aliases)}


def resolve_word(word: str, committee: Committee | None) -> Region | None:
    """The region or named area ``word`` names at the committee's place, or None."""
    gaz = gazetteer()
    if word not in gaz.by_name and word not in gaz.by_short and word not in area_names() \
            and word not in province_short_names():
        return None  # most words: no need to look at the committee
    context = committee_region(committee)
    home = own_province_by_short_name(word, context)
    if home is not None:
        return home  # 龙江 at the 黑龙江 committee: the province, no 龙江县
    if word in area_names():
        home = [r for r in gaz.by_short.get(word, ()) if context is not None and context.code and r.code
                and r.code[:2] == context.code[:2]]
        # 海西 in Qinghai is 海西州, elsewhere the 海峡西岸经济区
        return home[0] if len(home) == 1 else gaz.areas.get(area_names()[word])
    if len(word) >= 3 or (len(word) == 2 and len(gaz.by_name.get(word, [])) == 1):
        full = gaz.resolve(word, context)
        if full:
            return full
    if len(word) < 2 or word in cues()["regions"]["common_short_names"]:
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


def own_province_by_short_name(word: str, context: Region | None) -> Region | None:
    """龙江 → 黑龙江省 at a committee inside 黑龙江 (kg/data/province_short_names.tsv), elsewhere None."""
    name = province_short_names().get(word)
    province = gazetteer().resolve(name) if name else None
    inside = context is not None and context.code and province is not None and province.code
    if not inside or context.code[:2] != province.code[:2]:
        return None
    # (at 齐齐哈尔 or in 龙江县 itself, 龙江 is the county of that prefecture)
    local = [r for r in gazetteer().by_short.get(word, ()) if context.level != "province" and r.code
             and r.code[:4] == context.code[:4]]
    return None if local else province


# A county-level city's short name is read anywhere (昆山, 义乌, 张家港) when jieba's dictionary knows it
# less often than this: 江山 (1225, "the country") and 天门 (4628) are ordinary words first.
_KNOWN_CITY_MAX_FREQ = 1000


def _known_city(short: str, region: Region) -> bool:
    """昆山 at a Shanghai committee: a county-level city that is the only region of its short name."""
    return (region.name.endswith("市") and len(gazetteer().by_short.get(short, [])) == 1
            and short not in cues()["regions"]["ordinary_city_names"]
            and short not in gazetteer().by_name and not is_common_noun(short)
            and dictionary_frequency(short) < _KNOWN_CITY_MAX_FREQ)


def unique_county(short: str) -> Region | None:
    """海沧 → 海沧区: the only county of that short name nationwide, when it is no ordinary word (盐湖 of
    盐湖产业基地 is a salt lake)."""
    counties = [r for r in gazetteer().by_short.get(short, []) if r.level == "county"]
    return counties[0] if len(counties) == 1 and not is_ordinary_word(short) and not generic_geo(short) else None


def generic_geo(word: str) -> bool:
    """运河, 盐湖, 江河: a kind of water or land (cues.toml, regions.generic_geo_words), or a common noun."""
    return word in cues()["regions"]["generic_geo_words"] or is_common_noun(word)
