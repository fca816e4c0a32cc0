"""The page as written: self-contained, UTF-8, with its legend, filters, search box and data."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.view import build_view, render_page, write_page
from kg.view.page import FONT_FAMILIES, page_data

FIXTURE = Path(__file__).parent / "fixture.ttl"


@pytest.fixture(scope="module")
def model(fixture_store):
    return build_view(fixture_store, "full")


@pytest.fixture(scope="module")
def html(model):
    return render_page(model)


def test_page_loads_nothing_from_the_internet(html):
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, flags=re.IGNORECASE)
    assert "<link" not in html.lower()  # no stylesheet, icon or preload links at all
    assert "@import" not in html
    assert "sourceMappingURL" not in html
    assert "bootstrap.min" not in html and "jsdelivr" not in html and "cdnjs" not in html


def test_page_inlines_vis_network_from_pyvis(html):
    import pyvis

    bundled = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    assert bundled.read_text(encoding="utf-8")[:2000] in html
    assert "new vis.Network(" in html


def test_page_is_utf8_with_chinese_labels(tmp_path, fixture_store):
    path = tmp_path / "graph.html"
    assert write_page(fixture_store, path) == "full"
    text = path.read_bytes().decode("utf-8")
    assert '<meta charset="utf-8">' in text
    assert "王轩" in text and "产品多而不优" in text
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]  # no temporary file left behind


def test_page_is_utf8_even_where_the_system_encoding_is_not(tmp_path):
    path = tmp_path / "graph.html"
    code = ("from kg.store import GraphStore; from kg.view import write_page; "
            f"write_page(GraphStore.from_file({str(FIXTURE)!r}), {str(path)!r})")
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": "ascii"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=Path(__file__).parents[2])
    assert "民革晋中市委" in path.read_bytes().decode("utf-8")


def test_page_has_legend_filters_and_search(html, model):
    for type_name in ("发言", "人物", "单位", "党派团体", "问题", "建议", "领域", "地区", "会议"):
        assert re.search(rf'<input type="checkbox" data-type="\w+" checked>\s*<svg[^>]*>.*?</svg>\s*'
                         rf"<span>{type_name}</span>", html, flags=re.DOTALL)
    for dimension in ("party", "sector", "region", "meeting"):
        assert f'<select id="kg-filter-{dimension}" data-dimension="{dimension}"' in html
    assert '<option value="民革">民革</option>' in html
    assert '<option value="平遥县">平遥县</option>' in html
    assert '<input id="kg-search" type="search"' in html and '<ol id="kg-hits">' in html


def test_page_names_font_families_that_cover_chinese(html):
    assert f"font-family: {FONT_FAMILIES};" in html
    assert "Noto Sans CJK SC" in FONT_FAMILIES and "Microsoft YaHei" in FONT_FAMILIES
    assert json.dumps(FONT_FAMILIES, ensure_ascii=False) in html  # the canvas labels' font face too


def test_page_carries_the_view_model_with_positions_and_physics_off(html, model):
    data = page_data(html)
    assert [n["id"] for n in data["nodes"]] == [n.id for n in model.nodes]
    first = data["nodes"][0]
    assert (first["x"], first["y"], first["color"], first["title"]) == (
        model.nodes[0].x, model.nodes[0].y, model.nodes[0].colour, model.nodes[0].tooltip)
    assert len(data["edges"]) == len(model.edges)
    assert '"physics": {"enabled": false}' in html


def test_long_labels_are_cut_on_the_canvas_but_searchable_whole(html):
    assert all("label" not in n for n in page_data(html)["nodes"])  # page.js draws the labels
    (speech,) = [n for n in page_data(html)["nodes"] if n["name"] == "推进太原晋中一体化 共建现代化交通网络"]
    assert speech["short"] == "推进太原晋中一体化 共建现代…"  # 14 characters, then the ellipsis


def test_cli_writes_the_page_and_says_which_view(tmp_path):
    out = tmp_path / "g.html"
    result = CliRunner().invoke(main, ["viz", "--graph", str(FIXTURE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"{out} (full view)\n"
    assert page_data(out.read_text(encoding="utf-8"))["nodes"]


def test_cli_ego_without_a_node_is_a_clean_error(tmp_path):
    result = CliRunner().invoke(main, ["viz", "--graph", str(FIXTURE), "--view", "ego", "-o", str(tmp_path / "e.html")])
    assert result.exit_code == 2
    assert "the ego view needs a node" in result.output


def test_cli_help_has_an_example():
    result = CliRunner().invoke(main, ["viz", "--help"])
    assert result.exit_code == 0 and "kg viz --view ego --node" in result.output


def test_cli_node_with_another_view_than_ego_is_a_clean_error(tmp_path):
    out = tmp_path / "f.html"
    result = CliRunner().invoke(main, ["viz", "--graph", str(FIXTURE), "--view", "full", "--node", "民革",
                                       "-o", str(out)])
    assert result.exit_code == 2
    assert "--node is for the ego view" in result.output and not out.exists()


@pytest.mark.parametrize("view", ["map", "trends"])
def test_cli_writes_the_map_and_the_trends_page(tmp_path, view):
    out = tmp_path / f"{view}.html"
    result = CliRunner().invoke(main, ["viz", "--graph", str(FIXTURE), "--view", view, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"{out} ({view} view)\n"
    html = out.read_text(encoding="utf-8")
    assert "晋中市" in html
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, flags=re.IGNORECASE)
