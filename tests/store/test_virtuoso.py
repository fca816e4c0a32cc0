"""A second real SPARQL store, opt-in: Debian's Virtuoso (apt-get install virtuoso-opensource),
started with a new database on free ports and stopped by its PID. The same push, reads and
questions as against oxigraph serve (tests/store/test_remote.py), through Virtuoso's own endpoint
paths (/sparql and /sparql-graph-crud)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from live_parts import start_virtuoso
from paths import REPO, SAMPLE_DIR

from kg.ask.query import ask, questions
from kg.build import build
from kg.store import GraphStore
from kg.store.push import checksums, push
from kg.store.remote import RemoteStore

DIGESTS = [*sorted(SAMPLE_DIR.glob("*.txt")), REPO / "tests/data/digests/anji-cppcc-11-4-speeches.txt"]


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    part, url = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    yield url
    part.stop()


def test_virtuoso_holds_the_build_and_answers_as_the_local_store(virtuoso, tmp_path):
    build(DIGESTS, tmp_path / "out", page=False)
    local = GraphStore.from_file(tmp_path / "out/graph.trig")
    endpoints = {"query": f"{virtuoso}/sparql", "data": f"{virtuoso}/sparql-graph-crud"}
    remote = RemoteStore.at(virtuoso, **endpoints)
    pushed = push(local, remote)
    assert sorted(pushed.documents.values()) == sorted(p.name for p in DIGESTS)
    assert set(remote.quads()) == set(local.quads())
    assert checksums(remote) == checksums(local)  # the same checksums from another engine
    assert push(local, remote).written == 0  # so a second push sends nothing
    for name, question in questions().items():
        if all(p.default is not None for p in question.params):
            assert ask(remote, name) == ask(local, name), name
    cli = [sys.executable, "-m", "kg", "query", "speeches-by-party", "--format", "csv"]
    far = subprocess.run([*cli, "--store", virtuoso, "--store-query", endpoints["query"]],
                         capture_output=True, text=True, timeout=300)
    near = subprocess.run([*cli, "--graph", str(tmp_path / "out/graph.trig")], capture_output=True, text=True,
                          timeout=300)
    assert far.returncode == 0, far.stderr
    assert far.stdout == near.stdout
