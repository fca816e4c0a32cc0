"""The one place that talks to jieba: Chinese word segmentation with our lexicons loaded.

A private ``jieba.Tokenizer`` is warmed once with the parties, the regions (full and short
names), the named areas and the sector terms as a user dictionary, so that 太原晋中一体化 splits
into 太原 / 晋中 / 一体化 and 民革晋中市委 keeps its party. Offsets come from ``tokenize``, so
every word knows its characters. Part-of-speech tagging is ~8× slower than cutting
(spec/measured.md): it is only offered for short spans such as bylines.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache

from kg.errors import KgError
from kg.gazetteer import gazetteer
from kg.lexicon import named_areas, parties, sector_terms

# High enough that a lexicon word beats the general dictionary's split of the same characters.
_USER_WORD_FREQ = 50_000


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int


def user_words() -> list[str]:
    """Every word of our lexicons, in a stable order."""
    words: set[str] = set()
    for p in parties():
        words.update(p.aliases)
    gaz = gazetteer()
    for name, regions in gaz.by_name.items():
        if len(name) >= 2:
            words.add(name)
        words.update(r.short for r in regions if len(r.short) >= 2)
    for name, aliases in named_areas():
        words.add(name)
        words.update(aliases)
    words.update(t.term for t in sector_terms())
    return sorted(words)


@cache
def _tokenizer():
    try:
        import jieba
        import jieba.posseg
    except ImportError as exc:  # pragma: no cover - jieba is a hard dependency
        raise KgError("jieba is not installed (pip install jieba)") from exc
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    for w in user_words():
        tok.add_word(w, freq=_USER_WORD_FREQ)
    return tok, jieba.posseg.POSTokenizer(tok)


def tokenize(text: str) -> list[Word]:
    """Words of ``text`` with their offsets (HMM on, for unknown names)."""
    tok, _ = _tokenizer()
    return [Word(w, s, e) for w, s, e in tok.tokenize(text)]


def tag(span_text: str) -> list[tuple[str, str]]:
    """(word, part of speech) pairs of a short span, e.g. a byline; ``nr`` marks a person name."""
    _, pos = _tokenizer()
    return [(p.word, p.flag) for p in pos.lcut(span_text)]
