"""The SPARQL endpoint, tested with real clients against a real server on loopback.

The fixture graph (tests/data/query_fixture.ttl) has 4 people, 3 parties and 5 speeches; its
region 平遥县 has the speech S2 only, about 文化旅游 and 城乡建设.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.errors import KgError
from kg.serve import HttpError, SparqlServer, negotiate

FIXTURE = Path(__file__).parent / "data" / "query_fixture.ttl"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # 299^4 rows
TIMEOUT = 1.5
MAX_REQUEST = 4096


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("outputs")
    shutil.copy(FIXTURE, folder / "graph.ttl")
    (folder / "graph.html").write_text("<html><body>network 网络图</body></html>", encoding="utf-8")
    srv = SparqlServer(folder / "graph.ttl", port=0, timeout=TIMEOUT, max_request_bytes=MAX_REQUEST,
                       workers=2, quiet=True)
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(timeout=10)
        assert not thread.is_alive()


@pytest.fixture
def endpoint(server) -> str:
    return server.url + "sparql"


def wrapper(endpoint: str, query: str, fmt: str = JSON, method: str = "GET") -> SPARQLWrapper:
    sw = SPARQLWrapper(endpoint)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    sw.setMethod(method)
    sw.setTimeout(20)
    return sw


def fetch(url: str, data: bytes | None = None, headers: dict | None = None) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read()


def test_sparqlwrapper_select_in_json_xml_csv_by_get_and_post(endpoint):
    query = "SELECT ?name WHERE { ?p a foaf:Person ; foaf:name ?name } ORDER BY ?name"
    expected = sorted(["安运涛", "王轩", "梁宏", "岳丽"])
    for method in ("GET", "POST"):
        doc = wrapper(endpoint, query, JSON, method).query().convert()
        assert [b["name"]["value"] for b in doc["results"]["bindings"]] == expected
    xml = wrapper(endpoint, query, XML).query().convert()
    assert len(xml.getElementsByTagName("result")) == 4
    text = wrapper(endpoint, query, CSV).query().convert().decode("utf-8")
    assert list(csv.reader(io.StringIO(text))) == [["name"]] + [[n] for n in expected]


def test_sparqlwrapper_ask_and_construct(endpoint):
    assert wrapper(endpoint, "ASK { ?r a kg:CompositeRegion }").query().convert()["boolean"] is True
    construct = "CONSTRUCT { ?p skos:prefLabel ?l } WHERE { ?p a kg:Party ; skos:prefLabel ?l }"
    graph = wrapper(endpoint, construct, TURTLE).query().convert()
    if isinstance(graph, bytes):
        graph = Graph().parse(data=graph, format="turtle")
    labels = {str(o) for o in graph.objects(None, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"))}
    assert labels == {"民革", "九三学社", "民盟"}


def test_rdflib_sparqlstore_reads_the_endpoint(endpoint):
    store = SPARQLStore(endpoint, returnFormat="json")
    rows = list(store.query("SELECT ?t WHERE { ?s a <https://w3id.org/zxkg/ontology#Speech> ; "
                            "<http://purl.org/dc/terms/title> ?t }"))
    assert len(rows) == 5
    store.close()


def test_json_ld_tsv_and_format_parameter(endpoint):
    query = urllib.parse.quote("CONSTRUCT WHERE { ?p a kg:Party }")
    status, ctype, body = fetch(f"{endpoint}?query={query}", headers={"Accept": "application/ld+json"})
    assert status == 200 and ctype.startswith("application/ld+json")
    assert len(json.loads(body)) == 3
    select = urllib.parse.quote("SELECT ?n WHERE { ?p foaf:name ?n FILTER(STR(?n) = '梁宏') }")
    status, ctype, body = fetch(f"{endpoint}?query={select}&format=tsv")
    assert status == 200 and ctype.startswith("text/tab-separated-values")
    assert body.decode().splitlines() == ["?n", '"梁宏"@zh']


def test_post_sparql_query_body(endpoint):
    status, ctype, body = fetch(endpoint, data=b"ASK { ?s a kg:Speech }",
                                headers={"Content-Type": "application/sparql-query"})
    assert (status, json.loads(body)) == (200, {"head": {}, "boolean": True})


def test_updates_are_refused(endpoint):
    update = "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }"
    sw = wrapper(endpoint, update)
    sw.setMethod("POST")
    sw.setRequestMethod("postdirectly")
    sw.queryType = "INSERT"  # SPARQLWrapper then sends it as an update
    with pytest.raises(urllib.error.HTTPError) as err:  # SPARQLWrapper passes a 403 through as is
        sw.query()
    assert err.value.code == 403
    form = urllib.parse.urlencode({"update": update}).encode()
    assert fetch(endpoint, data=form, headers={"Content-Type": "application/x-www-form-urlencoded"})[0] == 403
    sparql_update = {"Content-Type": "application/sparql-update"}
    assert fetch(endpoint, data=update.encode(), headers=sparql_update)[0] == 403
    status, _, body = fetch(f"{endpoint}?query={urllib.parse.quote('PREFIX x: <http://e/> ' + update)}")
    assert status == 403 and b"read-only" in body
    # nothing was added
    count = "SELECT (COUNT(*) AS ?n) WHERE { <http://e/a> ?p ?o }"
    assert wrapper(endpoint, count).query().convert()["results"]["bindings"][0]["n"]["value"] == "0"


def test_malformed_query_is_400_with_position(endpoint):
    with pytest.raises(QueryBadFormed) as err:
        wrapper(endpoint, "SELECT ?x WHERE { ?x ?p }").query()
    assert "line 1, column" in str(err.value)


def test_oversize_request_is_refused(endpoint):
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * (MAX_REQUEST + 10)
    assert fetch(endpoint, data=big.encode(), headers={"Content-Type": "application/sparql-query"})[0] == 413
    assert fetch(f"{endpoint}?query={urllib.parse.quote(big)}")[0] == 414


def test_overrunning_query_is_stopped_with_503_and_the_server_goes_on(endpoint, server):
    before = {w.process.pid for w in server.pool._live}
    started = time.monotonic()
    with pytest.raises(urllib.error.HTTPError) as err:  # SPARQLWrapper passes a 503 through as is
        wrapper(endpoint, SLOW).query()
    elapsed = time.monotonic() - started
    assert err.value.code == 503 and b"time limit" in err.value.read()
    assert TIMEOUT <= elapsed < TIMEOUT + 5
    # the worker that ran it was killed and replaced: later queries are answered
    for _ in range(3):
        assert wrapper(endpoint, "ASK { ?s ?p ?o }").query().convert()["boolean"] is True
    deadline = time.monotonic() + 20
    while len(server.pool._live) != 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(server.pool._live) == 2
    assert all(w.process.poll() is None for w in server.pool._live)
    stopped = before - {w.process.pid for w in server.pool._live}
    assert len(stopped) == 1  # the worker that ran the query was killed (and reaped): the query stopped
    with pytest.raises(ProcessLookupError):
        os.kill(stopped.pop(), 0)


def test_named_question_route_binds_parameters(server):
    region = urllib.parse.quote("平遥县")
    status, _, body = fetch(f"{server.url}questions/region-sectors?region={region}")
    rows = json.loads(body)["results"]["bindings"]
    assert status == 200
    assert sorted(r["sectorLabel"]["value"] for r in rows) == ["城乡建设", "文化旅游"]
    assert fetch(f"{server.url}questions/region-sectors")[0] == 400
    assert fetch(f"{server.url}questions/nope")[0] == 404
    listing = json.loads(fetch(f"{server.url}questions")[2])
    assert {"speeches-by-party", "region-sectors"} <= {q["name"] for q in listing}


def test_query_page_and_network_page(server):
    status, ctype, body = fetch(server.url)
    page = body.decode("utf-8")
    assert status == 200 and ctype.startswith("text/html")
    assert "各党派的发言数" in page and "region-sectors" in page
    # self-contained: nothing loaded from elsewhere (the questions' PREFIX lines name IRIs, not loads)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//""", page)
    status, _, body = fetch(server.url + "graph.html")
    assert status == 200 and "网络图" in body.decode("utf-8")
    assert fetch(server.url + "nothing-here")[0] == 404


