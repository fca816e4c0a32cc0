"""Named questions and `kg query` on the hand-made fixture (tests/data/query_fixture.ttl).

Expected answers are worked out by hand from the fixture: five speeches, S1 and S2 at the 2023
meeting, S3–S5 at the 2024 meeting; 民革 gave S1 and S3 (both 安运涛), 九三学社 S4; 王轩 (平遥县政协)
S2; 岳丽 (no unit) S5. "人才短缺" is a problem of S2 (2023), S3 and S5 (2024).
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.ask.query import ask, fill_values, parse_question, questions
from kg.ask.results import display_width, render
from kg.cli import main
from kg.errors import QueryError
from kg.store import GraphStore

FIXTURE = Path(__file__).parents[1] / "data" / "query_fixture.ttl"
SAME_NAME_REGIONS = Path(__file__).parents[1] / "data" / "same_name_regions.ttl"


@pytest.fixture(scope="module")
def store() -> GraphStore:
    return GraphStore.from_file(FIXTURE)


def rows(store, name, **params):
    result = ask(store, name, params)
    return [tuple(r.values()) for r in result.records()]


def test_at_least_twelve_named_questions_each_with_bilingual_metadata():
    qs = questions()
    assert len(qs) >= 12
    for q in qs.values():
        assert q.title["zh"] and q.title["en"] and q.description["zh"] and q.description["en"]
        assert any("\u4e00" <= ch <= "\u9fff" for ch in q.title["zh"]), q.name


def test_every_named_question_runs_and_projects_its_parameters(store):
    values = {"region": "晋中市", "sector": "文化旅游", "word": "人才"}
    for q in questions().values():
        result = ask(store, q.name, {p.name: values[p.name] for p in q.params})
        assert result.kind == "select"
        assert result.rows, f"{q.name} found nothing in the fixture"
        for p in q.params:
            assert p.name in result.variables


def test_speeches_by_party(store):
    assert [(r[1], r[2]) for r in rows(store, "speeches-by-party")] == [("民革", "2"), ("九三学社", "1")]


def test_region_sectors_walks_down_the_hierarchy(store):
    # 平遥县 alone: S2 (文化旅游, 城乡建设)
    pingyao = {(r[1], r[2]) for r in rows(store, "region-sectors", region="平遥县")}
    assert pingyao == {("文化旅游", "1"), ("城乡建设", "1")}
    # 昔阳县: S4 (生态环境), S5 (养老与社会保障, 农业农村)
    xiyang = {r[1] for r in rows(store, "region-sectors", region="昔阳县")}
    assert xiyang == {"生态环境", "养老与社会保障", "农业农村"}
    # 晋中市 with 平遥县 and 昔阳县 below it: all five speeches; 文化旅游 in S2 and S3
    jinzhong = {r[1]: r[2] for r in rows(store, "region-sectors", region="晋中市")}
    assert jinzhong["文化旅游"] == "2" and len(jinzhong) == 8
    # 山西省: two levels up from the counties, and 太原市 too
    assert {r[1]: r[2] for r in rows(store, "region-sectors", region="山西省")} == jinzhong
    assert rows(store, "region-sectors", region="不存在的地方") == []


def test_parameters_are_bound_as_terms_not_pasted(store):
    # a value that would break out of a string literal if it were pasted into the query text
    assert rows(store, "problems-with-word", word='") } INSERT DATA { <a> <b> <c> } #') == []
    assert [r[1] for r in rows(store, "problems-with-word", word="人才")] == ["人才短缺"] * 3


def test_region_links_sector_speakers_and_recurring_problems(store):
    assert sorted((r[1], r[2], r[3]) for r in rows(store, "region-links")) == [
        ("太原-晋中", "太原市", "1"), ("太原-晋中", "晋中市", "1")]
    speakers = rows(store, "sector-speakers", sector="culture-tourism")
    assert [(r[1], r[2], r[3], r[4]) for r in speakers] == [
        ("2023", "王轩", "平遥县政协", None), ("2024", "安运涛", "民革晋中市委", "民革")]
    assert rows(store, "recurring-problems") == [("人才短缺", "2", "0", "3", "2023", "2024")]


def test_counts_per_meeting_year_person_and_trend(store):
    assert [(r[0], r[2]) for r in rows(store, "speeches-per-meeting")] == [("2023", "2"), ("2024", "3")]
    assert rows(store, "speeches-per-year") == [("2023", "1", "2"), ("2024", "1", "3")]
    assert rows(store, "top-speakers")[0][:2] == ("安运涛", "2")
    trend = [r[1:] for r in rows(store, "sector-trend", sector="文化旅游")]
    assert trend == [("2023", "1", "2"), ("2024", "1", "3")]
    assert sorted((r[0], r[1]) for r in rows(store, "sector-cooccurrence")) == sorted(
        [("交通与基础设施", "区域协同发展"), ("农业农村", "养老与社会保障"),
         ("文化旅游", "城乡建设"), ("文化旅游", "数字经济")])
    culture = [r[3] for r in rows(store, "suggestions-by-sector") if r[0] == "文化旅游"]
    assert sorted(culture) == sorted(["培育文旅人才", "打造特色文旅产品", "建设数字文旅平台"])


def test_missing_and_unknown_parameters(store):
    with pytest.raises(QueryError, match="needs --param region"):
        ask(store, "region-sectors")
    with pytest.raises(QueryError, match="unknown parameter town"):
        ask(store, "region-sectors", {"region": "晋中市", "town": "x"})
    with pytest.raises(QueryError, match="did you mean region-sectors"):
        ask(store, "region-sector")


def test_header_parsing_of_params_and_errors():
    q = parse_question("t", "# title@zh: 甲\n# title@en: A\n# description@zh: 乙\n# description@en: B\n"
                       "# param: year integer = 2024 — 年份 | year\nSELECT ?year WHERE { VALUES ?year { 2023 } }\n")
    assert (q.params[0].name, q.params[0].type, q.params[0].default) == ("year", "integer", "2024")
    assert q.bindings({})["year"] == ox.Literal("2024", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    with pytest.raises(QueryError, match="must be an integer"):
        q.bindings({"year": "二〇二四"})
    filled, rest = fill_values(q.sparql, q.bindings({"year": "2025"}))
    assert filled.endswith('VALUES ?year { "2025"^^<http://www.w3.org/2001/XMLSchema#integer> } }\n') and not rest
    with pytest.raises(QueryError, match=r"parameter year needs one block VALUES \?year"):
        parse_question("t", "# title@zh: 甲\n# title@en: A\n# description@zh: 乙\n# description@en: B\n"
                       "# param: year integer — 年份 | year\nSELECT ?year WHERE {}\n")
    with pytest.raises(QueryError, match="lacks description@en"):
        parse_question("t", "# title@zh: 甲\n# title@en: A\n# description@zh: 乙\nSELECT * {}")


def test_malformed_query_error_is_one_line_with_position(store):
    with pytest.raises(QueryError) as err:
        ask(store, "SELECT ?x WHERE {\n  ?x a kg:Speech .\n  FILTER(?x = ) }")
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith("malformed SPARQL query at line 3, column ")
    with pytest.raises(QueryError, match="unknown prefix"):
        ask(store, "SELECT ?x WHERE { ?x a nope:Thing }")


def test_table_lines_up_wide_characters(store):
    lines = render(ask(store, "speeches-per-meeting"), "table").splitlines()
    # every column starts at the same display column in the header and in each row
    header, first = lines[0], lines[2]
    assert display_width("政协") == 4 and display_width("ab") == 2
    col = header.index("speeches")
    assert display_width(first[: first.index("2", len("2023 "))]) == display_width(header[:col])
    assert lines[-1] == "(2 rows)"


def test_json_is_sparql_results_json_and_csv_markdown(store):
    result = ask(store, "speeches-by-party")
    doc = json.loads(render(result, "json"))
    assert doc["head"]["vars"] == ["party", "partyName", "speeches"]
    first = doc["results"]["bindings"][0]
    assert first["party"] == {"type": "uri", "value": "https://w3id.org/zxkg/id/party/rcck"}
    assert first["partyName"] == {"type": "literal", "value": "民革", "xml:lang": "zh"}
    assert first["speeches"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
    parsed = list(ox.parse_query_results(render(result, "json").encode(), format=ox.QueryResultsFormat.JSON))
    assert len(parsed) == 2  # a second parser reads what we write
    assert render(result, "csv").splitlines()[1] == "https://w3id.org/zxkg/id/party/rcck,民革,2"
    assert render(result, "markdown").splitlines()[:3] == [
        "| party | partyName | speeches |", "|---|---|---|", "| kgr:party/rcck | 民革 | 2 |"]


def test_cli_query_formats_ask_construct_and_errors(tmp_path):
    runner = CliRunner()
    graph = ["--graph", str(FIXTURE)]
    out = runner.invoke(main, ["query", "region-sectors", "--param", "region=平遥县", "--format", "csv",
                               *graph])
    assert out.exit_code == 0, out.output
    assert sorted(out.output.splitlines()[1:]) == ["平遥县,城乡建设,1,140728", "平遥县,文化旅游,1,140728"]
    out = runner.invoke(main, ["query", "--list"])
    assert "region-sectors  --param region=…" in out.output and "各党派的发言数" in out.output
    out = runner.invoke(main, ["query", "ASK { ?s a kg:CompositeRegion }", "--format", "json", *graph])
    assert json.loads(out.output) == {"head": {}, "boolean": True}
    construct = "CONSTRUCT { ?p skos:prefLabel ?l } WHERE { ?p a kg:Party ; skos:prefLabel ?l }"
    out = runner.invoke(main, ["query", construct, *graph])
    parsed = list(ox.parse(out.output.encode(), format=ox.RdfFormat.TURTLE))
    assert len(parsed) == 3
    rq = tmp_path / "mine.rq"
    rq.write_text("SELECT ?name WHERE { ?p foaf:name ?n FILTER(STR(?n) = ?name) }", encoding="utf-8")
    out = runner.invoke(main, ["query", str(rq), "--param", "name=梁宏", "--format", "csv", *graph])
    assert out.output.splitlines() == ["name", "梁宏"]
    out = runner.invoke(main, ["query", "SELECT * WHERE { ?s ?p }", *graph])
    assert out.exit_code == 2 and out.output.startswith("kg: malformed SPARQL query at line 1")
    out = runner.invoke(main, ["query", "speeches-by-party", "--graph", str(tmp_path / "none.ttl")])
    assert out.exit_code == 2 and "no such graph file" in out.output


# A speech from a digest with no meeting line (kg:meeting absent), as real builds have.
NO_MEETING = """
@base <https://w3id.org/zxkg/id/> .
@prefix kg: <https://w3id.org/zxkg/ontology#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
<speech/sx> a kg:Speech ; dcterms:title "无会议的发言"@zh ; kg:order 1 ; kg:speaker <person/px> ;
    dcterms:subject <sector/culture-tourism> ; kg:primarySector <sector/culture-tourism> ;
    kg:hasIssue <issue/sx-1> .
