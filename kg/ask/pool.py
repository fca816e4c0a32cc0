"""Queries under a time limit that is kept, and a fast path for queries already seen to be cheap.

Oxigraph cannot cancel a running query, and a thread cannot be stopped from outside. So a query the
endpoint has not seen before runs in one of a few worker processes (kg.ask.worker; each opens the
graph once, at start, and caps its own memory). When it overruns the time limit the caller gets
QueryTimeout at once, the worker is killed (the query stops using CPU and memory there and then)
and a fresh one is started in the background. A worker that dies mid-query (over its memory cap)
is replaced the same way, and the caller gets QueryStopped.

The graph does not change while it is served, so a query's cost does not either: a query (text and
bindings) that a worker answered within ``inline_budget`` is remembered, and later runs of it are
answered in this process over its own copy of the store, with no hand-off to a worker: by a few
threads (pyoxigraph releases the GIL while it evaluates and serializes), or on the event loop itself
when it costs less than the hand-off to a thread (``answer_now``: at once, no task). Unproven
queries, and SERVICE queries, always go to a worker; the fast path keeps ordinary traffic flowing
while hostile queries tie the workers up. With several serving processes (kg.endpoint.siblings),
what one pool proves is told to the others (``on_proven``, ``learn``).
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import Pipe
from multiprocessing.connection import Connection
from pathlib import Path
from typing import NamedTuple

from kg.ask.worker import Answer, Job, ResultTooLarge, open_source, safe_answer
from kg.endpoint.limits import Limits
from kg.errors import KgError, QueryError
from kg.store.remote import is_url

STARTUP_TIMEOUT = 300.0  # seconds a worker may take to open the graph
CHEAP_MEMORY = 10_000  # queries remembered as cheap
INLINE_THREADS = 4
# A query that took a worker less than this is answered on the event loop itself: the hand-off to a
# thread costs about as much, and ASK on the sample went from ~4,000 to ~6,000 requests/s (wrk,
# 20 connections, medians of 4 alternating runs); it holds the loop 2 ms at most.
ON_LOOP_BUDGET = 0.002
THREAD_STACK = 32 * 1024 * 1024  # deep (but allowed) queries need room on the thread stack


class QueryTimeout(KgError):
    """The query ran over its time limit (or no worker was free in time) and was stopped."""


class QueryStopped(KgError):
    """The worker running the query died under it (over its memory cap): the query is stopped."""


def worker_env() -> dict[str, str]:
    """The environment with this copy of `kg` first on the path, installed or not."""
    here = str(Path(__file__).resolve().parents[2])
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [here, os.environ.get("PYTHONPATH")]))}


class Proof(NamedTuple):
    """What a worker's run of a query showed: it is cheap, and (if repeatable) how many rows it answers."""

    seconds: float  # the shortest run seen
    rows: int  # rows of its answer


@dataclass(eq=False)
class _Worker:
    process: subprocess.Popen
    conn: Connection


@dataclass
class PoolStats:
    inline: int = 0
    in_workers: int = 0
    timeouts: int = 0
    stopped: int = 0
    replaced: list[int] = field(default_factory=list)  # pids of workers killed


def await_ready(conn, source: str, what: str) -> None:
    """Wait for a started process (a query worker, a serving process) to say it has opened the
    graph at ``source``; KgError naming ``what`` if it takes too long, stops, or says why not."""
    try:
        if not conn.poll(STARTUP_TIMEOUT):
            raise KgError(f"{source}: {what} took over {STARTUP_TIMEOUT:g} s to open it")
        status, detail = conn.recv()
    except (EOFError, OSError) as exc:  # it died while loading (or was stopped meanwhile)
        status, detail = "failed", f"{source}: {what} stopped while opening it ({exc!r})"
    if status != "ready":
        raise KgError(detail)


