"""graph.ttl and graph.trig: written graph by graph in graph IRI order, each document's part made by
the worker that extracted it, kept in the generation's chunks/ and taken over by the next build. The
workers' parts are what the store gives; whatever a build takes over, its files equal a fresh build's
byte for byte, and they hold exactly the store's quads (read by pyoxigraph and rdflib)."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from paths import REPO

from kg.build import build
from kg.build.outputs import CHUNK_STAMP, CHUNKS
from kg.build.summary import DocumentLine
from kg.namespace import PREFIXES
from kg.store import open_store
from kg.store.graph_files import document_parts, prefix_header, write_graph_files
from kg.store.sources import is_document_graph

DIGESTS = REPO / "tests" / "data" / "digests"
FILES = ("graph.ttl", "graph.trig")


def files(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in FILES}


def chunk_inodes(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_ino for p in (out / "current" / CHUNKS).iterdir() if p.name != CHUNK_STAMP}


def test_a_rebuild_takes_over_the_kept_documents_parts_and_writes_a_fresh_builds_bytes(inputs, tmp_path):
    out = tmp_path / "out"
    first = build([inputs], out, page=False, jobs=1)
    assert first.triples == len(open_store(out))  # the workers' counts and the shared graphs'
    documents = len(list(inputs.glob("*.txt")))
    before = chunk_inodes(out)
    assert len(before) == 2 * documents  # a Turtle and a TriG part per document
    renamed = sorted(inputs.glob("*.txt"))[0]
    renamed.rename(inputs / f"renamed-{renamed.name}")  # the same text: the same key, another file name
    added = sorted(DIGESTS.glob("*.txt"))[4]
    shutil.copy(added, inputs / added.name)
    report = build([inputs], out, page=False)
    assert (report.read, report.kept) == (2, documents - 1)
    after = chunk_inodes(out)
    taken_over = {name for name, inode in after.items() if before.get(name) == inode}
    assert len(taken_over) == 2 * (documents - 1)  # the kept documents' parts, linked, not written again
    assert files(out) == files(_fresh(inputs, tmp_path / "fresh"))
    assert b"renamed-" in (out / "graph.ttl").read_bytes()  # the renamed document's part is new
    assert report.triples == len(open_store(out))  # counted from the previous count and what changed
    records = {r["source"]: r for r in json.loads((out / "records.json").read_text(encoding="utf-8"))}
    kept = [line for line in report.lines if line.kept]  # their lines from lines.json, not parsed again
    assert len(kept) == documents - 1
    assert kept == [DocumentLine.of_record(line.file, records[line.file], kept=True) for line in kept]
    (inputs / added.name).unlink()
    report = build([inputs], out, page=False)
    assert report.dropped == 1 and report.triples == len(open_store(out))


def test_parts_by_another_writer_are_not_taken_over(inputs, tmp_path):
    out = tmp_path / "out"
    build([inputs], out, page=False, jobs=1)
    (out / "current" / CHUNKS / CHUNK_STAMP).write_text("another writer\n", encoding="utf-8")
    for part in (out / "current" / CHUNKS).glob("*.ttl"):
        part.unlink()
        part.write_bytes(b"<urn:stale> <urn:stale> <urn:stale> .\n")
    added = sorted(DIGESTS.glob("*.txt"))[4]
    shutil.copy(added, inputs / added.name)
    build([inputs], out, page=False)
    assert b"urn:stale" not in (out / "graph.ttl").read_bytes()
    assert files(out) == files(_fresh(inputs, tmp_path / "fresh"))


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own TriG parser and N-Quads writer
def test_the_files_hold_exactly_the_stores_quads(inputs, tmp_path):
    out = tmp_path / "out"
    build([inputs], out, page=False, jobs=1)
    quads = set(open_store(out).quads())
    assert quads and all(q.graph_name != ox.DefaultGraph() for q in quads)
    trig = set(ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG))
    assert trig == quads
    turtle = set(ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE))
    assert {t.triple for t in turtle} == {q.triple for q in quads}
    assert len(turtle) == len(quads)  # every triple in one graph: none lost or repeated in the union
    dataset = rdflib.Dataset()
    dataset.parse(out / "graph.trig", format="trig")
    via_rdflib = set(ox.parse(dataset.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS))
    assert via_rdflib == quads
    graph = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    assert len(graph) == len(quads)


def test_the_trig_parts_are_what_oxigraphs_own_trig_writer_writes(inputs, tmp_path):
    out = tmp_path / "out"
    build([inputs], out, page=False, jobs=1)
    store = open_store(out)
    # a document's graph in the order of its triples' N-Triples text, a shared graph in the store's
    written = [ox.serialize(sorted(store.quads(graph), key=lambda q: str(q.triple)) if is_document_graph(graph)
                            else store.quads(graph), format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
               for graph in store.graphs()]
    header = prefix_header(written[0])
    assert header and all(part.startswith(header) for part in written)
    assert (out / "graph.trig").read_bytes() == header + b"".join(part[len(header):] for part in written)


def test_the_parts_the_workers_write_are_what_the_store_gives(inputs, tmp_path):
    out = tmp_path / "out"
    build([inputs], out, page=False, jobs=2)
    chunks = out / "current" / CHUNKS
    from_workers = {p.name: p.read_bytes() for p in chunks.iterdir() if p.name != CHUNK_STAMP}
    store = open_store(out)
    assert len(from_workers) == 2 * sum(map(is_document_graph, store.graphs()))
    written = {fmt: io.BytesIO() for fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG)}
    write_graph_files(store._store, store.graphs(), written, PREFIXES)  # no chunks: every part from the store
    assert written[ox.RdfFormat.TURTLE].getvalue() == (out / "graph.ttl").read_bytes()
    assert written[ox.RdfFormat.TRIG].getvalue() == (out / "graph.trig").read_bytes()
    for name in from_workers:
        (chunks / name).unlink()
    store.dump_graph_files(tmp_path / "again.ttl", tmp_path / "again.trig", chunks)  # made again, and kept
    assert {p.name: p.read_bytes() for p in chunks.iterdir() if p.name != CHUNK_STAMP} == from_workers
    assert (tmp_path / "again.trig").read_bytes() == (out / "graph.trig").read_bytes()


def _fresh(inputs: Path, out: Path) -> Path:
    build([inputs], out, page=False, jobs=1)
    return out


def test_a_documents_parts_are_of_one_named_graph():
    line = '<https://example.org/s> <https://example.org/p> "o" {}.\n'
    one = line.format("<https://example.org/g> ").encode()
    parts = document_parts(one + one, PREFIXES)  # a repeated line is one triple
    assert parts[ox.RdfFormat.TRIG].count(b"\n") == 3 and parts[ox.RdfFormat.TURTLE].count(b"\n") == 1
    for bad in (line.format("").encode(), one + line.format("<https://example.org/h> ").encode()):
        with pytest.raises(ValueError, match="one named graph"):
            document_parts(bad, PREFIXES)
