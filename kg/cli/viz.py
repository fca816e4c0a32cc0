"""`kg viz`: the network a person opens, as one offline HTML page (optionally also a PNG)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli import main
from kg.cli.store_option import open_graph, store_options
from kg.view.model import FULL_VIEW_MAX_NODES


@main.command()
@click.option("--graph", "graph", type=click.Path(path_type=Path), default=None,
              help="Store, output folder or graph file [default: the store in outputs/].")
@click.option("--view", type=click.Choice(["auto", "full", "overview", "ego", "map", "trends"]), default="auto",
              show_default=True, help=f"auto: full up to {FULL_VIEW_MAX_NODES} nodes, else overview; ego needs "
              "--node; map: the places on China's provinces; trends: sectors over the years, two meetings compared.")
@click.option("--node", default=None, help="Centre of the ego view: a name (王轩, 民革, 平遥县) or an IRI.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("outputs/graph.html"), show_default=True, help="HTML page to write.")
@click.option("--png", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also save a screenshot of the page (needs Chromium and playwright).")
@store_options()
def viz(graph: Path | None, view: str, node: str | None, output: Path, png: Path | None,
        store_url: str | None, store_query: str | None) -> None:
    """Write a self-contained network page: no internet needed, filters, search, legend.

    The full view draws every speech, speaker, unit, party, problem, suggestion, sector, region and
    meeting; the overview folds speeches into three columns, parties | sectors | regions, joined by
    flows weighted by speeches; the ego view keeps the nodes within two steps of --node, not walking
    on through meetings, sectors, parties and the committee's place; the map sets the places at
    their coordinates; trends shows sectors × years and compares two meetings.

    \b
    Examples:
      kg viz
      kg viz --view overview -o outputs/overview.html
      kg viz --view ego --node 民革 -o outputs/minge.html --png outputs/minge.png
      kg viz --view map -o outputs/map.html
      kg viz --view trends -o outputs/trends.html
    """
    from kg.view.browser import screenshot
    from kg.view.page import write_page

    if node and view == "auto":
        view = "ego"
    if node and view != "ego":
        raise click.UsageError(f"--node is for the ego view; --view {view} draws the whole graph")
    used = write_page(open_graph(graph, store_url, store_query), output, view=view, node=node)
    click.echo(f"{output} ({used} view)")
    if png:
        report = screenshot(output, png)
        click.echo(f"{png} ({report.nodes_drawn} nodes drawn)" if report.nodes_drawn else str(png))
