"""The embedded store: dumps of equal content are byte-identical however the store was filled, a
document's graph is replaced or dropped whole, and open_store opens stores, folders and files."""

from __future__ import annotations

import random
from pathlib import Path

import pyoxigraph as ox
import pytest
from fixtures_records import fixture_document

from kg.errors import KgError
from kg.graph import build_quads
from kg.store import GraphStore, open_store
from kg.store.sources import ENTITY_GRAPH, graph_name


@pytest.fixture(scope="module")
def quads() -> list[ox.Quad]:
    return build_quads([fixture_document()])


def filled(path: Path, quads: list[ox.Quad], seed: int) -> GraphStore:
    shuffled = list(quads)
    random.Random(seed).shuffle(shuffled)
    store = GraphStore(path)
    half = len(shuffled) // 2
    store._store.bulk_extend(shuffled[:half])
    for quad in shuffled[half:]:
        store._store.add(quad)
    return store


def test_dumps_of_equal_content_are_byte_identical(tmp_path: Path, quads) -> None:
    a, b = filled(tmp_path / "a", quads, 1), filled(tmp_path / "b", quads, 2)
    # b also loses a graph and gets it back: the order does not depend on the store's history
    entities = [q for q in quads if q.graph_name == ENTITY_GRAPH]
    b.drop_graph(ENTITY_GRAPH)
    b.add_to_graph(ENTITY_GRAPH, [q.triple for q in reversed(entities)])
    for fmt, name in ((ox.RdfFormat.TURTLE, "g.ttl"), (ox.RdfFormat.TRIG, "g.trig"), (ox.RdfFormat.N_QUADS, "g.nq")):
        a.dump(tmp_path / f"a-{name}", fmt)
        b.dump(tmp_path / f"b-{name}", fmt)
        assert (tmp_path / f"a-{name}").read_bytes() == (tmp_path / f"b-{name}").read_bytes()
    turtle = (tmp_path / "a-g.ttl").read_text(encoding="utf-8")
    assert turtle.count("@prefix kg: ") == 1, "the prefixes once, though every graph is dumped in turn"
    assert len(list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))) == len(quads)


def test_a_document_graph_is_replaced_and_dropped_whole(tmp_path: Path, quads) -> None:
    store = filled(tmp_path / "s", quads, 3)
    (doc_graph,) = {q.graph_name for q in quads if q.graph_name.value.split("/")[-1].startswith("d")}
    key = doc_graph.value.split("/graph/d")[-1]
    assert graph_name(key) == doc_graph
    store.replace_document(key, b'<https://example.org/a> <https://example.org/b> "c" .\n')
    assert [q.object.value for q in store.quads(doc_graph)] == ["c"]
    store.drop_document(key)
    assert list(store.quads(doc_graph)) == []
    assert len(store) == len([q for q in quads if q.graph_name != doc_graph])


def test_open_store_takes_a_store_an_output_folder_or_a_file(tmp_path: Path, quads) -> None:
    store = filled(tmp_path / "out" / "store", quads, 4)
    store.dump(tmp_path / "g.trig", ox.RdfFormat.TRIG)
    store.flush()
    del store
    for target in (tmp_path / "out" / "store", tmp_path / "out", tmp_path / "g.trig"):
        assert len(open_store(target)) == len(quads), target
    with pytest.raises(KgError, match="no such graph file or store"):
        open_store(tmp_path / "missing")
    with pytest.raises(KgError, match="neither a store nor an output folder"):
        open_store(tmp_path)
