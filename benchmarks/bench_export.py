"""How long each export takes on graphs of N view nodes (run on demand; not a test).

    .venv/bin/python benchmarks/bench_export.py                # 1,000, 5,000 and 10,000 nodes
    .venv/bin/python benchmarks/bench_export.py --sizes 3000   # other sizes

For each size: a synthetic graph in the shape of docs/model.md (benchmarks/synthetic_graph.py), then
per format the seconds to write it (in memory; the neo4j folder on disk) and its size in bytes.
GraphML and GEXF include the layout of kg.view.layout (x/y of every node).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic_graph import synthetic_store  # noqa: E402

from kg.export.formats import FORMATS, NetworkOptions, export, to_bytes  # noqa: E402


def measure(n_nodes: int) -> list[tuple[str, float, int]]:
    quads = list(synthetic_store(n_nodes).quads())
    out = []
    for fmt in FORMATS:
        started = time.perf_counter()
        if fmt == "neo4j":
            with tempfile.TemporaryDirectory() as folder:
                files = export(quads, fmt, Path(folder) / "neo4j", NetworkOptions(content=True))
                size = sum(p.stat().st_size for p in files)
        else:
            size = len(to_bytes(quads, fmt))
        out.append((fmt, time.perf_counter() - started, size))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    sizes = parser.parse_args().sizes
    print("| nodes | format | seconds | bytes |\n|---:|---|---:|---:|")
    for n in sizes:
        for fmt, seconds, size in measure(n):
            print(f"| {n:,} | {fmt} | {seconds:.2f} | {size:,} |", flush=True)


if __name__ == "__main__":
    main()
