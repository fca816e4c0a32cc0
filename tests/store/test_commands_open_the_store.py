"""The commands open the store of outputs/ by default, without re-parsing a graph file, and `kg query`
starts light: it imports neither jieba, nor networkx, nor matplotlib, nor rdflib."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from paths import SAMPLE_DIR

from kg.build import build


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("work")
    build([SAMPLE_DIR], work / "outputs", page=False)
    return work


def kg(work: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=work, capture_output=True, text=True, timeout=300)


def test_query_and_validate_open_the_store_of_outputs(workdir: Path, sample_gold: dict) -> None:
    result = kg(workdir, "query", "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Speech }", "--format", "json")
    assert result.returncode == 0, result.stderr
    (row,) = json.loads(result.stdout)["results"]["bindings"]
    assert row["n"]["value"] == str(len(sample_gold["speeches"])), "COUNT(*) over the union: each speech once"
    result = kg(workdir, "validate")
    assert result.returncode == 0 and "conforms" in result.stdout, result.stdout + result.stderr
    result = kg(workdir, "query", "party-sector-matrix", "--graph", "outputs/graph.trig", "--format", "csv")
    assert result.returncode == 0 and result.stdout.count("\n") > 2


def test_kg_query_imports_only_what_answering_needs(workdir: Path) -> None:
    probe = ("import sys; sys.argv = ['kg', 'query', 'party-sector-matrix']\n"
             "from kg.cli import main\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "heavy = [m for m in ('jieba', 'networkx', 'matplotlib', 'rdflib', 'scipy') if m in sys.modules]\n"
             "print(heavy, file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", probe], cwd=workdir, capture_output=True, text=True, timeout=120)
    assert result.stdout.count("\n") > 2, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "[]"
