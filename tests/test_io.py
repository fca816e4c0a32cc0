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


def test_a_path_that_cannot_be_written_is_a_one_line_error_naming_it(tmp_path: Path) -> None:
    from kg.errors import KgError

    blocker = tmp_path / "graph.ttl"
    blocker.write_text("a file, not a folder")
    with pytest.raises(KgError, match=r"graph\.ttl/out/x\.html: cannot write \(.*\)$"):
        atomic_write_text(blocker / "out" / "x.html", "页面")
    with pytest.raises(KgError, match="cannot write"):
        atomic_write_text(tmp_path, "a folder is not a file")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_cli_commands_that_write_say_so_in_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    graph = Path(__file__).parent / "data" / "query_fixture.ttl"
    blocked = tmp_path / "file"
    blocked.write_text("")
    runner = CliRunner()
    for args in (["export", "--graph", str(graph), "-o", str(blocked / "g.nt")],
                 ["stats", "--graph", str(graph), "-o", str(blocked / "s.csv")],
                 ["viz", "--graph", str(graph), "-o", str(blocked / "g.html")]):
        out = runner.invoke(main, args)
        assert out.exit_code == 2, (args, out.output)
        assert out.stderr.startswith(f"kg: {blocked}/") and "cannot write" in out.stderr
        assert out.stderr.count("\n") == 1
