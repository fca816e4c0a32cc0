"""The dataset of many documents: the vocabulary graph, the entity graph as the union of the
documents' shared statements, the build graph (the build and its sources), and the conversions to
pyoxigraph terms (``to_ox``, ``ntriples``) through which the graph reaches the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import PROV, SKOS

import kg
from kg.errors import KgError
from kg.graph import terms
from kg.graph.document import document_part
from kg.lexicon import Party, parties
from kg.namespace import KG
from kg.ontology import load_sector_scheme
from kg.records import DocumentRecord


@dataclass(frozen=True)
class SourceEntry:
    """A source the build read: the document's hash, the path as given, the SHA-256 of its bytes."""

    key: str
    path: str | None = None
    file_sha256: str | None = None



def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def vocab_triples() -> list[tuple]:
    """The vocabulary graph: the sector scheme, every party, the warning codes."""
    triples = list(load_sector_scheme())
    for party in parties():
        triples += party_triples(party)
    scheme = URIRef(terms.WARNING_SCHEME)
    triples += [(scheme, RDF.type, SKOS.ConceptScheme),
                (scheme, SKOS.prefLabel, zh("抽取存疑类型")),
                (scheme, SKOS.prefLabel, Literal("extraction warnings", lang="en"))]
    for code, (label_zh, label_en) in terms.warning_labels().items():
        iri = URIRef(terms.warning_iri(code))
        triples += [(iri, RDF.type, SKOS.Concept), (iri, SKOS.inScheme, scheme),
                    (iri, SKOS.topConceptOf, scheme), (scheme, SKOS.hasTopConcept, iri),
                    (iri, SKOS.notation, Literal(code)), (iri, SKOS.prefLabel, zh(label_zh)),
                    (iri, SKOS.prefLabel, Literal(label_en, lang="en"))]
    return triples


def party_triples(party: Party) -> list[tuple]:
    iri = URIRef(terms.party_iri(party.id))
    return [(iri, RDF.type, KG.Party), (iri, SKOS.prefLabel, zh(party.short)),
            (iri, SKOS.altLabel, zh(party.full)), (iri, RDFS.label, Literal(party.en, lang="en"))]


def graph_quads(docs: Iterable[DocumentRecord], version: str = kg.__version__) -> list[tuple]:
    """(subject, predicate, object, graph) of ``docs`` as rdflib terms, each quad once and each
    triple in one graph. The same text read twice is the same document."""
    quads: list[tuple] = [(*triple, URIRef(terms.VOCAB_GRAPH)) for triple in vocab_triples()]
    shared: dict[tuple, None] = {}
    seen: dict[str, DocumentRecord] = {}
    for doc in docs:
        dhash = terms.doc_hash(doc)
        if dhash not in seen:
            seen[dhash] = doc
            part = document_part(doc)
            graph = URIRef(terms.graph_iri(dhash))
            quads += [(*triple, graph) for triple in part.graph]
            shared.update(dict.fromkeys(part.shared))
    quads += [(*triple, URIRef(terms.ENTITY_GRAPH)) for triple in shared]
    quads += [(*triple, URIRef(terms.BUILD_GRAPH)) for triple in prov_activity(seen.values(), version)]
    return quads


def build_dataset(docs: Iterable[DocumentRecord], version: str = kg.__version__) -> Dataset:
    """The graph of ``docs`` as an rdflib Dataset (what pySHACL and notebooks speak)."""
    dataset = Dataset()
    dataset.addN((s, p, o, dataset.graph(g)) for s, p, o, g in graph_quads(docs, version))
    return dataset


def build_quads(docs: Iterable[DocumentRecord], version: str = kg.__version__) -> list[ox.Quad]:
    """The graph of ``docs`` as pyoxigraph quads, without an rdflib store on the way."""
    return to_ox_quads(graph_quads(docs, version))


def _term_converter():
    """rdflib term → pyoxigraph term, each distinct term converted once (terms recur a lot)."""
    cache: dict = {}

    def term(x):
        found = cache.get(x)
        if found is None:
            found = cache[x] = to_ox(x)
        return found

    return term


