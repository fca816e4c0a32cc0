"""Query results and how they are shown: a table that lines up with Chinese text, CSV, JSON, Markdown.

A ``Result`` is materialized once (rows of pyoxigraph terms), so one answer can be rendered in any
format, or turned into Python values (``python_value``: ints, decimals, dates, IRIs) for notebooks.
JSON is the SPARQL 1.1 Query Results JSON Format; CSV follows the SPARQL 1.1 CSV format (IRIs in
full, literals as their lexical form). CONSTRUCT/DESCRIBE results render as Turtle
(JSON-LD for ``json``).
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.namespace import PREFIXES, compact_iri

FORMATS = ("table", "csv", "json", "markdown")
# kgr: local names hold "/" (kgr:speech/s…), which Turtle must escape: write those IRIs in full
TURTLE_PREFIXES = {k: v for k, v in PREFIXES.items() if k != "kgr"}
MAX_CELL_WIDTH = 60  # display columns of one table cell; longer values end in "…"

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass(frozen=True)
class Result:
    """The answer to a query: ``kind`` is "select", "ask" or "graph"."""

    kind: str
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = field(default=())

    def records(self) -> list[dict[str, str | None]]:
        """Rows as dicts of plain strings (IRIs in full, literals as their lexical form)."""
        return [{v: (None if t is None else t.value) for v, t in zip(self.variables, row, strict=True)}
                for row in self.rows]


XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = {XSD + name for name in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
    "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte", "gYear")}
_CONVERTERS = {
    **dict.fromkeys(_INTEGER_TYPES, int),
    XSD + "decimal": decimal.Decimal,
    XSD + "double": float,
    XSD + "float": float,
    XSD + "boolean": lambda v: v.strip() in ("true", "1"),
    XSD + "date": lambda v: dt.date.fromisoformat(v[:10]),
    XSD + "dateTime": dt.datetime.fromisoformat,
}


class IRI(str):
    """An IRI as a ``str`` (its full form) that also knows its label, when the graph gives one."""

    label: str | None

    def __new__(cls, value: str, label: str | None = None) -> IRI:
        iri = super().__new__(cls, value)
        iri.label = label
        return iri

    @property
    def short(self) -> str:
        """The prefixed form (``kgr:party/rcck``) when one of kg's prefixes fits."""
        return compact_iri(self)

    def __repr__(self) -> str:
        return f"IRI({self.short!r}, label={self.label!r})"


def python_value(term: Term | None, labels: dict[str, str] | None = None):
    """A Python value for an RDF term: int (xsd:integer and its kin, xsd:gYear), Decimal, float,
    bool, date, datetime, str (other literals, as written), IRI (with its label from ``labels``)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return IRI(term.value, (labels or {}).get(term.value))
    if isinstance(term, ox.Literal):
        convert = None if term.language else _CONVERTERS.get(term.datatype.value)
        try:
            return convert(term.value) if convert else term.value
        except (ValueError, decimal.InvalidOperation):
            return term.value  # an ill-typed literal stays the text it is
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


def from_oxigraph(answer) -> Result:
    """Materialize what ``pyoxigraph.Store.query`` returned."""
    if isinstance(answer, ox.QueryBoolean):
        return Result("ask", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        variables = tuple(v.value for v in answer.variables)
        rows = tuple(tuple(sol[v] for v in variables) for sol in answer)
        return Result("select", variables, rows)
    return Result("graph", triples=tuple(answer))


def render(result: Result, fmt: str = "table") -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    if result.kind == "graph":
        rdf_format = ox.RdfFormat.JSON_LD if fmt == "json" else ox.RdfFormat.TURTLE
        return ox.serialize(result.triples, format=rdf_format, prefixes=TURTLE_PREFIXES).decode("utf-8")
    return {"table": to_table, "csv": to_csv, "json": to_json, "markdown": to_markdown}[fmt](result)


# --- text cells -----------------------------------------------------------------------------------

def display_width(text: str) -> int:
    """Columns a terminal gives ``text``: east-asian wide and fullwidth characters take two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return width


def _truncate(text: str, limit: int) -> str:
    if display_width(text) <= limit:
        return text
    out, width = [], 0
    for ch in text:
        w = display_width(ch)
        if width + w > limit - 1:
            break
        out.append(ch)
        width += w
    return "".join(out) + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def compact(term: Term | None) -> str:
    """A short form for reading: prefixed IRIs, bare literal values, one line."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        short = compact_iri(term.value)
        return short if short != term.value and not short.endswith(":") else f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return " ".join(term.value.split())
    return str(term)


def _cells(result: Result) -> tuple[list[str], list[list[str]]]:
    if result.kind == "ask":
        return ["boolean"], [["true" if result.boolean else "false"]]
    return list(result.variables), [[compact(t) for t in row] for row in result.rows]


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns lined up by display width (CJK characters take two columns); long cells cut."""
    rows = [[_truncate(str(c), MAX_CELL_WIDTH) for c in row] for row in rows]
    widths = [max([display_width(h)] + [display_width(r[i]) for r in rows]) for i, h in enumerate(header)]
    lines = ["  ".join(_pad(h, w) for h, w in zip(header, widths, strict=True)).rstrip(),
             "  ".join("─" * w for w in widths)]
    lines += ["  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return "\n".join(lines) + "\n"


def to_table(result: Result) -> str:
    header, rows = _cells(result)
    text = text_table(header, rows)
    if result.kind == "select":
        text += f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n"
    return text


def to_markdown(result: Result) -> str:
    header, rows = _cells(result)

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.replace("\\", "\\\\").replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(header), "|" + "---|" * len(header)] + [line(r) for r in rows]) + "\n"


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if isinstance(term, ox.NamedNode | ox.Literal) else str(term)


def to_csv(result: Result) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    if result.kind == "ask":
        writer.writerows([["boolean"], ["true" if result.boolean else "false"]])
    else:
        writer.writerow(result.variables)
        writer.writerows([_csv_value(t) for t in row] for row in result.rows)
    return buf.getvalue()


def _json_term(term: Term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    parts = ("subject", "predicate", "object")
    return {"type": "triple", "value": {k: _json_term(getattr(term, k)) for k in parts}}


def to_json(result: Result) -> str:
    if result.kind == "ask":
        doc: dict = {"head": {}, "boolean": bool(result.boolean)}
    else:
        bindings = [{v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
                    for row in result.rows]
        doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
