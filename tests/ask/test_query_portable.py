"""Every named question runs unchanged on two other SPARQL 1.1 engines and gives `kg query`'s rows.

The engines: a real `oxigraph serve` (the Oxigraph server, PyPI `oxigraph`) on 127.0.0.1, and
rdflib's SPARQL engine. The graph is the query fixture with two untitled news speeches added.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from kg.ask.query import questions, run
from kg.cli import main
from kg.store import GraphStore

DATA = Path(__file__).parents[1] / "data"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# a value for each parameter the named questions take
VALUES = {"region": "晋中市", "sector": "文化旅游", "word": "人才"}


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("portable") / "graph.ttl"
    text = "".join((DATA / name).read_text(encoding="utf-8") for name in ("query_fixture.ttl", "untitled_speech.ttl"))
    path.write_text(text, encoding="utf-8")
    return path


def oxigraph_cli() -> str:
    found = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("the oxigraph server (pip install oxigraph) is missing under CI")
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OxigraphServer:
    def __init__(self, url: str) -> None:
        self.url = url

    def select(self, sparql: str) -> list[tuple]:
        request = urllib.request.Request(
            self.url + "/query", data=sparql.encode("utf-8"), method="POST",
            headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            answer = ox.parse_query_results(response.read(), format=ox.QueryResultsFormat.JSON)
        names = [v.value for v in answer.variables]
        return rows_of(names, ([solution[v] for v in names] for solution in answer))

    def count(self) -> int:
        (row,) = self.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(row[0][1][1])


@pytest.fixture(scope="module")
def oxigraph_server(graph_file, tmp_path_factory):
    cli = oxigraph_cli()
    location = tmp_path_factory.mktemp("oxigraph-db")
    subprocess.run([cli, "load", "--location", str(location), "--file", str(graph_file)],
                   check=True, capture_output=True, timeout=120)
    port = free_port()
    process = subprocess.Popen([cli, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                                "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    server = OxigraphServer(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                server.count()
                break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"oxigraph serve did not start: {process.stderr.read()!r}") from None
                time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def rdflib_graph(graph_file) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(graph_file, format="turtle")
    return graph


def term_key(term) -> tuple | None:
    """One engine-neutral form of an RDF term: kind, lexical value, datatype or language."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode | rdflib.URIRef):
        return ("iri", str(term) if isinstance(term, rdflib.URIRef) else term.value)
    if isinstance(term, ox.Literal):
        return ("literal", term.value, term.language or term.datatype.value)
    if isinstance(term, rdflib.Literal):
        return ("literal", str(term), term.language or (str(term.datatype) if term.datatype else XSD_STRING))
    raise AssertionError(f"unexpected term {term!r}")


def rows_of(names, rows) -> list[tuple]:
    """Rows as sorted tuples of (variable, term key): engines may order ties differently."""
    return sorted((tuple((n, term_key(t)) for n, t in zip(names, row, strict=True)) for row in rows), key=repr)


def rdflib_rows(graph: rdflib.Graph, sparql: str) -> list[tuple]:
    result = graph.query(sparql)
    names = [str(v) for v in result.vars]
    return rows_of(names, ([row[v] for v in result.vars] for row in result))


def kg_query_rows(graph_file: Path, name: str, params: dict[str, str]) -> list[tuple]:
    """What `kg query NAME --param … --format json` prints, read back by Oxigraph's results parser."""
    args = ["query", name, "--graph", str(graph_file), "--format", "json"]
    args += [f"--param={k}={v}" for k, v in params.items()]
    out = CliRunner().invoke(main, args)
    assert out.exit_code == 0, out.output
    answer = ox.parse_query_results(out.stdout.encode("utf-8"), format=ox.QueryResultsFormat.JSON)
    names = [v.value for v in answer.variables]
    return rows_of(names, ([solution[v] for v in names] for solution in answer))


