"""The access log: one line per answered request, handed to ``logging`` in batches.

A log record per request cost a cheap query ~30 µs, as much as running it (``LogRecord`` built
with its caller, thread and process, then formatted with ``strftime`` and flushed to stderr on its
own). Here a request costs one formatted line in a list: the lines carry their own time stamps and
go to the ``kg.endpoint.serve.access`` logger together, as one record, at most ``FLUSH_DELAY`` seconds
later (or at once when ``MAX_PENDING`` are waiting, which keeps a batch under 4 KB: one write that
other processes' writes to the same pipe do not cut), so each request still has its own line.
The level is that of ``kg.endpoint.serve`` (``--log-level``): info logs requests.

A line: ``2026-11-30 12:41:03,123 PEER METHOD PATH STATUS MS ms rows=ROWS`` — never the query
string, which holds the query.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import time

log = logging.getLogger("kg.serve.access")
FLUSH_DELAY = 0.05  # seconds a line may wait for the lines that follow it
# lines written at once, whatever the delay: a batch of ~80-byte lines stays under PIPE_BUF (4 KB),
# so that the batches of several serving processes on one stderr pipe do not cut into each other
MAX_PENDING = 32


def configure_logging(level: int | str) -> None:
    """`kg serve`'s logging on stderr at ``level``: messages time-stamped, access lines as they come."""
    for name, form in (("kg.serve", "%(asctime)s %(message)s"), ("kg.serve.access", "%(message)s")):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(form))
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.propagate = False
    logging.getLogger("kg.serve").setLevel(level)


class AccessLog:
    """Lines waiting for their batch; ``add`` on the event loop's thread only."""

    def __init__(self) -> None:
        self.pending: list[str] = []
        self._second = -1
        self._stamp = ""
        self._timer: asyncio.TimerHandle | None = None

    def add(self, peer: str, method: str, path: str, status: int, ms: float, rows: int | None) -> None:
        if not log.isEnabledFor(logging.INFO):
            return
        now = time.time()
        second = int(now)
        if second != self._second:  # strftime once a second, not once a request
            self._second, self._stamp = second, time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(second))
        self.pending.append(f"{self._stamp},{int((now - second) * 1000):03d} {peer} {method} {path} {status} "
                            f"{ms:.1f} ms rows={'-' if rows is None else rows}")
        if len(self.pending) >= MAX_PENDING:
            self.flush()
        elif self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(FLUSH_DELAY, self.flush)

    def flush(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self.pending:
            lines, self.pending = self.pending, []
            log.info("\n".join(lines))
