"""The per-document work of a build, on all local cores: read → extract → records → graph part.

``make_part`` turns one path into a ``Part`` (everything the build keeps of a document, already
serialized: the record, its summary line, the text, the document's graph as N-Quads, its parts of
graph.ttl and graph.trig (``kg.store.graph_files.document_parts``: the workers write them, not the
build process) and its statements about shared entities as N-Triples) or an ``InputError``. It is a plain top-level
function of a path, so that a process pool maps it here and a Dask cluster can map it elsewhere.
``make_parts`` runs it over a list of paths in a process pool and yields the results in the order
of the paths. A window of chunks stays submitted, so the workers go on while the build process
loads a batch into the store; the window bounds what waits in memory: a batch of documents,
never the corpus.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.build.summary import DocumentLine
from kg.errors import InputError
from kg.records import DocumentRecord

# Paths handed to a worker at a time: enough to amortise the hand-over; the results of a chunk
# come back together.
CHUNK = 4
# Chunks submitted and not yet taken back, per worker: about two of the build's load batches
# (kg.build.batches, ~130 documents of ~250 kB), so that the workers go on while this process
# loads one into the store.
IN_FLIGHT = 32
# From this many paths the build process loads the dictionaries (jieba's, the gazetteer) before it
# forks the workers, which then share them. For fewer (a rebuild of a few files) each worker loads
# them itself (~1 s) while the build process copies the previous generation and starts the page.
WARM_UP_FROM = 16


@dataclass
class Part:
    """One document as the build keeps it."""

    path: str
    name: str
    file_sha256: str  # of the file's bytes: what an incremental build compares
    key: str  # the document's key (hash of its text): its graph is kgr:graph/d<key>
    text: str  # the text every span indexes (kept as texts/<key>.txt)
    record: str  # the JSON record (records/<key>.json)
    line: DocumentLine  # the record's summary line
    graph: bytes  # the document's graph: N-Quads, in its named graph
    shared: bytes  # its statements about shared entities, N-Triples
    turtle: bytes  # its graph's part of graph.ttl (chunks/<key>.ttl)
    trig: bytes  # … and of graph.trig (chunks/<key>.trig)
    speech_links: dict[str, list[str]]  # what the page's overview reads of its speeches (kg.view.overview_facts)
    triples: int  # in its graph (distinct), so that the build need not count the store's


def file_sha256(path: str | Path) -> str | None:
    """The SHA-256 of a file's bytes; None when it cannot be read (extraction then says why)."""
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def make_part(path: str | Path) -> Part | InputError:
    """Everything the build keeps of the document at ``path``, or why it cannot be used."""
    from kg.pipeline import extract_file

    try:
        doc = extract_file(path)
    except InputError as exc:
        return exc
    return _part(str(path), doc, file_sha256(path) or "")


def part_from_bytes(path: str, data: bytes, limit: int) -> Part | InputError:
    """``make_part`` of a file whose bytes were sent here (a Dask worker: no shared disk), read with
    the build's size limit ``limit``."""
    from kg.pipeline import extract_source
    from kg.read.files import read_data, size_limit

    try:
        with size_limit(limit):
            doc = extract_source(read_data(data, path, Path(path).suffix.lower()))
    except InputError as exc:
        return exc
    return _part(path, doc, hashlib.sha256(data).hexdigest())


def _part(path: str, doc: DocumentRecord, sha: str) -> Part:
    from kg.build.record_json import record_json
    from kg.graph import document_lines
    from kg.namespace import PREFIXES
    from kg.records import to_record
    from kg.store.graph_files import TRIG, TURTLE, ordered_quads, parts_of
    from kg.store.overview_links import speech_links

    made = document_lines(doc)
    record = to_record(doc)
    quads = ordered_quads(made.graph)  # the graph's lines parsed strictly: the store's loader need not
    chunks = parts_of(quads, PREFIXES)
    for _ in ox.parse(made.shared, format=ox.RdfFormat.N_TRIPLES):  # nor the shared statements'
        pass
    return Part(path, doc.source, sha, made.key, doc.text, record_json(record),
                DocumentLine.of_record(doc.source, record), made.graph, made.shared, chunks[TURTLE], chunks[TRIG],
                speech_links(quads), len(set(quads)))


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def make_parts(paths: Iterable[str | Path], jobs: int | None = None) -> Iterator[Part | InputError]:
    """``make_part`` of every path, in order; ``jobs`` worker processes (default: every core). With
    more than one, the workers start at the call, so that the caller goes on with its own work while
    they extract; the results are taken from the iterator."""
    paths = [str(p) for p in paths]
    wanted = jobs or default_jobs()
    if wanted <= 1 or not paths:
        return map(make_part, paths)
    jobs = min(wanted, len(paths))
    if len(paths) >= WARM_UP_FROM:
        _warm_up()  # loaded once here, shared with the forked workers
    pool = _pool(jobs)
    chunks = [paths[start : start + CHUNK] for start in range(0, len(paths), CHUNK)]
    window = jobs * IN_FLIGHT
    pending = deque(pool.apply_async(_make_chunk, (chunk,)) for chunk in chunks[:window])
    return _results(pool, pending, chunks[window:], window)


def _results(pool, pending: deque, rest: list[list[str]], window: int) -> Iterator[Part | InputError]:
    """The results in order, a chunk submitted for each one taken, so that ``window`` stay in flight."""
    try:
        for chunk in rest:
            pending.append(pool.apply_async(_make_chunk, (chunk,)))
            if len(pending) >= window:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
    finally:
        pool.terminate()


def _make_chunk(paths: list[str]) -> list[Part | InputError]:
    return [make_part(path) for path in paths]


def _warm_up() -> None:
    from kg.dictionary import dictionary
    from kg.graph import vocab_triples

    dictionary().read_all()  # jieba's tokenizer with every word, which the forked workers then share
    vocab_triples()


def _pool(jobs: int):
    # fork: the workers start at once with the parent's loaded dictionaries (jieba, the
    # gazetteer); elsewhere the platform's default start method.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return context.Pool(jobs)
