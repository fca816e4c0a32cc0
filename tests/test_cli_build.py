"""End to end: the real `kg` command on the sample, then the questions a user asks in SPARQL."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from paths import REPO, SAMPLE_DIR

BAD = REPO / "tests" / "data" / "bad"


def run_kg(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def build_run(tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("outputs")
    result = run_kg("build", str(SAMPLE_DIR), "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out, result.stdout


@pytest.fixture(scope="module")
def built(build_run) -> Path:
    return build_run[0]


def test_summary_counts_what_the_digest_holds(build_run, sample_gold: dict) -> None:
    summary = build_run[1]
    speeches = sample_gold["speeches"]
    assert f"1 documents, {len(speeches)} speeches" in summary
    assert f"{len({s['party'] for s in speeches if s['party']})} parties" in summary
    assert "network view: full" in summary and " s\n" in summary + "\n"


def query(out: Path, sparql: str, fmt: str = "json") -> dict | str:
    result = run_kg("query", sparql, "--graph", str(out / "graph.ttl"), "--format", fmt)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout) if fmt == "json" else result.stdout


def values(res: dict, var: str) -> list[str]:
    return [b[var]["value"] for b in res["results"]["bindings"]]


def test_build_writes_every_output(built: Path) -> None:
    for name in ("graph.ttl", "graph.trig", "graph.html", "records.json", "provenance.ttl"):
        assert (built / name).stat().st_size > 0, name
    assert not list(built.glob(".*.tmp")), "temporary files left behind"


def test_how_many_speeches(built: Path, sample_gold: dict) -> None:
    res = query(built, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kg:Speech }")
    assert values(res, "n") == [str(len(sample_gold["speeches"]))]


def test_which_sector_minmeng_speaks_about(built: Path, sample_gold: dict) -> None:
    expected = next(s["sectors"][0] for s in sample_gold["speeches"] if s["party"] == "民盟")
    res = query(built, """
        SELECT ?id WHERE { ?s a kg:Speech ; kg:party ?p ; kg:primarySector ?c .
                           ?p skos:prefLabel "民盟"@zh . ?c skos:notation ?id }""")
    assert values(res, "id") == [expected]


def test_taiyuan_and_jinzhong_are_linked(built: Path) -> None:
    res = query(built, """
        ASK { ?link a kg:CompositeRegion ; kg:hasMember ?a, ?b .
              ?a rdfs:label "太原市"@zh . ?b rdfs:label "晋中市"@zh .
              ?speech kg:regionLink ?link }""")
    assert res["boolean"] is True


def test_which_parties_spoke(built: Path, sample_gold: dict) -> None:
    res = query(built, """
        SELECT DISTINCT ?name WHERE { ?s a kg:Speech ; kg:party ?p . ?p skos:prefLabel ?name }""")
    assert set(values(res, "name")) == {s["party"] for s in sample_gold["speeches"] if s["party"]}


def test_a_suggestion_traces_back_to_its_sentence(built: Path) -> None:
    res = query(built, """
        SELECT ?text ?begin ?end ?sentence WHERE {
          ?sg a kg:Suggestion ; rdf:value ?text ; kg:evidence ?ev .
          ?ev nif:beginIndex ?begin ; nif:endIndex ?end ; kg:sentence ?sentence }""")
    text = (SAMPLE_DIR / "jinzhong-cppcc-5-3-speeches.txt").read_text(encoding="utf-8")
    rows = res["results"]["bindings"]
    assert rows
    for row in rows:
        begin, end = int(row["begin"]["value"]), int(row["end"]["value"])
        assert text[begin:end].replace("\n", "") == row["text"]["value"]
        assert row["text"]["value"] in row["sentence"]["value"].replace("\n", "") or \
            row["sentence"]["value"] in row["text"]["value"]


def test_second_engine_reads_the_same_triples(built: Path) -> None:
    ttl = built / "graph.ttl"
    oxi = list(ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE))
    rdf = rdflib.Graph().parse(ttl, format="turtle")
    assert len(oxi) == len(rdf) > 1000


def test_rebuild_is_byte_identical(built: Path, tmp_path: Path) -> None:
    assert run_kg("build", str(SAMPLE_DIR), "-o", str(tmp_path), "--no-page").returncode == 0
    assert (tmp_path / "graph.ttl").read_bytes() == (built / "graph.ttl").read_bytes()
    assert (tmp_path / "graph.trig").read_bytes() == (built / "graph.trig").read_bytes()


def test_bad_inputs_are_reported_and_the_rest_is_built(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = run_kg("build", str(BAD), str(missing), str(SAMPLE_DIR), "-o", str(tmp_path / "out"), "--no-page")
    assert result.returncode == 0, result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("kg: ")]
    reasons = {Path(ln[4:].split(": ")[0]).name: ln.split(": ", 2)[2] for ln in lines}
    assert set(reasons) == {"empty.txt", "binary.txt", "no-speeches.txt", "missing.txt", "corrupt.docx",
                            "scan.pdf", "unknown-encoding.txt"}
    assert "unknown encoding" in reasons["unknown-encoding.txt"]
    assert "not a readable Word file" in reasons["corrupt.docx"]
    assert "without a text layer" in reasons["scan.pdf"]
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "no speeches" in reasons["no-speeches.txt"]
    assert "no such file" in reasons["missing.txt"]
    assert "1 documents" in result.stdout
    assert (tmp_path / "out" / "graph.ttl").is_file()


def test_nothing_built_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_kg("build", str(BAD), "-o", str(out))
    assert result.returncode != 0
    assert "nothing to build" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_every_command_has_help_with_an_example() -> None:
    from click.testing import CliRunner

    from kg.cli import main

    runner = CliRunner()
    for name in main.commands:
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert "kg " + name in result.output, f"`kg {name} --help` has no example"


def test_the_sample_graph_conforms_to_the_shapes(built: Path) -> None:
    result = run_kg("validate", str(built / "graph.ttl"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "conforms" in result.stdout


def test_the_readme_queries_answer_on_the_sample(built: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = readme.split("```sparql\n")[1].split("```")[0]
    queries = ["\n".join(q) for q in _split_on_comments(blocks.splitlines())]
    assert len(queries) == 3
    for sparql in queries:
        res = query(built, sparql)
        assert res["results"]["bindings"], sparql


def _split_on_comments(lines: list[str]) -> list[list[str]]:
    """The README's block holds one query per leading `# question` comment."""
    groups: list[list[str]] = []
    for line in lines:
        if line.startswith("# "):
            groups.append([])
        elif groups and line.strip():
            groups[-1].append(line)
    return groups


