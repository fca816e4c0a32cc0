"""One-character abbreviations of county-level places (保腾一体化 at 腾冲 or 保山: 保山市 + 腾冲市; 嘉昆太 at 昆山).

A county's first character stands for it only near home: at the county's own committee, at a county committee
of the same city, and at that city's committee, where the county is the speech's topic. Far away the same
character is another place, or no place at all, so abbreviations.py reads these only for such committees.
"""

from __future__ import annotations

from functools import cache

from kg.extract.proposer import committee_region
from kg.gazetteer import Region, gazetteer
from kg.lexicon import municipality_neighbours as neighbours
from kg.records import Committee


def local_initials(committee: Committee | None) -> frozenset[str]:
    """The first characters of the counties of the committee's city (its own county's among them: 腾 of 腾冲 in
    保腾一体化), or of its own counties at a city's committee."""
    own = committee_region(committee)
    if own is None or not own.code:
        return frozenset()
    if own.level == "prefecture":
        return _county_initials(own.code)
    return _county_initials(own.parent) if own.level == "county" and own.parent else frozenset()


@cache
def _county_initials(parent: str) -> frozenset[str]:
    """The first characters of the counties of one city."""
    return frozenset(char for code, char in _counties_by_parent_initial() if code == parent)


def own_county(char: str, committee: Committee | None) -> Region | None:
    """腾 → 腾冲市 at the 保山 committee: the only county of the committee's own city that ``char`` starts."""
    own = committee_region(committee)
    if own is None or own.level != "prefecture" or not own.code:
        return None
    found = _counties_by_parent_initial().get((own.code, char), ())
    return found[0] if len(found) == 1 else None


def county_beside(char: str, committee: Committee | None) -> Region | None:
    """The only county of the committee's own city that ``char`` starts (太 → 太仓市 at 昆山), else the
    only district of a bordering municipality (嘉 → 嘉定区 at 昆山, kg/data/municipality_neighbours.tsv)."""
    own = committee_region(committee)
    gaz = gazetteer()
    if own is None or not own.parent:
        return None
    siblings = [r for r in _counties_by_parent_initial().get((own.parent, char), ()) if r is not own]
    if len(siblings) == 1:
        return siblings[0]
    home = gaz.by_code.get(own.province_code or "")
    across = [r for province, others in neighbours().items() if home is not None and home.name in others
              for r in _counties_by_parent_initial().get((gaz.resolve(province).code, char), ())]
    return across[0] if len(across) == 1 else None


@cache
def _counties_by_parent_initial() -> dict[tuple[str, str], tuple[Region, ...]]:
    index: dict[tuple[str, str], list[Region]] = {}
    for r in gazetteer().by_code.values():
        if r.level == "county" and r.parent:
            index.setdefault((r.parent, r.short[:1]), []).append(r)
    return {key: tuple(regions) for key, regions in index.items()}


def counties_run(run: str, committee: Committee | None) -> list[Region] | None:
    """榆太祁 at 晋中 → 榆次区, 太谷区, 祁县: a run of three or more characters each starting a county of the
    committee's city (its own, or its county's parent) is those counties; where a character starts several,
    the committee's own county or else the city's only district among them (榆次区 of 榆次区, 榆社县)."""
    own = committee_region(committee)
    city = own.code if own is not None and own.level == "prefecture" else own.parent if own is not None else None
    if len(run) < 3 or not city:
        return None
    found = []
    for char in run:
        counties = _counties_by_parent_initial().get((city, char), ())
        if len(counties) > 1:
            counties = tuple(r for r in counties if r == own) or tuple(r for r in counties if r.name.endswith("区"))
        if len(counties) != 1:
            return None
        found.append(counties[0])
    return found if len(set(found)) == len(found) else None
