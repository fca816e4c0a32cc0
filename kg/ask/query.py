"""Named questions (kg/ask/queries/NAME.rq) and running SPARQL over a graph.

A named question is a SPARQL 1.1 file that runs as is on any engine: it declares its PREFIXes, and
its leading comment lines carry its metadata::

    # title@zh: 地区（含下辖地区）的发言领域
    # title@en: Sectors of a region, sub-regions included
    # description@zh: …
    # description@en: …
    # param: region text — 地区名称 | region name (kg:Region rdfs:label), e.g. 晋中市

A parameter line is ``# param: NAME [TYPE] [= DEFAULT] — DESCRIPTION`` with TYPE ``text`` (the
default; bound as an xsd:string literal) or ``integer``. The query gives each parameter a standard
``VALUES ?NAME { "example" }`` block, so that another engine runs the file as is (on the example);
``kg`` puts the value there as an RDF term written by pyoxigraph (its N-Triples form, escaped), never
as raw text pasted into the query. A variable that has no VALUES block (a plain .rq file given with
``--param``) is bound through the store's substitutions.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from kg.ask.results import Result, from_oxigraph
from kg.errors import KgError, QueryError
from kg.namespace import PREFIXES
from kg.store import GraphStore

QUERY_DIR = Path(__file__).parent / "queries"
PARAM_TYPES = {"text": ox.NamedNode("http://www.w3.org/2001/XMLSchema#string"),
               "integer": ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")}
_KEYS = ("title@zh", "title@en", "description@zh", "description@en")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)(?:\s+(?P<type>\w+))?(?:\s*=\s*(?P<default>\S+))?"
                    r"\s*(?:[—–-]+\s*(?P<description>.*))?$")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# One RDF term as SPARQL writes it: a quoted literal (with a language or datatype), an IRI, a number.
_TERM = r'"(?:[^"\\\n]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^(?:<[^>\s]*>|[\w.-]*:[\w.-]*))?|<[^>\s]*>|[+-]?[\d.]+|UNDEF'


def values_block(name: str) -> re.Pattern:
    """``VALUES ?name { term }``: the block of one parameter, whose term kg replaces."""
    return re.compile(rf"(VALUES\s+[?$]{re.escape(name)}\s*\{{\s*)(?:{_TERM})?(\s*\}})")


@dataclass(frozen=True)
class Param:
    name: str
    type: str = "text"
    description: str = ""
    default: str | None = None

    def term(self, value: str) -> ox.Literal:
        if self.type == "integer" and not re.fullmatch(r"[+-]?\d+", value.strip()):
            raise QueryError(f"parameter {self.name} must be an integer, got {value!r}")
        return ox.Literal(value.strip() if self.type == "integer" else value, datatype=PARAM_TYPES[self.type])


@dataclass(frozen=True)
class NamedQuestion:
    name: str
    sparql: str
    title: Mapping[str, str]
    description: Mapping[str, str]
    params: tuple[Param, ...] = ()

    def bindings(self, values: Mapping[str, str]) -> dict[str, ox.Literal]:
        """RDF terms for ``values``; unknown names and missing required parameters are errors."""
        declared = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(declared))
        if unknown:
            known = ", ".join(declared) or "none"
            raise QueryError(f"{self.name}: unknown parameter {', '.join(unknown)} (it takes: {known})")
        out = {}
        for p in self.params:
            value = values.get(p.name, p.default)
            if value is None:
                raise QueryError(f"{self.name}: needs --param {p.name}=… ({p.description})")
            out[p.name] = p.term(value)
        return out

    def as_dict(self) -> dict:
        return {"name": self.name, "title": dict(self.title), "description": dict(self.description),
                "params": [{"name": p.name, "type": p.type, "description": p.description,
                            "default": p.default} for p in self.params],
                "sparql": self.sparql}


def parse_question(name: str, text: str) -> NamedQuestion:
    """Read the header comments of a named question; a malformed header is a QueryError."""
    meta: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        key, sep, value = line[1:].strip().partition(":")
        if not sep:
            continue
        key, value = key.strip(), value.strip()
        if key == "param":
            match = _PARAM.match(value)
            if not match or (match["type"] or "text") not in PARAM_TYPES:
                raise QueryError(f"{name}.rq: bad parameter line {line!r} (expected: "
                                 "# param: NAME [text|integer] [= DEFAULT] — description)")
            params.append(Param(match["name"], match["type"] or "text", match["description"] or "",
                                match["default"]))
        elif key in _KEYS:
            meta[key] = value
    missing = [k for k in _KEYS if not meta.get(k)]
    if missing:
        raise QueryError(f"{name}.rq: header lacks {', '.join(missing)}")
    for p in params:
        if len(values_block(p.name).findall(text)) != 1:
            raise QueryError(f"{name}.rq: parameter {p.name} needs one block VALUES ?{p.name} {{ \"example\" }}")
    return NamedQuestion(name, text, {"zh": meta["title@zh"], "en": meta["title@en"]},
                         {"zh": meta["description@zh"], "en": meta["description@en"]}, tuple(params))


@cache
def _load(directory: Path) -> dict[str, NamedQuestion]:
    return {p.stem: parse_question(p.stem, p.read_text(encoding="utf-8"))
            for p in sorted(directory.glob("*.rq"))}


def questions(directory: Path = QUERY_DIR) -> dict[str, NamedQuestion]:
    """The named questions shipped in the package, by name."""
    return dict(_load(Path(directory)))


def get_question(name: str) -> NamedQuestion:
    known = questions()
    if name not in known:
        close = difflib.get_close_matches(name, known, n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else " (see `kg query --list`)"
        raise QueryError(f"no named question {name!r}{hint}")
    return known[name]


def resolve(query: str) -> tuple[str, NamedQuestion | None]:
    """SPARQL text, a .rq file or a named question → (SPARQL, the question when it has metadata)."""
    stripped = query.strip()
    if _NAME.match(stripped) and stripped in questions():
        question = questions()[stripped]
        return question.sparql, question
    if "\n" not in stripped and (stripped.endswith(".rq") or _is_file(stripped)):
        path = Path(stripped)
        if not path.is_file():
            raise QueryError(f"{path}: no such query file")
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise QueryError(f"{path}: not UTF-8 text (byte {exc.start}); save the query as UTF-8") from exc
        except OSError as exc:
            raise QueryError(f"{path}: cannot read ({exc.strerror or exc})") from exc
        try:
            return text, parse_question(path.stem, text)
        except QueryError:
            return text, None  # a plain .rq without our header: its parameters are bound as text
    if _NAME.match(stripped):
        get_question(stripped)  # raises, with suggestions
    return query, None


def _is_file(text: str) -> bool:
    """Whether one line of QUERY names a file; SPARQL text longer than a file name may be is not one."""
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # ENAMETOOLONG, a NUL byte
        return False


def portable_sparql(query: str, params: Mapping[str, str] | None = None) -> str:
    """``query`` (text, .rq file or named question) as standard SPARQL with ``params`` in its VALUES
    blocks and the prefixes kg predeclares declared, ready for any SPARQL 1.1 engine."""
    sparql, question = resolve(query)
    sparql, rest = fill_values(sparql, bindings_for(question, params or {}))
    if rest:
        raise QueryError(f"no VALUES block for {', '.join(sorted(rest))}: another engine cannot take it; "
                         f"add VALUES ?{sorted(rest)[0]} {{ \"…\" }} to the query")
    declared = set(re.findall(r"(?im)^\s*PREFIX\s+([\w.-]*):", sparql))
    missing = [f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items()
               if k not in declared and re.search(rf"(?<![\w?$]){k}:", sparql)]
    return "".join(missing) + sparql.rstrip("\n") + "\n"


def bindings_for(question: NamedQuestion | None, values: Mapping[str, str]) -> dict[str, ox.Literal]:
    if question is not None and (question.params or values):
        return question.bindings(values)
    return {k: ox.Literal(v) for k, v in values.items()}


def fill_values(sparql: str, bindings: Mapping[str, ox.Literal]) -> tuple[str, dict[str, ox.Literal]]:
    """Put each binding into its variable's VALUES block; return the text and the bindings left over.

    The term is written by pyoxigraph (N-Triples form: quotes, backslashes and line breaks escaped),
    so a value can never end the literal and add query text.
    """
    rest = {}
    for name, term in bindings.items():
        block = values_block(name)
        if block.search(sparql):
            sparql = block.sub(lambda m, term=term: m[1] + str(term) + m[2], sparql)
        else:
            rest[name] = term
    return sparql, rest


def run_raw(store: GraphStore, sparql: str, bindings: Mapping[str, ox.Literal] | None = None):
    """Start ``sparql`` with ``bindings`` (RDF terms); the engine's answer, still lazy."""
    sparql, substitutions = fill_values(sparql, bindings or {})
    try:
        return store.query(sparql, substitutions)
    except QueryError:
        raise
    except KgError as exc:
        raise explain_syntax_error(sparql, str(exc)) from exc
    except (RuntimeError, ValueError, OSError) as exc:
        raise _cannot_run(exc) from exc


