"""The documents' graphs into the build's store a batch at a time, with Oxigraph's bulk loader.

Why: a transaction per document cost ~25 ms (at 10× the benchmark corpus it was most of the build
process's extraction stage, the workers waiting on it); the bulk loader writes a batch as sorted
table files straight into the store, in half the CPU time, on threads of its own with the GIL
released. A full batch is loaded in a thread of its own while the build process goes on taking the
pool's results into the next batch: before, the pool's window of results filled up while the build
process loaded, and the workers stopped until it came back. It skips transactions: a load cut short
leaves part of a batch. That is acceptable here because a build writes a new generation that is
published only when whole (kg/build/outputs.py); a killed build's store is thrown away.

A batch holds each document's own graph (N-Quads, in its named graph) and its statements about
shared entities, put in ``kgr:graph/entities`` (the store holds each statement once; the batch
too). Memory grows with two batches (one loading, the next being collected), never with the
corpus. The loader skips its parser's checks (``lenient``): every line was parsed strictly where it
was made (``kg.build.parts``), which costs a build's workers less than the loader's checks cost the
build process.
"""

from __future__ import annotations

import threading

from kg.graph.writer import in_graph, iri
from kg.store import GraphStore
from kg.store.sources import ENTITY_GRAPH

# ~260 documents. Bigger batches make fewer, larger table files: loading the 1.9M quads of the 50×
# benchmark took 24–26 s of CPU in 16 MB batches and 19–22 s from 32 MB up (one load of all: 21 s),
# but a store of 32 MB loads (42 table files) answered the page's queries 2.7× slower than one of
# 128 MB loads (22 files); the loader holds ~4× its batch (64 MB: +130 MB, 128 MB: +430 MB).
BATCH_BYTES = 64 << 20

_ENTITY_GRAPH = iri(ENTITY_GRAPH.value)


class GraphBatches:
    """Collects graphs and loads them in batches, each in a thread of its own while the next one is
    collected; ``flush`` loads what is left and waits for every load.

    With ``replace`` (a store that already holds documents), a document's graph that the store
    holds is dropped before its batch is loaded, so that a document read again is replaced.
    """

    def __init__(self, store: GraphStore, *, replace: bool) -> None:
        self.store, self.replace = store, replace
        self._chunks: list[bytes] = []
        self._keys: list[str] = []
        self._shared: set[bytes] = set()  # the shared statements of the batch
        self._size = 0
        self._loading: threading.Thread | None = None  # the batch being loaded
        self._failed: BaseException | None = None  # why it could not be
        self.loads = 0  # bulk loads so far

    def add_document(self, key: str, graph: bytes, shared: bytes) -> None:
        """A document's graph (N-Quads in its own graph) and its shared statements (N-Triples)."""
        self._keys.append(key)
        self._add(graph)
        self.add_entities(shared)

    def add_entities(self, shared: bytes) -> None:
        """Statements about shared entities (N-Triples), for the entity graph. A statement the batch
        already holds is left out: documents repeat them (the committee, the meeting, the regions;
        at 50× the benchmark corpus 126k statements, 17k distinct), and the loader's work grows with
        every quad it is given, repeated or not."""
        new = [line for line in shared.splitlines(keepends=True) if line not in self._shared]
        if new:
            self._shared.update(new)
            self._add(in_graph(b"".join(new), _ENTITY_GRAPH))

    def _add(self, quads: bytes) -> None:
        self._chunks.append(quads)
        self._size += len(quads)
        if self._size >= BATCH_BYTES:
            self._send()

    def flush(self) -> None:
        """Load what is left; return when every batch is in the store."""
        self._send()
        self._wait()

    def _send(self) -> None:
        """Load the batch in a thread of its own, once the one before is loaded."""
        self._wait()
        keys, chunks = self._keys, self._chunks
        self._chunks, self._keys, self._size = [], [], 0
        self._shared.clear()
        if keys or chunks:
            self._loading = threading.Thread(target=self._load, args=(keys, chunks), name="kg-bulk-load")
            self._loading.start()

    def _load(self, keys: list[str], chunks: list[bytes]) -> None:
        try:
            if self.replace:
                for key in keys:
                    self.store.drop_document(key)
            if chunks:
                self.store.bulk_load(b"".join(chunks), lenient=True)
                self.loads += 1
        except BaseException as exc:  # raised in the build's thread, by _wait
            self._failed = exc

    def _wait(self) -> None:
        if self._loading is not None:
            self._loading.join()
            self._loading = None
        if self._failed is not None:
            failed, self._failed = self._failed, None
            raise failed
