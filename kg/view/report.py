"""A self-contained HTML report that answers first: what was said, by whom, about which sectors and places.

It opens with a table of contents and a one-screen summary (meetings, speeches, the top parties,
sectors and places, the most recurring problems and suggestions, each with its count of speeches),
then the charts (party × sector, region × sector, sectors over the years or meetings; PNG embedded
as base64), the recurring problems and suggestions of each sector, ranked by how many speeches
raise them, and every speech by meeting. Graph statistics (classes, centrality, communities) come
last, in an appendix. Problems and suggestions that say the same thing in other words are counted
together (kg.view.similar).

Chinese labels need a CJK font: one is looked up through matplotlib's font manager (Noto Sans CJK,
WenQuanYi, Source Han …; CI installs Debian's fonts-noto-cjk). Without one the report is still
written, the charts show boxes for Chinese, and ``build_report`` says so in its warnings.
"""

from __future__ import annotations

import base64
import html
import io
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from kg.ask.query import run
from kg.io import atomic_write_text
from kg.store import GraphStore
from kg.view.queries import speech_labels
from kg.view.similar import TextGroup, group_texts
from kg.view.stats import Matrix, Stats, compute, tables

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
             "WenQuanYi Micro Hei", "Noto Sans CJK JP", "Noto Sans CJK TC", "Source Han Sans CN",
             "Droid Sans Fallback", "SimHei", "Microsoft YaHei", "PingFang SC")
_CJK_FILES = ("notosanscjk", "notoserifcjk", "wqy", "sourcehansans", "droidsansfallback")
SUMMARY_ROWS = 8  # rows of each table of the summary: it must fit one screen
TOP_ITEMS = 5  # problems and suggestions shown per sector
CHART_ROWS = 30  # rows drawn in a chart (the busiest); the table in the appendix has them all
BYLINE_MARKERS = re.compile(r"[◎□■▲△●○◆◇★☆※]\s*")  # the digests' bullets before a byline

_ITEMS = """
SELECT DISTINCT ?speech ?kind ?text ?sectorLabel WHERE {
  ?speech a kg:Speech .
  { ?speech kg:hasIssue ?item . BIND("problem" AS ?kind) }
  UNION { ?speech kg:hasSuggestion ?item . BIND("suggestion" AS ?kind) }
  ?item rdf:value ?text .
  OPTIONAL { ?speech dcterms:subject ?sector . ?sector skos:prefLabel ?sectorLabel FILTER(LANG(?sectorLabel) = "zh") }
}"""
# One name per meeting (the first in code-point order), as the named questions give it: a meeting
# that two pages name differently is one meeting of the summary and one heading of the speech list.
_MEETING_NAME = ("{ SELECT ?meeting (MIN(STR(?name)) AS ?meetingLabel) "
                 "WHERE { ?meeting a kg:Meeting ; rdfs:label ?name } GROUP BY ?meeting }")
_SPEECHES = """
SELECT DISTINCT ?speech ?byline ?meeting ?meetingLabel ?year ?order WHERE {
  ?speech a kg:Speech .
  OPTIONAL { ?speech kg:meeting ?meeting . OPTIONAL MEETING_NAME
             OPTIONAL { ?meeting dcterms:date ?year } }
  OPTIONAL { ?speech kg:byline ?byline }
  OPTIONAL { ?speech kg:order ?order }
}"""
_WARNINGS = """
SELECT DISTINCT ?speech ?label WHERE {
  ?speech kg:warning/skos:prefLabel ?label . FILTER(LANG(?label) = "zh")
}"""
_SPEECHES = _SPEECHES.replace("MEETING_NAME", _MEETING_NAME)
# by resource, not by label: two places of one name (鼓楼区 of 福州 and of 南京) are two rows
_COUNTS = """
SELECT ?thing ?label ?code (COUNT(DISTINCT ?speech) AS ?n) WHERE {{
  ?speech a kg:Speech ; {path} ?thing . ?thing {label} ?label . FILTER(LANG(?label) = "zh" || LANG(?label) = "")
  OPTIONAL {{ ?thing kg:adminCode ?code }}
}} GROUP BY ?thing ?label ?code ORDER BY DESC(?n) ?label ?thing
"""
# the parties and sectors the speeches name, as the build summary counts them
_NAMED = """
SELECT (COUNT(DISTINCT ?party) AS ?parties) (COUNT(DISTINCT ?sector) AS ?sectors) WHERE {
  ?speech a kg:Speech . { ?speech kg:party ?party } UNION { ?speech dcterms:subject ?sector }
}"""
# ?when: the year or the meeting of a speech; a speech without one is a column of its own (年份不详)
_OVER_TIME = """
SELECT ?sectorLabel ?when (COUNT(DISTINCT ?speech) AS ?n) WHERE {{
  ?speech a kg:Speech ; dcterms:subject ?sector .
  ?sector skos:prefLabel ?sectorLabel . FILTER(LANG(?sectorLabel) = "zh")
  OPTIONAL {{ {when} }}
}} GROUP BY ?sectorLabel ?when
"""
_SPEECHES_WHEN = """
SELECT ?when (COUNT(DISTINCT ?speech) AS ?n) WHERE {{ ?speech a kg:Speech . OPTIONAL {{ {when} }} }} GROUP BY ?when
"""
WHEN = (("?speech kg:meeting/dcterms:date ?when", "年份 year", "年份不详"),
        ("?speech kg:meeting ?meeting . " + _MEETING_NAME.replace("?meetingLabel", "?when"), "会议 meeting",
         "会议不详"))
