"""The embedded store: Oxigraph (pyoxigraph), on disk (a RocksDB folder) or in memory.

Queries and dumps go through Oxigraph: its SPARQL engine is 10–30× faster than rdflib's and its
writer ~50× faster (spec/measured.md). On disk, Oxigraph keeps quads in key order, so a dump of
equal content is byte-identical however the store was filled (tests/store/test_embedded.py): the
graph files are dumps, never sorted in Python. An in-memory store (a graph file loaded for
``--graph FILE``) has no such order; ``serialize`` sorts for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.namespace import PREFIXES
from kg.store.graph_files import CHUNK_SUFFIXES, write_graph_files
from kg.store.sources import SOURCES_QUERY, SourceRecord, graph_name, key_of


@lru_cache(maxsize=256)
def _prefixes_named(sparql: str) -> dict[str, str]:
    """The predeclared prefixes whose ``name:`` the query's text holds, the only ones it can use (all of
    them if it has ``\\u`` escapes, which may spell a name). pyoxigraph parses every prefix it is given
    on every query: all 13 cost a cheap query (ASK on the endpoint) ~10% (benchmarks/bench_endpoint.py)."""
    if "\\u" in sparql or "\\U" in sparql:
        return PREFIXES
    return {name: iri for name, iri in PREFIXES.items() if name + ":" in sparql}


FORMATS_BY_SUFFIX = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}


def rdf_format_for(path: str | Path) -> ox.RdfFormat:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS_BY_SUFFIX:
        raise KgError(f"{path}: unknown RDF format (expected one of {', '.join(sorted(FORMATS_BY_SUFFIX))})")
    return FORMATS_BY_SUFFIX[suffix]


class GraphStore:
    """A quad store. The default graph of a query is the union of all graphs, and every triple is
    in one graph (kg/graph.py), so the union counts each fact once."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path else None
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(path))
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except OSError as exc:
            raise KgError(f"{path}: cannot open the store ({' '.join(str(exc).split())})") from exc

    @classmethod
    def from_file(cls, path: str | Path) -> GraphStore:
        """A graph file loaded into an in-memory store."""
        path = Path(path)
        if not path.is_file():
            raise KgError(f"{path}: no such graph file (run `kg build` first, or pass --graph)")
        store = cls()
        try:
            store._store.bulk_load(path=str(path), format=rdf_format_for(path))
        except (SyntaxError, ValueError, OSError) as exc:
            raise KgError(f"{path}: cannot read the graph: {exc}") from exc
        return store

    @classmethod
    def from_quads(cls, quads: Iterable[ox.Quad]) -> GraphStore:
        store = cls()
        store._store.bulk_extend(quads)
        return store

    # ------------------------------------------------------------ reading

    def __len__(self) -> int:
        return len(self._store)

    def quads(self, graph: ox.NamedNode | None = None) -> Iterable[ox.Quad]:
        return self._store.quads_for_pattern(None, None, None, graph)

    def count(self, graph: ox.NamedNode) -> int:
        """The triples in one named graph (0 if there is no such graph)."""
        rows = self._store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
        return int(next(iter(rows))["n"].value)

    def graphs(self) -> list[ox.NamedNode]:
        """The named graphs, in IRI order."""
        return sorted(self._store.named_graphs(), key=lambda g: g.value)

    def query(self, sparql: str, bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None):
        """Run a SPARQL query; ``bindings`` are bound as RDF terms, never pasted into the text.

        The prefixes of ``kg.namespace.PREFIXES`` are predeclared, so ``kg:Speech`` works as is.
        """
        subs = {ox.Variable(k): v for k, v in bindings.items()} if bindings else None
        try:
            return self._store.query(sparql, use_default_graph_as_union=True, substitutions=subs,
                                     prefixes=_prefixes_named(sparql) if len(sparql) <= 4096 else PREFIXES)
        except SyntaxError as exc:
            raise KgError(f"malformed SPARQL query: {exc}") from exc

    def sources(self) -> dict[str, SourceRecord]:
        """The documents the store holds, by key: where each was read from and its hashes."""
        return {key_of(row["doc"].value): SourceRecord(row["path"].value, row["name"].value, row["sha"].value)
                for row in self.query(SOURCES_QUERY)}

    # ------------------------------------------------------------ writing

    def replace_document(self, key: str, triples: bytes | Iterable[ox.Triple]) -> None:
        """The document's graph becomes ``triples`` (N-Triples bytes, or Triples)."""
        self.replace_graph(graph_name(key), triples)

    def drop_document(self, key: str) -> None:
        self.drop_graph(graph_name(key))

    def replace_graph(self, graph: ox.NamedNode, triples: bytes | Iterable[ox.Triple]) -> None:
        self.drop_graph(graph)
        self.add_to_graph(graph, triples)

    def add_to_graph(self, graph: ox.NamedNode, triples: bytes | Iterable[ox.Triple]) -> None:
        """Add to a graph; what it already holds stays, and a triple is held once."""
        if isinstance(triples, bytes):
            self._store.load(input=triples, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
        else:
            self._store.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)

    def bulk_load(self, quads: bytes, *, lenient: bool = False) -> None:
        """Add N-Quads with Oxigraph's bulk loader: many times faster than a transaction, but without
        one, so a load cut short leaves part of it. Only for a store nobody reads until it is whole
        (a build's new generation, kg/build/outputs.py). ``lenient`` skips the parser's checks (of
        IRIs, for one): only for lines already parsed strictly."""
        self._store.bulk_load(quads, ox.RdfFormat.N_QUADS, lenient=lenient)

    def drop_graph(self, graph: ox.NamedNode) -> None:
        if self._store.contains_named_graph(graph):
            self._store.remove_graph(graph)

    def backup(self, target: str | Path) -> None:
        """A copy of this on-disk store at ``target`` (a RocksDB checkpoint: hard links, cheap)."""
        self._store.backup(str(target))

    def flush(self) -> None:
        if self.path:
            self._store.flush()

    def optimize(self) -> None:
        """Compact an on-disk store (RocksDB): after bulk loads, its overlapping table files make
        every read slower."""
        if self.path:
            self._store.optimize()

    # ------------------------------------------------------------ dumping

    def dump(self, path: str | Path, fmt: ox.RdfFormat, prefixes: Mapping[str, str] | None = PREFIXES) -> None:
        """Write every quad (for a triple format, every graph's triples: the union, since every
        triple is in one graph) to ``path`` atomically, with Oxigraph's writer. On disk, Turtle and
        TriG are written graph by graph in graph IRI order (kg.store.graph_files)."""
        from kg.io import atomic_writer

        path = Path(path)
        if self.path is None:  # no canonical order in memory
            from kg.io import atomic_write_bytes

            atomic_write_bytes(path, serialize(self.quads(), fmt, prefixes))
            return
        with atomic_writer(path) as out:
            if fmt in CHUNK_SUFFIXES:
                write_graph_files(self._store, self.graphs(), {fmt: out}, prefixes)
            elif fmt.supports_datasets:
                self._store.dump(out, fmt)
            else:
                for graph in self.graphs():
                    self._store.dump(out, fmt, from_graph=graph)

    def dump_graph_files(self, turtle: str | Path, trig: str | Path, chunks: Path | None = None,
                         prefixes: Mapping[str, str] | None = PREFIXES) -> None:
        """``dump`` to a Turtle and a TriG file at once (one dump of each graph), atomically; with
        ``chunks``, each document graph's parts are taken from that folder or kept there."""
        from kg.io import atomic_writer

        with atomic_writer(Path(turtle)) as ttl, atomic_writer(Path(trig)) as dataset:
            write_graph_files(self._store, self.graphs(), {ox.RdfFormat.TURTLE: ttl, ox.RdfFormat.TRIG: dataset},
                              prefixes, chunks)


_LINE_BASED = (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS)


def serialize(quads: Iterable[ox.Quad], fmt: ox.RdfFormat, prefixes: Mapping[str, str] | None = None) -> bytes:
    """Serialize deterministically: quads (or triples, for triple formats) sorted, duplicates merged."""
    if fmt.supports_datasets:
        items = sorted(set(quads), key=_quad_key)
    else:
        items = sorted({q.triple for q in quads}, key=_triple_key)
    kwargs = {"prefixes": dict(prefixes)} if prefixes and fmt not in _LINE_BASED else {}
    return ox.serialize(items, format=fmt, **kwargs)


def _triple_key(t: ox.Triple) -> tuple[str, str, str]:
    return (str(t.subject), str(t.predicate), str(t.object))


def _quad_key(q: ox.Quad) -> tuple[str, str, str, str]:
    return (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))
