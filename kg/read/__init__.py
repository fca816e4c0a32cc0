"""Stage 1, read: a file → a ``Source``: the text as read (decoded, extracted from its format and
cleaned), a simplified-character copy of the same length, and its lines marked as content or noise.

- ``kg.read.files``: which paths are read (regular files within a size limit) and by which reader;
- ``kg.read.encodings``: bytes → text (UTF-8/16/32 with a mark, GB18030, Big5, or refused);
- ``kg.read.html``, ``kg.read.docx``, ``kg.read.pdf``, ``kg.read.markdown``: the text of a saved page,
  a Word file, a PDF, a Markdown file;
- ``kg.read.clean``: control characters, PDF radicals and over-long lines, before anything indexes;
- ``kg.read.source``: the ``Source`` itself, its simplified copy and its noise lines.
"""

from kg.read.encodings import decode
from kg.read.files import INPUT_SUFFIXES, MAX_SIZE, not_regular, parse_size, read_file, read_stream, size_limit
from kg.read.source import Line, Source, is_noise, read_text, split_lines, to_simplified, to_traditional

__all__ = ["INPUT_SUFFIXES", "MAX_SIZE", "Line", "Source", "decode", "is_noise", "not_regular", "parse_size",
           "read_file", "read_stream", "read_text", "size_limit", "split_lines", "to_simplified", "to_traditional"]
