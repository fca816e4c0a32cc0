"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over a graph file (or a store directory).

The parts are in kg.endpoint (HTTP, routes, negotiation, guard, limits) and kg.ask.pool (workers
and the fast path); this module binds the socket, opens the graph, and runs the event loop:
``serve_forever`` in one thread, ``shutdown`` from another (or Ctrl-C), then ``server_close``.
"""

from __future__ import annotations

import asyncio
import contextlib
import resource
import socket
import threading
from collections.abc import Callable
from pathlib import Path

from kg.ask.pool import QueryPool
from kg.endpoint.answercache import AnswerCache
from kg.endpoint.app import Endpoint
from kg.endpoint.http import HttpServer
from kg.endpoint.limits import Limits, Policy
from kg.endpoint.siblings import Siblings, share
from kg.errors import KgError
from kg.store.remote import is_url


def new_event_loop() -> asyncio.AbstractEventLoop:
    """uvloop's event loop (libuv, in C) where it is installed, else asyncio's own.

    With uvloop a cheap request (ASK on the sample, one serving process under wrk) cost the server
    ~91 µs of CPU instead of ~98 µs (medians of 3 runs); the server only uses what both loops have.
    """
    try:
        import uvloop
    except ImportError:  # not on every platform (Windows): asyncio's loop does the same, slower
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()


def _raise_file_limit(wanted: int) -> None:
    """Room for ``wanted`` connections plus the server's own files, as far as the hard limit allows."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted + 256 if hard == resource.RLIM_INFINITY else min(wanted + 256, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def _listen(host: str, port: int, backlog: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listening = socket.socket(family, socket.SOCK_STREAM)
    try:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind((host, port))
        listening.listen(backlog)
    except OSError as exc:
        listening.close()
        raise KgError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    return listening


class SparqlServer:
    """The endpoint on ``host:port`` (port 0: any free one) over ``graph``."""

    def __init__(self, graph: str | Path, host: str = "127.0.0.1", port: int = 8000,
                 limits: Limits | None = None, policy: Policy | None = None, *,
                 listening: socket.socket | None = None) -> None:
        """``listening``: a socket already listening (a sibling's, kg.endpoint.siblings); else one is bound."""
        self.graph = Path(graph)
        self.limits = limits = limits or Limits()
        self.policy = policy = policy or Policy()
        if not (is_url(graph) or self.graph.is_file() or self.graph.is_dir()):
            raise KgError(f"{self.graph}: no such graph file or store (run `kg build` first, or pass --graph)")
        _raise_file_limit(limits.max_connections)
        self.pool: QueryPool | None = None
        self.siblings: Siblings | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopped = threading.Event()
        self._wake: asyncio.Event | None = None
        self.socket = listening or _listen(host, port, limits.backlog)
        source = str(graph) if is_url(graph) else str(self.graph)
        try:  # the siblings open the graph while this process does
            if limits.processes > 1:
                self.siblings = Siblings(self.socket, source, limits, policy)
            self.pool = QueryPool(source, share(limits))
            if self.siblings is not None:
                self.siblings.wait_ready()
        except BaseException:
            self.server_close()
            raise
        # the graph served cannot change, unless it is another SPARQL store's
        answers = AnswerCache(limits.answer_cache_mb * 1024 * 1024) if limits.answer_cache_mb and not is_url(graph) \
            else None
        self.endpoint = Endpoint(self.graph, self.pool, limits, policy, answers)
        self.http = HttpServer(self.endpoint.handle, limits)

    @property
    def server_address(self) -> tuple:
        return self.socket.getsockname()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{f'[{host}]' if ':' in host else host}:{port}/"

    def serve_forever(self, on_loop: Callable[[asyncio.AbstractEventLoop], None] | None = None) -> None:
        """Answer requests until ``shutdown`` (from another thread) or KeyboardInterrupt.

        ``on_loop`` is called with the event loop before the first request (a sibling's control
        connection is heard there).
        """
        loop = new_event_loop()
        self._wake = asyncio.Event()
        self._loop = loop
        try:
            server = loop.run_until_complete(loop.create_server(self.http.protocol, sock=self.socket,
                                                                backlog=self.limits.backlog))
            if self.siblings is not None:
                self.siblings.attach(loop, self.pool)
            if on_loop is not None:
                on_loop(loop)
            sweeper = loop.create_task(self.http.sweep())
            loop.run_until_complete(self._until_stopped())
            sweeper.cancel()
            server.close()
            self.http.close_all()
            loop.run_until_complete(server.wait_closed())
        finally:
            self.http.access_log.flush()  # the lines of the last requests, Ctrl-C or not
            tasks = asyncio.all_tasks(loop)
            for task in tasks:
                task.cancel()
            with contextlib.suppress(BaseException):
                loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
            loop.close()
            self._loop = None

    async def _until_stopped(self) -> None:
        if not self._stopped.is_set():  # shutdown() may have come before the loop ran
            await self._wake.wait()

    def shutdown(self) -> None:
        """Stop ``serve_forever`` (call from another thread)."""
        self._stopped.set()
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._wake.set)

    def server_close(self) -> None:
        self.socket.close()
        if self.siblings is not None:
            self.siblings.close()
        if self.pool is not None:
            self.pool.close()
