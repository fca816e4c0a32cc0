"""The routes of `kg serve`: the SPARQL 1.1 Protocol (read-only), named questions, the query page.

Routes
  /sparql            GET ?query=…, POST form (query=…), POST application/sparql-query. SELECT/ASK
                     answer as JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE as Turtle, N3, N-Triples,
                     RDF/XML or JSON-LD (kg.endpoint.negotiation). Without a query: the SPARQL 1.1
                     Service Description (Turtle, or another RDF format asked for), or the query
                     page for a browser.
  /questions         the named questions (JSON); /questions/NAME?param=… runs one, its parameters
                     bound as RDF terms.
  /                  the query page (self-contained HTML); /graph.html the network page that
                     `kg build` wrote next to the graph file, if there is one.

Refused: SPARQL Update in any form with 403 "read-only endpoint"; SERVICE unless allowed, and
queries past the nesting limits, with 400 (kg.endpoint.guard); an answer past the row or byte
limit with 400; a query over the time or memory limit with 503 (its worker is killed).
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
from collections.abc import Awaitable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qs

import pyoxigraph as ox

from kg.ask.pool import QueryPool, QueryStopped, QueryTimeout
from kg.ask.query import questions
from kg.ask.worker import Answer, Job
from kg.endpoint.answercache import AnswerCache
from kg.endpoint.guard import READ_ONLY, Refused, check_query, repeatable
from kg.endpoint.http import Request, Response, log
from kg.endpoint.limits import Limits, Policy
from kg.endpoint.negotiation import FORMAT_PARAMS, negotiate, prefers_html
from kg.errors import QueryError
from kg.namespace import PREFIXES

PAGE = Path(__file__).resolve().parent.parent / "data" / "query_page.html"
SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                  "Turtle", "N3", "N-Triples", "RDF_XML", "JSON-LD")
METHODS = "GET, HEAD, POST, OPTIONS"
VERDICTS = 10_000  # guard verdicts remembered
VARY = {"Vary": "Accept"}  # on every negotiated answer (shared by the responses: CORS makes a new dict)
PLAN = "query"  # where a request head's memo keeps the plan of its query


@dataclass(frozen=True, slots=True)
class Plan:
    """What a query request comes to once routed and checked: the job to run, and how."""

    job: Job
    service: bool  # it calls another endpoint: never on the fast path
    kept: tuple | None  # the key of its answer among the answers kept, if they are kept and it is repeatable


class Endpoint:
    """Answers requests over ``source`` through ``pool``, within ``limits`` and ``policy``."""

    def __init__(self, source: Path, pool: QueryPool, limits: Limits, policy: Policy,
                 answers: AnswerCache | None = None) -> None:
        """``answers``: where answers to repeated queries are kept (only if the graph cannot change)."""
        self.source, self.pool, self.limits, self.policy, self.answers = source, pool, limits, policy, answers
        self.network_page = source.with_name("graph.html") if source.is_file() else source / "graph.html"
        listing = [q.as_dict() for q in questions().values()]
        self.listing = json.dumps(listing, ensure_ascii=False).encode()
        page = PAGE.read_text(encoding="utf-8").replace("__QUESTIONS__", self.listing.decode().replace("</", "<\\/"))
        page = page.replace("__PREFIXES__", json.dumps(PREFIXES))
        page = page.replace("__GRAPH__", html.escape(source.name))
        self._verdicts: dict[bytes, Refused | bool] = {}  # a refusal, or whether the query is repeatable
        self.page = page.replace("__NETWORK__", "true" if self.network_page.is_file() else "false").encode()

    def handle(self, request: Request) -> Response | Awaitable[Response]:
        """The response now when it is ready now (a cheap query, a page), else an awaitable of it.

        A query's plan (its job, checked by the guard, in the negotiated formats) is remembered with
        the request's head (kg.endpoint.http.Head.memo): a client repeating a request repeats none of
        the work that led to it, only the query.
        """
        memo = request.head.memo
        plan = memo.get(PLAN) if memo else None
        try:
            outcome = self._route(request) if plan is None else self._answer(request, plan)
        except Refused as exc:
            outcome = Response.text(exc.status, str(exc))
        if not self.policy.cors_origins:
            return outcome
        if isinstance(outcome, Response):
            return self._with_cors(request, outcome)
        return self._later(request, outcome)

    async def _later(self, request: Request, outcome: Awaitable[Response]) -> Response:
        return self._with_cors(request, await outcome)

    def _with_cors(self, request: Request, response: Response) -> Response:
        origin = request.header("origin")
        if origin and origin in self.policy.cors_origins:  # a new dict: the response's may be shared
            response.headers = {**response.headers, "Access-Control-Allow-Origin": origin,
                                "Vary": ", ".join(filter(None, [response.headers.get("Vary"), "Origin"]))}
        return response

    def _route(self, request: Request) -> Response | Awaitable[Response]:
        path = request.path
        if request.method == "OPTIONS":
            return self._preflight(request)
        if request.method not in ("GET", "HEAD", "POST"):
            return Response.text(405, f"method {request.method} is not allowed", headers={"Allow": METHODS})
        if path == "/sparql":
            return self._sparql(request)
        if request.method == "POST" and (path.startswith("/questions/") or path in ("/", "/questions")):
            return Response.text(405, "use GET here", headers={"Allow": "GET, HEAD"})
        if path == "/questions":
            return Response(200, self.listing, "application/json")
        if path.startswith("/questions/"):
            return self._question(request, path.removeprefix("/questions/"))
        if path in ("/", "/index.html"):
            return self._description(request, default_html=True)
        if path == "/favicon.ico":
            return Response(204)  # browsers ask for it; there is none
        if path == "/graph.html" and self.network_page.is_file():
            return Response(200, self.network_page.read_bytes(), "text/html; charset=utf-8")
        return Response.text(404, f"nothing at {path}")

    def _preflight(self, request: Request) -> Response:
        headers = {"Allow": METHODS}
        if request.header("origin") in self.policy.cors_origins:
            headers |= {"Access-Control-Allow-Methods": METHODS,
                        "Access-Control-Allow-Headers": "Content-Type, Accept", "Access-Control-Max-Age": "600"}
        return Response(204, b"", headers=headers)

    # --- SPARQL protocol ----------------------------------------------------------------------------

    def _sparql(self, request: Request) -> Response | Awaitable[Response]:
        params = request.params
        body_query = None
        if request.method == "POST":
            ctype = request.content_type
            if ctype == "application/x-www-form-urlencoded":
                form = _form(request.body)
                params = {**params, **form}
            elif ctype == "application/sparql-update":
                raise Refused(403, READ_ONLY)
            elif ctype == "application/sparql-query":
                body_query = request.body.decode("utf-8", "replace")
            else:
                return Response.text(415, f"cannot read a POST body of type {ctype or '(none)'}: send "
                                          "application/sparql-query or a form")
        if "update" in params:
            raise Refused(403, READ_ONLY)
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            return Response.text(400, "default-graph-uri and named-graph-uri are not supported: the default "
                                      "graph is the union of all graphs")
        texts = params.get("query", [])
        if body_query is None and not texts and request.method != "POST":
            return self._description(request, default_html=False)
        sparql = body_query if body_query is not None else (texts[0] if len(texts) == 1 else "")
        if not sparql.strip() or (body_query is not None and texts):
            return Response.text(400, "give exactly one query (query=… or an application/sparql-query body)")
        return self._run(request, sparql, {}, params)

    def _question(self, request: Request, name: str) -> Response | Awaitable[Response]:
        question = questions().get(name)
        if question is None:
            return Response.text(404, f"no named question {name!r}")
        params = request.params
        values = {k: v[0] for k, v in params.items() if k not in FORMAT_PARAMS}
        try:
            bindings = question.bindings(values)
        except QueryError as exc:
            return Response.text(400, str(exc))
        return self._run(request, question.sparql, bindings, params)

    def _run(self, request: Request, sparql: str, bindings, params: dict[str, list[str]]
             ) -> Response | Awaitable[Response]:
        digest, repeatable = self._check(sparql)
        formats = [v for name in FORMAT_PARAMS for v in params.get(name, [])]
        results_type, graph_type = negotiate(request.header("accept"), formats)
        kept = None
        if self.answers is not None and repeatable:
            kept = (digest, tuple(sorted((k, str(v)) for k, v in bindings.items())), results_type, graph_type)
        plan = Plan(Job(sparql, bindings, results_type, graph_type, repeatable), "SERVICE" in sparql.upper(), kept)
        if request.head.memo is not None:
            request.head.memo[PLAN] = plan
        return self._answer(request, plan)

    def _answer(self, request: Request, plan: Plan) -> Response | Awaitable[Response]:
        if log.isEnabledFor(logging.DEBUG):  # the query text only at debug level: it may be private
            log.debug("%s query: %s", request.peer, " ".join(plan.job.sparql.split()))
        if plan.kept is not None:
            answer = self.answers.get(plan.kept)
            if answer is not None:
                return _answered(answer)
        try:
            answer = self.pool.answer_now(plan.job)
        except QueryError as exc:
            return Response.text(400, str(exc), headers=VARY)
        if answer is None:
            return self._run_later(plan)
        self._keep(plan.kept, answer)
        return _answered(answer)

    async def _run_later(self, plan: Plan) -> Response:
        try:
            answer = await self.pool.run(plan.job, service=plan.service)
        except (QueryTimeout, QueryStopped) as exc:
            return Response.text(503, str(exc), headers={"Retry-After": "10", **VARY})
        except QueryError as exc:
            return Response.text(400, str(exc), headers=VARY)
        self._keep(plan.kept, answer)
        return _answered(answer)

    def _keep(self, kept: tuple | None, answer: Answer) -> None:
        if kept is not None:
            digest, bindings, results_type, graph_type = kept
            self.answers.put(kept, answer, len(digest) + len(repr(bindings)) + len(results_type) + len(graph_type))

    def _check(self, sparql: str) -> tuple[bytes, bool]:
        """(digest of the text, whether the query is repeatable); Refused if kg.endpoint.guard refuses it.

        The verdict is remembered: it depends on the text alone, and costs ~0.1 ms. Remembered by a
        digest of the text, so that 10,000 large queries cannot fill the memory.
        """
        key = hashlib.blake2b(sparql.encode(), digest_size=16).digest()
        verdict = self._verdicts.get(key)
        if verdict is None:
            try:
                check_query(sparql, max_depth=self.limits.max_depth, max_operators=self.limits.max_operators,
                            allow_service=self.policy.allow_service)
                verdict = repeatable(sparql)
            except Refused as exc:
                verdict = exc
            if len(self._verdicts) >= VERDICTS:
                self._verdicts.pop(next(iter(self._verdicts)))
            self._verdicts[key] = verdict
        if isinstance(verdict, Refused):
            raise Refused(verdict.status, str(verdict))
        return key, verdict

    # --- description --------------------------------------------------------------------------------

    def _description(self, request: Request, default_html: bool) -> Response:
        vary = {"Vary": "Accept"}
        accept = request.header("accept")
        if prefers_html(accept, default_html):
            return Response(200, self.page, "text/html; charset=utf-8", vary)
        _, graph_type = negotiate(accept)
        fmt = ox.RdfFormat.from_media_type(graph_type)
        body = ox.serialize(self._service_description(_endpoint_iri(request.header("host"))), format=fmt,
                            **({} if fmt in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.JSON_LD)
                               else {"prefixes": {"sd": SD, "formats": FORMATS}}))
        return Response(200, body, _with_charset(fmt.media_type), vary)

    def _service_description(self, endpoint: str) -> list[ox.Triple]:
        service, sd = ox.NamedNode(endpoint), lambda name: ox.NamedNode(SD + name)
        dataset, graph = ox.BlankNode("dataset"), ox.BlankNode("default")
        rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
        triples = [ox.Triple(service, rdf_type, sd("Service")),
                   ox.Triple(service, sd("endpoint"), service),
                   ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
                   ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
                   ox.Triple(service, sd("defaultDataset"), dataset),
                   ox.Triple(dataset, rdf_type, sd("Dataset")),
                   ox.Triple(dataset, sd("defaultGraph"), graph),
                   ox.Triple(graph, rdf_type, sd("Graph"))]
        triples += [ox.Triple(service, sd("resultFormat"), ox.NamedNode(FORMATS + f)) for f in RESULT_FORMATS]
        return triples


def _endpoint_iri(host: str) -> str:
    """The endpoint's IRI by the Host header the client used, if it makes a valid IRI."""
    try:
        return ox.NamedNode(f"http://{host}/sparql").value if host and "/" not in host else "http://127.0.0.1/sparql"
    except ValueError:
        return "http://127.0.0.1/sparql"


def _answered(answer: Answer) -> Response:
    return Response(200, answer.body, _with_charset(answer.content_type), VARY, rows=answer.rows)


def _form(body: bytes) -> dict[str, list[str]]:
    return parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)


@lru_cache(maxsize=64)  # the few media types of the formats written
def _with_charset(media_type: str) -> str:
    textual = media_type.startswith("text/") or media_type.endswith(("+json", "+xml", "/json", "/xml"))
    return media_type if "charset" in media_type or not textual else f"{media_type}; charset=utf-8"
