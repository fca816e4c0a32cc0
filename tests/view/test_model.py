"""The view model, read from the hand-made graph of tests/view/fixture.ttl (no browser)."""

import os
from collections import Counter

import networkx as nx
import pyoxigraph as ox
import pytest

from kg.errors import KgError
from kg.namespace import PREFIXES
from kg.store import GraphStore
from kg.view import FULL_VIEW_MAX_NODES, build_view, choose_view
from kg.view.layout import CORE_EDGE_PIXELS, EXACT_LAYOUT_MAX_NODES, LEAF_RING_PIXELS, compute_positions
from kg.view.model import MAX_NODE_SIZE, MIN_NODE_SIZE, NODE_STYLES

KGR = PREFIXES["kgr"]


@pytest.fixture(scope="module")
def full(fixture_store):
    return build_view(fixture_store, "full")


def by_label(model, label):
    (node,) = [n for n in model.nodes if n.label == label]
    return node


def test_full_view_draws_each_resource_once_by_type(full):
    counts = Counter(n.type for n in full.nodes)
    assert counts == {"speech": 3, "person": 3, "organization": 3, "party": 2, "issue": 6, "suggestion": 8,
                      "sector": 5, "region": 5, "meeting": 1}
    assert len({n.id for n in full.nodes}) == len(full.nodes)


def test_unused_vocabulary_is_left_out(full):
    labels = {n.label for n in full.nodes}
    assert "民盟" not in labels  # a party of the table that no speech names
    assert "生态环境" not in labels and "焦化" not in labels  # an unused sector, an unused narrower one


def test_every_type_has_its_own_colour_and_shape(full):
    assert len({s.colour for s in NODE_STYLES.values()}) == len(NODE_STYLES)
    assert len({s.shape for s in NODE_STYLES.values()}) == len(NODE_STYLES)
    for n in full.nodes:
        assert (n.colour, n.shape) == (NODE_STYLES[n.type].colour, NODE_STYLES[n.type].shape)


def test_edges_join_drawn_nodes_and_say_what_they_are(full):
    ids = {n.id for n in full.nodes}
    assert all(e.source in ids and e.target in ids for e in full.edges)
    speech = by_label(full, "精准施策 着力推动我市传统产业改造升级")
    from_speech = Counter(e.label for e in full.edges if e.source == speech.id)
    assert from_speech == {"问题": 2, "建议": 3, "领域": 2, "地区": 1, "会议": 1, "发言人": 1, "代表单位": 1}
    assert ("隶属", by_label(full, "民革").id) in {(e.label, e.target) for e in full.edges}


def test_speech_tooltip_has_title_byline_and_first_sentences(full):
    tip = by_label(full, "深化“文旅+”融合 推动文旅产业提质升级").tooltip.split("\n")
    assert tip[0] == "《深化“文旅+”融合 推动文旅产业提质升级》"
    assert "平遥县政协 王轩" in tip
    assert tip[-1].startswith("市委将文旅产业纳入“156”战略举措统筹推进")
    assert "为此建议" not in tip[-1]  # only the first sentences


def test_problem_and_suggestion_tooltips_trace_back_to_the_sentence(full):
    issue = by_label(full, "产品多而不优").tooltip.split("\n")
    assert issue[0] == "问题：产品多而不优"
    sentence = "但与国际知名文化旅游目的地的定位相比，还存在文旅融而不深、产品多而不优、产业大而不强等问题。"
    assert issue[1] == f"原文：{sentence}"
    assert issue[2] == "出自：《深化“文旅+”融合 推动文旅产业提质升级》"
    assert by_label(full, "打通断头路").tooltip.split("\n")[:2] == ["建议：打通断头路", "原文：一是打通断头路。"]


def test_region_tooltip_has_code_and_parent(full):
    assert by_label(full, "平遥县").tooltip == "平遥县\n行政区划代码：140728\n上级：晋中市"
    assert "组成：太原市、晋中市" in by_label(full, "太原-晋中").tooltip


