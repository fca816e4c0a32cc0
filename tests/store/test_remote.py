"""The remote store against a real ``oxigraph serve`` on 127.0.0.1 (and, for what a client sends,
small real HTTP servers on loopback that record requests or stop answering part-way)."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
from live_parts import free_port, start, start_oxigraph
from paths import REPO, SAMPLE_DIR

from kg.ask.query import ask, questions
from kg.build import build
from kg.errors import KgError
from kg.store import GraphStore
from kg.store.push import PushFailed, push
from kg.store.remote import (
    DOCUMENT_GRAPHS,
    ENV_PASSWORD,
    ENV_TOKEN,
    ENV_USER,
    RemoteStore,
    StoreUnreachable,
)

DIGESTS = [*sorted(SAMPLE_DIR.glob("*.txt")),
           *(REPO / "tests/data/digests" / f"{n}-speeches.txt" for n in ("anji-cppcc-11-4", "dabu-cppcc-12-4"))]
QUICK = {"backoff": 0.01, "retries": 2}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built")
    build(DIGESTS, out, page=False)
    return out


@pytest.fixture(scope="module")
def local(built) -> GraphStore:
    return GraphStore.from_file(built / "graph.trig")


@pytest.fixture
def oxigraph(tmp_path):
    part, url = start_oxigraph(tmp_path / "oxigraph")
    yield url
    part.stop()


def test_a_push_gives_the_same_quads_and_answers(local, oxigraph):
    remote = RemoteStore.at(oxigraph)
    pushed = push(local, remote)
    assert set(remote.quads()) == set(local.quads())
    assert len(remote) == len(local)
    assert sorted(pushed.documents.values()) == sorted(p.name for p in DIGESTS)
    assert f"holds {len(DIGESTS)} documents" in pushed.summary()
    for name, question in questions().items():  # every named question, its defaults bound
        if all(p.default is not None for p in question.params):
            assert ask(remote, name) == ask(local, name), name
    values = {"region": "晋中市"}
    assert ask(remote, "region-sectors", values) == ask(local, "region-sectors", values)
    assert ask(remote, "region-sectors", values).rows  # the binding reached the query


def test_bindings_are_terms_not_text_and_errors_read_as_locally(local, oxigraph):
    remote = RemoteStore.at(oxigraph)
    push(local, remote)
    tricky = {"word": '人才" } ?x ?y ?z . FILTER("'}  # quotes and braces stay inside the literal
    assert ask(remote, "problems-with-word", tricky) == ask(local, "problems-with-word", tricky)
    broken = "SELECT ?x WHERE { ?x ?y }"
    with pytest.raises(KgError) as on_remote:
        ask(remote, broken)
    with pytest.raises(KgError) as on_local:
        ask(local, broken)
    assert str(on_remote.value) == str(on_local.value)  # same line and column, despite the prefixes


def test_push_again_changes_nothing_and_drops_what_went(built, local, oxigraph, tmp_path):
    remote = RemoteStore.at(oxigraph)
    other = ox.NamedNode("http://example.org/not-kg")  # someone else's graph in a shared store
    remote.replace_graph(other, [ox.Triple(other, other, ox.Literal("kept"))])
    first = push(local, remote)
    before = set(remote.quads())
    again = push(local, remote)
    assert set(remote.quads()) == before
    assert (again.written, again.unchanged, again.dropped) == (0, first.written, 0)  # nothing sent twice
    fewer = tmp_path / "fewer"
    build(DIGESTS[:-1], fewer, page=False)
    pushed = push(GraphStore.from_file(fewer / "graph.trig"), remote)
    assert pushed.dropped == 1
    assert sorted(pushed.documents.values()) == sorted(p.name for p in DIGESTS[:-1])
    assert set(remote.quads(other)) == {ox.Quad(other, other, ox.Literal("kept"), other)}


def test_a_store_that_stops_midway_holds_whole_graphs_and_the_error_names_the_rest(local, oxigraph):
    proxy = _Proxy(oxigraph, answer=3)  # passes a query and two PUTs to oxigraph, then stops answering
    try:
        with pytest.raises(PushFailed) as failed:
            push(local, RemoteStore.at(proxy.url, **QUICK))
    finally:
        proxy.close()
    message = str(failed.value)
    assert "\n" not in message and message.startswith(f"{proxy.url}/store: ")
    remote = RemoteStore.at(oxigraph)
    held = remote.documents()
    assert len(held) == 2 and len(failed.value.documents) == 1
    assert set(failed.value.documents) | set(held.values()) == {p.name for p in DIGESTS}
    assert not set(failed.value.documents) & set(held.values())
    assert all(name in message for name in failed.value.documents)
    for graph in held:  # what was written is each document's whole graph
        g = ox.NamedNode(graph)
        assert set(remote.quads(g)) == {q for q in local.quads() if q.graph_name == g}
    push(local, remote)  # the store is back: pushing again completes it
    assert set(remote.quads()) == set(local.quads())


def test_the_build_names_the_url_and_the_unwritten_documents(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    run = subprocess.run([sys.executable, "-m", "kg", "build", str(DIGESTS[0]), "-o", str(tmp_path / "out"),
                          "--no-page", "--store", url], capture_output=True, text=True, timeout=300)
    assert run.returncode == 2
    last = run.stderr.strip().splitlines()[-1]
    assert last.startswith(f"kg: {url}/") and f"not written: {DIGESTS[0].name}" in last
    assert (tmp_path / "out/graph.trig").is_file()  # the local outputs are there all the same


def test_query_stats_and_viz_read_through_the_store(built, local, oxigraph):
    push(local, RemoteStore.at(oxigraph))
    cli = [sys.executable, "-m", "kg"]
    for args in (["query", "speeches-by-party", "--format", "csv"], ["stats", "--format", "csv"]):
        remote = subprocess.run([*cli, *args, "--store", oxigraph], capture_output=True, text=True, timeout=300)
        on_file = subprocess.run([*cli, *args, "--graph", str(built / "graph.trig")], capture_output=True,
                                 text=True, timeout=300)
        assert remote.returncode == 0, remote.stderr
        assert remote.stdout == on_file.stdout and remote.stdout
    pages = []
    for source in (["--store", oxigraph], ["--graph", str(built / "graph.trig")]):
        pages.append(built / f"page{len(pages)}.html")
        run = subprocess.run([*cli, "viz", *source, "-o", str(pages[-1])], capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stderr
    assert pages[0].read_bytes() == pages[1].read_bytes()  # the same network page


def test_kg_serve_answers_from_the_store(local, oxigraph, tmp_path):
    push(local, RemoteStore.at(oxigraph))
    port = free_port()
    server = start("kg-serve", [sys.executable, "-m", "kg", "serve", "--store", oxigraph, "--port", str(port)],
                   tmp_path, cwd=REPO)
    try:
        query = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kg:Speech }"
        expected = int(next(iter(local.query(query)))["n"].value)
        body = _get_when_up(f"http://127.0.0.1:{port}/sparql?query={urllib.request.quote(query)}", server)
        assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(expected)
    finally:
        server.stop()


def test_graphs_are_replaced_added_to_and_dropped_whole(oxigraph):
    remote = RemoteStore.at(oxigraph)
    a, b, c = (ox.NamedNode(f"http://example.org/{x}") for x in "abc")
    remote.replace_document("k1", [ox.Triple(a, b, c)])
    remote.add_to_graph(ox.NamedNode(f"{DOCUMENT_GRAPHS}k1"), [ox.Triple(a, b, a)])
    assert len(remote) == 2
    remote.replace_document("k1", b"<http://example.org/c> <http://example.org/b> <http://example.org/a> .\n")
    assert [q.triple for q in remote.quads()] == [ox.Triple(c, b, a)]
    remote.drop_document("k1")
    remote.drop_document("k1")  # dropping what is gone is no error
    assert len(remote) == 0 and remote.graphs() == []


# ---------------------------------------------------------------- what the client sends

def test_credentials_come_from_the_environment(monkeypatch):
    with _Recorder() as rec:
        monkeypatch.setenv(ENV_USER, "reader")
        monkeypatch.setenv(ENV_PASSWORD, "s3cret:x")
        RemoteStore.at(rec.url).replace_graph(ox.NamedNode("http://example.org/g"), b"")
        monkeypatch.setenv(ENV_TOKEN, "tok")
        len(RemoteStore.at(rec.url))
        monkeypatch.delenv(ENV_TOKEN)
        monkeypatch.delenv(ENV_USER)
        len(RemoteStore.at(rec.url))
    (put, _, basic), (post, _, bearer), (_, _, none) = rec.requests
    assert put == "PUT" and post == "POST"
    assert basic["Authorization"] == "Basic " + base64.b64encode(b"reader:s3cret:x").decode()
    assert bearer["Authorization"] == "Bearer tok"
    assert "Authorization" not in none
    with pytest.raises(KgError, match=ENV_USER):
        RemoteStore.at("http://reader:s3cret@127.0.0.1:9/")


def test_a_busy_store_is_asked_again_and_a_dead_one_named(monkeypatch):
    with _Recorder(statuses=[503, 503]) as rec:
        assert len(RemoteStore.at(rec.url, **QUICK)) == 0  # the third try is answered
    assert len(rec.requests) == 3
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(StoreUnreachable, match=rf"^{url}/query: .*tried 3 times"):
        len(RemoteStore.at(url, **QUICK))


def test_a_refusal_is_not_retried_and_names_the_credentials():
    with _Recorder(statuses=[401]) as rec, pytest.raises(StoreUnreachable, match=ENV_TOKEN):
        len(RemoteStore.at(rec.url, **QUICK))
    assert len(rec.requests) == 1


class _Handler(BaseHTTPRequestHandler):
    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.requests.append((self.command, self.path, dict(self.headers)))
        status = self.server.statuses.pop(0) if self.server.statuses else 200
        body = b'{"head":{"vars":["n"]},"results":{"bindings":[{"n":{"type":"literal","value":"0"}}]}}'
        self.send_response(status)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = _answer

    def log_message(self, *args) -> None:
        pass


class _Recorder(ThreadingHTTPServer):
    """Answers every request (with ``statuses`` first), recording method, path and headers."""

    def __init__(self, statuses: list[int] | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[tuple[str, str, dict]] = []
        self.statuses = list(statuses or [])
        self.url = f"http://127.0.0.1:{self.server_address[1]}"
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def __exit__(self, *exc) -> None:
        self.shutdown()
        super().__exit__(*exc)


class _ProxyHandler(BaseHTTPRequestHandler):
    def _forward(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)) or None
        if self.server.answer <= 0:  # the store has gone: the connection closes unanswered
            self.close_connection = True
            return
        self.server.answer -= 1
        headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")}
        request = urllib.request.Request(self.server.target + self.path, body, headers, method=self.command)
        try:
            with urllib.request.urlopen(request) as response:
                status, data, kind = response.status, response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            status, data, kind = exc.code, exc.read(), exc.headers.get("Content-Type", "")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = _forward

    def log_message(self, *args) -> None:
        pass


class _Proxy(ThreadingHTTPServer):
    """Passes ``answer`` requests on to the store at ``target``, then answers none."""

    def __init__(self, target: str, answer: int) -> None:
        super().__init__(("127.0.0.1", 0), _ProxyHandler)
        self.target, self.answer = target, answer
        self.url = f"http://127.0.0.1:{self.server_address[1]}"
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.shutdown()
        self.server_close()


def _get_when_up(url: str, server) -> bytes:
    deadline = time.monotonic() + 120
    while True:
        server.fail_if_dead()
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "application/json"})) as r:
                return r.read()
        except (urllib.error.URLError, OSError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)
