#!/usr/bin/env python3
"""Candidates for kg/data/sector_terms.tsv, generated from labelled speeches for a person to review.

    .venv/bin/python scripts/sector_term_candidates.py tests/data/digests tests/data/news

For each sector: words (jieba, two characters or more) of the speeches whose central gold sector it
is, frequent there and rare under the other sectors, that the table does not have yet. Then the
table's terms that fire more often on speeches whose gold lacks their sector than on those that have
it: context words to weigh less, or metaphors to match as words of no sector ('-'). Nothing is
written: the table grows by review (its header says how terms are weighed).
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from kg.extract.sectors import sector_evidence
from kg.lexicon import sector_terms
from kg.pipeline import extract_file
from kg.read import read_file
from kg.words import tokenize

SHOWN = 25


def main(folders: list[str]) -> None:
    known = {t.term for t in sector_terms()}
    under: dict[str, Counter] = defaultdict(Counter)
    everywhere: Counter = Counter()
    misleading: Counter = Counter()
    fitting: Counter = Counter()
    for folder in map(Path, folders):
        for gold in _documents(folder):
            src = read_file(folder / gold["source"])
            # a titled speech is paired by its title, an untitled one (a news report's) by its speaker
            by_key = {s["title"] or ("speaker", s.get("speaker")): s for s in gold["speeches"]}
            for speech in extract_file(folder / gold["source"]).speeches:
                key = speech.title.value if speech.title else (
                    "speaker", speech.byline.speaker.value if speech.byline.speaker else None)
                labelled = by_key.get(key)
                if labelled is None or not labelled["sectors"]:
                    continue
                words = {w.text for w in tokenize(speech.span.slice(src.simple)) if len(w.text) >= 2}
                everywhere.update(words)
                under[labelled["sectors"][0]].update(words)
                allowed = set(labelled["sectors"]) | set(labelled.get("sectors_optional", []))
                for span in (speech.title.span, speech.body) if speech.title else (speech.body,):
                    for ev, weight in sector_evidence(src, span):
                        (fitting if ev.sector in allowed else misleading)[(ev.sector, ev.term, weight)] += 1
    for sector, counts in sorted(under.items()):
        found = [(w, n) for w, n in counts.most_common()
                 if n >= 2 and w not in known and everywhere[w] - n <= n // 2]
        print(sector, found[:SHOWN])
    print("\nterms firing more often where the gold lacks their sector:")
    for key, n in misleading.most_common():
        if n > fitting.get(key, 0):
            print(key, "misleading", n, "fitting", fitting.get(key, 0))


def _documents(folder: Path) -> list[dict]:
    """The expected records of a folder; a file holds one document or a list of them (a mixed page)."""
    docs = []
    for expected in sorted(folder.glob("*.expected.json")):
        data = json.loads(expected.read_text(encoding="utf-8"))
        docs += data if isinstance(data, list) else [data]
    return docs


if __name__ == "__main__":
    main(sys.argv[1:] or ["tests/data/digests", "tests/data/news"])
