"""Extraction on a Dask distributed cluster (``kg build --scheduler tcp://HOST:8786``).

The workers need `kg` installed (the same version as here: records must equal a local build's),
not the files: this process reads each file's bytes (within the size limit, as
``kg.read.read_file`` does) and sends them with the task, so workers on other machines need no
shared filesystem. The worker reads them in their format (``kg.read.read_data``: text, page, Word
file, PDF) and extracts as ``kg.pipeline.extract_file`` does; what reading noted is logged here, as
a local build logs it; the results come back in the order of the paths. A bounded number of files
is in flight at a time, so memory here grows with the cluster, not the corpus.

Dask (``dask`` and ``distributed``) is an optional dependency: ``pip install 'kg[dask]'``.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from kg.errors import InputError, KgError
from kg.read.files import CONTAINER_FACTOR, CONTAINER_SUFFIXES, max_size, read_bytes
from kg.records import DocumentRecord

IN_FLIGHT_PER_WORKER = 8  # files submitted and not yet taken back, per worker thread
CONNECT_SECONDS = 30.0  # to reach the scheduler, and for a first worker to join it


@dataclass(frozen=True)
class _Unusable:
    """Why a file cannot be used. (An InputError does not survive pickling: its __init__ takes
    two arguments and its args hold one.)"""

    path: str
    reason: str


@dataclass(frozen=True)
class _Extracted:
    record: DocumentRecord
    notes: list[str]  # what reading changed (kg.read.clean), for the log here


def extract_bytes(path: str, data: bytes, limit: int) -> _Extracted | _Unusable:
    """On a worker: the record of the file ``path`` whose bytes are ``data``, read with the size
    limit ``limit`` of the build."""
    from kg.pipeline import extract_source
    from kg.read.files import read_data, size_limit

    try:
        with size_limit(limit):
            src = read_data(data, path, Path(path).suffix.lower())
            return _Extracted(extract_source(src), list(src.notes))
    except InputError as exc:
        return _Unusable(exc.path, exc.reason)


def worker_version() -> str:
    """On a worker: the version of `kg` it runs."""
    import kg

    return kg.__version__


def extract_on_cluster(scheduler: str, paths: Iterable[str | Path]) -> Iterator[DocumentRecord | InputError]:
    """The record of each path (or why it cannot be used), in the order of ``paths``."""
    log = logging.getLogger("kg.pipeline")  # where extract_file logs what reading noted
    limit = max_size()
    for path, result in map_files(scheduler, paths, partial(extract_bytes, limit=limit)):
        if isinstance(result, _Unusable):
            yield InputError(result.path, result.reason)
            continue
        for note in result.notes:
            log.warning("%s: %s", path, note)
        yield result.record


def parts_on_cluster(scheduler: str, paths: Iterable[str | Path]):
    """``kg.build.parts.make_part`` of each path on the cluster, in the order of ``paths``: the
    build's extraction stage past one machine."""
    from kg.build.parts import part_from_bytes

    for _, result in map_files(scheduler, paths, partial(part_from_bytes, limit=max_size())):
        yield InputError(result.path, result.reason) if isinstance(result, _Unusable) else result


def map_files(scheduler: str, paths: Iterable[str | Path],
              work: Callable[[str, bytes], Any]) -> Iterator[tuple[str, Any]]:
    """``(path, work(path, bytes of the file))`` for each path, in order, ``work`` run on the
    cluster at ``scheduler``. A file that cannot be read here gives ``_Unusable``, not a task."""
    client = connect(scheduler)
    try:
        window = IN_FLIGHT_PER_WORKER * max(1, sum(w["nthreads"] for w in
                                                   client.scheduler_info()["workers"].values()))
        pending: deque = deque()
        for path in map(str, map(Path, paths)):  # as extract_file names it
            data = _read(path)
            task = data if isinstance(data, _Unusable) else client.submit(work, path, data, pure=False)
            pending.append((path, task))
            if len(pending) >= window:
                yield _take(scheduler, *pending.popleft())
        while pending:
            yield _take(scheduler, *pending.popleft())
    finally:
        client.close()


def connect(scheduler: str):
    """A client of the cluster at ``scheduler``, with at least one worker running this `kg`."""
    try:
        from distributed import Client
    except ImportError:
        raise KgError("--scheduler needs Dask on this machine: pip install 'kg[dask]'") from None
    import kg

    try:
        client = Client(scheduler, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise KgError(f"{scheduler}: cannot reach the Dask scheduler ({' '.join(str(exc).split())})") from None
    try:
        client.wait_for_workers(1, timeout=CONNECT_SECONDS)
        versions = client.run(worker_version)
    except TimeoutError:
        client.close()
        raise KgError(f"{scheduler}: no Dask worker joined within {CONNECT_SECONDS:.0f} s") from None
    except Exception as exc:  # whatever a worker raised: most likely it cannot import kg
        client.close()
        raise KgError(f"{scheduler}: the workers cannot run kg (install kg on them): "
                      f"{type(exc).__name__}: {' '.join(str(exc).split())}") from None
    other = {addr: v for addr, v in versions.items() if v != kg.__version__}
    if other:
        client.close()
        addr, version = sorted(other.items())[0]
        raise KgError(f"{scheduler}: worker {addr} runs kg {version}, this is kg {kg.__version__}; "
                      "the records would differ (install the same kg on every worker)")
    return client


def _read(path: str) -> bytes | _Unusable:
    """The file's bytes within the size limit, or why not, as kg.read.read_file reads them."""
    limit = max_size()
    container = Path(path).suffix.lower() in CONTAINER_SUFFIXES
    try:
        return read_bytes(Path(path), limit * CONTAINER_FACTOR if container else limit)
    except InputError as exc:
        return _Unusable(exc.path, exc.reason)


def _take(scheduler: str, path: str, task) -> tuple[str, Any]:
    if isinstance(task, _Unusable):
        return path, task
    try:
        return path, task.result()
    except Exception as exc:  # the task failed on the worker (not an InputError: those are returned)
        raise KgError(f"{scheduler}: extracting {path} failed on a worker: "
                      f"{type(exc).__name__}: {' '.join(str(exc).split())}") from None
