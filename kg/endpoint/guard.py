"""Checks a SPARQL request passes before any engine sees it: nesting, size of the tree, SERVICE, update.

Oxigraph parses and evaluates recursively, so a query whose syntax tree is deep enough overflows the
stack of the process running it (measured with pyoxigraph 0.5: 3,000 nested groups or 10,000 chained
``+``, ``UNION``, triple patterns or path steps, and 3,000 ``BIND``s each kill it). The checks here
read the query as tokens (comments, strings and IRIs recognised so their text does not count) and
bound two things: the bracket nesting depth, and the number of operators, which bounds how deep a
left-leaning chain can make the tree. Both limits sit far below the crashes above.

``SERVICE`` makes the engine send the inner query to any address the query names; it is refused
unless its IRI starts with one of the allowed prefixes (a variable SERVICE is always refused).
SPARQL Update is refused everywhere, so ``LOAD`` never runs and nothing is ever fetched by it;
``FROM <iri>`` names a graph of the store and never fetches anything in Oxigraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from kg.namespace import PREFIXES

READ_ONLY = "read-only endpoint: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, …) is not accepted"

# strings and comments first (an IRI or a quote can sit inside either), then IRIs
_STRING_OR_COMMENT = re.compile(r"""\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'\'\'(?:[^'\\]|\\.|'(?!''))*'\'\'"""
                                r"""|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\#[^\n]*""", re.S)
_IRI = re.compile(r"<[^<>\"{}|^`\\\s]*>")
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_BRACKET = re.compile(r"[{}()\[\]]")
_OPERATOR = re.compile(r"\|\||&&|[.;,=<>+\-*/|^!]")
_WORD = r"(?<![\w:?$\-]){}(?![\w:\-])"
# keywords that add a node to the syntax tree (triple patterns are counted by . ; , above)
_TREE_WORDS = re.compile(_WORD.format("(?:UNION|OPTIONAL|MINUS|BIND|FILTER|SERVICE|GRAPH|EXISTS|VALUES)"), re.I)
_SERVICE = re.compile(_WORD.format("SERVICE") + r"\s*(?:SILENT(?![\w:\-])\s*)?(<[^>]*>|[^\s{]*)", re.I)
_PREFIX_DECL = re.compile(_WORD.format("PREFIX") + r"\s*([^\W\d][\w\-.]*)?:\s*<([^>]*)>", re.I)
_HEAD = re.compile(r"\s*(?:(?:PREFIX\s*[\w\-.]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*([A-Za-z]+)", re.I)
_DOT_SEGMENT = re.compile(r"/\.\.?(?:/|$|[?#])")  # /../ would leave an allowed path on the way out
# calls whose value changes from one run to the next (BNODE(): a new blank node each time)
_UNREPEATABLE = re.compile(_WORD.format("(?:RAND|NOW|UUID|STRUUID|BNODE)") + r"\s*\(|" + _WORD.format("SERVICE"),
                           re.I)
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


class Refused(Exception):
    """A request the endpoint will not run: ``status`` is the HTTP status, the message says why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _code(sparql: str) -> str:
    """The query with escapes decoded (as the SPARQL grammar does first) and strings and comments blanked."""
    decoded = _ESCAPE.sub(lambda m: chr(int(m[1] or m[2], 16)) if int(m[1] or m[2], 16) < 0x110000 else "",
                          sparql)
    return _STRING_OR_COMMENT.sub(" ", decoded)


def is_update(sparql: str) -> bool:
    """Whether the request's first keyword after its PREFIX/BASE lines is an update operation."""
    head = _HEAD.match(_code(sparql))
    return bool(head) and head[1].upper() in _UPDATE_WORDS


def repeatable(sparql: str) -> bool:
    """Whether running the query again over the same graph gives the same answer (rows in any order):
    no RAND, NOW, UUID, STRUUID or BNODE call, and no SERVICE (another endpoint's data may change)."""
    return not _UNREPEATABLE.search(_code(sparql))


def check_query(sparql: str, *, max_depth: int, max_operators: int, allow_service: Iterable[str] = (),
                prefixes: Mapping[str, str] = PREFIXES) -> None:
    """Raise Refused (403 for an update, else 400) unless the query may be evaluated."""
    code = _code(sparql)
    head = _HEAD.match(code)
    if head and head[1].upper() in _UPDATE_WORDS:
        raise Refused(403, READ_ONLY)
    bare = _IRI.sub(" ", code)
    depth = deepest = 0
    for bracket in _BRACKET.findall(bare):
        depth = depth + 1 if bracket in "{([" else max(0, depth - 1)
        deepest = max(deepest, depth)
    if deepest > max_depth:
        raise Refused(400, f"the query nests {deepest} levels deep, over the limit of {max_depth} "
                      "(brackets { ( [ inside each other; --max-depth)")
    operators = (len(_OPERATOR.findall(bare)) + len(_TREE_WORDS.findall(bare))
                 + sum(bare.count(b) for b in "{(["))
    if operators > max_operators:
        raise Refused(400, f"the query has {operators} operators, patterns and groups, over the limit of "
                      f"{max_operators} (--max-operators)")
    services = _SERVICE.findall(code)
    if services:
        declared = {**prefixes, **{name or "": iri for name, iri in _PREFIX_DECL.findall(code)}}
        for target in services:
            _check_service(target, declared, tuple(allow_service))


def _check_service(target: str, declared: Mapping[str, str], allowed: tuple[str, ...]) -> None:
    iri = None
    if target.startswith("<") and target.endswith(">"):
        iri = target[1:-1]
    elif ":" in target and not target.startswith(("?", "$")):
        prefix, _, local = target.partition(":")
        iri = declared[prefix] + local if prefix in declared else None
    if iri is None or not allowed:
        how = "is not allowed here" if not allowed else "must name an allowed IRI, not a variable"
        raise Refused(400, f"SERVICE (a query sent on to another endpoint) {how}; the server's operator can "
                      "allow chosen endpoints with --allow-service URL-PREFIX")
    if not iri.startswith(allowed) or _DOT_SEGMENT.search(iri) or "@" in iri or "\\" in iri:
        raise Refused(400, f"SERVICE <{iri}> is not allowed: only endpoints under "
                      f"{', '.join(allowed)} are (--allow-service)")


def service_prefix(url: str) -> str:
    """An allowed SERVICE prefix as given, with "/" after a bare origin (so http://a does not allow http://a.b)."""
    scheme, sep, rest = url.partition("://")
    return url + "/" if sep and "/" not in rest else url
