"""`kg extract`: print the extraction records (what ../shared/eval/score.py scores)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.cli import main
from kg.errors import InputError
from kg.pipeline import extract_file, extract_text, find_inputs
from kg.read import decode
from kg.records import to_record


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True)
def extract(paths: tuple[str, ...], fmt: str) -> None:
    """Print the extraction records of digests (files, folders of *.txt, or - for standard input).

    \b
    Example:
      kg extract data/jinzhong-cppcc-5-3-speeches.txt > records.json
      iconv -f gbk -t utf-8 digest.txt | kg extract - --format jsonl
      python3 ../shared/eval/score.py ../shared/gold records.json
    """
    records = []
    for path in paths:
        if Path(path).is_dir() and not any(Path(path).rglob("*.txt")):
            click.echo(f"kg: {path}: no *.txt files found", err=True)
    for path in find_inputs(paths):
        try:
            if str(path) == "-":  # standard input, read as a file is (UTF-8 or GB18030)
                stdin = sys.stdin.buffer.read()
                records.append(to_record(extract_text(decode(stdin, "<stdin>"), "<stdin>")))
            else:
                records.append(to_record(extract_file(path)))
        except InputError as exc:
            click.echo(f"kg: {exc}", err=True)
    if fmt == "jsonl":
        for r in records:
            click.echo(json.dumps(r, ensure_ascii=False))
    else:
        click.echo(json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=1))
    if not records:
        sys.exit(1)
