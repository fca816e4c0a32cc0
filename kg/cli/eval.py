"""`kg eval`: score predicted records against hand-checked ones, field by field."""

from __future__ import annotations

import sys

import click

from kg.cli import main
from kg.extract.evaluate import format_table, load_records, overall, score


@main.command(name="eval")
@click.argument("gold", type=click.Path())
@click.argument("pred", type=click.Path())
@click.option("--min", "minimum", type=float, default=None, help="Exit 1 when overall F1 is below this.")
def eval_(gold: str, pred: str, minimum: float | None) -> None:
    """Print precision, recall and F1 per field of PRED against GOLD (files or folders of records).

    \b
    Example:
      kg extract mydigest.txt > pred.json
      kg eval mydigest.gold.json pred.json
    """
    tallies = score(load_records(gold), load_records(pred))
    click.echo(format_table(tallies))
    if minimum is not None and overall(tallies) < minimum:
        sys.exit(1)
