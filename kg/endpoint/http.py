"""A small HTTP/1.1 server on asyncio: requests in, at most one write per response out, bounded in every way.

Why not http.server: it spends a thread per connection (200 idle sockets made 208 threads), has no
read or idle timeout, and writes a response in several small writes, which with Nagle's algorithm
and delayed ACKs cost every kept-alive request ~40 ms. Here one event loop holds the connections
(an idle one costs a file descriptor until its idle timeout closes it), a request must arrive
whole within the read timeout, the response head and body leave in one write (and the event
loop sets TCP_NODELAY), and the number of connections is capped by closing the longest-idle ones.

Responses are not written as each is ready but at the end of the event loop's turn, each
connection's in one write: the requests that arrived together are answered first, then the writes
go out. A write to a local client wakes it, and on a busy machine the client then takes the core
from the server: with a write per response the server was preempted about once per request and
answered the next one on a cold cache. Written at the end of the turn, the Python work of a batch
runs back to back (a cheap query, ASK on the sample under wrk: 106 -> 70 µs of server CPU a
request, A/B beside Oxigraph's 62; docs/security.md). A response still leaves before the loop waits
for more.

Requests on one connection are answered in order (pipelining works); a body needs Content-Length
(chunked uploads get 411). A handler may answer at once (no task is made for a request answered
from memory or by a cheap query) or later. Each answered request gets one line in the access log
(kg.endpoint.accesslog): peer, method, path (never the query string), status, milliseconds, rows.

A client repeating a request sends the same head again: heads of bodiless requests are parsed once
and remembered (the last 512, of up to 8 KB each), each with a memo where the handler keeps what it
made of the head (a query checked and planned: kg.endpoint.app), and a read that is exactly one such
head is answered without buffering. With them, the Python around a cheap query (ASK on the sample,
timed in-process) fell from ~45 µs to ~15 µs a request.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from functools import lru_cache
from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

from kg.endpoint.accesslog import AccessLog
from kg.endpoint.limits import Limits

log = logging.getLogger("kg.serve")
_PHRASES = {status.value: status.phrase for status in HTTPStatus}
# heads remembered parsed: a few hundred clients' repeated requests, each head short (bounded memory)
HEAD_MEMORY = 512
HEAD_MEMORY_BYTES = 8192


class Head:
    """A request's line and headers, parsed once: requests with the same head bytes share one.

    ``memo`` is where a handler keeps what it derived from the head alone (a query's plan), so that
    the next request with the same head skips that work; None when the request has a body (the
    head then does not say all) or the head is too long to remember.
    """

    __slots__ = ("method", "target", "version", "headers", "length", "path", "keep_alive", "memo")

    def __init__(self, method: str, target: str, version: str, headers: dict[str, str], length: int | None) -> None:
        self.method, self.target, self.version, self.headers, self.length = method, target, version, headers, length
        before = target.partition("?")[0]
        self.path = before if before.startswith("/") and "#" not in before else urlsplit(before).path
        connection = headers.get("connection", "").lower()
        self.keep_alive = "keep-alive" in connection if version == "HTTP/1.0" else "close" not in connection
        self.memo: dict | None = None


class Request:
    """One request: its head (shared with the requests that had the same one), body and peer."""

    __slots__ = ("head", "body", "peer")

    def __init__(self, head: Head, body: bytes = b"", peer: str = "") -> None:
        self.head, self.body, self.peer = head, body, peer

    method = property(lambda self: self.head.method)
    path = property(lambda self: self.head.path)

    @property
    def params(self) -> dict[str, list[str]]:
        """The query string's parameters (the caller must not change the dict: it is shared)."""
        return _parse_query(self.head.target.partition("?")[2])

    def header(self, name: str, default: str = "") -> str:
        return self.head.headers.get(name.lower(), default)

    @property
    def content_type(self) -> str:
        return self.header("content-type").split(";")[0].strip().lower()


class Response:
    __slots__ = ("status", "body", "content_type", "headers", "rows", "close")

    def __init__(self, status: int, body: bytes = b"", content_type: str = "text/plain; charset=utf-8",
                 headers: dict[str, str] | None = None, rows: int | None = None, close: bool = False) -> None:
        self.status, self.body, self.content_type, self.rows, self.close = status, body, content_type, rows, close
        self.headers = {} if headers is None else headers

    @classmethod
    def text(cls, status: int, message: str, **kwargs) -> Response:
        return cls(status, f"{message}\n".encode(), **kwargs)

    def encode(self, keep_alive: bool, head_only: bool = False) -> bytes:
        head = _head_bytes(self.status, self.content_type, tuple(self.headers.items()) if self.headers else (),
                           keep_alive)
        length = b"Content-Length: %d\r\n\r\n" % len(self.body)
        return head + length if head_only else b"".join((head, length, self.body))


@lru_cache(maxsize=512)  # the same few statuses, types and headers again and again
def _head_bytes(status: int, content_type: str, headers: tuple[tuple[str, str], ...], keep_alive: bool) -> bytes:
    """A response head but its Content-Length line (and the blank line after it)."""
    lines = [f"HTTP/1.1 {status} {_PHRASES.get(status, '')}", f"Content-Type: {content_type}",
             "Connection: " + ("keep-alive" if keep_alive else "close")]
    lines += [f"{k}: {v}" for k, v in headers]
    return ("\r\n".join(lines) + "\r\n").encode("latin-1")


def _parse_query(query: str) -> dict[str, list[str]]:
    # ~50 µs for a 600-byte query string: worth remembering, but only short ones (bounded memory)
    return _parse_short_query(query) if len(query) <= 4096 else parse_qs(query, keep_blank_values=True)


@lru_cache(maxsize=1024)
def _parse_short_query(query: str) -> dict[str, list[str]]:
    return parse_qs(query, keep_blank_values=True)


def _parse_head(raw: bytes) -> Head:
    """The head of a request, up to and with the blank line that ends it; ValueError if malformed."""
    lines = raw.decode("latin-1").split("\r\n")[:-2]
    parts = lines[0].split(" ")
    if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
        raise ValueError("bad request line")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if not sep or not name or name != name.strip():
            raise ValueError("bad header line")
        key = name.lower()
        headers[key] = f"{headers[key]}, {value.strip()}" if key in headers else value.strip()
    length = None
    if "chunked" not in headers.get("transfer-encoding", "").lower():
        text = headers.get("content-length", "0").strip()
        if not text.isdigit():
            raise ValueError("bad Content-Length")
        length = int(text)
    return Head(parts[0], parts[1], parts[2], headers, length)


# A handler answers at once (a Response) or later (an awaitable of one): a cheap query answered on
# the event loop costs no task and no extra turn of the loop.
Handler = Callable[[Request], Response | Awaitable[Response]]


def _internal_error(request: Request) -> Response:
    """A bug must not take the server down: answer 500 and say so in the log."""
    log.exception("error answering %s %s", request.method, request.path)
    return Response.text(500, "internal error (see the server log)", close=True)


class HttpServer:
    """The connections of one listening socket, their timers and their cap."""

    def __init__(self, handler: Handler, limits: Limits) -> None:
        self.handler, self.limits = handler, limits
        self.connections: dict[HttpConnection, None] = {}  # insertion order: oldest first
        self.access_log = AccessLog()
        # heads of bodiless requests (with the blank line that ends them), parsed; oldest first
        self.heads: dict[bytes, Head] = {}
        self.unsent: list[HttpConnection] = []  # connections with responses to write at the end of this turn

    def send_later(self, conn: HttpConnection) -> None:
        """Have ``conn``'s responses written at the end of this turn of the event loop."""
        if not self.unsent:
            asyncio.get_running_loop().call_soon(self.flush)
        self.unsent.append(conn)

    def flush(self) -> None:
        unsent, self.unsent = self.unsent, []
        for conn in unsent:
            try:
                conn.flush()
            except RuntimeError:  # uvloop: its transport closed under it (a reset) before it was told; the rest go on
                log.debug("a response to %s was not sent: the connection was closed", conn.peer)

    def head(self, raw: bytes) -> Head:
        """``raw`` parsed; the same Head again for the same bytes (a client repeating a request)."""
        head = self.heads.get(raw)
        if head is None:
            head = _parse_head(raw)
            if head.length == 0 and len(raw) <= HEAD_MEMORY_BYTES:
                head.memo = {}
                if len(self.heads) >= HEAD_MEMORY:
                    del self.heads[next(iter(self.heads))]
                self.heads[raw] = head
        return head

    def protocol(self) -> HttpConnection:
        return HttpConnection(self)

    def make_room(self) -> bool:
        """Close the longest-idle connection if at the cap; False if every one is busy."""
        if len(self.connections) < self.limits.max_connections:
            return True
        for conn in self.connections:
            if conn.idle:
                conn.abort()
                return True
        return False

    def close_all(self) -> None:
        for conn in list(self.connections):
            conn.abort()
        self.access_log.flush()

    async def sweep(self) -> None:
        """Close connections past their deadline (one sweep a tick: no timer per request)."""
        tick = min(self.limits.read_timeout, self.limits.idle_timeout, 1.0) / 4
        while True:
            await asyncio.sleep(tick)
            now = time.monotonic()
            for conn in list(self.connections):
                if conn.deadline is not None and now > conn.deadline:
                    conn.expire()


class HttpConnection(asyncio.Protocol):
    def __init__(self, server: HttpServer) -> None:
        self.server, self.limits = server, server.limits
        self.buffer = bytearray()
        self.transport: asyncio.Transport | None = None
        self.busy = False  # a request is being answered
        self.deadline: float | None = None  # when the current wait (idle, or a request arriving) ends
        self.reading = False  # the wait is for the rest of a request, not for a new one
        self.paused = False  # reading paused: requests pipelined faster than answered
        self.peer = ""
        self.outgoing: list[bytes] = []  # responses answered in this turn of the loop, not yet written

    @property
    def idle(self) -> bool:
        return not self.busy and not self.buffer and not self.outgoing

    def flush(self) -> None:
        """Write the responses waiting, in one write."""
        if self.outgoing:
            out, self.outgoing = self.outgoing, []
            if self.transport is not None:
                self.transport.write(out[0] if len(out) == 1 else b"".join(out))

    # --- asyncio callbacks ------------------------------------------------------------------------

    def connection_made(self, transport) -> None:
        self.transport = transport
        peer = transport.get_extra_info("peername")
        self.peer = peer[0] if isinstance(peer, tuple) else str(peer or "")
        if not self.server.make_room():
            self._reply_and_close(Response.text(503, "too many connections; try again later",
                                                headers={"Retry-After": "1"}))
            return
        self.server.connections[self] = None
        self._wait(reading=False)

    def connection_lost(self, exc) -> None:
        self.server.connections.pop(self, None)
        self.deadline = None
        self.transport = None

    def data_received(self, data: bytes) -> None:
        if not self.busy and not self.buffer:
            head = self.server.heads.get(data) if len(data) <= HEAD_MEMORY_BYTES else None
            if head is not None:  # a request seen before, whole and alone in this read: nothing to buffer
                self._answer(Request(head, b"", self.peer))
                return
            self._wait(reading=True)  # the first bytes of a request: the read timeout runs
        self.buffer += data
        if not self.busy:
            self._next_request()
        elif len(self.buffer) > 2 * self.limits.max_request_bytes:  # pipelined faster than answered
            self.transport.pause_reading()
            self.paused = True

    # --- deadlines (checked by HttpServer.sweep) ---------------------------------------------------

    def _wait(self, reading: bool) -> None:
        self.reading = reading
        self.deadline = time.monotonic() + (self.limits.read_timeout if reading else self.limits.idle_timeout)

    def expire(self) -> None:
        if self.reading and not self.busy:
            self._reply_and_close(Response.text(408, f"the request did not arrive within the read timeout "
                                                     f"of {self.limits.read_timeout:g} s"))
        else:
            self.abort()

    def abort(self) -> None:
        if self.transport is not None:
            self.transport.abort()

    # --- requests ---------------------------------------------------------------------------------

    def _next_request(self) -> None:
        """Answer the requests in the buffer, in order, until one is incomplete or is answered later.

        A loop, not a recursion: a client can pipeline thousands of requests that are each answered
        at once.
        """
        while not self.busy and self.buffer and self.transport is not None:
            request = self._take_request()
            if request is None:
                return
            self._answer(request)

    def _answer(self, request: Request) -> None:
        self.busy = True
        self.deadline = None
        started = time.perf_counter()
        try:
            outcome = self.server.handler(request)
        except Exception:
            outcome = _internal_error(request)
        if isinstance(outcome, Response):  # answered now: no task, no extra turn of the loop
            self._send(request, outcome, started)
        else:
            asyncio.get_running_loop().create_task(self._answer_later(request, outcome, started))

    def _take_request(self) -> Request | None:
        """The first request of the buffer, taken out of it; None if incomplete or refused (and closed)."""
        end = self.buffer.find(b"\r\n\r\n")
        limit = self.limits.max_request_bytes
        if end < 0:
            if len(self.buffer) > limit:
                self._reply_and_close(Response.text(431, "the request head is over the size limit"))
            return None
        if end > limit:
            self._reply_and_close(Response.text(431 if b"\r\n" in self.buffer[:limit] else 414,
                                                "the request head is over the size limit"))
            return None
        try:
            head = self.server.head(bytes(self.buffer[:end + 4]))
        except ValueError as exc:
            self._reply_and_close(Response.text(400, f"malformed HTTP request: {exc}"))
            return None
        length = head.length
        if length is None:
            self._reply_and_close(Response.text(411, "a request body needs a Content-Length"))
            return None
        if length > limit:
            self._reply_and_close(Response.text(413, f"the request body is over the limit of {limit} bytes"))
            return None
        if len(self.buffer) < end + 4 + length:
            return None  # the rest of the body is on its way
        request = Request(head, bytes(self.buffer[end + 4:end + 4 + length]) if length else b"", self.peer)
        del self.buffer[:end + 4 + length]
        return request

    async def _answer_later(self, request: Request, outcome: Awaitable[Response], started: float) -> None:
        try:
            response = await outcome
        except Exception:
            response = _internal_error(request)
        self._send(request, response, started)
        self._next_request()  # requests pipelined meanwhile

    def _send(self, request: Request, response: Response, started: float) -> None:
        head = request.head
        keep_alive = head.keep_alive and not response.close
        self.server.access_log.add(request.peer, head.method, head.path, response.status,
                                   (time.perf_counter() - started) * 1000, response.rows)
        if self.transport is None:
            return  # the client went away meanwhile
        if not self.outgoing:
            self.server.send_later(self)
        self.outgoing.append(response.encode(keep_alive, head_only=head.method == "HEAD"))
        if self.paused:
            self.transport.resume_reading()
            self.paused = False
        self.busy = False
        if not keep_alive:
            self.flush()
            self.transport.close()
            self.buffer.clear()  # whatever was pipelined after it goes unanswered
            return
        self._wait(reading=bool(self.buffer))

    def _reply_and_close(self, response: Response) -> None:
        if self.transport is not None:
            self.flush()  # the answers to the requests before it go first
            self.transport.write(response.encode(keep_alive=False))
            self.transport.close()
        self.buffer.clear()
        self.deadline = None
