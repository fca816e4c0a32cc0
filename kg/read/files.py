"""A path → a ``Source``, whatever the file is: only regular files are read, within a size limit,
each format by its own reader (plain text, Markdown, a saved web page, a Word file, a PDF).

Nothing here blocks or grows without bound: a FIFO, a device, a folder or a broken or looping
link is refused before it is opened (and opened non-blocking, so that a file swapped for a FIFO
after the check cannot block either); at most the limit plus one byte is read.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError
from kg.read.source import Source, read_text

# Bytes of text per document. A whole session's digest is 50-250 KB; a digest of 1 MB (1,600
# speeches) builds in 110 s and 0.95 GB on a shared 2-core machine (benchmarks/bench_inputs.py),
# and time and memory grow with the text.
MAX_SIZE = 1_000_000
# Saved pages, Word files and PDFs carry markup, fonts and images besides their text.
CONTAINER_FACTOR = 10
TEXT_SUFFIXES = (".txt", ".md")
CONTAINER_SUFFIXES = (".html", ".htm", ".docx", ".pdf")
INPUT_SUFFIXES = TEXT_SUFFIXES + CONTAINER_SUFFIXES

# The limit in force: a module global rather than a context variable, so that threads and forked
# workers that read files for a build see the limit the command set.
_limit = {"max_size": MAX_SIZE}


@contextlib.contextmanager
def size_limit(max_size: int) -> Iterator[None]:
    """Read with another limit on the size of a document (``kg build --max-size``)."""
    before = _limit["max_size"]
    _limit["max_size"] = max_size
    try:
        yield
    finally:
        _limit["max_size"] = before


def max_size() -> int:
    return _limit["max_size"]


_UNITS = {"": 1, "K": 1_000, "M": 1_000_000, "G": 1_000_000_000}


def parse_size(text: str) -> int:
    """``5M``, ``500K``, ``2G`` or a number of bytes (decimal units, as file managers show sizes)."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?)B?\s*", text, re.IGNORECASE)
    if not found or float(found.group(1)) <= 0:
        raise ValueError(f"not a size: {text!r} (examples: 5M, 500K, 2000000)")
    return int(float(found.group(1)) * _UNITS[found.group(2).upper()])


def not_regular(path: Path) -> str | None:
    """Why ``path`` cannot be read as a document, or None when it is a regular file (or a link to one)."""
    try:
        st = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a link that loops"
        if path.is_symlink():
            return "a broken link (its target does not exist)"
        if exc.errno == errno.ENOENT:
            return "no such file"
        return f"cannot be read ({exc.strerror})"
    return _kind(st.st_mode)


def _kind(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file"
    return "not a regular file"


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; InputError otherwise."""
    reason = not_regular(path)
    if reason:
        raise InputError(str(path), reason)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror})") from exc
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        reason = _kind(st.st_mode)  # the path may have been replaced since the check
        if reason:
            raise InputError(str(path), reason)
        if st.st_size > limit:
            raise InputError(str(path), f"too big: {st.st_size:,} bytes (limit {limit:,}; see --max-size)")
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise InputError(str(path), f"cannot be read ({exc.strerror})") from exc
    if len(data) > limit:  # grew while being read
        raise InputError(str(path), f"too big: over {limit:,} bytes (see --max-size)")
    return data


def read_file(path: str | Path) -> Source:
    """Read a document: its format from its suffix (.html/.htm, .docx, .pdf, .md; anything else is
    plain text, unless its first bytes say it is a page, a PDF or a Word file), its text cleaned
    (kg.read.clean) and within the size limit."""
    p = Path(path)
    suffix = p.suffix.lower()
    limit = max_size()
    return read_data(read_bytes(p, limit * CONTAINER_FACTOR if suffix in CONTAINER_SUFFIXES else limit), str(p), suffix)


def read_stream(stream: BinaryIO, name: str = "<stdin>") -> Source:
    """Read a document from a stream (standard input), at most the size limit of it; its format
    from its first bytes."""
    limit = max_size()
    data = stream.read(limit * CONTAINER_FACTOR + 1)
    fmt = sniff(data)
    if len(data) > (limit * CONTAINER_FACTOR if fmt != "text" else limit):
        raise InputError(name, f"too big: over {limit:,} bytes (see --max-size)")
    return read_data(data, name)


def read_data(data: bytes, name: str, suffix: str = "") -> Source:
    """The Source of a document's bytes, by its suffix or else by what its first bytes are."""
    limit = max_size()
    fmt = _FORMATS.get(suffix) or sniff(data)
    if fmt == "ole":
        raise InputError(name, "an old Office file (.doc, .wps or .xls): save it as .docx first")
    if fmt == "html":
        from kg.read.html import html_text

        text = html_text(data, name)
    elif fmt == "docx":
        from kg.read.docx import docx_text

        text = docx_text(data, name, limit)
    elif fmt == "pdf":
        from kg.read.pdf import pdf_text

        text = pdf_text(data, name)
    else:
        from kg.read.encodings import decode

        text = decode(data, name)
        if suffix == ".md":
            from kg.read.markdown import markdown_text

            text = markdown_text(text)
    if len(text.encode("utf-8")) > limit:
        raise InputError(name, f"too big: its text is over {limit:,} bytes (see --max-size)")
    return read_text(text, name)


_FORMATS = {".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}
_HTML_START = re.compile(rb"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)


def sniff(data: bytes) -> str:
    """The format of a file whose name does not say it (a saved page named x.txt): from its first bytes."""
    head = data[:1024].removeprefix(b"\xef\xbb\xbf")
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: Word 97-2003, WPS, Excel
        return "ole"
    if head.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return "docx"
    if _HTML_START.match(head):
        return "html"
    return "text"
