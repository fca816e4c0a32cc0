"""Exports of a built graph for other tools: each format a writer from quads to bytes.

RDF formats go through Oxigraph's writers (Turtle, N-Triples, N-Quads, TriG, RDF/XML); JSON-LD is
compact with its context embedded, so that any JSON-LD processor (pyld, Oxigraph, rdflib) reads the
one file as it is; CSV is one row per triple; GraphML and GEXF are the entity network for Gephi
(kg.export.network); ``neo4j`` is a folder of CSV files for ``neo4j-admin database import`` (kg.export.neo4j).

``export`` writes a file atomically (temp file + rename); ``to_bytes`` gives the bytes, for stdout.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.io import atomic_write_bytes
from kg.namespace import PREFIXES
from kg.namespace import compact_iri as _compact_iri
from kg.store import rdf_format_for, serialize

RDF_TYPE = PREFIXES["rdf"] + "type"
compact_iri = lru_cache(maxsize=4096)(_compact_iri)  # predicates and types repeat: compact each once
XSD_STRING = PREFIXES["xsd"] + "string"
_RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
# The suffix each format is written with, first one the default; -o picks the format from these.
SUFFIXES: dict[str, tuple[str, ...]] = {
    "turtle": (".ttl",), "nt": (".nt",), "nquads": (".nq",), "trig": (".trig",),
    "jsonld": (".jsonld", ".json"), "rdfxml": (".rdf", ".owl"), "graphml": (".graphml",),
    "gexf": (".gexf",), "csv": (".csv",), "neo4j": ("",),
}
DIRECTORY_FORMATS = ("neo4j",)  # written as a folder of files, not one file


@dataclass(frozen=True)
class NetworkOptions:
    """What the Gephi network (GraphML, GEXF) and the Neo4j files hold besides the entities."""

    content: bool = False  # problems (kg:Issue) and suggestions (kg:Suggestion)
    provenance: bool = False  # documents, mentions (kg:Mention) and text spans (nif:OffsetBasedString)


ENTITIES_ONLY = NetworkOptions()


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
    try:
        return list(ox.parse(path=str(path), format=rdf_format_for(path)))
    except (SyntaxError, ValueError, OSError) as exc:
        raise KgError(f"{path}: cannot read the graph: {' '.join(str(exc).split())}") from exc


def format_for_suffix(path: str | Path) -> str:
    """The export format a file name asks for; an unknown suffix is a KgError, never Turtle."""
    suffix = Path(path).suffix.lower()
    for name, suffixes in SUFFIXES.items():
        if suffix in suffixes and name not in DIRECTORY_FORMATS:
            return name
    known = ", ".join(s for name, ss in SUFFIXES.items() for s in ss if s)
    raise KgError(f"{path}: unknown output suffix {suffix or '(none)'!r} (expected one of {known}, "
                  "or give --format)")


def to_bytes(quads: Iterable[ox.Quad], fmt: str, options: NetworkOptions = ENTITIES_ONLY) -> bytes:
    """``quads`` in the one-file format ``fmt``."""
    if fmt in DIRECTORY_FORMATS:
        raise KgError(f"the {fmt} export is a folder of files: give -o DIR")
    if fmt not in WRITERS:
        raise KgError(f"unknown export format {fmt!r} (expected one of {', '.join(FORMATS)})")
    return WRITERS[fmt](list(quads), options)


def export(quads: Iterable[ox.Quad], fmt: str, path: str | Path,
           options: NetworkOptions = ENTITIES_ONLY) -> list[Path]:
    """Write ``quads`` to ``path`` in format ``fmt`` (a file, or a folder for neo4j); return the files."""
    if fmt == "neo4j":
        from kg.export.neo4j import write_import_files

        return write_import_files(list(quads), Path(path), options)
    data = to_bytes(quads, fmt, options)
    atomic_write_bytes(Path(path), data)
    return [Path(path)]


def _rdf_writer(fmt: ox.RdfFormat) -> Callable[[list[ox.Quad], NetworkOptions], bytes]:
    return lambda quads, _options: serialize(quads, fmt, PREFIXES)


# ---------------------------------------------------------------- JSON-LD

def jsonld_context() -> dict:
    """The context of kg's JSON-LD: our prefixes, so keys read ``kg:title``."""
    return dict(PREFIXES)