def test_filter_values_follow_the_speeches_a_node_belongs_to(full):
    speech = by_label(full, "深化“文旅+”融合 推动文旅产业提质升级")
    assert speech.party == []  # 平遥县政协 belongs to no party
    assert speech.sector == ["文化旅游"]
    assert speech.region == ["平遥县", "晋中市", "山西省"]  # a county's speech is about its city too
    assert speech.meeting == ["政协第五届晋中市委员会第三次会议"]
    assert by_label(full, "科技创新").party == ["民革"]
    assert sorted(by_label(full, "晋中市").party) == ["九三学社", "民革"]
    assert by_label(full, "民革").sector == ["工业与制造业", "科技创新与人才"]
    assert full.filter_values()["party"] == ["九三学社", "民革"]


def test_sizes_grow_with_degree(full):
    degree = nx.Graph([(e.source, e.target) for e in full.edges]).degree
    nodes = sorted(full.nodes, key=lambda n: degree[n.id])
    assert all(MIN_NODE_SIZE <= n.size <= MAX_NODE_SIZE for n in nodes)
    assert [n.size for n in nodes] == sorted(n.size for n in nodes)
    assert nodes[-1].size == MAX_NODE_SIZE


def test_positions_are_computed_distinct_and_repeatable(full, fixture_store):
    positions = [(n.x, n.y) for n in full.nodes]
    assert len(set(positions)) == len(positions)
    again = build_view(fixture_store, "full")
    assert [(n.id, n.x, n.y) for n in again.nodes] == [(n.id, n.x, n.y) for n in full.nodes]


def test_overview_folds_speeches_into_weighted_party_sector_region_edges(fixture_store):
    extra = fixture_store_with_second_minge_speech(fixture_store)
    overview = build_view(extra, "overview")
    assert {n.type for n in overview.nodes} == {"party", "organization", "sector", "region"}
    weight = {(overview.node(e.source).label, overview.node(e.target).label): e.weight for e in overview.edges}
    assert weight[("民革", "工业与制造业")] == 2
    assert weight[("民革", "科技创新与人才")] == 1
    assert weight[("平遥县政协", "文化旅游")] == 1  # a speech with no party stands under its unit
    assert weight[("交通与基础设施", "太原-晋中")] == 1
    assert "发言 2 篇" in by_label(overview, "民革").tooltip
    assert overview.note.startswith("概览")


def test_overview_sets_voices_left_sectors_in_the_middle_and_regions_right(fixture_store):
    overview = build_view(fixture_store, "overview")
    column = {n.type: set() for n in overview.nodes}
    for n in overview.nodes:
        column[n.type].add(n.x)
    assert column["party"] == column["organization"]
    assert max(column["party"]) < min(column["sector"]) < min(column["region"])
    assert {n.side for n in overview.nodes if n.type == "party"} == {"left"}
    assert {n.side for n in overview.nodes if n.type == "region"} == {"right"}
    assert all(n.key for n in overview.nodes)  # a column is short enough to label every name
    ids = {n.id for n in overview.nodes}
    kinds = {(overview.node(e.source).type, overview.node(e.target).type) for e in overview.edges}
    assert kinds <= {("party", "sector"), ("organization", "sector"), ("sector", "region")}
    assert all(e.source in ids and e.target in ids for e in overview.edges)


def test_overview_counts_a_county_for_its_prefecture(fixture_store):
    overview = build_view(fixture_store, "overview")
    labels = {n.label for n in overview.nodes if n.type == "region"}
    assert "平遥县" not in labels and "晋中市" in labels
    weight = {(overview.node(e.source).label, overview.node(e.target).label): e.weight for e in overview.edges}
    assert weight[("文化旅游", "晋中市")] == 1  # 王轩's speech about 平遥县


