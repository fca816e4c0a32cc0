"""The over-time page: sectors × years heat map and two meetings compared, in a real Chromium too."""

import re

import pytest
from needs_browser import require_browser

from kg.view.browser import open_page
from kg.view.trends import default_pair, read_meetings, render_trends, short_meeting, write_trends


@pytest.fixture(scope="module")
def meetings(two_meetings_store):
    return read_meetings(two_meetings_store)


def test_meetings_carry_their_sectors_places_and_problems(meetings):
    assert [(m.year, m.label, len(m.speeches)) for m in meetings] == [
        ("2023", "政协第五届晋中市委员会第二次会议", 2), ("2024", "政协第五届晋中市委员会第三次会议", 3)]
    earlier, later = meetings
    assert earlier.sectors["文化旅游"] == 1 and later.sectors["文化旅游"] == 1
    assert "人才短缺" in earlier.problems and "人才短缺" in later.problems


def test_the_default_pair_is_two_sessions_of_one_committee(meetings):
    assert default_pair(meetings) == (0, 1)
    assert short_meeting("政协第五届晋中市委员会第三次会议") == "第五届晋中市第三次"


def test_the_page_has_a_heat_map_per_year_and_per_meeting(two_meetings_store, meetings):
    page, shown = render_trends(two_meetings_store)
    assert shown["heat_maps"] == ["领域 × 年份", "领域 × 会议"]
    sectors = {s for m in meetings for s in m.sectors}
    table = page[page.index('data-title="领域 × 年份"'):page.index("</table>")]
    assert len(re.findall(r'<th class="row">', table)) == len(sectors) + 1  # the heading row too
    assert "2023（2 篇）" in table and "2024（3 篇）" in table
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)


def test_the_comparison_in_the_browser_matches_the_meetings(two_meetings_store, meetings, tmp_path):
    require_browser()
    path = tmp_path / "trends.html"
    write_trends(two_meetings_store, path)
    earlier, later = meetings
    with open_page(path) as (page, report):
        assert report.console_errors == [] and report.failed_requests == []
        found = page.evaluate("window.kgComparison")
        for kind in ("sectors", "places"):
            before, after = getattr(earlier, kind), getattr(later, kind)
            assert found[kind] == [len(set(after) - set(before)), len(set(after) & set(before)),
                                   len(set(before) - set(after))]
        assert ["人才短缺", "人才短缺"] in found["recurring"]
        assert "人才短缺" not in found["fresh"]
        page.select_option("#kg-second", "0")  # a meeting against itself: everything recurs
        again = page.evaluate("window.kgComparison")
        assert again["sectors"][0] == again["sectors"][2] == 0 and again["fresh"] == []


def test_the_meetings_heat_map_keeps_the_latest_meetings(two_meetings_store, monkeypatch):
    import kg.view.trends as trends

    monkeypatch.setattr(trends, "MEETING_COLUMNS", 1)
    page, shown = render_trends(two_meetings_store)
    assert shown["heat_maps"] == ["领域 × 年份", "领域 × 会议（最近 1 次）"]
    table = page[page.index('data-title="领域 × 会议（最近 1 次）"'):]
    assert "第五届晋中市第三次" in table and "第五届晋中市第二次" not in table.split("</table>")[0]