COUNTED = {"party": ("kg:party", "skos:prefLabel"), "sector": ("dcterms:subject", "skos:prefLabel"),
           "region": ("dcterms:spatial", "rdfs:label")}


@dataclass
class Summary:
    meetings: list[dict]  # label, year, speeches
    speeches: int
    parties: int  # that speeches name
    sectors: int  # that speeches are about
    top: dict[str, list[tuple[str, int]]]  # party / sector / region -> (label, speeches)
    problems: list[TextGroup]
    suggestions: list[TextGroup]


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


def _items(store: GraphStore) -> list[dict]:
    return run(store, _ITEMS).records()


def summarise(store: GraphStore, items: list[dict] | None = None, rows: int = SUMMARY_ROWS) -> Summary:
    """The figures of the report's first screen."""
    items = _items(store) if items is None else items
    meetings: dict[str, dict] = {}
    speeches = set()
    for r in run(store, _SPEECHES).records():
        speeches.add(r["speech"])
        if r["meeting"]:
            m = meetings.setdefault(r["meeting"], {"label": r["meetingLabel"], "year": r["year"], "speeches": set()})
            m["speeches"].add(r["speech"])
    listed = sorted(({"label": m["label"], "year": m["year"] or "", "speeches": len(m["speeches"])}
                     for m in meetings.values()), key=lambda m: (m["year"], m["label"]))
    top = {kind: _top(run(store, _COUNTS.format(path=p, label=lab)).records())[:rows]
           for kind, (p, lab) in COUNTED.items()}
    (named,) = run(store, _NAMED).records()
    grouped = {kind: group_texts([(r["text"], r["speech"]) for r in items if r["kind"] == kind])
               for kind in ("problem", "suggestion")}
    recurring = {kind: [g for g in groups if g.count > 1][:rows] for kind, groups in grouped.items()}
    return Summary(listed, len(speeches), int(named["parties"]), int(named["sectors"]), top,
                   recurring["problem"], recurring["suggestion"])


def _top(records: list[dict]) -> list[tuple[str, int]]:
    """(label, speeches); a label that two resources share is told apart by their codes."""
    things: dict[str, set[str]] = defaultdict(set)
    for r in records:
        things[r["label"]].add(r["thing"])
    return [(f"{r['label']}（{r['code'] or r['thing'].rsplit('/', 1)[-1]}）" if len(things[r["label"]]) > 1
             else r["label"], int(r["n"])) for r in records]


def top_items(store: GraphStore, limit: int = TOP_ITEMS, items: list[dict] | None = None
              ) -> dict[str, dict[str, list[TextGroup]]]:
    """sector → {"problem": [...], "suggestion": [...]}: the groups of alike texts most speeches raise."""
    items = _items(store) if items is None else items
    by_sector: dict[str, dict[str, list]] = defaultdict(lambda: {"problem": [], "suggestion": []})
    for r in items:
        if r["sectorLabel"]:
            by_sector[r["sectorLabel"]][r["kind"]].append((r["text"], r["speech"]))
    return {sector: {kind: group_texts(pairs)[:limit] for kind, pairs in kinds.items()}
            for sector, kinds in sorted(by_sector.items())}


def over_time(store: GraphStore) -> Matrix | None:
    """Sectors × years (× meetings when the speeches have fewer than two years); None with one column
    only. Speeches without a year (or a meeting) are the last column, so that every speech counts."""
    for when, heading, unknown in WHEN:
        answer = run(store, _OVER_TIME.format(when=when)).records()
        if len({r["when"] for r in answer if r["when"] is not None}) > 1:
            return _trend(store, answer, when, heading, unknown)
    return None


