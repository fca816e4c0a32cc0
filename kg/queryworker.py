"""The query worker process of kg.querypool: ``python -m kg.queryworker FD GRAPH``.

It loads GRAPH once, says "ready" on the connection at file descriptor FD, then answers each
``Job`` it receives with an ``Answer`` or an error message, until the connection closes. It is
started as its own module (not through multiprocessing's spawn, which would import the parent's
main script, here the whole `kg` command line) so that it imports only what answering needs.
"""

from __future__ import annotations

import signal
import sys
from multiprocessing.connection import Connection

import pyoxigraph as ox

from kg.errors import KgError, QueryError
from kg.query import run_raw
from kg.querypool import Answer, Job
from kg.results import TURTLE_PREFIXES
from kg.store import GraphStore
from kg.store.remote import open_for_queries


def answer(store: GraphStore, job: Job) -> Answer:
    """Run ``job`` and serialize the answer in the media type it asks for."""
    result = run_raw(store, job.sparql, job.bindings)
    if isinstance(result, ox.QuerySolutions | ox.QueryBoolean):
        fmt = ox.QueryResultsFormat.from_media_type(job.results_type)
        return Answer(fmt.media_type, result.serialize(format=fmt))
    rdf = ox.RdfFormat.from_media_type(job.graph_type)
    prefixes = {} if rdf in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.JSON_LD) else {"prefixes": TURTLE_PREFIXES}
    return Answer(rdf.media_type, ox.serialize(result, format=rdf, **prefixes))


def serve_jobs(graph: str, conn: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the server stops us
    try:
        store = open_for_queries(graph)
    except KgError as exc:
        conn.send(("failed", str(exc)))
        return
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        try:
            conn.send(("ok", answer(store, job)))
        except QueryError as exc:
            conn.send(("query-error", str(exc)))
        except (RuntimeError, ValueError, OSError) as exc:  # raised while the lazy answer is serialized
            conn.send(("query-error", f"the query cannot be run: {' '.join(str(exc).split())}"))


if __name__ == "__main__":
    serve_jobs(sys.argv[2], Connection(int(sys.argv[1])))
