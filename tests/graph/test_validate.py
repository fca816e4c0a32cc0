"""The fixture's graph conforms to ontology/shapes.ttl; broken graphs do not, and say why."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from fixtures_records import fixture_document

from kg.cli import main
from kg.graph import build_dataset, to_quads
from kg.graph.validate import validate_file, validate_quads
from kg.namespace import KG_ONTOLOGY, KG_RESOURCE, PREFIXES
from kg.store import serialize

DCTERMS = PREFIXES["dcterms"]


@pytest.fixture(scope="module")
def quads() -> list[ox.Quad]:
    return to_quads(build_dataset([fixture_document()]))


def without(quads, predicate: str, subject_kind: str) -> list[ox.Quad]:
    """The quads minus every ``predicate`` triple whose subject is a kgr:{subject_kind}/…"""
    return [q for q in quads if not (q.predicate.value == predicate
                                     and q.subject.value.startswith(f"{KG_RESOURCE}{subject_kind}/"))]


def replaced(quads, predicate: str, new_object) -> list[ox.Quad]:
    return [ox.Quad(q.subject, q.predicate, new_object, q.graph_name) if q.predicate.value == predicate else q
            for q in quads]


def test_the_fixture_graph_conforms(quads):
    report = validate_quads(quads)
    assert report.conforms, report.text()
    assert report.text() == "conforms: no violations"


def test_a_speech_without_text_does_not_conform(quads):
    assert validate_quads(without(quads, DCTERMS + "title", "speech")).conforms, "a news report's speech has none"
    report = validate_quads(without(without(quads, DCTERMS + "title", "speech"), KG_ONTOLOGY + "text", "speech"))
    assert not report.conforms
    assert {(v.path, v.focus.split("/")[0]) for v in report.violations} == {("kg:text", "kgr:speech")}
    assert len(report.violations) == 2
    # a speech with no title is named by its byline
    assert "「民革晋中市委 安运涛」" in report.text()


def test_a_suggestion_without_its_speech_does_not_conform(quads):
    orphans = without(quads, DCTERMS + "isPartOf", "suggestion")
    broken = without(orphans, KG_ONTOLOGY + "hasSuggestion", "speech")
    report = validate_quads(broken)
    assert not report.conforms
    paths = {(v.focus.split("/")[0], v.path) for v in report.violations}
    assert paths == {("kgr:suggestion", "dcterms:isPartOf"), ("kgr:suggestion", "^kg:hasSuggestion")}
    assert "「加快数智技术赋能」" in report.text()


def test_a_suggestion_pointing_at_no_speech_does_not_conform(quads):
    nowhere = ox.NamedNode(f"{KG_RESOURCE}speech/snowhere")
    broken = [ox.Quad(q.subject, q.predicate, nowhere, q.graph_name)
              if q.predicate.value == DCTERMS + "isPartOf" and "/suggestion/" in q.subject.value else q
              for q in quads]
    report = validate_quads(broken)
    assert {v.path for v in report.violations} == {"dcterms:isPartOf"}


def test_wrong_datatype_and_language_do_not_conform(quads):
    as_string = replaced(quads, KG_ONTOLOGY + "term", ox.Literal("5"))
    report = validate_quads(as_string)
    assert {v.path for v in report.violations} == {"kg:term"}
    assert "xsd:integer" in report.text()
    english_title = [ox.Quad(q.subject, q.predicate, ox.Literal(q.object.value, language="en"), q.graph_name)
                     if q.predicate.value == DCTERMS + "title" and "/speech/" in q.subject.value else q
                     for q in quads]
    assert {v.path for v in validate_quads(english_title).violations} == {"dcterms:title"}


def test_an_unknown_mention_kind_does_not_conform(quads):
    report = validate_quads(replaced(quads, KG_ONTOLOGY + "mentionKind", ox.Literal("weather")))
    assert not report.conforms and {v.path for v in report.violations} == {"kg:mentionKind"}


def test_cli_validate(tmp_path, quads):
    good, bad = tmp_path / "good.trig", tmp_path / "bad.ttl"
    good.write_bytes(serialize(quads, ox.RdfFormat.TRIG, PREFIXES))
    bad.write_bytes(serialize(without(quads, KG_ONTOLOGY + "text", "speech"), ox.RdfFormat.TURTLE, PREFIXES))
    assert validate_file(good).conforms
    result = CliRunner().invoke(main, ["validate", str(good)])
    assert (result.exit_code, result.output) == (0, "conforms: no violations\n")
    result = CliRunner().invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "2 violation(s):"
    assert lines[1].startswith("  kgr:speech/s") and lines[2].startswith("    kg:text: ")
