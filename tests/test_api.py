"""The Python API: `import kg` stays light, answers carry typed values, and the worked example of
docs/api.md runs as written (its code blocks, in order, in an empty folder with the sample)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import matplotlib
import pyoxigraph as ox
import pytest
from paths import REPO, SAMPLE_DIR

import kg
from kg.ask.results import python_value

FIXTURE = Path(__file__).parent / "data" / "query_fixture.ttl"
XSD = "http://www.w3.org/2001/XMLSchema#"


def test_import_kg_is_light_and_documented():
    code = "import sys, kg; print(sorted(m for m in sys.modules if m.startswith(('kg.', 'pyoxigraph', 'rdflib'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert set(kg.__all__) == {"IRI", "Answer", "Graph", "KgError", "build_graph", "open", "questions"}
    for name in kg.__all__:
        assert getattr(kg, name).__doc__, name
    with pytest.raises(AttributeError):
        kg.nothing_here  # noqa: B018


@pytest.fixture(scope="module")
def graph() -> kg.Graph:
    return kg.open(FIXTURE)


def test_answers_carry_typed_values_and_labelled_iris(graph):
    answer = graph.ask("speeches-by-party")
    assert answer.columns == ("party", "partyName", "speeches")
    first = answer.records()[0]
    assert first["speeches"] == 2 and isinstance(first["speeches"], int)
    assert first["party"] == "https://w3id.org/zxkg/id/party/rcck" and isinstance(first["party"], kg.IRI)
    assert first["party"].label == "民革" and first["party"].short == "kgr:party/rcck"
    years = graph.ask("speeches-per-year")
    assert years.column("year") == [2023, 2024] and years.column("speeches") == [2, 3]
    assert graph.query("SELECT (COUNT(?s) AS ?n) WHERE { ?s a kg:Speech }").value() == 5
    assert graph.query("ASK { ?s a kg:Party }").value() is True
    assert graph.ask("region-sectors", region="平遥县").column("speeches") == [1, 1]


def test_python_values_of_literals():
    def lit(value, datatype):
        return python_value(ox.Literal(value, datatype=ox.NamedNode(XSD + datatype)))

    assert lit("7", "nonNegativeInteger") == 7 and lit("2024", "gYear") == 2024
    assert lit("1.50", "decimal") == Decimal("1.50") and lit("2.5e0", "double") == 2.5
    assert lit("2024-03-01", "date") == dt.date(2024, 3, 1)
    assert lit("2024-03-01T09:30:00+08:00", "dateTime").utcoffset() == dt.timedelta(hours=8)
    assert lit("true", "boolean") is True and lit("x", "integer") == "x"  # ill-typed stays text
    assert python_value(ox.Literal("民革", language="zh")) == "民革" and python_value(None) is None


def test_to_pandas(graph):
    pytest.importorskip("pandas")
    frame = graph.ask("speeches-per-meeting").to_pandas()
    assert list(frame.columns) == ["year", "meetingLabel", "speeches"]
    assert frame["speeches"].sum() == 5 and str(frame["year"].dtype) == "Int64"
    labelled = graph.ask("speeches-by-party").to_pandas(labels=True)
    assert list(labelled["party"]) == ["民革", "九三学社"]


def test_errors_are_kg_errors(graph, tmp_path):
    with pytest.raises(kg.KgError, match="did you mean region-sectors"):
        graph.ask("region-sector")
    with pytest.raises(kg.KgError, match="needs --param region"):
        graph.ask("region-sectors")
    with pytest.raises(kg.KgError, match="no such"):
        kg.open(tmp_path / "none.ttl")
    with pytest.raises(kg.KgError, match="no records.json"):
        graph.records()


def code_blocks(markdown: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", markdown, flags=re.S)


def test_the_worked_example_in_docs_api_md_runs(tmp_path, monkeypatch):
    blocks = code_blocks((REPO / "docs" / "api.md").read_text(encoding="utf-8"))
    assert len(blocks) >= 4
    (tmp_path / "data").symlink_to(SAMPLE_DIR, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    matplotlib.use("Agg")
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, "docs/api.md", "exec"), namespace)  # noqa: S102 - the doc's own code
    assert namespace["graph"].records()[0]["speeches"]
    assert len(namespace["sectors"]) > 0 and len(namespace["speakers"]) > 0
    png = tmp_path / "speeches-by-party.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000
