"""The query page in headless Chromium (Debian's, driven by playwright) against a real server.

A new question clears the old answer; the question and its parameters go into the URL; the CSV
link downloads the answer as SPARQL CSV; ASK shows yes/no and CONSTRUCT a table of triples. The
page makes no request beyond the server.
"""

from __future__ import annotations

import csv
import io
import urllib.parse
from pathlib import Path

import pytest

from kg.view.browser import CHROMIUM_FLAGS, BrowserUnavailable, find_chromium

playwright = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser_page(server):
    try:
        executable = find_chromium()
    except BrowserUnavailable as exc:
        pytest.skip(str(exc))
    with playwright.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
        page = context.new_page()
        page.errors, page.foreign = [], []

        page.on("pageerror", lambda exc: page.errors.append(str(exc)))
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        page.on("request", lambda r: None if r.url.startswith(server.url) else page.foreign.append(r.url))
        yield page
        browser.close()


def rows_shown(page) -> list[list[str]]:
    return page.eval_on_selector_all("#out table tr", "trs => trs.map(tr => [...tr.children].map(c => c.textContent))")


def test_a_shared_link_runs_its_question_and_the_csv_matches(server, browser_page, tmp_path):
    page = browser_page
    page.errors.clear()
    page.goto(f"{server.url}?q=region-sectors&region={urllib.parse.quote('平遥县')}")
    page.wait_for_selector("#out table")
    rows = rows_shown(page)
    assert "sectorLabel" in rows[0]
    column = rows[0].index("sectorLabel")
    assert sorted(r[column] for r in rows[1:]) == ["城乡建设", "文化旅游"]
    assert "2 行 rows" in page.inner_text("#out")
    with page.expect_download() as download:
        page.click("#download")
    saved = Path(tmp_path / "answer.csv")
    download.value.save_as(saved)
    table = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8"))))
    assert table[0] == rows[0] and sorted(r[column] for r in table[1:]) == ["城乡建设", "文化旅游"]
    page.screenshot(path=str(tmp_path / "query-page.png"))
    assert page.errors == [] and page.foreign == []


def test_a_new_question_clears_the_old_answer_and_updates_the_url(server, browser_page):
    page = browser_page
    page.goto(f"{server.url}?q=region-sectors&region={urllib.parse.quote('平遥县')}")
    page.wait_for_selector("#out table")
    page.click("nav button[data-name='speeches-by-party']")
    assert page.inner_text("#out") == "" and page.is_hidden("#download")  # cleared at once
    page.click("#run")
    page.wait_for_selector("#out table")
    assert "文化旅游" not in page.inner_text("#out") and "九三学社" in page.inner_text("#out")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query) == {"q": ["speeches-by-party"]}


def test_free_sparql_ask_and_construct_are_shown_sensibly(server, browser_page):
    page = browser_page
    page.errors.clear()
    page.goto(f"{server.url}?query={urllib.parse.quote('ASK { ?s a kg:Party }')}")
    page.wait_for_selector("#out .answer")
    assert "yes" in page.inner_text("#out .answer")
    page.fill("#sparql", "CONSTRUCT { ?p skos:prefLabel ?l } WHERE { ?p a kg:Party ; skos:prefLabel ?l }")
    page.click("#run")
    page.wait_for_selector("#out table")
    rows = rows_shown(page)
    assert rows[0] == ["subject", "predicate", "object"] and len(rows) == 4
    assert {r[1] for r in rows[1:]} == {"skos:prefLabel"} and {r[2] for r in rows[1:]} == {"民革", "九三学社", "民盟"}
    shared = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
    assert shared["query"][0].startswith("CONSTRUCT")
    page.fill("#sparql", "SELECT ?x WHERE {")
    page.click("#run")
    page.wait_for_selector("#out .error")
    assert page.inner_text("#out .error").startswith("400 malformed SPARQL query")
    assert page.errors == ["Failed to load resource: the server responded with a status of 400 (Bad Request)"]
    assert page.foreign == []