def to_ox_quads(quads: Iterable[tuple]) -> list[ox.Quad]:
    """rdflib (s, p, o, g) tuples as pyoxigraph quads."""
    term = _term_converter()
    return [ox.Quad(term(s), term(p), term(o), term(g)) for s, p, o, g in quads]


def ntriples(triples: Iterable[tuple]) -> bytes:
    """rdflib (s, p, o) triples as N-Triples, how a document's part travels and is loaded."""
    term = _term_converter()
    return ox.serialize([ox.Triple(term(s), term(p), term(o)) for s, p, o in triples],
                        format=ox.RdfFormat.N_TRIPLES)


def prov_activity(docs: Iterable[DocumentRecord], version: str = kg.__version__) -> list[tuple]:
    """The build graph of ``docs`` (see ``build_triples``), their paths as the records give them."""
    return build_triples([SourceEntry(terms.doc_hash(doc), doc.path) for doc in docs], version)


def build_triples(sources: Iterable[SourceEntry], version: str = kg.__version__) -> list[tuple]:
    """The build as a prov:Activity that used the documents and generated their graphs, and the
    sources the store holds (path, SHA-256 of the file): what an incremental build compares with.

    Only what is the same on every rebuild: the wall-clock times are in ``prov_times``.
    """
    entries = sorted({entry.key: entry for entry in sources}.values(), key=lambda e: e.key)
    activity = URIRef(terms.build_iri(version, [e.key for e in entries]))
    triples: list[tuple] = [
        (activity, RDF.type, PROV.Activity),
        (activity, RDFS.label, Literal("kg build", lang="en")),
        (activity, KG.version, Literal(version)),
    ]
    for entry in entries:
        graph, doc = URIRef(terms.graph_iri(entry.key)), URIRef(terms.doc_iri(entry.key))
        triples += [
            (activity, PROV.used, doc),
            (graph, RDF.type, PROV.Entity),
            (graph, PROV.wasGeneratedBy, activity),
            (graph, PROV.wasDerivedFrom, doc),
        ]
        if entry.path:
            triples.append((doc, KG.sourcePath, Literal(entry.path)))
        if entry.file_sha256:
            triples.append((doc, KG.fileSha256, Literal(entry.file_sha256)))
    return triples


def prov_times(docs: Iterable[DocumentRecord], started: datetime, ended: datetime,
               version: str = kg.__version__) -> Graph:
    """The build with when it ran: what the build writes to outputs/provenance.ttl. The times stay
    out of graph.ttl, which must be byte-identical on rebuild; the rest is in both.

    ``started`` and ``ended`` should be timezone-aware (xsd:dateTime with an offset).
    """
    return times_graph(prov_activity(docs, version), started, ended)


def times_graph(build: list[tuple], started: datetime, ended: datetime) -> Graph:
    """The build graph's triples plus the activity's start and end times."""
    graph = Graph()
    for triple in build:
        graph.add(triple)
    activity = next(s for s, p, o in build if p == RDF.type and o == PROV.Activity)
    graph.add((activity, PROV.startedAtTime, Literal(started.isoformat(), datatype=XSD.dateTime)))
    graph.add((activity, PROV.endedAtTime, Literal(ended.isoformat(), datatype=XSD.dateTime)))
    return graph


def to_quads(dataset: Dataset) -> list[ox.Quad]:
    """The dataset as pyoxigraph quads (the default graph's triples in ox.DefaultGraph)."""
    quads = []
    for s, p, o, g in dataset.quads((None, None, None, None)):
        graph_name = ox.DefaultGraph() if g is None or g == DATASET_DEFAULT_GRAPH_ID else to_ox(g)
        quads.append(ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph_name))
    return quads


def to_ox(term) -> ox.NamedNode | ox.Literal:
    if isinstance(term, BNode):
        raise KgError(f"blank node {term.n3()} in the graph: every resource needs an IRI")
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


