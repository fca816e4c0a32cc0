"""Render a view model as one self-contained HTML page with pyvis.

Unlike pyvis as it comes (spec/measured.md, pyvis issues 204, 228, 229, PR 222), the page

- inlines the vis-network JS and CSS bundled inside the pyvis package, and links nothing else (no
  bootstrap, no CDN, no source map): opening it makes no http(s) request;
- is written as UTF-8 whatever the platform, atomically (kg.io);
- fills pyvis's node and edge lists directly (``from_nx``/``add_node`` take seconds per thousand nodes)
  and ships positions computed ahead with physics off, so a 10,000-node page draws in seconds;
- renders through our template (assets/page.html) with a legend, filters, a search box and details.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from kg.errors import KgError
from kg.io import atomic_write_text
from kg.store import GraphStore
from kg.view.model import NODE_STYLES, ViewModel, build_view

ASSETS = Path(__file__).parent / "assets"
VIS_NETWORK_VERSION = "9.1.2"
HEADING = "政协大会发言知识图谱"
# Canvas labels and the page name font families that cover Chinese on Linux (Noto CJK, WenQuanYi),
# Windows (Microsoft YaHei, SimHei) and macOS (PingFang, Hiragino).
FONT_FAMILIES = ('"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", '
                 '"Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "SimHei", sans-serif')
FILTER_NAMES = {"party": "党派团体", "sector": "领域", "region": "地区", "meeting": "会议"}
CANVAS_LABEL_CHARS = 14  # longer labels (speech titles) are cut on the canvas, whole in the tooltip
LABEL_INSIDE_SHAPES = {"box", "ellipse", "circle", "database", "text"}
MAP_ARC_COLOUR = "rgba(200,60,50,0.6)"
SOURCE_MAP = re.compile(r"/[/*]# sourceMappingURL=\S*")


def write_page(store: GraphStore, path: str | Path, view: str = "auto", node: str | None = None) -> str:
    """Write the page of one view of ``store`` to ``path``; return the view used (``auto`` picks)."""
    if view == "trends":
        from kg.view.trends import write_trends

        write_trends(store, path)
        return view
    model = build_view(store, view, node)
    atomic_write_text(Path(path), render_page(model))
    return model.view


def render_page(model: ViewModel, heading: str = HEADING) -> str:
    """The whole page as a string: vis-network, data, legend, filters and search, all inline."""
    from pyvis.network import Network  # imports IPython: only when a page is made

    net = Network(height="100%", width="100%", heading=heading, cdn_resources="in_line")
    colours = {n.id: n.colour for n in model.nodes}
    top = max((e.weight for e in model.edges), default=1)
    net.nodes = [_vis_node(n, model.items_heading) for n in model.nodes]
    net.edges = [_vis_edge(e, model.view, colours, top) for e in model.edges]
    net.options = _vis_options()
    net.templateEnv = _environment(model)
    net.path = "page.html"
    return net.generate_html(name="graph.html")


def _vis_node(n, items_heading: str) -> dict:
    # No "label": page.js draws the labels itself, by importance and without overlaps.
    short = n.label if len(n.label) <= CANVAS_LABEL_CHARS else n.label[:CANVAS_LABEL_CHARS] + "…"
    node = {"id": n.id, "short": short, "name": n.label, "title": n.tooltip, "type": n.type,
            "color": n.colour, "shape": n.shape, "size": n.size, "x": n.x, "y": n.y, "w": n.weight,
            "key": n.key, "side": n.side, "party": n.party, "sector": n.sector, "region": n.region,
            "meeting": n.meeting}
    if n.shape in LABEL_INSIDE_SHAPES:  # these shapes grow round a label: page.js draws them by size
        node["shape"], node["drawAs"] = "custom", n.shape
    if n.items:
        node["items"], node["itemsHeading"] = n.items, items_heading
    return node


def _vis_edge(e, view: str, colours: dict[str, str], top: int) -> dict:
    """An edge as page.js draws it: ends, relation, and for the weighted views colour, width and curve."""
    edge = {"from": e.source, "to": e.target, "title": e.label}
    if view == "overview":  # flows: width by weight, in the colour of where they start
        edge["width"] = round(1 + 11 * math.sqrt(e.weight / top), 2)
        edge["color"] = _translucent(colours[e.source], 0.35)
        edge["curve"] = "flow"
    if view == "map":  # region links: arcs that stand out from the brown places
        edge["width"] = round(2 + 6 * math.sqrt(e.weight / top), 2)
        edge["color"] = MAP_ARC_COLOUR
        edge["curve"] = "arc"
    if e.labelled:
        edge["label"] = str(e.weight)
    return edge


def _translucent(colour: str, alpha: float) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _vis_options() -> dict:
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 150},
        "nodes": {"borderWidth": 1},
    }


def _environment(model: ViewModel) -> Environment:
    env = Environment(loader=FileSystemLoader(ASSETS), autoescape=select_autoescape(["html"]))
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": False}
    counts = {t: 0 for t in NODE_STYLES}
    for n in model.nodes:
        counts[n.type] += 1
    values = model.filter_values()
    env.globals.update(
        vis_js=Markup(_vendor_file("vis-network.min.js")),
        vis_css=Markup(_vendor_file("vis-network.css")),
        page_js=Markup((ASSETS / "page.js").read_text(encoding="utf-8")),
        relayout_js=Markup((ASSETS / "relayout.js").read_text(encoding="utf-8")),
        page_css=Markup((ASSETS / "page.css").read_text(encoding="utf-8")),
        font_families=FONT_FAMILIES,
        note=model.note,
        view=model.view,
        outlines=model.outlines,
        type_names={t: s.name for t, s in NODE_STYLES.items()},
        filters=[{"key": k, "name": name, "values": values[k]} for k, name in FILTER_NAMES.items()],
        legend=[{"type": t, "name": s.name, "count": counts[t], "icon": _icon(s)}
                for t, s in NODE_STYLES.items() if counts[t]],
    )
    return env


def _vendor_file(name: str) -> str:
    """A vis-network file from the copy bundled in the pyvis package, without its source-map link."""
    import pyvis

    path = Path(pyvis.__file__).parent / "templates" / "lib" / f"vis-{VIS_NETWORK_VERSION}" / name
    if not path.is_file():
        raise KgError(f"{path}: missing; the page needs the vis-network {VIS_NETWORK_VERSION} of pyvis 0.3.2")
    return SOURCE_MAP.sub("", path.read_text(encoding="utf-8"))


def _icon(style) -> Markup:
    return Markup(legend_icon(style.shape, style.colour))


def legend_icon(shape: str, colour: str) -> str:
    """An inline SVG drawing of a vis-network shape, for the legend."""
    fill = f'fill="{colour}" stroke="#444" stroke-width="0.6"'
    points = {
        "triangle": "9,2 16,15 2,15",
        "triangleDown": "2,3 16,3 9,16",
        "diamond": "9,1 17,9 9,17 1,9",
        "star": "9,1 11.2,6.6 17,6.8 12.4,10.4 14,16 9,12.7 4,16 5.6,10.4 1,6.8 6.8,6.6",
        "hexagon": "9,1 16,5 16,13 9,17 2,13 2,5",
    }
    if shape in points:
        return f'<polygon points="{points[shape]}" {fill}/>'
    if shape == "square":
        return f'<rect x="3" y="3" width="12" height="12" {fill}/>'
    if shape == "ellipse":
        return f'<ellipse cx="9" cy="9" rx="8" ry="5.5" {fill}/>'
    if shape == "box":
        return f'<rect x="1" y="4" width="16" height="10" rx="2" {fill}/>'
    return f'<circle cx="9" cy="9" r="6.5" {fill}/>'


def page_data(html: str) -> dict[str, list]:
    """The nodes and edges a page carries, read back from its script (for tests and checks)."""
    found = {}
    for name in ("KG_NODES", "KG_EDGES"):
        match = re.search(rf"^var {name} = (.*);$", html, flags=re.MULTILINE)
        if not match:
            raise KgError(f"not a kg page: no {name}")
        found[name] = json.loads(match.group(1))
    return {"nodes": found["KG_NODES"], "edges": found["KG_EDGES"]}
