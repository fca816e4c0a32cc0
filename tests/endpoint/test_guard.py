"""kg.endpoint.guard: what a query may do, read from its text before any engine sees it."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.endpoint.guard import Refused, check_query, is_update, repeatable, service_prefix

LIMITS = {"max_depth": 64, "max_operators": 1000}


def refused(query: str, **kwargs) -> Refused:
    with pytest.raises(Refused) as err:
        check_query(query, **{**LIMITS, **kwargs})
    return err.value


@pytest.mark.parametrize("query", [
    "INSERT DATA { <http://e/a> <http://e/b> 1 }", "PREFIX x: <http://e/> DELETE WHERE { ?s ?p ?o }",
    "# note\nBASE <http://e/> LOAD <http://e/data.ttl>", "clear all", "WITH <http://e/g> DELETE { ?s ?p ?o } WHERE {}",
    "PREFIX : <http://e/>\nDROP GRAPH :g"])
def test_updates_are_refused_with_403(query):
    assert is_update(query) and refused(query).status == 403


@pytest.mark.parametrize("query", ["SELECT ?insert WHERE { ?insert ?p 'DELETE' }", "ASK {}",
                                   "PREFIX load: <http://e/> SELECT * { ?s load:x ?o }"])
def test_queries_naming_update_words_are_not_updates(query):
    assert not is_update(query)
    check_query(query, **LIMITS)


def test_depth_counts_brackets_outside_strings_iris_and_comments():
    check_query("ASK " + "{" * 64 + "}" * 64, **LIMITS)
    assert refused("ASK " + "{" * 65 + "}" * 65).status == 400
    check_query('ASK { FILTER("((((((((((" != "x") } # ((((((((((((((', max_depth=4, max_operators=1000)
    assert "--max-depth" in str(refused("ASK { FILTER((((((1))))))) }", max_depth=4))


def test_operators_bound_long_chains():
    assert "--max-operators" in str(refused("SELECT (" + "+".join(["1"] * 1001) + " AS ?x) {}"))
    check_query("SELECT * { VALUES ?x { " + " ".join(['"a"'] * 5000) + " } }", **LIMITS)  # data is no tree


@pytest.mark.parametrize("query", [
    "SELECT * { SERVICE <http://evil.example/sparql> { ?s ?p ?o } }",
    "SELECT * { service silent <http://evil.example/> { } }",
    "PREFIX e: <http://evil.example/> SELECT * { SERVICE e:sparql { } }",
    "SELECT * { SERVICE ?endpoint { } }",
    r"SELECT * { SERVICE <http://evil.example\u002Fsparql> { } }",
    "SELECT * { SERVICE <http://ok.example/sparql/../admin> { } }",
    "SELECT * { SERVICE <http://ok.example.evil/> { } }",
    "SELECT * { SERVICE <http://ok.example@evil.example/sparql> { } }",
    "SELECT * { SERVICE<http://evil.example/>{ } }"])
def test_service_is_refused_unless_allowed(query):
    assert refused(query, allow_service=("http://ok.example/",)).status == 400
    assert "--allow-service" in str(refused(query))


def test_allowed_service_passes_and_strings_do_not_count():
    allowed = ("http://ok.example/",)
    check_query("SELECT * { SERVICE <http://ok.example/sparql> { ?s ?p ?o } }", **LIMITS, allow_service=allowed)
    check_query("PREFIX ok: <http://ok.example/> SELECT * { SERVICE ok:sparql {} }", **LIMITS, allow_service=allowed)
    check_query("SELECT ?service { ?service ex:SERVICE 'SERVICE <http://evil/> {}' } # SERVICE <x>", **LIMITS)
    assert service_prefix("http://ok.example") == "http://ok.example/"
    assert service_prefix("http://ok.example/sparql") == "http://ok.example/sparql"


def test_the_limits_sit_below_what_crashes_the_engine():
    """The refused shapes of test_deep_or_long_queries… crash Oxigraph at 3,000 levels; 64 is far below."""
    store = ox.Store()
    query = "ASK " + "{" * 64 + "?s ?p ?o" + "}" * 64
    check_query(query, **LIMITS)
    assert bool(store.query(query)) is False


@pytest.mark.parametrize("query", [
    "SELECT (RAND() AS ?r) {}", "SELECT * { BIND(now ( ) AS ?t) }", "SELECT (UUID() AS ?u) {}",
    "SELECT (STRUUID() AS ?u) {}", "CONSTRUCT { ?s <http://e/p> ?b } WHERE { ?s ?p ?o BIND(BNODE() AS ?b) }",
    "SELECT * { SERVICE <http://e/sparql> { ?s ?p ?o } }"])
def test_queries_whose_answer_changes_between_runs_are_not_repeatable(query):
    assert not repeatable(query)


@pytest.mark.parametrize("query", [
    "ASK { ?s a kg:Speech }", "SELECT ?now ?rand { ?now ex:random ?rand } # RAND() in a comment",
    "SELECT * { ?s ?p 'NOW()' }", "PREFIX uuid: <http://e/> SELECT * { ?s uuid:x ?o }",
    "SELECT * { ?s ex:bnode ?o } ORDER BY ?s"])
def test_queries_whose_answer_stays_are_repeatable(query):
    assert repeatable(query)
