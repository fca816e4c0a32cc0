"""A read-only SPARQL 1.1 Protocol endpoint over a graph file, with a small query page.

Routes
  /sparql            GET ?query=…, POST form (query=…), POST application/sparql-query.
                     SELECT/ASK answer as JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE as Turtle,
                     JSON-LD, N-Triples or RDF/XML: by ``format=`` or else by the Accept header.
  /questions         the named questions (JSON); /questions/NAME?param=… runs one, its parameters
                     bound as RDF terms.
  /                  the query page (self-contained HTML); /graph.html the network page that
                     `kg build` wrote next to the graph file, if there is one.

Refused: SPARQL Update (an ``update=`` parameter, application/sparql-update, or update text) with
403; a request larger than ``max_request_bytes`` with 413 (body) or 414 (URL); a query over the time
limit with 503 (its worker process is killed, see kg.querypool).
"""

from __future__ import annotations

import html
import json
import re
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.errors import KgError, QueryError
from kg.query import questions
from kg.querypool import Job, QueryPool, QueryTimeout
from kg.store.remote import is_url

PAGE = Path(__file__).parent / "data" / "query_page.html"
RESULT_FORMATS = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                  "csv": "text/csv", "tsv": "text/tab-separated-values"}
GRAPH_FORMATS = {"turtle": "text/turtle", "ttl": "text/turtle", "json-ld": "application/ld+json",
                 "jsonld": "application/ld+json", "nt": "application/n-triples",
                 "ntriples": "application/n-triples", "rdfxml": "application/rdf+xml",
                 "xml": "application/rdf+xml"}
QUAD_FORMATS = (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG)  # a CONSTRUCT answer is triples
READ_ONLY = "read-only endpoint: SPARQL Update is not accepted"
_UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
                     r"(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.I)


class HttpError(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


def negotiate(accept: str, fmt: str | None) -> tuple[str, str]:
    """(results media type, graph media type) from ``format=`` or the Accept header."""
    if fmt:
        key = fmt.strip().lower()
        if key in RESULT_FORMATS or key in GRAPH_FORMATS:
            return (RESULT_FORMATS.get(key, RESULT_FORMATS["json"]),
                    GRAPH_FORMATS.get(key, GRAPH_FORMATS["turtle"]))
        results, graph = _pick([key], ox.QueryResultsFormat, None), _pick([key], ox.RdfFormat, None)
        if results is None and graph is None:  # neither a short name nor a media type we write
            raise HttpError(HTTPStatus.BAD_REQUEST, f"unknown format {fmt!r}")
        return results or RESULT_FORMATS["json"], graph or GRAPH_FORMATS["turtle"]
    ranked = []
    for i, part in enumerate(accept.split(",")):
        media, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, i, media.strip().lower()))
    media_types = [m for _, _, m in sorted(ranked)]
    return (_pick(media_types, ox.QueryResultsFormat, RESULT_FORMATS["json"]),
            _pick(media_types, ox.RdfFormat, GRAPH_FORMATS["turtle"]))


def _pick(media_types, kind, default: str | None) -> str | None:
    """The first media type of ``kind`` we can write, else ``default``."""
    for media in media_types:
        if media in ("*/*", "application/*", "text/*"):
            return default
        try:
            fmt = kind.from_media_type(media)
        except ValueError:
            fmt = None
        if fmt is not None and fmt not in QUAD_FORMATS:
            return fmt.media_type
    return default


class SparqlServer(ThreadingHTTPServer):
    """The endpoint; ``server_close`` also stops the query workers."""

    daemon_threads = True

    def __init__(self, graph: str | Path, host: str = "127.0.0.1", port: int = 8000, timeout: float = 10.0,
                 max_request_bytes: int = 64 * 1024, workers: int = 2, quiet: bool = False) -> None:
        self.graph = Path(graph)
        self.max_request_bytes = max_request_bytes
        self.quiet = quiet
        if not is_url(graph) and not self.graph.is_file():
            raise KgError(f"{self.graph}: no such graph file (run `kg build` first, or pass --graph)")
        self.pool: QueryPool | None = None  # a failed bind calls server_close before the pool exists
        try:
            super().__init__((host, port), Handler)
        except OSError as exc:
            raise KgError(f"cannot listen on {host}:{port}: {exc}") from exc
        try:
            self.pool = QueryPool(graph, workers=workers, timeout=timeout)
        except BaseException:
            super().server_close()
            raise

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"

    def server_close(self) -> None:
        super().server_close()
        if self.pool is not None:
            self.pool.close()


class Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args) -> None:
        if not self.server.quiet:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    # --- routing ---------------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._handle(body=b"")

    def do_POST(self) -> None:
        self._handle(body=None)

    def do_OPTIONS(self) -> None:
        self._send(HTTPStatus.NO_CONTENT, "text/plain", b"",
                   {"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                    "Access-Control-Allow-Headers": "Content-Type, Accept"})

    def _handle(self, body: bytes | None) -> None:
        try:
            if len(self.path) > self.server.max_request_bytes:
                raise HttpError(HTTPStatus.REQUEST_URI_TOO_LONG, "the request URL is over the size limit")
            url = urlsplit(self.path)
            params = parse_qs(url.query, keep_blank_values=True)
            if body is None:
                body, params = self._read_body(params)
            if url.path == "/sparql":
                self._sparql(params, body)
            elif url.path == "/questions":
                listing = [q.as_dict() for q in questions().values()]
                body = json.dumps(listing, ensure_ascii=False).encode()
                self._send(HTTPStatus.OK, "application/json", body)
            elif url.path.startswith("/questions/"):
                self._question(url.path.removeprefix("/questions/"), params)
            elif url.path in ("/", "/index.html"):
                self._send(HTTPStatus.OK, "text/html; charset=utf-8", self._page())
            elif url.path == "/graph.html" and self._network_page().is_file():
                self._send(HTTPStatus.OK, "text/html; charset=utf-8", self._network_page().read_bytes())
            else:
                raise HttpError(HTTPStatus.NOT_FOUND, f"nothing at {url.path}")
        except HttpError as exc:
            self._send(exc.status, "text/plain; charset=utf-8", f"{exc}\n".encode())

    def _read_body(self, params: dict[str, list[str]]) -> tuple[bytes, dict[str, list[str]]]:
        length = self.headers.get("Content-Length")
        if length is None:
            self.close_connection = True
            raise HttpError(HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length")
        if not length.isdigit() or int(length) > self.server.max_request_bytes:
            self.close_connection = True  # the body is not read
            raise HttpError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                            f"the request body is over the limit of {self.server.max_request_bytes} bytes")
        body = self.rfile.read(int(length))
        ctype = self.headers.get_content_type()
        if ctype == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            return b"", {**params, **form}
        if ctype == "application/sparql-update":
            raise HttpError(HTTPStatus.FORBIDDEN, READ_ONLY)
        if ctype != "application/sparql-query":
            raise HttpError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"cannot read a POST body of type {ctype}")
        return body, params

    # --- answers -----------------------------------------------------------------------------------

    def _sparql(self, params: dict[str, list[str]], body: bytes) -> None:
        if "update" in params:
            raise HttpError(HTTPStatus.FORBIDDEN, READ_ONLY)
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            raise HttpError(HTTPStatus.BAD_REQUEST, "default-graph-uri and named-graph-uri are not "
                            "supported: the default graph is the union of all graphs")
        texts = params.get("query", [])
        sparql = body.decode("utf-8", "replace") if body else (texts[0] if len(texts) == 1 else None)
        if not sparql or (body and texts):
            raise HttpError(HTTPStatus.BAD_REQUEST, "give exactly one query (query=… or a sparql-query body)")
        self._run(sparql, {}, params)

    def _question(self, name: str, params: dict[str, list[str]]) -> None:
        question = questions().get(name)
        if question is None:
            raise HttpError(HTTPStatus.NOT_FOUND, f"no named question {name!r}")
        values = {k: v[0] for k, v in params.items() if k != "format"}
        try:
            bindings = question.bindings(values)
        except QueryError as exc:
            raise HttpError(HTTPStatus.BAD_REQUEST, str(exc)) from exc
        self._run(question.sparql, bindings, params)

    def _run(self, sparql: str, bindings, params: dict[str, list[str]]) -> None:
        fmt = (params.get("format") or [None])[0]
        results_type, graph_type = negotiate(self.headers.get("Accept", ""), fmt)
        try:
            answer = self.server.pool.run(Job(sparql, bindings, results_type, graph_type))
        except QueryTimeout as exc:
            raise HttpError(HTTPStatus.SERVICE_UNAVAILABLE, str(exc)) from exc
        except QueryError as exc:
            if _UPDATE.match(re.sub(r"#[^\n]*", "", sparql)):
                raise HttpError(HTTPStatus.FORBIDDEN, READ_ONLY) from exc
            raise HttpError(HTTPStatus.BAD_REQUEST, str(exc)) from exc
        except KgError as exc:
            raise HttpError(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc)) from exc
        self._send(HTTPStatus.OK, answer.content_type, answer.body)

    def _network_page(self) -> Path:
        return self.server.graph.with_name("graph.html")

    def _page(self) -> bytes:
        listing = json.dumps([q.as_dict() for q in questions().values()], ensure_ascii=False)
        page = PAGE.read_text(encoding="utf-8")
        page = page.replace("__QUESTIONS__", listing.replace("</", "<\\/"))
        page = page.replace("__GRAPH__", html.escape(self.server.graph.name))
        return page.replace("__NETWORK__", "true" if self._network_page().is_file() else "false").encode()

    def _send(self, status: HTTPStatus, content_type: str, body: bytes, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)
