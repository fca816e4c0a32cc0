"""The main text of a page saved from a browser, one paragraph a line.

trafilatura finds the article among the page's menus, side bars, related-news lists, footers,
scripts and styles (a maintained boilerplate remover, scored well on news pages in Chinese too) and
writes each paragraph, heading and ``<br>``-separated line as a line of text, which is the shape the
rest of ``kg`` reads. It runs favouring precision: with recall favoured, a side box's heading
(热门推荐) is kept while its links go, and such a heading reads as the end of the digest. A
headline (``<h1>``) outside the article block is left out of its text; it is put back as the first
line, as a reader of the page sees it.

The bytes are decoded here, not by trafilatura, so that the page's declared charset and the
refusal of unknown encodings follow the same rules as plain text (kg.read.encodings).
"""

from __future__ import annotations

import logging
import re

from kg.errors import InputError
from kg.read.encodings import decode

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)

logging.getLogger("trafilatura").setLevel(logging.ERROR)


def declared_charset(data: bytes) -> str | None:
    found = _CHARSET.search(data[:4096])
    return found.group(1).decode("ascii").lower() if found else None


def html_text(data: bytes, path: str) -> str:
    import trafilatura

    page = decode(data, path, declared=declared_charset(data))
    doc = trafilatura.bare_extraction(page, output_format="python", include_comments=False, include_tables=True,
                                      include_images=False, favor_precision=True, deduplicate=False,
                                      with_metadata=True)
    text = (doc.text or "").strip() if doc else ""
    if not text:
        raise InputError(path, "a web page without a main text")
    title = (doc.title or "").strip()
    if title and title not in text.split("\n")[:3] and title in _headings(page):
        text = f"{title}\n{text}"
    return text


def _headings(page: str) -> set[str]:
    import lxml.html

    try:
        tree = lxml.html.fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return set()
    return {" ".join(h.text_content().split()) for h in tree.iter("h1")}
