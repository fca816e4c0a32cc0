"""The Python API for notebooks and scripts, re-exported by ``import kg`` (docs/api.md).

    import kg
    graph = kg.build_graph(["data"], "outputs")      # or kg.open("outputs/graph.trig")
    graph.ask("speeches-by-party").to_pandas()
    graph.query("SELECT (COUNT(?s) AS ?n) WHERE { ?s a kg:Speech }").value()

Answers carry Python values: counts and years are ints, dates are ``datetime.date``, IRIs are
``kg.IRI`` strings that know their label. The build's function is ``build_graph``, not ``build``:
``kg.build`` is the package of the build itself.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.ask.query import NamedQuestion, get_question, resolve, run
from kg.ask.query import bindings_for as _bindings_for
from kg.ask.query import questions as _questions
from kg.ask.results import IRI, Result, python_value, render
from kg.errors import KgError

# The label an IRI is shown with, most telling first (the ones the graph uses, docs/model.md).
_LABELS = """
SELECT ?x ?label WHERE {
  VALUES ?x { %s }
  VALUES (?p ?rank) { (skos:prefLabel 0) (rdfs:label 1) (dcterms:title 2) (foaf:name 3) (rdf:value 4) }
  ?x ?p ?label .
} ORDER BY ?x ?rank"""


@dataclass(frozen=True)
class Answer:
    """The answer to a query: columns and rows of Python values (``result`` keeps the RDF terms).

    A SELECT answer has its variables as columns; ASK has one column ``boolean``; a CONSTRUCT or
    DESCRIBE answer has the columns subject, predicate, object.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple, ...]
    result: Result

    def records(self) -> list[dict]:
        """One dict per row, column → value (None where a variable is unbound)."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def value(self):
        """The single value of a one-row, one-column answer (a count, an ASK's truth)."""
        if len(self.rows) != 1 or len(self.columns) != 1:
            raise KgError(f"value() needs one row of one column; this answer has {len(self.rows)} row(s) "
                          f"of {len(self.columns)} column(s)")
        return self.rows[0][0]

    def column(self, name: str) -> list:
        return [row[self.columns.index(name)] for row in self.rows]

    def to_pandas(self, labels: bool = False):
        """A pandas DataFrame (``pip install 'kg[pandas]'``). With ``labels=True`` an IRI that has a
        label is shown by it. Integer columns with gaps become pandas' nullable Int64."""
        try:
            import pandas as pd
        except ImportError as exc:
            raise KgError("to_pandas() needs pandas: pip install 'kg[pandas]' (or pip install pandas)") from exc
        rows = [[(v.label or v) if labels and isinstance(v, IRI) else v for v in row] for row in self.rows]
        frame = pd.DataFrame.from_records(rows, columns=list(self.columns))
        for i, name in enumerate(self.columns):
            present = [row[i] for row in self.rows if row[i] is not None]
            if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
                frame[name] = pd.array([row[i] for row in self.rows], dtype="Int64")
        return frame

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict]:
        return iter(self.records())

    def __str__(self) -> str:
        return render(self.result, "table")

    def _repr_markdown_(self) -> str:  # Jupyter shows an answer as a table
        return render(self.result, "markdown")


