"""Loading documents' graphs in batches (kg/build/batches.py): however the batches fall, the store
holds what a transaction per document would give; a document read again is replaced; a shared
statement is held once."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from paths import REPO

from kg.build import batches as batches_module
from kg.build.batches import GraphBatches
from kg.graph import document_lines
from kg.pipeline import extract_file
from kg.store import GraphStore
from kg.store.sources import ENTITY_GRAPH, graph_name

DIGESTS = sorted((REPO / "tests" / "data" / "digests").glob("*.txt"))[:4]


@pytest.fixture(scope="module")
def parts():
    return [document_lines(extract_file(path)) for path in DIGESTS]


def dump(store: GraphStore) -> set[ox.Quad]:
    return set(store.quads())


def one_transaction_each(parts, path: Path) -> GraphStore:
    store = GraphStore(path)
    for part in parts:
        store.replace_document(part.key, [q.triple for q in ox.parse(part.graph, format=ox.RdfFormat.N_QUADS)])
        store.add_to_graph(ENTITY_GRAPH, part.shared)
    return store


@pytest.mark.parametrize("batch_bytes", [1, 50_000, 1 << 30])
def test_any_batch_size_holds_what_a_transaction_per_document_holds(parts, tmp_path, monkeypatch, batch_bytes) -> None:
    monkeypatch.setattr(batches_module, "BATCH_BYTES", batch_bytes)
    store = GraphStore(tmp_path / "batched")
    batches = GraphBatches(store, replace=False)
    for part in parts:
        batches.add_document(part.key, part.graph, part.shared)
    batches.flush()
    assert dump(store) == dump(one_transaction_each(parts, tmp_path / "each"))
    assert {g.value for g in store.graphs()} == {graph_name(p.key).value for p in parts} | {ENTITY_GRAPH.value}


def test_shared_statements_of_several_documents_are_held_once(parts, tmp_path) -> None:
    store = GraphStore(tmp_path / "s")
    batches = GraphBatches(store, replace=False)
    for part in parts:
        batches.add_document(part.key, part.graph, part.shared)
        batches.add_entities(part.shared)  # the same statements again
    batches.flush()
    shared = [t.triple for part in parts for t in ox.parse(part.shared, format=ox.RdfFormat.N_TRIPLES)]
    held = [q.triple for q in store.quads(ENTITY_GRAPH)]
    assert sorted(held, key=str) == sorted(set(shared), key=str)
    assert len(held) < 2 * len(shared)


def test_a_document_read_again_replaces_its_graph(parts, tmp_path) -> None:
    part = parts[0]
    store = GraphStore(tmp_path / "s")
    stale = ox.Triple(ox.NamedNode("https://example.org/stale"), ox.NamedNode("https://example.org/p"), ox.Literal("x"))
    store.replace_document(part.key, [stale])
    batches = GraphBatches(store, replace=True)
    batches.add_document(part.key, part.graph, part.shared)
    batches.flush()
    held = {q.triple for q in store.quads(graph_name(part.key))}
    assert stale not in held
    assert held == {q.triple for q in ox.parse(part.graph, format=ox.RdfFormat.N_QUADS)}


def test_a_batch_hands_the_loader_each_shared_statement_once(parts, tmp_path) -> None:
    store = GraphStore(tmp_path / "s")
    loaded: list[bytes] = []
    real_load = store.bulk_load
    store.bulk_load = lambda quads, **kw: (loaded.append(quads), real_load(quads, **kw))
    batches = GraphBatches(store, replace=False)
    for part in parts:
        batches.add_document(part.key, part.graph, part.shared)
    batches.add_entities(parts[0].shared)  # statements the batch holds already
    batches.flush()
    (batch,) = loaded
    in_entities = [line for line in batch.splitlines() if line.endswith(f"{ENTITY_GRAPH} .".encode())]
    assert len(in_entities) == len(set(in_entities)) == len(list(store.quads(ENTITY_GRAPH)))
    assert len(in_entities) == len({line for part in parts for line in part.shared.splitlines()})


def test_a_load_that_fails_in_its_thread_fails_the_flush(parts, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(batches_module, "BATCH_BYTES", 1)  # every document a batch of its own
    batches = GraphBatches(GraphStore(tmp_path / "s"), replace=False)
    batches.add_document(parts[0].key, parts[0].graph, parts[0].shared)
    batches.add_document("broken", b"<https://example.org/s> not N-Quads\n", b"")
    with pytest.raises(SyntaxError):
        batches.flush()
