"""A real `kg serve` on 127.0.0.1 over the query fixture graph, and small HTTP helpers.

The fixture graph (tests/data/query_fixture.ttl) has 4 people, 3 parties and 5 speeches; its region
平遥县 has the speech S2 only, about 文化旅游 and 城乡建设.
"""

from __future__ import annotations

import http.server
import shutil
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kg.endpoint.limits import Limits, Policy
from kg.serve import SparqlServer

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "query_fixture.ttl"
TIMEOUT = 2.0


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "load: load tests of the endpoint (short here; benchmarks/bench_endpoint.py "
                                       "runs them in full)")


@contextmanager
def running(graph: Path = FIXTURE, **kwargs) -> Iterator[SparqlServer]:
    """A server on a free port with ``Limits(**kwargs)`` (and ``policy=``), stopped afterwards."""
    policy = kwargs.pop("policy", Policy())
    limits = Limits(**{"timeout": TIMEOUT, **kwargs})
    server = SparqlServer(graph, port=0, limits=limits, policy=policy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        thread.join(timeout=20)
        server.server_close()
        assert not thread.is_alive()


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


def fetch(url: str, data: bytes | None = None, headers: dict | None = None,
          method: str | None = None) -> tuple[int, dict, bytes]:
    """(status, headers with lower-case names, body); HTTP errors are answers too."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as err:
        return err.code, {k.lower(): v for k, v in err.headers.items()}, err.read()


class Recorder(http.server.ThreadingHTTPServer):
    """A listener on 127.0.0.1 that counts the requests it gets (it must get none)."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        recorder = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                recorder.requests.append(self.path)
                self.send_response(500)
                self.end_headers()

            do_POST = do_GET

            def log_message(self, *args) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}/"


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