def test_overview_folds_a_long_column_and_labels_the_heaviest_flows(fixture_store):
    from kg.view.overview import COLUMN_MAX_NODES, LABELLED_FLOWS

    p = PREFIXES
    triples = []
    for i in range(COLUMN_MAX_NODES + 5):
        speech, unit = ox.NamedNode(f"{KGR}speech/fold{i}"), ox.NamedNode(f"{KGR}org/fold{i}")
        triples += [(speech, ox.NamedNode(p["rdf"] + "type"), ox.NamedNode(p["kg"] + "Speech")),
                    (speech, ox.NamedNode(p["dcterms"] + "title"), ox.Literal(f"发言{i}", language="zh")),
                    (speech, ox.NamedNode(p["opengov"] + "onBehalfOf"), unit),
                    (unit, ox.NamedNode(p["rdf"] + "type"), ox.NamedNode(p["org"] + "Organization")),
                    (unit, ox.NamedNode(p["skos"] + "prefLabel"), ox.Literal(f"单位{i}", language="zh")),
                    (speech, ox.NamedNode(p["dcterms"] + "subject"), ox.NamedNode(KGR + "sector/industry"))]
    store = GraphStore.from_quads([*fixture_store.quads(), *(ox.Quad(*t) for t in triples)])
    overview = build_view(store, "overview")
    left = [n for n in overview.nodes if n.side == "left"]
    assert len(left) == COLUMN_MAX_NODES + 1
    (other,) = [n for n in left if n.type == "other"]
    assert other.label.startswith("其他发言者（")
    assert "民革" in other.tooltip or "民革" in {n.label for n in left}
    labelled = sorted((e for e in overview.edges if e.labelled), key=lambda e: -e.weight)
    assert len(labelled) == min(LABELLED_FLOWS, len(overview.edges))
    assert labelled[-1].weight >= max(e.weight for e in overview.edges if not e.labelled)
    folded = int(other.label.removeprefix("其他发言者（").removesuffix("）"))
    assert folded == (COLUMN_MAX_NODES + 5) + 3 - COLUMN_MAX_NODES  # the new units and the fixture's three voices


def fixture_store_with_second_minge_speech(store: GraphStore) -> GraphStore:
    speech, p = ox.NamedNode(KGR + "speech/sextra"), PREFIXES
    triples = [
        (speech, ox.NamedNode(p["rdf"] + "type"), ox.NamedNode(p["kg"] + "Speech")),
        (speech, ox.NamedNode(p["dcterms"] + "title"), ox.Literal("发展先进制造业", language="zh")),
        (speech, ox.NamedNode(p["kg"] + "party"), ox.NamedNode(KGR + "party/rcck")),
        (speech, ox.NamedNode(p["dcterms"] + "subject"), ox.NamedNode(KGR + "sector/industry")),
    ]
    return GraphStore.from_quads([*store.quads(), *(ox.Quad(*t) for t in triples)])


def test_ego_view_keeps_two_steps_and_what_the_speeches_proposed(fixture_store):
    ego = build_view(fixture_store, "ego", node="民革")
    labels = {n.label for n in ego.nodes}
    assert {"民革", "民革晋中市委", "安运涛", "精准施策 着力推动我市传统产业改造升级"} <= labels
    assert {"企业自主研发", "科技创新", "加快数智技术赋能"} <= labels
    assert "王轩" not in labels and "九三学社" not in labels
    assert "民革" in ego.note


def test_ego_view_needs_a_node_that_names_one_node(fixture_store):
    with pytest.raises(KgError, match="--node"):
        build_view(fixture_store, "ego")
    with pytest.raises(KgError, match="no node is named"):
        build_view(fixture_store, "ego", node="不存在的人")
    with pytest.raises(KgError, match="nodes match '晋中'"):
        build_view(fixture_store, "ego", node="晋中")
    assert build_view(fixture_store, "ego", node="晋中市").note.startswith("以“晋中市”为中心")


def test_unknown_view_is_an_error(fixture_store):
    with pytest.raises(KgError, match="unknown view"):
        build_view(fixture_store, "sideways")


def test_choose_view_switches_to_the_overview_past_the_threshold(fixture_store):
    assert choose_view(10) == "full"
    assert choose_view(FULL_VIEW_MAX_NODES) == "full"
    assert choose_view(FULL_VIEW_MAX_NODES + 1) == "overview"
    auto = build_view(fixture_store, "auto")
    assert (auto.view, auto.note) == ("full", "完整视图：36 个节点")