def kg_query_sparql(name: str, params: dict[str, str]) -> str:
    """What `kg query NAME --param … --sparql` prints: the question for another engine."""
    out = CliRunner().invoke(main, ["query", name, "--sparql", *(f"--param={k}={v}" for k, v in params.items())])
    assert out.exit_code == 0, out.output
    return out.stdout


@pytest.mark.parametrize("name", sorted(questions()))
def test_named_question_gives_the_same_rows_on_three_engines(name, graph_file, oxigraph_server, rdflib_graph):
    question = questions()[name]
    params = {p.name: VALUES[p.name] for p in question.params}
    expected = kg_query_rows(graph_file, name, params)
    assert expected, f"{name} found nothing in the fixture"
    portable = kg_query_sparql(name, params)
    assert oxigraph_server.select(portable) == expected
    assert rdflib_rows(rdflib_graph, portable) == expected


@pytest.mark.parametrize("name", sorted(questions()))
def test_the_file_as_is_runs_elsewhere(name, graph_file, oxigraph_server, rdflib_graph):
    """No predeclared prefixes, no kg: the .rq file alone (parameters at their example values)."""
    text = (Path(__file__).parents[2] / "kg" / "ask" / "queries" / f"{name}.rq").read_text(encoding="utf-8")
    bare = ox.Store()
    bare.bulk_load(path=str(graph_file), format=ox.RdfFormat.TURTLE)
    expected = rows_of(*_select(bare.query(text)))
    assert expected, f"{name} finds nothing with its example values"
    assert oxigraph_server.select(text) == expected
    assert rdflib_rows(rdflib_graph, text) == expected
    assert run(GraphStore.from_file(graph_file), text).rows  # and kg runs it without parameters too


def _select(answer) -> tuple[list[str], list[list]]:
    names = [v.value for v in answer.variables]
    return names, [[solution[v] for v in names] for solution in answer]


@pytest.mark.parametrize("word", ['") } INSERT DATA { <a> <b> <c> } #', 'x"\n} #', "\\u0022) }", "人才\\"])
def test_a_value_is_a_term_on_every_engine(word, graph_file, oxigraph_server, rdflib_graph):
    """A value that would end the literal if pasted: every engine finds nothing and changes nothing."""
    before = oxigraph_server.count()
    portable = kg_query_sparql("problems-with-word", {"word": word})
    assert kg_query_rows(graph_file, "problems-with-word", {"word": word}) == []
    assert oxigraph_server.select(portable) == []
    assert rdflib_rows(rdflib_graph, portable) == []
    assert oxigraph_server.count() == before


def test_untitled_speeches_are_listed_under_a_fallback_label(graph_file):
    out = CliRunner().invoke(main, ["query", "speech-list", "--graph", str(graph_file), "--format", "json"])
    titles = [b["title"]["value"] for b in json.loads(out.stdout)["results"]["bindings"]]
    assert len(titles) == 7
    assert "王轩发言" in titles and "九三学社晋中市委发言" in titles
    out = CliRunner().invoke(main, ["query", "problems-with-word", "--param", "word=人才外流",
                                    "--graph", str(graph_file), "--format", "csv"])
    assert out.stdout.splitlines()[1].split(",")[:3] == ["人才外流", "文旅人才外流", "王轩发言"]


def test_sparql_of_your_own_gets_the_prefixes_kg_predeclares(oxigraph_server, rdflib_graph):
    text = "SELECT ?s WHERE { ?s a kg:Speech ; dcterms:subject ?c . ?c skos:notation \"culture-tourism\" }"
    out = CliRunner().invoke(main, ["query", text, "--sparql"])
    assert out.stdout.startswith("PREFIX kg: <https://w3id.org/zxkg/ontology#>\n")
    assert len(oxigraph_server.select(out.stdout)) == 3 == len(rdflib_rows(rdflib_graph, out.stdout))
    refused = CliRunner().invoke(main, ["query", "SELECT ?s WHERE { ?s ?p ?name }", "--sparql", "--param", "name=x"])
    assert refused.exit_code == 2 and "no VALUES block for name" in refused.stderr
