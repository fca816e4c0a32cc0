"""Photograph every view of a graph at 1400×900 in headless Chromium, offline, for docs/ (run by hand).

    .venv/bin/kg build data tests/data/digests -o /tmp/b22 --no-page
    .venv/bin/python scripts/screenshots.py /tmp/b22/graph.ttl docs

Writes view-full.png (at fit), view-filtered.png (a region filter: what is left, laid out again),
view-selected.png (a sector clicked: its neighbourhood lit, the rest dimmed), view-search.png
(a search and its list of hits), view-ego.png (民革 and what is two steps from it), view-overview.png,
view-map.png, view-trends.png and report.png (the report's first screen). Each page is checked as it
is photographed: no console error, no request leaving the machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from kg.io import atomic_write_bytes
from kg.store import GraphStore
from kg.view.browser import open_page
from kg.view.page import write_page
from kg.view.report import build_report

EGO_CENTRE = "民革"
# (png, view, what to do on the page before the photograph)
SHOTS = [
    ("view-full.png", "full", None),
    ("view-filtered.png", "full", """() => { const s = document.querySelector('#kg-filter-region');
        s.value = [...s.options].map(o => o.value).sort((a, b) =>
          KG_NODES.filter(n => n.region.includes(b)).length - KG_NODES.filter(n => n.region.includes(a)).length)[0];
        s.dispatchEvent(new Event('change')); }"""),
    ("view-selected.png", "full", """() => kgView.select(KG_NODES.filter(n => n.type === 'sector')
        .sort((a, b) => b.w - a.w)[3].id)"""),
    ("view-search.png", "full", """() => { document.querySelector('#kg-search').value = '养老'; kgView.search(); }"""),
    ("view-ego.png", "ego", None),
    ("view-overview.png", "overview", None),
    ("view-map.png", "map", None),
    ("view-trends.png", "trends", None),
]


def photograph(html: Path, png: Path, action: str | None, ready: str = "window.kgReady === true") -> None:
    with open_page(html, ready) as (page, report):
        if action:
            page.evaluate(action)
        page.wait_for_timeout(400)
        atomic_write_bytes(png, page.screenshot())
    if report.console_errors or report.failed_requests:
        sys.exit(f"{html}: {report.console_errors} {report.failed_requests}")
    print(f"{png} ({report.nodes_drawn} nodes drawn)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("graph", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    store = GraphStore.from_file(args.graph)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pages: dict[str, Path] = {}
        for png, view, action in SHOTS:
            if view not in pages:
                pages[view] = Path(tmp) / f"{view}.html"
                write_page(store, pages[view], view=view, node=EGO_CENTRE if view == "ego" else None)
            photograph(pages[view], args.out / png, action)
        report = Path(tmp) / "report.html"
        build_report(store, report)
        photograph(report, args.out / "report.png", None, ready="document.readyState === 'complete'")


if __name__ == "__main__":
    main()
