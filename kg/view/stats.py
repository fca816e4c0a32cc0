"""Analytics over the graph: node counts, centrality, communities and co-occurrence matrices.

Centrality and communities are computed on a projection of the RDF graph: its nodes are the
parties, regions and sectors that speeches name (``kg:party``, ``dcterms:spatial`` and
``kg:regionLink``, ``dcterms:subject``); two of them are linked when a speech names both, the
link weighted by the number of such speeches. Communities are networkx's Louvain communities
with a fixed seed, on nodes and edges added in a fixed order, so the same graph gives the same
communities.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from itertools import combinations

import networkx as nx

from kg.ask.query import run
from kg.ask.results import compact, text_table
from kg.namespace import compact_iri
from kg.store import GraphStore

SEED = 42
EXACT_BETWEENNESS_UP_TO = 2000  # nodes; above that, betweenness is estimated from a fixed sample
FORMATS = ("table", "csv", "json")

_NODE_COUNTS = """
SELECT ?type (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type ORDER BY DESC(?n) ?type
"""
_SPEECH_NODES = """
SELECT DISTINCT ?speech ?node ?kind ?label WHERE {
  ?speech a kg:Speech .
  { ?speech kg:party ?node . ?node skos:prefLabel ?label . BIND("party" AS ?kind) }
  UNION { ?speech dcterms:spatial|kg:regionLink ?node . ?node rdfs:label ?label . BIND("region" AS ?kind) }
  UNION { ?speech dcterms:subject ?node . ?node skos:prefLabel ?label .
          FILTER(LANG(?label) = "zh") BIND("sector" AS ?kind) }
}
"""


@dataclass
class Matrix:
    """Speech counts: ``counts[i][j]`` speeches name ``rows[i]`` and ``columns[j]``."""

    title: str
    rows: list[str]
    columns: list[str]
    counts: list[list[int]]


@dataclass
class Stats:
    node_counts: list[tuple[str, int]]
    centrality: list[dict]
    communities: list[list[str]]
    matrices: list[Matrix] = field(default_factory=list)


def node_counts(store: GraphStore) -> list[tuple[str, int]]:
    return [(compact(r[0]), int(r[1].value)) for r in run(store, _NODE_COUNTS).rows]


def projection(store: GraphStore) -> nx.Graph:
    """Parties, regions and sectors, linked (weight = speeches) when a speech names both."""
    by_speech: dict[str, set[str]] = defaultdict(set)
    nodes: dict[str, tuple[str, str]] = {}
    for speech, node, kind, label in run(store, _SPEECH_NODES).rows:
        by_speech[speech.value].add(node.value)
        nodes[node.value] = (kind.value, label.value)
    weights: dict[tuple[str, str], int] = defaultdict(int)
    for members in by_speech.values():
        for pair in combinations(sorted(members), 2):
            weights[pair] += 1
    graph = nx.Graph()
    for iri in sorted(nodes):
        graph.add_node(iri, kind=nodes[iri][0], label=nodes[iri][1])
    for (a, b), weight in sorted(weights.items()):
        graph.add_edge(a, b, weight=weight)
    return graph


def centrality(graph: nx.Graph) -> list[dict]:
    """Per node: degree centrality, weighted degree (speech links), betweenness; most central first."""
    if graph.number_of_nodes() == 0:
        return []
    degree = nx.degree_centrality(graph)
    sample = None if graph.number_of_nodes() <= EXACT_BETWEENNESS_UP_TO else 500
    between = nx.betweenness_centrality(graph, k=sample, seed=SEED)
    rows = [{"node": n, "label": d["label"], "kind": d["kind"], "degree": round(degree[n], 4),
             "weighted_degree": graph.degree(n, weight="weight"), "betweenness": round(between[n], 4)}
            for n, d in graph.nodes(data=True)]
    return sorted(rows, key=lambda r: (-r["betweenness"], -r["degree"], r["kind"], r["label"]))


def communities(graph: nx.Graph) -> list[list[str]]:
    """Louvain communities (fixed seed) as lists of node IRIs, largest first."""
    if graph.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(graph, weight="weight", seed=SEED)
    members = [sorted(c, key=lambda n: (graph.nodes[n]["kind"], graph.nodes[n]["label"], n)) for c in found]
    return sorted(members, key=lambda c: (-len(c), graph.nodes[c[0]]["label"]))


def matrix(store: GraphStore, kind: str) -> Matrix:
    """``kind`` ("party" or "region") × sector: speeches naming both. Rows are resources, not labels:
    two places of one name (鼓楼区 of 福州 and of 南京) are two rows, told apart by their codes."""
    link = "kg:party ?row . ?row skos:prefLabel ?rowLabel" if kind == "party" else (
        "dcterms:spatial ?row . ?row rdfs:label ?rowLabel OPTIONAL { ?row kg:adminCode ?code }")
    sparql = f"""SELECT ?row ?rowLabel ?code ?sectorLabel (COUNT(DISTINCT ?speech) AS ?n) WHERE {{
      ?speech a kg:Speech ; {link} . ?speech dcterms:subject ?sector .
      ?sector skos:prefLabel ?sectorLabel . FILTER(LANG(?sectorLabel) = "zh")
    }} GROUP BY ?row ?rowLabel ?code ?sectorLabel"""
    answer = run(store, sparql).records()
    iris_by_label: dict[str, set[str]] = defaultdict(set)
    for r in answer:
        iris_by_label[r["rowLabel"]].add(r["row"])
    cells: dict[tuple[str, str], int] = {}
    for r in answer:
        label = r["rowLabel"]
        if len(iris_by_label[label]) > 1:
            label = f"{label}（{r['code'] or compact_iri(r['row'])}）"
        cells[(label, r["sectorLabel"])] = int(r["n"])
    row_total: dict[str, int] = defaultdict(int)
    col_total: dict[str, int] = defaultdict(int)
    for (r, c), n in cells.items():
        row_total[r] += n
        col_total[c] += n
    rows = sorted(row_total, key=lambda r: (-row_total[r], r))
    columns = sorted(col_total, key=lambda c: (-col_total[c], c))
    title = "党派 × 领域 (party × sector)" if kind == "party" else "地区 × 领域 (region × sector)"
    return Matrix(title, rows, columns, [[cells.get((r, c), 0) for c in columns] for r in rows])


def compute(store: GraphStore) -> Stats:
    graph = projection(store)
    labelled = [[graph.nodes[n]["label"] for n in c] for c in communities(graph)]
    matrices = [matrix(store, "party"), matrix(store, "region")]
    return Stats(node_counts(store), centrality(graph), labelled, matrices)


# --- output -------------------------------------------------------------------------------------------

def tables(stats: Stats) -> list[tuple[str, list[str], list[list]]]:
    """(title, header, rows) for each table, as printed and as shown in the report."""
    measures = ["kind", "degree", "weighted_degree", "betweenness"]
    out = [("节点数 node counts", ["type", "count"], [list(r) for r in stats.node_counts]),
           ("中心度 centrality", ["label", *measures],
            [[r["label"]] + [r[k] for k in measures] for r in stats.centrality]),
           ("社群 communities (Louvain)", ["community", "size", "members"],
            [[i + 1, len(c), "、".join(c)] for i, c in enumerate(stats.communities)])]
    for m in stats.matrices:
        rows = [[r, *counts] for r, counts in zip(m.rows, m.counts, strict=True)]
        out.append((m.title, ["", *m.columns], rows))
    return out


def render(stats: Stats, fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps(asdict(stats), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":  # one tidy table: which table, row, column, value
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["table", "row", "column", "value"])
        for title, header, rows in tables(stats):
            for row in rows:
                for column, value in zip(header[1:], row[1:], strict=True):
                    writer.writerow([title, row[0], column, value])
        return buf.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}")
    return "\n".join(f"{title}\n" + (text_table([str(h) for h in header], [[str(c) for c in r] for r in rows])
                                      if rows else "(none)\n") for title, header, rows in tables(stats))
