"""Queries with a time limit that is kept: each query runs in a worker process that holds the graph.

Oxigraph cannot cancel a query once it is running, and a thread cannot be stopped from outside.
So the endpoint sends each query to one of a few worker processes (each loads the graph file once,
at start). When a query overruns its time limit the caller gets ``QueryTimeout`` at once, the
worker running it is killed (the query stops using CPU there and then), and a fresh worker is
started in the background; until it has loaded the graph (about 0.6 s per 100k triples), one
fewer worker serves queries. The price is memory: every worker holds its own copy of the graph.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError, QueryError

STARTUP_TIMEOUT = 300.0  # seconds a worker may take to load the graph


class QueryTimeout(KgError):
    """The query ran over its time limit (or no worker was free in time) and was stopped."""


@dataclass(frozen=True)
class Job:
    """A query to run, the bindings of its variables, and the media types to answer in."""

    sparql: str
    bindings: Mapping[str, ox.Literal]
    results_type: str = "application/sparql-results+json"  # SELECT and ASK
    graph_type: str = "text/turtle"  # CONSTRUCT and DESCRIBE


@dataclass(frozen=True)
class Answer:
    content_type: str
    body: bytes


def _worker_env() -> dict[str, str]:
    """The environment with this copy of `kg` first on the path, installed or not."""
    here = str(Path(__file__).resolve().parent.parent)
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [here, os.environ.get("PYTHONPATH")]))}


@dataclass(eq=False)
class _Worker:
    process: subprocess.Popen
    conn: Connection


class QueryPool:
    """``workers`` processes holding ``graph``; ``run`` answers a Job within ``timeout`` seconds."""

    def __init__(self, graph: str | Path, workers: int = 2, timeout: float = 10.0) -> None:
        if workers < 1 or timeout <= 0:
            raise KgError("a query pool needs at least one worker and a positive time limit")
        self.graph, self.timeout = str(graph), timeout
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._live: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        try:
            for _ in range(workers):
                self._idle.put(self._start())
        except BaseException:
            self.close()
            raise

    def _start(self) -> _Worker:
        parent, child = mp.Pipe()  # a socket pair; the worker gets its end as a file descriptor
        process = subprocess.Popen([sys.executable, "-m", "kg.queryworker", str(child.fileno()), self.graph],
                                   pass_fds=[child.fileno()], stdin=subprocess.DEVNULL, env=_worker_env())
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._live.add(worker)
        try:
            if not parent.poll(STARTUP_TIMEOUT):
                raise KgError(f"{self.graph}: a query worker took over {STARTUP_TIMEOUT:g} s to load it")
            status, detail = parent.recv()
        except (EOFError, OSError) as exc:  # it died while loading (or the pool was closed meanwhile)
            status, detail = "failed", f"{self.graph}: a query worker stopped while loading it ({exc!r})"
        except KgError:
            self._kill(worker)
            raise
        if status != "ready":
            self._kill(worker)
            raise KgError(detail)
        return worker

    def _kill(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.wait(timeout=10)
        worker.conn.close()
        with self._lock:
            self._live.discard(worker)

    def _replace(self, worker: _Worker) -> None:
        self._kill(worker)

        def start() -> None:
            if self._closed:
                return
            try:
                fresh = self._start()
            except KgError as exc:
                if not self._closed:
                    sys.stderr.write(f"kg: {exc}; serving with one query worker fewer\n")
                return
            if self._closed:
                self._kill(fresh)
            else:
                self._idle.put(fresh)

        threading.Thread(target=start, daemon=True, name="kg-query-worker-start").start()

    def run(self, job: Job) -> Answer:
        """The serialized answer; QueryError for a bad query, QueryTimeout when over the time limit."""
        deadline = time.monotonic() + self.timeout
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryTimeout(f"all query workers stayed busy for the time limit ({self.timeout:g} s)"
                               ) from None
        try:
            worker.conn.send(job)
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                self._replace(worker)
                raise QueryTimeout(f"the query ran over the time limit of {self.timeout:g} s and was stopped")
            status, detail = worker.conn.recv()
        except (EOFError, OSError) as exc:
            self._replace(worker)
            raise KgError(f"a query worker died: {exc}") from exc
        self._idle.put(worker)
        if status == "query-error":
            raise QueryError(detail)
        return detail

    def close(self) -> None:
        """Stop every worker (a running query with it)."""
        self._closed = True
        with self._lock:
            workers = list(self._live)
        for worker in workers:
            self._kill(worker)
