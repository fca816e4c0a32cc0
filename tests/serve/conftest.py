"""Fixtures of the endpoint tests: one server for the session, and a listener that must get no request."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from serving import FIXTURE, Recorder, running

from kg.endpoint.serve import SparqlServer


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "load: load tests of the endpoint (short here; benchmarks/bench_endpoint.py "
                                       "runs them in full)")


@pytest.fixture(scope="session")
def outputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("outputs")
    shutil.copy(FIXTURE, folder / "graph.ttl")
    (folder / "graph.html").write_text("<html><body>network 网络图</body></html>", encoding="utf-8")
    return folder / "graph.ttl"


@pytest.fixture(scope="session")
def server(outputs) -> Iterator[SparqlServer]:
    with running(outputs, max_request_bytes=4096) as srv:
        yield srv


@pytest.fixture
def endpoint(server) -> str:
    return server.url + "sparql"


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    rec = Recorder()
    thread = threading.Thread(target=rec.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield rec
    finally:
        rec.shutdown()
        rec.server_close()
        thread.join(timeout=10)