def test_the_same_text_twice_is_built_once(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    sample = next(SAMPLE_DIR.glob("*.txt"))
    for name in ("a.txt", "b.txt"):
        (inputs / name).write_bytes(sample.read_bytes())
    result = run_kg("build", str(inputs), "-o", str(tmp_path / "out"), "--no-page")
    assert result.returncode == 0
    assert "1 documents" in result.stdout
    assert "b.txt: the same text as" in result.stderr


def test_provenance_holds_the_activity_with_its_times(built: Path) -> None:
    prov = rdflib.Graph().parse(built / "provenance.ttl", format="turtle")
    res = prov.query("""
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX kg: <https://w3id.org/zxkg/ontology#>
        SELECT ?v ?start ?end WHERE { ?a a prov:Activity ; kg:version ?v ; prov:used ?doc ;
                                         prov:startedAtTime ?start ; prov:endedAtTime ?end }""")
    (row,) = list(res)
    assert row.start.toPython() <= row.end.toPython()
    graph_ttl = (built / "graph.ttl").read_text(encoding="utf-8")
    assert "startedAtTime" not in graph_ttl


def test_extract_names_a_folder_without_digests(tmp_path: Path) -> None:
    result = run_kg("extract", str(tmp_path))
    assert result.returncode == 1
    assert f"{tmp_path}: no input files found (.txt, .md, .html, .htm, .docx, .pdf)" in result.stderr
