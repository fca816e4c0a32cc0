"""A self-contained HTML report: the statistics tables, a chart per matrix (PNG embedded as
base64), and the top problems and suggestions per sector, each linked to its speech.

Chinese labels need a CJK font: one is looked up through matplotlib's font manager (Noto Sans CJK,
WenQuanYi, Source Han …; CI installs Debian's fonts-noto-cjk). Without one the report is still
written, the charts show boxes for Chinese, and ``build_report`` says so in its warnings.
"""

from __future__ import annotations

import base64
import html
import io
from collections import defaultdict
from pathlib import Path

from kg.io import atomic_write_text
from kg.query import run
from kg.stats import Matrix, Stats, compute, tables
from kg.store import GraphStore

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
             "WenQuanYi Micro Hei", "Noto Sans CJK JP", "Noto Sans CJK TC", "Source Han Sans CN",
             "Droid Sans Fallback", "SimHei", "Microsoft YaHei", "PingFang SC")
_CJK_FILES = ("notosanscjk", "notoserifcjk", "wqy", "sourcehansans", "droidsansfallback")
TOP_ITEMS = 5  # problems and suggestions shown per sector
CHART_ROWS = 30  # rows drawn in a chart (the busiest); the table above it has them all

_ITEMS = """
SELECT ?sectorLabel ?kind ?text ?speech ?title ?year ?speechOrder ?itemOrder ?primary WHERE {
  ?speech a kg:Speech ; dcterms:subject ?sector ; dcterms:title ?title .
  ?sector skos:prefLabel ?sectorLabel . FILTER(LANG(?sectorLabel) = "zh")
  { ?speech kg:hasIssue ?item . BIND("problem" AS ?kind) }
  UNION { ?speech kg:hasSuggestion ?item . BIND("suggestion" AS ?kind) }
  ?item rdf:value ?text .
  OPTIONAL { ?item kg:order ?itemOrder }
  OPTIONAL { ?speech kg:order ?speechOrder }
  OPTIONAL { ?speech kg:meeting/dcterms:date ?year }
  BIND(EXISTS { ?speech kg:primarySector ?sector } AS ?primary)
}
"""
_SPEECHES = """
SELECT ?speech ?title ?byline ?meetingLabel ?year WHERE {
  ?speech a kg:Speech ; dcterms:title ?title .
  OPTIONAL { ?speech kg:meeting ?meeting . ?meeting rdfs:label ?meetingLabel .
             OPTIONAL { ?meeting dcterms:date ?year } }
  OPTIONAL { ?speech kg:byline ?byline }
  OPTIONAL { ?speech kg:order ?order }
} ORDER BY ?year ?meetingLabel ?order ?title
"""


def find_cjk_font() -> str | None:
    """The family name of an installed CJK font matplotlib can use, or None."""
    from matplotlib import font_manager

    def known() -> str | None:
        names = {f.name for f in font_manager.fontManager.ttflist}
        return next((n for n in CJK_FONTS if n in names), None)

    found = known()
    if found is None:  # installed after matplotlib cached its font list: add the files
        for path in font_manager.findSystemFonts():
            if any(key in Path(path).name.lower().replace("-", "") for key in _CJK_FILES):
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    continue
        found = known()
    return found


