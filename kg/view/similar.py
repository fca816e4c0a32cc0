"""Problems and suggestions that say the same thing in other words, grouped so they can be counted.

Two texts are alike when the Dice coefficient of their sets of character bigrams reaches
``ALIKE_DICE`` (人才短缺 / 专业人才短缺 / 人才短缺问题): Chinese has no spaces, and bigrams carry most
of a short phrase's meaning. Texts are grouped greedily, most frequent first, each joining the group
whose first text it is most like. Candidates come from an index of bigrams that skips the bigrams
of more than ``COMMON_BIGRAM_GROUPS`` groups (加强, 建设 …), which say little and would make the
grouping quadratic.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

ALIKE_DICE = 0.6  # 人才短缺 ~ 专业人才短缺 (0.75); 并网消纳能力不足 ≁ 创新能力不足 (0.5)
COMMON_BIGRAM_GROUPS = 200
NOT_TEXT = re.compile(r"[\s\W_]+")


@dataclass
class TextGroup:
    """Texts alike, with the speeches (or other owners) that said them."""

    label: str  # the most frequent text of the group
    texts: list[str] = field(default_factory=list)
    owners: set[str] = field(default_factory=set)

    @property
    def count(self) -> int:
        return len(self.owners)


def bigrams(text: str) -> frozenset[str]:
    plain = NOT_TEXT.sub("", text)
    return frozenset(plain[i:i + 2] for i in range(len(plain) - 1)) or frozenset([plain])


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 1.0


def group_texts(items: list[tuple[str, str]]) -> list[TextGroup]:
    """Group (text, owner) pairs; groups with most owners first, then by label."""
    owners: dict[str, set[str]] = defaultdict(set)
    for text, owner in items:
        if text.strip():
            owners[text.strip()].add(owner)
    by_frequency = sorted(owners, key=lambda t: (-len(owners[t]), len(t), t))
    groups: list[TextGroup] = []
    keys: list[frozenset[str]] = []
    index: dict[str, list[int]] = defaultdict(list)
    for text in by_frequency:
        grams = bigrams(text)
        shared: Counter[int] = Counter()
        for gram in grams:
            postings = index.get(gram, ())
            if len(postings) <= COMMON_BIGRAM_GROUPS:
                shared.update(postings)
        best, best_score = -1, ALIKE_DICE
        for g, _ in shared.most_common(20):
            score = dice(grams, keys[g])
            if score >= best_score:
                best, best_score = g, score
        if best < 0:
            best = len(groups)
            groups.append(TextGroup(text))
            keys.append(grams)
            for gram in grams:
                index[gram].append(best)
        groups[best].texts.append(text)
        groups[best].owners |= owners[text]
    return sorted(groups, key=lambda g: (-g.count, g.label))
