"""The entity network of a graph, for Gephi (GraphML, GEXF) and Neo4j (kg.export.neo4j).

The RDF graph holds, besides speeches, people, units, parties, sectors, regions and meetings, many
provenance nodes (kg:Mention, nif:OffsetBasedString: 70% of the nodes of a build). Drawn as they
are, they give Gephi a hairball of identifiers. So the network keeps the entity nodes, typed by
kg/data/network_nodes.tsv; problems and suggestions (``content``) and provenance are opt-in.

Each node carries what a Gephi user partitions, filters and sizes by: type, label, party, sectors,
regions, meeting and year (for any node, those of the speeches it belongs to, several joined by
``|``), degree, a colour by type and x/y from the network page's layout (kg.view.layout). Two nodes
linked by several properties (a speech and its main sector) get one edge listing them all.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import networkx as nx
import pyoxigraph as ox

from kg.export.formats import ENTITIES_ONLY, NetworkOptions
from kg.namespace import PREFIXES, compact_iri

P = {name: PREFIXES[prefix] + local for name, prefix, local in (
    ("type", "rdf", "type"), ("party", "kg", "party"), ("subject", "dcterms", "subject"),
    ("spatial", "dcterms", "spatial"), ("regionLink", "kg", "regionLink"), ("meeting", "kg", "meeting"),
    ("date", "dcterms", "date"), ("speaker", "kg", "speaker"), ("onBehalfOf", "opengov", "onBehalfOf"),
    ("foafName", "foaf", "name"), ("prefLabel", "skos", "prefLabel"))}
# The label a node shows, most telling first.
LABEL_PROPERTIES = tuple(PREFIXES[p] + local for p, local in (
    ("rdfs", "label"), ("skos", "prefLabel"), ("dcterms", "title"), ("foaf", "name"), ("rdf", "value"),
    ("nif", "anchorOf"), ("kg", "fileName")))
GROUPS = ("entity", "content", "provenance")
SEPARATOR = "|"  # between the values of a many-valued attribute (sectors, regions, …)
MIN_SIZE, MAX_SIZE = 8.0, 36.0
# Every node has these text attributes, empty when its speeches have none (a year is left out then).
EMPTY_FACTS = {"party": "", "sectors": "", "regions": "", "meeting": ""}


@dataclass(frozen=True)
class NodeType:
    name: str
    rdf_class: str  # full IRI
    name_zh: str
    colour: str  # #rrggbb
    group: str
    linked_by: str | None  # full IRI of the property something must link to it by, if any
    neo4j_label: str


@cache
def node_types() -> tuple[NodeType, ...]:
    def full(curie: str) -> str:
        prefix, _, local = curie.partition(":")
        return PREFIXES[prefix] + local

    return tuple(NodeType(r["type"], full(r["class"]), r["name_zh"], r["colour"], r["group"],
                          full(r["linked_by"]) if r["linked_by"] else None, r["neo4j_label"])
                 for r in _data_rows("network_nodes.tsv"))


def _data_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("kg").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader([ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")],
                               delimiter="\t"))


@dataclass
class Node:
    iri: str
    type: NodeType
    label: str
    speeches: set[str] = field(default_factory=set)  # the speeches it belongs to (a speech: itself)


@dataclass
class Network:
    """Nodes by IRI and edges (source, target) → properties (compact IRIs), both sorted."""

    nodes: dict[str, Node]
    edges: dict[tuple[str, str], list[str]]
    facts: dict[str, dict[str, list[str]]]  # speech → party, sectors, regions, meeting, year
    links: list[tuple[str, str, str]]  # the RDF links between nodes, one per triple: (s, property IRI, o)
    literals: dict[str, dict[str, list[ox.Literal]]]  # node → property IRI → its literal values
    classes: dict[str, set[str]]  # node → its rdf:type IRIs

    def attributes(self, node: Node) -> dict[str, str | int]:
        """party, sectors, regions, meeting (labels joined by |) and the first year of its speeches."""
        values: dict[str, list[str]] = defaultdict(list)
        for speech in sorted(node.speeches):
            for key, items in self.facts[speech].items():
                values[key] += [v for v in items if v not in values[key]]
        out: dict[str, str | int] = {k: SEPARATOR.join(sorted(v)) for k, v in values.items() if v and k != "year"}
        if values["year"]:
            out["year"] = int(min(values["year"]))
        return out


def build_network(quads: Iterable[ox.Quad], options: NetworkOptions = ENTITIES_ONLY) -> Network:
    triples = sorted({q.triple for q in quads}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    classes: dict[str, set[str]] = defaultdict(set)
    literals: dict[str, dict[str, list[ox.Literal]]] = defaultdict(lambda: defaultdict(list))
    links: list[tuple[str, str, str]] = []
    for t in triples:
        if isinstance(t.subject, ox.Triple):
            continue
        subject, predicate = t.subject.value, t.predicate.value
        if predicate == P["type"]:
            classes[subject].add(t.object.value)
        elif isinstance(t.object, ox.Literal):
            literals[subject][predicate].append(t.object)
        elif isinstance(t.object, ox.NamedNode | ox.BlankNode):
            links.append((subject, predicate, t.object.value))
    groups = {g for g, on in zip(GROUPS, (True, options.content, options.provenance), strict=True) if on}
    linked_by = {(p, o) for _, p, o in links}
    by_subject: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in links:
        by_subject[s][p].append(o)
    nodes: dict[str, Node] = {}
    facts = {}
    for iri in sorted(classes):
        kind = next((k for k in node_types() if k.rdf_class in classes[iri]), None)
        if kind is None or kind.group not in groups or (kind.linked_by and (kind.linked_by, iri) not in linked_by):
            continue
        label = _label(iri, literals)
        if kind.name == "speech":
            facts[iri] = _speech_facts(by_subject, literals, iri)
            label = label or _untitled_label(by_subject[iri], literals)
        nodes[iri] = Node(iri, kind, label or compact_iri(iri))
    kept = [(s, p, o) for s, p, o in links if s in nodes and o in nodes and s != o]
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for s, p, o in kept:
        pair = (s, o) if (o, s) not in edges else (o, s)  # an inverse link joins the edge already there
        edges[pair].append(compact_iri(p))
        for a, b in ((s, o), (o, s)):
            if nodes[a].type.name == "speech":
                nodes[b].speeches.add(a)
    for iri in facts:
        nodes[iri].speeches.add(iri)
    return Network(nodes, {pair: sorted(set(props)) for pair, props in sorted(edges.items())}, facts, kept,
                   {iri: dict(literals[iri]) for iri in nodes}, {iri: classes[iri] for iri in nodes})


def _label(iri: str, literals: dict[str, dict[str, list[ox.Literal]]]) -> str | None:
    """The first Chinese (or untagged) label in LABEL_PROPERTIES order, else the first label at all."""
    found = [v for prop in LABEL_PROPERTIES for v in sorted(literals[iri].get(prop, []), key=lambda v: v.value)]
    found.sort(key=lambda v: v.language not in ("zh", None))  # stable: property order kept within each
    return " ".join(found[0].value.split()) if found else None


def _labels(iris: list[str], literals) -> list[str]:
    return [_label(i, literals) or compact_iri(i) for i in sorted(set(iris))]


def _speech_facts(by_subject, literals, speech: str) -> dict[str, list[str]]:
    links = by_subject[speech]
    meetings = sorted(set(links.get(P["meeting"], [])))
    years = [m[0] for m in (re.match(r"\d{4}", v.value) for mt in meetings for v in literals[mt].get(P["date"], []))
             if m]
    return {"party": _labels(links.get(P["party"], []), literals),
            "sectors": _labels(links.get(P["subject"], []), literals),
            "regions": _labels(links.get(P["spatial"], []) + links.get(P["regionLink"], []), literals),
            "meeting": _labels(meetings, literals),
            "year": sorted(set(years))}


def _untitled_label(links: dict[str, list[str]], literals) -> str:
    """An untitled speech (a news report's) is named by its speaker, or else its unit: 王轩发言."""
    who = _labels(links.get(P["speaker"], []), literals) or _labels(links.get(P["onBehalfOf"], []), literals)
    return (who[0] if who else "") + "发言"


# ---------------------------------------------------------------- networkx, GraphML, GEXF

def to_networkx(network: Network, for_gexf: bool = False) -> nx.DiGraph:
    """A directed graph with every attribute Gephi reads: colour as #hex and r/g/b, x/y, size.

    In GEXF colour, position and size also go into the ``viz`` element Gephi draws from.
    """
    from kg.view.layout import compute_positions

    graph = nx.DiGraph()
    ids = list(network.nodes)
    degree: dict[str, int] = defaultdict(int)
    for a, b in network.edges:
        degree[a] += 1
        degree[b] += 1
    positions = compute_positions(ids, list(network.edges))
    top = max(degree.values(), default=1)
    for iri, node in network.nodes.items():
        x, y = positions[iri]
        size = round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * (degree[iri] / top) ** 0.5, 1)
        r, g, b = (int(node.type.colour[i:i + 2], 16) for i in (1, 3, 5))
        attrs = {"label": node.label, "type": node.type.name, "type_zh": node.type.name_zh, "iri": iri,
                 **EMPTY_FACTS, **network.attributes(node), "degree": degree[iri], "colour": node.type.colour,
                 "size": size, "x": float(x), "y": float(-y)}  # the page's y grows downwards, Gephi's up
        if for_gexf:
            attrs["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}, "size": size,
                            "position": {"x": float(x), "y": float(-y), "z": 0.0}}
        else:
            attrs.update(r=r, g=g, b=b)
        graph.add_node(iri, **attrs)
    for (a, b), props in network.edges.items():
        graph.add_edge(a, b, label=SEPARATOR.join(props), property=SEPARATOR.join(props), weight=1.0)
    return graph


_GEXF_DATE = re.compile(rb'\s+lastmodifieddate="[^"]*"')


def network_bytes(quads: Iterable[ox.Quad], fmt: str, options: NetworkOptions = ENTITIES_ONLY) -> bytes:
    """GraphML or GEXF of the network. GEXF without networkx's date stamp, so reruns are identical."""
    graph = to_networkx(build_network(quads, options), for_gexf=fmt == "gexf")
    buffer = io.BytesIO()
    if fmt == "gexf":
        nx.write_gexf(graph, buffer)
        return _GEXF_DATE.sub(b"", buffer.getvalue())
    nx.write_graphml(graph, buffer, infer_numeric_types=True)
    return buffer.getvalue()
