"""Every export is read back by readers kg did not write and holds what was written."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from fixtures_records import fixture_document
from pyld import jsonld

from kg.cli import main
from kg.errors import KgError
from kg.export.formats import (
    CSV_HEADER,
    FORMATS,
    default_graph_file,
    export,
    format_for_suffix,
    read_graph_file,
    to_bytes,
)
from kg.graph import build_dataset, to_quads
from kg.namespace import KG_RESOURCE, PREFIXES
from kg.store import serialize


@pytest.fixture(scope="module")
def quads() -> list[ox.Quad]:
    return to_quads(build_dataset([fixture_document()]))


def rdflib_quads(dataset: rdflib.Dataset) -> set[ox.Quad]:
    """What rdflib read, handed to Oxigraph's N-Quads parser to compare as terms."""
    return set(ox.parse(dataset.serialize(format="nquads").encode("utf-8"), format=ox.RdfFormat.N_QUADS))


@pytest.mark.parametrize(("fmt", "suffix", "rdf_format", "rdflib_format"), [
    ("turtle", ".ttl", ox.RdfFormat.TURTLE, "turtle"), ("nt", ".nt", ox.RdfFormat.N_TRIPLES, "nt"),
    ("rdfxml", ".rdf", ox.RdfFormat.RDF_XML, "xml"), ("rdfxml", ".owl", ox.RdfFormat.RDF_XML, "xml"),
])
def test_triple_formats_hold_the_union(tmp_path, quads, fmt, suffix, rdf_format, rdflib_format):
    path = tmp_path / f"graph{suffix}"
    assert format_for_suffix(path) == fmt
    assert export(quads, fmt, path) == [path]
    union = {q.triple for q in quads}
    assert {q.triple for q in ox.parse(path=str(path), format=rdf_format)} == union
    graph = rdflib.Graph()
    graph.parse(path, format=rdflib_format)
    assert len(graph) == len(union)


@pytest.mark.parametrize(("fmt", "suffix", "rdf_format"), [
    ("trig", ".trig", ox.RdfFormat.TRIG), ("nquads", ".nq", ox.RdfFormat.N_QUADS),
])
def test_dataset_formats_keep_the_named_graphs(tmp_path, quads, fmt, suffix, rdf_format):
    path = tmp_path / f"graph{suffix}"
    export(quads, fmt, path)
    reread = set(ox.parse(path=str(path), format=rdf_format))
    assert reread == set(quads)
    graphs = {q.graph_name for q in reread}
    assert graphs == {q.graph_name for q in quads} and len(graphs) > 1


@pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")  # rdflib's own JSON-LD parser
@pytest.mark.parametrize("suffix", [".jsonld", ".json"])
def test_jsonld_is_one_self_contained_file_that_pyld_oxigraph_and_rdflib_read(tmp_path, quads, suffix):
    path = tmp_path / f"graph{suffix}"
    assert export(quads, format_for_suffix(path), path) == [path]
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name], "no context file beside it"
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["@context"]["kg"] == PREFIXES["kg"], "the context is embedded"
    assert KG_RESOURCE not in json.dumps(document["@graph"], ensure_ascii=False), "IRIs are compacted"
    expected = set(quads)
    # pyld, the JSON-LD reference processor in Python, reads the document as it is
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads"})
    assert set(ox.parse(nquads, format=ox.RdfFormat.N_QUADS)) == expected
    assert set(ox.parse(path=str(path), format=ox.RdfFormat.JSON_LD)) == expected  # Oxigraph
    dataset = rdflib.Dataset()
    dataset.parse(path, format="json-ld")
    assert rdflib_quads(dataset) == expected
    assert set(read_graph_file(path)) == expected, "kg reads its own JSON-LD back"


