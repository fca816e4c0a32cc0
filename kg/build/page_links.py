"""The links of every document's speeches that the page's overview reads (kg.store.overview_links),
kept from one generation to the next in ``speech-links.json``, so that a rebuild draws the page
from the previous generation's links and the new documents', without the grouped query over the
whole store (1–1.5 s at 2M triples, half of a one-file rebuild)."""

from __future__ import annotations

import json
from pathlib import Path

from kg.io import atomic_write_text
from kg.store import GraphStore
from kg.store.overview_links import merged_links, speech_links
from kg.store.sources import graph_name

LINKS = "speech-links.json"  # in a generation: the links of each document's speeches, by document key


def keep_links(previous: Path | None, generation: Path, store: GraphStore, kept, read: dict[str, dict[str, list[str]]]
               ) -> dict[str, set[str]]:
    """The links of the speeches of every document of ``generation``: those ``read`` by this build,
    and those of the documents ``kept`` taken from ``previous`` (read off the ``store`` where the
    previous generation does not have them: one made by an older kg). Written to the generation
    for the next build; returned as their union by speech, for the page."""
    try:
        before = json.loads((previous / LINKS).read_text(encoding="utf-8")) if previous and kept else {}
    except (OSError, ValueError):
        before = {}
    every = dict(read)
    for key in kept:
        every[key] = before[key] if key in before else speech_links(store.quads(graph_name(key)))
    atomic_write_text(generation / LINKS, json.dumps(every, ensure_ascii=False, sort_keys=True) + "\n")
    return merged_links(every[key] for key in sorted(every))
