"""Writing files so that a failure never leaves a half-written output: temp file, then rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import KgError


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all; a path that cannot be written is a KgError."""
    with atomic_writer(path) as fh:
        fh.write(data)


def _cannot_write(path: Path, exc: OSError) -> KgError:
    where = f": {exc.filename}" if exc.filename and str(exc.filename) != str(path) else ""
    return KgError(f"{path}: cannot write ({exc.strerror or exc}{where})")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


@contextmanager
def atomic_writer(path: Path) -> Iterator:
    """A binary file handle whose content replaces ``path`` whole when the block ends without an
    error (for writers that stream, such as a store's dump)."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot_write(path, exc) from exc
        raise
