"""Copying a build's graphs to a remote SPARQL store (``kg build --store URL``), so that the store
ends up with exactly the build's kg graphs, each written whole.

What is already there is not sent again: each graph's checksum (the sum, over its triples, of a
number taken from the SHA-256 of the triple) is computed by SPARQL on both sides, so an unchanged
graph costs no transfer, and a changed one is replaced whole by one PUT, which a server applies
as one transaction. The documents' graphs go first and the build graph (the list of sources)
last; graphs the build no longer has are dropped at the end. When the store stops answering,
``PushFailed`` names, on one line, the URL and the documents (and other graphs) not written.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kg.store.remote import DOCUMENT_GRAPHS, DOCUMENTS_QUERY, KG_GRAPHS, RemoteStore, StoreUnreachable

MAX_NAMED = 20  # documents named in a failure's one line
BUILD_GRAPH = f"{KG_GRAPHS}build"

# Per kg graph: its number of triples and a checksum that any SPARQL 1.1 engine computes alike:
# the sum of 12 decimal digits (within a 64-bit integer for graphs of millions of triples) of
# each triple's SHA-256. The triple's text is percent-encoded first, as Virtuoso hashes other
# bytes than UTF-8 for non-ASCII text, and a language tag is marked with "~", which
# ENCODE_FOR_URI leaves alone everywhere (Virtuoso also leaves "@" unencoded and gives a
# language-tagged literal no datatype).
_CHECKSUMS = f"""SELECT ?g (COUNT(*) AS ?n) (SUM(?h) AS ?sum) WHERE {{
  GRAPH ?g {{ ?s ?p ?o }}
  FILTER(STRSTARTS(STR(?g), "{KG_GRAPHS}"))
  BIND(xsd:integer(CONCAT("0", SUBSTR(REPLACE(SHA256(ENCODE_FOR_URI(CONCAT(STR(?s), " ", STR(?p), " ", STR(?o), " ",
       IF(isLiteral(?o), IF(LANG(?o) != "", CONCAT("~", LANG(?o)), STR(DATATYPE(?o))), "<>")))), "[a-f]", ""),
       1, 12))) AS ?h)
}} GROUP BY ?g"""


class PushFailed(StoreUnreachable):
    """Some graphs of a build did not reach the store."""

    def __init__(self, url: str, reason: str, documents: list[str], graphs: list[str]) -> None:
        shown = ", ".join(documents[:MAX_NAMED]) + (f" and {len(documents) - MAX_NAMED} more"
                                                    if len(documents) > MAX_NAMED else "")
        plural = "s" if len(documents) != 1 else ""
        what = [f"{len(documents)} document{plural} not written: {shown}" if documents else "",
                f"nor the graphs {', '.join(graphs)}" if graphs else ""]
        super().__init__(url, "; ".join([reason, *filter(None, what)]))
        self.documents = documents  # file names
        self.graphs = graphs  # the other graphs (vocabulary, entities, build), IRIs


@dataclass(frozen=True)
class Pushed:
    """What a push did, and the documents the store holds afterwards (graph IRI → file name)."""

    url: str
    written: int
    unchanged: int
    dropped: int
    documents: dict[str, str]

    def summary(self) -> str:
        return (f"store {self.url}: holds {len(self.documents)} documents ({self.written} graphs written, "
                f"{self.unchanged} unchanged, {self.dropped} dropped)")


def push(source, target: RemoteStore) -> Pushed:
    """Make ``target``'s kg graphs equal to those of ``source`` (any store with ``query``).
    Graphs other than kg's are left alone. Raises ``PushFailed``."""
    have = checksums(source)
    names = {row["g"].value: row["name"].value for row in source.query(DOCUMENTS_QUERY)}

    def failed(exc: StoreUnreachable, rest: list[str]) -> PushFailed:
        return PushFailed(exc.url, exc.reason, [names[g] for g in rest if g in names],
                          [g for g in rest if g not in names])

    try:
        held = checksums(target)
    except StoreUnreachable as exc:
        raise failed(exc, sorted(have, key=_write_order)) from None
    changed = sorted((g for g in have if held.get(g) != have[g]), key=_write_order)
    for n, graph in enumerate(changed):
        # serialized at once: an engine's lazy answer must not outlive this thread (pyoxigraph's
        # cannot be dropped on another, and a failure's traceback would keep it)
        body = ox.serialize(source.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"),
                            format=ox.RdfFormat.N_TRIPLES)
        try:
            target.replace_graph(ox.NamedNode(graph), body)
        except StoreUnreachable as exc:
            raise failed(exc, changed[n:]) from None
    stale = sorted(set(held) - set(have))
    for graph in stale:
        target.drop_graph(ox.NamedNode(graph))
    return Pushed(target.url, len(changed), len(have) - len(changed), len(stale), target.documents())


def _write_order(graph: str) -> tuple:
    """The documents' graphs first, the build graph (the sources) last."""
    return (not graph.startswith(DOCUMENT_GRAPHS), graph == BUILD_GRAPH, graph)


def checksums(store) -> dict[str, tuple[int, int]]:
    """kg graph IRI → (triples, checksum)."""
    return {row["g"].value: (int(row["n"].value), int(row["sum"].value)) for row in store.query(_CHECKSUMS)}
