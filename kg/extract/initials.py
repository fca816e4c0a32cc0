"""What one character of a run of abbreviations stands for (abbreviations.py reads the runs): a place of the
committee's own province (广 at a Guangdong committee is 广州), a provincial-level division (川, 沪, 港), a city
anywhere by its classic abbreviation (甬 for 宁波, kg/data/city_abbreviations.tsv) or by its first character where
no other prefecture-level city shares it (深 for 深圳, 承 for 承德), or a county beside the committee's place."""

from __future__ import annotations

from functools import cache

from kg.extract.neighbour_abbreviations import city_beside as neighbour_city
from kg.extract.proposer import committee_region
from kg.gazetteer import Region, gazetteer
from kg.lexicon import city_abbreviations, province_abbreviations
from kg.records import Committee


def city_beside(char: str, partners: list[Region | None], own: Region | None = None) -> Region | None:
    """The city ``char`` abbreviates far away (``abbreviated_city``), beside ``partners``. Beside a special
    administrative region (港 of 关丹港 is a port's word) only a city of Guangdong next to it (深港, 珠澳) or one
    of a classic abbreviation (穗港) is read: 丹港 names no 丹东 and 香港. By its first character alone a city far
    away is a partner only of a provincial-level division (津承, 沪通) or of the committee's own place ``own``
    (杭雷东西部协作 at 雷山: an eastern city paired with the western county); beside another county the
    character is some nearer place's (連馬融合 at 连江 spells out 马祖: kg.extract.abbreviations reads it so)."""
    city = abbreviated_city(char)
    if city is None or char in city_abbreviations():
        return city
    if not any(p is not None and (p.level == "province" or p == own) for p in partners):
        return None
    if not beside_a_sar(partners):
        return city
    return city if city.code and city.code[:2] == _SARS_NEIGHBOUR else None


def beside_a_sar(partners: list[Region | None]) -> bool:
    return any(p is not None and p.code and p.code[:2] in _SAR_CODES for p in partners)


# 香港 81, 澳门 82 (GB/T 2260) and the province around them, 广东 44
_SAR_CODES = frozenset({"81", "82"})
_SARS_NEIGHBOUR = "44"

def one_province_reading(run: str) -> list[Region] | None:
    """The places right under one province that the characters of ``run`` abbreviate (广佛 → 广州市 +
    佛山市, 成德眉资 → 成都, 德阳, 眉山, 资阳), where exactly one province has a place for each
    character (its capital where it has several)."""
    index = prefectures_by_initial()
    readings = []
    for province in {code for code, _ in index}:
        found = []
        for char in run:
            places = index.get((province, char), ())
            if len(places) > 1:
                places = tuple(r for r in places if r.code and r.code[2:4] == "01")
            if len(places) != 1:
                break
            found.append(places[0])
        else:
            readings.append(found)
    return readings[0] if len(readings) == 1 else None


def province_of(char: str) -> Region | None:
    name = province_abbreviations().get(char)
    return gazetteer().resolve(name) if name else None


def abbreviated(char: str, committee: Committee | None) -> Region | None:
    """The place a one-character abbreviation stands for: a place of the committee's province
    (``_abbreviated_nearby``), else a provincial-level division (川 → 四川省)."""
    found = _abbreviated_nearby(char, committee)
    if found is not None:
        return found
    name = province_abbreviations().get(char)
    return gazetteer().resolve(name) if name else None


def abbreviated_city(char: str) -> Region | None:
    """甬 → 宁波市 (a classic abbreviation), 深 → 深圳市 (the only prefecture-level city it starts)."""
    name = city_abbreviations().get(char)
    if name:
        return gazetteer().resolve(name)
    return _unique_city_initials().get(char)


def abbreviates_a_place(char: str, home: str | None) -> bool:
    """``char`` may stand for a place: a provincial-level division (澳), a city by its classic abbreviation or
    its unique first character (珠 → 珠海), or a place right under the province ``home`` (广 in Guangdong)."""
    return (char in province_abbreviations() or abbreviated_city(char) is not None
            or (home is not None and bool(prefectures_by_initial().get((home, char)))))


def county_nearby(char: str, committee: Committee | None) -> Region | None:
    """厦金 at the 厦门 committee → 金门县: the only county of the committee's province that ``char``
    starts, where no province is abbreviated so (across the strait or a border, a county is a party to
    the committee's own place's link)."""
    own = committee_region(committee)
    if own is None or not own.code or char in province_abbreviations():
        return None
    found = _counties_by_initial().get((own.code[:2], char), ())
    return found[0] if len(found) == 1 else None


