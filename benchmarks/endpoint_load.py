"""Load on a SPARQL endpoint at 127.0.0.1, bounded in time and count: the machinery of
benchmarks/bench_endpoint.py (full runs, on demand) and tests/serve/test_load.py (short runs in CI).

One asyncio client in one thread (light on the CPU the server needs): kept-alive connections send
GET requests and read whole responses (Content-Length), each outcome recorded with its latency.
Every loop stops at its deadline or its count, whichever comes first; nothing waits unbounded
(each request has its own timeout).

Scenarios
  sustained   N clients send normal queries for T seconds;
  burst       N connections opened at once, one request each;
  hostile     normal clients as above while others send pathological queries (deep nesting,
              cartesian products, SERVICE, updates), hold idle sockets open and trickle half requests.
"""

from __future__ import annotations

import asyncio
import signal
import statistics
import subprocess
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field

REQUEST_TIMEOUT = 30.0  # seconds any one request may take before it counts as failed
PREFIXES = """PREFIX kg: <https://w3id.org/zxkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
"""
# what the named questions ask, with their PREFIX lines, so that any SPARQL 1.1 server answers them
NORMAL_QUERIES = [
    PREFIXES + "SELECT ?party ?partyName (COUNT(DISTINCT ?speech) AS ?speeches) WHERE { ?speech a kg:Speech ; "
               "kg:party ?party . ?party skos:prefLabel ?partyName } GROUP BY ?party ?partyName "
               "ORDER BY DESC(?speeches) ?partyName",
    PREFIXES + "SELECT ?speech ?title WHERE { ?speech a kg:Speech OPTIONAL { ?speech dcterms:title ?title } } "
               "ORDER BY ?speech LIMIT 50",
    PREFIXES + "ASK { ?speech a kg:Speech }",
    PREFIXES + "CONSTRUCT { ?p skos:prefLabel ?l } WHERE { ?p a kg:Party ; skos:prefLabel ?l }",
]
HOSTILE_QUERIES = [
    "ASK " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000,  # once killed a worker
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",  # runs to the time limit
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",  # a cartesian product: stopped at the row limit
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }",
]


@dataclass
class Outcomes:
    """Statuses and latencies of one kind of traffic."""

    latencies: list[float] = field(default_factory=list)  # seconds, of answered requests
    statuses: Counter = field(default_factory=Counter)  # HTTP status, or "error: …" for no answer
    started: float = field(default_factory=time.perf_counter)
    ended: float = 0.0

    def add(self, status, seconds: float | None) -> None:
        self.statuses[status] += 1
        if seconds is not None:
            self.latencies.append(seconds)

    @property
    def count(self) -> int:
        return sum(self.statuses.values())

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    @property
    def throughput(self) -> float:
        return self.count / max((self.ended or time.perf_counter()) - self.started, 1e-9)

    def server_errors(self, allowed: tuple[int, ...] = (503,)) -> dict:
        """5xx answers other than ``allowed``, and requests that got no answer at all."""
        return {s: n for s, n in self.statuses.items()
                if not isinstance(s, int) or (s >= 500 and s not in allowed)}

    def summary(self) -> str:
        ms = {p: self.percentile(p) * 1000 for p in (50, 99)}
        statuses = ", ".join(f"{s}×{n}" for s, n in sorted(self.statuses.items(), key=str))
        return (f"{self.count} requests, {self.throughput:.0f}/s, p50 {ms[50]:.1f} ms, p99 {ms[99]:.1f} ms, "
                f"max {max(self.latencies, default=0) * 1000:.0f} ms ({statuses})")


