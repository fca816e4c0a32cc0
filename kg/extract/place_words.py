"""The words of a span for finding places: jieba's words, with a city taken back where jieba split it.

jieba prefers a longer dictionary word, and our lexicon holds every county's full name: 阳泉港区 becomes
阳 / 泉港区 (a district of 泉州), 天水产业 天 / 水产业. Finding a place must not depend on those
boundaries alone, so a province's or prefecture's short name cut that way is put back together.
"""

from __future__ import annotations

from functools import cache, lru_cache

from kg.gazetteer import gazetteer
from kg.words import Word, dictionary_frequency, tokens


@lru_cache(maxsize=32)
def place_words(text: str) -> tuple[Word, ...]:
    """The words of a span's text; region_mentions and area_compounds read the same spans."""
    return _places_first(tokens(text))


@cache
def _coarse_short_names() -> tuple[frozenset[str], frozenset[str]]:
    """Short names of the provinces and prefectures, and their last characters."""
    names = frozenset(short for short, regions in gazetteer().by_short.items()
                      if len(short) >= 2 and any(r.level in ("province", "prefecture") for r in regions))
    return names, frozenset(n[-1] for n in names)


_LONGEST_SHORT_NAME = 4  # 牡丹江, 鄂尔多斯: the longest short name a split could cut


def _places_first(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """阳泉港区 is 阳 / 泉港区 to jieba (泉港区 is a district of 泉州), 天水产业 is 天 / 水产业: a city
    whose last character starts the next word. The city is taken back when the rest of that word is
    a word itself (港区, 产业) or with the word after it (六安全域: 全域); 兰白城际 stays 兰 / 白 / 城际."""
    names, last_chars = _coarse_short_names()
    gaz = gazetteer()
    out = list(words)
    i = 1
    while i < len(out):
        prev, cur = out[i - 1], out[i]
        if len(cur.text) >= 2 and cur.text[0] in last_chars:
            for j in range(max(0, len(prev.text) - _LONGEST_SHORT_NAME + 1), len(prev.text)):
                name, rest = prev.text[j:] + cur.text[0], cur.text[1:]
                if name not in names:
                    continue
                nxt = out[i + 1] if i + 1 < len(out) else None
                joined = nxt is not None and len(rest) == 1 and dictionary_frequency(rest + nxt.text) > 0
                if not (cur.text in gaz.by_name or (len(rest) >= 2 and dictionary_frequency(rest) > 0) or joined):
                    continue
                city_start = prev.start + j
                head = [Word(prev.text[:j], prev.start, city_start)] if j else []
                tail = Word(rest + nxt.text, cur.start + 1, nxt.end) if joined else Word(rest, cur.start + 1, cur.end)
                out[i - 1 : i + 2 if joined else i + 1] = [*head, Word(name, city_start, cur.start + 1), tail]
                break
        i += 1
    return tuple(out)
