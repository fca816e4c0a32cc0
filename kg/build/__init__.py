"""`kg build` as a library: digests in; the store, the graph files (Turtle, TriG), the network page,
the records and the build's provenance out, as one new generation of the output folder.

The flow (docs/store.md): plan (which files changed since the generation built on; the workers
start extracting them at once, and a thread imports what the page needs) → copy that
generation's store (a RocksDB checkpoint) → drop the documents no longer given (and then rebuild
the entity graph from the kept documents' shared statements) → extract the new and changed files
on all cores (``kg.build.parts``: the workers also write each document's parts of graph.ttl and
graph.trig, kept in chunks/), their graphs and shared statements loaded into the store in batches
as they come (``kg.build.batches``) → the last batch and the build graph (the sources), beside
records.json → the page, beside the graph files (the parts copied, the shared graphs dumped) and
the store's compaction → provenance → publish (``kg.build.outputs``). A file that cannot be used
is reported and skipped; the others are still built.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import resource
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import PROV, RDF

import kg
from kg.build.batches import GraphBatches
from kg.build.outputs import CHUNKS, COMPLETE, OutputFolder, take_over_chunks
from kg.build.page_links import keep_links
from kg.build.parts import Part, make_parts
from kg.build.plan import Plan, make_plan, pipeline_fingerprint
from kg.build.records_file import write_records
from kg.build.summary import SUMMARY_COUNTS, BuildReport, DocumentLine, kept_lines, write_lines
from kg.errors import InputError, KgError
from kg.graph import SourceEntry, build_triples, ntriples, times_graph, to_ox, vocab_triples
from kg.io import atomic_write_bytes, atomic_write_text
from kg.namespace import PREFIXES
from kg.pipeline import find_inputs
from kg.store import GraphStore
from kg.store.sources import BUILD_GRAPH, ENTITY_GRAPH, VOCAB_GRAPH, graph_name

__all__ = ["BuildReport", "DocumentLine", "build"]

# Folders of a generation with one file per document, taken over (hard-linked) when it is kept.
PER_DOCUMENT = {"records": ".json", "texts": ".txt", "parts": ".nt"}


def build(paths: Iterable[str | Path], out_dir: str | Path = "outputs", *, page: bool = True,
          jobs: int | None = None, progress: Callable[[int, int, Path], None] | None = None,
          scheduler: str | None = None, remote=None) -> BuildReport:
    """Build the pages at ``paths`` into a new generation of ``out_dir`` and make it current.

    Extraction runs in ``jobs`` local processes, or on the Dask cluster at ``scheduler``. With
    ``remote`` (a ``kg.store.remote.RemoteStore``) the graphs are also pushed there once the
    generation is whole; a failure to push is ``report.store_error``, the local outputs stand.
    Raises KgError when no document could be built; the current generation then stays.
    """
    started_wall, started = datetime.now(UTC), time.perf_counter()
    out = Path(out_dir)
    existed = out.exists()
    folder = OutputFolder(out)
    try:
        with folder.locked():
            remover = folder.remove_leftovers()  # in a thread, beside the build
            generation = folder.new_generation()
            try:
                report = _build(paths, folder, generation, page, (jobs, scheduler), progress, started_wall, started)
            except BaseException:
                shutil.rmtree(generation, ignore_errors=True)
                raise
            finally:
                remover.join()
            _pause_at("publish")
            folder.publish(generation)
    except KgError:
        if not existed:
            shutil.rmtree(out, ignore_errors=True)
        raise
    report.outputs = [out / name for name in ("store", "graph.ttl", "graph.trig", "records.json",
                                              *(["graph.html"] if page else []), "provenance.ttl")]
    if remote is not None:
        _push(out, remote, report)
    return report


def _push(out: Path, remote, report: BuildReport) -> None:
    """Make the remote store's kg graphs equal to the new generation's (only changed graphs sent)."""
    from kg.store.open import open_store
    from kg.store.push import push
    from kg.store.remote import StoreUnreachable

    try:
        report.pushed = push(open_store(out), remote)
    except StoreUnreachable as exc:
        report.store_error = exc


def _build(paths, folder: OutputFolder, gen: Path, page: bool, workers: tuple[int | None, str | None], progress,
           started_wall: datetime, started: float) -> BuildReport:
    report = BuildReport(generation=gen)
    stage = _Stages(report)
    inputs = _inputs(paths, report)
    plan = make_plan(folder.current(), inputs)
    parts = _start_extraction(plan, workers)  # the workers extract while this process goes on
    if page:
        threading.Thread(target=_import_page, name="kg-page-imports", daemon=True).start()
    store = _start_store(plan, gen)
    chunks = take_over_chunks(plan.previous, gen, plan.keep)
    stage("plan")
    entries, lines, batches, links, counts = _extract(plan, parts, store, gen, progress, report)
    if not entries:
        raise KgError("nothing to build: " + "; ".join(str(e) for e in report.errors))
    stage("extract")
    _pause_at("extracted")
    build_graph = build_triples(entries.values())
    with ThreadPoolExecutor(2) as helpers:
        # Oxigraph releases the GIL: the store's last load runs beside the records; the graph files
        # and the store's compaction beside the page.
        loaded = helpers.submit(_finish_store, store, batches, build_graph)
        report.lines = _write_records(gen, entries, lines, plan.previous, kept_lines(plan.previous, plan.keep))
        speech_links = keep_links(plan.previous, gen, store, plan.keep, links)
        stage("records")
        loaded.result()
        report.triples = _count_triples(store, plan, counts)
        report.entities = _entity_counts(store)
        stage("store")
        rest = [helpers.submit(store.dump_graph_files, gen / "graph.ttl", gen / "graph.trig", chunks)]
        if batches.loads > 1:
            rest.append(helpers.submit(store.optimize))
        if page:
            from kg.view import build_view, render_page

            model = build_view(store, "auto", speech_links=speech_links)
            atomic_write_text(gen / "graph.html", render_page(model))
            report.view = f"{model.view} ({model.note})"
            stage("page")
        for task in rest:
            task.result()
        stage("files and compaction (rest)")
    _pause_at("dumped")
    report.seconds = time.perf_counter() - started
    atomic_write_bytes(gen / "provenance.ttl", _provenance(store, build_graph, started_wall, datetime.now(UTC)))
    del store  # closed before the generation is published …
    gc.collect()
    _settle(gen / "store")
    meta = {"kg": kg.__version__, "fingerprint": pipeline_fingerprint(), "documents": len(entries),
            "triples": report.triples}
    (gen / COMPLETE).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return report


def _finish_store(store: GraphStore, batches: GraphBatches, build_graph) -> None:
    """Load what is left and add the build graph. (After several loads the build compacts the store
    beside the page: a store filled by many bulk loads answers queries ~3× slower, its table files
    overlapping, and so would every reader of the published store and the next build. One load,
    such as a rebuild's, adds few files, and compacting would rewrite the whole store.)"""
    batches.flush()
    store.replace_graph(BUILD_GRAPH, ntriples(build_graph))
    store.flush()


def _provenance(store: GraphStore, build_graph: list[tuple], started: datetime, ended: datetime) -> bytes:
    """provenance.ttl: the build graph as the store holds it (in its key order: nothing to sort, which
    took 0.5 s at 50×), then the build's start and end times."""
    activity = next(t for t in build_graph if t[1] == RDF.type and t[2] == PROV.Activity)
    times = [t for t in times_graph([activity], started, ended) if t != activity]
    triples = [*(q.triple for q in store.quads(BUILD_GRAPH)), *(ox.Triple(*map(to_ox, t)) for t in sorted(times))]
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def _settle(path: Path) -> None:
    """Open the closed store once more: RocksDB then deletes the write-ahead logs that the build's
    writes left behind (as large as the data; a read-only open would replay them every time)."""
    with contextlib.suppress(KgError):  # still open somewhere: only the readers' opening is slower
        GraphStore(path).flush()


def _inputs(paths: Iterable[str | Path], report: BuildReport) -> list[str]:
    """The files to build, each once, in path order: the same inputs in any order build the same."""
    paths = list(paths)
    inputs = sorted({os.path.normpath(p) for p in map(str, find_inputs(paths))})
    if not inputs:
        report.errors.append(InputError(", ".join(map(str, paths)) or ".", "no *.txt files found"))
    return inputs


def _start_store(plan: Plan, gen: Path) -> GraphStore:
    """The new generation's store: a copy of the previous one without the dropped documents, or
    a new one with the vocabulary. (A previous generation was made by the same code and data,
    ``pipeline_fingerprint``: its vocabulary graph is the current one.)"""
    if plan.previous is None:
        store = GraphStore(gen / "store")
        store.replace_graph(VOCAB_GRAPH, ntriples(vocab_triples()))
    else:
        GraphStore(plan.previous / "store", read_only=True).backup(gen / "store")
        store = GraphStore(gen / "store")
        for key in plan.drop:
            store.drop_document(key)
        for folder, suffix in PER_DOCUMENT.items():
            (gen / folder).mkdir()
            source, target = f"{plan.previous / folder}/", f"{gen / folder}/"  # strings: 9,000 links at 50×
            for key in plan.keep:
                os.link(f"{source}{key}{suffix}", f"{target}{key}{suffix}")
        if plan.drop:
            _load_entities(store, gen, sorted(plan.keep))
    return store


def _load_entities(store: GraphStore, gen: Path, keys: list[str]) -> None:
    """The entity graph anew, once documents went: the union of the shared statements of the
    documents ``keys`` (the store holds each once); the documents read next add theirs."""
    store.drop_graph(ENTITY_GRAPH)
    batches = GraphBatches(store, replace=False)
    for key in keys:
        batches.add_entities((gen / "parts" / f"{key}.nt").read_bytes())
    batches.flush()


def _start_extraction(plan: Plan, workers: tuple[int | None, str | None]) -> Iterable[Part | InputError]:
    """The parts of the files to read, from local workers (started now) or the Dask cluster."""
    jobs, scheduler = workers
    if scheduler:
        from kg.build.distributed import parts_on_cluster

        return parts_on_cluster(scheduler, plan.read)
    return make_parts(plan.read, jobs)


def _import_page() -> None:
    """Import what the page needs (pyvis brings networkx and IPython: ~0.4 s), in a thread, while the
    build process waits for its workers."""
    import pyvis.network  # noqa: F401

    import kg.view.page  # noqa: F401


def _extract(plan: Plan, parts: Iterable[Part | InputError], store: GraphStore, gen: Path, progress,
             report: BuildReport) -> tuple[dict[str, SourceEntry], dict[str, DocumentLine], GraphBatches,
                                           dict[str, dict[str, list[str]]], dict[str, int]]:
    """Take the parts into the store, in batches; the last batch is left to load. Also gives, by
    document read, the links of its speeches that the page's overview reads and its triples."""
    entries = dict(plan.keep)
    lines: dict[str, DocumentLine] = {}
    links: dict[str, dict[str, list[str]]] = {}
    counts: dict[str, int] = {}
    for folder in PER_DOCUMENT:
        (gen / folder).mkdir(exist_ok=True)
    batches = GraphBatches(store, replace=plan.previous is not None)
    for i, result in enumerate(parts, 1):
        if progress:
            progress(i, len(plan.read), Path(plan.read[i - 1]))
        if isinstance(result, InputError):
            report.errors.append(result)
            continue
        if result.key in entries:  # the same text twice is one document, counted once
            report.errors.append(InputError(result.path, f"the same text as {entries[result.key].path}, skipped"))
            continue
        _keep_part(batches, gen, result)
        entries[result.key] = SourceEntry(result.key, result.path, result.file_sha256)
        lines[result.key] = result.line
        links[result.key] = result.speech_links
        counts[result.key] = result.triples
    report.read, report.kept, report.dropped = len(lines), len(plan.keep), len(plan.drop)
    return entries, lines, batches, links, counts


def _keep_part(batches: GraphBatches, gen: Path, part: Part) -> None:
    batches.add_document(part.key, part.graph, part.shared)
    (gen / "records" / f"{part.key}.json").write_text(part.record + "\n", encoding="utf-8")
    (gen / "texts" / f"{part.key}.txt").write_bytes(part.text.encode("utf-8"))  # spans index it as is
    (gen / "parts" / f"{part.key}.nt").write_bytes(part.shared)
    for suffix, chunk in ((".ttl", part.turtle), (".trig", part.trig)):
        (gen / CHUNKS / f"{part.key}{suffix}").write_bytes(chunk)  # never a link: kept keys are not read


def _write_records(gen: Path, entries: dict[str, SourceEntry], lines: dict[str, DocumentLine],
                   previous: Path | None, kept: dict[str, DocumentLine]) -> list[DocumentLine]:
    """records.json, the per-document records merged in path order (kg.build.records_file); and the
    summary line of every document (a kept one's from the previous generation's lines, so that its
    record is not parsed again)."""
    ordered = sorted(entries.values(), key=lambda e: (e.path or "", e.key))
    write_records(gen, [entry.key for entry in ordered], previous, {key for key in entries if key not in lines})
    out_lines = []
    for entry in ordered:
        file = Path(entry.path or "").name
        line = lines.get(entry.key)
        if line is None:  # kept from the previous generation
            line = kept.get(entry.key)
            if line is None:
                record = json.loads((gen / "records" / f"{entry.key}.json").read_bytes())
                line = DocumentLine.of_record(file, record, kept=True)
            line = replace(line, file=file)
        out_lines.append(line)
    write_lines(gen, {entry.key: line for entry, line in zip(ordered, out_lines, strict=True)})
    return out_lines


def _count_triples(store: GraphStore, plan: Plan, read: dict[str, int]) -> int:
    """The store's triples: those of its shared graphs, of the documents ``read`` (as their workers
    counted them), and of the documents kept (the previous generation's count less its shared
    graphs and the documents it dropped). Counting the whole store (len) took 0.3–1 s at 2M."""
    shared = (BUILD_GRAPH, ENTITY_GRAPH, VOCAB_GRAPH)
    now = sum(store.count(graph) for graph in shared) + sum(read.values())
    if plan.previous is None:
        return now
    try:
        before = json.loads((plan.previous / COMPLETE).read_text(encoding="utf-8"))["triples"]
    except (OSError, ValueError, KeyError):  # a previous generation without the count
        return len(store)
    old = GraphStore(plan.previous / "store", read_only=True)
    return now + before - sum(old.count(graph) for graph in (*shared, *map(graph_name, plan.drop)))


def _entity_counts(store: GraphStore) -> dict[str, int]:
    counts = {}
    for label, pattern in SUMMARY_COUNTS:
        rows = store.query(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} }}")
        counts[label] = int(next(iter(rows))["n"].value)
    return counts


class _Stages:
    """Seconds per stage of the build into the report: wall time, and CPU time of this process and
    of the worker processes that ended in the stage (the pool's, at the end of extraction)."""

    def __init__(self, report: BuildReport) -> None:
        self.report, self.last, self.last_cpu = report, time.perf_counter(), _cpu_seconds()

    def __call__(self, name: str) -> None:
        now, cpu = time.perf_counter(), _cpu_seconds()
        self.report.stages[name] = now - self.last
        self.report.stage_cpu[name] = cpu - self.last_cpu
        self.last, self.last_cpu = now, cpu


def _cpu_seconds() -> float:
    return sum(usage.ru_utime + usage.ru_stime
               for usage in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))


def _pause_at(stage: str) -> None:
    """A test hook: with KG_BUILD_PAUSE_AT=STAGE the build says so on stderr and sleeps there,
    so that tests/store/test_generations.py can kill it at a known point."""
    if os.environ.get("KG_BUILD_PAUSE_AT") == stage:
        print(f"kg: paused at {stage}", file=sys.stderr, flush=True)
        time.sleep(float(os.environ.get("KG_BUILD_PAUSE_SECONDS", "60")))