@pytest.mark.parametrize("n_speeches", [150, 700])  # a core laid out by spring, and one past its limit
def test_large_layout_rings_leaves_round_their_node_and_separates_nodes(n_speeches):
    hubs = [f"hub{h}" for h in range(20)]
    edges = [(f"s{i}", hubs[i % 20]) for i in range(n_speeches)]
    edges += [(f"s{i}", hubs[(i * 7 + 3) % 20]) for i in range(n_speeches)]
    edges += [(f"s{i}", f"s{i}-leaf{k}") for i in range(n_speeches) for k in range(4)]
    ids = sorted({n for e in edges for n in e})
    assert len(ids) > EXACT_LAYOUT_MAX_NODES
    positions = compute_positions(ids, edges)
    assert set(positions) == set(ids)
    assert len(set(positions.values())) == len(ids)
    for i in range(n_speeches):
        sx, sy = positions[f"s{i}"]
        for k in range(4):
            lx, ly = positions[f"s{i}-leaf{k}"]
            assert abs(((lx - sx) ** 2 + (ly - sy) ** 2) ** 0.5 - (LEAF_RING_PIXELS + 8)) < 0.2
    core = [positions[n] for n in ids if "leaf" not in n]
    xs, ys = [x for x, _ in core], [y for _, y in core]
    assert (max(xs) - min(xs)) * (max(ys) - min(ys)) > len(core) * CORE_EDGE_PIXELS**2 / 4  # spread, not piled
    assert compute_positions(ids, edges) == positions


def test_an_empty_graph_gives_an_empty_view():
    for view in ("auto", "full", "overview"):
        model = build_view(GraphStore(), view)
        assert (model.nodes, model.edges) == ([], [])


def test_ego_view_does_not_walk_through_the_meeting_or_the_committees_city(fixture_store):
    # 平遥县 → its speech → the meeting, and 平遥县 → 晋中市 (its parent, the committee's city): both
    # are reached but not walked through, else every speech of the meeting would be in the view
    ego = build_view(fixture_store, "ego", node="平遥县")
    labels = {n.label for n in ego.nodes}
    assert {"深化“文旅+”融合 推动文旅产业提质升级", "王轩", "晋中市", "政协第五届晋中市委员会第三次会议"} <= labels
    assert [n.label for n in ego.nodes if n.type == "speech"] == ["深化“文旅+”融合 推动文旅产业提质升级"]
    assert "安运涛" not in labels and "梁宏" not in labels
    # the centre itself is walked from, hub or not: a meeting reaches its speeches
    meeting = build_view(fixture_store, "ego", node="政协第五届晋中市委员会第三次会议")
    assert sum(n.type == "speech" for n in meeting.nodes) == 3


def test_overview_keeps_a_speaker_who_has_only_a_role(fixture_store):
    # 市政协委员 岳丽: no unit, no party; her speech stands under her name, not dropped from the overview
    speech, person, p = ox.NamedNode(KGR + "speech/srole"), ox.NamedNode(KGR + "person/prole"), PREFIXES
    triples = [
        (speech, ox.NamedNode(p["rdf"] + "type"), ox.NamedNode(p["kg"] + "Speech")),
        (speech, ox.NamedNode(p["dcterms"] + "title"), ox.Literal("发展农村养老服务", language="zh")),
        (speech, ox.NamedNode(p["kg"] + "speaker"), person),
        (speech, ox.NamedNode(p["kg"] + "role"), ox.Literal("市政协委员", language="zh")),
        (speech, ox.NamedNode(p["dcterms"] + "subject"), ox.NamedNode(KGR + "sector/culture-tourism")),
        (person, ox.NamedNode(p["rdf"] + "type"), ox.NamedNode(p["foaf"] + "Person")),
        (person, ox.NamedNode(p["foaf"] + "name"), ox.Literal("岳丽", language="zh")),
    ]
    store = GraphStore.from_quads([*fixture_store.quads(), *(ox.Quad(*t) for t in triples)])
    overview = build_view(store, "overview")
    weight = {(overview.node(e.source).label, overview.node(e.target).label): e.weight for e in overview.edges}
    assert weight[("岳丽", "文化旅游")] == 1
    column = {n.type: n.x for n in overview.nodes}
    assert column["person"] == column["party"]  # in the column of the voices