@cache
def _counties_by_initial() -> dict[tuple[str, str], tuple[Region, ...]]:
    index: dict[tuple[str, str], list[Region]] = {}
    for r in gazetteer().by_code.values():
        if r.level == "county" and r.code:
            index.setdefault((r.code[:2], r.short[:1]), []).append(r)
    return {key: tuple(regions) for key, regions in index.items()}


def _abbreviated_city_in(char: str, own: Region | None) -> Region | None:
    """The city a classic abbreviation stands for (宁 → 南京市), when it lies in the province of ``own``."""
    name = city_abbreviations().get(char)
    city = gazetteer().resolve(name) if name and own is not None and own.code else None
    return city if city is not None and city.code and city.code[:2] == own.code[:2] else None


@cache
def _unique_city_initials() -> dict[str, Region]:
    by_initial: dict[str, list[Region]] = {}
    for r in gazetteer().by_code.values():
        if r.level == "prefecture" and r.name.endswith("市"):
            by_initial.setdefault(r.short[:1], []).append(r)
    return {c: rs[0] for c, rs in by_initial.items() if len(rs) == 1 and c not in province_abbreviations()}


def _abbreviated_nearby(char: str, committee: Committee | None) -> Region | None:
    """The committee's own place, or a place right under its province (a prefecture, or a county the
    province governs directly: 神农架林区, the districts of 重庆), that ``char`` abbreviates."""
    gaz = gazetteer()
    own = committee_region(committee)
    abbreviations = province_abbreviations()
    if abbreviates_own_place(char, own):
        return own
    home = _province_name(own) if own is not None else None
    if home and home.endswith("市") and abbreviations.get(char) == home:
        return gazetteer().resolve(home)  # 津 at a Tianjin district is the municipality, not 津南区
    city = _abbreviated_city_in(char, own)
    if city is not None:
        return city  # 宁镇扬 at a Jiangsu committee: 宁 is 南京 there, 宁夏 elsewhere
    if own is not None and own.code and committee and committee.level != "national":
        found = list(prefectures_by_initial().get((own.code[:2], char), ()))
        if own.level == "county":
            parent = gaz.parent(own)
            found = found or ([parent] if parent and parent.short.startswith(char) else [])
        if len(found) > 1:
            preferred = [r for r in found if r.code == own.code or (r.code and r.code[2:4] == "01")]
            # 大 in Heilongjiang: 大庆市, no 大兴安岭地区 (a 地区 or 盟 is abbreviated by no one character)
            cities = [r for r in found if r.name.endswith("市")]
            found = preferred[:1] or (cities if len(cities) == 1 else [])
        if found:
            return found[0]
    return neighbour_city(char, own)  # 宁 → 南京 at 滁州, across the border


def abbreviates_own_place(char: str, own: Region | None) -> bool:
    """晋台融合 at the 晋江 committee: the committee's place starts with ``char`` (晋 is Shanxi's only where
    Shanxi is home)."""
    return own is not None and own.short.startswith(char) and province_abbreviations().get(char) != _province_name(own)


@cache
def prefectures_by_initial() -> dict[tuple[str, str], tuple[Region, ...]]:
    """(province code prefix, first character of the short name) → the places right under that
    province (prefectures, and counties it governs directly): 广 in 44 → 广州市 …"""
    index: dict[tuple[str, str], list[Region]] = {}
    for r in gazetteer().by_code.values():
        if r.code and r.level != "province" and r.parent == r.code[:2] + "0000":
            index.setdefault((r.code[:2], r.short[:1]), []).append(r)
    return {key: tuple(regions) for key, regions in index.items()}


@cache
def abbreviating_characters() -> frozenset[str]:
    """First characters of the places right under a province, anywhere, the provinces' own
    abbreviations and the cities' classic ones: what a run of abbreviations may be made of."""
    return frozenset({char for _, char in prefectures_by_initial()} | set(province_abbreviations())
                     | set(city_abbreviations()))


def is_initial(char: str) -> bool:
    return char in abbreviating_characters()


def _province_name(region: Region) -> str | None:
    province = gazetteer().by_code.get(region.province_code or "")
    return province.name if province else None
