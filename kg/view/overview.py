"""The overview: who speaks about which sectors, about which places, in three columns read left to right.

Speeches are folded away. The left column holds the voices (a speech's party; with no party, its
unit; with no unit either, its speakers), the middle one the sectors, the right one the regions, a
county counted for its prefecture (a map of counties is the map view's job). An edge joins a voice
to a sector, and a sector to a region, weighted by the number of speeches naming both; the
``LABELLED_FLOWS`` heaviest carry their count. A column keeps its ``COLUMN_MAX_NODES`` busiest
nodes and folds the rest into one "其他" node, so that every name in it can be labelled at fit.
Within a column nodes are ordered by the mean position of what they link to (the barycentre
heuristic), which uncrosses most flows.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from kg.view import queries
from kg.view.model import NODE_STYLES, OTHER_TYPE, ViewEdge, ViewNode, add_filter_values, new_node

COLUMN_MAX_NODES = 26
COLUMN_GAP = 620.0  # pixels between columns: room for the labels on both sides
ROW_GAP = 34.0  # pixels between neighbours in the longest column
LABELLED_FLOWS = 14
MIN_SIZE, MAX_SIZE = 5.0, 15.0  # node radii: the largest still clears its neighbours (ROW_GAP)
SIDES = ("left", "below", "right")
OTHER_NAMES = ("其他发言者", "其他领域", "其他地区")


def overview_graph(facts: queries.GraphFacts) -> tuple[dict[str, ViewNode], list[ViewEdge]]:
    """Nodes (with positions, sizes and labels' sides) and weighted edges of the three-column overview."""
    speeches_of: list[dict[str, set[str]]] = [defaultdict(set) for _ in SIDES]
    per_speech: dict[str, list[list[str]]] = {}
    rolled: dict[str, str] = {}  # a few hundred regions, named ~20,000 times at 50× the benchmark corpus
    for speech, (voices, sectors, regions) in sorted(facts.overview_groups.items()):
        up = {rolled[r] if r in rolled else rolled.setdefault(r, _rolled_up(facts, r)) for r in regions}
        columns = [sorted(set(voices)), sorted(set(sectors)), sorted(up)]
        per_speech[speech] = columns
        for column, members in zip(speeches_of, columns, strict=True):
            for iri in members:
                column[iri].add(speech)
    kept = [set(sorted(column, key=lambda i: (-len(column[i]), facts.labels[i]))[:COLUMN_MAX_NODES])
            for column in speeches_of]
    nodes: dict[str, ViewNode] = {}
    for c, column in enumerate(speeches_of):
        folded = sorted(set(column) - kept[c], key=lambda i: (-len(column[i]), facts.labels[i]))
        for iri in sorted(kept[c]):
            nodes[iri] = new_node(facts, iri)
            nodes[iri].tooltip += f"\n发言 {len(column[iri])} 篇"
        if folded:
            other = f"urn:kg:overview:other:{SIDES[c]}"
            style = NODE_STYLES[OTHER_TYPE]
            names = "、".join(f"{facts.labels[i]} {len(column[i])}" for i in folded[:30])
            speeches = set().union(*(column[i] for i in folded))
            nodes[other] = ViewNode(other, f"{OTHER_NAMES[c]}（{len(folded)}）", OTHER_TYPE, style.colour,
                                    style.shape, MIN_SIZE, f"{OTHER_NAMES[c]}：{names}"
                                    + ("…" if len(folded) > 30 else "") + f"\n发言 {len(speeches)} 篇")
            for iri in folded:
                column[other] |= column[iri]
            for columns in per_speech.values():
                if set(columns[c]) - kept[c]:
                    columns[c] = sorted((set(columns[c]) & kept[c]) | {other})
        for iri in nodes:
            if iri in column:
                nodes[iri].side = SIDES[c]
                add_filter_values(nodes[iri], *(facts.speeches[speech] for speech in sorted(column[iri])))
    weights: Counter[tuple[str, str]] = Counter()
    for voices, sectors, regions in per_speech.values():
        weights.update((v, s) for v in voices for s in sectors)
        weights.update((s, r) for s in sectors for r in regions)
    heaviest = {pair for pair, _ in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:LABELLED_FLOWS]}
    edges = [ViewEdge(a, b, f"{w} 篇发言", w, (a, b) in heaviest) for (a, b), w in sorted(weights.items())]
    _size_and_place(nodes, edges, [set(c) & set(nodes) for c in speeches_of])
    return nodes, edges


def _rolled_up(facts: queries.GraphFacts, region: str) -> str:
    """The region, or its prefecture if it lies lower (a county, a district)."""
    chain = [region]
    while len(chain) < 8 and (parents := facts.out.get((chain[-1], queries.PARENT))):
        chain.append(parents[0])
    return chain[-2] if len(chain) > 2 else region


def _size_and_place(nodes: dict[str, ViewNode], edges: list[ViewEdge], columns: list[set[str]]) -> None:
    degree: Counter[str] = Counter()
    neighbours: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for e in edges:
        degree[e.source] += e.weight
        degree[e.target] += e.weight
        neighbours[e.source].append((e.target, e.weight))
        neighbours[e.target].append((e.source, e.weight))
    top = max(degree.values(), default=1)
    for iri, n in nodes.items():
        n.weight = degree[iri]
        n.size = round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(degree[iri] / top), 1)
        n.key = True  # a column is short enough for every name to be read
    height = ROW_GAP * max((len(c) for c in columns), default=1)
    middle = sorted(columns[1], key=lambda i: (-degree[i], nodes[i].label))
    rank = {iri: k / max(1, len(middle) - 1) for k, iri in enumerate(middle)}
    orders = [_by_barycentre(columns[0], neighbours, rank, nodes), middle,
              _by_barycentre(columns[2], neighbours, rank, nodes)]
    for c, order in enumerate(orders):
        step = height / max(1, len(order))
        for k, iri in enumerate(order):
            nodes[iri].x = round((c - 1) * COLUMN_GAP, 1)
            nodes[iri].y = round((k + 0.5) * step - height / 2, 1)


def _by_barycentre(column: set[str], neighbours, rank: dict[str, float], nodes) -> list[str]:
    """The column's nodes by the weighted mean rank of the sectors they link to; folded nodes last."""
    def centre(iri: str) -> tuple:
        linked = [(rank[m], w) for m, w in neighbours[iri] if m in rank]
        total = sum(w for _, w in linked)
        mean = sum(r * w for r, w in linked) / total if total else 1.0
        return (nodes[iri].type == OTHER_TYPE, round(mean, 6), nodes[iri].label)

    return sorted(column, key=centre)
