"""The one place that talks to jieba: Chinese word segmentation with our lexicons loaded.

A private ``jieba.Tokenizer`` is warmed once with the parties, the regions (full and short
names), the named areas and the sector terms as a user dictionary, so that 太原晋中一体化 splits
into 太原 / 晋中 / 一体化 and 民革晋中市委 keeps its party. Offsets come from ``tokenize``, so
every word knows its characters.

Short names of regions (白城, 合作) are ordinary words too: they get only the frequency jieba itself
suggests for them, so that the general dictionary's split still wins where it is natural (兰白城际 is
兰 / 白 / 城际, not 兰 / 白城 / 际); and a county's short name that jieba knows as a frequent word of
another class (合作 vn, 安定 v) is no name at all (``is_ordinary_word``).

Part-of-speech tagging is ~8× slower than cutting (spec/measured.md): it is only offered for short
spans such as bylines.
"""

from __future__ import annotations

import logging
from functools import cache, lru_cache
from typing import NamedTuple

from kg.errors import KgError
from kg.gazetteer import gazetteer
from kg.lexicon import cues, named_areas, parties, sector_terms

# High enough that a lexicon word beats the general dictionary's split of the same characters.
_USER_WORD_FREQ = 50_000
# A county's short name is an ordinary word when jieba's dictionary has it at least this often with a
# tag that is not a noun (n, nr, ns …): 合作 13478 vn, 安定 1278 v, 平定 756 a; but 昔阳 4, 和顺 97 nz.
# Prefectures are left out: their short names are widely known names, and jieba's tags for them are
# noisy (开封 v, 大连 d).
_ORDINARY_MIN_FREQ = 500
# jieba's tags of common words: a noun, a place word (郊区 s), a verb or adjective, a direction.
_COMMON_TAGS = frozenset({"n", "s", "f", "v", "vn", "a", "an"})


class Word(NamedTuple):  # a tuple: made for every word of every span, ~3× cheaper than a frozen dataclass
    text: str
    start: int
    end: int


def user_words() -> list[str]:
    """Every word of our lexicons but the short names of regions, in a stable order."""
    words: set[str] = set()
    for p in parties():
        words.update(p.aliases)
    gaz = gazetteer()
    words.update(name for name in gaz.by_name if len(name) >= 2)
    for name, aliases in named_areas():
        words.add(name)
        words.update(aliases)
    words.update(t.term for t in sector_terms())
    # 我区, 全市 …: without the HMM nothing else would join 我 and 区.
    words.update(w for level_words in cues()["regions"]["own_place"].values() for w in level_words)
    return sorted(words)


def short_names() -> dict[str, str]:
    """Short names of regions (2 characters or more) → the coarsest level they name."""
    levels = ("province", "prefecture", "county")
    out: dict[str, str] = {}
    for short, regions in gazetteer().by_short.items():
        if len(short) >= 2:
            out[short] = min((r.level for r in regions), key=lambda lv: levels.index(lv) if lv in levels else 3)
    return out


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
    pos = jieba.posseg.POSTokenizer(tok)  # its tags are the general dictionary's (add_word sets none)
    ordinary = frozenset(w for w, level in short_names().items()
                         if level == "county" and tok.FREQ.get(w, 0) >= _ORDINARY_MIN_FREQ
                         and not pos.word_tag_tab.get(w, "n").startswith("n"))
    for w in user_words():
        tok.add_word(w, freq=_USER_WORD_FREQ)
    for w in short_names():
        if w not in ordinary:
            tok.add_word(w)  # jieba's suggested frequency: a word, but no stronger than its context
    return tok, pos, ordinary


def is_ordinary_word(short: str) -> bool:
    """合作, 安定: a county's short name that jieba's dictionary knows as a frequent ordinary word."""
    return short in _tokenizer()[2]


def dictionary_frequency(word: str) -> int:
    """How often jieba's dictionary (with our lexicons) has ``word``; 0 for a word it lacks."""
    return _tokenizer()[0].FREQ.get(word, 0) or 0


def is_common_noun(word: str) -> bool:
    """矿区, 郊区, 城区: a word that jieba's general dictionary tags as a common noun (or a place word
    of another kind), not as a proper name (ns, nr, nz …)."""
    return _tokenizer()[1].word_tag_tab.get(word, "ns") in _COMMON_TAGS


def tokenize(text: str) -> list[Word]:
    """Words of ``text`` with their offsets. Without jieba's HMM: the words we look for (regions,
    areas, cue words) are all in the dictionary, names come from bylines (``tag``), and the HMM,
    which only guesses words the dictionary lacks, cost ~45% of extraction time (兰白城际 → 兰白)."""
    tok = _tokenizer()[0]
    return [Word(w, s, e) for w, s, e in tok.tokenize(text, HMM=False)]


@lru_cache(maxsize=32)
def tokens(text: str) -> tuple[Word, ...]:
    """``tokenize``, kept for a while: the region extractors read the same spans one after another."""
    return tuple(tokenize(text))


def tag(span_text: str) -> list[tuple[str, str]]:
    """(word, part of speech) pairs of a short span, e.g. a byline; ``nr`` marks a person name."""
    pos = _tokenizer()[1]
    return [(p.word, p.flag) for p in pos.lcut(span_text)]
