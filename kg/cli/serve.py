"""`kg serve`: a read-only SPARQL endpoint and a query page over a graph file."""

from __future__ import annotations

import click

from kg.cli import main
from kg.cli.store_option import store_options
from kg.serve import SparqlServer
from kg.store.remote import RemoteStore

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@main.command()
@click.option("--graph", default="outputs/graph.ttl", show_default=True, help="Graph file to serve.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind (loopback unless told).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a query may run; an overrunning query is stopped and answered 503.")
@click.option("--max-request", "max_request", default=64 * 1024, show_default=True,
              type=click.IntRange(min=1024),
              help="Largest request (URL or body) in bytes.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(min=1),
              help="Query worker processes (each holds a copy of the graph).")
@store_options()
def serve(graph: str, host: str, port: int, timeout: float, max_request: int, workers: int,
          store_url: str | None, store_query: str | None) -> None:
    """Serve the graph: SPARQL 1.1 Protocol at /sparql (read-only) and a query page at /.

    \b
    Example:
      kg serve --graph outputs/graph.ttl --port 8000
      curl -H 'Accept: text/csv' 'http://127.0.0.1:8000/sparql?query=ASK{?s?p?o}'
    """
    if host not in LOOPBACK:
        click.echo(f"kg: warning: listening on {host}, reachable from other machines", err=True)
    if store_url:  # the workers pass the queries on to the store's endpoint
        graph = RemoteStore.at(store_url, query=store_query).endpoints.query
    server = SparqlServer(graph, host, port, timeout=timeout, max_request_bytes=max_request, workers=workers)
    click.echo(f"kg: serving {graph} at {server.url} (SPARQL endpoint {server.url}sparql); Ctrl-C stops",
               err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
