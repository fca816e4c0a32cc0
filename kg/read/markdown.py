"""The text of a Markdown file, one paragraph a line, its markup taken off.

Digests kept as notes (.md) mark their titles as headings and their bylines in bold; read as
plain text, ``## 标题`` would be a title beginning with ``##``. The markup that says how a line
looks is dropped (heading marks, emphasis, quote marks, list bullets, rules, code fences, link and
image syntax with the link text kept); numbering (``1.``) stays, as it is part of the text.
"""

from __future__ import annotations

import re

_LINE_MARKUP = [
    (re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$"), r"\1"),  # ATX heading
    (re.compile(r"^\s{0,3}>\s?"), ""),  # block quote
    (re.compile(r"^\s{0,3}[-*+]\s+(?!\S*[-*+]\s*$)"), ""),  # bullet
]
_RULE = re.compile(r"^\s{0,3}([-*_=])(\s*\1){2,}\s*$")  # thematic break, setext underline
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image: its alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # link: its text
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![*0-9A-Za-z])\*(?=\S)(.+?)(?<=\S)\*(?![*0-9A-Za-z])"), r"\1"),  # emphasis, not 2*3
    (re.compile(r"`([^`]+)`"), r"\1"),  # code
]


def markdown_text(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        if _RULE.match(line) or _FENCE.match(line):
            continue
        for pattern, repl in _LINE_MARKUP:
            line = pattern.sub(repl, line, count=1)
        for pattern, repl in _INLINE:
            line = pattern.sub(repl, line)
        lines.append(line)
    return "\n".join(lines)
