"""Answering one query within the result limits; and the worker process of kg.ask.pool.

``answer`` runs a Job against a store and serializes the answer, stopping as soon as it passes the
row or byte limit: SELECT results are first written as TSV (one row a line), through a writer
that counts lines and bytes and stops the engine when over, then rewritten in the media type the
client asked for; CONSTRUCT/DESCRIBE triples are taken one by one up to the row limit. A query
whose answer is known to fit (a repeatable one, answered before over a graph that does not change)
is written straight in the asked format: the TSV round costs a cheap SELECT ~20% more. The endpoint
calls it in worker processes, and in its own threads for queries already seen to be cheap (kg.ask.pool).

As a process, ``python -m kg.ask.worker FD SOURCE LIMITS`` opens SOURCE once (a graph file, or a
store directory opened read-only), caps its own address space (``resource.setrlimit``), says
"ready" on the connection at file descriptor FD, then answers each Job it receives until the
connection closes. It is started as its own module (not through multiprocessing's spawn, which
would import the parent's main script, here the whole `kg` command line) to import only what
answering needs.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import resource
import signal
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from multiprocessing.connection import Connection
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox

from kg.ask.query import run_raw
from kg.ask.results import TURTLE_PREFIXES
from kg.errors import KgError, QueryError
from kg.store import GraphStore, open_store
from kg.store.remote import RemoteStore, is_url

# Workers run the queries not yet seen to be cheap, hostile ones among them: below the server's own
# priority, so that HTTP and the queries it answers in-process keep their share of the CPU.
WORKER_NICE = 5
TSV = ox.QueryResultsFormat.TSV
NT = ox.RdfFormat.N_TRIPLES


@dataclass(frozen=True)
class Job:
    """A query to run, the bindings of its variables, and the media types to answer in."""

    sparql: str
    bindings: Mapping[str, ox.Literal]
    results_type: str = "application/sparql-results+json"  # SELECT and ASK
    graph_type: str = "text/turtle"  # CONSTRUCT and DESCRIBE
    # the same answer on every run over the same graph (no RAND, NOW, UUID, BNODE, SERVICE: kg.endpoint.guard)
    repeatable: bool = False

    @cached_property
    def key(self) -> bytes:
        """The query and its bindings, as a digest: 10,000 large queries remembered take little memory."""
        text = self.sparql + "\0" + "\0".join(f"{k}={v}" for k, v in sorted(self.bindings.items()))
        return hashlib.blake2b(text.encode(), digest_size=16).digest()


class Answer(NamedTuple):  # a tuple: made for every answer, cheaper than a frozen dataclass
    content_type: str
    body: bytes
    rows: int  # solutions, or triples; 1 for ASK
    seconds: float = 0.0  # time to run and serialize


class ResultTooLarge(QueryError):
    """The answer passed the row or byte limit; the engine was stopped there."""


# ASK answers as written by pyoxigraph, by media type and value: a few, and a call saved on each ASK
_BOOLEANS: dict[tuple[str, bool], bytes] = {}


@lru_cache(maxsize=64)  # the few media types asked for
def _results_format(media_type: str) -> ox.QueryResultsFormat:
    return ox.QueryResultsFormat.from_media_type(media_type)


@lru_cache(maxsize=64)
def _graph_format(media_type: str) -> ox.RdfFormat:
    return ox.RdfFormat.from_media_type(media_type)


def open_source(source: str | Path) -> GraphStore:
    """A store folder or output folder is opened read-only (nothing loaded, several processes read it
    at once); a graph file is loaded into memory; an http(s) URL is a SPARQL store's query endpoint
    (`kg serve --store`), asked over HTTP."""
    if is_url(source):
        return RemoteStore.at(source, query=source)
    return open_store(source, read_only=True)


class _CappedWriter:
    """A file-like sink for the serializer that stops it past ``max_lines`` lines or ``max_bytes``."""

    def __init__(self, max_lines: int, max_bytes: int) -> None:
        self.parts: list[bytes] = []
        self.lines = self.size = 0
        self.max_lines, self.max_bytes = max_lines, max_bytes
        self.over: str | None = None

    def write(self, data) -> int:
        if self.over:  # the serializer may try again after the first refusal: the first reason stands
            raise OSError("result limit reached")
        data = bytes(data)
        self.lines += data.count(b"\n")
        self.size += len(data)
        if self.lines > self.max_lines:
            self.over = "rows"
        elif self.size > self.max_bytes:
            self.over = "bytes"
        if self.over:
            raise OSError("result limit reached")
        self.parts.append(data)
        return len(data)

    def flush(self) -> None:
        pass


def _too_large(kind: str, max_rows: int, max_bytes: int) -> ResultTooLarge:
    limit = f"{max_rows} rows (--max-rows)" if kind == "rows" else f"{max_bytes} bytes (--max-result-bytes)"
    return ResultTooLarge(f"the answer is over the limit of {limit}: add LIMIT or narrow the query")


def _capped(write, max_lines: int, max_rows: int, max_bytes: int) -> tuple[bytes, int]:
    sink = _CappedWriter(max_lines, max_bytes)
    try:
        write(sink)
    except OSError:
        if sink.over:
            raise _too_large(sink.over, max_rows, max_bytes) from None
        raise
    return b"".join(sink.parts), sink.lines


def answer(store: GraphStore, job: Job, max_rows: int, max_bytes: int, rows: int | None = None) -> Answer:
    """Run ``job``; ResultTooLarge past ``max_rows`` rows or ``max_bytes`` bytes of answer.

    ``rows``: how many rows the answer is known to have (a repeatable query over a graph that does not
    change, answered before within the limits). Its rows need no counting then, and it is written
    straight in the format asked for, in one call (its size is bounded by the earlier answer's: the
    same rows, in another format at most).
    """
    started = time.perf_counter()
    result = run_raw(store, job.sparql, job.bindings)
    if isinstance(result, ox.QueryBoolean):
        fmt = _results_format(job.results_type)
        written = (job.results_type, bool(result))
        body = _BOOLEANS.get(written)
        if body is None:
            body = _BOOLEANS[written] = result.serialize(format=fmt)
        return Answer(fmt.media_type, body, 1, time.perf_counter() - started)
    if isinstance(result, ox.QuerySolutions):
        fmt = _results_format(job.results_type)
        if rows is not None:
            body = result.serialize(format=fmt)
        else:
            tsv, lines = _capped(lambda out: result.serialize(out, format=TSV), max_rows + 1, max_rows, max_bytes)
            body = tsv if fmt == TSV else ox.parse_query_results(tsv, format=TSV).serialize(format=fmt)
            rows = max(lines - 1, 0)
    else:  # triples are taken one by one up to the limit, then written at once
        triples = list(itertools.islice(result, max_rows + 1))
        if len(triples) > max_rows:
            raise _too_large("rows", max_rows, max_bytes)
        fmt = _graph_format(job.graph_type)
        prefixes = {} if fmt in (NT, ox.RdfFormat.JSON_LD) else {"prefixes": TURTLE_PREFIXES}
        body, rows = ox.serialize(triples, format=fmt, **prefixes), len(triples)
    if len(body) > max_bytes:
        raise _too_large("bytes", max_rows, max_bytes)
    return Answer(fmt.media_type, body, rows, time.perf_counter() - started)


def safe_answer(store: GraphStore, job: Job, max_rows: int, max_bytes: int, rows: int | None = None
                ) -> tuple[str, object]:
    """("ok", Answer), ("too-large", message) or ("query-error", message): what a worker sends back."""
    try:
        return "ok", answer(store, job, max_rows, max_bytes, rows)
    except ResultTooLarge as exc:
        return "too-large", str(exc)
    except QueryError as exc:
        return "query-error", str(exc)
    except (RuntimeError, ValueError, OSError, SyntaxError) as exc:  # raised while the lazy answer runs
        return "query-error", f"the query cannot be run: {' '.join(str(exc).split())}"


def _cap_memory(megabytes: int) -> None:
    """Let the address space grow by ``megabytes`` beyond what holding the graph took."""
    if megabytes <= 0:
        return
    status = Path("/proc/self/status")
    size_kb = 0
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmSize:"):
                size_kb = int(line.split()[1])
    limit = size_kb * 1024 + megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def serve_jobs(source: str, conn: Connection, limits: Mapping[str, int]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the server stops us
    os.nice(WORKER_NICE)
    try:
        store = open_source(source)
    except KgError as exc:
        conn.send(("failed", str(exc)))
        return
    _cap_memory(limits["memory_mb"])
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        conn.send(safe_answer(store, job, limits["max_rows"], limits["max_bytes"]))


if __name__ == "__main__":  # run through the module's own name, so the answers pickle as kg.ask.worker's
    from kg.ask.worker import serve_jobs as run

    run(sys.argv[2], Connection(int(sys.argv[1])), json.loads(sys.argv[3]))
