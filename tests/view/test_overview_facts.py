"""The overview read from only what it draws (kg.view.overview_facts) equals the overview read from the
whole graph (kg.view.queries.read_graph): the same nodes, numbers, tooltips, filters and edges."""

from dataclasses import asdict

import pyoxigraph as ox
import pytest

from kg.namespace import PREFIXES
from kg.store import GraphStore
from kg.view import FULL_VIEW_MAX_NODES, build_view, queries
from kg.view.overview import COLUMN_MAX_NODES, overview_graph
from kg.view.overview_facts import count_speeches_and_items, read_overview

KGR, P = PREFIXES["kgr"], PREFIXES


def many_units(base: GraphStore, n: int) -> GraphStore:
    """``base`` and ``n`` more speeches, each for a unit of its own: a left column that folds."""
    quads = list(base.quads())
    for i in range(n):
        speech, unit = ox.NamedNode(f"{KGR}speech/many{i}"), ox.NamedNode(f"{KGR}org/many{i}")
        quads += [ox.Quad(*t) for t in (
            (speech, ox.NamedNode(P["rdf"] + "type"), ox.NamedNode(P["kg"] + "Speech")),
            (speech, ox.NamedNode(P["dcterms"] + "title"), ox.Literal(f"发言{i}", language="zh")),
            (speech, ox.NamedNode(P["opengov"] + "onBehalfOf"), unit),
            (unit, ox.NamedNode(P["rdf"] + "type"), ox.NamedNode(P["org"] + "Organization")),
            (unit, ox.NamedNode(P["skos"] + "prefLabel"), ox.Literal(f"单位{i}", language="zh")),
            (speech, ox.NamedNode(P["dcterms"] + "subject"), ox.NamedNode(KGR + "sector/industry")),
            (speech, ox.NamedNode(P["dcterms"] + "spatial"), ox.NamedNode(KGR + "region/c140700")))]
    return GraphStore.from_quads(quads)


@pytest.fixture(params=["fixture", "two meetings", "folded"])
def store(request, fixture_store, two_meetings_store):
    return {"fixture": fixture_store, "two meetings": two_meetings_store,
            "folded": many_units(fixture_store, COLUMN_MAX_NODES + 7)}[request.param]


def test_the_overview_from_what_it_draws_equals_the_overview_from_the_whole_graph(store):
    whole_nodes, whole_edges = overview_graph(queries.read_graph(store))
    nodes, edges = overview_graph(read_overview(store))
    assert [asdict(n) for n in nodes.values()] == [asdict(n) for n in whole_nodes.values()]
    assert [asdict(e) for e in edges] == [asdict(e) for e in whole_edges]
    assert nodes and edges
    assert all(n.tooltip for n in nodes.values())


def test_the_floor_counts_the_speeches_problems_and_suggestions_of_the_full_view(fixture_store):
    full = build_view(fixture_store, "full")
    drawn = sum(n.type in ("speech", "issue", "suggestion") for n in full.nodes)
    assert count_speeches_and_items(fixture_store) == drawn


def test_auto_folds_a_graph_past_the_limit_without_reading_it_whole(fixture_store):
    store = many_units(fixture_store, FULL_VIEW_MAX_NODES + 1)
    model = build_view(store, "auto")
    assert model.view == "overview"
    floor = count_speeches_and_items(store)
    assert floor > FULL_VIEW_MAX_NODES
    assert f"完整视图有 {floor} 个以上节点" in model.note
    whole_nodes, whole_edges = overview_graph(queries.read_graph(store))
    assert [asdict(n) for n in model.nodes] == [asdict(n) for n in whole_nodes.values()]
    assert [asdict(e) for e in model.edges] == [asdict(e) for e in whole_edges]
    (other,) = [n for n in model.nodes if n.type == "other" and n.side == "left"]
    assert other.label.startswith("其他发言者（")
