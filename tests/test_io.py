"""Outputs are written whole or not at all, and readable by others like any new file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.io import atomic_write_bytes, atomic_write_text


def test_write_replaces_whole_file_with_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "graph.ttl"
    atomic_write_text(target, "第一版")
    atomic_write_text(target, "第二版")
    assert target.read_text(encoding="utf-8") == "第二版"
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
    assert [p.name for p in target.parent.iterdir()] == ["graph.ttl"]


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "records.json"
    atomic_write_text(target, "old")

    with pytest.raises(TypeError):
        atomic_write_bytes(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["records.json"]
