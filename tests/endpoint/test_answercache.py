"""kg.endpoint.answercache: answers kept for repeated queries, within a budget of bytes."""

from __future__ import annotations

from kg.ask.worker import Answer
from kg.endpoint.answercache import ENTRY_OVERHEAD, AnswerCache


def answer(size: int) -> Answer:
    return Answer("application/sparql-results+json", b"x" * size, rows=1)


def test_kept_answers_stay_within_the_budget_least_recently_used_first_out():
    cache = AnswerCache(max_bytes=16 * 1024)
    for i in range(100):
        cache.put(i, answer(500), key_bytes=16)
        cache.get(0)  # used again and again: never the one to go
        assert cache.size <= cache.max_bytes
    assert cache.get(0) is not None and cache.get(99) is not None and cache.get(1) is None
    assert cache.size == len(cache._answers) * (500 + 16 + ENTRY_OVERHEAD)


def test_an_answer_over_a_sixteenth_of_the_budget_is_not_kept():
    cache = AnswerCache(max_bytes=16 * 1024)
    cache.put("big", answer(1024), key_bytes=16)
    assert cache.get("big") is None and cache.size == 0
    assert (cache.hits, cache.misses) == (0, 1)
