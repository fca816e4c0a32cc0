"""DocumentRecords → an RDF dataset that follows docs/model.md, where every triple is in exactly one
graph, so that the union of the graphs (what a SPARQL store's default graph is) counts right:

- ``kgr:graph/d<hash>``, one per document: what that document says (the document, its speeches,
  issues, suggestions, mentions and offsets);
- ``kgr:graph/entities``: the shared entities (people, units, committees, meetings, regions and
  their hierarchy, composite regions), each statement once however many documents make it;
- ``kgr:graph/vocab``: the sector scheme, the party table and the warning codes;
- ``kgr:graph/build``: the build and the sources it read.

A triple's graph follows from its subject (``graph_for``). Per document the graph stage makes a
``DocumentPart``: its own graph and the shared statements it contributes; the entity graph is the
union of the contributions of the documents a store holds. A build writes each document's part as
N-Triples text (``document_lines``, kg/graph/writer.py); the library's terms are rdflib's (what
pySHACL and the tests speak), and ``to_ox`` hands them to pyoxigraph. There are no blank nodes.
"""

from kg.graph.dataset import (
    SourceEntry,
    build_dataset,
    build_quads,
    build_triples,
    graph_quads,
    ntriples,
    prov_activity,
    prov_times,
    times_graph,
    to_ox,
    to_ox_quads,
    to_quads,
    vocab_triples,
)
from kg.graph.document import DocumentLines, DocumentPart, document_lines, document_part, graph_for

__all__ = ["DocumentLines", "DocumentPart", "SourceEntry", "build_dataset", "build_quads", "build_triples",
           "document_lines", "document_part", "graph_for", "graph_quads", "ntriples", "prov_activity", "prov_times",
           "times_graph", "to_ox", "to_ox_quads", "to_quads", "vocab_triples"]
