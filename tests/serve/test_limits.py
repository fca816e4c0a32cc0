"""Every limit of the endpoint, probed the way the audit did: each must fail safely and the server go on."""

from __future__ import annotations

import http.client
import os
import re
import socket
import statistics
import time
import urllib.parse

import pytest
from serving import TIMEOUT, fetch, running

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # 299^4 rows
HUNGRY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"  # sorts 299^3 rows


def get(url: str, query: str, **headers) -> tuple[int, dict, bytes]:
    return fetch(f"{url}sparql?query={urllib.parse.quote(query)}", headers=headers)


def assert_serving(server) -> None:
    for _ in range(3):
        status, _, body = get(server.url, "ASK { ?s a kg:Speech }")
        assert (status, body) == (200, b'{"head":{},"boolean":true}')


def wait_for_workers(server, count: int) -> set[int]:
    deadline = time.monotonic() + 30
    while len(server.pool.worker_pids()) != count and time.monotonic() < deadline:
        time.sleep(0.1)
    pids = server.pool.worker_pids()
    assert len(pids) == count
    return pids


@pytest.mark.parametrize("query", [
    "ASK " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000,  # killed a worker before
    "ASK { FILTER(" + "(" * 10000 + "1" + ")" * 10000 + ") }",
    "SELECT (" + "+".join(["1"] * 10000) + " AS ?x) {}",
    "SELECT * { " + " UNION ".join(["{?s ?p ?o}"] * 3000) + " }",
    "SELECT * { " + " ".join(f"BIND(1 AS ?x{i})" for i in range(3000)) + " }",
])
def test_deep_or_long_queries_are_refused_before_evaluation(query):
    with running(max_request_bytes=256 * 1024) as server:
        before = server.pool.worker_pids()
        status, _, body = fetch(server.url + "sparql", data=query.encode(),
                                headers={"Content-Type": "application/sparql-query"})
        assert status == 400 and (b"--max-depth" in body or b"--max-operators" in body)
        assert server.pool.worker_pids() == before and all(os.waitpid(p, os.WNOHANG) == (0, 0) for p in before)
        assert_serving(server)


def test_an_overrunning_query_is_stopped_with_503_and_its_worker_replaced(server):
    before = wait_for_workers(server, 2)
    started = time.monotonic()
    status, headers, body = get(server.url, SLOW)
    assert status == 503 and b"time limit" in body and headers["retry-after"]
    assert TIMEOUT <= time.monotonic() - started < TIMEOUT + 5
    assert_serving(server)
    after = wait_for_workers(server, 2)
    (stopped,) = before - after  # the worker that ran it was killed (and reaped): the query stopped
    with pytest.raises(ProcessLookupError):
        os.kill(stopped, 0)


def test_a_query_over_the_worker_memory_cap_is_stopped_with_503():
    with running(worker_memory_mb=200, timeout=60) as server:
        before = wait_for_workers(server, 2)
        started = time.monotonic()
        status, _, body = get(server.url, HUNGRY)
        assert status == 503 and b"memory" in body
        assert time.monotonic() - started < 50  # stopped by the memory cap, not the time limit
        assert_serving(server)
        assert wait_for_workers(server, 2) != before


def test_rows_and_bytes_limits():
    with running(max_rows=50, max_result_bytes=20_000) as server:
        status, _, body = get(server.url, "SELECT * { ?s ?p ?o }")
        assert status == 400 and b"50 rows" in body and b"LIMIT" in body
        status, _, body = get(server.url, "SELECT * { ?s ?p ?o } LIMIT 50")
        assert status == 200
        status, _, body = get(server.url, "CONSTRUCT WHERE { ?s ?p ?o }")
        assert status == 400 and b"50 rows" in body
        wide = "STR(?s), " * 10
        status, _, body = get(server.url, f"SELECT (CONCAT({wide} '') AS ?x) {{ ?s ?p ?o }} LIMIT 49")
        assert status == 400 and b"20000 bytes" in body  # under 50 rows, over 20,000 bytes
        cartesian = "SELECT * { ?a ?b ?c . ?d ?e ?f }"  # 89,401 rows: stopped at the limit, at once
        started = time.monotonic()
        assert get(server.url, cartesian)[0] == 400 and time.monotonic() - started < TIMEOUT


def test_oversize_requests_are_refused(server):
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 5000
    assert fetch(server.url + "sparql", data=big.encode(),
                 headers={"Content-Type": "application/sparql-query"})[0] == 413
    assert fetch(f"{server.url}sparql?query={urllib.parse.quote(big)}")[0] in (414, 431)
    assert_serving(server)


