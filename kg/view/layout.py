"""Node positions computed ahead of time, so the page opens with physics off (spec/measured.md).

networkx's spring layout (Fruchterman-Reingold) gives the most readable pictures, but past 500 nodes
networkx switches to its sparse code and the cost jumps: 0.7 s for 499 nodes, 3.3 s for 597, 8 s for
the 789 nodes of the 14 sample digests, ~53 s for 5,000.
networkx's spectral layout, tried as a cheap start, took 32 s for 5,000 nodes and piled them up.
So a graph of more than EXACT_LAYOUT_MAX_NODES nodes is laid out in three steps:

1. the leaves (problems and suggestions hang off one speech each: 3 nodes in 5) are set aside;
2. the rest, the core, gets the spring layout while it has at most EXACT_LAYOUT_MAX_NODES nodes, and
   past that the same forces with repulsion cut off at two edge lengths and found with a k-d tree
   (scipy), so that a step costs about linear time, the pull along an edge divided by the square
   root of its ends' degrees so that sectors, parties and meetings do not crush everything together;
3. each leaf goes on a small ring around its node.

Measured (benchmarks/bench_view.py): 10,000 nodes in ~1 s, 5,000 in ~0.5 s, the samples' 789 in 0.3 s.
The overview is set in columns instead (kg.view.overview).
"""

from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx
import numpy as np

EXACT_LAYOUT_MAX_NODES = 500
SPRING_ITERATIONS = 50
FORCE_ITERATIONS = 40
REPULSION_RADIUS = 2.0  # in ideal edge lengths
SPRING_EDGE_PIXELS = 110.0  # one ideal edge length on the page, for a whole small graph
CORE_EDGE_PIXELS = 140.0  # the same for the core of a large graph: room for the rings of leaves
LEAF_RING_PIXELS = 32.0  # the radius of a ring of leaves, plus 2 pixels a leaf
SEED = 7

Positions = dict[str, tuple[float, float]]


def compute_positions(node_ids: list[str], edges: list[tuple[str, str]]) -> Positions:
    """Page coordinates (pixels) for every node; the same graph always gets the same positions."""
    graph = nx.Graph()
    graph.add_nodes_from(node_ids)
    graph.add_edges_from((a, b) for a, b in edges if a != b)
    if len(node_ids) <= EXACT_LAYOUT_MAX_NODES:
        return _packed_spring_layout(graph, SPRING_EDGE_PIXELS)
    leaves_of = _leaves_by_node(graph)
    core = graph.subgraph(n for n in node_ids if not _is_leaf(graph, n, leaves_of))
    if len(core) <= EXACT_LAYOUT_MAX_NODES:
        positions = _packed_spring_layout(core, CORE_EDGE_PIXELS)
    else:
        core_ids = [n for n in node_ids if n in core]
        index = {n: i for i, n in enumerate(core_ids)}
        edge_index = np.array([(index[a], index[b]) for a, b in core.edges()], dtype=np.int64).reshape(-1, 2)
        coords = cutoff_force_layout(len(core_ids), edge_index) * CORE_EDGE_PIXELS
        positions = {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(core_ids, coords, strict=True)}
    for parent, leaves in leaves_of.items():
        px, py = positions[parent]
        radius = LEAF_RING_PIXELS + 2 * len(leaves)
        for k, leaf in enumerate(leaves):
            angle = 2 * math.pi * k / len(leaves)
            positions[leaf] = (round(px + radius * math.cos(angle), 1), round(py + radius * math.sin(angle), 1))
    return positions


def _leaves_by_node(graph: nx.Graph) -> dict[str, list[str]]:
    """The nodes of degree 1 grouped by their one neighbour (unless that neighbour is a leaf too)."""
    leaves_of: dict[str, list[str]] = defaultdict(list)
    for node in graph:
        if graph.degree(node) == 1:
            (parent,) = graph[node]
            if graph.degree(parent) > 1:
                leaves_of[parent].append(node)
    return leaves_of


