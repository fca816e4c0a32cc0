"""Node positions computed ahead of time, so the page opens with physics off (spec/measured.md).

Small graphs get networkx's spring layout (Fruchterman-Reingold). Its cost grows with the square of
the nodes (~53 s for 5,000 on this machine), so past EXACT_LAYOUT_MAX_NODES the same forces run with
repulsion cut off at two ideal edge lengths and found with a k-d tree (scipy): each step is then
about linear in the nodes, and the global shape comes from a spectral start (the graph Laplacian's
smallest eigenvectors) that the force steps then spread out.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

EXACT_LAYOUT_MAX_NODES = 400
SPRING_ITERATIONS = 100
FORCE_ITERATIONS = 60
PIXELS_PER_UNIT = 40.0  # one ideal edge length on the page
SEED = 7


def compute_positions(node_ids: list[str], edges: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Page coordinates (pixels) for every node; deterministic for a given graph."""
    if not node_ids:
        return {}
    graph = nx.Graph()
    graph.add_nodes_from(node_ids)
    graph.add_edges_from(edges)
    if len(node_ids) <= EXACT_LAYOUT_MAX_NODES:
        k = 1.0 / math.sqrt(len(node_ids))
        positions = nx.spring_layout(graph, k=k, iterations=SPRING_ITERATIONS, seed=SEED)
        scale = PIXELS_PER_UNIT / k
        return {n: (round(float(x) * scale, 1), round(float(y) * scale, 1)) for n, (x, y) in positions.items()}
    index = {n: i for i, n in enumerate(node_ids)}
    edge_index = np.array([(index[a], index[b]) for a, b in graph.edges() if a != b], dtype=np.int64).reshape(-1, 2)
    coords = cutoff_force_layout(len(node_ids), edge_index, start=_spectral_start(graph, node_ids))
    return {n: (round(float(x) * PIXELS_PER_UNIT, 1), round(float(y) * PIXELS_PER_UNIT, 1))
            for n, (x, y) in zip(node_ids, coords, strict=True)}


def _spectral_start(graph: nx.Graph, node_ids: list[str]) -> np.ndarray:
    side = math.sqrt(len(node_ids))
    try:
        positions = nx.spectral_layout(graph, scale=side / 2)
        return np.array([positions[n] for n in node_ids], dtype=float)
    except (nx.NetworkXException, ValueError, ArithmeticError):
        return np.random.default_rng(SEED).uniform(-side / 2, side / 2, (len(node_ids), 2))


def cutoff_force_layout(n: int, edge_index: np.ndarray, start: np.ndarray,
                        iterations: int = FORCE_ITERATIONS) -> np.ndarray:
    """Fruchterman-Reingold with an ideal edge length of 1 and repulsion only within distance 2."""
    rng = np.random.default_rng(SEED)
    pos = start + rng.uniform(-0.5, 0.5, start.shape)  # separate nodes the start put on one spot
    side = math.sqrt(n)
    temperature = side / 4
    cooling = (0.02 / temperature) ** (1 / max(iterations, 1)) if temperature > 0.02 else 1.0
    src, dst = edge_index[:, 0], edge_index[:, 1]
    for _ in range(iterations):
        disp = np.zeros_like(pos)
        pairs = cKDTree(pos).query_pairs(r=2.0, output_type="ndarray")
        if len(pairs):
            i, j = pairs[:, 0], pairs[:, 1]
            delta = pos[i] - pos[j]
            dist2 = np.maximum((delta**2).sum(axis=1), 1e-4)
            push = delta / dist2[:, None]
            disp += _sum_at(i, push, n) - _sum_at(j, push, n)
        if len(src):
            delta = pos[src] - pos[dst]
            pull = delta * np.sqrt((delta**2).sum(axis=1))[:, None]
            disp += _sum_at(dst, pull, n) - _sum_at(src, pull, n)
        disp -= pos * (0.05 / side)  # weak gravity keeps components together
        length = np.maximum(np.sqrt((disp**2).sum(axis=1)), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature *= cooling
    return pos


def _sum_at(index: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    return np.stack([np.bincount(index, weights=values[:, 0], minlength=n),
                     np.bincount(index, weights=values[:, 1], minlength=n)], axis=1)
