"""`kg serve` under load, side by side with `oxigraph serve` on the same graph and queries (on demand).

    .venv/bin/python benchmarks/bench_endpoint.py                     # the sample, full runs
    .venv/bin/python benchmarks/bench_endpoint.py --graph outputs --compare-only --rounds 5

The servers run as subprocesses on 127.0.0.1 over the same graph, kept alike: given an output folder,
both on disk (`kg serve` opens its store read-only, as it does by default; Oxigraph's CLI loads the
graph file into a temporary store and serves it read-only); given a graph file, both in memory
(`kg serve` loads it; `oxigraph serve` without a location is sent it by HTTP). Both answer with the
union default graph. Each runs
with its defaults (`kg serve`: one serving process per core), and `kg serve` twice: as it runs by
default, and with `--answer-cache 0`. Oxigraph keeps no answers, so the ratio that compares like
with like is that of `kg serve --answer-cache 0`; the one with answers kept is shown beside it.
Then:

1. keep-alive latency: sequential requests on one kept-alive connection (median, p99);
2. throughput of each query of benchmarks/endpoint_load.NORMAL_QUERIES with `wrk` (Debian's, if
   installed; else the asyncio client), the servers in turn for --rounds rounds; medians and the
   ratios to oxigraph;
3. `kg serve` alone (as it runs by default): sustained load (--clients × --seconds), a burst of
   --burst connections, and hostile traffic mixed with normal traffic (endpoint_load.hostile).

Every run is bounded in time and count and stops by itself; the servers are stopped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import endpoint_load as load  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
ACCEPT = "application/sparql-results+json, text/turtle;q=0.9"
BARE, OXIGRAPH, KEPT = "kg serve --answer-cache 0", "oxigraph serve", "kg serve"  # KEPT: with its defaults


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


def sample_outputs(folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "kg", "build", str(REPO / "data"), "-o", str(folder), "--no-page"],
                   check=True, capture_output=True)
    return folder


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
    parser.add_argument("--graph", type=Path, help="output folder of `kg build` (its store is served, as `kg serve` "
                                                   "does by default) or a graph file (loaded into memory); "
                                                   "default: the sample, built now")
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
        graph = args.graph or sample_outputs(Path(tmp) / "sample")
        graph_file = graph / "graph.ttl" if graph.is_dir() else graph  # what Oxigraph's CLI loads
        kg_port, bare_port, ox_port = free_port(), free_port(), free_port()
        kg_log = open(Path(tmp) / "kg-serve.log", "w")  # noqa: SIM115 (kept open for the servers' life)
        serve = [sys.executable, "-m", "kg", "serve", "--graph", str(graph), "--port"]
        kg = subprocess.Popen([*serve, str(kg_port)], stderr=kg_log)
        bare = subprocess.Popen([*serve, str(bare_port), "--answer-cache", "0"], stderr=kg_log)
        ox = None
        if Path(oxigraph).is_file() and graph.is_dir():  # on disk, as kg serve opens a store folder
            subprocess.run([oxigraph, "load", "--location", f"{tmp}/ox", "--file", str(graph_file)], check=True,
                           capture_output=True)
            ox = subprocess.Popen([oxigraph, "serve-read-only", "--location", f"{tmp}/ox", "--bind",
                                   f"127.0.0.1:{ox_port}", "--union-default-graph"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elif Path(oxigraph).is_file():  # in memory, as kg serve loads a graph file
            ox = subprocess.Popen([oxigraph, "serve", "--bind", f"127.0.0.1:{ox_port}", "--union-default-graph"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_listening(kg_port, kg)
            wait_listening(bare_port, bare)
            if ox:
                wait_listening(ox_port, ox)
            if ox and not graph.is_dir():
                post = urllib.request.Request(f"http://127.0.0.1:{ox_port}/store?default", graph_file.read_bytes(),
                                              {"Content-Type": "text/turtle"})
                urllib.request.urlopen(post, timeout=600).close()
            servers = {BARE: Server(bare_port, "/sparql", bare.pid)}
            if ox:
                servers[OXIGRAPH] = Server(ox_port, "/query", ox.pid)
            servers[KEPT] = Server(kg_port, "/sparql", kg.pid)
            run(args, graph, servers, use_wrk)
        finally:
            load.stop(kg)
            load.stop(bare)
            if ox:
                load.stop(ox)
            kg_log.close()


@dataclass
class Server:
    port: int
    path: str
    pid: int


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of ``pid`` and its living descendants (siblings, workers), from /proc."""
    children: dict[int, list[int]] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:  # gone meanwhile
            continue
        own = int(stat.parent.name)
        children.setdefault(int(fields[1]), []).append(own)
        times[own] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        total += times.get(current, 0.0)
        todo += children.get(current, [])
    return total


