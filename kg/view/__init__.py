"""The network a person opens: a self-contained, filterable HTML page of the graph (``kg viz``).

``build_view`` reads the graph into a view model (kg.view.model), ``write_page`` renders it with pyvis
into one offline page (kg.view.page), and kg.view.browser checks and photographs it in Chromium.
"""

from kg.view.model import FULL_VIEW_MAX_NODES, ViewEdge, ViewModel, ViewNode, build_view, choose_view
from kg.view.page import render_page, write_page

__all__ = [
    "FULL_VIEW_MAX_NODES",
    "ViewEdge",
    "ViewModel",
    "ViewNode",
    "build_view",
    "choose_view",
    "render_page",
    "write_page",
]