def test_csv_is_one_row_per_quad_and_rebuilds_the_graph(tmp_path, quads):
    path = tmp_path / "graph.csv"
    export(quads, format_for_suffix(path), path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    assert tuple(rows[0]) == CSV_HEADER and len(rows) == len(set(quads))

    def term(value, kind, datatype, language):
        if kind == "iri":
            return ox.NamedNode(value)
        if language:
            return ox.Literal(value, language=language)
        return ox.Literal(value, datatype=ox.NamedNode(datatype))

    rebuilt = {ox.Quad(ox.NamedNode(r["subject"]), ox.NamedNode(r["predicate"]),
                       term(r["object"], r["object_kind"], r["datatype"], r["language"]),
                       ox.NamedNode(r["graph"]) if r["graph"] else ox.DefaultGraph()) for r in rows}
    assert rebuilt == set(quads)


def test_exports_are_byte_identical_on_rerun(tmp_path, quads):
    for fmt in set(FORMATS) - {"neo4j"}:
        assert to_bytes(quads, fmt) == to_bytes(list(reversed(quads)), fmt), fmt


def test_reading_a_file_keeps_derived_datatypes(tmp_path, quads):
    path = tmp_path / "graph.trig"
    export(quads, "trig", path)
    assert set(read_graph_file(path)) == set(quads)


def test_unknown_format_suffix_and_missing_file_are_clear_errors(tmp_path, quads):
    with pytest.raises(KgError, match="unknown export format"):
        export(quads, "xlsx", tmp_path / "x.xlsx")
    with pytest.raises(KgError, match=r"x\.xlsx: unknown output suffix '\.xlsx' \(expected one of \.ttl"):
        format_for_suffix(tmp_path / "x.xlsx")
    with pytest.raises(KgError, match="no such graph file"):
        read_graph_file(tmp_path / "missing.ttl")


def test_default_graph_file_prefers_trig(tmp_path):
    assert default_graph_file(tmp_path) == tmp_path / "graph.ttl"
    (tmp_path / "graph.trig").write_text("")
    assert default_graph_file(tmp_path) == tmp_path / "graph.trig"


@pytest.fixture
def outputs(tmp_path, quads, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "outputs").mkdir()
    (tmp_path / "outputs" / "graph.trig").write_bytes(serialize(quads, ox.RdfFormat.TRIG, PREFIXES))
    return tmp_path


@pytest.mark.parametrize(("name", "rdf_format"), [
    ("kg.jsonld", ox.RdfFormat.JSON_LD), ("kg.json", ox.RdfFormat.JSON_LD), ("kg.rdf", ox.RdfFormat.RDF_XML),
    ("kg.owl", ox.RdfFormat.RDF_XML), ("kg.nt", ox.RdfFormat.N_TRIPLES), ("kg.ttl", ox.RdfFormat.TURTLE),
])
def test_cli_picks_the_format_from_the_suffix(outputs, quads, name, rdf_format):
    result = CliRunner().invoke(main, ["export", "-o", f"out/{name}"])
    assert result.exit_code == 0, result.output
    assert result.output.split() == [f"out/{name}"]
    assert {q.triple for q in ox.parse(path=f"out/{name}", format=rdf_format)} == {q.triple for q in quads}


def test_cli_refuses_an_unknown_suffix_and_writes_nothing(outputs):
    result = CliRunner().invoke(main, ["export", "-o", "out/kg.xlsx"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith("kg: out/kg.xlsx: unknown output suffix")
    assert not (outputs / "out").exists()
    result = CliRunner().invoke(main, ["export", "--format", "turtle", "-o", "out/kg.xlsx"])
    assert result.exit_code == 0, "--format says what an odd name holds"


def test_cli_writes_to_stdout_with_dash(outputs, quads):
    result = CliRunner().invoke(main, ["export", "--format", "nquads", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert set(ox.parse(result.stdout_bytes, format=ox.RdfFormat.N_QUADS)) == set(quads)
    assert not (outputs / "-").exists()
    result = CliRunner().invoke(main, ["export", "-o", "-"])  # no format: Turtle
    assert {q.triple for q in ox.parse(result.stdout_bytes, format=ox.RdfFormat.TURTLE)} == {q.triple for q in quads}
    result = CliRunner().invoke(main, ["export", "--format", "neo4j", "-o", "-"])
    assert result.exit_code == 2 and "give -o DIR" in result.output


def test_cli_exports_the_default_graph(outputs, quads):
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


def test_extract_reads_standard_input():
    digest = (fixture_document().text).encode("gb18030")  # read as a file is: GB18030 too
    result = CliRunner().invoke(main, ["extract", "-", "--format", "jsonl"], input=digest)
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["source"] == "<stdin>" and record["speeches"]
    result = CliRunner().invoke(main, ["extract", "-"], input=b"")
    assert result.exit_code == 1 and "kg: <stdin>: the file is empty" in result.stderr
