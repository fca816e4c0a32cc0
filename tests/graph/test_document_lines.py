"""A document's graph as the build writes it (``document_lines``): the same triples, in the same
graphs, as the library's rdflib graph (``build_quads``), whatever characters its strings hold."""

from __future__ import annotations

import dataclasses

import pyoxigraph as ox
from fixtures_records import fixture_document

from kg.graph import build_quads, document_lines
from kg.namespace import KG, NIF
from kg.store.sources import ENTITY_GRAPH, graph_name


def test_lines_hold_the_quads_of_the_dataset() -> None:
    doc = fixture_document()
    made = document_lines(doc)
    quads = set(build_quads([doc]))
    own = set(ox.parse(made.graph, format=ox.RdfFormat.N_QUADS))
    assert own == {q for q in quads if q.graph_name == graph_name(made.key)}
    shared = {ox.Quad(*t.triple, ENTITY_GRAPH) for t in ox.parse(made.shared, format=ox.RdfFormat.N_TRIPLES)}
    assert shared == {q for q in quads if q.graph_name == ENTITY_GRAPH}


def test_awkward_strings_reach_the_graph_unchanged() -> None:
    name = 'a "quoted" \\ back\tslash\r\n😀.txt'
    doc = dataclasses.replace(fixture_document(), source=name)
    made = document_lines(doc)
    objects = {(q.predicate.value, q.object.value) for q in ox.parse(made.graph, format=ox.RdfFormat.N_QUADS)
               if isinstance(q.object, ox.Literal)}
    assert (str(KG.fileName), name) in objects
    assert (str(NIF.isString), doc.text) in objects  # the whole text, its line breaks included
