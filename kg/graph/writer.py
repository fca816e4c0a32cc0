"""The graph stage's terms as N-Triples text, written directly: the build's workers hand each
document's graph to the store as N-Quads lines, with no rdflib or pyoxigraph term on the way.

Why: making an rdflib term (``URIRef`` validates every IRI) and converting it to pyoxigraph cost
the build's workers more than the extraction itself; a term here is the string N-Triples spells
it with (``<iri>``, ``"text"@zh``, ``"5"^^<…#integer>``), made once and joined into lines. Its
spelling is canonical (one escape for each character), so equal terms are equal strings and a
document's triples are deduplicated as tuples of strings. ``rdflib_triples`` reads lines back
through pyoxigraph's parser into rdflib terms, for the library API (``kg.graph.document_part``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_INTEGER = f"<{XSD}integer>"
XSD_STRING = f"{XSD}string"

# Escaped as N-Triples' ECHAR; every other control character as \uXXXX, as Oxigraph writes them.
_ECHAR = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile('["\\\\\x00-\x1f\x7f]')


def _escaped(match: re.Match) -> str:
    char = match.group()
    return _ECHAR.get(char) or f"\\u{ord(char):04X}"


def escape(text: str) -> str:
    """``text`` as the inside of an N-Triples string literal."""
    return _NEEDS_ESCAPE.sub(_escaped, text) if _NEEDS_ESCAPE.search(text) else text


def iri(value: str) -> str:
    """An IRI term. The caller vouches for the IRI (kg.graph.terms makes them from hashes and
    checked ids); the store's parser still refuses one that is not."""
    return f"<{value}>"


def literal(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    """A literal: a plain string, a language-tagged string (``lang``) or typed (``datatype``, an IRI)."""
    if lang:
        return f'"{escape(text)}"@{lang}'
    if datatype:
        return f'"{escape(text)}"^^<{datatype}>'
    return f'"{escape(text)}"'


def integer(n: int) -> str:
    """An xsd:integer literal."""
    return f'"{n:d}"^^{XSD_INTEGER}'


class Names:
    """The N-Triples spelling of a namespace's terms (``Names(RDF).type`` → ``"<…#type>"``), made
    on first use from the rdflib namespace, so that a closed namespace stays closed."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        term = iri(str(getattr(self._namespace, name)))
        setattr(self, name, term)  # found in the instance from now on
        return term


def lines(triples: Iterable[tuple[str, str, str]], graph: str | None = None) -> bytes:
    """The triples as N-Triples lines, or as N-Quads lines in ``graph`` (an IRI term)."""
    end = f" {graph} .\n" if graph else " .\n"
    return "".join(f"{s} {p} {o}{end}" for s, p, o in triples).encode("utf-8")


def in_graph(ntriples: bytes, graph: str) -> bytes:
    """N-Triples lines as N-Quads lines in ``graph`` (an IRI term). A line break is never raw inside
    a line (literals escape it), so a line of one triple ends with " .\n" and the graph goes before
    that; text of another shape (comments, blank lines) goes through pyoxigraph's parser."""
    end = f" {graph} .\n".encode()
    quads = ntriples.replace(b" .\n", end)
    if quads.count(end) == ntriples.count(b"\n") and ntriples.endswith(b"\n") or not ntriples:
        return quads
    name = ox.NamedNode(graph[1:-1])
    return ox.serialize((ox.Quad(t.subject, t.predicate, t.object, name)
                         for t in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)), format=ox.RdfFormat.N_QUADS)


def rdflib_triples(data: bytes) -> list[tuple]:
    """N-Triples lines as rdflib (subject, predicate, object) tuples, in their order."""
    convert = _rdflib_converter()
    return [(convert(t.subject), convert(t.predicate), convert(t.object))
            for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]


def _rdflib_converter():
    """pyoxigraph term → rdflib term, each distinct term converted once."""
    from rdflib import Literal, URIRef

    cache: dict = {}

    def convert(term):
        found = cache.get(term)
        if found is None:
            if isinstance(term, ox.NamedNode):
                found = URIRef(term.value)
            elif term.language:
                found = Literal(term.value, lang=term.language)
            elif term.datatype.value == XSD_STRING:
                found = Literal(term.value)
            else:
                found = Literal(term.value, datatype=URIRef(term.datatype.value))
            cache[term] = found
        return found

    return convert
