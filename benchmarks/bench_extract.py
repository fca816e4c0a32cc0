"""Extraction against jieba.lcut on the same texts, in one warmed process (run on demand; not a test).

The yardstick of issues 9 and 10: read → segment → extract of every page we have (the sample, the
tuning digests, the news pages, the holdouts) should cost at most 2.5× `jieba.lcut` of the same
texts. Extraction cuts its words with jieba too (a ``jieba.Tokenizer`` over the merged dictionary, without
the HMM: kg/words.py), so the ratio is what extraction adds to jieba's cut. Both are timed after a warm-up
(dictionaries loaded), best of ``--runs``, taking turns; the build's other stages (graph, store, page) are
measured by bench_build.py.

    .venv/bin/python benchmarks/bench_extract.py [--runs 3] [--copies 1]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import jieba

from kg.pipeline import extract_source
from kg.read import read_file

REPO = Path(__file__).resolve().parents[1]
FOLDERS = ["data", "tests/data/digests", "tests/data/news", "tests/data/holdout", "tests/data/holdout2",
           "tests/data/holdout3", "tests/data/news-holdout"]


def best_of(runs: int, *works) -> list[float]:
    """The least CPU time of each piece of work over ``runs`` rounds, the pieces taking turns in each round
    (on a shared machine a busy spell then slows both, not one)."""
    best = [float("inf")] * len(works)
    for _ in range(runs):
        for i, work in enumerate(works):
            started = time.process_time()
            work()
            best[i] = min(best[i], time.process_time() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--copies", type=int, default=1, help="extract every page this many times per run")
    args = parser.parse_args()
    sources = [read_file(p) for folder in FOLDERS for p in sorted((REPO / folder).glob("*.txt"))] * args.copies
    chars = sum(len(s.text) for s in sources)
    jieba.lcut("预热")
    for s in sources:  # warm: our lexicons, the gazetteer, the merged dictionary's words read
        extract_source(s)
    lcut, extract = best_of(args.runs, lambda: [jieba.lcut(s.text) for s in sources],
                            lambda: [extract_source(s) for s in sources])
    speeches = sum(len(extract_source(s).speeches) for s in sources[: len(sources) // args.copies])
    print(f"{len(sources)} pages, {speeches * args.copies} speeches, {chars:,} characters"
          f" (CPU seconds, best of {args.runs})")
    print(f"jieba.lcut  {lcut:6.2f} s  ({chars / lcut / 1000:,.0f}k characters/s)")
    print(f"extraction  {extract:6.2f} s  ({chars / extract / 1000:,.0f}k characters/s) = {extract / lcut:.2f}× lcut")


if __name__ == "__main__":
    main()
