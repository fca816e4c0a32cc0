"""`kg stats` on the hand-made fixture.

The projection (worked out by hand): speeches name S1 {民革, 晋中市, 太原市, 太原-晋中, 区域协同发展,
交通与基础设施}, S2 {平遥县, 文化旅游, 城乡建设}, S3 {民革, 晋中市, 数字经济, 文化旅游},
S4 {九三学社, 黄河流域, 昔阳县, 生态环境}, S5 {昔阳县, 养老与社会保障, 农业农村}: 16 nodes in two
components. 民革 and 晋中市 have 7 neighbours each (degree 7/15). 昔阳县 is the only way between
{九三学社, 黄河流域, 生态环境} and {养老与社会保障, 农业农村}: 6 shortest paths, betweenness
6·2/(15·14). 文化旅游 joins {平遥县, 城乡建设} to the 7 other nodes of its component: 14 paths.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.store import GraphStore
from kg.view.stats import communities, compute, projection, render

FIXTURE = Path(__file__).parents[1] / "data" / "query_fixture.ttl"
SAME_NAME_REGIONS = Path(__file__).parents[1] / "data" / "same_name_regions.ttl"
NORM = 2 / (15 * 14)  # networkx normalizes betweenness by 2/((n-1)(n-2)) on an undirected graph


@pytest.fixture(scope="module")
def store():
    return GraphStore.from_file(FIXTURE)


@pytest.fixture(scope="module")
def stats(store):
    return compute(store)


def by_label(stats):
    return {r["label"]: r for r in stats.centrality}


def test_node_counts(stats):
    counts = dict(stats.node_counts)
    assert counts["kg:Speech"] == 5 and counts["kg:Meeting"] == 2 and counts["foaf:Person"] == 4
    assert counts["kg:Party"] == 3 and counts["kg:Region"] == 7 and counts["kg:CompositeRegion"] == 1
    assert counts["kg:Issue"] == 9 and counts["kg:Suggestion"] == 8


def test_projection_links_what_speeches_name_together(store):
    graph = projection(store)
    labels = {d["label"] for _, d in graph.nodes(data=True)}
    assert graph.number_of_nodes() == 16
    assert "民盟" not in labels and "山西省" not in labels and "金融" not in labels  # named by no speech
    nodes = {d["label"]: n for n, d in graph.nodes(data=True)}
    assert graph.edges[nodes["民革"], nodes["晋中市"]]["weight"] == 2  # S1 and S3
    assert graph.edges[nodes["平遥县"], nodes["文化旅游"]]["weight"] == 1
    assert not graph.has_edge(nodes["民革"], nodes["九三学社"])


def test_centrality(stats):
    rows = by_label(stats)
    assert rows["民革"]["degree"] == round(7 / 15, 4) and rows["民革"]["weighted_degree"] == 8
    assert rows["昔阳县"]["betweenness"] == round(6 * NORM, 4)
    assert rows["文化旅游"]["betweenness"] == round(14 * NORM, 4)
    assert rows["平遥县"]["betweenness"] == 0
    assert stats.centrality[0]["label"] == "文化旅游"  # the highest betweenness comes first
    assert {r["kind"] for r in stats.centrality} == {"party", "region", "sector"}


def test_communities_are_a_deterministic_partition(store, stats):
    members = [m for c in stats.communities for m in c]
    assert len(members) == len(set(members)) == 16
    home = {m: i for i, c in enumerate(stats.communities) for m in c}
    assert home["民革"] != home["九三学社"]  # different components never share a community
    assert home["昔阳县"] == home["九三学社"] or home["昔阳县"] == home["养老与社会保障"]
    graph = projection(store)
    assert communities(graph) == communities(projection(store))


def test_matrices(stats):
    party, region = stats.matrices
    assert party.rows == ["民革", "九三学社"]
    cell = {(r, c): n for r, row in zip(party.rows, party.counts, strict=True)
            for c, n in zip(party.columns, row, strict=True)}
    assert cell[("民革", "文化旅游")] == 1 and cell[("九三学社", "生态环境")] == 1
    assert cell[("九三学社", "文化旅游")] == 0
    assert sum(map(sum, party.counts)) == 5
    rcell = {(r, c): n for r, row in zip(region.rows, region.counts, strict=True)
             for c, n in zip(region.columns, row, strict=True)}
    assert rcell[("平遥县", "文化旅游")] == 1 and rcell[("昔阳县", "生态环境")] == 1
    assert rcell[("晋中市", "文化旅游")] == 1  # S3 only: S2 names 平遥县, and matrices do not roll up


def test_formats(stats):
    doc = json.loads(render(stats, "json"))
    assert set(doc) == {"node_counts", "centrality", "communities", "matrices"}
    rows = list(csv.reader(io.StringIO(render(stats, "csv"))))
    assert rows[0] == ["table", "row", "column", "value"]
    assert ["党派 × 领域 (party × sector)", "民革", "文化旅游", "1"] in rows
    table = render(stats, "table")
    assert "中心度 centrality" in table and "社群 communities (Louvain)" in table


def test_cli_stats_prints_and_exports(tmp_path):
    out = tmp_path / "stats.json"
    result = CliRunner().invoke(main, ["stats", "--graph", str(FIXTURE), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written == json.loads(result.output)
    assert ["kg:Speech", 5] in written["node_counts"]


def test_two_regions_of_one_name_are_two_rows_of_the_region_matrix(tmp_path):
    graph = tmp_path / "graph.ttl"
    graph.write_text(FIXTURE.read_text(encoding="utf-8") + SAME_NAME_REGIONS.read_text(encoding="utf-8"),
                      encoding="utf-8")
    region = compute(GraphStore.from_file(graph)).matrices[1]
    gulou = {r: row for r, row in zip(region.rows, region.counts, strict=True) if r.startswith("鼓楼区")}
    assert sorted(gulou) == ["鼓楼区（320106）", "鼓楼区（350102）"]
    column = region.columns.index("文化旅游")
    assert [row[column] for row in gulou.values()] == [1, 1]
