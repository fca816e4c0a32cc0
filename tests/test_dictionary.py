"""The merged dictionary's cache file: a fresh process reads it instead of building the dictionary with
jieba, gives the same words, and a damaged or unwritable cache only means building it again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.dictionary import _KEPT_FILES, _drop_old_files

TEXT = "推动太原晋中一体化，兰白城际铁路建设；民革晋中市委建议5G网络覆盖昔阳县"
# A fresh process: its words, and whether it had to build the dictionary (only building reads jieba's tags,
# jieba.posseg; reading the cache imports jieba alone).
_PROGRAM = f"""
import json, sys
from kg.words import tokenize, is_common_noun, dictionary_frequency
words = [list(w) for w in tokenize({TEXT!r})]
print(json.dumps({{"words": words, "built": "jieba.posseg" in sys.modules,
                  "asked": [is_common_noun("矿区"), dictionary_frequency("一体化")]}}))
"""


def _fresh_process(cache_home: Path) -> dict:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    done = subprocess.run([sys.executable, "-c", _PROGRAM], env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _cache_files(cache_home: Path) -> list[Path]:
    return sorted((cache_home / "kg").glob("dictionary-*.marshal"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """A cache folder where a fresh process built the dictionary, and what that process said."""
    home = tmp_path_factory.mktemp("cache-home")
    return home, _fresh_process(home)


def test_second_process_reads_the_cache(built: tuple[Path, dict]) -> None:
    home, first = built
    (cached,) = _cache_files(home)
    second = _fresh_process(home)
    assert first["built"] and not second["built"]
    assert second["words"] == first["words"] and second["asked"] == first["asked"]
    assert ["太原", 2, 4] in second["words"] and first["asked"][0] and first["asked"][1] > 0
    assert not list((home / "kg").glob(".dictionary-*"))  # no temporary file left behind
    assert _cache_files(home) == [cached]


@pytest.mark.parametrize("damage", ["flip", "truncate"])
def test_a_damaged_cache_is_ignored_and_rewritten(built: tuple[Path, dict], tmp_path: Path, damage: str) -> None:
    home, first = built
    (good,) = _cache_files(home)
    cached = tmp_path / "kg" / good.name
    cached.parent.mkdir()
    data = bytearray(good.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0xFF  # one byte inside a group of words: the checksum finds it
    else:
        data = data[: len(data) // 3]
    cached.write_bytes(bytes(data))
    rebuilt = _fresh_process(tmp_path)
    assert rebuilt["built"] and rebuilt["words"] == first["words"]
    assert cached.read_bytes() != bytes(data)
    assert not _fresh_process(tmp_path)["built"]  # written whole again


def test_an_unwritable_cache_folder_is_no_error(built: tuple[Path, dict], tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")  # $XDG_CACHE_HOME/kg cannot be made under a file
    result = _fresh_process(blocked)
    assert result["built"] and result["words"] == built[1]["words"]


def test_processes_writing_at_once_leave_one_whole_file(built: tuple[Path, dict], tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    running = [subprocess.Popen([sys.executable, "-c", _PROGRAM], env=env, stdout=subprocess.PIPE, text=True)
               for _ in range(2)]
    outputs = [json.loads(p.communicate()[0]) for p in running]
    assert all(p.returncode == 0 for p in running)
    assert all(o["words"] == built[1]["words"] for o in outputs)
    assert len(_cache_files(tmp_path)) == 1 and not list((tmp_path / "kg").glob(".dictionary-*"))
    assert not _fresh_process(tmp_path)["built"]


def test_cache_files_of_other_inputs_are_dropped_but_the_newest(tmp_path: Path) -> None:
    kept = tmp_path / "dictionary-new.marshal"
    kept.write_bytes(b"new")
    for i in range(_KEPT_FILES + 2):  # left by other checkouts or older data files
        old = tmp_path / f"dictionary-{i:016x}.marshal"
        old.write_bytes(b"old")
        os.utime(old, (1_000_000 + i, 1_000_000 + i))
    _drop_old_files(kept)
    names = {p.name for p in tmp_path.glob("dictionary-*.marshal")}
    assert len(names) == _KEPT_FILES and kept.name in names
    assert f"dictionary-{_KEPT_FILES + 1:016x}.marshal" in names and f"dictionary-{0:016x}.marshal" not in names