def _trend(store: GraphStore, answer: list[dict], when: str, heading: str, unknown: str) -> Matrix:
    for r in answer:
        r["when"] = unknown if r["when"] is None else r["when"]
    columns = sorted({r["when"] for r in answer}, key=lambda c: (c == unknown, c))
    cells = {(r["sectorLabel"], r["when"]): int(r["n"]) for r in answer}
    totals: dict[str, int] = defaultdict(int)
    for (sector, _), n in cells.items():
        totals[sector] += n
    rows = sorted(totals, key=lambda s: (-totals[s], s))
    # a column's speeches, so that a busier year is not mistaken for a rise of every sector
    per_column = {unknown if r["when"] is None else r["when"]: r["n"]
                  for r in run(store, _SPEECHES_WHEN.format(when=when)).records()}
    return Matrix(f"领域 × {heading} (sector over time)", rows, [f"{c}（{per_column.get(c, 0)} 篇）" for c in columns],
                  [[cells.get((r, c), 0) for c in columns] for r in rows])


def speech_list(store: GraphStore) -> list[dict]:
    """Every speech with its label (title, else speaker + 发言), byline without bullets, meeting, doubts."""
    labels = {iri: (label, titled) for iri, label, titled in speech_labels(store)}
    warnings: dict[str, list[str]] = defaultdict(list)
    for r in run(store, _WARNINGS).records():
        warnings[r["speech"]].append(r["label"])
    seen: dict[str, dict] = {}
    for r in run(store, _SPEECHES).records():
        if r["speech"] in seen:
            continue
        label, titled = labels.get(r["speech"], ("发言", False))
        seen[r["speech"]] = {"speech": r["speech"], "label": f"《{label}》" if titled else label,
                             "byline": BYLINE_MARKERS.sub("", r["byline"] or "").strip(),
                             "meeting": r["meetingLabel"] or "（会议不详）", "year": r["year"] or "",
                             "order": int(r["order"] or 0), "warnings": sorted(warnings[r["speech"]])}
    return sorted(seen.values(), key=lambda s: (s["year"], s["meeting"], s["order"], s["label"]))


def _anchor(iri: str) -> str:
    return "speech-" + iri.rstrip("/").rsplit("/", 1)[-1]


def _table(title: str, header: list, rows: list, level: int = 3) -> str:
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<h{level}>{html.escape(title)}</h{level}>\n<table><tr>{head}</tr>{body}</table>\n"


def _groups(groups: list[TextGroup], first: dict[str, str]) -> str:
    entries = []
    for g in groups:
        owner = min(g.owners)
        others = "；".join(t for t in g.texts if t != g.label)[:80]
        also = f"（又作：{html.escape(others)}）" if others else ""
        entries.append(f'<li><b>{g.count}</b> 篇 · {html.escape(g.label)}{also} '
                       f'<a href="#{_anchor(owner)}">{html.escape(first.get(owner, "发言"))}</a></li>')
    return "<ol>" + "".join(entries) + "</ol>"


SECTIONS = (("summary", "概要 Summary"), ("party-sector", "党派 × 领域"), ("region-sector", "地区 × 领域"),
            ("over-time", "历年变化 Over time"), ("sectors", "各领域反复提出的问题与建议"),
            ("speeches", "发言一览 Speeches"), ("appendix", "附录：图的统计 Appendix"))