def measure(args, server: Server, query: str, use_wrk: bool) -> tuple[float, float, float]:
    """(requests per second, p99 ms, server CPU µs per request) of one run."""
    target = load.query_path(server.path, query)
    cpu = cpu_seconds(server.pid)
    rate, p99 = (wrk(f"http://127.0.0.1:{server.port}{target}", args.compare_seconds, args.clients) if use_wrk
                 else python_client(server.port, target, args.compare_seconds, args.clients))
    return rate, p99, (cpu_seconds(server.pid) - cpu) / max(rate * args.compare_seconds, 1) * 1e6


def run(args, graph: Path, servers: dict[str, Server], use_wrk: bool) -> None:
    print(f"graph: {graph}; client: {'wrk' if use_wrk else 'asyncio'}; load average "
          f"{' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    for server in servers.values():  # warm up: kg serve answers a query it has seen in-process
        asyncio.run(load.sustained("127.0.0.1", server.port, [load.query_path(server.path, q)
                                                              for q in load.NORMAL_QUERIES],
                                   1, 30, max_requests=2 * len(load.NORMAL_QUERIES)))
    print("\n## keep-alive latency (500 sequential requests, one connection)")
    for name, server in servers.items():
        took = asyncio.run(load.keep_alive_latency("127.0.0.1", server.port,
                                                   load.query_path(server.path, load.NORMAL_QUERIES[0]), 500))
        print(f"{name}: median {load.median_ms(took):.2f} ms, p99 {sorted(took)[494] * 1000:.2f} ms")
    if OXIGRAPH in servers:
        print(f"\n## throughput, {args.clients} connections × {args.compare_seconds:g} s, {args.rounds} rounds "
              "in turn (medians; CPU: the server's processes, µs per request)")
        print(f"| query | {BARE} req/s | {OXIGRAPH} req/s | ratio | {BARE} p99 ms | {OXIGRAPH} p99 ms "
              f"| {BARE} CPU µs | {OXIGRAPH} CPU µs | {KEPT} req/s | ratio |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for query in load.NORMAL_QUERIES:
            runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in servers}
            for _ in range(args.rounds):
                for name, server in servers.items():
                    runs[name].append(measure(args, server, query, use_wrk))
            rate, p99, cpu = ({name: statistics.median(r[i] for r in runs[name]) for name in servers}
                              for i in range(3))
            label = " ".join(query.split("\n")[-1].split())[:60]
            print(f"| `{label}…` | {rate[BARE]:.0f} | {rate[OXIGRAPH]:.0f} | {rate[BARE] / rate[OXIGRAPH]:.0%} | "
                  f"{p99[BARE]:.1f} | {p99[OXIGRAPH]:.1f} | {cpu[BARE]:.0f} | {cpu[OXIGRAPH]:.0f} | "
                  f"{rate[KEPT]:.0f} | {rate[KEPT] / rate[OXIGRAPH]:.0%} |")
    if args.compare_only:
        return
    kg_port = servers[KEPT].port
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
