"""Over time: sectors × years (and × meetings) as heat maps, and a comparison of two meetings.

One self-contained page (assets/trends.html, trends.js; no vis-network: tables read better here).
The heat maps count speeches; each column also gives its total, so that a year with more digests
is not read as a rise of every sector. The comparison takes two meetings, by default the last two
sessions of one committee (else the last two meetings), and lists the sectors and places that are
new, recur or disappeared, and the problems of the later meeting that recur from the earlier one,
matched by the similarity of their text (the bigram Dice of kg.view.similar, computed in the page
so that any two meetings can be chosen).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from kg.io import atomic_write_text
from kg.store import GraphStore
from kg.view.similar import ALIKE_DICE

ASSETS = Path(__file__).parent / "assets"
MEETING_COLUMNS = 40
MEETING_WORDS = re.compile("政协|政協|委员会|委員會|会议|會議")

MEETINGS = """
SELECT DISTINCT ?speech ?meeting ?label ?year ?committee ?session WHERE {
  ?speech a kg:Speech ; kg:meeting ?meeting . ?meeting rdfs:label ?label .
  OPTIONAL { ?meeting dcterms:date ?year } OPTIONAL { ?meeting kg:committee ?committee }
  OPTIONAL { ?meeting kg:session ?session }
}"""
SPEECH_VALUES = """
SELECT DISTINCT ?speech ?kind ?value WHERE {
  { ?speech dcterms:subject/skos:prefLabel ?value . FILTER(LANG(?value) = "zh") BIND("sectors" AS ?kind) }
  UNION { ?speech dcterms:spatial/rdfs:label ?value . BIND("places" AS ?kind) }
  UNION { ?speech kg:hasIssue/rdf:value ?value . BIND("problems" AS ?kind) }
}"""


@dataclass
class Meeting:
    id: str
    label: str
    year: str
    committee: str
    session: int
    speeches: set[str] = field(default_factory=set)
    sectors: dict[str, int] = field(default_factory=dict)
    places: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"id": self.id, "label": self.label, "year": self.year, "speeches": len(self.speeches),
                "sectors": self.sectors, "places": self.places, "problems": sorted(set(self.problems))}


@dataclass
class HeatMap:
    title: str
    columns: list[str]  # with their totals
    rows: list[tuple[str, list[int]]]
    peak: int


def read_meetings(store: GraphStore) -> list[Meeting]:
    meetings: dict[str, Meeting] = {}
    for row in store.query(MEETINGS):
        iri = row["meeting"].value
        if iri not in meetings:
            meetings[iri] = Meeting(iri, row["label"].value, row["year"].value if row["year"] else "",
                                    row["committee"].value if row["committee"] else iri,
                                    int(row["session"].value) if row["session"] else 0)
        meetings[iri].speeches.add(row["speech"].value)
    values: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in store.query(SPEECH_VALUES):
        values[row["speech"].value][row["kind"].value].add(row["value"].value)
    for m in meetings.values():
        counts: dict[str, dict[str, int]] = {"sectors": defaultdict(int), "places": defaultdict(int)}
        for speech in m.speeches:
            for kind in ("sectors", "places"):
                for value in values[speech][kind]:
                    counts[kind][value] += 1
            m.problems += values[speech]["problems"]
        m.sectors, m.places = dict(sorted(counts["sectors"].items())), dict(sorted(counts["places"].items()))
    return sorted(meetings.values(), key=lambda m: (m.year, m.label))


def heat_map(title: str, columns: dict[str, list[Meeting]]) -> HeatMap:
    """Sectors (rows, busiest first) × the columns' meetings: speeches about the sector."""
    cells: dict[tuple[str, str], int] = defaultdict(int)
    for column, meetings in columns.items():
        for m in meetings:
            for sector, n in m.sectors.items():
                cells[(sector, column)] += n
    totals: dict[str, int] = defaultdict(int)
    for (sector, _), n in cells.items():
        totals[sector] += n
    rows = [(s, [cells.get((s, c), 0) for c in columns]) for s in sorted(totals, key=lambda s: (-totals[s], s))]
    heads = [f"{c}（{sum(len(m.speeches) for m in ms)} 篇）" for c, ms in columns.items()]
    return HeatMap(title, heads, rows, max(cells.values(), default=1))


def short_meeting(label: str) -> str:
    """政协第五届晋中市委员会第三次会议 → 第五届晋中市第三次: a heat map's column heading."""
    return MEETING_WORDS.sub("", label) or label


def default_pair(meetings: list[Meeting]) -> tuple[int, int]:
    """The last two sessions of one committee, else the last two meetings (indexes into ``meetings``)."""
    by_committee: dict[str, list[int]] = defaultdict(list)
    for k, m in enumerate(meetings):
        by_committee[m.committee].append(k)
    pairs = []
    for ks in by_committee.values():
        if len(ks) > 1:
            ks = sorted(ks, key=lambda k: (meetings[k].year, meetings[k].session))
            pairs.append((ks[-2], ks[-1]))
    if pairs:
        return max(pairs, key=lambda p: (meetings[p[1]].year, len(meetings[p[0]].speeches | meetings[p[1]].speeches)))
    return (max(0, len(meetings) - 2), max(0, len(meetings) - 1))


def render_trends(store: GraphStore, heading: str = "政协大会发言：历年变化") -> tuple[str, dict]:
    """The page, and what it shows (for the command line and the tests)."""
    meetings = read_meetings(store)
    by_year: dict[str, list[Meeting]] = defaultdict(list)
    for m in meetings:
        by_year[m.year or "年份不详"].append(m)
    maps = []
    if len(by_year) > 1:
        maps.append(heat_map("领域 × 年份", dict(sorted(by_year.items()))))
    if len(meetings) > 1:  # the latest meetings: a table of hundreds of columns reads as noise
        latest = meetings[-MEETING_COLUMNS:]
        title = "领域 × 会议" + (f"（最近 {MEETING_COLUMNS} 次）" if len(meetings) > MEETING_COLUMNS else "")
        maps.append(heat_map(title, {f"{m.year} {short_meeting(m.label)}": [m] for m in latest}))
    first, second = default_pair(meetings)
    env = Environment(loader=FileSystemLoader(ASSETS), autoescape=select_autoescape(["html"]))
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": True}
    from kg.view.page import FONT_FAMILIES

    page = env.get_template("trends.html").render(
        heading=heading, maps=maps, meetings=[m.as_json() for m in meetings], first=first, second=second,
        alike=ALIKE_DICE, font_families=Markup(FONT_FAMILIES),
        trends_js=Markup((ASSETS / "trends.js").read_text(encoding="utf-8")))
    return page, {"meetings": len(meetings), "heat_maps": [m.title for m in maps], "pair": (first, second)}


def write_trends(store: GraphStore, path: str | Path) -> dict:
    page, shown = render_trends(store)
    atomic_write_text(Path(path), page)
    return shown
