"""`kg export`: write the graph for other tools: RDF (Turtle, N-Triples, N-Quads, TriG, JSON-LD,
RDF/XML), CSV, GraphML and GEXF for Gephi, CSV files for Neo4j's bulk import."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli import main, note
from kg.errors import KgError
from kg.export.formats import (
    DIRECTORY_FORMATS,
    FORMATS,
    SUFFIXES,
    NetworkOptions,
    default_graph_file,
    export,
    format_for_suffix,
    read_graph_file,
    to_bytes,
)
from kg.store import open_store

STDOUT = "-"
NETWORK_FORMATS = ("graphml", "gexf", "neo4j")


@main.command(name="export")
@click.option("--graph", "graph", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Graph file to export [default: the store in outputs/].")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format [default: from the -o suffix, else turtle].")
@click.option("-o", "--output", default=None, metavar="FILE|DIR|-",
              help="Output file (a folder for neo4j; - for standard output) [default: the graph file "
                   "with the format's suffix].")
@click.option("--content", is_flag=True,
              help="GraphML/GEXF/neo4j: add the problems and suggestions as nodes.")
@click.option("--provenance", is_flag=True,
              help="GraphML/GEXF/neo4j: add documents, mentions and text spans as nodes.")
def export_command(graph: Path | None, fmt: str | None, output: str | None, content: bool,
                   provenance: bool) -> None:
    """Export the graph for other tools (Protégé, GraphDB, Jena, Gephi, Neo4j, spreadsheets).

    -o picks the format from its suffix: .ttl .nt .nq .trig .jsonld/.json .rdf/.owl (RDF/XML)
    .graphml .gexf .csv; another suffix is refused (give --format). Turtle, N-Triples, RDF/XML and
    CSV hold the union of the graphs; TriG and N-Quads keep one named graph per source document.
    JSON-LD carries its context. GraphML and GEXF hold the entity network for Gephi, with
    attributes, colours and positions. --format neo4j writes a folder of CSV files for
    `neo4j-admin database import full` (docs/neo4j.md).

    \b
    Examples:
      kg export -o outputs/graph.jsonld
      kg export -o outputs/graph.gexf
      kg export --format neo4j -o outputs/neo4j
      kg export --format nt -o - | wc -l
    """
    source = graph or default_graph_file()
    if fmt is None:
        fmt = format_for_suffix(output) if output and output != STDOUT else "turtle"
    options = NetworkOptions(content=content, provenance=provenance)
    if (content or provenance) and fmt not in NETWORK_FORMATS:
        note(f"--content and --provenance shape the graphml, gexf and neo4j exports; {fmt} holds every triple")
    if output == STDOUT and fmt in DIRECTORY_FORMATS:
        raise KgError(f"the {fmt} export is a folder of files: give -o DIR, not -")
    target = None if output == STDOUT else Path(output) if output else (
        source.parent / "neo4j" if fmt == "neo4j" else source.with_suffix(SUFFIXES[fmt][0]))
    quads = list(open_store().quads()) if graph is None else read_graph_file(source)
    if target is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(to_bytes(quads, fmt, options))
        sys.stdout.buffer.flush()
        return
    if output is None and target.resolve() == source.resolve():
        raise KgError(f"{target}: would write over the graph it reads; give -o FILE or another --format")
    for path in export(quads, fmt, target, options):
        click.echo(path)
