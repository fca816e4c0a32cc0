"""Numbered lists of the genre: 一是/二是, （一）, 一、, 1., 1、, （1）, ①, 第一，, 其一, 一要,
首先…其次…最后, —— lines.

``numbered_items`` finds the numbering family whose markers run 1, 2, 3 … in order, earliest
first, and returns the text between them. Numbering alone does not say whether items are
problems or suggestions; the part of the speech they stand in does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.numerals import cn_to_int

_CN = "[一二三四五六七八九十]+"
_B = r"(?:^|(?<=[。；;，,：:\n\s!！?？]))"  # a marker starts a clause
FAMILIES: dict[str, re.Pattern[str]] = {
    "shi": re.compile(rf"{_B}({_CN})是"),
    "yao": re.compile(rf"{_B}({_CN})要(?=[^求点])"),
    "paren_cn": re.compile(rf"[（(]({_CN})[）)]"),
    "dun_cn": re.compile(rf"{_B}({_CN})[、．.]"),
    "paren_ar": re.compile(r"[（(](\d{1,2})[）)]"),
    "ar": re.compile(rf"{_B}(\d{{1,2}})[.．、](?!\d)"),
    "circled": re.compile(r"([①-⑳])"),
    "di": re.compile(rf"{_B}第({_CN})[，,、：:是]"),
    "qi": re.compile(rf"{_B}其({_CN})[，,、：:是]"),
    "order": re.compile(rf"{_B}(首先|其次|再次|然后|最后)[，,：:]?"),
    "dash": re.compile(r"(?:^|(?<=\n))\s*(——|—|－－)(?=\S)"),
}
_ORDER_WORDS = {"首先": 1, "其次": 2, "再次": 3, "然后": 3}


@dataclass(frozen=True)
class Marked:
    marker_start: int
    start: int  # first character after the marker
    end: int  # up to the next marker (or the end of the text)


def _sequence(family: str, text: str) -> list[re.Match[str]]:
    found, expected = [], 1
    for m in FAMILIES[family].finditer(text):
        if family == "dash":
            found.append(m)
            continue
        if family == "order":
            n = _ORDER_WORDS.get(m.group(1), expected if m.group(1) == "最后" and expected > 1 else 0)
        else:
            n = cn_to_int(m.group(1)) or 0
        if n == expected:
            found.append(m)
            expected += 1
    return found


def numbered_items(text: str, minimum: int = 2) -> tuple[str, list[Marked]] | None:
    """The numbered items of ``text`` (offsets into it), or None when it has no numbered list."""
    best: tuple[int, str, list[re.Match[str]]] | None = None
    for family in FAMILIES:
        seq = _sequence(family, text)
        if len(seq) >= minimum and (best is None or seq[0].start() < best[0]):
            best = (seq[0].start(), family, seq)
    if best is None:
        return None
    _, family, seq = best
    items = [Marked(m.start(), m.end(), seq[i + 1].start() if i + 1 < len(seq) else len(text))
             for i, m in enumerate(seq)]
    return family, items
