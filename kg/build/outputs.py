"""The output folder as generations, so that a build is all or nothing (docs/store.md):

    outputs/
      .lock                         held by the build writing here (its PID inside)
      generations/g<time>-<pid>/    one whole build: store/, graph.ttl, graph.trig, graph.html,
                                    records.json, provenance.ttl, records/, texts/, parts/, chunks/,
                                    build.json
      current  -> generations/…     the generation readers use; swapped in one rename
      previous -> generations/…     the one before, kept for readers that still have it open
      graph.ttl -> current/graph.ttl, store -> current/store, …   (fixed links, made once)

A build writes a new generation beside the current one and makes it current by renaming a new
symbolic link over ``current``: a build killed at any point leaves the previous generation whole
and current. The next build removes what a killed one left (generations neither current nor
previous), while it builds; so a generation pushed out by a build is on disk until the next one. Two
builds cannot interleave: the second is refused while the first holds the lock.

``chunks/`` holds each document graph's part of graph.ttl and graph.trig (``GraphStore.dump``): a
document kept by the next build keeps its parts too (hard links), so that the files are written
again by copying, with only the new documents and the shared graphs dumped.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.namespace import PREFIXES
from kg.store.graph_files import CHUNK_ORDER, CHUNK_SUFFIXES

# What the top of the output folder links to in the current generation.
PUBLISHED = ("store", "graph.ttl", "graph.trig", "graph.html", "records.json", "provenance.ttl", "texts")
GENERATIONS = "generations"
COMPLETE = "build.json"  # written last into a generation: it is whole
CHUNKS = "chunks"
CHUNK_STAMP = "made-by.json"  # what wrote the chunks: parts by another writer are not taken over


class OutputFolder:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.generations = self.path / GENERATIONS

    @contextmanager
    def locked(self):
        """Hold the folder's lock for a build; refuse at once when another build holds it."""
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise KgError(f"{self.path}: cannot write ({exc.strerror})") from exc
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
                raise KgError(f"{self.path}: another build (PID {holder}) is writing here; "
                              "try again when it has finished") from None
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
            yield self
        finally:
            os.close(fd)  # releases the lock; a killed build's lock goes with its process

    def current(self) -> Path | None:
        """The current generation, if a whole one is there."""
        link = self.path / "current"
        target = link.resolve() if link.is_symlink() else None
        return target if target and (target / COMPLETE).is_file() else None

    def new_generation(self) -> Path:
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
        path = self.generations / f"g{stamp}-{time.monotonic_ns() % 10**6:06d}-{os.getpid()}"
        path.mkdir(parents=True)
        return path

    def remove_leftovers(self) -> threading.Thread:
        """Remove generations that are neither current nor previous (a killed build's, or the one
        the last build pushed out), and temporary files. Call it holding the lock, before making a
        new generation: what goes is decided at once, and removed in a thread (join it), so that
        a build goes on meanwhile (a 50× generation is ~10,000 files)."""
        keep = {p.resolve() for p in (self.path / "current", self.path / "previous") if p.is_symlink()}
        for tmp in self.path.glob(".*.tmp"):
            tmp.unlink(missing_ok=True)
        gens = list(self.generations.iterdir()) if self.generations.is_dir() else []
        stale = [gen for gen in gens if gen.resolve() not in keep]
        remover = threading.Thread(target=_remove, args=(stale,), name="kg-remove-leftovers", daemon=True)
        remover.start()
        return remover

    def publish(self, generation: Path) -> None:
        """Make ``generation`` current in one step (a rename), keep the one before as previous."""
        if not (generation / COMPLETE).is_file():
            raise KgError(f"{generation}: not a whole generation")
        old = self.current()
        relative = Path(GENERATIONS) / generation.name
        _swap_link(self.path / "current", relative)  # the commit point
        if old is not None and old != generation.resolve():
            _swap_link(self.path / "previous", Path(GENERATIONS) / old.name)
        for name in PUBLISHED:
            link = self.path / name
            if not (generation / name).exists():  # e.g. no page this time: no dangling link
                if link.is_symlink():
                    link.unlink()
                continue
            if not (link.is_symlink() and os.readlink(link) == f"current/{name}"):
                if link.is_dir() and not link.is_symlink():
                    shutil.rmtree(link)  # a folder an older kg wrote
                _swap_link(link, Path("current") / name)


def _remove(folders: list[Path]) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


def _swap_link(link: Path, target: Path) -> None:
    tmp = link.with_name(f".{link.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, link)


def chunk_stamp() -> str:
    """What makes a document's parts: the writer, the prefixes and the order of the triples."""
    return json.dumps({"pyoxigraph": ox.__version__, "prefixes": PREFIXES, "order": CHUNK_ORDER}, sort_keys=True) + "\n"


def take_over_chunks(previous: Path | None, generation: Path, keys) -> Path:
    """The generation's chunks folder, with the parts of the documents ``keys`` kept from
    ``previous`` (hard links) when the same writer made them; the others are dumped anew."""
    folder = generation / CHUNKS
    folder.mkdir(exist_ok=True)
    stamp = chunk_stamp()
    (folder / CHUNK_STAMP).write_text(stamp, encoding="utf-8")
    old = previous / CHUNKS if previous is not None else None
    try:
        same_writer = old is not None and (old / CHUNK_STAMP).read_text(encoding="utf-8") == stamp
    except OSError:
        same_writer = False
    if same_writer:
        source, target = f"{old}/", f"{folder}/"  # strings, not Paths: 3,700 links at 50×
        for key in keys:
            for suffix in CHUNK_SUFFIXES.values():
                with contextlib.suppress(FileNotFoundError):  # not there: dumped anew
                    os.link(f"{source}{key}{suffix}", f"{target}{key}{suffix}")
    return folder
