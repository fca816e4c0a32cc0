"""What the embedded store's query options become in the text of a query sent over HTTP.

Oxigraph takes predeclared prefixes and pre-bound variables beside the query; the SPARQL 1.1
Protocol carries only the text. So the prefixes become PREFIX declarations on the query's first
line (its line numbers stay those the user wrote), and the bindings a VALUES block at the top of
the query's outermost group, where every pattern, FILTER and projection of that group sees them.
The scan below knows just enough of SPARQL's lexical rules (strings, IRIs, comments) to find
that group.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pyoxigraph as ox

_IRI = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_FORM = re.compile(r"(?i)\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b")
_LONG_QUOTES = ('"""', "'''")


def with_prefixes(sparql: str, prefixes: Mapping[str, str]) -> tuple[str, int]:
    """``sparql`` with a PREFIX declaration for each prefix it does not declare itself, all on
    its first line; and how many characters that line grew by."""
    declared = {m.lower() for m in re.findall(r"(?i)\bPREFIX\s+([\w.-]*):", sparql)}
    header = "".join(f"PREFIX {p}: <{iri}> " for p, iri in prefixes.items() if p.lower() not in declared)
    return header + sparql, len(header)


def with_values(sparql: str, bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """``sparql`` with ``VALUES (?a ?b) { (term term) }`` opening its outermost group pattern."""
    if not bindings:
        return sparql
    at = _outer_group(sparql)
    if at is None:  # a DESCRIBE of IRIs: no pattern, nothing to bind
        return sparql
    names = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(str(term) for term in bindings.values())  # N-Triples form, escaped
    return f"{sparql[:at]} VALUES ({names}) {{ ({terms}) }} {sparql[at:]}"


def _outer_group(sparql: str) -> int | None:
    """The index just after the ``{`` that opens the query's WHERE pattern (skipping a
    CONSTRUCT template), or None when there is none."""
    form = None
    braces = parens = 0
    template_pending = False
    after_form = 0
    for i, ch in _code(sparql):
        if form is None:
            m = _FORM.match(sparql, i)
            if m and (i == 0 or not (sparql[i - 1].isalnum() or sparql[i - 1] in "_?$:")):
                form, after_form = m[1].upper(), m.end()
                template_pending = form == "CONSTRUCT"
            continue
        if i < after_form:
            continue
        if ch == "(":
            parens += 1
        elif ch == ")":
            parens -= 1
        elif ch == "{":
            if braces == 0 and parens == 0 and not template_pending:
                return i + 1
            braces += 1
        elif ch == "}":
            braces -= 1
            if braces == 0 and template_pending:
                template_pending = False
        elif template_pending and braces == 0 and not ch.isspace():
            template_pending = False  # CONSTRUCT WHERE { … }: the pattern is the template
    return None


def _code(text: str):
    """(index, character) of ``text`` outside strings, IRIs and comments."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if ch == "<":
            m = _IRI.match(text, i)
            if m:
                i = m.end()
                continue
        if ch in "\"'":
            i = _string_end(text, i)
            continue
        yield i, ch
        i += 1


def _string_end(text: str, i: int) -> int:
    quote = text[i : i + 3] if text[i : i + 3] in _LONG_QUOTES else text[i]
    j = i + len(quote)
    while j < len(text):
        if text[j] == "\\":
            j += 2
            continue
        if text.startswith(quote, j):
            return j + len(quote)
        j += 1
    return len(text)
