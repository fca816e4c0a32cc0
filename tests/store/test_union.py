"""The same question gives the same rows on every file and store a build writes.

The awkward corpus (tests/conftest.py: pages without a year, untitled speeches, speeches without a
party, a traditional-character page, a meeting under two names, a person at three meetings, shared
regions) is built by the real CLI; then every named question, with its example parameters and with
another realistic value, is answered by

- ``kg query NAME --graph OUT`` (the Oxigraph store on disk),
- OUT/graph.ttl in rdflib,
- OUT/graph.trig in an in-memory pyoxigraph Store, the default graph the union of the named graphs,
- OUT/graph.trig in an rdflib Dataset with ``default_union``,

and the rows are compared as multisets of normalized values (numbers as numbers, a literal with a
language as its text and language). Every triple is in exactly one graph of the TriG: before, the
union counted shared entities once per document.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from paths import REPO

from kg.ask.query import NamedQuestion, portable_sparql, questions
from kg.cli import main
from kg.namespace import PREFIXES

# another realistic value for each parameter, besides the example in the question's VALUES block
OTHER_VALUES = {"region": "乾县", "sector": "农业农村", "word": "景区"}
NUMBERS = {f"http://www.w3.org/2001/XMLSchema#{t}" for t in ("integer", "decimal", "double", "float", "int", "long")}

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")


@pytest.fixture(scope="module")
def built(awkward_build) -> Path:
    return awkward_build[0]


@pytest.fixture(scope="module")
def engines(built: Path) -> dict:
    ttl = rdflib.Graph()
    ttl.parse(built / "graph.ttl", format="turtle")
    trig_ox = ox.Store()
    trig_ox.bulk_load(path=str(built / "graph.trig"), format=ox.RdfFormat.TRIG)
    trig_rdflib = rdflib.Dataset(default_union=True)
    trig_rdflib.parse(built / "graph.trig", format="trig")
    return {"ttl in rdflib": ttl, "trig in pyoxigraph": trig_ox, "trig in rdflib": trig_rdflib}


def value(term):
    """One engine-neutral value: None (unbound), a number, an IRI or text, (text, language)."""
    if term is None:
        return None
    if isinstance(term, rdflib.Literal | ox.Literal):
        text = str(term) if isinstance(term, rdflib.Literal) else term.value
        language = term.language
        datatype = term.datatype if isinstance(term, rdflib.Literal) else term.datatype.value
        if language:
            return (text, language)
        return float(text) if str(datatype) in NUMBERS else text
    if isinstance(term, rdflib.BNode | ox.BlankNode):
        return "_:"
    return str(term) if isinstance(term, rdflib.URIRef) else term.value


def rows(engine, sparql: str) -> Counter:
    if isinstance(engine, ox.Store):
        answer = engine.query(sparql, use_default_graph_as_union=True)
        names = [v.value for v in answer.variables]
        return Counter(tuple(value(s[n]) for n in names) for s in answer)
    answer = engine.query(sparql, initNs=PREFIXES)
    return Counter(tuple(value(row[v]) for v in answer.vars) for row in answer)


def store_rows(built: Path, query: str, params: dict[str, str]) -> Counter:
    """What `kg query QUERY --graph OUT --format json` prints, read back by Oxigraph's results parser."""
    out = CliRunner().invoke(main, ["query", query, "--graph", str(built), "--format", "json",
                                    *(f"--param={k}={v}" for k, v in params.items())])
    assert out.exit_code == 0, out.output
    answer = ox.parse_query_results(out.stdout.encode("utf-8"), format=ox.QueryResultsFormat.JSON)
    names = [v.value for v in answer.variables]
    return Counter(tuple(value(s[n]) for n in names) for s in answer)


def example(question: NamedQuestion, name: str) -> str:
    return re.search(rf'VALUES\s+\?{name}\s*\{{\s*"([^"]*)"', question.sparql)[1]


def cases() -> list[tuple[str, dict[str, str]]]:
    out = []
    for name, question in sorted(questions().items()):
        out.append((name, {p.name: example(question, p.name) for p in question.params}))
        if question.params:
            out.append((name, {p.name: OTHER_VALUES[p.name] for p in question.params}))
    return out


@pytest.mark.parametrize(("name", "params"), cases(), ids=lambda c: c if isinstance(c, str) else
                         ",".join(c.values()) or "-")