def _is_leaf(graph: nx.Graph, node: str, leaves_of: dict[str, list[str]]) -> bool:
    return graph.degree(node) == 1 and next(iter(graph[node])) in leaves_of


def _packed_spring_layout(graph: nx.Graph, edge_pixels: float) -> Positions:
    """Spring layout of each connected component, the components then set in rows, largest first."""
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    blocks = []
    for nodes in components:
        k = 1.0 / math.sqrt(len(nodes))
        spring = nx.spring_layout(_ordered_subgraph(graph, nodes), k=k, iterations=SPRING_ITERATIONS, seed=SEED)
        coords = np.array([spring[n] for n in nodes]).reshape(-1, 2) / k * edge_pixels
        blocks.append((nodes, coords - coords.min(axis=0)))
    if not blocks:
        return {}
    row_width = max(math.sqrt(sum(float(np.prod(c.max(axis=0) + edge_pixels)) for _, c in blocks)),
                    float(blocks[0][1].max(axis=0)[0]))
    positions: Positions = {}
    x, y, row_height = 0.0, 0.0, 0.0
    for nodes, coords in blocks:
        width, height = coords.max(axis=0) + edge_pixels
        if x > 0 and x + width > row_width * 1.2:
            x, y, row_height = 0.0, y + row_height, 0.0
        for n, (cx, cy) in zip(nodes, coords, strict=True):
            positions[n] = (round(float(cx + x), 1), round(float(cy + y), 1))
        x, row_height = x + width, max(row_height, height)
    return positions


def _ordered_subgraph(graph: nx.Graph, nodes: list[str]) -> nx.Graph:
    """``graph.subgraph(nodes)`` with its nodes in the order given. A subgraph view of less than half
    the graph iterates a set, whose order changes with PYTHONHASHSEED; spring_layout's random start
    follows the node order, so positions would change from one run to the next."""
    sub = nx.Graph()
    sub.add_nodes_from(nodes)
    sub.add_edges_from(graph.subgraph(nodes).edges())
    return sub


def cutoff_force_layout(n: int, edge_index: np.ndarray, iterations: int = FORCE_ITERATIONS) -> np.ndarray:
    """Fruchterman-Reingold positions (ideal edge length 1) with repulsion only within REPULSION_RADIUS."""
    # imported here: SciPy takes 0.25–0.6 s to import, and only a large full view gets here (not the overview)
    from scipy.spatial import cKDTree

    side = math.sqrt(n)
    pos = np.random.default_rng(SEED).uniform(-side / 2, side / 2, (n, 2))
    temperature = side / 4
    cooling = (0.02 / temperature) ** (1 / iterations) if temperature > 0.02 else 1.0
    src, dst = edge_index[:, 0], edge_index[:, 1]
    degree = np.bincount(edge_index.ravel(), minlength=n)
    pull_weight = 1 / np.sqrt(degree[src] * degree[dst])
    for _ in range(iterations):
        disp = -pos * (0.05 / side)  # a weak gravity keeps the components together
        pairs = cKDTree(pos).query_pairs(r=REPULSION_RADIUS, output_type="ndarray")
        if len(pairs):
            i, j = pairs[:, 0], pairs[:, 1]
            delta = pos[i] - pos[j]
            push = delta / np.maximum((delta**2).sum(axis=1), 1e-4)[:, None]
            disp += _sum_at(i, push, n) - _sum_at(j, push, n)
        if len(src):
            delta = pos[src] - pos[dst]
            pull = delta * (np.sqrt((delta**2).sum(axis=1)) * pull_weight)[:, None]
            disp += _sum_at(dst, pull, n) - _sum_at(src, pull, n)
        length = np.maximum(np.sqrt((disp**2).sum(axis=1)), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature *= cooling
    return pos


def _sum_at(index: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """Row sums of ``values`` grouped by ``index`` (a vectorised scatter-add)."""
    return np.stack([np.bincount(index, weights=values[:, 0], minlength=n),
                     np.bincount(index, weights=values[:, 1], minlength=n)], axis=1)
