"""Exporters by name: RDF formats through pyoxigraph's writer, graph formats through networkx.

Each exporter takes the quads and an output path, writes atomically and returns the files it
wrote (JSON-LD also writes its context, ``kg-context.jsonld``, beside the document).
"""

from __future__ import annotations

import io
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kg.errors import KgError
from kg.io import atomic_write_bytes, atomic_write_text
from kg.namespace import PREFIXES, compact_iri
from kg.store import rdf_format_for, serialize

RDF_TYPE = PREFIXES["rdf"] + "type"
XSD_STRING = PREFIXES["xsd"] + "string"
JSONLD_CONTEXT_FILE = "kg-context.jsonld"
# The label a graph view shows for a node, most telling first.
_LABEL_PROPERTIES = tuple(PREFIXES[p] + local for p, local in (
    ("rdfs", "label"), ("skos", "prefLabel"), ("dcterms", "title"), ("foaf", "name"), ("rdf", "value")))
_RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
}
SUFFIXES = {"turtle": ".ttl", "nt": ".nt", "nquads": ".nq", "trig": ".trig", "jsonld": ".jsonld",
            "graphml": ".graphml", "gexf": ".gexf"}


def default_graph_file(outputs: str | Path = "outputs") -> Path:
    """outputs/graph.trig (named graphs kept) if the build wrote it, else outputs/graph.ttl."""
    trig = Path(outputs) / "graph.trig"
    return trig if trig.is_file() else Path(outputs) / "graph.ttl"


def read_graph_file(path: str | Path) -> list[ox.Quad]:
    """All quads of a graph file, exactly as written.

    Parsed, not loaded into a pyoxigraph Store: the store rewrites derived datatypes
    (``"3"^^xsd:nonNegativeInteger`` comes back as ``xsd:integer``), and exports and validation
    must see the graph as built.
    """
    path = Path(path)
    if not path.is_file():
        raise KgError(f"{path}: no such graph file (run `kg build` first, or pass --graph)")
    fmt = rdf_format_for(path)
    try:
        if fmt == ox.RdfFormat.JSON_LD:
            return list(ox.parse(_with_local_context(path), format=fmt))
        return list(ox.parse(path=str(path), format=fmt))
    except (SyntaxError, ValueError, OSError) as exc:
        raise KgError(f"{path}: cannot read the graph: {exc}") from exc


def _with_local_context(path: Path) -> bytes:
    """A JSON-LD document with a context file named beside it (ours) gets that context inlined:
    pyoxigraph loads no contexts from elsewhere."""
    document = json.loads(path.read_text(encoding="utf-8"))
    context = document.get("@context") if isinstance(document, dict) else None
    if isinstance(context, str) and (path.parent / context).is_file():
        document["@context"] = json.loads((path.parent / context).read_text(encoding="utf-8"))["@context"]
    return json.dumps(document).encode("utf-8")


def format_for_suffix(path: str | Path) -> str | None:
    suffix = Path(path).suffix.lower()
    return next((name for name, known in SUFFIXES.items() if known == suffix), None)


def export(quads: Iterable[ox.Quad], fmt: str, path: str | Path) -> list[Path]:
    """Write ``quads`` to ``path`` in format ``fmt`` (a key of EXPORTERS); return the files written."""
    if fmt not in EXPORTERS:
        raise KgError(f"unknown export format {fmt!r} (expected one of {', '.join(EXPORTERS)})")
    return EXPORTERS[fmt](list(quads), Path(path))


def _rdf_exporter(fmt: ox.RdfFormat) -> Callable[[list[ox.Quad], Path], list[Path]]:
    def write(quads: list[ox.Quad], path: Path) -> list[Path]:
        atomic_write_bytes(path, serialize(quads, fmt, PREFIXES))
        return [path]

    return write


# ---------------------------------------------------------------- JSON-LD

def jsonld_context() -> dict:
    """The context every kg JSON-LD document refers to: our prefixes, so keys read ``kg:title``."""
    return {"@context": dict(PREFIXES)}


