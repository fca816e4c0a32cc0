"""Extraction on a real Dask cluster on 127.0.0.1 (a scheduler and two single-threaded workers,
each started here and stopped by its PID), and a build through it into a real ``oxigraph serve``.

The workers run in a folder of their own and the paths given are relative to the repository, so
a worker that read a path instead of the bytes it was sent would not find the file.
"""

from __future__ import annotations

import subprocess
import sys
from html import escape
from pathlib import Path

import pytest
from live_parts import free_port, start_dask, start_oxigraph
from paths import REPO

import kg.build.distributed
from kg.errors import InputError, KgError
from kg.pipeline import extract_file
from kg.records import to_record
from kg.store import GraphStore
from kg.store.remote import RemoteStore

DIGESTS = ["data/jinzhong-cppcc-5-3-speeches.txt",
           *(f"tests/data/digests/{n}.txt" for n in ("anji-cppcc-11-4-speeches", "dabu-cppcc-12-4-speeches",
                                                     "jilin-cppcc-13-3-speeches-tw", "foshan-cppcc-14-3-speeches-hk",
                                                     "zibo-cppcc-15-3-speeches"))]
UNUSABLE = ["tests/data/bad/empty.txt", "tests/data/bad/binary.txt", "tests/data/bad/no-speeches.txt",
            "tests/data/bad/corrupt.docx", "tests/data/bad/scan.pdf", "tests/data/no-such-file.txt"]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    parts, address = start_dask(tmp_path_factory.mktemp("dask"))
    yield address
    for part in reversed(parts):
        part.stop()


@pytest.fixture
def in_repo(monkeypatch):
    monkeypatch.chdir(REPO)


def _local(path: str):
    try:
        return extract_file(path)
    except InputError as exc:
        return exc


def _saved_page(digest: str, folder: Path) -> str:
    """The digest as a saved web page in GB2312 (a format a worker must read from bytes)."""
    lines = (REPO / digest).read_text(encoding="utf-8").splitlines()
    body = "\n".join(f"<p>{escape(line)}</p>" for line in lines if line.strip())
    page = folder / f"{Path(digest).stem}.html"
    page.write_bytes(f'<!DOCTYPE html><html><head><meta charset="gb2312"><title>{escape(lines[0])}</title>'
                     f"</head><body><div class=\"content\">{body}</div></body></html>".encode("gb18030"))
    return str(page)


def test_records_equal_a_local_extraction_in_order(cluster, in_repo, tmp_path):
    page = _saved_page(DIGESTS[1], tmp_path)
    paths = [DIGESTS[2], UNUSABLE[0], *DIGESTS[:2], *UNUSABLE[1:], page, *DIGESTS[3:]]
    remote = list(kg.build.distributed.extract_on_cluster(cluster, paths))
    local = [_local(p) for p in paths]
    assert sum(isinstance(r, InputError) for r in local) == len(UNUSABLE)  # the page is read, too
    for path, got, want in zip(paths, remote, local, strict=True):
        if isinstance(want, InputError):
            assert isinstance(got, InputError) and str(got) == str(want), path
        else:
            assert got == want, path  # every value and span, and the path as given
            assert to_record(got) == to_record(want)


def test_a_build_through_the_cluster_into_oxigraph_equals_a_local_build(cluster, in_repo, tmp_path):
    part, store_url = start_oxigraph(tmp_path / "oxigraph")
    try:
        cli = [sys.executable, "-m", "kg", "build", *DIGESTS, "--no-page"]
        local = subprocess.run([*cli, "-o", str(tmp_path / "local")], capture_output=True, text=True, timeout=600)
        far = subprocess.run([*cli, "-o", str(tmp_path / "far"), "--scheduler", cluster, "--store", store_url],
                             capture_output=True, text=True, timeout=600)
        assert local.returncode == 0, local.stderr
        assert far.returncode == 0, far.stderr
        assert f"holds {len(DIGESTS)} documents" in far.stdout
        assert (tmp_path / "far/records.json").read_bytes() == (tmp_path / "local/records.json").read_bytes()
        assert (tmp_path / "far/graph.trig").read_bytes() == (tmp_path / "local/graph.trig").read_bytes()
        expected = set(GraphStore.from_file(tmp_path / "local/graph.trig").quads())
        assert set(RemoteStore.at(store_url).quads()) == expected
    finally:
        part.stop()


def test_a_scheduler_nobody_runs_is_one_line(monkeypatch, in_repo):
    monkeypatch.setattr(kg.build.distributed, "CONNECT_SECONDS", 2.0)
    address = f"tcp://127.0.0.1:{free_port()}"
    with pytest.raises(KgError, match=rf"^{address}: cannot reach the Dask scheduler") as failed:
        list(kg.build.distributed.extract_on_cluster(address, DIGESTS[:1]))
    assert "\n" not in str(failed.value)

