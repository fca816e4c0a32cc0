"""Where triples live: the embedded Oxigraph store (``kg.store.embedded``) behind a few methods
(``query``, ``quads``, ``__len__``), so that a remote SPARQL 1.1 store can stand in its place."""

from kg.store.embedded import FORMATS_BY_SUFFIX, GraphStore, rdf_format_for, serialize

__all__ = ["FORMATS_BY_SUFFIX", "GraphStore", "rdf_format_for", "serialize"]
