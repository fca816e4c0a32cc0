"""`kg build` and `kg extract` on a folder as a user has one: digests as .txt in three encodings, a
.md in UTF-16, a saved page and a Word file, beside an empty file, binary data, an unknown
encoding, a corrupt Word file, a scanned PDF, a FIFO, a folder named .txt, a broken link and a
file over --max-size. Every good file is built; every bad one is one line naming it; exit 0."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pages import news_page
from test_formats import headline_and_body

DATA = Path(__file__).parents[1] / "data"
DIGESTS = DATA / "digests"
KG = [sys.executable, "-m", "kg"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> tuple[Path, list[str], dict[str, str]]:
    import docx

    root = tmp_path_factory.mktemp("inbox")
    good = {}

    def write(name: str, data: bytes, source: str) -> None:
        (root / name).write_bytes(data)
        good[name] = source

    def digest(name: str) -> str:
        return (DIGESTS / name).read_text(encoding="utf-8")

    write("anji.txt", digest("anji-cppcc-11-4-speeches.txt").encode(), "anji")
    write("xiyang-gb18030.txt", digest("xiyang-cppcc-11-3-speeches.txt").encode("gb18030"), "xiyang")
    write("jinjiang-big5.txt", digest("jinjiang-cppcc-14-4-speeches-tw.txt").encode("big5hkscs"), "jinjiang")
    write("deyang-utf16.md", digest("deyang-cppcc-9-3-speeches.txt").encode("utf-16"), "deyang")
    (root / "pages").mkdir()
    write("pages/meizhou.html", news_page(*headline_and_body("meizhou-cppcc-8-3-speeches.txt"), "梅州日报").encode(),
          "meizhou")
    document = docx.Document()
    for line in digest("zhejiang-cppcc-13-2-speeches.txt").split("\n"):
        document.add_paragraph(line)
    document.save(root / "zhejiang.docx")
    good["zhejiang.docx"] = "zhejiang"
    for name in ("empty.txt", "binary.txt", "unknown-encoding.txt", "corrupt.docx", "scan.pdf"):
        shutil.copy(DATA / "bad" / name, root / name)
    os.mkfifo(root / "pipe.txt")
    (root / "folder.txt").mkdir()
    (root / "gone.htm").symlink_to(root / "nowhere.htm")
    (root / "huge.txt").write_text(digest("henan-cppcc-13-3-speeches.txt") * 20, encoding="utf-8")
    bad = ["empty.txt", "binary.txt", "unknown-encoding.txt", "corrupt.docx", "scan.pdf", "pipe.txt", "folder.txt",
           "gone.htm", "huge.txt"]
    return root, bad, good


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)


def test_build_builds_the_good_files_and_names_each_bad_one(folder, tmp_path: Path) -> None:
    root, bad, good = folder
    out = run("build", str(root), "-o", str(tmp_path / "out"), "--no-page", "--max-size", "50K")
    assert out.returncode == 0, out.stderr
    errors = [ln for ln in out.stderr.splitlines() if ln.startswith("kg: ")]
    for name in bad:
        assert sum(f"{root / name}: " in ln for ln in errors) == 1, (name, out.stderr)
    assert len(errors) == len(bad), out.stderr
    records = json.loads((tmp_path / "out" / "records.json").read_text(encoding="utf-8"))
    assert sorted(r["source"] for r in records) == sorted(Path(n).name for n in good)
    assert all(r["speeches"] for r in records)


def test_extract_reads_the_same_folder(folder) -> None:
    root, bad, good = folder
    out = run("extract", str(root), "--format", "jsonl", "--max-size", "50K")
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert sorted(r["source"] for r in records) == sorted(Path(n).name for n in good)
    assert sorted(ln.split(": ")[1].removeprefix(f"{root}/") for ln in out.stderr.splitlines()) == sorted(bad)


def test_nothing_readable_is_an_error(tmp_path: Path) -> None:
    shutil.copy(DATA / "bad" / "scan.pdf", tmp_path / "scan.pdf")
    out = run("extract", str(tmp_path))
    assert out.returncode == 1 and out.stderr == f"kg: {tmp_path / 'scan.pdf'}: a PDF without a text layer (a scan?):" \
                                                 " run OCR on it first\n"
    out = run("build", str(tmp_path), "-o", str(tmp_path / "out"))
    assert out.returncode == 2 and "scan.pdf: a PDF without a text layer" in out.stderr
    assert not (tmp_path / "out").exists()


def test_a_bad_size_is_a_usage_error(tmp_path: Path) -> None:
    out = run("extract", str(DIGESTS), "--max-size", "lots")
    assert out.returncode == 2 and "not a size: 'lots'" in out.stderr


def test_standard_input_is_read_like_a_file_within_the_limit() -> None:
    from click.testing import CliRunner

    from kg.cli import main

    data = (DIGESTS / "xiyang-cppcc-11-3-speeches.txt").read_text(encoding="utf-8").encode("gb18030")
    out = CliRunner().invoke(main, ["extract", "-", "--format", "jsonl"], input=data)
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["speeches"]
    out = CliRunner().invoke(main, ["extract", "-", "--max-size", "1K"], input=data)
    assert out.exit_code == 1 and out.stderr == "kg: <stdin>: too big: over 1,000 bytes (see --max-size)\n"


def test_what_reading_changed_is_a_note_that_quiet_silences(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    path = tmp_path / "nul.txt"
    text = (DIGESTS / "anji-cppcc-11-4-speeches.txt").read_text(encoding="utf-8")
    path.write_text(text[:500] + "\x00\x00" + text[500:], encoding="utf-8")
    out = CliRunner().invoke(main, ["extract", str(path)])
    assert out.exit_code == 0 and out.stderr == f"kg: note: {path}: 2 control or invisible characters dropped\n"
    out = CliRunner().invoke(main, ["--quiet", "extract", str(path)])
    assert out.exit_code == 0 and out.stderr == ""
