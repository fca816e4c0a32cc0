"""``--store URL`` for the commands that read or write the graph: a SPARQL 1.1 store over HTTP
(kg/store/remote.py) in place of a graph file. Credentials come from the environment
(KG_STORE_TOKEN, or KG_STORE_USER and KG_STORE_PASSWORD), never from an option."""

from __future__ import annotations

import click

from kg.store import open_store
from kg.store.remote import RemoteStore

_URL_HELP = ("its base URL (`oxigraph serve`: http://HOST:PORT). Credentials from KG_STORE_TOKEN or "
             "KG_STORE_USER/KG_STORE_PASSWORD; see docs/scale.md.")


def store_options(*, write: bool = False):
    """Add --store and --store-query (and, to write, --store-data) to a command."""

    def decorate(command):
        if write:
            command = click.option("--store-data", metavar="URL",
                                   help="Its Graph Store Protocol endpoint [default: URL/store].")(command)
        command = click.option("--store-query", metavar="URL",
                               help="Its SPARQL query endpoint [default: URL/query].")(command)
        what = "Also write the graphs to a SPARQL 1.1 store" if write else "Read a SPARQL 1.1 store instead of a file"
        return click.option("--store", "store_url", metavar="URL", help=f"{what}: {_URL_HELP}")(command)

    return decorate


def open_graph(graph, store_url: str | None, store_query: str | None = None):
    """The store a reading command works on: the remote one if given, else the store, output folder
    or graph file ``graph`` (default: the store in outputs/)."""
    if store_url:
        return RemoteStore.at(store_url, query=store_query)
    if store_query:
        raise click.UsageError("--store-query goes with --store")
    return open_store(graph)