def test_a_named_question_gives_the_same_rows_on_every_file_and_store(built, engines, name, params) -> None:
    on_store = store_rows(built, name, params)
    assert on_store, f"{name} {params} answers nothing on the corpus: the comparison would prove nothing"
    sparql = portable_sparql(name, params)
    for engine, graph in engines.items():
        assert rows(graph, sparql) == on_store, f"{name} {params}: {engine} differs from the store"


def rows_of(built: Path, name: str, params: dict[str, str] | None = None) -> list[dict]:
    out = CliRunner().invoke(main, ["query", name, "--graph", str(built), "--format", "json",
                                    *(f"--param={k}={v}" for k, v in (params or {}).items())])
    bindings = json.loads(out.stdout)["results"]["bindings"]
    return [{k: v["value"] for k, v in b.items()} for b in bindings]


def test_a_problem_at_an_undated_meeting_counts_that_meeting_as_undated(built) -> None:
    recurring = {r["problem"]: r for r in rows_of(built, "recurring-problems")}
    # at 乾县 10-2 (2025), 10-3 (2026) and 10-4 (no year)
    assert recurring["景区配套设施不完善"] == {"problem": "景区配套设施不完善", "meetings": "3", "undatedMeetings": "1",
                                         "speeches": "3", "firstYear": "2025", "lastYear": "2026"}
    # at two undated meetings only: no years at all, not dropped
    assert recurring["品牌影响力不强"] == {"problem": "品牌影响力不强", "meetings": "2", "undatedMeetings": "2",
                                      "speeches": "2"}


def test_undated_speeches_are_a_row_of_their_own(built) -> None:
    total = len(rows_of(built, "speech-list"))
    per_year = rows_of(built, "speeches-per-year")
    assert sum(int(r["speeches"]) for r in per_year) == total
    (undated,) = [r for r in per_year if "year" not in r]
    assert undated["meetings"] == "3"  # 晋中 5-3 (the sample digest), 乾县 10-4, 礼泉 9-3
    trend = rows_of(built, "sector-trend", {"sector": "culture-tourism"})
    assert sum(int(r["allSpeeches"]) for r in trend) == total
    assert [r for r in trend if "year" not in r][0]["allSpeeches"] == undated["speeches"]


def test_a_meeting_under_two_names_is_one_row(built) -> None:
    per_meeting = rows_of(built, "speeches-per-meeting")
    assert sum(int(r["speeches"]) for r in per_meeting) == len(rows_of(built, "speech-list"))
    wuyuan = [r for r in per_meeting if "婺源" in r["meetingLabel"]]
    assert len(wuyuan) == 1 and wuyuan[0]["speeches"] == "13"  # 6 simplified + 7 traditional


def readme_queries() -> list[str]:
    block = (REPO / "README.md").read_text(encoding="utf-8").split("```sparql\n")[1].split("```")[0]
    queries: list[list[str]] = []
    for line in block.splitlines():
        if line.startswith("# "):
            queries.append([])
        elif queries and line.strip():
            queries[-1].append(line)
    return ["\n".join(q) for q in queries]


@pytest.mark.parametrize("n", range(3))
def test_the_readme_examples_give_the_same_numbers_everywhere(built, engines, n: int) -> None:
    # LIMIT without ORDER BY picks any rows: the engines are compared on all of them
    sparql = readme_queries()[n].replace("LIMIT 5", "")
    on_store = store_rows(built, sparql, {})
    assert on_store
    for engine, graph in engines.items():
        assert rows(graph, portable_sparql(sparql)) == on_store, engine


def test_the_trig_holds_each_triple_once(built: Path) -> None:
    quads = list(ox.parse(path=str(built / "graph.trig"), format=ox.RdfFormat.TRIG))
    triples = {q.triple for q in quads}
    assert len(quads) == len(triples) == len(list(ox.parse(path=str(built / "graph.ttl"),
                                                            format=ox.RdfFormat.TURTLE)))
    parties = [q for q in quads if q.predicate.value == PREFIXES["rdf"] + "type"
               and q.object.value == "https://w3id.org/zxkg/ontology#Party"]
    assert len(parties) == 18 and {q.graph_name.value for q in parties} == {"https://w3id.org/zxkg/id/graph/vocab"}
