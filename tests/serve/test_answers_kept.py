"""Answers kept for repeated queries (`kg serve --answer-cache`): the same bytes as a run gives, never
for a query whose answer changes from run to run, and none when the cache is off."""

from __future__ import annotations

import json
import urllib.parse

from serving import fetch, running


def get(url: str, query: str, accept: str = "application/sparql-results+json") -> bytes:
    status, _, body = fetch(f"{url}sparql?query={urllib.parse.quote(query)}", headers={"Accept": accept})
    assert status == 200, body
    return body


def test_a_repeated_query_is_answered_from_the_kept_answer(server):
    answers = server.endpoint.answers
    query = "SELECT ?p ?name WHERE { ?p foaf:name ?name } ORDER BY ?p"
    first = get(server.url, query)
    hits = answers.hits
    assert get(server.url, query) == first and answers.hits == hits + 1
    as_csv = get(server.url, query, accept="text/csv")  # another media type: another answer, kept apart
    assert as_csv.startswith(b"p,name") and answers.hits == hits + 1
    assert get(server.url, query) == first and get(server.url, query, accept="text/csv") == as_csv


def test_a_query_whose_answer_changes_is_run_each_time(server):
    answers = server.endpoint.answers
    query = "SELECT (STRUUID() AS ?id) {}"
    hits = answers.hits
    ids = {json.loads(get(server.url, query))["results"]["bindings"][0]["id"]["value"] for _ in range(3)}
    assert len(ids) == 3 and answers.hits == hits


def test_no_answers_are_kept_when_the_cache_is_off():
    with running(answer_cache_mb=0) as server:
        assert server.endpoint.answers is None
        query = "ASK { ?s a kg:Speech }"
        assert get(server.url, query) == get(server.url, query) == b'{"head":{},"boolean":true}'
