"""The numbers a user sees besides the named questions agree with SPARQL over the same build.

On the awkward corpus (tests/conftest.py, built by `kg build`): the build summary (a line per
document, the totals, the entities line), `kg stats`, the report's summary, charts and speech list,
the trends page's meetings, and the overview's numbers of speeches per party and sector.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.ask.query import ask, run
from kg.cli import main
from kg.store import open_store
from kg.view.model import OTHER_TYPE
from kg.view.overview import overview_graph
from kg.view.overview_facts import read_overview
from kg.view.report import over_time
from kg.view.trends import read_meetings

DOCUMENT_LINE = re.compile(r"^  (\S+): (\w+), (\d+) speeches \((\d+) with a byline\), (\d+) suggestions, "
                           r"(\d+) warnings$")
PER_DOCUMENT = """
SELECT ?path (COUNT(DISTINCT ?speech) AS ?speeches) (COUNT(DISTINCT ?bylined) AS ?withByline)
       (COUNT(DISTINCT ?suggestion) AS ?suggestions) WHERE {
  ?speech a kg:Speech ; prov:wasDerivedFrom ?doc . ?doc kg:sourcePath ?path .
  OPTIONAL { ?speech kg:speaker|opengov:onBehalfOf ?voice BIND(?speech AS ?bylined) }
  OPTIONAL { ?speech kg:hasSuggestion ?suggestion }
} GROUP BY ?path"""
DOCUMENTS = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?s a kg:Speech ; prov:wasDerivedFrom ?d }"
WARNINGS_PER_DOCUMENT = """
SELECT ?path (COUNT(*) AS ?warnings) WHERE {
  ?speech a kg:Speech ; prov:wasDerivedFrom ?doc ; kg:warning ?code . ?doc kg:sourcePath ?path
} GROUP BY ?path"""


@pytest.fixture(scope="module")
def built(awkward_build) -> tuple[Path, str]:
    return awkward_build


@pytest.fixture(scope="module")
def store(built):
    return open_store(built[0])


def count(store, sparql: str) -> int:
    (row,) = run(store, sparql).rows
    return int(row[0].value)


def named(store, name: str, **params) -> list[dict]:
    return ask(store, name, params).records()


@pytest.fixture(scope="module")
def truth(store) -> dict[str, int]:
    """What SPARQL and the named questions say: the figures everything else must show."""
    per_year = named(store, "speeches-per-year")
    return {
        "documents": count(store, DOCUMENTS),
        "speeches": len(named(store, "speech-list")),
        "speeches by year": sum(int(r["speeches"]) for r in per_year),
        "speeches by meeting": sum(int(r["speeches"]) for r in named(store, "speeches-per-meeting")),
        "meetings": len(named(store, "speeches-per-meeting")),
        "parties": len(named(store, "speeches-by-party")),
        "sectors": count(store, "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?s a kg:Speech ; dcterms:subject ?x }"),
        "people": count(store, "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a foaf:Person }"),
        "organizations": count(store, "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a org:Organization }"),
        "issues": count(store, "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a kg:Issue }"),
        "suggestions": count(store, "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a kg:Suggestion }"),
        "regions": count(store, "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a kg:Region }"),
    }


def test_the_named_questions_add_up(truth) -> None:
    # every speech in one year row (blank when undated) and one meeting row (a meeting under two names once)
    assert truth["speeches"] == truth["speeches by year"] == truth["speeches by meeting"] == 45
    assert truth["meetings"] == 7 and truth["documents"] == 8


def test_the_build_summary_agrees_with_the_graph(built, store, truth) -> None:
    printed = built[1]
    lines = {m[1]: m.groups()[1:] for m in map(DOCUMENT_LINE.match, printed.splitlines()) if m}
    warnings = {Path(r["path"]).name: int(r["warnings"]) for r in run(store, WARNINGS_PER_DOCUMENT).records()}
    graph = {Path(r["path"]).name: (int(r["speeches"]), int(r["withByline"]), int(r["suggestions"]),
                                    warnings.get(Path(r["path"]).name, 0))
             for r in run(store, PER_DOCUMENT).records()}
    shown = {name: tuple(int(n) for n in numbers[1:]) for name, numbers in lines.items()}
    assert shown == graph
    assert f"{truth['documents']} documents, {truth['speeches']} speeches," in printed
    (entities_line,) = [line for line in printed.splitlines() if line.startswith("entities: ")]
    entities = {name: int(n) for n, name in re.findall(r"(\d+) (\w+)", entities_line)}
    assert entities == {k: truth[k] for k in ("speeches", "people", "organizations", "parties", "issues",
                                              "suggestions", "sectors", "regions", "meetings")}


def test_kg_stats_agrees_with_the_named_questions(built, store, truth) -> None:
    out = CliRunner().invoke(main, ["stats", "--graph", str(built[0]), "--format", "json"])
    assert out.exit_code == 0, out.output
    stats = json.loads(out.stdout)
    nodes = dict(map(tuple, stats["node_counts"]))
    assert (nodes["kg:Speech"], nodes["foaf:Person"], nodes["org:Organization"], nodes["kg:Issue"],
            nodes["kg:Suggestion"], nodes["kg:Region"], nodes["kg:Meeting"]) == tuple(
        truth[k] for k in ("speeches", "people", "organizations", "issues", "suggestions", "regions", "meetings"))
    party_sector = next(m for m in stats["matrices"] if m["title"].startswith("党派"))
    cells = {(row, column): n for row, counts in zip(party_sector["rows"], party_sector["counts"], strict=True)
             for column, n in zip(party_sector["columns"], counts, strict=True) if n}
    matrix = named(store, "party-sector-matrix")
    assert cells == {(r["partyName"], r["sectorLabel"]): int(r["speeches"]) for r in matrix}


def test_the_report_agrees_with_the_named_questions(built, store, truth, tmp_path) -> None:
    out = tmp_path / "report.html"
    done = CliRunner().invoke(main, ["report", "--graph", str(built[0]), "-o", str(out)])
    assert done.exit_code == 0, done.output
    page = out.read_text(encoding="utf-8")
    summary = page[page.index('id="summary"'):page.index('id="party-sector"')]
    figures = dict((unit, int(n)) for n, unit in re.findall(r"<b>(\d+)</b> (次会议|篇发言|个党派团体|个领域)", summary))
    assert figures == {"次会议": truth["meetings"], "篇发言": truth["speeches"], "个党派团体": truth["parties"],
                       "个领域": truth["sectors"]}
    undated = sum(1 for r in named(store, "speeches-per-meeting") if not r.get("year"))
    assert undated and f"{undated} 次年份不详" in summary  # the meetings' years are not all one year
    by_party = {r["partyName"]: int(r["speeches"]) for r in named(store, "speeches-by-party")}
    party_table = summary.split("发言最多的党派团体")[1].split("</table>")[0]
    top_parties = re.findall(r"<tr><td>([^<]+)</td><td>(\d+)</td></tr>", party_table)
    assert top_parties and all(by_party[name] == int(n) for name, n in top_parties)
    # the chart over time: each column says its speeches, the undated ones a column of their own
    trend = over_time(store)
    assert sum(int(re.search(r"（(\d+) 篇）", c)[1]) for c in trend.columns) == truth["speeches"]
    assert trend.columns[-1].startswith("年份不详")
    # the speech list: every speech once, under one heading per meeting
    speeches = page[page.index('id="speeches"'):page.index('id="appendix"')]
    assert len(re.findall(r'<li id="speech-', speeches)) == truth["speeches"]
    headings = Counter(re.findall(r"<h3>([^<]+?) ?\d*</h3>", speeches))
    per_meeting = named(store, "speeches-per-meeting")
    assert sorted(headings) == sorted(r["meetingLabel"] for r in per_meeting)


def shown_counts(nodes) -> dict[tuple[str, str], int]:
    """(column, label) → the speeches a node's tooltip gives, the folded nodes' from their "其他" node."""
    shown = {}
    for node in nodes.values():
        if node.type == OTHER_TYPE:  # 其他发言者：甲 2、乙 1…
            names = node.tooltip.split("：", 1)[1].split("\n")[0].rstrip("…")
            shown |= {(node.side, label): int(n) for label, n in (item.rsplit(" ", 1) for item in names.split("、"))}
        else:
            shown[(node.side, node.label)] = int(re.search(r"发言 (\d+) 篇$", node.tooltip)[1])
    return shown


def test_the_overview_numbers_agree_with_the_named_questions(store) -> None:
    nodes, _ = overview_graph(read_overview(store))
    shown = shown_counts(nodes)
    by_party = {r["partyName"]: int(r["speeches"]) for r in named(store, "speeches-by-party")}
    assert {label: n for (side, label), n in shown.items() if label in by_party and side == "left"} == by_party
    by_sector = {r["label"]: int(r["n"]) for r in run(store, """
        SELECT ?label (COUNT(DISTINCT ?s) AS ?n) WHERE {
          ?s a kg:Speech ; dcterms:subject ?x . ?x skos:prefLabel ?label FILTER(LANG(?label) = "zh") } GROUP BY ?label
        """).records()}
    assert {label: n for (side, label), n in shown.items() if side == "below"} == by_sector


def test_the_trends_page_counts_each_meeting_as_the_questions_do(store) -> None:
    shown = sorted((m.label, m.year, len(m.speeches)) for m in read_meetings(store))
    assert shown == sorted((r["meetingLabel"], r["year"] or "", int(r["speeches"]))
                           for r in named(store, "speeches-per-meeting"))