class Graph:
    """A built graph to ask: named questions (``ask``), any SPARQL (``query``), its records."""

    def __init__(self, store, source: str | Path | None = None) -> None:
        self.store = store  # anything with ``query(sparql, bindings)``: the embedded or a remote store
        self.source = source
        self.skipped: list[str] = []  # the inputs build_graph could not use, one line each

    def ask(self, name: str, **params) -> Answer:
        """Run the named question ``name`` (see ``kg.questions()``) with its parameters:
        ``graph.ask("region-sectors", region="晋中市")``."""
        question = get_question(name)
        return self._answer(question.sparql, question, params)

    def query(self, sparql: str, **params) -> Answer:
        """Run SPARQL text (kg's prefixes predeclared) or a .rq file; ``params`` are bound as RDF
        literals, in the query's ``VALUES ?name`` block when it has one."""
        text, question = resolve(sparql)
        return self._answer(text, question, params)

    def _answer(self, sparql: str, question: NamedQuestion | None, params: Mapping[str, object]) -> Answer:
        values = {k: str(v) for k, v in params.items()}
        result = run(self.store, sparql, _bindings_for(question, values))
        return self.answer(result)

    def answer(self, result: Result) -> Answer:
        """Python values for a ``Result``, each IRI with its label."""
        if result.kind == "ask":
            return Answer(("boolean",), ((bool(result.boolean),),), result)
        if result.kind == "graph":
            columns = ("subject", "predicate", "object")
            terms = [(t.subject, t.predicate, t.object) for t in result.triples]
        else:
            columns, terms = result.variables, list(result.rows)
        labels = self.labels(t.value for row in terms for t in row if isinstance(t, ox.NamedNode))
        rows = tuple(tuple(python_value(t, labels) for t in row) for row in terms)
        return Answer(tuple(columns), rows, result)

    def labels(self, iris: Iterable[str]) -> dict[str, str]:
        """IRI → label (Chinese first) for those of ``iris`` the graph labels."""
        wanted = sorted(set(iris))
        found: dict[str, list[ox.Literal]] = defaultdict(list)
        for start in range(0, len(wanted), 500):  # a VALUES block of at most 500 IRIs per query
            chunk = " ".join(str(ox.NamedNode(i)) for i in wanted[start:start + 500])
            for row in self.store.query(_LABELS % chunk):
                found[row["x"].value].append(row["label"])
        return {iri: next((v.value for v in values if v.language in (None, "zh")), values[0].value)
                for iri, values in found.items()}

    def records(self) -> list[dict]:
        """The extraction records `kg build` wrote beside the graph (records.json: one dict per
        document, as `kg extract` prints them)."""
        where = Path(self.source) if self.source is not None else None
        places = [] if where is None else [where, where / "current", where.parent]
        for place in places:
            if (place / "records.json").is_file():
                return json.loads((place / "records.json").read_text(encoding="utf-8"))
        raise KgError(f"{where}: no records.json beside this graph (build it with kg.build_graph or `kg build`)")

    def __len__(self) -> int:
        return len(self.store)

    def __repr__(self) -> str:
        return f"<kg.Graph {self.source or 'in memory'}: {len(self)} quads>"


def open(target: str | Path = "outputs") -> Graph:
    """Open a built graph: a graph file (.ttl, .trig, .nt, .nq, .jsonld, .rdf), an output folder of
    `kg build`, or whatever else ``kg.store.open_store`` opens (a store folder)."""
    return Graph(_open_store(target), target)


def _open_store(target: str | Path):
    """The one place that picks a backend: kg.store.open_store where the store layer has it (store
    folders, output folders, URLs), else a graph file or an output folder's graph file."""
    import kg.store

    opener = getattr(kg.store, "open_store", None)
    if opener is not None:
        return opener(target)
    from kg.export.formats import default_graph_file

    path = Path(target)
    return kg.store.GraphStore.from_file(default_graph_file(path) if path.is_dir() else path)


def build_graph(inputs: str | Path | Iterable[str | Path], output: str | Path = "outputs", *,
                page: bool = True) -> Graph:
    """Build the digests at ``inputs`` (files or folders) into ``output``, as `kg build` does, and
    open the result. A file that cannot be used is skipped (see ``graph.skipped``)."""
    from kg.build import build

    paths = [inputs] if isinstance(inputs, str | Path) else list(inputs)
    report = build(paths, output, page=page)
    graph = open(output)
    graph.skipped = [str(e) for e in report.errors]
    return graph


def questions() -> dict[str, NamedQuestion]:
    """The named questions by name: ``.title["en"]``, ``.description``, ``.params``."""
    return _questions()
