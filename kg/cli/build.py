"""`kg build`: digests in; the store, graph.ttl / graph.trig / graph.html / records.json out."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.build import build as build_outputs
from kg.cli import main
from kg.cli.extract import max_size_option, reading
from kg.cli.store_option import store_options
from kg.store.remote import RemoteStore


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("outputs"), show_default=True, help="Folder for the outputs.")
@click.option("--no-page", is_flag=True, help="Skip the network page (graph.html).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Extraction processes [default: one per core].")
@max_size_option
@click.option("--scheduler", metavar="ADDRESS",
              help="Extract on this Dask cluster (tcp://HOST:8786); its workers need the same kg.")
@store_options(write=True)
def build(paths: tuple[Path, ...], out_dir: Path, no_page: bool, jobs: int | None, max_size: int,
          scheduler: str | None, store_url: str | None, store_query: str | None, store_data: str | None) -> None:
    """Build the knowledge graph of pages (files, or folders walked for .txt .md .html .htm .docx .pdf).

    Writes a new generation of the output folder and makes it current in one step: store (the
    Oxigraph store that the other commands open), graph.ttl (Turtle), graph.trig (one named
    graph per document), graph.html (the network, offline), records.json (the extraction
    records), texts/ (the text each record's spans index) and provenance.ttl (the build).
    Building into the same folder again reads only new and changed files. A file that cannot be
    used is reported on one line and skipped; the exit code is 0 when something was built.

    \b
    Example:
      kg build data -o outputs
      kg build data --scheduler tcp://10.0.0.5:8786 --store http://10.0.0.6:7878
    """

    def progress(i: int, n: int, path: Path) -> None:
        if n > 1 and sys.stderr.isatty():
            click.echo(f"\r[{i}/{n}] {path.name[:60]:<60}", err=True, nl=i == n)

    remote = RemoteStore.at(store_url, store_query, store_data) if store_url else None
    with reading(max_size):  # the limit is set before the extraction processes start, so they share it
        report = build_outputs(paths, out_dir, page=not no_page, jobs=jobs, progress=progress,
                               scheduler=scheduler, remote=remote)
    for err in report.errors:
        click.echo(f"kg: {err}", err=True)
    click.echo(report.summary())
    if report.store_error:
        click.echo(f"kg: {report.store_error}", err=True)
        sys.exit(2)
