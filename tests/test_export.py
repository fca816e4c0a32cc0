"""Every export is read back by another reader and holds what was written."""

from __future__ import annotations

import json

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from fixtures_records import fixture_document

from kg.cli import main
from kg.errors import KgError
from kg.export import EXPORTERS, JSONLD_CONTEXT_FILE, default_graph_file, export, read_graph_file
from kg.graph import build_dataset, to_quads
from kg.namespace import KG_RESOURCE, PREFIXES
from kg.store import serialize

RDF_TYPE = PREFIXES["rdf"] + "type"


@pytest.fixture(scope="module")
def quads() -> list[ox.Quad]:
    return to_quads(build_dataset([fixture_document()]))


@pytest.mark.parametrize(("fmt", "suffix", "rdf_format"), [
    ("turtle", ".ttl", ox.RdfFormat.TURTLE), ("nt", ".nt", ox.RdfFormat.N_TRIPLES),
])
def test_triple_formats_hold_the_union(tmp_path, quads, fmt, suffix, rdf_format):
    path = tmp_path / f"graph{suffix}"
    assert export(quads, fmt, path) == [path]
    assert {q.triple for q in ox.parse(path=str(path), format=rdf_format)} == {q.triple for q in quads}


@pytest.mark.parametrize(("fmt", "suffix", "rdf_format"), [
    ("trig", ".trig", ox.RdfFormat.TRIG), ("nquads", ".nq", ox.RdfFormat.N_QUADS),
])
def test_dataset_formats_keep_the_named_graphs(tmp_path, quads, fmt, suffix, rdf_format):
    path = tmp_path / f"graph{suffix}"
    export(quads, fmt, path)
    reread = set(ox.parse(path=str(path), format=rdf_format))
    assert reread == set(quads)
    assert len({q.graph_name for q in reread}) == 4  # the document, entities, vocab, build


@pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")  # rdflib's own JSON-LD parser
def test_jsonld_uses_the_context_file_written_beside_it(tmp_path, quads):
    path = tmp_path / "graph.jsonld"
    written = export(quads, "jsonld", path)
    context_path = tmp_path / JSONLD_CONTEXT_FILE
    assert written == [path, context_path]
    document = json.loads(path.read_text(encoding="utf-8"))
    context = json.loads(context_path.read_text(encoding="utf-8"))
    assert document["@context"] == JSONLD_CONTEXT_FILE
    assert context["@context"]["kg"] == PREFIXES["kg"]
    assert KG_RESOURCE not in path.read_text(encoding="utf-8"), "IRIs are compacted with the context"
    # pyoxigraph loads no remote contexts: give it the context file's content in place of its name.
    inlined = json.dumps({**document, "@context": context["@context"]})
    assert set(ox.parse(inlined, format=ox.RdfFormat.JSON_LD)) == set(quads)
    assert set(read_graph_file(path)) == set(quads), "kg reads its own JSON-LD back"
    # rdflib resolves the context file relative to the document, as Protégé or Jena would.
    dataset = rdflib.Dataset()
    dataset.parse(path, format="json-ld")
    assert len(dataset) == len({q.triple for q in quads})


def graph_counts(quads: list[ox.Quad]) -> tuple[int, int]:
    triples = {q.triple for q in quads}
    edges = {t for t in triples if isinstance(t.object, ox.NamedNode) and t.predicate.value != RDF_TYPE}
    nodes = {t.subject.value for t in triples} | {t.object.value for t in edges}
    return len(nodes), len(edges)


@pytest.mark.parametrize(("fmt", "read"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_formats_for_gephi(tmp_path, quads, fmt, read):
    path = tmp_path / f"graph.{fmt}"
    export(quads, fmt, path)
    graph = read(path)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == graph_counts(quads)
    speeches = {data["label"] for _, data in graph.nodes(data=True) if data.get("type") == "kg:Speech"}
    assert speeches == {"精准施策 推动传统产业改造升级", "加快太原晋中一体化步伐"}
    properties = {data["property"] for *_, data in graph.edges(data=True)}
    assert {"kg:hasIssue", "opengov:onBehalfOf", "org:subOrganizationOf", "kg:regionLink"} <= properties
    assert all(data["label"] for _, data in graph.nodes(data=True))


def test_exports_are_byte_identical_on_rerun(tmp_path, quads):
    # GEXF is left out: networkx stamps it with today's date.
    for fmt in set(EXPORTERS) - {"gexf"}:
        first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        export(quads, fmt, first)
        export(list(reversed(quads)), fmt, second)
        assert first.read_bytes() == second.read_bytes(), fmt


def test_reading_a_file_keeps_derived_datatypes(tmp_path, quads):
    path = tmp_path / "graph.trig"
    export(quads, "trig", path)
    assert set(read_graph_file(path)) == set(quads)


def test_unknown_format_and_missing_file_are_clear_errors(tmp_path, quads):
    with pytest.raises(KgError, match="unknown export format"):
        export(quads, "xlsx", tmp_path / "x.xlsx")
    with pytest.raises(KgError, match="no such graph file"):
        read_graph_file(tmp_path / "missing.ttl")


def test_default_graph_file_prefers_trig(tmp_path):
    assert default_graph_file(tmp_path) == tmp_path / "graph.ttl"
    (tmp_path / "graph.trig").write_text("")
    assert default_graph_file(tmp_path) == tmp_path / "graph.trig"


def test_cli_exports_the_default_graph(tmp_path, quads, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "outputs").mkdir()
    (tmp_path / "outputs" / "graph.trig").write_bytes(serialize(quads, ox.RdfFormat.TRIG, PREFIXES))
    result = CliRunner().invoke(main, ["export", "-o", "out/kg.jsonld"])
    assert result.exit_code == 0, result.output
    assert result.output.split() == ["out/kg.jsonld", f"out/{JSONLD_CONTEXT_FILE}"]
    result = CliRunner().invoke(main, ["export", "--format", "nquads"])
    assert result.exit_code == 0, result.output
    assert set(ox.parse(path="outputs/graph.nq", format=ox.RdfFormat.N_QUADS)) == set(quads)


def test_cli_export_reports_a_missing_graph(tmp_path):
    result = CliRunner().invoke(main, ["export", "--graph", str(tmp_path / "none.ttl")])
    assert result.exit_code == 2 and "no such graph file" in result.output


def test_cli_help_has_an_example():
    for command in ("export", "validate"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0 and f"kg {command}" in result.output.split("Example")[1]


def test_cli_export_will_not_write_over_the_graph_it_reads(tmp_path):
    # no -o and the graph's own format: the default output is the input file itself
    graph = tmp_path / "mine.ttl"
    text = "# my notes\n<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n"
    graph.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "--graph", str(graph)])
    assert result.exit_code == 2
    assert result.output.startswith(f"kg: {graph}: would write over the graph it reads; give -o")
    assert graph.read_text(encoding="utf-8") == text
