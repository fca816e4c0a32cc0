"""The output stages of a build on their own (run on demand; not a test): the page, the graph files
written from nothing and written again with every document's part taken over but one, and
records.json, each in a fresh process over the store of a built output folder.

    .venv/bin/kg build data -o /tmp/out10 && .venv/bin/python benchmarks/bench_outputs.py /tmp/out10 [/tmp/out50 …]

Reported per stage: wall and CPU seconds (the CPU of the process: on a shared machine wall is
noisy), the process's peak RSS and its RSS when the stage began (the imports, the store opened),
so that what grows with the corpus shows.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STAGES = ("page", "graph files (first build)", "graph files (one document new)", "records")


def run_stage(out: Path, stage: str) -> dict:
    """Run one stage over the current generation of ``out`` in this process; figures as a dict."""
    from kg.build import _write_records
    from kg.build.outputs import CHUNKS
    from kg.build.summary import kept_lines
    from kg.graph import SourceEntry
    from kg.store import GraphStore
    from kg.view import build_view, render_page

    gen = (out / "current").resolve()
    store = GraphStore(gen / "store", read_only=True)
    with tempfile.TemporaryDirectory(dir=out) as tmp:
        work = Path(tmp)
        if stage == "graph files (one document new)":
            chunks = work / CHUNKS
            chunks.mkdir()
            parts = sorted(p for p in (gen / CHUNKS).iterdir() if p.suffix in (".ttl", ".trig"))
            for part in parts[2:]:  # the first document's two parts are dumped again
                os.link(part, chunks / part.name)
        elif stage == "records":
            entries = {k: SourceEntry(k, s.path, s.file_sha256) for k, s in store.sources().items()}
            (work / "records").mkdir()
            for key in entries:
                os.link(gen / "records" / f"{key}.json", work / "records" / f"{key}.json")
        before = _rss_mb()
        started, cpu = time.perf_counter(), time.process_time()
        if stage == "page":
            model = build_view(store, "auto")
            (work / "graph.html").write_text(render_page(model), encoding="utf-8")
        elif stage == "records":
            _write_records(work, entries, {}, kept_lines(gen, entries))
        else:
            chunks = work / CHUNKS if stage.endswith("new)") else None
            store.dump_graph_files(work / "graph.ttl", work / "graph.trig", chunks)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        for name in ("graph.ttl", "graph.trig") if stage.startswith("graph files") else ():
            if (work / name).read_bytes() != (gen / name).read_bytes():
                raise SystemExit(f"{stage}: {name} differs from the build's")
        shutil.rmtree(work, ignore_errors=True)
    return {"wall": wall, "cpu": cpu, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "before_mb": before, "triples": len(store) if stage == "page" else None}


def _rss_mb() -> float:
    status = Path("/proc/self/status").read_text(encoding="ascii")
    return int(status.split("VmRSS:")[1].split()[0]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outputs", nargs="+", type=Path, help="output folders of kg build")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        print(json.dumps(run_stage(args.outputs[0], args.stage)))
        return
    for out in args.outputs:
        for stage in STAGES:
            result = subprocess.run([sys.executable, __file__, str(out), "--stage", stage],
                                    capture_output=True, text=True, check=False)
            if result.returncode:
                raise SystemExit(result.stderr[-2000:])
            r = json.loads(result.stdout.strip().splitlines()[-1])
            size = f" ({r['triples']:,} triples)" if r["triples"] else ""
            print(f"{out}{size} {stage:32} wall {r['wall']:6.2f} s  CPU {r['cpu']:6.2f} s  "
                  f"peak RSS {r['rss_mb']:6.0f} MB (before the stage {r['before_mb']:4.0f} MB)", flush=True)


if __name__ == "__main__":
    sys.exit(main())
