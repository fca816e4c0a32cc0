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
from kg.store import GraphStore
from kg.view.report import build_report, chart, find_cjk_font, over_time, render_html, speech_list, summarise, top_items
from kg.view.stats import Matrix, compute

FIXTURE = Path(__file__).parents[1] / "data" / "query_fixture.ttl"


@pytest.fixture(scope="module")
def store():
    return GraphStore.from_file(FIXTURE)


def test_report_is_self_contained_with_charts_and_linked_items(store, tmp_path):
    out = tmp_path / "report.html"
    build_report(store, out)
    page = out.read_text(encoding="utf-8")
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', page)
    assert len(images) == 3  # party × sector, region × sector, sectors over the years
    assert all(base64.b64decode(i).startswith(b"\x89PNG\r\n\x1a\n") for i in images)
    assert not re.search(r'(src|href)="(https?:)?//', page)  # nothing fetched from elsewhere
    links = set(re.findall(r'href="#([^"]+)"', page))
    ids = set(re.findall(r'id="([^"]+)"', page))
    assert links and links <= ids  # every problem and suggestion links to its speech
    assert "党派 × 领域" in page and "人才短缺" in page and "建设互助幸福院" in page


def test_top_items_are_ranked_by_how_many_speeches_raise_them(store):
    culture = top_items(store)["文化旅游"]
    # 人才短缺 is raised by both speeches about 文化旅游 (2023 and 2024); the rest by one each
    assert [(g.label, g.count) for g in culture["problem"]] == [
        ("人才短缺", 2), ("数据共享不足", 1), ("文旅产品同质化", 1)]
    assert len(top_items(store, limit=1)["文化旅游"]["suggestion"]) == 1


def test_the_report_opens_with_its_contents_and_summary_and_ends_with_the_appendix(store, tmp_path):
    out = tmp_path / "report.html"
    build_report(store, out)
    page = out.read_text(encoding="utf-8")
    order = [page.index(f'id="{key}"') for key in ("toc", "summary", "party-sector", "region-sector",
                                                   "over-time", "sectors", "speeches", "appendix")]
    assert order == sorted(order)
    assert page.index('id="summary"') < page.index("<img")
    summary = page[page.index('id="summary"'):page.index('id="party-sector"')]
    assert "<b>2</b> 次会议（2023–2024 年）" in summary and "<b>5</b> 篇发言" in summary
    assert "<td>民革</td><td>2</td>" in summary  # top parties with their speeches
    assert "<td>人才短缺</td><td>3</td>" in summary  # the most recurring problem, in three speeches
    assert "kg:Speech" not in page[:page.index('id="appendix"')]  # class statistics only in the appendix
    toc = page[page.index('id="toc"'):page.index('id="summary"')]
    assert set(re.findall(r'href="#([^"]+)"', toc)) <= set(re.findall(r'id="([^"]+)"', page))


def test_speeches_show_labels_not_iris_and_no_byline_bullets(tmp_path):
    extra = """
<https://w3id.org/zxkg/id/speech/se93b9e611666ea08> <https://w3id.org/zxkg/ontology#byline> "◎民革晋中市委 安运涛"@zh .
<https://w3id.org/zxkg/id/speech/untitled> a <https://w3id.org/zxkg/ontology#Speech> ;
    <https://w3id.org/zxkg/ontology#byline> "□九三学社晋中市委 梁宏"@zh ;
    <https://w3id.org/zxkg/ontology#speaker> <https://w3id.org/zxkg/id/person/pliang> ;
    <https://w3id.org/zxkg/ontology#warning> <https://w3id.org/zxkg/id/warning/no-title> .
<https://w3id.org/zxkg/id/person/pliang> <http://xmlns.com/foaf/0.1/name> "梁宏"@zh .
<https://w3id.org/zxkg/id/warning/no-title> <http://www.w3.org/2004/02/skos/core#prefLabel> "未给出发言题目"@zh .
"""
    graph = tmp_path / "graph.ttl"
    graph.write_text(FIXTURE.read_text(encoding="utf-8") + extra, encoding="utf-8")
    store = GraphStore.from_file(graph)
    listed = {s["speech"].rsplit("/", 1)[1]: s for s in speech_list(store)}
    assert listed["untitled"]["label"] == "梁宏发言"
    assert listed["untitled"]["warnings"] == ["未给出发言题目"]
    assert listed["se93b9e611666ea08"]["label"] == "《推动太原晋中一体化发展》"
    out = tmp_path / "report.html"
    build_report(store, out)
    page = out.read_text(encoding="utf-8")
    speeches = page[page.index('id="speeches"'):page.index('id="appendix"')]
    assert not re.search("[◎□■▲]", page)
    assert "https://w3id.org" not in re.sub(r'(id|href)="[^"]*"', "", speeches)
    assert "<b>梁宏发言</b> 九三学社晋中市委 梁宏" in speeches and "待核对：未给出发言题目" in speeches


def test_over_time_counts_sectors_per_year_with_each_years_speeches(store):
    trend = over_time(store)
    assert trend.columns == ["2023（2 篇）", "2024（3 篇）"]
    assert trend.counts[trend.rows.index("文化旅游")] == [1, 1]


def test_warnings_are_shown_in_the_page(store):
    page = render_html(summarise(store), compute(store), {}, [], {}, ["no CJK font found"])
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
    assert "景区停车难" in [g.label for g in top_items(store, limit=10)["文化旅游"]["problem"]]
    out = tmp_path / "report.html"
    build_report(store, out)
    page = out.read_text(encoding="utf-8")
    assert 'id="speech-sx"' in page and "无会议的发言" in page


def test_two_places_of_one_name_are_two_rows_of_the_summary(tmp_path):
    graph = tmp_path / "graph.ttl"
    same_name = FIXTURE.parent / "same_name_regions.ttl"
    graph.write_text(FIXTURE.read_text(encoding="utf-8") + same_name.read_text(encoding="utf-8"), encoding="utf-8")
    top = dict(summarise(GraphStore.from_file(graph), rows=20).top["region"])
    # each was named by one speech: not one 鼓楼区 of two speeches
    assert top["鼓楼区（350102）"] == top["鼓楼区（320106）"] == 1 and "鼓楼区" not in top
