"""More serving processes on the same listening socket: `kg serve` on every core.

One Python process answers HTTP on one core at a time (the GIL), while `oxigraph serve` answers on
all of them. So `kg serve --processes N` starts N - 1 siblings of the server process
(``python -m kg.endpoint.siblings``), each given the listening socket's file descriptor: each runs
its own event loop, fast path and query workers (kg.ask.pool), and the kernel hands each new
connection to whichever process accepts it first. A connection stays with the process that
accepted it.

Each sibling has a control connection to the server process, which carries:
  - "ready" (or "failed" and why) once the sibling has opened the graph;
  - the queries proven cheap in any process (digest, seconds and rows), relayed by the server process
    to the others, so that a query seen once anywhere is answered on the fast path everywhere,
    and hostile queries tying up one process's workers do not hold up queries proven elsewhere.
A sibling stops when its control connection closes: when the server stops, or dies. A sibling that
dies is started again.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import logging
import signal
import socket
import subprocess
import sys
import threading
from multiprocessing import Pipe
from multiprocessing.connection import Connection

from kg.ask.pool import QueryPool, await_ready, worker_env
from kg.endpoint.limits import Limits, Policy
from kg.errors import KgError

log = logging.getLogger("kg.serve")


@dataclasses.dataclass(eq=False)
class _Sibling:
    process: subprocess.Popen
    conn: Connection


def share(limits: Limits) -> Limits:
    """The limits of one of ``limits.processes`` processes: the query workers divided among them."""
    return dataclasses.replace(limits, processes=1, workers=max(1, round(limits.workers / limits.processes)))


class Siblings:
    """The server process's side: starts the siblings, relays what they learn, stops them."""

    def __init__(self, listening: socket.socket, source: str, limits: Limits, policy: Policy) -> None:
        self.listening, self.source = listening, source
        self.config = json.dumps({"limits": dataclasses.asdict(share(limits)), "policy": dataclasses.asdict(policy),
                                  "log_level": logging.getLogger("kg.serve").getEffectiveLevel()})
        self.live: list[_Sibling] = []
        self._lock = threading.Lock()
        self._closed = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._pool: QueryPool | None = None
        self._spawned = [self._spawn() for _ in range(limits.processes - 1)]

    def pids(self) -> set[int]:
        with self._lock:
            return {s.process.pid for s in self.live}

    def _spawn(self) -> _Sibling:
        parent, child = Pipe()
        fds = [self.listening.fileno(), child.fileno()]
        process = subprocess.Popen([sys.executable, "-m", "kg.endpoint.siblings", *map(str, fds), self.source,
                                    self.config], pass_fds=fds, stdin=subprocess.DEVNULL, env=worker_env())
        child.close()
        return _Sibling(process, parent)

    def _ready(self, sibling: _Sibling) -> _Sibling:
        try:
            await_ready(sibling.conn, self.source, "a serving process")
        except KgError:
            self._stop(sibling)
            raise
        with self._lock:
            self.live.append(sibling)
        return sibling

    def wait_ready(self) -> None:
        """Once every sibling has opened the graph; KgError (and all are stopped) if one cannot."""
        spawned, self._spawned = self._spawned, []
        try:
            for sibling in spawned:
                self._ready(sibling)
        except BaseException:
            for sibling in spawned:
                self._stop(sibling)
            raise

    # --- on the server's event loop ---------------------------------------------------------------

    def attach(self, loop: asyncio.AbstractEventLoop, pool: QueryPool) -> None:
        """Relay on ``loop``: what a sibling learns goes to ``pool`` and the others; ``pool``'s to all."""
        self._loop, self._pool = loop, pool
        pool.on_proven = lambda *proof: self._tell(("cheap", *proof), None)
        with self._lock:
            for sibling in self.live:
                self._listen(sibling)

    def _listen(self, sibling: _Sibling) -> None:
        self._loop.add_reader(sibling.conn.fileno(), self._heard, sibling)

    def _heard(self, sibling: _Sibling) -> None:
        try:
            message = sibling.conn.recv()
        except (EOFError, OSError):
            self._loop.remove_reader(sibling.conn.fileno())
            self._lost(sibling)
            return
        if message[0] == "cheap":
            self._pool.learn(*message[1:])
            self._tell(message, sibling)

    def _tell(self, message: tuple, source: _Sibling | None) -> None:
        with self._lock:
            others = [s for s in self.live if s is not source]
        for sibling in others:
            with contextlib.suppress(OSError):  # it died: its reader hears the end and starts another
                sibling.conn.send(message)

    def _lost(self, sibling: _Sibling) -> None:
        """A sibling died (it should not: queries that can kill run in workers): start another."""
        with self._lock:
            if sibling in self.live:
                self.live.remove(sibling)

        def restart() -> None:  # off the event loop: reaping and starting take time
            self._stop(sibling)
            if self._closed:
                return
            log.warning("a serving process (pid %d) stopped (exit status %s); starting another",
                        sibling.process.pid, sibling.process.returncode)
            try:
                fresh = self._ready(self._spawn())
            except KgError as exc:
                log.error("%s; serving with one process fewer", exc)
                return
            if self._closed:
                self._stop(fresh)
            else:
                self._loop.call_soon_threadsafe(self._listen, fresh)

        threading.Thread(target=restart, daemon=True, name="kg-serving-process-start").start()

    # --- stopping ---------------------------------------------------------------------------------

    def _stop(self, sibling: _Sibling) -> None:
        sibling.conn.close()  # the sibling hears the end: it stops serving and stops its workers
        try:
            sibling.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            sibling.process.kill()
            sibling.process.wait(timeout=10)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            siblings, self.live = self.live + self._spawned, []
        for sibling in siblings:
            sibling.conn.close()
        for sibling in siblings:
            self._stop(sibling)


def serve_as_sibling(listening_fd: int, control_fd: int, source: str, config: dict) -> None:
    """A sibling's life: open the graph, say "ready", serve until the control connection closes."""
    from kg.endpoint.accesslog import configure_logging
    from kg.endpoint.serve import SparqlServer

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the server stops us
    configure_logging(config["log_level"])
    control = Connection(control_fd)
    listening = socket.socket(fileno=listening_fd)
    policy = Policy(**{k: tuple(v) for k, v in config["policy"].items()})
    try:
        server = SparqlServer(source, limits=Limits(**config["limits"]), policy=policy, listening=listening)
    except KgError as exc:
        control.send(("failed", str(exc)))
        return
    server.pool.on_proven = lambda *proof: control.send(("cheap", *proof))

    def heard() -> None:
        try:
            message = control.recv()
        except (EOFError, OSError):  # the server stopped (or died): so do we
            asyncio.get_running_loop().remove_reader(control_fd)
            server.shutdown()
            return
        if message[0] == "cheap":
            server.pool.learn(*message[1:])

    control.send(("ready", None))
    try:
        server.serve_forever(lambda loop: loop.add_reader(control_fd, heard))
    finally:
        server.server_close()


if __name__ == "__main__":
    serve_as_sibling(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], json.loads(sys.argv[4]))
