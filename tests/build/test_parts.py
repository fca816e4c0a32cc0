"""The extraction stage (kg/build/parts.py): a pool of workers gives what one process gives, in the
order of the paths, a file that cannot be used as an InputError in its place; the bytes sent to a
Dask worker give the same part as the path."""

from __future__ import annotations

import json

import pyoxigraph as ox
from paths import REPO

from kg.build import parts as parts_module
from kg.build.parts import make_part, make_parts, part_from_bytes
from kg.build.summary import DocumentLine
from kg.errors import InputError
from kg.read.files import max_size
from kg.store.sources import graph_name

DIGESTS = sorted((REPO / "tests" / "data" / "digests").glob("*.txt"))[:5]
BAD = REPO / "tests" / "data" / "bad" / "empty.txt"


def test_workers_give_what_one_process_gives_in_the_order_of_the_paths(monkeypatch) -> None:
    monkeypatch.setattr(parts_module, "CHUNK", 1)  # many chunks, few in flight: the window slides
    monkeypatch.setattr(parts_module, "IN_FLIGHT", 1)
    paths = [*DIGESTS[:2], BAD, *DIGESTS[2:]]
    alone = list(make_parts(paths, jobs=1))
    pooled = list(make_parts(paths, jobs=2))
    assert [type(p) for p in pooled] == [type(p) for p in alone]
    assert isinstance(pooled[2], InputError) and str(BAD) in str(pooled[2])
    assert [p.path for p in pooled if not isinstance(p, InputError)] == [str(p) for p in DIGESTS]
    assert [p for p in pooled if not isinstance(p, InputError)] == [p for p in alone if not isinstance(p, InputError)]


def test_a_part_holds_the_document_graph_in_its_named_graph_and_the_record_line() -> None:
    part = make_part(DIGESTS[0])
    graphs = {q.graph_name for q in ox.parse(part.graph, format=ox.RdfFormat.N_QUADS)}
    assert graphs == {graph_name(part.key)}
    assert part.line == DocumentLine.of_record(part.name, json.loads(part.record))
    assert part.line.speeches > 0


def test_bytes_sent_to_a_cluster_worker_give_the_same_part() -> None:
    path = DIGESTS[1]
    assert part_from_bytes(str(path), path.read_bytes(), max_size()) == make_part(str(path))
