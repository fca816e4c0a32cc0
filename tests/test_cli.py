"""The `kg` group: --quiet and --verbose reach the commands; shell completion through _KG_COMPLETE."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main

DATA = Path(__file__).parent / "data"
KG = Path(sys.executable).parent / "kg"
NO_MEETING = """
<https://w3id.org/zxkg/id/speech/sx> a <https://w3id.org/zxkg/ontology#Speech> .
"""


def graph_with_an_undated_speech(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    path.write_text((DATA / "query_fixture.ttl").read_text(encoding="utf-8") + NO_MEETING, encoding="utf-8")
    return path


def test_quiet_drops_notes_and_keeps_results(tmp_path):
    args = ["query", "region-sectors", "--param", "region=晋中", "--graph", str(graph_with_an_undated_speech(tmp_path)),
            "--format", "csv"]
    plain = CliRunner().invoke(main, args)
    quiet = CliRunner().invoke(main, ["--quiet", *args])
    assert plain.stderr.startswith("kg: note: the graph has no region called '晋中'")
    assert quiet.exit_code == 0 and quiet.stderr == "" and quiet.stdout == plain.stdout
    error = CliRunner().invoke(main, ["-q", "query", "nope-question", "--graph", str(DATA / "query_fixture.ttl")])
    assert error.exit_code == 2 and error.stderr.startswith("kg: no named question 'nope-question'")


def test_verbose_shows_the_sparql_sent_and_the_time():
    out = CliRunner().invoke(main, ["-v", "query", "region-sectors", "--param", "region=平遥县",
                                    "--graph", str(DATA / "query_fixture.ttl")])
    assert out.exit_code == 0
    assert 'kg: the SPARQL sent to the store:\n' in out.stderr
    assert 'VALUES ?region { "平遥县" }' in out.stderr
    assert "kg: query took " in out.stderr.splitlines()[-1]
    both = CliRunner().invoke(main, ["-q", "-v", "query", "--list"])
    assert both.exit_code == 2 and "cannot be given together" in both.output


def complete(words: str) -> list[str]:
    """What bash completion gets for the command line ``words`` (click reads _KG_COMPLETE)."""
    env = {"_KG_COMPLETE": "bash_complete", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
    out = CliRunner().invoke(main, [], env=env, prog_name="kg")
    assert out.exit_code == 0, out.output
    return [line.split(",", 1)[1] for line in out.stdout.splitlines()]


def test_shell_completion_of_commands_and_named_questions():
    assert "query" in complete("kg qu") and "export" in complete("kg ex")
    assert complete("kg query region-s") == ["region-sectors"]
    assert {"graphml", "neo4j", "rdfxml"} <= set(complete("kg export --format "))
    # the installed command prints the script a shell sources
    script = subprocess.run([str(KG)], env={**os.environ, "_KG_COMPLETE": "bash_source"},
                            capture_output=True, text=True, timeout=60, check=True).stdout
    assert "_kg_completion" in script and "_KG_COMPLETE=bash_complete" in script
