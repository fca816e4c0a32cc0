"""The overview and the map in a real Chromium, headless and offline: drawn, labelled, filterable."""

import pytest
from needs_browser import require_browser
from PIL import Image
from test_browser import INSIDE, NO_OVERLAP

from kg.view import build_view
from kg.view.browser import open_page
from kg.view.page import write_page


@pytest.fixture(scope="module")
def pages(fixture_store, tmp_path_factory):
    require_browser()
    folder = tmp_path_factory.mktemp("views")
    found = {}
    for view in ("overview", "map"):
        write_page(fixture_store, folder / f"{view}.html", view=view)
        found[view] = (folder / f"{view}.html", build_view(fixture_store, view))
    return found


def test_the_map_shows_its_points_on_the_provinces(pages, tmp_path):
    path, model = pages["map"]
    with open_page(path) as (page, report):
        assert report.nodes_drawn == len(model.nodes) > 0
        assert report.console_errors == [] and report.failed_requests == []
        assert page.evaluate(INSIDE, [n.id for n in model.nodes])
        png = tmp_path / "map.png"
        page.screenshot(path=str(png))
    colours = {rgb for _, rgb in Image.open(png).convert("RGB").getcolors(maxcolors=1_000_000)}
    assert (0xF4, 0xF2, 0xEC) in colours  # the provinces' fill (page.js drawOutlines)
    assert (0x9C, 0x75, 0x5F) in colours  # the places' colour


def test_clicking_a_place_lists_its_speeches(pages):
    path, model = pages["map"]
    (city,) = [n for n in model.nodes if n.label == "晋中市"]
    with open_page(path) as (page, _):
        page.evaluate("(id) => kgView.select(id)", city.id)
        text = page.inner_text("#kg-detail-text")
        listed = text.split("发言：\n")[1].split("\n\n")[0].split("\n")
        assert sorted(listed) == sorted(city.items) and len(listed) == 2


def test_a_filter_keeps_places_where_they_are(pages):
    path, model = pages["map"]
    with open_page(path) as (page, _):
        before = {n.id: page.evaluate("(id) => kgView.position(id)", n.id) for n in model.nodes}
        page.select_option("#kg-filter-party", "九三学社")
        shown = [n.id for n in model.nodes if "九三学社" in n.party]
        assert page.evaluate("kgView.shownCount()") == len(shown) < len(model.nodes)
        assert all(page.evaluate("(id) => kgView.position(id)", i) == before[i] for i in shown)
        assert page.evaluate(INSIDE, shown)


def test_the_overview_labels_every_name_and_its_heaviest_flows(pages):
    path, model = pages["overview"]
    with open_page(path) as (page, report):
        assert report.nodes_drawn == len(model.nodes)
        assert report.console_errors == []
        assert {b["id"] for b in page.evaluate("kgView.labels()")} == {n.id for n in model.nodes}
        assert page.evaluate(NO_OVERLAP) is None
        written = page.evaluate("kgView.flows()")
        labelled = [str(e.weight) for e in model.edges if e.labelled]
        assert written and len(written) <= len(labelled) and set(written) <= set(labelled)  # some, where room
        page.select_option("#kg-filter-party", "民革")
        shown = [n.id for n in model.nodes if "民革" in n.party]
        columns = {n.id: n.x for n in model.nodes}
        assert all(page.evaluate("(id) => kgView.position(id)", i)[0] == columns[i] for i in shown)
        assert page.evaluate(INSIDE, shown)
