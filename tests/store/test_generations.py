"""All-or-nothing builds: a real `kg build` killed with SIGKILL at several points leaves the previous
generation whole and current, the next build removes what it left, and two builds into one folder
cannot interleave."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from paths import REPO, SAMPLE_DIR

from kg.store import open_store

DIGESTS = REPO / "tests" / "data" / "digests"
WHOLE = ("graph.ttl", "graph.trig", "records.json", "provenance.ttl")


def kg_build(inputs: Path, out: Path, pause_at: str | None = None) -> subprocess.Popen:
    env = {**os.environ, "KG_BUILD_PAUSE_AT": pause_at or "", "KG_BUILD_PAUSE_SECONDS": "60"}
    return subprocess.Popen([sys.executable, "-m", "kg", "build", str(inputs), "-o", str(out), "--no-page"],
                            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_pause(proc: subprocess.Popen, stage: str) -> None:
    line = proc.stderr.readline()  # the build says where it stopped, then sleeps
    assert line.strip() == f"kg: paused at {stage}", line


def snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in WHOLE}


@pytest.fixture
def first_build(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(next(SAMPLE_DIR.glob("*.txt")), inputs)
    out = tmp_path / "out"
    proc = kg_build(inputs, out)
    assert proc.wait(timeout=300) == 0, proc.stderr.read()
    # the next build has more to do: another digest
    shutil.copy(sorted(DIGESTS.glob("*.txt"))[0], inputs)
    return inputs, out, snapshot(out)


@pytest.mark.parametrize("stage", ["extracted", "dumped", "publish"])
def test_a_build_killed_leaves_the_previous_generation_whole_and_current(first_build, stage: str) -> None:
    inputs, out, before = first_build
    current = os.readlink(out / "current")
    proc = kg_build(inputs, out, pause_at=stage)
    wait_for_pause(proc, stage)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert os.readlink(out / "current") == current
    assert snapshot(out) == before
    assert len(open_store(out).sources()) == 1
    assert len(list((out / "generations").iterdir())) == 2, "the killed build's generation is still there"

    proc = kg_build(inputs, out)
    assert proc.wait(timeout=300) == 0, proc.stderr.read()
    assert len(open_store(out).sources()) == 2
    left = {p.name for p in (out / "generations").iterdir()}
    assert left == {os.readlink(out / "current").split("/")[-1], current.split("/")[-1]}, "leftovers removed"
    assert not list(out.glob(".*.tmp"))


def test_two_builds_into_one_folder_cannot_interleave(first_build) -> None:
    inputs, out, before = first_build
    holder = kg_build(inputs, out, pause_at="extracted")
    try:
        wait_for_pause(holder, "extracted")
        started = time.monotonic()
        second = kg_build(inputs, out)
        assert second.wait(timeout=60) == 2
        assert time.monotonic() - started < 30
        message = second.stderr.read().strip()
        assert message.count("\n") == 0 and f"another build (PID {holder.pid})" in message, message
        assert snapshot(out) == before
    finally:
        holder.kill()
        holder.wait(timeout=30)