<person/px> a foaf:Person ; foaf:name "赵六"@zh .
<issue/sx-1> a kg:Issue ; rdf:value "人才流失"@zh ; kg:order 1 ; dcterms:isPartOf <speech/sx> .
"""


@pytest.fixture(scope="module")
def store_with_undated(tmp_path_factory) -> GraphStore:
    path = tmp_path_factory.mktemp("q") / "graph.ttl"
    path.write_text(FIXTURE.read_text(encoding="utf-8") + NO_MEETING, encoding="utf-8")
    return GraphStore.from_file(path)


def test_speeches_without_a_meeting_are_listed(store_with_undated):
    s = store_with_undated
    assert "无会议的发言" in [r[2] for r in rows(s, "speech-list")]
    assert "赵六" in [r[2] for r in rows(s, "sector-speakers", sector="culture-tourism")]
    assert "人才流失" in [r[1] for r in rows(s, "problems-with-word", word="人才")]


def test_questions_by_year_give_undated_speeches_a_row_of_their_own(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text(FIXTURE.read_text(encoding="utf-8") + NO_MEETING, encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(main, ["query", "speeches-per-year", "--graph", str(path), "--format", "csv"])
    assert out.exit_code == 0, out.output
    # the speech without a meeting: a blank year, no meeting, counted
    assert out.stdout.splitlines() == ["year,meetings,speeches", ",0,1", "2023,1,2", "2024,1,3"]
    assert out.stderr == ""
    out = runner.invoke(main, ["query", "sector-trend", "--param", "sector=文化旅游", "--graph", str(path),
                               "--format", "csv"])
    assert out.stdout.splitlines() == ["sector,year,speeches,allSpeeches", "文化旅游,,1,1",
                                       "文化旅游,2023,1,2", "文化旅游,2024,1,3"]


def test_cli_construct_as_csv_says_it_prints_turtle():
    construct = "CONSTRUCT { ?p skos:prefLabel ?l } WHERE { ?p a kg:Party ; skos:prefLabel ?l }"
    runner = CliRunner()
    out = runner.invoke(main, ["query", construct, "--format", "csv", "--graph", str(FIXTURE)])
    assert out.exit_code == 0
    assert len(list(ox.parse(out.stdout.encode(), format=ox.RdfFormat.TURTLE))) == 3
    assert out.stderr.startswith("kg: note: the answer is a graph (CONSTRUCT/DESCRIBE), printed as Turtle")
    out = runner.invoke(main, ["query", construct, "--format", "json", "--graph", str(FIXTURE)])
    assert json.loads(out.stdout) and out.stderr == ""


def test_a_query_file_that_is_not_utf8_is_a_one_line_error(store, tmp_path):
    rq = tmp_path / "gbk.rq"
    rq.write_bytes("SELECT ?名 WHERE {}".encode("gb18030"))
    with pytest.raises(QueryError, match=r"gbk\.rq: not UTF-8 text"):
        ask(store, str(rq))


# Two speeches of one title at two meetings of 2024, each with two suggestions and two problems.
SAME_TITLE = """
@base <https://w3id.org/zxkg/id/> .
@prefix kg: <https://w3id.org/zxkg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<meeting/ma> a kg:Meeting ; dcterms:date "2024"^^xsd:gYear .
<meeting/mb> a kg:Meeting ; dcterms:date "2024"^^xsd:gYear .
<speech/sa> a kg:Speech ; dcterms:title "优化营商环境"@zh ; kg:meeting <meeting/ma> ;
    dcterms:subject <sector/finance> ; kg:hasSuggestion <suggestion/sa-1>, <suggestion/sa-2> .
