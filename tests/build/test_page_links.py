"""The links of the speeches that a build keeps for the page's overview (kg.build.page_links,
kg.store.overview_links) are what the overview's query over the store gives: after a build from
nothing, after a rebuild that adds, changes and drops files, and after a rebuild of a generation
that did not keep them; and the overview drawn from them is the overview drawn from the store."""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict
from pathlib import Path

from paths import REPO, SAMPLE_DIR

from kg.build import build
from kg.build.page_links import LINKS
from kg.store import open_store
from kg.store.overview_links import SPEECH_LINKS, merged_links
from kg.view import build_view, queries
from kg.view.overview_facts import _queried_links

DIGESTS = sorted((REPO / "tests" / "data" / "digests").glob("*.txt"))


def kept_links(out: Path) -> dict[str, set[str]]:
    by_document = json.loads((out / "current" / LINKS).read_text(encoding="utf-8"))
    return merged_links(by_document.values())


def queried(out: Path) -> dict[str, set[str]]:
    return {speech: set(links) for speech, links in _queried_links(open_store(out)).items()}


def drawn(view) -> tuple[list, list]:
    return [asdict(n) for n in view.nodes], [asdict(e) for e in view.edges]


def test_the_predicates_are_the_views(tmp_path: Path) -> None:
    assert SPEECH_LINKS == (queries.PARTY, queries.ON_BEHALF_OF, queries.SPEAKER, queries.SUBJECT,
                            queries.SPATIAL, queries.REGION_LINK, queries.MEETING)


def test_the_kept_links_are_the_stores_through_rebuilds(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    for src in [*SAMPLE_DIR.glob("*.txt"), *DIGESTS[:3]]:
        shutil.copy(src, inputs / src.name)
    build([inputs], out, page=False, jobs=2)
    links = kept_links(out)
    assert links == {s: ls for s, ls in queried(out).items()}
    assert sum(map(len, links.values())) > 50

    shutil.copy(DIGESTS[4], inputs / DIGESTS[4].name)  # added
    changed = inputs / DIGESTS[0].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\n（本文有改动）\n", encoding="utf-8")
    (inputs / DIGESTS[1].name).unlink()  # dropped
    report = build([inputs], out, page=False)
    assert (report.read, report.dropped) == (2, 2)
    assert kept_links(out) == queried(out)

    store = open_store(out)
    with_links = build_view(store, "overview", speech_links=kept_links(out))
    assert drawn(with_links) == drawn(build_view(store, "overview"))
    assert with_links.nodes and with_links.edges


def test_a_generation_without_the_links_has_them_read_off_the_store(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    for src in DIGESTS[:3]:
        shutil.copy(src, inputs / src.name)
    build([inputs], out, page=False)
    before = (out / "current" / LINKS).read_bytes()
    (out / "current" / LINKS).unlink()  # as an older kg left it
    report = build([inputs], out, page=False)
    assert report.kept == 3
    assert (out / "current" / LINKS).read_bytes() == before