def export_jsonld(quads: list[ox.Quad], path: Path) -> list[Path]:
    """Compact JSON-LD whose ``@context`` is the file kg-context.jsonld written beside it.

    pyoxigraph writes only expanded JSON-LD (full IRIs everywhere), hence this small writer.
    """
    graphs: dict[str | None, dict[str, dict[str, list]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list)))
    for quad in set(quads):
        graph = None if isinstance(quad.graph_name, ox.DefaultGraph) else compact_iri(quad.graph_name.value)
        graphs[graph][quad.subject.value][quad.predicate.value].append(quad.object)
    items: list[dict] = []
    for graph in sorted(graphs, key=lambda g: (g is not None, g or "")):
        nodes = [_jsonld_node(subject, props) for subject, props in sorted(graphs[graph].items())]
        items.extend(nodes if graph is None else [{"@id": graph, "@graph": nodes}])
    document = {"@context": JSONLD_CONTEXT_FILE, "@graph": items}
    context_path = path.parent / JSONLD_CONTEXT_FILE
    atomic_write_text(context_path, json.dumps(jsonld_context(), ensure_ascii=False, indent=1) + "\n")
    atomic_write_text(path, json.dumps(document, ensure_ascii=False, indent=1) + "\n")
    return [path, context_path]


def _jsonld_node(subject: str, props: dict[str, list]) -> dict:
    node: dict = {"@id": compact_iri(subject)}
    for predicate in sorted(props, key=lambda p: (p != RDF_TYPE, p)):
        objects = sorted(props[predicate], key=str)
        if predicate == RDF_TYPE:
            node["@type"] = [compact_iri(o.value) for o in objects]
        else:
            node[compact_iri(predicate)] = [_jsonld_value(o) for o in objects]
    return node


def _jsonld_value(term: ox.NamedNode | ox.Literal) -> dict | str:
    if isinstance(term, ox.NamedNode):
        return {"@id": compact_iri(term.value)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype.value == XSD_STRING:
        return term.value
    return {"@value": term.value, "@type": compact_iri(term.datatype.value)}


# ---------------------------------------------------------------- GraphML / GEXF (Gephi)

def to_networkx(quads: Iterable[ox.Quad]) -> nx.MultiDiGraph:
    """Resources as nodes (label, type), object properties as edges (property); graphs merged."""
    triples = sorted({q.triple for q in quads},
                     key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    types: dict[str, list[str]] = defaultdict(list)
    edges: list[tuple[str, str, str]] = []
    for triple in triples:
        subject, predicate, obj = triple.subject.value, triple.predicate.value, triple.object
        if predicate == RDF_TYPE:
            types[subject].append(compact_iri(obj.value))
        elif isinstance(obj, ox.NamedNode):
            edges.append((subject, obj.value, compact_iri(predicate)))
        elif predicate in _LABEL_PROPERTIES and obj.language != "en":
            labels[subject].setdefault(predicate, obj.value)
    graph = nx.MultiDiGraph()
    for node in sorted({s.value for s in (t.subject for t in triples)} | {e[1] for e in edges}):
        label = next((labels[node][p] for p in _LABEL_PROPERTIES if p in labels[node]), compact_iri(node))
        graph.add_node(node, label=label, type=" ".join(types[node]))
    for source, target, prop in edges:
        graph.add_edge(source, target, key=prop, property=prop)
    return graph


def _networkx_exporter(write: Callable[[nx.MultiDiGraph, io.BytesIO], None]):
    def export_graph(quads: list[ox.Quad], path: Path) -> list[Path]:
        buffer = io.BytesIO()
        write(to_networkx(quads), buffer)
        atomic_write_bytes(path, buffer.getvalue())
        return [path]

    return export_graph


EXPORTERS: dict[str, Callable[[list[ox.Quad], Path], list[Path]]] = {
    **{name: _rdf_exporter(fmt) for name, fmt in _RDF_FORMATS.items()},
    "jsonld": export_jsonld,
    "graphml": _networkx_exporter(nx.write_graphml),
    "gexf": _networkx_exporter(nx.write_gexf),
}
