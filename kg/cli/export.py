"""`kg export`: write the graph as Turtle, N-Triples, N-Quads, TriG, JSON-LD, GraphML or GEXF."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli import main
from kg.errors import KgError
from kg.export import EXPORTERS, SUFFIXES, default_graph_file, export, format_for_suffix, read_graph_file
from kg.store import open_store


@main.command(name="export")
@click.option("--graph", "graph", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Graph file to export [default: the store in outputs/].")
@click.option("--format", "fmt", type=click.Choice(list(EXPORTERS)), default=None,
              help="Output format [default: from the -o suffix, else turtle].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Output file [default: the graph file with the format's suffix].")
def export_command(graph: Path | None, fmt: str | None, output: Path | None) -> None:
    """Export the graph for other tools (Protégé, GraphDB, Jena, Gephi).

    Turtle and N-Triples hold the union of the graphs; TriG and N-Quads keep one named graph per
    source document; JSON-LD writes kg-context.jsonld beside it; GraphML and GEXF are for Gephi.

    \b
    Examples:
      kg export --format trig -o outputs/graph.trig
      kg export -o outputs/graph.jsonld
      kg export --graph outputs/graph.trig --format gexf -o outputs/graph.gexf
    """
    source = graph or default_graph_file()
    fmt = fmt or (format_for_suffix(output) if output else None) or "turtle"
    target = output or source.with_suffix(SUFFIXES[fmt])
    quads = list(open_store().quads()) if graph is None else read_graph_file(source)
    if output is None and target.resolve() == source.resolve():
        raise KgError(f"{target}: would write over the graph it reads; give -o FILE or another --format")
    for path in export(quads, fmt, target):
        click.echo(path)
