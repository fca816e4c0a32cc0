"""Which format to answer in: a ``format=`` (or ``output=``/``results=``) parameter the server knows,
else the Accept header, else the default.

Clients send these parameters loosely. SPARQLWrapper repeats its wish under ``format``, ``output``
and ``results``, sometimes twice (``format=rdf+xml&format=application/rdf+xml``), and also sends a
good Accept header; so a value the server does not know is passed over (the Accept header then
decides), and only a known value is binding. SELECT/ASK and CONSTRUCT/DESCRIBE are negotiated
separately, as the server learns which one a query is only when it runs it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import pyoxigraph as ox

FORMAT_PARAMS = ("format", "output", "results")
RESULTS_DEFAULT = ox.QueryResultsFormat.JSON.media_type
GRAPH_DEFAULT = ox.RdfFormat.TURTLE.media_type
# short names clients use in format=…; a name may apply to both kinds of answer (json, xml)
RESULTS_NAMES = {"json": "application/sparql-results+json", "srj": "application/sparql-results+json",
                 "xml": "application/sparql-results+xml", "srx": "application/sparql-results+xml",
                 "csv": "text/csv", "tsv": "text/tab-separated-values"}
GRAPH_NAMES = {"turtle": "text/turtle", "ttl": "text/turtle", "n3": "text/n3",
               "nt": "application/n-triples", "ntriples": "application/n-triples",
               "n-triples": "application/n-triples", "rdf+xml": "application/rdf+xml",
               "rdfxml": "application/rdf+xml", "rdf": "application/rdf+xml", "xml": "application/rdf+xml",
               "json-ld": "application/ld+json", "jsonld": "application/ld+json", "json": "application/ld+json"}
# media types some clients send that Oxigraph does not list
ALIASES = {"text/rdf+n3": "text/n3", "application/x-json+ld": "application/ld+json",
           "application/javascript": "application/sparql-results+json",
           "text/javascript": "application/sparql-results+json"}
QUAD_FORMATS = (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG)  # a CONSTRUCT answer is triples


def ranked(accept: str) -> list[str]:
    """The media types of an Accept header, most wanted first (ties keep their order); q=0 dropped."""
    wanted = []
    for i, part in enumerate(accept.split(",")):
        media, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media.strip() and q > 0:
            wanted.append((-q, i, media.strip().lower()))
    return [media for _, _, media in sorted(wanted)]


def _writable(media: str, kind) -> str | None:
    media = ALIASES.get(media, media)
    try:
        fmt = kind.from_media_type(media)
    except ValueError:
        return None
    if fmt is None or fmt in QUAD_FORMATS:
        return None
    return fmt.media_type


def _from_params(values: Iterable[str], names: dict[str, str], kind) -> str | None:
    for value in values:
        key = value.strip().lower()
        found = names.get(key) or (_writable(key, kind) if "/" in key else None)
        if found:
            return found
    return None


def _from_accept(media_types: list[str], kind, default: str) -> str | None:
    for media in media_types:
        if media in ("*/*", "application/*", "text/*"):
            return default
        found = _writable(media, kind)
        if found:
            return found
    return None


def negotiate(accept: str, format_values: Iterable[str] = ()) -> tuple[str, str]:
    """(media type for SELECT/ASK, media type for CONSTRUCT/DESCRIBE).

    An Accept header that names nothing the server writes still gets the default (JSON results,
    Turtle graphs) rather than 406: the media type says what it is, and the client can look.
    """
    values = tuple(format_values)
    if len(accept) + sum(map(len, values)) > 1024:  # not remembered: the cache stays small
        return _negotiate.__wrapped__(accept, values)
    return _negotiate(accept, values)


@lru_cache(maxsize=256)  # clients send the same few headers again and again
def _negotiate(values: tuple[str, ...] | str, format_values: tuple[str, ...] = ()) -> tuple[str, str]:
    accept, values = values, format_values
    media_types = ranked(accept)
    results = (_from_params(values, RESULTS_NAMES, ox.QueryResultsFormat)
               or _from_accept(media_types, ox.QueryResultsFormat, RESULTS_DEFAULT) or RESULTS_DEFAULT)
    graph = (_from_params(values, GRAPH_NAMES, ox.RdfFormat)
             or _from_accept(media_types, ox.RdfFormat, GRAPH_DEFAULT) or GRAPH_DEFAULT)
    return results, graph


def prefers_html(accept: str, default_html: bool) -> bool:
    """Whether a client asking for a description (no query) wants the page rather than RDF."""
    for media in ranked(accept):
        if media in ("text/html", "application/xhtml+xml"):
            return True
        if _writable(media, ox.RdfFormat):
            return False
        if media == "*/*":
            return default_html
    return default_html
