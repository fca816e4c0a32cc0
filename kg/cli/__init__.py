"""The `kg` command line: a thin layer over the library API.

Each module in this package adds its commands to ``main``; library errors (``KgError``) become
one-line messages on stderr and a non-zero exit code.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import click

from kg.errors import KgError


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KgError as exc:
            click.echo(f"kg: {exc}", err=True)
            sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main() -> None:
    """Build knowledge graphs from CPPCC plenary speech digests (政协大会发言摘编).

    \b
    Example:
      kg build data -o outputs
      kg query "SELECT (COUNT(?s) AS ?n) WHERE { ?s a kg:Speech }"
    """


for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    importlib.import_module(f"{__name__}.{_module}")
