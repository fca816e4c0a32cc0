"""The vocabulary of the genre, loaded from data files (kg/data/*), never typed into code."""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


def _data_text(name: str) -> str:
    return resources.files("kg").joinpath("data", name).read_text(encoding="utf-8")


def _tsv_rows(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in _data_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@dataclass(frozen=True)
class Party:
    id: str
    short: str
    full: str
    en: str
    aliases: tuple[str, ...]


@cache
def parties() -> tuple[Party, ...]:
    return tuple(
        Party(r["id"], r["short"], r["full"], r["en"],
              tuple(dict.fromkeys([r["full"], r["short"], *filter(None, r["aliases"].split("|"))])))
        for r in _tsv_rows("parties.tsv")
    )


def alternation(words) -> str:
    """Words as one regular-expression alternation, longest first, so that a match is the
    longest word at its place (文化旅游 before 文化, 为此建议 before 建议)."""
    return "|".join(map(re.escape, sorted(set(words), key=lambda w: (-len(w), w))))


@cache
def party_alias_pattern() -> re.Pattern[str]:
    """Every spelling of every party as one pattern."""
    return re.compile(alternation(a for p in parties() for a in p.aliases))


@cache
def party_by_alias() -> dict[str, Party]:
    return {a: p for p in parties() for a in p.aliases}


@cache
def cues() -> dict:
    return tomllib.loads(_data_text("cues.toml"))


@dataclass(frozen=True)
class SectorTerm:
    sector: str
    term: str
    weight: float


@cache
def sector_terms() -> tuple[SectorTerm, ...]:
    return tuple(SectorTerm(r["sector"], r["term"], float(r["weight"] or 1)) for r in _tsv_rows("sector_terms.tsv"))


@cache
def named_areas() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Named areas that are regions but not administrative units: (official name, other spellings)."""
    return tuple((r["name"], tuple(filter(None, r["aliases"].split("|")))) for r in _tsv_rows("named_areas.tsv"))


@cache
def gazetteer_additions() -> tuple[tuple[str, str], ...]:
    """(code, name) of regions the gazetteer package lacks (kg/data/gazetteer_additions.tsv)."""
    return tuple((r["code"], r["name"]) for r in _tsv_rows("gazetteer_additions.tsv"))


@cache
def province_abbreviations() -> dict[str, str]:
    """川 → 四川省, 沪 → 上海市: one-character abbreviations of the provincial-level divisions."""
    return {r["abbr"]: r["name"] for r in _tsv_rows("province_abbreviations.tsv")}


@cache
def lone_province_abbreviations() -> dict[str, str]:
    """闽 → 福建省: the abbreviations read as their province also alone after a word of presence (在闽就业)."""
    return {r["abbr"]: r["name"] for r in _tsv_rows("province_abbreviations.tsv") if r["alone"] == "yes"}


@cache
def presence_words() -> frozenset[str]:
    """在, 来, 赴 …: words of presence or movement before a lone province abbreviation (在闽, 来沪)."""
    return frozenset(r["word"] for r in _tsv_rows("presence_words.tsv"))


@cache
def city_abbreviations() -> dict[str, str]:
    """穗 → 广州市, 甬 → 宁波市: one-character abbreviations of cities other than their first character."""
    return {r["abbr"]: r["name"] for r in _tsv_rows("city_abbreviations.tsv")}


@cache
def municipality_neighbours() -> dict[str, tuple[str, ...]]:
    """上海市 → (江苏省, 浙江省): the provinces bordering each provincial-level municipality."""
    return {r["municipality"]: tuple(r["neighbours"].split("|")) for r in _tsv_rows("municipality_neighbours.tsv")}


@cache
def foreign_countries() -> dict[str, str]:
    """Countries a speech names beside Chinese places (kg/data/foreign_countries.tsv): name → its one character in a
    park's name, or ""."""
    return {r["name"]: r["abbr"] or "" for r in _tsv_rows("foreign_countries.tsv")}


@cache
def place_area_suffixes() -> dict[str, str]:
    """港 → port, 开发区 → zone …: generic words that make a named area of the place before them."""
    return {r["suffix"]: r["kind"] for r in _tsv_rows("place_area_suffixes.tsv")}


@cache
def named_area_kinds() -> dict[str, str]:
    """Named area → its kind (economic-area, basin, island, old-town, scenic-area …)."""
    return {r["name"]: r["kind"] for r in _tsv_rows("named_areas.tsv")}


@cache
def province_neighbours() -> dict[str, frozenset[str]]:
    """Province → the provincial-level divisions bordering it (kg/data/province_neighbours.tsv, each pair once)."""
    out: dict[str, set[str]] = {}
    for r in _tsv_rows("province_neighbours.tsv"):
        for other in r["neighbours"].split("|"):
            out.setdefault(r["province"], set()).add(other)
            out.setdefault(other, set()).add(r["province"])
    return {name: frozenset(others) for name, others in out.items()}


@cache
def province_parts() -> dict[str, str]:
    """Part of a province (陕南, 关中) → the province (kg/data/province_parts.tsv)."""
    return {r["name"]: r["province"] for r in _tsv_rows("province_parts.tsv")}


@cache
def province_short_names() -> dict[str, str]:
    """A province's customary short name (龙江, 八桂) → the province (kg/data/province_short_names.tsv)."""
    return {r["name"]: r["province"] for r in _tsv_rows("province_short_names.tsv")}
