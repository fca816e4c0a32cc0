"""`kg report` on the hand-made fixture: a self-contained page, charts with Chinese drawn."""

from __future__ import annotations

import base64
import os
import re
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.report import build_report, chart, find_cjk_font, render_html, top_items
from kg.stats import Matrix, compute
from kg.store import GraphStore

FIXTURE = Path(__file__).parent / "data" / "query_fixture.ttl"


@pytest.fixture(scope="module")
def store():
    return GraphStore.from_file(FIXTURE)


def test_report_is_self_contained_with_charts_and_linked_items(store, tmp_path):
    out = tmp_path / "report.html"
    build_report(store, out)
    page = out.read_text(encoding="utf-8")
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', page)
    assert len(images) == 2
    assert all(base64.b64decode(i).startswith(b"\x89PNG\r\n\x1a\n") for i in images)
    assert not re.search(r'(src|href)="(https?:)?//', page)  # nothing fetched from elsewhere
    links = set(re.findall(r'href="#([^"]+)"', page))
    ids = set(re.findall(r'id="([^"]+)"', page))
    assert links and links <= ids  # every problem and suggestion links to its speech
    assert "党派 × 领域" in page and "人才短缺" in page and "建设互助幸福院" in page


def test_top_items_rank_the_main_sector_first(store):
    culture = top_items(store)["文化旅游"]
    # S2 (2023) has 文化旅游 as its main sector, S3 (2024) only as its second one
    problems = [r["text"] for r in culture["problem"]]
    assert problems == ["人才短缺", "文旅产品同质化", "人才短缺", "数据共享不足"]
    assert [r["title"] for r in culture["suggestion"]][0] == "深化文旅融合 推动平遥古城保护"
    assert top_items(store, limit=1)["文化旅游"]["problem"][0]["title"] == "深化文旅融合 推动平遥古城保护"


def test_warnings_are_shown_in_the_page(store):
    page = render_html(compute(store), {}, [], [b"", b""], ["no CJK font found"])
    assert '<p class="warn">no CJK font found</p>' in page


def test_chinese_labels_are_drawn_with_a_cjk_font():
    font = find_cjk_font()
    if font is None:
        assert not os.environ.get("CI"), "CI must install a CJK font (apt-get install fonts-noto-cjk)"
        pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk)")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = chart(Matrix("党派 × 领域", ["九三学社", "民革"], ["文化旅游"], [[1], [2]]), font)
    assert png.startswith(b"\x89PNG")
    assert not [w for w in caught if "missing from font" in str(w.message)]


def test_cli_report(tmp_path):
    out = tmp_path / "sub" / "report.html"
    result = CliRunner().invoke(main, ["report", "--graph", str(FIXTURE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.is_file() and "wrote" in result.output


def test_speeches_without_a_meeting_are_in_the_report(tmp_path):
    # a digest with no meeting line: its speech, problems and suggestions are reported all the same
    extra = """
<https://w3id.org/zxkg/id/speech/sx> a <https://w3id.org/zxkg/ontology#Speech> ;
    <http://purl.org/dc/terms/title> "无会议的发言"@zh ;
    <http://purl.org/dc/terms/subject> <https://w3id.org/zxkg/id/sector/culture-tourism> ;
    <https://w3id.org/zxkg/ontology#hasIssue> <https://w3id.org/zxkg/id/issue/sx-1> .
<https://w3id.org/zxkg/id/issue/sx-1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#value> "景区停车难"@zh .
"""
    graph = tmp_path / "graph.ttl"
    graph.write_text(FIXTURE.read_text(encoding="utf-8") + extra, encoding="utf-8")
    store = GraphStore.from_file(graph)
    assert "景区停车难" in [r["text"] for r in top_items(store, limit=10)["文化旅游"]["problem"]]
    out = tmp_path / "report.html"
    build_report(store, out)
    page = out.read_text(encoding="utf-8")
    assert 'id="speech-sx"' in page and "无会议的发言" in page
