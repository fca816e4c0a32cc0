"""The `kg` command line: a thin layer over the library API.

Each module in this package adds its commands to ``main``; library errors (``KgError``) become
one-line messages on stderr and a non-zero exit code. A command's module is imported when the
command runs (``_LazyGroup``): `kg query` does not load jieba, networkx or matplotlib.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import click

from kg.errors import KgError

# command → the module of this package that defines it; a name not listed loads every module.
_MODULES = {"build": "build", "eval": "eval", "export": "export", "extract": "extract", "query": "query",
            "serve": "serve", "stats": "stats", "report": "stats", "validate": "validate", "viz": "viz"}


def _import_all() -> None:
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        importlib.import_module(f"{__name__}.{module}")


class _Group(click.Group):
    def get_command(self, ctx: click.Context, name: str):
        if name not in self.commands:
            if name in _MODULES:
                importlib.import_module(f"{__name__}.{_MODULES[name]}")
            if name not in self.commands:
                _import_all()
        return super().get_command(ctx, name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        _import_all()
        return super().list_commands(ctx)

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