def test_negotiation():
    assert negotiate("text/csv, application/sparql-results+json;q=0.5", None)[0].startswith("text/csv")
    assert negotiate("application/sparql-results+json;q=0.2, application/sparql-results+xml", None)[0] == (
        "application/sparql-results+xml")
    assert negotiate("*/*", None) == ("application/sparql-results+json", "text/turtle")
    assert negotiate("", "xml") == ("application/sparql-results+xml", "application/rdf+xml")
    assert negotiate("", "json-ld")[1] == "application/ld+json"
    assert negotiate("", "text/turtle") == ("application/sparql-results+json", "text/turtle")
    with pytest.raises(HttpError):
        negotiate("", "pdf")


def test_missing_graph_is_a_clear_error(tmp_path):
    with pytest.raises(KgError, match="no such graph file"):
        SparqlServer(tmp_path / "none.ttl", port=0)


def test_a_port_in_use_is_a_clear_error(server):
    port = server.server_address[1]
    with pytest.raises(KgError, match=f"cannot listen on 127.0.0.1:{port}"):
        SparqlServer(server.graph, port=port, quiet=True)


@pytest.mark.skipif(not (shutil.which("chromium") or shutil.which("chromium-browser")), reason="no chromium")
def test_query_page_runs_a_question_in_a_browser(server):
    """Headless Chromium opens /?q=…, the page's script runs the question and draws the table."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    url = f"{server.url}?q=region-sectors&region={urllib.parse.quote('平遥县')}"
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000",
               "--dump-dom", url]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=90).stdout
    out = dom[dom.index('<div id="out">'):]
    assert "<th>sectorLabel</th>" in out
    assert "<td>文化旅游</td>" in out and "<td>城乡建设</td>" in out and "2 行 rows" in out


def test_cli_serve_answers_and_stops_on_interrupt():
    """`kg serve --port 0` in a subprocess: it says where it listens, answers, and Ctrl-C stops it."""
    command = [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--graph", str(FIXTURE),
               "--port", "0", "--timeout", "5"]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        url = line.split(" at ", 1)[1].split(" ", 1)[0]
        assert url.startswith("http://127.0.0.1:")
        ask = urllib.parse.quote("ASK { ?s a kg:Speech }")
        status, _, body = fetch(f"{url}sparql?query={ask}")
        assert (status, json.loads(body)["boolean"]) == (200, True)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
