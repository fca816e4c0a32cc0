"""Answers kept for repeated queries, bounded in bytes (`kg serve --answer-cache MB`).

Why it is honest: `kg serve` serves one generation of the graph, opened read-only (a graph file
loaded at start, or a store folder that builds never write into: they make a new generation), so
running a query again over it gives the same answer. The exceptions are kept out (kg.endpoint.guard's
``repeatable``): queries that call RAND, NOW, UUID, STRUUID or BNODE, queries with SERVICE (the
other endpoint's data may change), and every query when the graph is another SPARQL store
(`--store`), whose data may change under us. An answer without ORDER BY may list its rows in
another order when run again; the kept one is one of the orders the engine gives.

The key is the query's text, its bindings and the two negotiated media types; the answer keeps its
row count, so the access log says the same as when it was run. Least recently used answers go first;
an answer over 1/16 of the budget is not kept.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

from kg.ask.worker import Answer

ENTRY_OVERHEAD = 256  # bytes a kept answer costs beyond its body and key (objects, dict slot)


class AnswerCache:
    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.hits = self.misses = 0
        self._answers: OrderedDict[Hashable, tuple[Answer, int]] = OrderedDict()

    def get(self, key: Hashable) -> Answer | None:
        kept = self._answers.get(key)
        if kept is None:
            self.misses += 1
            return None
        self._answers.move_to_end(key)
        self.hits += 1
        return kept[0]

    def put(self, key: Hashable, answer: Answer, key_bytes: int) -> None:
        cost = len(answer.body) + key_bytes + ENTRY_OVERHEAD
        if cost > self.max_bytes // 16 or key in self._answers:
            return
        self._answers[key] = (answer, cost)
        self.size += cost
        while self.size > self.max_bytes:
            _, (_, freed) = self._answers.popitem(last=False)
            self.size -= freed
