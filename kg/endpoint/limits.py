"""The endpoint's settings: what it allows and how far, each with its default (docs/security.md).

Every limit has a `kg serve` flag of the same name (``max_rows`` ↔ ``--max-rows``).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Limits:
    processes: int = 1  # serving processes on the one listening socket (`kg serve`: one per core)
    timeout: float = 10.0  # seconds a query may run in a worker; then it is stopped: 503
    workers: int = 2  # query worker processes, each holding the graph, shared among the serving processes
    worker_memory_mb: int = 1024  # address space a worker may add to what holding the graph takes
    max_depth: int = 64  # bracket nesting of a query, checked before it is parsed
    max_operators: int = 1000  # operators, patterns and groups of a query (they bound its tree depth)
    max_rows: int = 100_000  # rows (or triples) of one answer
    max_result_bytes: int = 64 * 1024 * 1024  # bytes of one answer
    max_request_bytes: int = 64 * 1024  # request line + headers, and body, each
    read_timeout: float = 10.0  # seconds from a request's first byte to its last
    idle_timeout: float = 15.0  # seconds a kept-alive connection may wait for its next request
    max_connections: int = 1024  # open connections; past it the longest-idle one is closed
    backlog: int = 1024  # connections the kernel queues before they are accepted
    answer_cache_mb: int = 64  # answers to repeated queries kept (kg.endpoint.answercache); 0: none
    inline_budget: float = 0.25  # a query seen to finish within this in a worker is then run in-process


@dataclass(frozen=True)
class Policy:
    """What the endpoint lets a query or a browser do beyond reading the graph."""

    allow_service: tuple[str, ...] = ()  # IRI prefixes SERVICE may call; none by default
    cors_origins: tuple[str, ...] = field(default=())  # origins sent Access-Control-Allow-Origin; none
