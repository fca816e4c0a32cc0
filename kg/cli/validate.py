"""`kg validate`: check a graph against the SHACL shapes of ontology/shapes.ttl."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli import main
from kg.graph.validate import validate_target


@main.command(name="validate")
@click.argument("graph", required=False, type=click.Path(path_type=Path))
def validate_command(graph: Path | None) -> None:
    """Validate GRAPH with pySHACL; print each violation (node, label, property, message).

    GRAPH (a graph file, a store or an output folder) defaults to the store in outputs/. The exit code is 0
    when the graph conforms and 1 when it does not.

    \b
    Examples:
      kg validate
      kg validate outputs/graph.ttl
    """
    report = validate_target(graph)
    click.echo(report.text())
    sys.exit(0 if report.conforms else 1)
