"""Where triples live, behind one small interface so that a backend is a small class.

A store (``GraphStore``, the embedded Oxigraph store of ``kg.store.embedded``; a remote SPARQL 1.1
store can be another class with the same methods) offers:

- ``sources() -> dict[key, SourceRecord]``: the documents it holds, by key (the hash of the
  document's text), each with its path, file name and the SHA-256 of the file's bytes; read from
  its build graph (``kgr:graph/build``, see ``kg.store.sources``);
- ``replace_document(key, triples)`` and ``drop_document(key)``: the document's named graph
  (``kgr:graph/d<key>``) replaced whole or removed; ``triples`` are N-Triples bytes or Triples;
- ``replace_graph(graph, triples)``, ``add_to_graph(graph, triples)``, ``drop_graph(graph)``: the
  shared graphs (``kgr:graph/entities``, ``kgr:graph/vocab``, ``kgr:graph/build``);
- ``query(sparql, bindings)``: SPARQL over the union of the graphs, the kg prefixes predeclared;
- ``quads(graph=None)``, ``graphs()``, ``__len__``, ``dump(path, format)``.

Every triple is in exactly one graph (kg/graph.py), so the union counts each fact once and a
triple format is the concatenation of the graphs.

The build (kg/build/) flows: extract (``kg.build.parts.make_parts``: a list of paths in, one
``Part`` per document out, in a process pool; a Dask variant maps the same ``make_part`` on a
cluster) → per-document N-Quads, bulk-loaded in batches into the new generation's embedded store
(``GraphStore.bulk_load``, ``kg.build.batches``) with the shared statements → the build graph →
``dump``.

``open_store(target)`` opens what commands read: a store folder, an output folder (its current
generation's store), or a graph file (loaded into memory, for ``--graph FILE``).
"""

from kg.store.embedded import FORMATS_BY_SUFFIX, GraphStore, rdf_format_for, serialize
from kg.store.open import DEFAULT_OUTPUTS, open_store

__all__ = ["DEFAULT_OUTPUTS", "FORMATS_BY_SUFFIX", "GraphStore", "open_store", "rdf_format_for", "serialize"]