def run(store: GraphStore, sparql: str, bindings: Mapping[str, ox.Literal] | None = None) -> Result:
    """Run ``sparql`` with ``bindings`` (RDF terms) and materialize the answer."""
    answer = run_raw(store, sparql, bindings)
    try:
        return from_oxigraph(answer)
    except (RuntimeError, ValueError, OSError) as exc:
        raise _cannot_run(exc) from exc


def _cannot_run(exc: Exception) -> QueryError:
    return QueryError(f"the query cannot be run: {' '.join(str(exc).split())}")


def ask(store: GraphStore, query: str, params: Mapping[str, str] | None = None) -> Result:
    """Resolve ``query`` (text, .rq file or named question), bind ``params`` and run it."""
    sparql, question = resolve(query)
    return run(store, sparql, bindings_for(question, params or {}))


# The values a parameter of these names can take, for saying why a question found nothing.
_KNOWN_VALUES = {
    "region": "SELECT DISTINCT (STR(?label) AS ?value) WHERE { ?r a kg:Region ; rdfs:label ?label }",
    "sector": "SELECT DISTINCT (STR(?key) AS ?value) WHERE { ?c a skos:Concept ; skos:notation|skos:prefLabel ?key }",
}


def unknown_value_note(store: GraphStore, query: str, params: Mapping[str, str]) -> str | None:
    """Why a named question may have found nothing: a region or sector parameter names none."""
    _, question = resolve(query)
    if question is None:
        return None
    for p in question.params:
        value = params.get(p.name, p.default)
        if p.name not in _KNOWN_VALUES or value is None:
            continue
        known = [row["value"].value for row in store.query(_KNOWN_VALUES[p.name])]
        if value not in known:
            close = difflib.get_close_matches(value, known, n=3, cutoff=0.5)
            hint = f" (did you mean {'、'.join(close)}?)" if close else ""
            return f"the graph has no {p.name} called {value!r}{hint}"
    return None


_ERROR_AT = re.compile(r"error at (\d+):(\d+): (.*)", re.S)


def explain_syntax_error(sparql: str, message: str) -> QueryError:
    """One line: where the parser stopped (line, column, the text there) and what it expected."""
    match = _ERROR_AT.search(message)
    if not match:
        return QueryError(" ".join(message.split()))
    line_no, col, what = int(match[1]), int(match[2]), " ".join(match[3].split())
    if "Prefix not found" in what:
        what = "unknown prefix (declare it with PREFIX, or use one of kg, kgr, skos, dcterms, …)"
    elif what.startswith("expected one of"):
        options = [o.strip() for o in what[len("expected one of"):].split(",")]
        what = "expected one of " + ", ".join(options[:8]) + (", …" if len(options) > 8 else "")
    lines = sparql.splitlines() or [""]
    source = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
    near = source[max(col - 1, 0):][:30].strip()
    where = f"line {line_no}, column {col}" + (f", near {near!r}" if near else ", at the end of the line")
    return QueryError(f"malformed SPARQL query at {where}: {what}")
