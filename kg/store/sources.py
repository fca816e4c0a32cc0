"""What a store records of its sources, as data in its build graph (kgr:graph/build): for each
document, the path it was read from (kg:sourcePath), the SHA-256 of the file's bytes
(kg:fileSha256) and, in the document's graph, its file name (kg:fileName). An incremental build
compares these with the files it is given (kg/build/plan.py).

Plain strings, no rdflib: opening a store for a query stays light.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kg.namespace import KG_RESOURCE

GRAPH_PREFIX = f"{KG_RESOURCE}graph/d"
DOC_PREFIX = f"{KG_RESOURCE}doc/d"
BUILD_GRAPH = ox.NamedNode(f"{KG_RESOURCE}graph/build")
ENTITY_GRAPH = ox.NamedNode(f"{KG_RESOURCE}graph/entities")
VOCAB_GRAPH = ox.NamedNode(f"{KG_RESOURCE}graph/vocab")

SOURCES_QUERY = f"""SELECT ?doc ?path ?name ?sha WHERE {{
  GRAPH <{BUILD_GRAPH.value}> {{ ?doc kg:sourcePath ?path ; kg:fileSha256 ?sha }}
  ?doc kg:fileName ?name }}"""


@dataclass(frozen=True)
class SourceRecord:
    path: str  # as given to the build
    name: str  # the file name (kg:fileName)
    file_sha256: str  # of the file's bytes


def graph_name(key: str) -> ox.NamedNode:
    """The named graph of the document whose key (text hash) is ``key``."""
    return ox.NamedNode(GRAPH_PREFIX + key)


def is_document_graph(graph: ox.NamedNode) -> bool:
    return graph.value.startswith(GRAPH_PREFIX)


def key_of_graph(graph: ox.NamedNode) -> str:
    """The key of a document graph (``is_document_graph``)."""
    return graph.value[len(GRAPH_PREFIX):]


def key_of(doc_iri: str) -> str:
    if not doc_iri.startswith(DOC_PREFIX):
        raise ValueError(f"not a document IRI: {doc_iri}")
    return doc_iri[len(DOC_PREFIX):]
