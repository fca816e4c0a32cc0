"""`kg serve`: a read-only SPARQL endpoint and a query page over the store (or a graph file)."""

from __future__ import annotations

import os
import signal

import click

from kg.cli import main
from kg.cli.store_option import store_options
from kg.endpoint.accesslog import configure_logging
from kg.endpoint.guard import service_prefix
from kg.endpoint.limits import Limits, Policy
from kg.endpoint.serve import SparqlServer
from kg.store.remote import RemoteStore

LOOPBACK = ("127.0.0.1", "localhost", "::1")
D = Limits()


@main.command()
@click.option("--graph", default="outputs", show_default=True,
              help="Output folder of `kg build` or store folder (opened read-only, nothing loaded), or a graph file.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback unless told).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--allow-service", "allow_service", multiple=True, metavar="URL-PREFIX",
              help="Let SERVICE call endpoints whose IRI starts with this (repeatable). None by default.")
@click.option("--cors", "cors", multiple=True, metavar="ORIGIN",
              help="Let pages from this origin read answers (CORS; repeatable). None by default.")
@click.option("--processes", default=None, type=click.IntRange(min=1),
              help="Serving processes on the one socket, each answering HTTP and cheap queries [default: one per "
                   "CPU core].")
@click.option("--timeout", default=D.timeout, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a query may run; an overrunning query is stopped and answered 503.")
@click.option("--workers", default=D.workers, show_default=True, type=click.IntRange(min=1),
              help="Query worker processes (each holds a copy of a graph file), shared among the serving processes.")
@click.option("--worker-memory", "worker_memory", default=D.worker_memory_mb, show_default=True,
              type=click.IntRange(min=0), help="MB a worker may grow by for queries (0: no cap); over it: 503.")
@click.option("--max-depth", default=D.max_depth, show_default=True, type=click.IntRange(min=1),
              help="Deepest nesting of brackets in a query.")
@click.option("--max-operators", default=D.max_operators, show_default=True, type=click.IntRange(min=1),
              help="Most operators, patterns and groups in a query.")
@click.option("--max-rows", default=D.max_rows, show_default=True, type=click.IntRange(min=1),
              help="Most rows (or triples) in one answer.")
@click.option("--max-result-bytes", default=D.max_result_bytes, show_default=True, type=click.IntRange(min=1024),
              help="Largest answer in bytes.")
@click.option("--max-request", "max_request", default=D.max_request_bytes, show_default=True,
              type=click.IntRange(min=1024), help="Largest request head, and body, in bytes.")
@click.option("--read-timeout", default=D.read_timeout, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a request may take to arrive.")
@click.option("--idle-timeout", default=D.idle_timeout, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a kept-alive connection may wait for its next request.")
@click.option("--max-connections", default=D.max_connections, show_default=True, type=click.IntRange(min=1),
              help="Open connections; past it the longest-idle one is closed.")
@click.option("--backlog", default=D.backlog, show_default=True, type=click.IntRange(min=1),
              help="Connections the kernel queues before they are accepted (bursts).")
@click.option("--answer-cache", "answer_cache", default=D.answer_cache_mb, show_default=True,
              type=click.IntRange(min=0), help="MB of answers to repeated queries kept by each serving process "
                                                "(0: none; docs/security.md says which are kept).")
@click.option("--inline-budget", default=D.inline_budget, show_default=True, type=click.FloatRange(min=0),
              help="A query a worker answered within this many seconds is run in-process next time (0: never).")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["debug", "info", "warning", "error"]),
              help="info: one line per request; debug adds the query text.")
@store_options()
def serve(graph: str, host: str, port: int, allow_service: tuple[str, ...], cors: tuple[str, ...],
          processes: int | None, timeout: float,
          workers: int, worker_memory: int, max_depth: int, max_operators: int, max_rows: int,
          max_result_bytes: int, max_request: int, read_timeout: float, idle_timeout: float,
          max_connections: int, backlog: int, answer_cache: int, inline_budget: float, log_level: str,
          store_url: str | None, store_query: str | None) -> None:
    """Serve the graph: SPARQL 1.1 Protocol at /sparql (read-only) and a query page at /.

    Limits and what is refused: docs/security.md.

    \b
    Example:
      kg serve --port 8000                      # the store kg build wrote in outputs/
      curl -H 'Accept: text/csv' 'http://127.0.0.1:8000/sparql?query=ASK{?s?p?o}'
    """
    configure_logging(log_level.upper())
    if host not in LOOPBACK:
        click.echo(f"kg: warning: listening on {host}, reachable from other machines (docs/security.md)",
                   err=True)
    limits = Limits(processes=processes or len(os.sched_getaffinity(0)), timeout=timeout, workers=workers,
                    worker_memory_mb=worker_memory, max_depth=max_depth,
                    max_operators=max_operators, max_rows=max_rows, max_result_bytes=max_result_bytes,
                    max_request_bytes=max_request, read_timeout=read_timeout, idle_timeout=idle_timeout,
                    max_connections=max_connections, backlog=backlog, answer_cache_mb=answer_cache,
                    inline_budget=inline_budget)
    if store_url:  # the workers pass the queries on to the store's endpoint
        graph = RemoteStore.at(store_url, query=store_query).endpoints.query
    server = SparqlServer(graph, host, port, limits, Policy(tuple(map(service_prefix, allow_service)), tuple(cors)))
    # SIGTERM (a service manager's stop) ends the server as Ctrl-C does: workers stopped, socket closed
    signal.signal(signal.SIGTERM, lambda *_: server.shutdown())
    try:  # from here on: the sibling processes answer requests already, so Ctrl-C may come any time
        click.echo(f"kg: serving {graph} at {server.url} (SPARQL endpoint {server.url}sparql); Ctrl-C stops",
                   err=True)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