class QueryPool:
    """Worker processes over ``source`` (a graph file or a store directory) plus the fast path."""

    def __init__(self, source: str | Path, limits: Limits) -> None:
        if limits.workers < 1 or limits.timeout <= 0:
            raise KgError("a query pool needs at least one worker and a positive time limit")
        self.source, self.limits = str(source), limits
        self.stats = PoolStats()
        self._worker_limits = json.dumps({"memory_mb": limits.worker_memory_mb, "max_rows": limits.max_rows,
                                          "max_bytes": limits.max_result_bytes})
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._live: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._cheap: OrderedDict[bytes, Proof] = OrderedDict()  # query → what a worker's run of it showed
        # told of each query proven cheap here, so that other serving processes learn it (kg.endpoint.serve)
        self.on_proven: Callable[[bytes, float, int], None] | None = None
        self._fixed = not is_url(self.source)  # the graph cannot change while served (not another store's)
        self._store = None
        self._threads: ThreadPoolExecutor | None = None
        try:  # the workers open the graph at the same time as this process does
            spawned = [self._spawn() for _ in range(limits.workers)]
            if limits.inline_budget > 0:
                self._store = open_source(self.source)
                threading.stack_size(THREAD_STACK)
                self._threads = ThreadPoolExecutor(INLINE_THREADS, thread_name_prefix="kg-query")
            for worker in spawned:
                self._idle.put_nowait(self._ready(worker))
        except BaseException:
            self.close()
            raise

    def worker_pids(self) -> set[int]:
        with self._lock:
            return {w.process.pid for w in self._live}

    # --- workers ----------------------------------------------------------------------------------

    def _start(self) -> _Worker:
        return self._ready(self._spawn())

    def _spawn(self) -> _Worker:
        parent, child = Pipe()  # a socket pair; the worker gets its end as a file descriptor
        process = subprocess.Popen([sys.executable, "-m", "kg.ask.worker", str(child.fileno()), self.source,
                                    self._worker_limits],
                                   pass_fds=[child.fileno()], stdin=subprocess.DEVNULL, env=worker_env())
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._live.add(worker)
        return worker

    def _ready(self, worker: _Worker) -> _Worker:
        """``worker`` once it has opened the graph; KgError (and it is killed) if it cannot."""
        try:
            await_ready(worker.conn, self.source, "a query worker")
        except KgError:
            self._kill(worker)
            raise
        return worker

    def _kill(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.wait(timeout=10)
        worker.conn.close()
        with self._lock:
            self._live.discard(worker)

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` now; start its successor in the background and hand it to the loop."""
        self.stats.replaced.append(worker.process.pid)
        self._kill(worker)
        loop = asyncio.get_running_loop()

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
                loop.call_soon_threadsafe(self._idle.put_nowait, fresh)

        threading.Thread(target=start, daemon=True, name="kg-query-worker-start").start()

    # --- running ----------------------------------------------------------------------------------

    def answer_now(self, job: Job) -> Answer | None:
        """The answer computed here and now if ``job`` is known to cost less than the hand-off to a
        thread (it holds the event loop ``ON_LOOP_BUDGET`` at most); None if it must be run."""
        if self._threads is None:
            return None
        key = job.key
        proof = self._cheap.get(key)
        if proof is None or proof.seconds >= ON_LOOP_BUDGET:
            return None
        self._cheap.move_to_end(key)
        self.stats.inline += 1
        limits = self.limits
        status, detail = safe_answer(self._store, job, limits.max_rows, limits.max_result_bytes,
                                     proof.rows if job.repeatable and self._fixed else None)
        if status == "ok" and detail.seconds >= proof.seconds:  # the common case, in short
            return detail
        return self._result(key, proof, status, detail)

    async def run(self, job: Job, service: bool = False) -> Answer:
        """The answer; QueryError (ResultTooLarge) for a bad (too large) query, QueryTimeout, QueryStopped.

        ``service``: the query calls another endpoint, so its cost is not the graph's: never inline.
        """
        key = job.key
        proof = self._cheap.get(key) if self._threads is not None else None
        if proof is not None:  # in a thread: the engine runs without the GIL, beside the HTTP work
            self._cheap.move_to_end(key)
            self.stats.inline += 1
            limits = self.limits
            outcome = await asyncio.get_running_loop().run_in_executor(
                self._threads, safe_answer, self._store, job, limits.max_rows, limits.max_result_bytes,
                self._known_rows(job, proof))
            return self._result(key, proof, *outcome)
        self.stats.in_workers += 1
        status, detail = await self._in_worker(job)
        if status == "ok" and not service and detail.seconds < self.limits.inline_budget:
            self.learn(key, detail.seconds, detail.rows)
            if self.on_proven is not None:
                self.on_proven(key, detail.seconds, detail.rows)
        return self._result(key, None, status, detail)

    def proven(self, job: Job) -> bool:
        """Whether ``job`` is answered on the fast path (proven cheap here, or in a sibling process)."""
        return self._threads is not None and job.key in self._cheap

    def learn(self, key: bytes, seconds: float, rows: int) -> None:
        """Remember that the query of ``key`` took ``seconds`` and answered ``rows`` rows (in a worker:
        here, or another process's)."""
        known = self._cheap.get(key)
        self._cheap[key] = Proof(seconds if known is None else min(seconds, known.seconds), rows)
        self._cheap.move_to_end(key)
        if len(self._cheap) > CHEAP_MEMORY:
            self._cheap.popitem(last=False)

    def _known_rows(self, job: Job, proof: Proof) -> int | None:
        """The rows of ``job``'s answer, known from its proof if running it again gives the same answer."""
        return proof.rows if job.repeatable and self._fixed else None

    def _result(self, key: bytes, proof: Proof | None, status: str, detail) -> Answer:
        if status == "too-large":
            raise ResultTooLarge(detail)
        if status == "query-error":
            raise QueryError(detail)
        if proof is not None and detail.seconds < proof.seconds:  # a first measure taken on a busy machine
            self._cheap[key] = Proof(detail.seconds, proof.rows)
        return detail

    async def _in_worker(self, job: Job) -> tuple[str, object]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.limits.timeout
        try:
            worker = await asyncio.wait_for(self._idle.get(), self.limits.timeout)
        except TimeoutError:
            self.stats.timeouts += 1
            raise QueryTimeout(f"all query workers stayed busy for the time limit ({self.limits.timeout:g} s); "
                               "try again later") from None
        reply: asyncio.Future = loop.create_future()
        fd = worker.conn.fileno()

        def readable() -> None:
            loop.remove_reader(fd)
            if reply.done():
                return
            try:
                reply.set_result(worker.conn.recv())
            except Exception as exc:  # EOF: it died; anything else: it cannot be trusted with more
                reply.set_exception(QueryStopped(f"the query worker stopped ({exc!r})"))

        try:
            worker.conn.send(job)
            loop.add_reader(fd, readable)
            result = await asyncio.wait_for(reply, max(0.0, deadline - loop.time()))
        except TimeoutError:
            loop.remove_reader(fd)
            self.stats.timeouts += 1
            self._replace(worker)
            raise QueryTimeout(f"the query ran over the time limit of {self.limits.timeout:g} s and was "
                               "stopped") from None
        except (QueryStopped, OSError):
            self.stats.stopped += 1
            self._replace(worker)
            raise QueryStopped("the query was stopped: its worker went over the memory limit of "
                               f"{self.limits.worker_memory_mb} MB (--worker-memory) or died") from None
        except BaseException:  # cancelled (the server is stopping): the worker may be mid-query
            loop.remove_reader(fd)
            self._replace(worker)
            raise
        self._idle.put_nowait(worker)
        return result

    def close(self) -> None:
        """Stop every worker (a running query with it) and the fast path's threads."""
        self._closed = True
        with self._lock:
            workers = list(self._live)
        for worker in workers:
            self._kill(worker)
        if self._threads is not None:
            self._threads.shutdown(wait=False, cancel_futures=True)
