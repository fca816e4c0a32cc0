"""records.json of a rebuild (kept records copied from the previous records.json by its index) is
byte for byte a fresh build's, with the index or without it (a generation made by an older kg)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from paths import REPO

from kg.build import build
from kg.build.records_file import INDEX

DIGESTS = sorted((REPO / "tests" / "data" / "digests").glob("*.txt"))


def test_a_rebuilds_records_are_a_fresh_builds_with_or_without_the_index(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for src in DIGESTS[:3]:
        shutil.copy(src, inputs / src.name)
    build([inputs], tmp_path / "out", page=False)
    index = json.loads((tmp_path / "out" / "current" / INDEX).read_text(encoding="utf-8"))
    whole = (tmp_path / "out" / "records.json").read_bytes()
    assert [json.loads(whole[start : start + length])["source"] for start, length in sorted(index.values())] \
        == [p.name for p in DIGESTS[:3]]

    shutil.copytree(tmp_path / "out", tmp_path / "older", symlinks=True)
    (tmp_path / "older" / "current" / INDEX).unlink()
    shutil.copy(DIGESTS[3], inputs / "0-first.txt")  # a new document before the kept ones
    for out in ("out", "older"):
        report = build([inputs], tmp_path / out, page=False)
        assert (report.read, report.kept) == (1, 3)
    build([inputs], tmp_path / "fresh", page=False)
    fresh = (tmp_path / "fresh" / "records.json").read_bytes()
    assert (tmp_path / "out" / "records.json").read_bytes() == fresh
    assert (tmp_path / "older" / "records.json").read_bytes() == fresh