<speech/sb> a kg:Speech ; dcterms:title "优化营商环境"@zh ; kg:meeting <meeting/mb> ;
    dcterms:subject <sector/finance> ; kg:hasSuggestion <suggestion/sb-1>, <suggestion/sb-2> .
<suggestion/sa-1> rdf:value "甲一"@zh ; kg:order 1 .
<suggestion/sa-2> rdf:value "甲二"@zh ; kg:order 2 .
<suggestion/sb-1> rdf:value "乙一"@zh ; kg:order 1 .
<suggestion/sb-2> rdf:value "乙二"@zh ; kg:order 2 .
<issue/sa-1> a kg:Issue ; rdf:value "营商环境甲一"@zh ; kg:order 1 ; dcterms:isPartOf <speech/sa> .
<issue/sa-2> a kg:Issue ; rdf:value "营商环境甲二"@zh ; kg:order 2 ; dcterms:isPartOf <speech/sa> .
<issue/sb-1> a kg:Issue ; rdf:value "营商环境乙一"@zh ; kg:order 1 ; dcterms:isPartOf <speech/sb> .
<issue/sb-2> a kg:Issue ; rdf:value "营商环境乙二"@zh ; kg:order 2 ; dcterms:isPartOf <speech/sb> .
"""


def test_items_of_two_speeches_with_one_title_are_not_interleaved(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text(FIXTURE.read_text(encoding="utf-8") + SAME_TITLE, encoding="utf-8")
    s = GraphStore.from_file(path)
    suggestions = [r[3][0] for r in rows(s, "suggestions-by-sector") if r[1] == "优化营商环境"]
    assert suggestions in (["甲", "甲", "乙", "乙"], ["乙", "乙", "甲", "甲"])
    problems = [r[1][4] for r in rows(s, "problems-with-word", word="营商环境")]
    assert problems in (["甲", "甲", "乙", "乙"], ["乙", "乙", "甲", "甲"])


def test_speech_list_keeps_each_digest_without_a_meeting_together(tmp_path):
    two_docs = """