def to_jsonld(quads: list[ox.Quad], _options: NetworkOptions = ENTITIES_ONLY) -> bytes:
    """Compact JSON-LD with the context embedded: one self-contained file.

    pyoxigraph writes only expanded JSON-LD (full IRIs everywhere), hence this small writer.
    """
    graphs: dict[str | None, dict[str, dict[str, list]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list)))
    for quad in set(quads):
        graph = None if isinstance(quad.graph_name, ox.DefaultGraph) else compact_iri(quad.graph_name.value)
        graphs[graph][_node_id(quad.subject)][quad.predicate.value].append(quad.object)
    items: list[dict] = []
    for graph in sorted(graphs, key=lambda g: (g is not None, g or "")):
        nodes = [_jsonld_node(subject, props) for subject, props in sorted(graphs[graph].items())]
        items.extend(nodes if graph is None else [{"@id": graph, "@graph": nodes}])
    document = {"@context": jsonld_context(), "@graph": items}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _node_id(term: ox.NamedNode | ox.BlankNode) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else compact_iri(term.value)


def _jsonld_node(subject: str, props: dict[str, list]) -> dict:
    node: dict = {"@id": subject}
    for predicate in sorted(props, key=lambda p: (p != RDF_TYPE, p)):
        objects = sorted(props[predicate], key=str)
        if predicate == RDF_TYPE:
            node["@type"] = [compact_iri(o.value) for o in objects]
        else:
            node[compact_iri(predicate)] = [_jsonld_value(o) for o in objects]
    return node


def _jsonld_value(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> dict | str:
    if isinstance(term, ox.NamedNode | ox.BlankNode):
        return {"@id": _node_id(term)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype.value == XSD_STRING:
        return term.value
    return {"@value": term.value, "@type": compact_iri(term.datatype.value)}


# ---------------------------------------------------------------- CSV

CSV_HEADER = ("subject", "predicate", "object", "object_kind", "datatype", "language", "graph")


def to_csv(quads: list[ox.Quad], _options: NetworkOptions = ENTITIES_ONLY) -> bytes:
    """One row per quad, IRIs in full: subject, predicate, object, its kind (iri, literal, blank),
    datatype, language and graph (empty for the default graph). Sorted, so reruns are identical."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for quad in sorted(set(quads), key=lambda q: (str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))):
        obj = quad.object
        kind = "iri" if isinstance(obj, ox.NamedNode) else "blank" if isinstance(obj, ox.BlankNode) else "literal"
        datatype = obj.datatype.value if kind == "literal" and not obj.language else ""
        graph = "" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        writer.writerow([_csv_term(quad.subject), quad.predicate.value, _csv_term(obj), kind, datatype,
                         obj.language or "" if kind == "literal" else "", graph])
    return buffer.getvalue().encode("utf-8")


def _csv_term(term) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


# ---------------------------------------------------------------- GraphML / GEXF (Gephi)

def _network_writer(fmt: str) -> Callable[[list[ox.Quad], NetworkOptions], bytes]:
    def write(quads: list[ox.Quad], options: NetworkOptions) -> bytes:
        from kg.export.network import network_bytes

        return network_bytes(quads, fmt, options)

    return write


WRITERS: dict[str, Callable[[list[ox.Quad], NetworkOptions], bytes]] = {
    **{name: _rdf_writer(fmt) for name, fmt in _RDF_FORMATS.items()},
    "jsonld": to_jsonld,
    "csv": to_csv,
    "graphml": _network_writer("graphml"),
    "gexf": _network_writer("gexf"),
}
FORMATS = (*WRITERS, *DIRECTORY_FORMATS)