def _connect(server) -> socket.socket:
    host, port = server.server_address[:2]
    return socket.create_connection((host, port), timeout=10)


def test_idle_and_slow_connections_are_closed():
    with running(idle_timeout=0.5, read_timeout=0.5) as server:
        idle = [_connect(server) for _ in range(20)]
        slow = _connect(server)
        slow.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n")  # never finished
        time.sleep(1.5)
        assert all(s.recv(1) == b"" for s in idle)  # closed by the server
        assert slow.recv(200).startswith(b"HTTP/1.1 408")
        for s in [*idle, slow]:
            s.close()
        assert len(server.http.connections) == 0
        assert_serving(server)


def test_past_the_connection_cap_the_longest_idle_connection_goes():
    with running(max_connections=10) as server:
        held = [_connect(server) for _ in range(10)]
        time.sleep(0.2)
        assert_serving(server)  # its connections displaced idle ones
        assert len(server.http.connections) <= 10
        closed = 0
        for s in held:
            s.settimeout(2)
            try:
                closed += s.recv(1) == b""
            except (TimeoutError, ConnectionResetError):
                closed += 0
            s.close()
        assert closed >= 1


def test_keep_alive_requests_are_answered_without_a_delayed_ack_stall(server):
    """Many requests on one connection; a response in several writes would cost each ~40 ms."""
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=10)
    path = "/sparql?query=" + urllib.parse.quote("SELECT ?n WHERE { ?p foaf:name ?n }")
    took = []
    for _ in range(30):
        started = time.perf_counter()
        conn.request("GET", path, headers={"Accept": "text/csv"})
        response = conn.getresponse()
        assert response.status == 200 and len(response.read().splitlines()) == 5
        took.append(time.perf_counter() - started)
    conn.close()
    assert statistics.median(took) < 0.02  # ~1 ms here; 40+ ms with the old several-writes responses


def test_pipelined_requests_are_answered_in_order(server):
    s = _connect(server)
    ask = "GET /sparql?query={} HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\n\r\n"
    s.sendall((ask.format(urllib.parse.quote("ASK { ?s a kg:Speech }"))
               + ask.format(urllib.parse.quote("ASK { ?s a kg:Nothing }"))).encode())
    data = b""
    while data.count(b"HTTP/1.1 200") < 2 or not data.endswith((b"true", b"false")):
        chunk = s.recv(4096)
        if not chunk:
            break
        data += chunk
    s.close()
    assert data.index(b"true") < data.index(b"false")


@pytest.mark.parametrize("last", [b"NONSENSE\r\n\r\n",  # refused, and the connection closed
                                  b"GET /questions HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"])
def test_answers_kept_for_the_end_of_the_turn_go_out_before_a_closing_one(server, last):
    """Responses wait for the end of the event loop's turn; a response that closes the connection
    must not overtake them, nor the close drop them."""
    s = _connect(server)
    ask = "GET /sparql?query={} HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\n\r\n"
    s.sendall((ask.format(urllib.parse.quote("ASK { ?s a kg:Speech }"))
               + ask.format(urllib.parse.quote("ASK { ?s a kg:Nothing }"))).encode() + last)
    data = b""
    while chunk := s.recv(65536):  # to the end: the server closes
        data += chunk
    s.close()
    statuses = [int(status) for status in re.findall(rb"HTTP/1\.1 (\d{3}) ", data)]
    assert statuses == [200, 200, 400 if last.startswith(b"NONSENSE") else 200]
    assert data.index(b"true") < data.index(b"false") < data.rindex(b"HTTP/1.1 ")


@pytest.mark.parametrize(("raw", "status"), [
    (b"NONSENSE\r\n\r\n", 400),
    (b"GET /sparql HTTP/1.1\r\nno colon here\r\n\r\n", 400),
    (b"GET /sparql HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 6000 + b"\r\n\r\n", 431),
    (b"POST /sparql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 411),
    (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: -3\r\n\r\n", 400),
    (b"GET /sparql HTTP/1.1\r\nHost: <bad> host\r\nAccept: text/turtle\r\n\r\n", 200),
    (b"GET http://x/sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n\r\n", 200),
    (b"GET /sparql?query=%FF%FE HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    (b"HEAD /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n\r\n", 200),
])
def test_malformed_requests_get_a_4xx_and_the_server_goes_on(server, raw, status):
    s = _connect(server)
    s.sendall(raw)
    head = s.recv(65536)
    s.close()
    assert head.startswith(f"HTTP/1.1 {status} ".encode()), head[:200]
    assert_serving(server)