@base <https://w3id.org/zxkg/id/> .
@prefix kg: <https://w3id.org/zxkg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
<speech/sa1> a kg:Speech ; dcterms:title "甲一"@zh ; kg:order 1 ; prov:wasDerivedFrom <doc/da> .
<speech/sa2> a kg:Speech ; dcterms:title "甲二"@zh ; kg:order 2 ; prov:wasDerivedFrom <doc/da> .
<speech/sb1> a kg:Speech ; dcterms:title "乙一"@zh ; kg:order 1 ; prov:wasDerivedFrom <doc/db> .
<speech/sb2> a kg:Speech ; dcterms:title "乙二"@zh ; kg:order 2 ; prov:wasDerivedFrom <doc/db> .
"""
    path = tmp_path / "graph.ttl"
    path.write_text(FIXTURE.read_text(encoding="utf-8") + two_docs, encoding="utf-8")
    titles = [r[2] for r in rows(GraphStore.from_file(path), "speech-list") if r[0] is None]
    assert titles == ["甲一", "甲二", "乙一", "乙二"]


def test_a_region_or_sector_the_graph_does_not_have_is_named_on_stderr():
    runner = CliRunner()
    graph = ["--graph", str(FIXTURE)]
    out = runner.invoke(main, ["query", "region-sectors", "--param", "region=晋中", *graph])
    assert out.exit_code == 0 and out.stdout.endswith("(0 rows)\n")
    assert out.stderr.startswith("kg: note: the graph has no region called '晋中' (did you mean 晋中市")
    out = runner.invoke(main, ["query", "sector-speakers", "--param", "sector=旅游文化", *graph])
    assert out.stderr.startswith("kg: note: the graph has no sector called '旅游文化'")
    # sector-trend answers with zero counts for a sector it does not know: the note says why
    out = runner.invoke(main, ["query", "sector-trend", "--param", "sector=文旅", *graph])
    assert "kg: note: the graph has no sector called '文旅'" in out.stderr
    out = runner.invoke(main, ["query", "region-sectors", "--param", "region=晋中市", *graph])
    assert out.stderr == ""


def test_region_sectors_keeps_two_places_of_one_name_apart(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text(FIXTURE.read_text(encoding="utf-8") + SAME_NAME_REGIONS.read_text(encoding="utf-8"),
                     encoding="utf-8")
    found = rows(GraphStore.from_file(path), "region-sectors", region="鼓楼区")
    assert sorted((r[1], r[2], r[3]) for r in found) == [("文化旅游", "1", "320106"), ("文化旅游", "1", "350102")]


def test_sparql_longer_than_a_file_name_is_run_not_taken_for_a_path():
    # one line of 300 characters: Path.is_file() raises "File name too long" on it
    long = ("SELECT (COUNT(DISTINCT ?speech) AS ?n) WHERE { ?speech a kg:Speech "
            + "OPTIONAL { ?speech kg:order ?o } " * 8 + "}")
    assert len(long) > 255 and "\n" not in long
    out = CliRunner().invoke(main, ["query", long, "--graph", str(FIXTURE), "--format", "csv"])
    assert out.exit_code == 0, out.output
    assert out.stdout.splitlines() == ["n", "5"]
