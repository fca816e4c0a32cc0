"""The SPARQL protocol as the server speaks it: updates, SERVICE, FROM, CORS, negotiation, description."""

from __future__ import annotations

import json
import logging
import re
import time
import urllib.parse
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from serving import FIXTURE, fetch, running
from SPARQLWrapper import JSON, SPARQLWrapper

from kg.endpoint.limits import Policy

# rdflib's own deprecation warnings while it parses N3 and JSON-LD are not ours to fix
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
SD = "http://www.w3.org/ns/sparql-service-description#"
ASK_SPEECH = urllib.parse.quote("ASK { ?s a kg:Speech }")
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def get(endpoint: str, query: str, **headers) -> tuple[int, dict, bytes]:
    return fetch(f"{endpoint}?query={urllib.parse.quote(query)}", headers=headers)


def test_updates_are_refused_as_read_only_in_every_form(endpoint, recorder):
    update = "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }"
    load = f"LOAD <{recorder.url}data.ttl>"
    answers = [
        fetch(endpoint, data=urllib.parse.urlencode({"update": update}).encode(), headers=FORM),
        fetch(endpoint, data=update.encode(), headers={"Content-Type": "application/sparql-update"}),
        fetch(endpoint, data=load.encode(), headers={"Content-Type": "application/sparql-update"}),
        fetch(endpoint, data=urllib.parse.urlencode({"query": load}).encode(), headers=FORM),
        get(endpoint, "PREFIX x: <http://e/> # a comment\n" + update),
        get(endpoint, f"BASE <http://e/> {load}"),
        fetch(endpoint, data=update.encode(), headers={"Content-Type": "application/sparql-query"}),
    ]
    for status, _, body in answers:
        assert status == 403 and body.startswith(b"read-only endpoint") and b"malformed" not in body
    sw = SPARQLWrapper(endpoint)
    sw.setQuery(update)
    sw.setMethod("POST")
    assert sw.isSparqlUpdateRequest()
    with pytest.raises(Exception, match="403"):
        sw.query()
    assert recorder.requests == []  # LOAD fetched nothing
    status, _, body = get(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { <http://e/a> ?p ?o }")
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "0"  # nothing was added


def test_service_is_refused_and_sends_nothing(endpoint, recorder):
    for query in (f"SELECT * {{ SERVICE <{recorder.url}sparql> {{ ?s ?p ?o }} }}",
                  f"SELECT * {{ SERVICE SILENT <{recorder.url}> {{ ?s ?p ?o }} }}",
                  f"PREFIX r: <{recorder.url}> SELECT * {{ service r:sparql {{ ?s ?p ?o }} }}",
                  "SELECT * { BIND(<http://127.0.0.1:1/> AS ?e) SERVICE ?e { ?s ?p ?o } }"):
        status, _, body = get(endpoint, query)
        assert status == 400 and b"SERVICE" in body and b"--allow-service" in body
    assert recorder.requests == []


def test_the_word_service_in_strings_comments_and_names_is_no_service(endpoint):
    query = 'SELECT ?service WHERE { BIND("SERVICE <http://127.0.0.1:1/> {}" AS ?service) } # SERVICE <x> {}'
    status, _, body = get(endpoint, query)
    assert status == 200 and "SERVICE" in json.loads(body)["results"]["bindings"][0]["service"]["value"]


def test_from_never_fetches(endpoint, recorder):
    for dataset in (f"FROM <{recorder.url}data.ttl>", f"FROM NAMED <{recorder.url}named.ttl>"):
        status, _, body = get(endpoint, f"SELECT (COUNT(*) AS ?n) {dataset} WHERE {{ ?s ?p ?o }}")
        assert status == 200  # answered from the store alone (its default graph is the union of its graphs)
        assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 200
    assert recorder.requests == []


def test_service_to_an_allowed_endpoint_is_called(server):
    """A second server may call the first one through SERVICE, and only it."""
    remote = server.url + "sparql"
    with running(policy=Policy(allow_service=(remote,))) as local:
        query = (f"SELECT ?name WHERE {{ SERVICE <{remote}> {{ ?p a <http://xmlns.com/foaf/0.1/Person> ; "
                 "<http://xmlns.com/foaf/0.1/name> ?name } } ORDER BY ?name")
        status, _, body = get(local.url + "sparql", query)
        assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 4
        status, _, body = get(local.url + "sparql", query.replace(remote, remote + "/../other"))
        assert status == 400


def test_no_cors_header_unless_an_origin_is_allowed(endpoint, server):
    status, headers, _ = fetch(f"{endpoint}?query={ASK_SPEECH}", headers={"Origin": "http://evil.example"})
    assert status == 200 and "access-control-allow-origin" not in headers
    status, headers, _ = fetch(endpoint, method="OPTIONS", headers={"Origin": "http://evil.example"})
    assert status == 204 and "access-control-allow-origin" not in headers
    with running(policy=Policy(cors_origins=("http://app.example",))) as srv:
        url = f"{srv.url}sparql?query={ASK_SPEECH}"
        _, headers, _ = fetch(url, headers={"Origin": "http://app.example"})
        assert headers["access-control-allow-origin"] == "http://app.example" and "Origin" in headers["vary"]
        _, headers, _ = fetch(url, headers={"Origin": "http://other.example"})
        assert "access-control-allow-origin" not in headers
        _, headers, _ = fetch(srv.url + "sparql", method="OPTIONS", headers={"Origin": "http://app.example"})
        assert "POST" in headers["access-control-allow-methods"]


def test_accept_wins_over_an_unknown_format_parameter(endpoint):
    query = urllib.parse.quote("SELECT ?n WHERE { ?p foaf:name ?n FILTER(STR(?n) = '梁宏') }")
    status, headers, body = fetch(f"{endpoint}?query={query}&format=pdf&output=whatever",
                                  headers={"Accept": "text/csv"})
    assert status == 200 and headers["content-type"].startswith("text/csv") and "Accept" in headers["vary"]
    assert body.decode().splitlines() == ["n", "梁宏"]
    status, headers, body = fetch(f"{endpoint}?query={query}&format=tsv", headers={"Accept": "text/csv"})
    assert headers["content-type"].startswith("text/tab-separated-values")  # a known format= is binding


@pytest.mark.parametrize(("fmt", "media", "rdflib_format"), [
    ("rdf+xml", "application/rdf+xml", "xml"), ("n3", "text/n3", "n3"), ("json-ld", "application/ld+json", "json-ld"),
    ("nt", "application/n-triples", "nt"), ("turtle", "text/turtle", "turtle")])
def test_graph_formats_by_name(endpoint, fmt, media, rdflib_format):
    query = urllib.parse.quote("CONSTRUCT WHERE { ?p a kg:Party }")
    status, headers, body = fetch(f"{endpoint}?query={query}&format={urllib.parse.quote(fmt)}")
    assert status == 200 and headers["content-type"].startswith(media)
    graph = Graph().parse(data=body, format=rdflib_format)
    assert len(set(graph.subjects(RDF.type, URIRef("https://w3id.org/zxkg/ontology#Party")))) == 3


def test_a_get_without_query_describes_the_service(endpoint):
    for accept in ("text/turtle", "*/*", ""):
        status, headers, body = fetch(endpoint, headers={"Accept": accept} if accept else {})
        assert status == 200 and headers["content-type"].startswith("text/turtle")
        graph = Graph().parse(data=body, format="turtle")
        service = URIRef(endpoint)
        assert (service, RDF.type, URIRef(SD + "Service")) in graph
        assert (service, URIRef(SD + "supportedLanguage"), URIRef(SD + "SPARQL11Query")) in graph
        assert (service, URIRef(SD + "resultFormat"), URIRef("http://www.w3.org/ns/formats/SPARQL_Results_CSV")) \
            in graph
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    status, headers, body = fetch(endpoint, headers={"Accept": browser})
    assert headers["content-type"].startswith("text/html") and b"<html" in body and "Accept" in headers["vary"]
    status, headers, body = fetch(endpoint, headers={"Accept": "application/rdf+xml"})
    assert len(Graph().parse(data=body, format="xml")) > 5


def test_post_sparql_query_body_and_form(endpoint):
    status, _, body = fetch(endpoint, data=b"ASK { ?s a kg:Speech }",
                            headers={"Content-Type": "application/sparql-query"})
    assert (status, json.loads(body)) == (200, {"head": {}, "boolean": True})
    form = urllib.parse.urlencode({"query": "ASK { ?s a kg:Nothing }"}).encode()
    assert json.loads(fetch(endpoint, data=form, headers=FORM)[2])["boolean"] is False
    assert fetch(endpoint, data=b"x", headers={"Content-Type": "text/plain"})[0] == 415


def test_named_question_route_binds_parameters(server):
    region = urllib.parse.quote("平遥县")
    status, headers, body = fetch(f"{server.url}questions/region-sectors?region={region}&format=json")
    rows = json.loads(body)["results"]["bindings"]
    assert status == 200 and "Accept" in headers["vary"]
    assert sorted(r["sectorLabel"]["value"] for r in rows) == ["城乡建设", "文化旅游"]
    assert fetch(f"{server.url}questions/region-sectors")[0] == 400
    assert fetch(f"{server.url}questions/nope")[0] == 404
    listing = json.loads(fetch(f"{server.url}questions")[2])
    assert {"speeches-by-party", "region-sectors"} <= {q["name"] for q in listing}


def test_pages_and_other_routes(server):
    status, headers, body = fetch(server.url)
    page = body.decode("utf-8")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "各党派的发言数" in page and "region-sectors" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)  # self-contained: no CDN
    status, _, body = fetch(server.url + "graph.html")
    assert status == 200 and "网络图" in body.decode("utf-8")
    assert fetch(server.url + "nothing-here")[0] == 404
    assert fetch(server.url + "sparql", method="DELETE")[0] == 405


def access_lines(caplog, wanted: int = 3) -> list[str]:
    """The access log's lines so far: they reach ``logging`` in batches, within 50 ms."""
    deadline = time.monotonic() + 5
    while True:
        lines = [line for r in caplog.records if r.name == "kg.serve.access" for line in r.getMessage().split("\n")]
        if len(lines) >= wanted or time.monotonic() > deadline:
            return lines
        time.sleep(0.02)


def test_one_log_line_per_request_without_the_query(endpoint, caplog):
    secret = "SELECT ?name WHERE { ?p foaf:name ?name FILTER(CONTAINS(?name, 'needle-in-log')) }"
    with caplog.at_level(logging.INFO, logger="kg.serve"):
        get(endpoint, "SELECT ?name WHERE { ?p foaf:name ?name }")
        get(endpoint, secret)
        get(endpoint, "SELECT ?x WHERE {")
        lines = access_lines(caplog)
    assert len(lines) == 3
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} 127\.0\.0\.1 GET /sparql 200 [\d.]+ ms rows=4", lines[0])
    assert " ms " in lines[0] and " 400 " in lines[2]
    assert not any("needle" in line or "foaf" in line for line in lines)
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="kg.serve"):
        get(endpoint, secret)
    assert any("needle-in-log" in r.getMessage() for r in caplog.records)  # --log-level debug shows it


def test_sparqlwrapper_gets_a_503_for_a_slow_query(endpoint):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    sw = SPARQLWrapper(endpoint)
    sw.setQuery(slow)
    sw.setReturnFormat(JSON)
    with pytest.raises(Exception, match="503"):
        sw.query()


def test_a_store_directory_is_served_read_only(tmp_path):
    import pyoxigraph as ox

    directory = tmp_path / "store"
    store = ox.Store(str(directory))
    store.bulk_load(path=str(Path(FIXTURE)), format=ox.RdfFormat.TURTLE)
    store.flush()
    del store
    with running(directory) as server:
        status, _, body = get(server.url + "sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?p a foaf:Person }")
        assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "4"
        status, _, body = get(server.url + "sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?p a foaf:Person }")
        assert status == 200  # the second time from this process's own read-only handle
