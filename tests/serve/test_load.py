"""Load on a real `kg serve` (a subprocess) at 127.0.0.1: sustained, a burst, hostile traffic.

Short here (seconds), in full with benchmarks/bench_endpoint.py; both use benchmarks/endpoint_load.py.
KG_LOAD_SECONDS lengthens the runs. The bounds are generous (this 2-core machine is shared), but
each would catch what the audit found: a stall per kept-alive request, a burst refused, a worker
killed, normal queries starved by hostile ones, idle sockets held.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from serving import FIXTURE

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import endpoint_load as load  # noqa: E402

pytestmark = pytest.mark.load
SECONDS = float(os.environ.get("KG_LOAD_SECONDS", "3"))
NORMAL_P99 = 1.0  # seconds: the stated bound for normal queries, hostile traffic or not


@contextlib.contextmanager
def kg_serve_with(*flags: str):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(max(soft, 4096), hard), hard))  # the burst's 1,000 sockets
    command = [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--graph", str(FIXTURE),
               "--port", "0", "--timeout", "2", "--log-level", "warning", *flags]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        url = proc.stderr.readline().split(" at ", 1)[1].split(" ", 1)[0]
        host, port = url.removeprefix("http://").rstrip("/").rsplit(":", 1)
        yield host, int(port)
    finally:
        load.stop(proc)


@pytest.fixture(scope="module")
def kg_serve():
    """Short idle and read timeouts: the hostile test sees idle sockets closed within its run."""
    with kg_serve_with("--idle-timeout", "2", "--read-timeout", "2") as address:
        yield address


@pytest.fixture(scope="module")
def kg_serve_default_timeouts():
    """The idle timeout a user gets (15 s). The burst's one-thread client, starved of CPU on a loaded
    machine, took up to ~4 s to send some connections' requests: a 2 s idle timeout closed them
    unanswered (seen: 351 and 173 of 1,000, every one without a byte received), as it should."""
    with kg_serve_with() as address:
        yield address


def normal_targets() -> list[str]:
    return [load.query_path("/sparql", q) for q in load.NORMAL_QUERIES]


def warm_up(host: str, port: int) -> None:
    """Each normal query once: a server that has run for a while has seen its usual queries."""
    outcomes = asyncio.run(load.sustained(host, port, normal_targets(), clients=1, seconds=30,
                                          max_requests=len(load.NORMAL_QUERIES)))
    assert set(outcomes.statuses) == {200}


def test_sustained_load(kg_serve):
    host, port = kg_serve
    warm_up(host, port)
    outcomes = asyncio.run(load.sustained(host, port, normal_targets(), clients=20, seconds=SECONDS))
    print("sustained:", outcomes.summary())
    assert set(outcomes.statuses) == {200} and outcomes.count > 20
    assert outcomes.percentile(99) < NORMAL_P99


def test_a_burst_of_1000_connections_is_answered(kg_serve_default_timeouts):
    host, port = kg_serve_default_timeouts
    warm_up(host, port)
    outcomes = asyncio.run(load.burst(host, port, normal_targets()[2], connections=1000))
    print("burst:", outcomes.summary())
    assert outcomes.statuses == {200: 1000}


def test_hostile_traffic_does_not_starve_normal_queries(kg_serve):
    host, port = kg_serve
    warm_up(host, port)
    hostile = [load.query_path("/sparql", q) for q in load.HOSTILE_QUERIES]
    normal, bad, trickle, idle_closed = asyncio.run(load.hostile(
        host, port, normal_targets(), hostile, clients=10, seconds=max(SECONDS, 4), idle_sockets=200))
    print("normal:", normal.summary())
    print("hostile:", bad.summary())
    print("trickle:", trickle.summary(), "idle sockets closed:", idle_closed)
    assert set(normal.statuses) == {200} and normal.percentile(99) < NORMAL_P99
    assert set(bad.statuses) <= {400, 403, 503} and {400, 403} <= set(bad.statuses)
    assert not bad.server_errors() and not normal.server_errors()
    assert set(trickle.statuses) <= {408, "closed"} and trickle.count >= 1
    assert idle_closed == 200  # each closed by the idle timeout (2 s here)
