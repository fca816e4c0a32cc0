"""What the page's overview reads of each speech: the IRIs it links to as party, unit, speaker,
sector, region, region link and meeting (kg.view.overview_facts), taken from a document's own triples.

A speech is described in its document's graph only (kg.graph.document), so its links in the store
are the union of those of the documents that describe it. A build's workers read them off each
document's triples (``speech_links``), the build keeps them per document from one generation to the
next (kg.build), and the page is drawn from their union (``merged_links``) without the grouped query
over the whole store (1–1.5 s at 2M triples). Plain pyoxigraph, no kg.view: the workers load this.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from kg.namespace import PREFIXES

_KG, _DCTERMS = PREFIXES["kg"], PREFIXES["dcterms"]
# The predicates, in the order whose place a link is spelled with ("<n><IRI>").
SPEECH_LINKS = (f"{_KG}party", PREFIXES["opengov"] + "onBehalfOf", f"{_KG}speaker", f"{_DCTERMS}subject",
                f"{_DCTERMS}spatial", f"{_KG}regionLink", f"{_KG}meeting")
_NUMBER = {p: str(n) for n, p in enumerate(SPEECH_LINKS)}
_TYPE, _SPEECH = f"{PREFIXES['rdf']}type", f"{_KG}Speech"


def speech_links(triples: Iterable[ox.Triple | ox.Quad]) -> dict[str, list[str]]:
    """Each speech's links among ``triples`` (a document's graph), each once, sorted, spelled
    ``<n><IRI>`` (n: the predicate's place in ``SPEECH_LINKS``); a speech that links to nothing maps to []."""
    speeches: set[str] = set()
    links: dict[str, set[str]] = defaultdict(set)
    for t in triples:
        p, o = t.predicate.value, t.object
        if not isinstance(o, ox.NamedNode):
            continue
        if p == _TYPE and o.value == _SPEECH:
            speeches.add(t.subject.value)
        elif p in _NUMBER:
            links[t.subject.value].add(_NUMBER[p] + o.value)
    return {s: sorted(links.get(s, ())) for s in sorted(speeches)}


def merged_links(documents: Iterable[Mapping[str, Iterable[str]]]) -> dict[str, set[str]]:
    """The union of documents' ``speech_links``: a speech two documents describe has the links of
    both, as a query over the union of their graphs gives them."""
    merged: dict[str, set[str]] = defaultdict(set)
    for links in documents:
        for speech, found in links.items():
            merged[speech].update(found)
    return merged
