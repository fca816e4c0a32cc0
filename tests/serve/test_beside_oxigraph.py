"""`kg serve` and `oxigraph serve` (PyPI `oxigraph`) on the same graph give the same answers.

The throughput of the two side by side is measured by benchmarks/bench_endpoint.py, not here.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from serving import FIXTURE, fetch

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import endpoint_load as load  # noqa: E402


@pytest.fixture(scope="module")
def oxigraph_url(tmp_path_factory):
    binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(binary).is_file():
        pytest.skip("no oxigraph CLI (pip install oxigraph)")
    store = tmp_path_factory.mktemp("oxigraph") / "store"
    subprocess.run([binary, "load", "--location", str(store), "--file", str(FIXTURE)], check=True,
                   capture_output=True, timeout=120)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([binary, "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/query"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def answer(url: str, query: str, accept: str):
    status, headers, body = fetch(f"{url}?query={urllib.parse.quote(query)}", headers={"Accept": accept})
    assert status == 200, body
    if "json" in headers["content-type"]:
        doc = json.loads(body)
        return doc.get("boolean", sorted(json.dumps(b, sort_keys=True) for b in doc.get("results", {})
                                        .get("bindings", [])))
    return Graph().parse(data=body, format="turtle")


@pytest.mark.parametrize("query", load.NORMAL_QUERIES)
def test_the_same_answers_as_oxigraph_serve(server, oxigraph_url, query):
    accept = "application/sparql-results+json, text/turtle;q=0.9"
    ours, theirs = answer(server.url + "sparql", query, accept), answer(oxigraph_url, query, accept)
    if isinstance(ours, Graph):
        assert len(ours) > 0 and isomorphic(ours, theirs)
    else:
        assert ours == theirs and ours not in ([], None)
