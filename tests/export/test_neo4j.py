"""`kg export --format neo4j`: CSV files checked against the rules of neo4j-admin's import format.

No Neo4j server installs here (none on Debian or PyPI: the PyPI `neo4j` is a driver), so the files
are checked as the import tool reads them: header fields ``name:type`` with the tool's types, one
``:ID`` and ``:LABEL`` per node file, ``:START_ID``/``:END_ID``/``:TYPE`` in the relationship file,
IDs unique across node files, every relationship's ends among them (referential integrity), typed
values that parse as their type, and an import.sh that names every file.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.export.formats import NetworkOptions, export
from kg.export.neo4j import ARRAY_DELIMITER, relationship_type

DATA = Path(__file__).parents[1] / "data"
# The import tool's property types (operations manual, "Import header format").
TYPES = "int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration"
PROPERTY = re.compile(rf"^[A-Za-z_][A-Za-z0-9_]*(?::(?:{TYPES})(?:\[\])?)?$")
NODE_SPECIAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*:ID$|^:LABEL$")
PARSERS = {"int": int, "double": float, "boolean": lambda v: {"true": True, "false": False}[v],
           "date": dt.date.fromisoformat, "string": str}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    text = "".join((DATA / name).read_text(encoding="utf-8") for name in ("query_fixture.ttl", "untitled_speech.ttl"))
    quads = list(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.TURTLE))
    out = tmp_path_factory.mktemp("neo4j") / "import"
    written = export(quads, "neo4j", out, NetworkOptions(content=True))
    assert {p.name for p in written} == {p.name for p in out.iterdir()}
    return out


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_node_files_follow_the_header_format_and_values_parse(folder):
    node_files = sorted(folder.glob("nodes_*.csv"))
    assert {p.stem.removeprefix("nodes_") for p in node_files} == {
        "speech", "person", "unit", "party", "sector", "region", "meeting", "problem", "suggestion"}
    for path in node_files:
        header, rows = read(path)
        assert header[0] == "iri:ID" and ":LABEL" in header, path.name
        assert sum(f.endswith(":ID") for f in header) == 1 and len(set(header)) == len(header)
        names = [f.split(":")[0] for f in header if not f.startswith(":")]
        assert len(set(names)) == len(names), f"{path.name}: a property twice"
        for field in header:
            assert NODE_SPECIAL.match(field) or PROPERTY.match(field), f"{path.name}: {field!r}"
        for row in rows:
            assert row[":LABEL"] and all(re.fullmatch(r"[A-Z][A-Za-z]*", label)
                                         for label in row[":LABEL"].split(ARRAY_DELIMITER))
            for field, value in row.items():
                kind = field.partition(":")[2].removesuffix("[]")
                if value and kind in PARSERS:
                    for item in value.split(ARRAY_DELIMITER) if field.endswith("[]") else [value]:
                        PARSERS[kind](item)  # raises if the value is not of its declared type


def test_ids_are_unique_and_every_relationship_has_both_ends(folder):
    ids = [row["iri:ID"] for path in folder.glob("nodes_*.csv") for row in read(path)[1]]
    assert len(ids) == len(set(ids))
    header, relationships = read(folder / "relationships.csv")
    assert header[:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert all(PROPERTY.match(f) for f in header[3:])
    known = set(ids)
    for row in relationships:
        assert row[":START_ID"] in known and row[":END_ID"] in known, row
        assert re.fullmatch(r"[A-Z][A-Z0-9_]*", row[":TYPE"])
    types = {row[":TYPE"] for row in relationships}
    assert {"SPEAKER", "ON_BEHALF_OF", "HAS_ISSUE", "SUBJECT", "PARENT_REGION", "SUB_ORGANIZATION_OF"} <= types


def test_typed_values_of_the_fixture(folder):
    speeches = {row["name"]: row for row in read(folder / "nodes_speech.csv")[1]}
    s3 = speeches["推进数字经济与文旅融合"]
    assert s3["year:int"] == "2024" and s3["order:int"] == "1" and s3["party:string[]"] == "民革"
    assert set(s3["sectors:string[]"].split(ARRAY_DELIMITER)) == {"数字经济", "文化旅游"}
    assert "王轩发言" in speeches, "an untitled speech is named by its speaker"
    regions = {row["name"]: row for row in read(folder / "nodes_region.csv")[1]}
    assert regions["太原-晋中"][":LABEL"] == ARRAY_DELIMITER.join(["Region", "CompositeRegion"])
    assert regions["平遥县"]["adminCode:string"] == "140728"
    sectors = {row["name"]: row for row in read(folder / "nodes_sector.csv")[1]}
    assert sectors["文化旅游"]["prefLabel_en:string"] == "culture and tourism"


def test_import_script_names_every_file(folder):
    script = (folder / "import.sh").read_text(encoding="utf-8")
    assert "neo4j-admin database import full" in script
    assert f"--array-delimiter='{ARRAY_DELIMITER}'" in script
    named = re.findall(r"--(nodes|relationships)=(\S+)", script)
    assert sorted(f for _, f in named) == sorted(p.name for p in folder.glob("*.csv"))


def test_relationship_types():
    assert relationship_type("https://w3id.org/zxkg/ontology#hasIssue") == "HAS_ISSUE"
    assert relationship_type("http://www.w3.org/ns/org#subOrganizationOf") == "SUB_ORGANIZATION_OF"
    assert relationship_type("http://purl.org/dc/terms/subject") == "SUBJECT"


def test_cli_writes_a_folder_and_drops_stale_node_files(tmp_path):
    graph = tmp_path / "graph.ttl"
    graph.write_bytes((DATA / "query_fixture.ttl").read_bytes())
    out = tmp_path / "neo4j"
    runner = CliRunner()
    assert runner.invoke(main, ["export", "--graph", str(graph), "--format", "neo4j", "-o", str(out),
                                "--content"]).exit_code == 0
    assert (out / "nodes_problem.csv").is_file()
    result = runner.invoke(main, ["export", "--graph", str(graph), "--format", "neo4j", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert not (out / "nodes_problem.csv").exists()
    assert str(out / "import.sh") in result.output.split()
