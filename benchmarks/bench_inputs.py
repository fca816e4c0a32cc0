"""Inputs that could hang or bloat a build, each through a real `kg build` subprocess, with its
wall time, peak memory (the child's max RSS), exit code and triples (run on demand; not a test).

    .venv/bin/python benchmarks/bench_inputs.py            # the cases below
    .venv/bin/python benchmarks/bench_inputs.py --mb 5      # size of the big documents, in MB

Cases: a 50 MB digest (refused by the default --max-size), a digest just under the limit (the
speeches of every test digest over and over, titles numbered), the same as one line (split by the
reader at sentence ends), a text with NUL bytes scattered past the first 4 KB, and a FIFO named x.txt.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DIGESTS = sorted((REPO / "tests/data/digests").glob("*.txt"))


def digest_text(target_bytes: int) -> str:
    """One digest of about ``target_bytes``: the headline and meeting line of a test digest, then the
    speeches of every test digest over and over, each copy's titles numbered so that none merge."""
    from kg.pipeline import extract_file

    docs = [extract_file(path) for path in DIGESTS]
    first = docs[0]
    head = first.text[: first.speeches[0].span.start]
    speeches = [(s.title.span.slice(d.text), s.span.slice(d.text)) for d in docs for s in d.speeches if s.title]
    parts, size, n = [head], len(head.encode("utf-8")), 0
    while size < target_bytes:
        title, speech = speeches[n % len(speeches)]
        part = speech.replace(title, f"{title}（{n // len(speeches) + 1}）", 1) + "\n\n"
        parts.append(part)
        size += len(part.encode("utf-8"))
        n += 1
    return "".join(parts)


# `kg` in a process of its own that reports its peak memory (max RSS, KB on Linux) as it exits.
KG_WITH_PEAK = """import atexit, resource, sys
atexit.register(lambda: print(f"peak-kb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr))
from kg.cli import main
main(sys.argv[1:], prog_name="kg")
"""


def run_build(label: str, inputs: list[Path], out: Path) -> None:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", KG_WITH_PEAK, "build", *map(str, inputs), "-o", str(out),
                           "--no-page"], capture_output=True, text=True, timeout=900, stdin=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    lines = proc.stderr.strip().splitlines()
    peak = int(next(ln for ln in lines if ln.startswith("peak-kb=")).removeprefix("peak-kb="))
    triples = next((ln.split(", ")[2] for ln in proc.stdout.splitlines() if "triples" in ln), "-")
    print(f"{label:<34}{seconds:7.1f} s {peak / 1024:8.0f} MB  exit {proc.returncode}  {triples}")
    for message in lines:
        if not message.startswith("peak-kb="):
            print(f"{'':<34}{message[:110]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=0.95, help="size of the document under the limit")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        big = root / "big-50mb.txt"
        big.write_text(digest_text(50_000_000), encoding="utf-8")
        under = root / "under-limit.txt"
        under.write_text(digest_text(int(args.mb * 1_000_000)), encoding="utf-8")
        one_line = root / "one-line.txt"
        one_line.write_text(digest_text(int(args.mb * 1_000_000)).replace("\n", ""), encoding="utf-8")
        nuls = root / "nuls.txt"
        text = digest_text(200_000)
        nuls.write_text("".join(ch + ("\x00" if i % 4999 == 4998 else "") for i, ch in enumerate(text)),
                        encoding="utf-8")
        fifo = root / "x.txt"
        os.mkfifo(fifo)
        print(f"{'case':<34}{'wall':>9} {'peak RSS':>11}")
        run_build("50 MB digest (default limit)", [big], root / "o1")
        run_build(f"{under.stat().st_size / 1e6:.1f} MB digest", [under], root / "o2")
        run_build(f"one line of {len(one_line.read_text(encoding='utf-8')):,} chars", [one_line], root / "o3")
        run_build("NUL bytes past 4 KB", [nuls], root / "o4")
        run_build("FIFO x.txt + a digest", [fifo, DIGESTS[0]], root / "o5")


if __name__ == "__main__":
    main()
