"""How a build scales (run on demand; not a test): 1×, 10×, 50×, 200× the digests we have, and a
synthetic corpus of a given number of speeches.

    .venv/bin/python benchmarks/bench_build.py                        # sizes 1, 10, 50
    .venv/bin/python benchmarks/bench_build.py --sizes 1,10,50,200
    .venv/bin/python benchmarks/bench_build.py --speeches 100000 --no-page

The corpus is the sample and tests/data/digests, copied N times under new names with the
meeting's session number changed, so that every copy is another meeting with its own speeches
(sessions pass 100, which once crashed the build). Each size is built in a fresh process; reported
per size: wall seconds, CPU% and CPU seconds (all processes: on a shared machine CPU time is the
steadier figure), peak RSS (the build process and the largest worker), triples, seconds per stage
(with the CPU seconds and CPU% of the longer ones), the CPU% during extraction (the plan and extract
stages: the workers start in the first), the extraction stage against jieba.lcut over the same texts
(one process), a rebuild after adding one file (wall and CPU, each as a share of the
fresh build's), and `kg query NAME` on the store, process start included.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.extract.numerals import cn_to_int

REPO = Path(__file__).resolve().parents[1]
_TERM = re.compile("([一二三四五六七八九十]+)([届屆])")
SOURCES = [*sorted((REPO / "data").glob("*.txt")), *sorted((REPO / "tests/data/digests").glob("*.txt"))]


def copy_text(text: str, n: int) -> str:
    """Copy ``n`` of a digest: its committee's term moved on by ``n`` (and the session, where it is
    the third), so that every copy is another meeting with its own speeches and nothing merges."""
    if n:
        text = _TERM.sub(lambda m: f"{cn_to_int(m.group(1)) + n}{m.group(2)}", text)
        for meeting in ("会议", "會議"):  # simplified and traditional
            text = text.replace(f"第三次{meeting}", f"第{n + 3}次{meeting}")
            text = text.replace(f"三次{meeting}", f"{n + 3}次{meeting}")
    return text + f"\n\n（第{n}份）\n"


def make_corpus(folder: Path, copies: int) -> list[Path]:
    paths = []
    texts = [src.read_text(encoding="utf-8") for src in SOURCES]
    for n in range(copies):
        for src, text in zip(SOURCES, texts, strict=True):
            path = folder / f"{src.stem}-{n:04d}.txt"
            path.write_text(copy_text(text, n), encoding="utf-8")
            paths.append(path)
    return paths


def speeches_per_copy() -> int:
    from kg.pipeline import extract_file

    return sum(len(extract_file(src).speeches) for src in SOURCES)


# ---------------------------------------------------------------- one build, in its own process

def run_build(folder: Path, out: Path, jobs: int | None, page: bool, lcut: bool) -> dict:
    """Build ``folder`` into ``out`` in this process; figures as a dict."""
    from kg.build import build

    lcut_seconds = None
    if lcut:
        import jieba

        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
        jieba.lcut("预热")
        start = time.perf_counter()
        for text in texts:
            jieba.lcut(text)
        lcut_seconds = time.perf_counter() - start
        del texts
    before_self, before_children = (resource.getrusage(who) for who in
                                    (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    start = time.perf_counter()
    report = build([folder], out, page=page, jobs=jobs)
    wall = time.perf_counter() - start
    after_self, after_children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    cpu = sum(getattr(a, f) - getattr(b, f) for a, b in ((after_self, before_self), (after_children, before_children))
              for f in ("ru_utime", "ru_stime"))
    return {"wall": wall, "cpu_percent": 100 * cpu / wall, "rss_mb": after_self.ru_maxrss / 1024,
            "worker_rss_mb": after_children.ru_maxrss / 1024, "triples": report.triples,
            "documents": report.documents, "speeches": report.speeches, "read": report.read,
            "distinct_speeches": report.entities.get("speeches"),
            "stages": report.stages, "stage_cpu": report.stage_cpu, "cpu": cpu, "lcut": lcut_seconds,
            "view": report.view}


def in_child(folder: Path, out: Path, jobs: int | None, page: bool, lcut: bool) -> dict:
    cmd = [sys.executable, __file__, "--child", str(folder), "--out", str(out)]
    cmd += [*(["--jobs", str(jobs)] if jobs else []), *([] if page else ["--no-page"]), *(["--lcut"] if lcut else [])]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def query_wall(out: Path, name: str = "party-sector-matrix", runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kg", "query", name, "--graph", str(out)], check=True,
                       capture_output=True)
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def bench_size(copies: int, jobs: int | None, page: bool, incremental: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "in", Path(tmp) / "out"
        folder.mkdir()
        make_corpus(folder, copies)
        fresh = in_child(folder, out, jobs, page, lcut=True)
        fresh["copies"] = copies
        fresh["query"] = query_wall(out)
        if incremental:
            one_more = folder / "added-one.txt"
            one_more.write_text(copy_text(SOURCES[0].read_text(encoding="utf-8"), copies + 1), encoding="utf-8")
            again = in_child(folder, out, jobs, page, lcut=False)
            fresh["rebuild_one"] = again["wall"]
            fresh["rebuild_cpu"] = again["cpu"]
            fresh["rebuild_stages"] = again["stages"]
            fresh["rebuild_stage_cpu"] = again["stage_cpu"]
        return fresh


def stage_text(seconds: dict, cpu: dict) -> str:
    """Wall seconds per stage, with the CPU seconds (all processes) of the longer ones."""
    return ", ".join(f"{k} {v:.1f}" + (f" (CPU {cpu[k]:.1f} s, {100 * cpu[k] / v:.0f}%)" if v >= 1 else "")
                     for k, v in seconds.items())


def print_row(r: dict) -> None:
    stages = stage_text(r["stages"], r["stage_cpu"])
    ratio = r["stages"].get("extract", 0) / r["lcut"] if r.get("lcut") else float("nan")
    print(f"{r['copies']:>5}× {r['documents']:>6} docs {r['speeches']:>7} speeches "
          f"({r['distinct_speeches']} distinct) {r['triples']:>10,} triples | "
          f"wall {r['wall']:7.1f} s  CPU {r['cpu_percent']:4.0f}% ({r['cpu']:.1f} s)  RSS {r['rss_mb']:6.0f} MB "
          f"(worker {r['worker_rss_mb']:4.0f} MB) | extract/lcut {ratio:4.2f}× | query {r['query']:.2f} s", flush=True)
    print(f"       stages: {stages}; lcut {r['lcut']:.1f} s", flush=True)
    # The workers start in the plan stage (the build process copies the previous generation
    # meanwhile), so extraction is the plan and extract stages together.
    wall, cpu = (sum(r[k].get(s, 0.0) for s in ("plan", "extract")) for k in ("stages", "stage_cpu"))
    print(f"       CPU during extraction (plan and extract stages): {100 * cpu / wall:.0f}% "
          f"({cpu:.1f} s in {wall:.1f} s)", flush=True)
    if "rebuild_one" in r:
        print(f"       rebuild after adding one file: {r['rebuild_one']:.1f} s "
              f"({100 * r['rebuild_one'] / r['wall']:.1f}% of the fresh build), CPU {r['rebuild_cpu']:.1f} s "
              f"({100 * r['rebuild_cpu'] / r['cpu']:.1f}% of the fresh build's); "
              + stage_text(r["rebuild_stages"], r["rebuild_stage_cpu"]), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,50", help="copies of the corpus, comma-separated")
    parser.add_argument("--speeches", type=int, default=None, help="instead: a corpus of about this many speeches")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--no-page", action="store_true")
    parser.add_argument("--no-rebuild", action="store_true", help="skip the rebuild after adding one file")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--lcut", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_build(args.child, args.out, args.jobs, not args.no_page, args.lcut)))
        return
    if args.speeches:
        sizes = [math.ceil(args.speeches / speeches_per_copy())]
    else:
        sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{len(SOURCES)} digests per copy; jobs {args.jobs or 'one per core'}", flush=True)
    for copies in sizes:
        print_row(bench_size(copies, args.jobs, not args.no_page, not args.no_rebuild))


if __name__ == "__main__":
    sys.exit(main())
