"""Incremental and idempotent builds: a rebuild reads only new and changed files, replaces a changed
file's graph, drops a removed file's; any order of the inputs and any number of workers give
byte-identical files, equal to a build from nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from paths import REPO

from kg.build import build
from kg.store import open_store

DIGESTS = REPO / "tests" / "data" / "digests"
FILES = ("graph.ttl", "graph.trig", "records.json")



def fresh(paths: list[Path], out: Path, jobs: int = 1) -> dict[str, bytes]:
    build(paths, out, page=False, jobs=jobs)
    return {name: (out / name).read_bytes() for name in FILES}


def current(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in FILES}


def test_any_order_and_any_number_of_workers_give_the_same_bytes(inputs: Path, tmp_path: Path) -> None:
    files = sorted(inputs.glob("*.txt"))
    one = fresh([inputs], tmp_path / "a", jobs=1)
    two = fresh(list(reversed(files)), tmp_path / "b", jobs=2)
    assert one == two
    records = json.loads(one["records.json"])
    assert [r["source"] for r in records] == [f.name for f in files]


def test_a_rebuild_reads_only_what_changed_and_equals_a_fresh_build(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build([inputs], out, page=False, jobs=1)
    assert (first.read, first.kept, first.dropped) == (4, 0, 0)

    same = build([inputs], out, page=False)
    assert (same.read, same.kept, same.dropped) == (0, 4, 0)
    assert all(line.kept for line in same.lines)

    added = sorted(DIGESTS.glob("*.txt"))[5]
    shutil.copy(added, inputs / added.name)
    report = build([inputs], out, page=False)
    assert (report.read, report.kept, report.dropped) == (1, 4, 0)
    assert current(out) == fresh([inputs], tmp_path / "fresh1")

    changed = inputs / added.name
    changed.write_text(changed.read_text(encoding="utf-8") + "\n（本文有改动）\n", encoding="utf-8")
    report = build([inputs], out, page=False)
    assert (report.read, report.kept, report.dropped) == (1, 4, 1)
    assert current(out) == fresh([inputs], tmp_path / "fresh2")

    changed.unlink()
    report = build([inputs], out, page=False)
    assert (report.read, report.kept, report.dropped) == (0, 4, 1)
    assert current(out) == fresh([inputs], tmp_path / "fresh3")
    store = open_store(out)
    assert len(store.sources()) == 4
    assert added.name not in {s.name for s in store.sources().values()}


def test_the_store_knows_its_sources_and_every_text_is_kept(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([inputs], out, page=False)
    sources = open_store(out).sources()
    assert sorted(s.name for s in sources.values()) == sorted(p.name for p in inputs.glob("*.txt"))
    for key, source in sources.items():
        assert Path(source.path).parent == inputs
        text = (out / "texts" / f"{key}.txt").read_bytes().decode("utf-8")  # no newline translation
        record = json.loads((out / "current" / "records" / f"{key}.json").read_text(encoding="utf-8"))
        for speech in record["speeches"]:  # every span can be checked against the kept text
            start, end = speech["spans"]["speech"]
            assert text[start:end]
            for item in speech["suggestion_spans"]:
                assert text[item["start"] : item["end"]].replace("\n", "") == item["text"]


def test_changed_extraction_code_reads_everything_again(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([inputs], out, page=False)
    meta = out / "current" / "build.json"
    data = json.loads(meta.read_text(encoding="utf-8"))
    meta.write_text(json.dumps({**data, "fingerprint": "older code"}), encoding="utf-8")
    report = build([inputs], out, page=False)
    assert (report.read, report.kept) == (4, 0)
