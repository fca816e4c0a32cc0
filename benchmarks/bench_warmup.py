"""A fresh process's warm-up: importing the segmenter (and jieba) and cutting a first text, with the
merged dictionary's cache file present and without it (run on demand; not a test).

The yardstick of issue 11: with the cache present a fresh process is ready in ≤0.3 s (kg/dictionary.py:
jieba's tokenizer set up from the cache, the words of the text's characters read); without it the
dictionary is built with jieba (~1.5 s) and the cache written.

    .venv/bin/python benchmarks/bench_warmup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

# argv[1] "all": every word read as well, as a build does before forking its workers (kg/build/parts.py)
_CHILD = """
import json, sys, time
cpu, wall = time.process_time(), time.perf_counter()
from kg.words import tokens
tokens("推动太原晋中一体化，兰白城际铁路建设")
if sys.argv[1] == "all":
    from kg.dictionary import dictionary
    dictionary().read_all()
print(json.dumps([time.process_time() - cpu, time.perf_counter() - wall]))
"""


def warm_up(cache_home: str, words: str = "text") -> tuple[float, float]:
    """CPU and wall seconds of a fresh process's import and first cut (``words="all"``: and every word read)."""
    env = {**os.environ, "XDG_CACHE_HOME": cache_home}
    done = subprocess.run([sys.executable, "-c", _CHILD, words], env=env, capture_output=True, text=True,
                          check=True)
    cpu, wall = json.loads(done.stdout)
    return cpu, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        cold = [warm_up(home)]  # builds the dictionary and writes the cache
        with tempfile.TemporaryDirectory() as empty:
            cold += [warm_up(os.path.join(empty, str(i))) for i in range(1, args.runs)]
        warm = [warm_up(home) for _ in range(args.runs)]
        whole = [warm_up(home, "all") for _ in range(args.runs)]
    for label, times in (("no cache (built with jieba)", cold), ("cache present", warm),
                         ("cache present, every word", whole)):
        print(f"{label:28s} {min(t[0] for t in times):5.2f} s CPU, {min(t[1] for t in times):5.2f} s wall"
              f" (best of {len(times)})")


if __name__ == "__main__":
    main()
