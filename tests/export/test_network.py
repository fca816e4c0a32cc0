"""GraphML and GEXF for Gephi: the entity network with its attributes, opened with networkx and igraph.

The graph is the query fixture (five speeches of 2023 and 2024, worked out by hand in
tests/test_query.py) with two untitled news speeches; provenance comes from the record fixture.
"""

from __future__ import annotations

from pathlib import Path

import igraph
import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from fixtures_records import fixture_document

from kg.cli import main
from kg.export.formats import NetworkOptions, export
from kg.graph import build_dataset, to_quads

DATA = Path(__file__).parents[1] / "data"
ENTITY_TYPES = {"speech", "person", "unit", "party", "sector", "region", "meeting"}
SPEECH = "https://w3id.org/zxkg/id/speech/"


@pytest.fixture(scope="module")
def quads() -> list[ox.Quad]:
    text = "".join((DATA / name).read_text(encoding="utf-8") for name in ("query_fixture.ttl", "untitled_speech.ttl"))
    return list(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.TURTLE))


@pytest.fixture(scope="module")
def files(quads, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("gephi")
    out = {}
    for fmt in ("graphml", "gexf"):
        (out[fmt],) = export(quads, fmt, folder / f"graph.{fmt}")
    return out


@pytest.mark.parametrize(("fmt", "read"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_networkx_reads_entity_nodes_with_their_attributes(files, fmt, read):
    graph = read(files[fmt])
    types = {data["type"] for _, data in graph.nodes(data=True)}
    assert types == ENTITY_TYPES, "no problems, suggestions, mentions or text spans by default"
    nodes = dict(graph.nodes(data=True))
    s3 = nodes[SPEECH + "sf48d66647e4a5105"]  # 安运涛 for 民革, 2024: digital economy and culture-tourism, 晋中市
    assert s3["label"] == "推进数字经济与文旅融合" and s3["party"] == "民革" and int(s3["year"]) == 2024
    assert set(s3["sectors"].split("|")) == {"数字经济", "文化旅游"} and s3["regions"] == "晋中市"
    assert s3["meeting"] == "政协第五届晋中市委员会第三次会议"
    # a person carries the speeches' values: 安运涛 spoke in 2023 and 2024, his first year is 2023
    person = next(d for d in nodes.values() if d["label"] == "安运涛")
    assert person["type"] == "person" and int(person["year"]) == 2023 and person["party"] == "民革"
    assert set(person["meeting"].split("|")) == {"政协第五届晋中市委员会第二次会议", "政协第五届晋中市委员会第三次会议"}
    # untitled news speeches are labelled by speaker, or unit
    labels = {d["label"] for d in nodes.values() if d["type"] == "speech"}
    assert {"王轩发言", "九三学社晋中市委发言"} <= labels and len(labels) == 7
    assert all(int(d["degree"]) == graph.degree(n) for n, d in nodes.items())
    speech_colours = {d["colour"] for d in nodes.values() if d["type"] == "speech"}
    party_colours = {d["colour"] for d in nodes.values() if d["type"] == "party"}
    assert len(speech_colours) == 1 and speech_colours != party_colours
    xs = {float(d["x"]) for d in nodes.values()}
    assert len(xs) > len(nodes) // 2, "positions come from a layout, not one point"
    for data in nodes.values():  # every node has every attribute (empty text when its speeches have none)
        assert {"label", "type", "party", "sectors", "regions", "meeting", "degree", "colour", "x", "y"} <= set(data)
    # 民盟 gives no speech and the unused sector 金融 is not drawn
    assert not {"民盟", "金融"} & {d["label"] for d in nodes.values()}


def test_gexf_viz_holds_colour_position_and_size(files):
    graph = nx.read_gexf(files["gexf"])
    for _, data in graph.nodes(data=True):
        viz = data["viz"]
        assert f"#{viz['color']['r']:02x}{viz['color']['g']:02x}{viz['color']['b']:02x}" == data["colour"]
        assert (viz["position"]["x"], viz["position"]["y"]) == (data["x"], data["y"])
        assert viz["size"] > 0


def test_igraph_reads_the_graphml_with_typed_attributes(files):
    graph = igraph.Graph.Read_GraphML(str(files["graphml"]))
    assert graph.is_directed()
    attributes = set(graph.vs.attributes())
    assert {"label", "type", "party", "sectors", "regions", "year", "meeting", "degree", "colour", "x", "y",
            "r", "g", "b", "size"} <= attributes
    assert graph.vs.find(label="推进数字经济与文旅融合")["year"] == 2024.0
    assert [int(d) for d in graph.vs["degree"]] == graph.degree()
    assert {"kg:hasMember", "dcterms:subject|kg:primarySector"} <= set(graph.es["property"])


def test_problems_suggestions_and_provenance_are_opt_in(tmp_path):
    quads = to_quads(build_dataset([fixture_document()]))
    plain, content, everything = (tmp_path / f"{n}.gexf" for n in ("plain", "content", "all"))
    export(quads, "gexf", plain)
    export(quads, "gexf", content, NetworkOptions(content=True))
    export(quads, "gexf", everything, NetworkOptions(content=True, provenance=True))

    def types(path):
        return {d["type"] for _, d in nx.read_gexf(path).nodes(data=True)}

    assert types(plain) == ENTITY_TYPES
    assert types(content) == ENTITY_TYPES | {"problem", "suggestion"}
    assert types(everything) == ENTITY_TYPES | {"problem", "suggestion", "document", "mention", "span"}


def test_gexf_is_identical_on_rerun_and_carries_no_date(quads, tmp_path):
    first, second = tmp_path / "a.gexf", tmp_path / "b.gexf"
    export(quads, "gexf", first)
    export(list(reversed(quads)), "gexf", second)
    assert first.read_bytes() == second.read_bytes()
    assert b"lastmodifieddate" not in first.read_bytes()


def test_cli_flags(tmp_path):
    graph = tmp_path / "graph.ttl"
    graph.write_bytes((DATA / "query_fixture.ttl").read_bytes())
    out = CliRunner().invoke(main, ["export", "--graph", str(graph), "-o", str(tmp_path / "g.graphml"), "--content"])
    assert out.exit_code == 0, out.output
    types = {d["type"] for _, d in nx.read_graphml(tmp_path / "g.graphml").nodes(data=True)}
    assert {"problem", "suggestion"} <= types
