"""The text of a Word file (.docx), one paragraph a line, through python-docx.

Paragraphs and tables are read in document order (a digest laid out in a table keeps its order);
a soft line break inside a paragraph stays a line break. Headers, footers and comments are not the
digest and are left out. A .docx is a zip archive: its unpacked size is checked against the limit
before anything is parsed, so that a small file cannot unpack into gigabytes.
"""

from __future__ import annotations

import io
import zipfile

from kg.errors import InputError

# How big the unpacked archive may be: Word's XML spends tens of bytes per character of text, and
# a template brings styles, themes and fonts (~1 MB for python-docx's own) and images besides.
UNPACKED_FACTOR = 50
UNPACKED_SLACK = 16_000_000


def docx_text(data: bytes, path: str, limit: int) -> str:
    import docx
    from docx.table import Table

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > UNPACKED_FACTOR * limit + UNPACKED_SLACK:
            raise InputError(path, f"too big: a Word file that unpacks to {unpacked:,} bytes (see --max-size)")
        document = docx.Document(io.BytesIO(data))
    except InputError:
        raise
    except Exception as exc:  # zip, package and XML errors alike mean the file is not a Word document
        raise InputError(path, f"not a readable Word file (.docx): {type(exc).__name__}") from exc
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines += [p.text for row in block.rows for cell in _unique(row.cells) for p in cell.paragraphs]
        else:
            lines.append(block.text)
    text = "\n".join(lines).strip()
    if not text:
        raise InputError(path, "a Word file without text")
    return text


def _unique(cells):
    """Cells of a row once each: python-docx repeats a merged cell for every grid column it spans."""
    seen = []
    for cell in cells:
        if all(cell._tc is not other._tc for other in seen):
            seen.append(cell)
    return seen
