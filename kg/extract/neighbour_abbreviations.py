"""One-character abbreviations read by the committee's neighbours (kg/data/province_neighbours.tsv).

A classic abbreviation of a city (宁 for 南京) is a name its region uses: across the border too (宁滁同城化 at
滁州, 宁合 at 合肥), before a far province of the same character (宁夏). A district of a municipality names its
neighbours across the border by their first characters (嘉昆太 at 嘉定: 嘉定, 昆山, 太仓), not the far cities those
characters start (昆明, 太原). And a province's abbreviation beside another provincial-level one (桂港合作, 桂台交流
at the 广西 committee) is the province, not its city of that character (桂林): a pair of provincial-level places.
"""

from __future__ import annotations

from functools import cache

from kg.gazetteer import Region, gazetteer
from kg.lexicon import city_abbreviations, municipality_neighbours, province_abbreviations, province_neighbours


def _province(region: Region | None) -> Region | None:
    return gazetteer().by_code.get(region.province_code or "") if region is not None else None


def city_beside(char: str, own: Region | None) -> Region | None:
    """宁 → 南京市 at a committee of a province bordering 江苏 (安徽, 浙江, 山东, 上海)."""
    name = city_abbreviations().get(char)
    home = _province(own)
    city = gazetteer().resolve(name) if name and home is not None else None
    there = _province(city)
    return city if there is not None and there.name in province_neighbours().get(home.name, ()) else None


def across_municipality_border(char: str, own: Region | None) -> Region | None:
    """昆 → 昆山市, 太 → 太仓市 at a district of 上海: the only place of the bordering provinces (a prefecture, else a
    county) that ``char`` starts."""
    home = _province(own)
    if home is None or home.name not in municipality_neighbours():
        return None
    codes = {gazetteer().resolve(p).code[:2] for p in municipality_neighbours()[home.name] if gazetteer().resolve(p)}
    for level in ("prefecture", "county"):
        found = [r for r in _places_by_initial().get(char, ()) if r.level == level and r.code[:2] in codes]
        if found:
            return found[0] if len(found) == 1 else None
    return None


@cache
def _places_by_initial() -> dict[str, tuple[Region, ...]]:
    index: dict[str, list[Region]] = {}
    for r in gazetteer().by_code.values():
        if r.code and r.level in ("prefecture", "county") and len(r.short) >= 2:
            index.setdefault(r.short[0], []).append(r)
    return {char: tuple(regions) for char, regions in index.items()}


def provincial_pair(run: str, regions: list[Region], own: Region | None) -> list[Region]:
    """桂港 → 广西壮族自治区 + 香港特别行政区 at the 广西 committee: beside a provincial-level place, the province's
    abbreviation read as its city of that character (桂林) is the province itself (at a county of 赣州, 赣闽 is the
    county's city and its neighbour province)."""
    if own is None or own.level != "province" or not any(r.level == "province" for r in regions):
        return regions
    out = []
    for char, region in zip(run, regions, strict=True):
        name = province_abbreviations().get(char)
        province = _province(region)
        if region.level != "province" and name and province == own and own.name == name:
            region = province
        out.append(region)
    return out
