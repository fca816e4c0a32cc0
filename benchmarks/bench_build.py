"""How fast a build is, stage by stage, against jieba.lcut over the same text (run on demand; not a test).

    .venv/bin/python benchmarks/bench_build.py              # the sample + tests/data/digests, ×20
    .venv/bin/python benchmarks/bench_build.py --copies 100

The corpus is every digest we have, copied N times under new names with the meeting's session
number changed, so that each copy is a distinct document with its own speeches. Reported:
characters, jieba.lcut time over all of them (the yardstick: the issue asks a build to stay
within about 2× of it, start-up aside), then extraction, graph building, Turtle + TriG writing,
the page, and the peak memory.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import jieba

from kg.build import build
from kg.pipeline import extract_file
from kg.words import tokenize

REPO = Path(__file__).resolve().parents[1]
SOURCES = [*sorted((REPO / "data").glob("*.txt")), *sorted((REPO / "tests/data/digests").glob("*.txt"))]


def make_corpus(folder: Path, copies: int) -> list[Path]:
    paths = []
    for n in range(copies):
        for src in SOURCES:
            text = src.read_text(encoding="utf-8")
            # A different session number makes every copy another meeting, so nothing merges.
            text = text.replace("第三次会议", f"第{n + 3}次会议").replace("三次会议", f"{n + 3}次会议")
            path = folder / f"{src.stem}-{n:03d}.txt"
            path.write_text(text + f"\n\n（第{n}份）\n", encoding="utf-8")
            paths.append(path)
    return paths


def timed(label: str, fn):
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    print(f"{label:<38}{seconds:8.2f} s")
    return result, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        paths = make_corpus(folder, args.copies)
        texts = [p.read_text(encoding="utf-8") for p in paths]
        chars = sum(map(len, texts))
        print(f"{len(paths)} digests, {chars:,} characters")
        timed("warm-up (jieba dictionaries, lexicons)", lambda: (jieba.lcut("预热"), tokenize("预热")))
        _, lcut = timed("jieba.lcut over all texts", lambda: [jieba.lcut(t) for t in texts])
        _, extract = timed("kg extraction (read→segment→extract)", lambda: [extract_file(p) for p in paths])
        report, total = timed("kg build (all stages, with the page)", lambda: build([folder], Path(tmp) / "out"))
        print(f"{'':<38}{report.triples:,} triples, view {report.view}")
        print(f"extraction / jieba.lcut: {extract / lcut:.2f}×;  whole build / jieba.lcut: {total / lcut:.2f}×")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory: {peak:,.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
