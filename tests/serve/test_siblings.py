"""Several serving processes on one socket (`kg serve --processes`): they share what they learn, a
sibling that dies is replaced, and none outlives the server."""

from __future__ import annotations

import json
import os
import signal
import time
import urllib.parse

import pytest
from serving import fetch, running

from kg.ask.worker import Job

ASK = "ASK { ?s a kg:Speech }"


def get(url: str, query: str) -> tuple[int, dict, bytes]:
    return fetch(f"{url}sparql?query={urllib.parse.quote(query)}", headers={"Connection": "close"})


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_for(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "waited in vain"
        time.sleep(0.1)


def test_a_query_proven_in_a_sibling_is_answered_inline_here():
    with running(processes=3, workers=3) as server:
        assert len(server.siblings.pids()) == 2
        for limit in range(1, 40):  # new queries until a sibling, not this process, runs one first
            query = f"SELECT ?p WHERE {{ ?p a foaf:Person }} ORDER BY ?p LIMIT {limit}"
            ran_here = server.pool.stats.in_workers
            status, _, body = get(server.url, query)
            assert status == 200 and len(json.loads(body)["results"]["bindings"]) == min(limit, 4)
            if server.pool.stats.in_workers == ran_here:
                break
        else:
            pytest.fail("this process took every connection")
        job = Job(query, {}, "application/sparql-results+json")
        wait_for(lambda: server.pool.proven(job), seconds=5)  # relayed: never run here, yet known cheap
        answers = {get(server.url, query)[2] for _ in range(10)}  # whichever process answers, the same
        assert len(answers) == 1 and server.pool.stats.in_workers == ran_here


def test_a_sibling_that_dies_is_replaced_and_none_outlives_the_server():
    with running(processes=2) as server:
        (first,) = server.siblings.pids()
        os.kill(first, signal.SIGKILL)
        wait_for(lambda: len(server.siblings.pids()) == 1 and first not in server.siblings.pids())
        (second,) = server.siblings.pids()
        for _ in range(10):
            assert get(server.url, ASK)[:1] == (200,)
    wait_for(lambda: not alive(second), seconds=5)  # stopped with the server (and reaped)


@pytest.mark.parametrize("processes", [1, 2])
def test_the_workers_are_shared_among_the_processes(processes):
    with running(processes=processes, workers=2) as server:
        assert len(server.pool.worker_pids()) == 2 // processes
        assert len(server.siblings.pids() if server.siblings else ()) == processes - 1
