"""`kg stats` and `kg report`: analytics over the graph."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli import main
from kg.cli.store_option import open_graph, store_options
from kg.io import atomic_write_text
from kg.view.report import build_report
from kg.view.stats import FORMATS, compute, render


@main.command()
@click.option("--graph", default=None, help="Store, output folder or graph file [default: the store in outputs/].")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Also write the statistics (in --format) to this file.")
@store_options()
def stats(graph: str | None, fmt: str, output: str | None, store_url: str | None, store_query: str | None) -> None:
    """Node counts, centrality, communities, party × sector and region × sector matrices.

    \b
    Example:
      kg stats --graph outputs/graph.ttl
      kg stats --format csv -o outputs/stats.csv
    """
    text = render(compute(open_graph(graph, store_url, store_query)), fmt)
    click.echo(text, nl=False)
    if output:
        atomic_write_text(Path(output), text)


@main.command()
@click.option("--graph", default=None, help="Store, output folder or graph file [default: the store in outputs/].")
@click.option("-o", "--output", default="outputs/report.html", show_default=True,
              type=click.Path(dir_okay=False))
@store_options()
def report(graph: str | None, output: str, store_url: str | None, store_query: str | None) -> None:
    """Write a self-contained HTML report that answers first.

    A table of contents and a one-screen summary (meetings, speeches, top parties, sectors and
    places, the most recurring problems and suggestions, with counts), then the charts (party ×
    sector, region × sector, sectors over time), each sector's recurring problems and suggestions,
    every speech; graph statistics in an appendix.

    \b
    Example:
      kg report --graph outputs/graph.ttl -o outputs/report.html
    """
    for warning in build_report(open_graph(graph, store_url, store_query), output):
        click.echo(f"kg: warning: {warning}", err=True)
    click.echo(f"kg: wrote {output}", err=True)