def query_path(path: str, query: str) -> str:
    return f"{path}?query={urllib.parse.quote(query)}"


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """(status, whether the server keeps the connection) after reading one whole response."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    if "chunked" in headers.get("transfer-encoding", "").lower():  # as Oxigraph's server answers
        while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
            await reader.readexactly(size + 2)
        await reader.readuntil(b"\r\n")
    else:
        await reader.readexactly(int(headers.get("content-length", "0")))
    return status, headers.get("connection", "").lower() != "close"


class Client:
    """One kept-alive connection; reconnects when the server closes it."""

    def __init__(self, host: str, port: int, accept: str) -> None:
        self.host, self.port, self.accept = host, port, accept
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, target: str) -> int:
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nAccept: {self.accept}\r\n\r\n"
                     .encode())
        try:
            status, keep = await _read_response(reader)
        except BaseException:
            self.close()
            raise
        if not keep:
            self.close()
        return status

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


async def _timed(outcomes: Outcomes, coro) -> None:
    started = time.perf_counter()
    try:
        status = await asyncio.wait_for(coro, REQUEST_TIMEOUT)
    except (OSError, asyncio.IncompleteReadError, TimeoutError) as exc:
        outcomes.add(f"error: {type(exc).__name__}", None)
        return
    outcomes.add(status, time.perf_counter() - started)


async def _client_loop(host: str, port: int, targets: list[str], deadline: float, outcomes: Outcomes,
                       max_requests: int, accept: str = "application/sparql-results+json, text/turtle;q=0.9",
                       pause: float = 0.0) -> None:
    client = Client(host, port, accept)
    i = 0
    while time.perf_counter() < deadline and i < max_requests:
        await _timed(outcomes, client.get(targets[i % len(targets)]))
        i += 1
        if pause:
            await asyncio.sleep(pause)
    client.close()


async def sustained(host: str, port: int, targets: list[str], clients: int, seconds: float,
                    max_requests: int = 1_000_000) -> Outcomes:
    """``clients`` connections each sending ``targets`` in turn for ``seconds``."""
    outcomes = Outcomes()
    deadline = time.perf_counter() + seconds
    await asyncio.gather(*(_client_loop(host, port, targets[i:] + targets[:i], deadline, outcomes, max_requests)
                           for i in range(clients)))
    outcomes.ended = time.perf_counter()
    return outcomes


async def burst(host: str, port: int, target: str, connections: int) -> Outcomes:
    """``connections`` connections opened at once, each sending one request."""
    outcomes = Outcomes()

    async def one() -> None:
        client = Client(host, port, "application/sparql-results+json")
        await _timed(outcomes, client.get(target))
        client.close()

    await asyncio.gather(*(one() for _ in range(connections)))
    outcomes.ended = time.perf_counter()
    return outcomes


async def _idle_sockets(host: str, port: int, count: int, seconds: float) -> int:
    """Open ``count`` sockets that never send; return how many the server had closed by the end."""
    opened = await asyncio.gather(*(asyncio.open_connection(host, port) for _ in range(count)),
                                  return_exceptions=True)
    streams = [s for s in opened if not isinstance(s, BaseException)]
    await asyncio.sleep(seconds)
    closed = 0
    for reader, writer in streams:
        closed += reader.at_eof() or writer.is_closing()
        writer.close()
    return closed


async def _trickle(host: str, port: int, deadline: float, outcomes: Outcomes) -> None:
    """Half a request, a byte at a time (slowloris): the server must answer 408 or close."""
    while time.perf_counter() < deadline:
        started = time.perf_counter()
        try:
            reader, writer = await asyncio.open_connection(host, port)
            writer.write(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n")
            for _ in range(int(REQUEST_TIMEOUT)):
                if reader.at_eof() or time.perf_counter() > deadline:
                    break
                writer.write(b"X")
                try:
                    head = await asyncio.wait_for(reader.read(12), 1.0)
                except TimeoutError:
                    continue
                outcomes.add(int(head[9:12]) if head.startswith(b"HTTP/1.1") else "closed",
                             time.perf_counter() - started)
                break
            writer.close()
        except OSError as exc:
            outcomes.add(f"error: {type(exc).__name__}", None)


async def hostile(host: str, port: int, normal: list[str], hostile_targets: list[str], clients: int,
                  seconds: float, hostile_clients: int = 4, idle_sockets: int = 200,
                  ) -> tuple[Outcomes, Outcomes, Outcomes, int]:
    """Normal traffic beside hostile traffic: (normal, hostile, trickle outcomes, idle sockets closed)."""
    normal_out, hostile_out, trickle_out = Outcomes(), Outcomes(), Outcomes()
    deadline = time.perf_counter() + seconds
    tasks = [_client_loop(host, port, normal[i:] + normal[:i], deadline, normal_out, 1_000_000)
             for i in range(clients)]
    tasks += [_client_loop(host, port, hostile_targets[i:] + hostile_targets[:i], deadline, hostile_out, 1_000_000,
                           pause=0.05) for i in range(hostile_clients)]
    tasks += [_trickle(host, port, deadline, trickle_out)]
    idle = asyncio.ensure_future(_idle_sockets(host, port, idle_sockets, seconds))
    await asyncio.gather(*tasks)
    closed = await idle
    for out in (normal_out, hostile_out, trickle_out):
        out.ended = time.perf_counter()
    return normal_out, hostile_out, trickle_out, closed


async def keep_alive_latency(host: str, port: int, target: str, requests: int) -> list[float]:
    """Seconds each of ``requests`` sequential requests on one kept-alive connection took."""
    client = Client(host, port, "application/sparql-results+json")
    took = []
    for _ in range(requests):
        started = time.perf_counter()
        status = await client.get(target)
        took.append(time.perf_counter() - started)
        assert status == 200, status
    client.close()
    return took


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def stop(proc: subprocess.Popen) -> None:
    """Stop a server started for a run: Ctrl-C as a person would, killed if it will not go."""
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
