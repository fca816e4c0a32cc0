"""`kg serve` under load, side by side with `oxigraph serve` on the same graph and queries (on demand).

    .venv/bin/python benchmarks/bench_endpoint.py                     # the sample graph, full runs
    .venv/bin/python benchmarks/bench_endpoint.py --graph outputs/graph.ttl --seconds 10 --rounds 3

Both servers run as subprocesses on 127.0.0.1 over the same graph (Oxigraph's CLI loads it into a
temporary store and serves it read-only with the union default graph, as `kg serve` does). Then:

1. keep-alive latency: sequential requests on one kept-alive connection (median, p99);
2. throughput of each query of benchmarks/endpoint_load.NORMAL_QUERIES with `wrk` (Debian's, if
   installed; else the asyncio client), the two servers in turn for --rounds rounds; medians and
   the ratio kg / oxigraph;
3. `kg serve` alone: sustained load (--clients × --seconds), a burst of --burst connections, and
   hostile traffic mixed with normal traffic (endpoint_load.hostile).

Every run is bounded in time and count and stops by itself; the servers are stopped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import endpoint_load as load  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
ACCEPT = "application/sparql-results+json, text/turtle;q=0.9"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(port: int, proc: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing listens on {port} after {seconds} s")


def sample_graph(folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "kg", "build", str(REPO / "data"), "-o", str(folder), "--no-page"],
                   check=True, capture_output=True)
    return folder / "graph.ttl"


def wrk(url: str, seconds: float, clients: int) -> tuple[float, float]:
    """(requests per second, p99 ms) from wrk."""
    command = ["wrk", "-t2", f"-c{clients}", f"-d{max(1, round(seconds))}s", "--latency", "-H", f"Accept: {ACCEPT}",
               url]
    out = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60).stdout
    if re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        raise SystemExit(f"errors from {url}:\n{out}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups()
    return rate, float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def python_client(port: int, path: str, seconds: float, clients: int) -> tuple[float, float]:
    outcomes = asyncio.run(load.sustained("127.0.0.1", port, [path], clients, seconds))
    if set(outcomes.statuses) != {200}:
        raise SystemExit(f"errors: {outcomes.summary()}")
    return outcomes.throughput, outcomes.percentile(99) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, help="graph file (default: the sample, built now)")
    parser.add_argument("--seconds", type=float, default=30.0, help="length of each load run")
    parser.add_argument("--compare-seconds", type=float, default=10.0, help="length of each throughput run")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the side-by-side comparison")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--burst", type=int, default=1000)
    parser.add_argument("--compare-only", action="store_true",
                        help="only the keep-alive latency and the side-by-side throughput (no load runs)")
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(max(soft, 8192), hard), hard))
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    use_wrk = shutil.which("wrk") is not None
    with tempfile.TemporaryDirectory(prefix="kg-bench-endpoint-") as tmp:
        graph = args.graph or sample_graph(Path(tmp) / "sample")
        kg_port, ox_port = free_port(), free_port()
        kg_log = open(Path(tmp) / "kg-serve.log", "w")  # noqa: SIM115 (kept open for the server's life)
        kg = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--graph", str(graph), "--port", str(kg_port)],
                              stderr=kg_log)
        ox = None
        if Path(oxigraph).is_file():
            subprocess.run([oxigraph, "load", "--location", f"{tmp}/ox", "--file", str(graph)], check=True,
                           capture_output=True)
            ox = subprocess.Popen([oxigraph, "serve-read-only", "--location", f"{tmp}/ox", "--bind",
                                   f"127.0.0.1:{ox_port}", "--union-default-graph"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_listening(kg_port, kg)
            if ox:
                wait_listening(ox_port, ox)
            run(args, graph, kg_port, ox_port if ox else None, use_wrk)
        finally:
            load.stop(kg)
            if ox:
                load.stop(ox)
            kg_log.close()


def run(args, graph: Path, kg_port: int, ox_port: int | None, use_wrk: bool) -> None:
    print(f"graph: {graph}; client: {'wrk' if use_wrk else 'asyncio'}; load average "
          f"{' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    servers = {"kg serve": (kg_port, "/sparql")} | ({"oxigraph serve": (ox_port, "/query")} if ox_port else {})
    for port, path in servers.values():  # warm up: kg serve answers a query it has seen in-process
        asyncio.run(load.sustained("127.0.0.1", port, [load.query_path(path, q) for q in load.NORMAL_QUERIES],
                                   1, 30, max_requests=2 * len(load.NORMAL_QUERIES)))
    print("\n## keep-alive latency (500 sequential requests, one connection)")
    for name, (port, path) in servers.items():
        took = asyncio.run(load.keep_alive_latency("127.0.0.1", port, load.query_path(path, load.NORMAL_QUERIES[0]),
                                                   500))
        print(f"{name}: median {load.median_ms(took):.2f} ms, p99 {sorted(took)[494] * 1000:.2f} ms")
    if ox_port:
        print(f"\n## throughput, {args.clients} connections × {args.compare_seconds:g} s, {args.rounds} rounds "
              "in turn (medians)")
        print("| query | kg serve req/s | oxigraph serve req/s | ratio | kg p99 ms | oxigraph p99 ms |")
        print("|---|---|---|---|---|---|")
        for query in load.NORMAL_QUERIES:
            rates: dict[str, list[tuple[float, float]]] = {name: [] for name in servers}
            for _ in range(args.rounds):
                for name, (port, path) in servers.items():
                    target = load.query_path(path, query)
                    rates[name].append(wrk(f"http://127.0.0.1:{port}{target}", args.compare_seconds, args.clients)
                                       if use_wrk else python_client(port, target, args.compare_seconds,
                                                                     args.clients))
            kg_rate = statistics.median(r for r, _ in rates["kg serve"])
            ox_rate = statistics.median(r for r, _ in rates["oxigraph serve"])
            label = " ".join(query.split("\n")[-1].split())[:60]
            print(f"| `{label}…` | {kg_rate:.0f} | {ox_rate:.0f} | {kg_rate / ox_rate:.0%} | "
                  f"{statistics.median(p for _, p in rates['kg serve']):.1f} | "
                  f"{statistics.median(p for _, p in rates['oxigraph serve']):.1f} |")
    if args.compare_only:
        return
    normal = [load.query_path("/sparql", q) for q in load.NORMAL_QUERIES]
    print(f"\n## kg serve: sustained, {args.clients} clients × {args.seconds:g} s (asyncio client)")
    print(asyncio.run(load.sustained("127.0.0.1", kg_port, normal, args.clients, args.seconds)).summary())
    print(f"\n## kg serve: a burst of {args.burst} connections")
    print(asyncio.run(load.burst("127.0.0.1", kg_port, normal[2], args.burst)).summary())
    print(f"\n## kg serve: hostile traffic beside {args.clients // 2} normal clients for {args.seconds:g} s")
    hostile = [load.query_path("/sparql", q) for q in load.HOSTILE_QUERIES]
    good, bad, trickle, closed = asyncio.run(load.hostile("127.0.0.1", kg_port, normal, hostile, args.clients // 2,
                                                          args.seconds, idle_sockets=200))
    print(f"normal: {good.summary()}\nhostile: {bad.summary()}\ntrickle: {trickle.summary()}\n"
          f"idle sockets closed by the server: {closed} of 200")
    errors = good.server_errors() | bad.server_errors()
    print("5xx other than 503, or no answer:", errors or "none")


if __name__ == "__main__":
    main()
