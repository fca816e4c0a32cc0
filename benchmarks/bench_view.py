"""How long until a page of N nodes is drawn and answers in Chromium (run on demand; not a test).

    .venv/bin/python benchmarks/bench_view.py                # 1,000, 5,000 and 10,000 nodes
    .venv/bin/python benchmarks/bench_view.py --sizes 3000   # other sizes
    .venv/bin/python benchmarks/bench_view.py --sizes 1000 10000 --png docs   # and photograph them at fit

For each size: a synthetic graph in the shape of docs/model.md (benchmarks/synthetic_graph.py), the
time to build the full view (SPARQL + layout) and to write the page, the page's size, then in
headless Chromium with the network off: the time from navigation to the first drawing of the
network, one full redraw (what a pan or zoom costs), a filter change (select a party: hide, lay
out again what is left, fit), the labels drawn at fit, and whether any two of them overlap.
With --png, a 1400×900 photograph at fit goes to DIR/bench-<nodes>.png.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic_graph import synthetic_store  # noqa: E402

from kg.view import build_view, render_page  # noqa: E402
from kg.view.browser import open_page  # noqa: E402

FILTER_TIMING = """() => {
    const select = document.querySelector('#kg-filter-party');
    const t = performance.now();
    select.value = select.options[1].value;
    select.dispatchEvent(new Event('change'));
    kgView.network.redraw();
    return performance.now() - t;
}"""


OVERLAPS = """() => { const b = kgView.labels(); let n = 0;
  for (let i = 0; i < b.length; i++) for (let j = 0; j < i; j++) {
    const p = b[i], q = b[j];
    if (p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h) n++;
  }
  return n; }"""


def measure(n_nodes: int, workdir: Path, png_dir: Path | None = None) -> dict[str, float]:
    store = synthetic_store(n_nodes)
    started = time.perf_counter()
    model = build_view(store, "full")
    built = time.perf_counter()
    html = render_page(model)
    path = workdir / f"graph-{n_nodes}.html"
    path.write_text(html, encoding="utf-8")
    written = time.perf_counter()
    opened = time.perf_counter()
    with open_page(path) as (page, report):
        ready = time.perf_counter()
        labels = page.evaluate("kgView.labels().length")
        overlaps = page.evaluate(OVERLAPS)
        if png_dir:
            page.screenshot(path=str(png_dir / f"bench-{n_nodes // 1000}k.png"))
        filter_ms = page.evaluate(FILTER_TIMING)
    if report.nodes_drawn != len(model.nodes) or report.console_errors or report.failed_requests:
        raise SystemExit(f"{n_nodes}: page is wrong: {report}")
    return {
        "nodes": len(model.nodes),
        "edges": len(model.edges),
        "view_s": built - started,
        "page_s": written - built,
        "page_mb": len(html.encode("utf-8")) / 1e6,
        "drawn_ms": report.drawn_after_ms,
        "redraw_ms": report.redraw_ms,
        "filter_ms": filter_ms,
        "labels": labels,
        "overlaps": overlaps,
        "browser_s": ready - opened,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--png", type=Path, default=None, help="folder for a photograph of each page at fit")
    args = parser.parse_args()
    columns = ("nodes", "edges", "view_s", "page_s", "page_mb", "drawn_ms", "redraw_ms", "filter_ms", "labels",
               "overlaps", "browser_s")
    print(" | ".join(columns))
    with tempfile.TemporaryDirectory() as workdir:
        for size in args.sizes:
            row = measure(size, Path(workdir), args.png)
            whole = ("nodes", "edges", "labels", "overlaps")
            print(" | ".join(f"{row[c]:.0f}" if c in whole or c.endswith("_ms") else f"{row[c]:.2f}"
                             for c in columns), flush=True)
    print("view_s: SPARQL + layout; page_s: render + write; drawn_ms: navigation to first drawing;\n"
          "redraw_ms: one full redraw (a pan or zoom); filter_ms: pick a party, lay out, fit and redraw;\n"
          "labels: drawn at fit; overlaps: pairs of labels that overlap;\n"
          "browser_s: launching Chromium, loading and drawing, as seen from Python")


if __name__ == "__main__":
    main()