def render_html(summary: Summary, stats: Stats, items: dict, speeches: list[dict], charts: dict[str, bytes],
                warnings: list[str], trend: Matrix | None = None) -> str:
    labels = {s["speech"]: s["label"] for s in speeches}
    parts = [f'<p class="warn">{html.escape(w)}</p>' for w in warnings]
    parts.append('<nav id="toc"><b>目录</b> ' + " · ".join(
        f'<a href="#{key}">{html.escape(name)}</a>' for key, name in SECTIONS) + "</nav>")
    years = sorted({m["year"] for m in summary.meetings if m["year"]})
    undated = sum(1 for m in summary.meetings if not m["year"])
    span = f"{years[0]}–{years[-1]} 年" if len(years) > 1 else (f"{years[0]} 年" if years else "")
    span = "；".join(filter(None, [span, f"{undated} 次年份不详" if undated and years else ""]))
    span = f"（{span}）" if span else ""
    parts.append(f'<section id="summary"><h2>概要</h2><p class="big"><b>{len(summary.meetings)}</b> 次会议{span} · '
                 f"<b>{summary.speeches}</b> 篇发言 · <b>{summary.parties}</b> 个党派团体 · "
                 f"<b>{summary.sectors}</b> 个领域</p><div class=\"grid\">")
    for kind, heading in (("party", "党派团体"), ("sector", "领域"), ("region", "地区")):
        parts.append("<div>" + _table(f"发言最多的{heading}", [heading, "发言"], summary.top[kind], 4) + "</div>")
    for groups, heading in ((summary.problems, "最常提出的问题"), (summary.suggestions, "最常提出的建议")):
        rows = [(g.label, g.count) for g in groups] or [("（没有两篇以上发言共同提出的）", "")]
        parts.append('<div class="wide">' + _table(heading, ["内容（相近说法合并）", "发言"], rows, 4) + "</div>")
    parts.append("</div></section>")
    for key, m in (("party-sector", stats.matrices[0]), ("region-sector", stats.matrices[1]),
                   ("over-time", trend)):
        name = dict(SECTIONS)[key]
        parts.append(f'<section id="{key}"><h2>{html.escape(name)}</h2>')
        if key in charts and m is not None:
            data = base64.b64encode(charts[key]).decode("ascii")
            parts.append(f'<figure><img alt="{html.escape(m.title)}" src="data:image/png;base64,{data}">'
                         f"<figcaption>{html.escape(m.title)}：每格为同时涉及两者的发言篇数</figcaption></figure>")
        else:
            parts.append("<p>只有一次会议、一个年份：没有可比的变化。</p>")
        parts.append("</section>")
    parts.append('<section id="sectors"><h2>各领域反复提出的问题与建议</h2>'
                 "<p>按提出的发言篇数排序，相近的说法合并计数。</p>")
    for sector, kinds in items.items():
        parts.append(f"<h3>{html.escape(sector)}</h3>")
        for kind, heading in (("problem", "问题"), ("suggestion", "建议")):
            if kinds[kind]:
                parts.append(f"<h4>{heading}</h4>" + _groups(kinds[kind], labels))
    parts.append("</section>")
    parts.append('<section id="speeches"><h2>发言一览</h2>')
    by_meeting: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for s in speeches:
        by_meeting[(s["meeting"], s["year"])].append(s)
    for (meeting, year), listed in by_meeting.items():
        parts.append(f"<h3>{html.escape(meeting)} {html.escape(year)}</h3><ol>")
        for s in listed:
            doubts = "；".join(s["warnings"])
            doubts = f' <span class="check">待核对：{html.escape(doubts)}</span>' if doubts else ""
            parts.append(f'<li id="{_anchor(s["speech"])}"><b>{html.escape(s["label"])}</b> '
                         f'{html.escape(s["byline"])}{doubts}</li>')
        parts.append("</ol>")
    parts.append("</section>")
    parts.append('<section id="appendix"><h2>附录：图的统计</h2>')
    parts += [_table(*t) for t in tables(stats)]
    parts.append("</section>")
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>政协大会发言知识图谱报告</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", sans-serif; margin: 1.2rem 2rem;
  color: #222; font-size: 14px; }}
h1 {{ font-size: 22px; margin: 0 0 .4rem; }} h2 {{ border-bottom: 2px solid #4e79a7; padding-bottom: .2rem; }}
h4 {{ margin: .3rem 0; }}
nav#toc {{ background: #f3f5f8; padding: .4rem .8rem; border-radius: 4px; }} nav#toc a {{ margin: 0 .2rem; }}
.big {{ font-size: 17px; }} .big b {{ color: #2b5d8f; font-size: 22px; }}
.grid {{ display: grid; grid-template-columns: repeat(6, 1fr); gap: .4rem 1.2rem; }}
.grid > div {{ grid-column: span 2; }} .grid > div.wide {{ grid-column: span 3; }}
table {{ border-collapse: collapse; margin-bottom: .6rem; }}
.grid table {{ width: 100%; font-size: 13px; }}
th, td {{ border: 1px solid #ccc; padding: .15rem .45rem; text-align: left; }} th {{ background: #eee; }}
td:last-child {{ text-align: right; }}
figure img {{ max-width: 100%; }} .warn {{ color: #a51d2d; font-weight: bold; }}
.check {{ color: #a5661d; font-size: 12px; }}
</style></head>
<body><h1>政协大会发言知识图谱报告</h1>
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
    items = _items(store)
    charts = {"party-sector": chart(stats.matrices[0], font), "region-sector": chart(stats.matrices[1], font)}
    trend = over_time(store)
    if trend is not None:
        charts["over-time"] = chart(trend, font)
    page = render_html(summarise(store, items), stats, top_items(store, items=items), speech_list(store),
                       charts, warnings, trend)
    atomic_write_text(Path(output), page)
    return warnings
