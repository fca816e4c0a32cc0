"""Which paths are read: regular files only, within the size limit, each refusal one line naming
the file and the reason, in bounded time (a FIFO never blocks); folder walks take every input
suffix and name what they cannot read."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.pipeline import extract_file, find_inputs
from kg.read import MAX_SIZE, parse_size, read_file, size_limit

BAD = Path(__file__).parents[1] / "data" / "bad"
DIGEST = Path(__file__).parents[1] / "data" / "digests" / "anji-cppcc-11-4-speeches.txt"


def refusal(path: Path) -> str:
    """The one-line message reading ``path`` ends with, read in a thread so that a block fails the test."""
    outcome: list = []

    def read() -> None:
        try:
            extract_file(path)
            outcome.append(None)
        except InputError as exc:
            outcome.append(exc)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive(), f"reading {path} blocked"
    (exc,) = outcome
    assert exc is not None, f"{path} was read"
    message = str(exc)
    assert message.startswith(f"{path}: ") and "\n" not in message
    return message.removeprefix(f"{path}: ")


@pytest.mark.parametrize(("name", "reason"), [
    ("empty.txt", "the file is empty"),
    ("binary.txt", "binary, not text (NUL bytes; UTF-16 needs a byte-order mark)"),
    ("unknown-encoding.txt", "unknown encoding (not UTF-8, GB18030 or Big5, looks like cp949)"),
    ("corrupt.docx", "not a readable Word file (.docx): BadZipFile"),
    ("scan.pdf", "a PDF without a text layer (a scan?): run OCR on it first"),
    ("no-speeches.txt", "no speeches found (expected a title, a byline and a body per speech, "
                        "or a news report's byline sentences)"),
])
def test_bad_files_are_refused_in_one_line(name: str, reason: str) -> None:
    assert refusal(BAD / name) == reason


def test_a_fifo_is_named_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    assert refusal(fifo) == "a FIFO (named pipe), not a regular file"


def test_a_folder_named_like_a_file(tmp_path: Path) -> None:
    (tmp_path / "x.txt").mkdir()
    assert refusal(tmp_path / "x.txt") == "a folder, not a file"


def test_broken_and_looping_links(tmp_path: Path) -> None:
    (tmp_path / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert refusal(tmp_path / "broken.txt") == "a broken link (its target does not exist)"
    assert refusal(tmp_path / "a.txt") == "a link that loops"
    assert refusal(tmp_path / "missing.txt") == "no such file"


def test_a_link_to_a_digest_is_read(tmp_path: Path) -> None:
    (tmp_path / "link.txt").symlink_to(DIGEST)
    assert read_file(tmp_path / "link.txt").text == DIGEST.read_text(encoding="utf-8")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_named_not_read() -> None:
    assert refusal(Path("/dev/zero")) == "a device, not a regular file"


def test_a_file_over_the_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(DIGEST.read_text(encoding="utf-8") * 3, encoding="utf-8")
    size = big.stat().st_size
    with size_limit(size - 1):
        assert refusal(big) == f"too big: {size:,} bytes (limit {size - 1:,}; see --max-size)"
    with size_limit(size):
        assert read_file(big).text
    assert MAX_SIZE == 1_000_000


def test_a_page_whose_text_is_over_the_limit(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    body = "".join(f"<p>{line}</p>" for line in DIGEST.read_text(encoding="utf-8").split("\n"))
    page.write_text(f"<html><body><article>{body}</article></body></html>", encoding="utf-8")
    with size_limit(1000):  # the file may be 10× the limit; its text may not exceed it
        assert refusal(page) == "too big: its text is over 1,000 bytes (see --max-size)"


@pytest.mark.parametrize(("text", "size"), [("5M", 5_000_000), ("500k", 500_000), ("2G", 2_000_000_000),
                                            ("1.5MB", 1_500_000), ("123", 123)])
def test_sizes(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "five", "-1", "0", "5T"])
def test_bad_sizes(text: str) -> None:
    with pytest.raises(ValueError, match="not a size"):
        parse_size(text)


def test_a_walk_takes_every_input_suffix_and_names_what_it_cannot_read(tmp_path: Path) -> None:
    for name in ("a.txt", "b.md", "c.html", "d.htm", "e.docx", "f.pdf", "G.TXT", "sub/h.txt",
                 "notes.odt", "image.png", ".hidden.txt", "~$e.docx", ".git/x.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "dir.txt").mkdir()
    (tmp_path / "dir.txt" / "inner.md").write_text("x")
    (tmp_path / "broken.htm").symlink_to(tmp_path / "nowhere.htm")
    (tmp_path / "loop").symlink_to(tmp_path)  # a link to a folder is not followed
    found = [p.relative_to(tmp_path).as_posix() for p in find_inputs([tmp_path])]
    assert found == ["G.TXT", "a.txt", "b.md", "broken.htm", "c.html", "d.htm", "dir.txt", "dir.txt/inner.md",
                     "e.docx", "f.pdf", "pipe.txt", "sub/h.txt"]


def test_given_paths_are_taken_as_given(tmp_path: Path) -> None:
    assert list(find_inputs([tmp_path / "x.odt", "missing.txt"])) == [tmp_path / "x.odt", Path("missing.txt")]


def test_a_word_file_that_unpacks_into_too_much_is_refused_before_parsing(tmp_path: Path) -> None:
    import zipfile

    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * 20_000_000)
    assert bomb.stat().st_size < 100_000
    with size_limit(10_000):  # the file is within 10× the limit; what it unpacks to is not
        assert refusal(bomb) == "too big: a Word file that unpacks to 20,000,000 bytes (see --max-size)"


def test_a_saved_page_named_txt_is_read_as_a_page(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    body = "".join(f"<p>{line}</p>\n" for line in DIGEST.read_text(encoding="utf-8").split("\n") if line)
    page.write_text(f"<!DOCTYPE html>\n<html><head><script>var a = '<p>x</p>';</script></head>"
                    f"<body><article>{body}</article></body></html>", encoding="utf-8")
    text = read_file(page).text
    assert "<p>" not in text and "script" not in text
    assert extract_file(page).speeches[0].title.value == "做优白茶产业 促进茶农持续增收"


def test_an_old_word_file_is_named_as_such(tmp_path: Path) -> None:
    doc = tmp_path / "speeches.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "政协".encode("utf-16-le"))
    assert refusal(doc) == "an old Office file (.doc, .wps or .xls): save it as .docx first"


def test_a_folders_own_documentation_is_passed_over_with_a_note(tmp_path: Path, caplog) -> None:
    for name in ("README.md", "readme.txt", "LICENSE.txt", "CHANGELOG.md", "digest.txt", "readmes.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    with caplog.at_level("WARNING", logger="kg.pipeline"):
        found = [p.name for p in find_inputs([tmp_path])]
    assert found == ["digest.txt", "readmes.txt"]
    assert sum("passed over as the folder's documentation" in r.getMessage() for r in caplog.records) == 4
    assert list(find_inputs([tmp_path / "README.md"])) == [tmp_path / "README.md"]  # read when named
