"""Helpers of the endpoint tests: a real `kg serve` on 127.0.0.1, a fetch that returns errors as
answers, and a listener that records any request made to it (the endpoint must make none).

The fixture graph (tests/data/query_fixture.ttl) has 4 people, 3 parties and 5 speeches; its region
平遥县 has the speech S2 only, about 文化旅游 and 城乡建设.
"""

from __future__ import annotations

import http.server
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.endpoint.limits import Limits, Policy
from kg.endpoint.serve import SparqlServer

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "query_fixture.ttl"
TIMEOUT = 2.0


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


