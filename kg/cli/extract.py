"""`kg extract`: print the extraction records (what ../shared/eval/score.py scores)."""

from __future__ import annotations

import contextlib
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from kg.cli import main, note
from kg.errors import InputError
from kg.pipeline import extract_file, extract_source, find_inputs
from kg.read import INPUT_SUFFIXES, MAX_SIZE, parse_size, read_stream, size_limit
from kg.records import to_record


def max_size_option(func):
    """``--max-size``: the limit on one document (shared by ``kg build`` and ``kg extract``)."""
    def convert(ctx: click.Context, param: click.Parameter, value: str) -> int:
        try:
            return parse_size(value)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from exc

    return click.option("--max-size", default=f"{MAX_SIZE // 1_000_000}M", show_default=True, callback=convert,
                        help="Largest document: its text in bytes (K, M, G allowed); a saved page, Word file"
                             " or PDF may be 10 times as big. A bigger file is skipped with a message.")(func)


class _ReadingNotes(logging.Handler):
    """What reading changed in a file (kg.pipeline logs it) as ``kg: note:`` lines; --quiet drops them."""

    def emit(self, record: logging.LogRecord) -> None:
        note(record.getMessage())


@contextlib.contextmanager
def reading(max_size: int) -> Iterator[None]:
    """Read inputs with the command's size limit, their notes shown on stderr."""
    handler = _ReadingNotes(logging.WARNING)
    logger = logging.getLogger("kg.pipeline")
    logger.addHandler(handler)
    try:
        with size_limit(max_size):
            yield
    finally:
        logger.removeHandler(handler)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True)
@max_size_option
def extract(paths: tuple[str, ...], fmt: str, max_size: int) -> None:
    """Print the extraction records of digests and news reports: files, folders walked for .txt,
    .md, .html/.htm (saved pages), .docx and .pdf, or - for standard input.

    Text is read as UTF-8, UTF-16/32 with a byte-order mark, GB18030 or Big5(-HKSCS). A file that
    cannot be read is reported on one line and skipped; the exit code is 1 when nothing was read.

    \b
    Example:
      kg extract data/jinzhong-cppcc-5-3-speeches.txt > records.json
      iconv -f gbk -t utf-8 digest.txt | kg extract - --format jsonl
      python3 ../shared/eval/score.py ../shared/gold records.json
    """
    records = []
    suffixes = ", ".join(INPUT_SUFFIXES)
    for path in paths:
        if Path(path).is_dir() and next(find_inputs([path]), None) is None:
            click.echo(f"kg: {path}: no input files found ({suffixes})", err=True)
    with reading(max_size):
        for path in find_inputs(paths):
            try:
                if str(path) == "-":  # standard input, read as a file is, within the limit
                    records.append(to_record(extract_source(read_stream(sys.stdin.buffer))))
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
