"""A store over HTTP: any SPARQL 1.1 store (``oxigraph serve``, Fuseki, Virtuoso, GraphDB …) in
place of the embedded one, with its methods: reading (``query``, ``quads``, ``graphs``,
``__len__``, ``dump``) and writing (``replace_document``, ``drop_document``, ``replace_graph``,
``add_to_graph``, ``drop_graph``); ``documents()`` lists the documents it holds. Copying a whole
build there is ``kg.store.push``.

Writes use the SPARQL 1.1 Graph Store HTTP Protocol: a PUT replaces one named graph whole (the
server applies it as one transaction, so a graph is never half-written, and repeating it changes
nothing), a DELETE drops one. Reads use the SPARQL 1.1 Protocol. Queries see the union of the named
graphs as their default graph, as on the embedded store: Oxigraph is asked with its
``union-default-graph`` parameter; other servers are configured so (Fuseki's unionDefaultGraph;
Virtuoso does it unasked).

Credentials come from the environment only (``KG_STORE_TOKEN`` for a bearer token, or
``KG_STORE_USER`` and ``KG_STORE_PASSWORD`` for basic authentication), never from a command line
or a URL, where they would end up in shell histories and process lists. A request that fails on
the network (or with 429/502/503/504) is retried a bounded number of times with doubling pauses;
then it raises ``StoreUnreachable`` naming the URL. The stdlib's urllib is the HTTP client: the
protocol is a handful of plain requests, not worth a dependency.
"""

from __future__ import annotations

import base64
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from http.client import HTTPException
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.namespace import KG_ONTOLOGY, KG_RESOURCE, PREFIXES
from kg.store.embedded import serialize
from kg.store.sparql_text import with_prefixes, with_values

ENV_TOKEN = "KG_STORE_TOKEN"
ENV_USER = "KG_STORE_USER"
ENV_PASSWORD = "KG_STORE_PASSWORD"

KG_GRAPHS = f"{KG_RESOURCE}graph/"  # the named graphs kg writes; a shared store may hold others
DOCUMENT_GRAPHS = f"{KG_GRAPHS}d"
RETRY_STATUS = (429, 502, 503, 504)
RESULTS = ox.QueryResultsFormat.JSON
ACCEPT = f"{RESULTS.media_type}, {ox.RdfFormat.N_TRIPLES.media_type};q=0.9"

_KG_ONLY = f'FILTER(STRSTARTS(STR(?g), "{KG_GRAPHS}"))'
_GRAPHS_QUERY = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_KG_ONLY} }}"
_COUNT_QUERY = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_KG_ONLY} }}"
DOCUMENTS_QUERY = f"""SELECT ?g ?name WHERE {{
  GRAPH ?g {{ ?doc a <{KG_ONTOLOGY}Document> ; <{KG_ONTOLOGY}fileName> ?name }}
  FILTER(STRSTARTS(STR(?g), "{DOCUMENT_GRAPHS}")) }}"""
_ERROR_AT = re.compile(r"error at (\d+):(\d+)")