def test_positions_do_not_depend_on_the_hash_seed_of_the_process():
    # a small component beside a large one: networkx iterates such a subgraph in set order, which
    # changes with PYTHONHASHSEED, and spring_layout's random start follows the node order
    import subprocess
    import sys

    script = (
        "from kg.view.layout import compute_positions\n"
        "big = [f'https://w3id.org/zxkg/id/node/big{i}' for i in range(30)]\n"
        "small = [f'https://w3id.org/zxkg/id/node/small{i}' for i in range(6)]\n"
        "edges = list(zip(big, big[1:])) + list(zip(small, small[1:] + small[:1]))\n"
        "print(sorted(compute_positions(big + small, edges).items()))\n")
    outputs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in (1, 2, 3)}
    assert len(outputs) == 1


def test_ego_view_walks_through_a_speech_however_many_places_it_names(fixture_store):
    speech = ox.NamedNode(KGR + "speech/s0472caea2614ea7a")  # 王轩's speech, about 文化旅游
    p = PREFIXES
    triples = []
    for i in range(20):
        region = ox.NamedNode(f"{KGR}region/a{i:016x}")
        triples += [(region, ox.NamedNode(p["rdf"] + "type"), ox.NamedNode(p["kg"] + "Region")),
                    (region, ox.NamedNode(p["rdfs"] + "label"), ox.Literal(f"景区{i}", language="zh")),
                    (speech, ox.NamedNode(p["dcterms"] + "spatial"), region)]
    store = GraphStore.from_quads([*fixture_store.quads(), *(ox.Quad(*t) for t in triples)])
    labels = {n.label for n in build_view(store, "ego", node="王轩").nodes}
    assert {"文化旅游", "景区0", "景区19"} <= labels


def test_a_speech_warnings_are_in_its_tooltip_and_warning_concepts_are_no_sectors(full):
    speech = by_label(full, "推进太原晋中一体化 共建现代化交通网络")
    assert speech.tooltip.split("\n")[-1] == "待核对：界别领域依据不足"
    assert "界别领域依据不足" not in {n.label for n in full.nodes}
    assert all("待核对" not in n.tooltip for n in full.nodes if n.id != speech.id)


def test_an_untitled_speech_is_labelled_by_its_speaker(fixture_store):
    p = PREFIXES
    speech = ox.NamedNode(KGR + "speech/untitled")
    triples = [(speech, ox.NamedNode(p["rdf"] + "type"), ox.NamedNode(p["kg"] + "Speech")),
               (speech, ox.NamedNode(p["kg"] + "speaker"), ox.NamedNode(KGR + "person/p58f388cdb030bb57")),
               (speech, ox.NamedNode(p["dcterms"] + "subject"), ox.NamedNode(KGR + "sector/industry")),
               (speech, ox.NamedNode(p["kg"] + "hasIssue"), ox.NamedNode(KGR + "issue/s9ef1476fb98c7ca5-1"))]
    store = GraphStore.from_quads([*fixture_store.quads(), *(ox.Quad(*t) for t in triples)])
    view = build_view(store, "full")
    node = view.node(speech.value)
    assert node.label == "梁宏发言"
    assert node.tooltip.startswith("梁宏发言（无标题）")


def test_entities_repeated_in_every_document_graph_are_drawn_and_described_once(fixture_store, full):
    graph = ox.NamedNode("https://w3id.org/zxkg/id/doc/another")
    repeated = [ox.Quad(q.subject, q.predicate, q.object, graph) for q in fixture_store.quads()]
    view = build_view(GraphStore.from_quads([*fixture_store.quads(), *repeated]), "full")
    assert [(n.id, n.tooltip) for n in view.nodes] == [(n.id, n.tooltip) for n in full.nodes]
    assert len(view.edges) == len(full.edges)


def test_the_most_connected_parties_sectors_regions_and_meetings_are_key(full):
    from kg.view.model import KEY_NODES

    for kind, limit in KEY_NODES.items():
        of_kind = sorted((n for n in full.nodes if n.type == kind), key=lambda n: -n.weight)
        keys = [n for n in of_kind if n.key]
        assert len(keys) == min(limit, len(of_kind))
        assert all(k.weight >= n.weight for k in keys for n in of_kind if not n.key)
    assert not any(n.key for n in full.nodes if n.type in ("speech", "issue", "suggestion", "person"))
