"""Chinese word segmentation with our lexicons loaded: jieba's cut, over the merged dictionary.

The dictionary (kg/dictionary.py) is jieba's general dictionary with the parties, the regions (full
and short names), the named areas and the sector terms added as user words, so that 太原晋中一体化
splits into 太原 / 晋中 / 一体化 and 民革晋中市委 keeps its party. Offsets come with every word, so
every word knows its characters.

Short names of regions (白城, 合作) are ordinary words too: they get only the frequency jieba itself
suggests for them, so that the general dictionary's split still wins where it is natural (兰白城际 is
兰 / 白 / 城际, not 兰 / 白城 / 际); and a county's short name that jieba knows as a frequent word of
another class (合作 vn, 安定 v) is no name at all (``is_ordinary_word``).

The cut is jieba's own without the HMM (``jieba.Tokenizer.tokenize(text, HMM=False)``: the same
words at the same places, tests/test_words.py holds it to that), written here over the dictionary
read one first character at a time: jieba's builds a graph of every word at every place and then
scores it, ours scores each place as it finds its words, and remembers each word's log-probability
(extraction spends a third of its time cutting words; this cut takes half of jieba's time).
"""

from __future__ import annotations

import re
from functools import lru_cache
from math import log
from typing import NamedTuple

from kg.dictionary import PREFIX_ONLY, dictionary

# jieba's blocks: a run of these characters is cut into words, anything else stands alone (\r\n as one), as
# in jieba.Tokenizer.cut.
_BLOCK = re.compile("[\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+")
_WINDOWS_BREAK = re.compile("(\r\n)")
# Single letters and digits that follow each other are one word (jieba's re_eng).
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


class Word(NamedTuple):  # a tuple: made for every word of every span, ~3× cheaper than a frozen dataclass
    text: str
    start: int
    end: int


def is_ordinary_word(short: str) -> bool:
    """合作, 安定: a county's short name that jieba's dictionary knows as a frequent ordinary word."""
    return short in dictionary().ordinary


def dictionary_frequency(word: str) -> int:
    """How often jieba's dictionary (with our lexicons) has ``word``; 0 for a word it lacks."""
    return dictionary().frequency(word)


def is_common_noun(word: str) -> bool:
    """矿区, 郊区, 城区: a word that jieba's general dictionary tags as a common noun (or a place word
    of another kind), not as a proper name (ns, nr, nz …)."""
    return dictionary().is_common(word)


def tokenize(text: str) -> list[Word]:
    """Words of ``text`` with their offsets. Without jieba's HMM: the words we look for (regions,
    areas, cue words) are all in the dictionary, names come from bylines, and the HMM, which only
    guesses words the dictionary lacks, cost ~45% of extraction time (兰白城际 → 兰白)."""
    out: list[Word] = []
    at = 0
    for block in _BLOCK.finditer(text):
        if block.start() > at:
            _cut_between(text[at : block.start()], at, out)
        _cut_block(block.group(), block.start(), out)
        at = block.end()
    if at < len(text):
        _cut_between(text[at:], at, out)
    return out


def _cut_between(piece: str, offset: int, out: list[Word]) -> None:
    """Characters between blocks stand alone, but for a Windows line break (jieba's re_skip)."""
    if len(piece) == 1:
        out.append(Word(piece, offset, offset + 1))
    elif "\r\n" not in piece:
        out.extend(map(Word, piece, range(offset, offset + len(piece)), range(offset + 1, offset + len(piece) + 1)))
    else:
        for part in _WINDOWS_BREAK.split(piece):
            if part == "\r\n":
                out.append(Word(part, offset, offset + 2))
            else:
                _cut_between(part, offset, out)
            offset += len(part)


@lru_cache(maxsize=32)
def tokens(text: str) -> tuple[Word, ...]:
    """``tokenize``, kept for a while: the region extractors read the same spans one after another."""
    return tuple(tokenize(text))


def _cut_block(block: str, offset: int, out: list[Word]) -> None:
    """jieba's best route through a block: from the end back, at each place the word that gives the
    most probable rest (on a tie the longer word), a character alone where no word starts."""
    words = dictionary()
    log_total = words.log_total
    known = words.log_probability
    groups, group_of = words.groups_read, words.starting_with
    size = len(block)
    best = [0.0] * (size + 1)
    step = [1] * size
    for here in range(size - 1, -1, -1):
        found = groups.get(block[here]) or group_of(block[here])
        score, end = None, here + 1
        stop = here + 1
        while True:
            piece = block[here:stop]
            p = known.get(piece)
            if p is None:
                freq = found.get(piece)
                if freq is None:
                    break  # no word goes on this way
                p = known[piece] = log(freq) - log_total if freq else PREFIX_ONLY
            if p != PREFIX_ONLY:
                candidate = p + best[stop]
                if score is None or candidate >= score:
                    score, end = candidate, stop
            if stop >= size:
                break
            stop += 1
        best[here] = -log_total + best[here + 1] if score is None else score  # (log 1 - log total)
        step[here] = end - here
    here, latin_from = 0, -1
    while here < size:
        end = here + step[here]
        if end - here == 1 and block[here] in _LATIN:
            if latin_from < 0:
                latin_from = here
        else:
            if latin_from >= 0:
                out.append(Word(block[latin_from:here], offset + latin_from, offset + here))
                latin_from = -1
            out.append(Word(block[here:end], offset + here, offset + end))
        here = end
    if latin_from >= 0:
        out.append(Word(block[latin_from:], offset + latin_from, offset + size))
