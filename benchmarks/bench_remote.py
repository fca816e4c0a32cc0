"""A build through a local Dask cluster into ``oxigraph serve``, against a local build of the same
corpus (run on demand; not a test).

    .venv/bin/python benchmarks/bench_remote.py --copies 10 --workers 2

Starts ``oxigraph serve`` and a Dask scheduler with WORKERS single-threaded workers on 127.0.0.1
(stopped by PID at the end), builds the corpus of bench_build.py (every digest we have, COPIES
times) locally and then with ``scheduler=`` and ``remote=``, and reports the wall seconds of each
and whether the records and the quads are equal; then the cluster's extraction alone and a
second push of the same graphs (which finds every graph unchanged and sends none).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from bench_build import make_corpus

from kg.build import build
from kg.build.distributed import extract_on_cluster
from kg.store import GraphStore
from kg.store.push import push
from kg.store.remote import RemoteStore

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from live_parts import start_dask, start_oxigraph  # noqa: E402  (the tests' starters of real servers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "in").mkdir()
        paths = make_corpus(tmp / "in", args.copies)
        print(f"{len(paths)} digests ({args.copies} copies)")
        oxigraph, url = start_oxigraph(tmp / "oxigraph")
        dask, scheduler = start_dask(tmp / "dask", args.workers)
        try:
            start = time.perf_counter()
            local = build([tmp / "in"], tmp / "local", page=False)
            local_s = time.perf_counter() - start
            print(f"local build:                          {local_s:8.1f} s  {local.triples:,} triples")
            start = time.perf_counter()
            far = build([tmp / "in"], tmp / "far", page=False, scheduler=scheduler, remote=RemoteStore.at(url))
            far_s = time.perf_counter() - start
            print(f"Dask ({args.workers} workers) + oxigraph serve build: {far_s:8.1f} s  {far.pushed.summary()}")
            start = time.perf_counter()
            list(extract_on_cluster(scheduler, paths))
            print(f"  of which extraction on the cluster: {time.perf_counter() - start:8.1f} s")
            local_store = GraphStore.from_file(tmp / "local/graph.trig")
            start = time.perf_counter()
            again = push(local_store, RemoteStore.at(url))
            print(f"the push again, nothing changed:      {time.perf_counter() - start:8.1f} s  {again.summary()}")
            same_records = (tmp / "far/records.json").read_bytes() == (tmp / "local/records.json").read_bytes()
            start = time.perf_counter()
            remote_quads = set(RemoteStore.at(url).quads())
            read_s = time.perf_counter() - start
            local_quads = set(local_store.quads())
            print(f"records.json equal: {same_records}; quads equal: {remote_quads == local_quads} "
                  f"({len(remote_quads):,} quads, read back in {read_s:.1f} s)")
        finally:
            for part in [oxigraph, *reversed(dask)]:
                part.stop()


if __name__ == "__main__":
    sys.exit(main())
