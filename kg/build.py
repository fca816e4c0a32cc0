"""`kg build` as a library: digests in, the graph (Turtle, TriG), the network page, the records
and the build's provenance out. A file that cannot be used is reported and skipped; the others
are still built, and every output is written to a temporary file and renamed into place."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from kg.distributed import extract_on_cluster
from kg.errors import InputError, KgError
from kg.export import export
from kg.graph import build_quads, prov_times
from kg.io import atomic_write_bytes, atomic_write_text
from kg.pipeline import extract_file, find_inputs
from kg.records import DocumentRecord, to_record
from kg.store import GraphStore
from kg.store.push import Pushed, push
from kg.store.remote import RemoteStore, StoreUnreachable

# What the summary counts: (label, a pattern that binds ?x). Parties are those that spoke, not
# the whole party table of the vocabulary graph.
SUMMARY_COUNTS = (
    ("speeches", "?x a kg:Speech"),
    ("people", "?x a foaf:Person"),
    ("organizations", "?x a org:Organization"),
    ("parties", "?speech kg:party ?x"),
    ("issues", "?x a kg:Issue"),
    ("suggestions", "?x a kg:Suggestion"),
    ("sectors", "?speech dcterms:subject ?x"),
    ("regions", "?x a kg:Region"),
    ("meetings", "?x a kg:Meeting"),
)


@dataclass
class BuildReport:
    documents: list[DocumentRecord] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    triples: int = 0
    entities: dict[str, int] = field(default_factory=dict)
    view: str | None = None
    seconds: float = 0.0
    pushed: Pushed | None = None  # what went to a remote store (--store)
    store_error: KgError | None = None  # why not all of it did

    @property
    def speeches(self) -> int:
        return sum(len(d.speeches) for d in self.documents)

    def summary(self) -> str:
        counts = ", ".join(f"{n} {name}" for name, n in self.entities.items())
        lines = [f"{len(self.documents)} documents, {self.speeches} speeches, {self.triples} triples"
                 f" ({len(self.errors)} files skipped)",
                 f"entities: {counts}" if counts else "entities: none",
                 f"network view: {self.view}" if self.view else "",
                 self.pushed.summary() if self.pushed else "",
                 *(f"wrote {p}" for p in self.outputs),
                 f"{self.seconds:.1f} s"]
        return "\n".join(line for line in lines if line)


def extract_all(paths: Iterable[str | Path], report: BuildReport,
                progress: Callable[[int, int, Path], None] | None = None,
                scheduler: str | None = None) -> list[DocumentRecord]:
    inputs = list(find_inputs(paths))
    seen: dict[str, Path] = {}
    results = extract_on_cluster(scheduler, inputs) if scheduler else map(_extract_or_error, inputs)
    for i, (path, doc) in enumerate(zip(inputs, results, strict=True), 1):
        if progress:
            progress(i, len(inputs), path)
        if isinstance(doc, InputError):
            report.errors.append(doc)
            continue
        if doc.sha256 in seen:  # the same text twice is one document, counted once
            report.errors.append(InputError(str(path), f"the same text as {seen[doc.sha256]}, skipped"))
            continue
        seen[doc.sha256] = path
        report.documents.append(doc)
    if not inputs:
        report.errors.append(InputError(", ".join(map(str, paths)) or ".", "no *.txt files found"))
    return report.documents


def _extract_or_error(path: Path) -> DocumentRecord | InputError:
    try:
        return extract_file(path)
    except InputError as exc:
        return exc


def build(paths: Iterable[str | Path], out_dir: str | Path = "outputs", *, page: bool = True,
          progress: Callable[[int, int, Path], None] | None = None, scheduler: str | None = None,
          remote: RemoteStore | None = None) -> BuildReport:
    """Build everything from the digests at ``paths`` into ``out_dir``; extraction on the Dask
    cluster at ``scheduler`` if given; the graphs also into ``remote`` (a failure to write there
    is ``report.store_error``, after everything else is written).

    Raises KgError when no document could be built (nothing is written then).
    """
    started_wall, started = datetime.now(UTC), time.perf_counter()
    report = BuildReport()
    docs = extract_all(paths, report, progress, scheduler)
    if not docs:
        raise KgError("nothing to build: " + "; ".join(str(e) for e in report.errors))
    out = Path(out_dir)
    quads = build_quads(docs)
    report.outputs += export(quads, "turtle", out / "graph.ttl")
    report.outputs += export(quads, "trig", out / "graph.trig")
    records = [to_record(d) for d in docs]
    atomic_write_text(out / "records.json", json.dumps(records, ensure_ascii=False, indent=1) + "\n")
    report.outputs.append(out / "records.json")
    store = GraphStore.from_quads(quads)
    report.triples = len({q.triple for q in quads})
    report.entities = _entity_counts(store)
    if page:
        from kg.view import build_view, render_page

        model = build_view(store, "auto")
        atomic_write_text(out / "graph.html", render_page(model))
        report.view = f"{model.view} ({model.note})"
        report.outputs.append(out / "graph.html")
    if remote is not None:
        try:
            report.pushed = push(store, remote)
        except StoreUnreachable as exc:
            report.store_error = exc
    report.seconds = time.perf_counter() - started
    provenance = prov_times(docs, started_wall, datetime.now(UTC))
    atomic_write_bytes(out / "provenance.ttl", provenance.serialize(format="turtle", encoding="utf-8"))
    report.outputs.append(out / "provenance.ttl")
    return report


def _entity_counts(store: GraphStore) -> dict[str, int]:
    counts = {}
    for label, pattern in SUMMARY_COUNTS:
        rows = store.query(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} }}")
        counts[label] = int(next(iter(rows))["n"].value)
    return counts