def chart(m: Matrix, font: str | None) -> bytes:
    """A heat map of a matrix as PNG bytes."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    rc = {"font.family": [font, "DejaVu Sans"] if font else ["DejaVu Sans"], "axes.unicode_minus": False}
    with plt.rc_context(rc):
        if len(m.rows) > CHART_ROWS:
            m = Matrix(f"{m.title}, top {CHART_ROWS}", m.rows[:CHART_ROWS], m.columns, m.counts[:CHART_ROWS])
        size = (max(4.0, 1.0 + 0.75 * len(m.columns)), max(2.5, 1.2 + 0.45 * len(m.rows)))
        fig, ax = plt.subplots(figsize=size)
        try:
            ax.imshow(m.counts or [[0]], cmap="Blues", aspect="auto", vmin=0)
            ax.set_xticks(range(len(m.columns)), m.columns, rotation=45, ha="right")
            ax.set_yticks(range(len(m.rows)), m.rows)
            peak = max((max(r) for r in m.counts), default=0)
            for i, row in enumerate(m.counts):
                for j, n in enumerate(row):
                    if n:
                        color = "white" if n > peak / 2 else "black"
                        ax.text(j, i, str(n), ha="center", va="center", color=color)
            ax.set_title(m.title)
            fig.tight_layout()
            buf = io.BytesIO()
            fig.savefig(buf, format="png", dpi=110)
        finally:
            plt.close(fig)
    return buf.getvalue()


def top_items(store: GraphStore, limit: int = TOP_ITEMS) -> dict[str, dict[str, list[dict]]]:
    """sector → {"problem": [...], "suggestion": [...]}: items of speeches whose main sector it is
    first; among those, the first item of each speech before the second ones, newest meeting first."""
    grouped: dict[str, dict[str, list]] = defaultdict(lambda: {"problem": [], "suggestion": []})
    for r in run(store, _ITEMS).records():
        grouped[r["sectorLabel"]][r["kind"]].append(r)

    def rank(r: dict) -> tuple:
        return (r["primary"] != "true", int(r["itemOrder"] or 0), -int(r["year"] or 0),
                int(r["speechOrder"] or 0), r["text"])

    return {sector: {kind: sorted(items, key=rank)[:limit] for kind, items in kinds.items()}
            for sector, kinds in sorted(grouped.items())}


def _anchor(iri: str) -> str:
    return "speech-" + iri.rstrip("/").rsplit("/", 1)[-1]


def _table(title: str, header: list, rows: list) -> str:
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<h3>{html.escape(title)}</h3>\n<table><tr>{head}</tr>{body}</table>\n"


def render_html(stats: Stats, items: dict, speeches: list[dict], charts: list[bytes],
                warnings: list[str]) -> str:
    parts = [f'<p class="warn">{html.escape(w)}</p>' for w in warnings]
    parts.append("<h2>统计 Statistics</h2>")
    parts += [_table(*t) for t in tables(stats)]
    parts.append("<h2>图表 Charts</h2>")
    for m, png in zip(stats.matrices, charts, strict=True):
        data = base64.b64encode(png).decode("ascii")
        parts.append(f'<figure><img alt="{html.escape(m.title)}" src="data:image/png;base64,{data}">'
                     f"<figcaption>{html.escape(m.title)}</figcaption></figure>")
    parts.append("<h2>各领域的主要问题与建议 Top problems and suggestions per sector</h2>")
    for sector, kinds in items.items():
        parts.append(f"<h3>{html.escape(sector)}</h3>")
        for kind, heading in (("problem", "问题 Problems"), ("suggestion", "建议 Suggestions")):
            entries = "".join(f'<li>{html.escape(r["text"])} <a href="#{_anchor(r["speech"])}">'
                              f'《{html.escape(r["title"])}》</a></li>' for r in kinds[kind])
            parts.append(f"<h4>{heading}</h4><ol>{entries}</ol>" if entries else "")
    parts.append("<h2>发言 Speeches</h2><ul>")
    for s in speeches:
        parts.append(f'<li id="{_anchor(s["speech"])}"><b>{html.escape(s["title"])}</b> '
                     f'{html.escape(s["byline"] or "")} · {html.escape(s["meetingLabel"] or "")} '
                     f'{html.escape(s["year"] or "")}'
                     f' <small>{html.escape(s["speech"])}</small></li>')
    parts.append("</ul>")
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>kg 报告 report</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; margin: 2rem; color: #222; }}
table {{ border-collapse: collapse; margin-bottom: 1rem; }}
th, td {{ border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; }} th {{ background: #eee; }}
figure img {{ max-width: 100%; }} .warn {{ color: #a51d2d; font-weight: bold; }} small {{ color: #777; }}
</style></head>
<body><h1>政协大会发言知识图谱报告 · Knowledge graph report</h1>
{"".join(parts)}
</body></html>
"""


def build_report(store: GraphStore, output: str | Path) -> list[str]:
    """Write the report to ``output``; returns warnings (such as a missing CJK font)."""
    warnings = []
    font = find_cjk_font()
    if font is None:
        warnings.append("no CJK font found (install fonts-noto-cjk): Chinese in the charts shows as boxes")
    stats = compute(store)
    charts = [chart(m, font) for m in stats.matrices]
    speeches = run(store, _SPEECHES).records()
    atomic_write_text(Path(output), render_html(stats, top_items(store), speeches, charts, warnings))
    return warnings