class StoreUnreachable(KgError):
    """The store did not answer (after the retries), or answered with a server error."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class Endpoints:
    """Where a store answers queries (SPARQL 1.1 Protocol) and takes graphs (Graph Store Protocol)."""

    query: str
    data: str

    @classmethod
    def of(cls, base: str, query: str | None = None, data: str | None = None) -> Endpoints:
        """From a base URL: ``BASE/query`` and ``BASE/store`` (the paths of ``oxigraph serve``),
        unless given. For Fuseki that is ``--store-query BASE/sparql --store-data BASE/data``."""
        base = base.rstrip("/")
        endpoints = cls(query or f"{base}/query", data or f"{base}/store")
        for url in (endpoints.query, endpoints.data):
            parts = urllib.parse.urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise KgError(f"{url}: not an http(s) URL of a SPARQL store")
            if parts.username or parts.password:
                raise KgError(f"{parts.hostname}: credentials do not go in the URL; "
                              f"set {ENV_USER} and {ENV_PASSWORD} (or {ENV_TOKEN}) in the environment")
        return endpoints


def authorization(env: Mapping[str, str] | None = None) -> str | None:
    """The Authorization header the environment asks for, if any."""
    env = os.environ if env is None else env
    if env.get(ENV_TOKEN):
        return f"Bearer {env[ENV_TOKEN]}"
    user, password = env.get(ENV_USER), env.get(ENV_PASSWORD)
    if user and password is None:
        raise KgError(f"{ENV_USER} is set but {ENV_PASSWORD} is not")
    if user:
        return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return None


@dataclass
class RemoteStore:
    """A SPARQL 1.1 store at ``endpoints``; ``retries`` more tries after a network failure, the
    first after ``backoff`` seconds and each later one after twice the pause before."""

    endpoints: Endpoints
    retries: int = 4
    backoff: float = 0.5
    timeout: float = 60.0
    union_parameter: bool = True  # ask for the union default graph the Oxigraph way
    _auth: str | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self._auth = authorization()

    @classmethod
    def at(cls, base: str, query: str | None = None, data: str | None = None, **options) -> RemoteStore:
        return cls(Endpoints.of(base, query, data), **options)

    @property
    def url(self) -> str:
        return self.endpoints.data

    # ------------------------------------------------------------ reading

    def query(self, sparql: str, bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None):
        """Run a SPARQL query over the union of the graphs, like ``GraphStore.query``.

        ``bindings`` become a VALUES block at the top of the query's pattern (SPARQL 1.1 has no
        way to send them beside the text); each term is written in its escaped N-Triples form,
        so a value can never change the query's shape. A SELECT or ASK answer comes back as
        pyoxigraph ``QuerySolutions``/``QueryBoolean``, a graph answer as a list of Triples.
        """
        text, shift = with_prefixes(with_values(sparql, bindings or {}), PREFIXES)
        params = [("query", text)] + ([("union-default-graph", "")] if self.union_parameter else [])
        try:
            kind, body = self._request("POST", self.endpoints.query, _form(params),
                                       {"Content-Type": "application/x-www-form-urlencoded", "Accept": ACCEPT})
        except _Refused as exc:
            if exc.status == 400:
                raise KgError(f"malformed SPARQL query: {_unshift(exc.message, shift)}") from None
            raise StoreUnreachable(self.endpoints.query, f"the query was refused: {exc}") from None
        if kind.startswith(ox.RdfFormat.N_TRIPLES.media_type):
            return [q.triple for q in ox.parse(body, ox.RdfFormat.N_TRIPLES)]
        results = ox.QueryResultsFormat.from_media_type(kind) if kind else None
        if results is None:
            raise StoreUnreachable(self.endpoints.query, f"answered {kind or 'without a type'}, not SPARQL results "
                                                         "(is this the query endpoint? see --store-query)")
        return ox.parse_query_results(body, results)

    def graphs(self) -> list[ox.NamedNode]:
        """kg's named graphs, in IRI order. (A shared store may hold others, and its own: Virtuoso
        keeps system graphs. kg's are those under ``KG_GRAPHS``.)"""
        return sorted((row["g"] for row in self.query(_GRAPHS_QUERY)), key=lambda g: g.value)

    def quads(self, graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        """The quads of one named graph, or of every kg graph in IRI order (a GET each)."""
        for name in [graph] if graph is not None else self.graphs():
            try:
                _, body = self._request("GET", self._graph_url(name), None,
                                        {"Accept": ox.RdfFormat.N_TRIPLES.media_type})
            except _Refused as exc:
                if exc.status == 404:
                    continue
                raise StoreUnreachable(self.url, f"cannot read graph {name.value}: {exc}") from None
            for q in ox.parse(body, ox.RdfFormat.N_TRIPLES):
                yield ox.Quad(q.subject, q.predicate, q.object, name)

    def __len__(self) -> int:
        """Quads in kg's graphs."""
        return int(next(iter(self.query(_COUNT_QUERY)))["n"].value)

    def documents(self) -> dict[str, str]:
        """The documents the store holds: graph IRI → file name (kg:fileName in that graph)."""
        return {row["g"].value: row["name"].value for row in self.query(DOCUMENTS_QUERY)}

    def dump(self, path: str | Path, fmt: ox.RdfFormat, prefixes: Mapping[str, str] | None = PREFIXES) -> None:
        """Write every quad (for a triple format, the union of the graphs) atomically, sorted."""
        from kg.io import atomic_write_bytes

        atomic_write_bytes(Path(path), serialize(self.quads(), fmt, prefixes))

    # ------------------------------------------------------------ writing

    def replace_document(self, key: str, triples: bytes | Iterable[ox.Triple]) -> None:
        """The graph of the document whose key (text hash) is ``key`` becomes ``triples``."""
        self.replace_graph(ox.NamedNode(DOCUMENT_GRAPHS + key), triples)

    def drop_document(self, key: str) -> None:
        self.drop_graph(ox.NamedNode(DOCUMENT_GRAPHS + key))

    def replace_graph(self, graph: ox.NamedNode, triples: bytes | Iterable[ox.Triple]) -> None:
        """The graph becomes ``triples`` (N-Triples bytes, or Triples): one PUT, whole or not at all."""
        self._send_graph("PUT", graph, triples)

    def add_to_graph(self, graph: ox.NamedNode, triples: bytes | Iterable[ox.Triple]) -> None:
        """Add to a graph (a Graph Store POST); what it already holds stays."""
        self._send_graph("POST", graph, triples)

    def _send_graph(self, method: str, graph: ox.NamedNode, triples: bytes | Iterable[ox.Triple]) -> None:
        body = triples if isinstance(triples, bytes) else ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        try:
            self._request(method, self._graph_url(graph), body, {"Content-Type": ox.RdfFormat.N_TRIPLES.media_type})
        except _Refused as exc:
            raise StoreUnreachable(self.url, f"graph {graph.value} was refused: {exc}") from None

    def drop_graph(self, graph: ox.NamedNode) -> None:
        try:
            self._request("DELETE", self._graph_url(graph), None, {})
        except _Refused as exc:
            if exc.status != 404:  # already absent: dropped is dropped
                raise StoreUnreachable(self.url, f"graph {graph.value} cannot be dropped: {exc}") from None

    def flush(self) -> None:
        """Nothing to do: a graph the server has answered for is stored."""

    # ------------------------------------------------------------ HTTP

    def _graph_url(self, graph: ox.NamedNode) -> str:
        return f"{self.endpoints.data}?{_form([('graph', graph.value)]).decode('ascii')}"

    def _request(self, method: str, url: str, body: bytes | None, headers: dict[str, str]) -> tuple[str, bytes]:
        """(content type, body) of a 2xx answer. Network failures and 429/5xx answers are tried
        again; other answers raise ``_Refused``; when the tries run out, ``StoreUnreachable``."""
        if self._auth:
            headers = {**headers, "Authorization": self._auth}
        pause, reason = self.backoff, ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(pause)
                pause *= 2
            request = urllib.request.Request(url, data=body, headers=headers, method=method)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return response.headers.get("Content-Type", ""), response.read()
            except urllib.error.HTTPError as exc:
                message = " ".join(exc.read().decode("utf-8", "replace").split())[:300]
                if exc.code in (401, 403):
                    message = f"{message or exc.reason} (credentials: {ENV_TOKEN}, or {ENV_USER} and {ENV_PASSWORD})"
                if exc.code not in RETRY_STATUS:
                    raise _Refused(exc.code, message or exc.reason) from None
                reason = f"HTTP {exc.code} {exc.reason}"
            except (urllib.error.URLError, HTTPException, OSError) as exc:
                reason = _network_reason(exc)
        raise StoreUnreachable(url.split("?")[0], f"{reason} (tried {self.retries + 1} times)")


class _Refused(Exception):
    """The server answered with a 4xx status (or 500): retrying would get the same answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"HTTP {status}: {message}")
        self.status = status
        self.message = message


def _form(pairs: list[tuple[str, str]]) -> bytes:
    return urllib.parse.urlencode(pairs, quote_via=urllib.parse.quote).encode("ascii")


def _network_reason(exc: Exception) -> str:
    inner = getattr(exc, "reason", None) or exc
    return " ".join(str(getattr(inner, "strerror", None) or inner).split()) or type(exc).__name__


def _unshift(message: str, shift: int) -> str:
    """The server counts columns of line 1 after our prefix header; the user's text starts later."""
    return _ERROR_AT.sub(lambda m: f"error at {m[1]}:{int(m[2]) - shift if m[1] == '1' else int(m[2])}", message)


def is_url(location: str | Path) -> bool:
    return isinstance(location, str) and location.startswith(("http://", "https://"))
