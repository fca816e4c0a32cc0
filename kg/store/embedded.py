"""The embedded store: Oxigraph (pyoxigraph), in memory or on disk.

Queries and dumps go through Oxigraph (pyoxigraph): on this machine its SPARQL engine is 10–30×
faster than rdflib's and its Turtle writer is ~50× faster (spec/measured.md), so neither rdflib's
SPARQL engine nor its Turtle serializer sits on the path of a build, a query or the endpoint.
An on-disk store is ``GraphStore(path=...)``; a remote SPARQL store would be another class with
the same three methods (``query``, ``quads``, ``__len__``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.namespace import PREFIXES

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
    """A read-mostly quad store. The default graph of a query is the union of all graphs."""

    def __init__(self, path: str | Path | None = None) -> None:
        self._store = ox.Store(str(path)) if path else ox.Store()

    @classmethod
    def from_file(cls, path: str | Path) -> GraphStore:
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

    def __len__(self) -> int:
        return len(self._store)

    def quads(self) -> Iterable[ox.Quad]:
        return self._store.quads_for_pattern(None, None, None, None)

    def query(self, sparql: str, bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None):
        """Run a SPARQL query; ``bindings`` are bound as RDF terms, never pasted into the text.

        The prefixes of ``kg.namespace.PREFIXES`` are predeclared, so ``kg:Speech`` works as is.
        """
        subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        try:
            return self._store.query(sparql, use_default_graph_as_union=True, substitutions=subs or None,
                                     prefixes=PREFIXES)
        except SyntaxError as exc:
            raise KgError(f"malformed SPARQL query: {exc}") from exc

    def dump(self, path: str | Path, fmt: ox.RdfFormat, prefixes: Mapping[str, str] | None = None) -> None:
        """Write all quads (or, for triple formats, the union of the graphs) atomically."""
        from kg.io import atomic_write_bytes

        atomic_write_bytes(Path(path), serialize(self.quads(), fmt, prefixes))


def serialize(quads: Iterable[ox.Quad], fmt: ox.RdfFormat, prefixes: Mapping[str, str] | None = None) -> bytes:
    """Serialize deterministically: quads (or triples, for triple formats) sorted, duplicates merged."""
    if fmt.supports_datasets:
        items = sorted(set(quads), key=_quad_key)
    else:
        items = sorted({q.triple for q in quads}, key=_triple_key)
    line_based = fmt in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS)
    kwargs = {"prefixes": dict(prefixes)} if prefixes and not line_based else {}
    return ox.serialize(items, format=fmt, **kwargs)


def _triple_key(t: ox.Triple) -> tuple[str, str, str]:
    return (str(t.subject), str(t.predicate), str(t.object))


def _quad_key(q: ox.Quad) -> tuple[str, str, str, str]:
    return (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))
