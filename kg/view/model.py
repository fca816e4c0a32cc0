"""The view model: what the page draws, read from the graph with SPARQL and tested without a browser.

Four views of one graph (docs/model.md):

- ``full``: every speech with its speaker, unit, party, problems (kg:Issue), suggestions, sectors,
  regions and meeting, one node each;
- ``overview``: speeches folded away; parties (or, for a speech with no party, its unit; with no unit
  either, its speakers), sectors and regions joined by edges weighted by the number of speeches that
  link them;
- ``ego``: the part of the full view within two steps of one node, with the problems and
  suggestions of the speeches in it. Hubs (meetings, sectors, parties, the committee's place and
  the regions above it, any node but a speech linked to more than ``EGO_HUB_DEGREE`` others) are
  reached but not walked through: a walk through the meeting or through 我市's city would reach
  every speech;
- ``map``: the places at their coordinates over the province outlines (kg.view.geo).

Every node carries the parties, sectors, regions and meetings of the speeches it belongs to, so the
page can filter any node type by them. Positions come from :mod:`kg.view.layout`.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter

from kg.errors import KgError
from kg.store import GraphStore
from kg.view import queries
from kg.view.overview_facts import count_speeches_and_items, read_overview

# Past this many nodes the automatic view is the overview. Measured (benchmarks/bench_view.py, this
# machine, headless Chromium, medians): a full view of 3,000 nodes is built in 0.4 s, drawn 1.4 s
# after the page starts loading and redrawn (each pan or zoom) in ~75 ms; at 5,000 nodes a redraw
# takes ~165 ms and at 10,000 ~205 ms, so panning stutters, and labels pile up long before that.
# The questions a large graph is opened for (which parties care about which sectors, and where) then
# read better folded.
FULL_VIEW_MAX_NODES = 3000

VIEWS = ("full", "overview", "ego", "map")
EGO_RADIUS = 2
EGO_HUB_TYPES = ("meeting", "sector", "party")
EGO_HUB_DEGREE = 12  # links to other nodes than problems and suggestions
FILTER_DIMENSIONS = ("party", "sector", "region", "meeting")


@dataclass(frozen=True)
class NodeStyle:
    name: str  # the type's name on the page (Chinese)
    colour: str
    shape: str  # a vis-network shape


NODE_STYLES: dict[str, NodeStyle] = {
    "speech": NodeStyle("发言", "#4e79a7", "square"),
    "person": NodeStyle("人物", "#f28e2b", "dot"),
    "organization": NodeStyle("单位", "#76b7b2", "hexagon"),
    "party": NodeStyle("党派团体", "#e15759", "star"),
    "issue": NodeStyle("问题", "#b6992d", "triangleDown"),
    "suggestion": NodeStyle("建议", "#59a14f", "triangle"),
    "sector": NodeStyle("领域", "#b07aa1", "diamond"),
    "region": NodeStyle("地区", "#9c755f", "ellipse"),
    "meeting": NodeStyle("会议", "#5f6b7a", "box"),
    "other": NodeStyle("其他（合并）", "#b8b8b8", "circle"),
}
OTHER_TYPE = "other"  # the overview's folded rest of a column

MIN_NODE_SIZE = 8.0
MAX_NODE_SIZE = 36.0
# How many of the most connected nodes of a type are labelled at every zoom; the others' labels
# appear as the reader zooms in, wherever they do not overlap a label already drawn (assets/page.js).
KEY_NODES = {"party": 10, "sector": 12, "region": 12, "meeting": 8}


@dataclass
class ViewNode(queries.FilterValues):
    """A node drawn, with the filter values (party, sector, region, meeting) of its speeches."""

    id: str  # the IRI
    label: str
    type: str  # a key of NODE_STYLES
    colour: str
    shape: str
    size: float
    tooltip: str
    x: float = 0.0
    y: float = 0.0
    weight: int = 0  # weighted degree: how much the node matters, for its size and its label's rank
    key: bool = False  # always labelled: among the most connected of its type (KEY_NODES)
    side: str = "below"  # where the label goes: below, left or right of the node
    items: list[str] = field(default_factory=list)  # listed in the details panel (a place's speeches)


@dataclass
class ViewEdge:
    source: str
    target: str
    label: str
    weight: int = 1
    labelled: bool = False  # its weight is written on it (the overview's heaviest flows)


@dataclass
class ViewModel:
    view: str
    nodes: list[ViewNode]
    edges: list[ViewEdge]
    note: str = ""  # why this view was chosen, for the page and the command line
    outlines: list[list[float]] = field(default_factory=list)  # the map's province rings, x0 y0 x1 y1 …
    items_heading: str = "发言"  # what a node's items are, in the details panel

    def node(self, node_id: str) -> ViewNode:
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)

    def filter_values(self) -> dict[str, list[str]]:
        """The values each filter offers: every party, sector, region and meeting some node carries."""
        return {dim: sorted({v for n in self.nodes for v in getattr(n, dim)}) for dim in FILTER_DIMENSIONS}


def choose_view(n_nodes: int) -> str:
    """The view to show a graph whose full view has ``n_nodes`` nodes: full while it stays legible."""
    return "full" if n_nodes <= FULL_VIEW_MAX_NODES else "overview"


def build_view(store: GraphStore, view: str = "full", node: str | None = None, *,
               speech_links: Mapping[str, Iterable[str]] | None = None) -> ViewModel:
    """Read the graph and lay out one view: ``full``, ``overview``, ``ego`` (needs ``node``) or ``auto``.
    An overview takes the speeches' links from ``speech_links`` when given (a build keeps them,
    kg.view.overview_facts)."""
    if view not in (*VIEWS, "auto"):
        raise KgError(f"unknown view {view!r} (expected one of: auto, {', '.join(VIEWS)})")
    if view == "auto":
        at_least = count_speeches_and_items(store)
        if at_least > FULL_VIEW_MAX_NODES:  # too large for the full view: no need to read it all
            return _overview(store, f"完整视图有 {at_least} 个以上节点，超过 {FULL_VIEW_MAX_NODES}，", speech_links)
    if view == "overview":
        return _overview(store, links=speech_links)
    facts = queries.read_graph(store)
    if view == "auto":
        n_full = len(_full_ids(facts))
        view = choose_view(n_full)
        if view == "overview":
            return _overview(store, f"完整视图有 {n_full} 个节点，超过 {FULL_VIEW_MAX_NODES}，", speech_links)
    if view == "map":
        from kg.view.geo import map_graph, province_outlines  # it builds on this module's nodes

        nodes, edges, note = map_graph(facts)
        return ViewModel(view, list(nodes.values()), edges, note, province_outlines())
    nodes, edges = _full_graph(facts)
    note = f"完整视图：{len(nodes)} 个节点"
    if view == "ego":
        if not node:
            raise KgError("the ego view needs a node: pass --node NAME")
        centre = find_node(nodes, node)
        nodes, edges = _ego_graph(nodes, edges, centre)
        note = (f"以“{nodes[centre].label}”为中心 {EGO_RADIUS} 步以内的 {len(nodes)} 个节点"
                "（会议、领域、党派团体和会议所在地区只作终点，不再向外延伸）")
    _size_by_degree(nodes, edges)
    mark_key_nodes(nodes.values())
    from kg.view.layout import compute_positions  # networkx and numpy: 0.35 s to import, not for the overview

    positions = compute_positions(list(nodes), [(e.source, e.target) for e in edges])
    for node_id, (x, y) in positions.items():
        nodes[node_id].x, nodes[node_id].y = x, y
    return ViewModel(view, list(nodes.values()), edges, note)


def _overview(store: GraphStore, reason: str = "", links: Mapping[str, Iterable[str]] | None = None) -> ViewModel:
    """The overview, read from only what it draws (kg.view.overview_facts)."""
    from kg.view.overview import overview_graph  # it builds on this module's nodes

    nodes, edges = overview_graph(read_overview(store, links))
    note = (f"概览：{reason}发言已折叠。左列党派团体（无党派的为单位，无单位的为发言人），中列领域，"
            "右列地区（区县计入所属地市）；连线粗细为发言篇数，最粗的标出篇数")
    return ViewModel("overview", list(nodes.values()), edges, note)


def find_node(nodes: dict[str, ViewNode], name: str) -> str:
    """The id of the node named ``name``: its IRI, its exact label, else the one label that contains it."""
    if name in nodes:
        return name
    exact = [n.id for n in nodes.values() if n.label == name]
    partial = exact or [n.id for n in nodes.values() if name in n.label or name in n.tooltip.split("\n")[0]]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise KgError(f"no node is named {name!r}")
    shown = "、".join(sorted(nodes[i].label for i in partial)[:8])
    raise KgError(f"{len(partial)} nodes match {name!r} ({shown}…): give a longer name or the IRI")


def new_node(facts: queries.GraphFacts, iri: str) -> ViewNode:
    style = NODE_STYLES[facts.types[iri]]
    return ViewNode(iri, facts.labels[iri], facts.types[iri], style.colour, style.shape, MIN_NODE_SIZE,
                    facts.tooltips[iri])


def _full_ids(facts: queries.GraphFacts) -> set[str]:
    """The nodes of the full view: every speech and whatever a drawn link reaches."""
    linked = (end for s, o, _ in facts.links if s in facts.types and o in facts.types for end in (s, o))
    return set(facts.speeches).union(linked)


def _full_graph(facts: queries.GraphFacts) -> tuple[dict[str, ViewNode], list[ViewEdge]]:
    edges = [ViewEdge(s, o, label) for s, o, label in facts.links if s in facts.types and o in facts.types]
    nodes = {iri: new_node(facts, iri) for iri in sorted(_full_ids(facts))}
    for iri in facts.speeches:
        add_filter_values(nodes[iri], facts.speeches[iri])
    for speech, member in facts.speech_members:
        if member in nodes:
            add_filter_values(nodes[member], facts.speeches[speech])
    return nodes, edges


def _ego_graph(nodes: dict[str, ViewNode], edges: list[ViewEdge], centre: str):
    neighbours: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        neighbours[e.source].add(e.target)
        neighbours[e.target].add(e.source)
    hubs = _ego_hubs(nodes, edges, neighbours) - {centre}
    keep, frontier = {centre}, [centre]
    for _ in range(EGO_RADIUS):
        frontier = sorted({m for n in frontier if n not in hubs for m in neighbours[n]} - keep)
        keep.update(frontier)
    keep |= {e.target for e in edges if e.source in keep and nodes[e.source].type == "speech"
             and nodes[e.target].type in ("issue", "suggestion")}  # what the speeches in it proposed
    kept_nodes = {iri: n for iri, n in nodes.items() if iri in keep}
    return kept_nodes, [e for e in edges if e.source in keep and e.target in keep]


def _ego_hubs(nodes: dict[str, ViewNode], edges: list[ViewEdge], neighbours: dict[str, set[str]]) -> set[str]:
    """The nodes an ego walk stops at: meetings, sectors, parties, meetings' places and the regions
    above them (我市 and 全市 make the committee's city a region of most speeches), busy nodes."""
    hubs = {iri for iri, n in nodes.items() if n.type in EGO_HUB_TYPES}
    parents: dict[str, list[str]] = defaultdict(list)
    for e in edges:
        if e.label == queries.EDGE_LABELS[queries.PARENT]:
            parents[e.source].append(e.target)
    todo = [e.target for e in edges if nodes[e.source].type == "meeting" and nodes[e.target].type == "region"]
    while todo:
        region = todo.pop()
        if region not in hubs:
            hubs.add(region)
            todo += parents[region]
    for iri, near in neighbours.items():  # a speech is always walked through: it is what links things
        links = sum(nodes[m].type not in ("issue", "suggestion") for m in near)
        if nodes[iri].type != "speech" and links > EGO_HUB_DEGREE:
            hubs.add(iri)
    return hubs


def add_filter_values(node: ViewNode, *values: queries.FilterValues) -> None:
    """Add the values the node lacks, in the order first met."""
    for dim in FILTER_DIMENSIONS:
        have = getattr(node, dim)
        merged = dict.fromkeys(have)
        merged.update(dict.fromkeys(chain.from_iterable(map(attrgetter(dim), values))))
        have[len(have):] = list(merged)[len(have):]


def _size_by_degree(nodes: dict[str, ViewNode], edges: list[ViewEdge]) -> None:
    """Size a node by its weighted degree (the number of speeches, in the overview)."""
    degree: Counter[str] = Counter()
    for e in edges:
        degree[e.source] += e.weight
        degree[e.target] += e.weight
    top = max(degree.values(), default=1)
    for iri, n in nodes.items():
        n.weight = degree[iri]
        n.size = round(MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * math.sqrt(degree[iri] / top), 1)


def mark_key_nodes(nodes, limits: dict[str, int] = KEY_NODES) -> None:
    """Mark the most connected nodes of each type in ``limits`` as always labelled (ties by label)."""
    by_type: dict[str, list[ViewNode]] = defaultdict(list)
    for n in nodes:
        by_type[n.type].append(n)
    for kind, limit in limits.items():
        for n in sorted(by_type[kind], key=lambda n: (-n.weight, n.label))[:limit]:
            n.key = n.weight > 0

