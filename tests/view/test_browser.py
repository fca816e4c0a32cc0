"""The page in a real Chromium, headless with the network off: drawn, clean, filterable, searchable.

Skips where Chromium or playwright is missing, except under CI=true, where that is a failure
(CI installs them: apt-get install -y chromium fonts-noto-cjk; pip install -e '.[test]').
"""

import os
import random

import pytest
from PIL import Image

from kg.errors import KgError
from kg.view import ViewEdge, ViewModel, ViewNode, build_view, render_page
from kg.view.browser import BrowserUnavailable, find_chromium, inspect_page, open_page, screenshot
from kg.view.layout import compute_positions
from kg.view.model import NODE_STYLES
from kg.view.page import write_page


def _require_browser() -> None:
    try:
        find_chromium()
        import playwright.sync_api  # noqa: F401
    except (BrowserUnavailable, ImportError) as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs the browser: {exc}")
        pytest.skip(f"no browser here: {exc}")


@pytest.fixture(scope="module")
def fixture_page(fixture_store, tmp_path_factory):
    _require_browser()
    path = tmp_path_factory.mktemp("page") / "graph.html"
    write_page(fixture_store, path, view="full")
    return path, build_view(fixture_store, "full")


def test_page_draws_every_node_offline_without_errors(fixture_page, tmp_path):
    path, model = fixture_page
    png = tmp_path / "graph.png"
    report = screenshot(path, png)
    assert report.nodes_drawn == len(model.nodes)
    assert report.console_errors == []
    assert report.failed_requests == []
    image = Image.open(png).convert("RGB")
    assert image.size == (1600, 1000)
    network = image.crop((300, 0, 1600, 1000))  # right of the side panel
    colours = network.getcolors(maxcolors=1_000_000)
    inked = sum(count for count, rgb in colours if rgb != (255, 255, 255))
    assert inked > 0.01 * network.width * network.height  # not blank
    node_colours = {tuple(int(s.colour[i:i + 2], 16) for i in (1, 3, 5)) for s in NODE_STYLES.values()}
    assert len(node_colours & {rgb for _, rgb in colours}) >= 5  # the types' colours are on the canvas


def test_filters_hide_what_does_not_match(fixture_page):
    path, model = fixture_page
    with open_page(path) as (page, _):
        page.select_option("#kg-filter-party", "民革")
        assert page.evaluate("kgView.shownCount()") == sum("民革" in n.party for n in model.nodes)
        page.uncheck("#kg-legend input[data-type=suggestion]")
        expected = sum("民革" in n.party and n.type != "suggestion" for n in model.nodes)
        assert page.evaluate("kgView.shownCount()") == expected
        assert page.inner_text("#kg-stats").startswith(f"显示 {expected} / {len(model.nodes)}")
        shown = {n.id for n in model.nodes if "民革" in n.party and n.type != "suggestion"}
        edges = sum(e.source in shown and e.target in shown for e in model.edges)
        assert page.evaluate("kgView.shownEdges()") == edges < len(model.edges)
        assert f"{edges} / {len(model.edges)} 条边" in page.inner_text("#kg-stats")
        page.click("#kg-reset")
        assert page.evaluate("kgView.shownCount()") == len(model.nodes)


def test_search_focuses_the_node_and_shows_where_it_came_from(fixture_page):
    path, model = fixture_page
    (issue,) = [n for n in model.nodes if n.label == "产品多而不优"]
    with open_page(path) as (page, report):
        page.fill("#kg-search", "产品多而不优")
        page.press("#kg-search", "Enter")
        assert page.evaluate("kgView.network.getSelectedNodes()") == [issue.id]
        assert "已定位：产品多而不优（问题）" in page.inner_text("#kg-search-result")
        assert "原文：但与国际知名文化旅游目的地的定位相比" in page.inner_text("#kg-detail-text")
        assert report.console_errors == []


def test_tooltip_shows_on_hover(fixture_page):
    path, model = fixture_page
    (region,) = [n for n in model.nodes if n.label == "平遥县"]
    with open_page(path) as (page, _):
        box = page.locator("#kg-network").bounding_box()
        dom = page.evaluate(f"kgView.network.canvasToDOM(kgView.network.getPosition({region.id!r}))")
        page.mouse.move(box["x"] + dom["x"], box["y"] + dom["y"])
        tooltip = page.locator("div.vis-tooltip")
        tooltip.wait_for(state="visible", timeout=5000)
        assert tooltip.inner_text().split("\n") == ["平遥县", "行政区划代码：140728", "上级：晋中市"]


def test_a_large_page_is_drawn_with_every_node(tmp_path):
    _require_browser()
    rng = random.Random(3)
    hubs = [f"hub{i}" for i in range(30)]
    edges = [ViewEdge(f"n{i}", rng.choice(hubs), "领域") for i in range(2500)]
    ids = hubs + [f"n{i}" for i in range(2500)]
    positions = compute_positions(ids, [(e.source, e.target) for e in edges])
    style = NODE_STYLES["speech"]
    nodes = [ViewNode(i, f"节点{i}", "speech", style.colour, style.shape, 10.0, f"节点{i}", *positions[i])
             for i in ids]
    path = tmp_path / "large.html"
    path.write_text(render_page(ViewModel("full", nodes, edges)), encoding="utf-8")
    report = inspect_page(path)
    assert report.nodes_drawn == len(nodes)
    assert report.console_errors == [] and report.failed_requests == []


def test_text_from_the_digests_is_shown_as_text_never_as_markup(tmp_path):
    _require_browser()
    style = NODE_STYLES["speech"]
    markup = '<img src=x onerror="window.injected=1"><b>粗体</b>'
    node = ViewNode("kgr:s", "粗体标题", "speech", style.colour, style.shape, 20.0, markup, 0.0, 0.0)
    path = tmp_path / "markup.html"
    path.write_text(render_page(ViewModel("full", [node], [])), encoding="utf-8")
    with open_page(path) as (page, report):
        box = page.locator("#kg-network").bounding_box()
        dom = page.evaluate("kgView.network.canvasToDOM(kgView.network.getPosition('kgr:s'))")
        page.mouse.move(box["x"] + dom["x"], box["y"] + dom["y"])
        page.locator("div.vis-tooltip").wait_for(state="visible", timeout=5000)
        assert page.inner_text("div.vis-tooltip") == markup
        page.fill("#kg-search", "粗体")
        page.press("#kg-search", "Enter")
        assert page.inner_text("#kg-detail-text").startswith(markup)
        assert page.evaluate("window.injected") is None
        assert page.locator("img").count() == 0
        assert report.failed_requests == []


def test_screenshot_to_a_path_that_cannot_be_written_is_a_kg_error(fixture_page, tmp_path):
    path, _ = fixture_page
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(KgError, match="cannot write"):
        screenshot(path, blocker / "graph.png")
