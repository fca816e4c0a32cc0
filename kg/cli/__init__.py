"""The `kg` command line: a thin layer over the library API.

Each module in this package adds its commands to ``main``; library errors (``KgError``) become
one-line messages on stderr and a non-zero exit code. The global options ``--quiet`` and
``--verbose`` reach the commands through ``note`` (asides, silenced by --quiet) and ``detail``
(what --verbose adds).
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
import traceback
from dataclasses import dataclass

import click

from kg.errors import KgError


@dataclass
class Verbosity:
    quiet: bool = False
    verbose: bool = False


def verbosity() -> Verbosity:
    """The global options of the running command (defaults outside a command)."""
    ctx = click.get_current_context(silent=True)
    found = ctx.find_object(Verbosity) if ctx is not None else None
    return found or Verbosity()


def note(message: str) -> None:
    """An aside on stderr (``kg: note: …``): what an answer leaves out, a likely typo. --quiet drops it."""
    if not verbosity().quiet:
        click.echo(f"kg: note: {message}", err=True)


def detail(message: str) -> None:
    """What --verbose adds on stderr: the query sent, the time taken."""
    if verbosity().verbose:
        click.echo(f"kg: {message}", err=True)


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KgError as exc:
            click.echo(f"kg: {exc}", err=True)
            if verbosity().verbose and exc.__cause__ is not None:
                click.echo("".join(traceback.format_exception(exc.__cause__)).rstrip(), err=True)
            sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
@click.option("-q", "--quiet", is_flag=True, help="Print results and errors only: no notes or warnings.")
@click.option("-v", "--verbose", is_flag=True,
              help="Say more on stderr: the SPARQL sent, the time taken, the cause of an error.")
@click.pass_context
def main(ctx: click.Context, quiet: bool, verbose: bool) -> None:
    """Build knowledge graphs from CPPCC plenary speech digests (政协大会发言摘编).

    \b
    Example:
      kg build data -o outputs
      kg query "SELECT (COUNT(?s) AS ?n) WHERE { ?s a kg:Speech }"

    \b
    Shell completion (bash; zsh and fish alike, docs/cli.md):
      eval "$(_KG_COMPLETE=bash_source kg)"
    """
    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose cannot be given together")
    ctx.obj = Verbosity(quiet, verbose)
    if verbose:
        started = time.perf_counter()
        command = ctx.invoked_subcommand or "kg"
        ctx.call_on_close(lambda: detail(f"{command} took {time.perf_counter() - started:.2f} s"))


for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    importlib.import_module(f"{__name__}.{_module}")
