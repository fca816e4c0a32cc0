"""What the overview reads: only what it draws, so that a large graph's page stays quick and small.

``queries.read_graph`` reads every node, link and literal of the graph: what the full view needs.
The overview folds the speeches away, so ``read_overview`` reads, per speech, only the IRIs it links
to as voice, sector, region and meeting (one grouped query, a row per speech), the parents of the
regions, and the labels of what those name. The details a drawn node's tooltip gives (a region's
code and members, a unit's parent, a party's other names) are read for that node when it is drawn
(``LazyTooltips``): a few dozen nodes, whatever the size of the graph.

The result is a ``queries.GraphFacts`` that ``overview.overview_graph`` turns into the same nodes,
edges, numbers and tooltips as from ``read_graph`` (tests/view/test_overview_facts.py).

A build hands ``read_overview`` the speeches' links that its workers read off each document's
triples (kg.store.overview_links), so that the grouped query over the whole store is not run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from kg.namespace import PREFIXES
from kg.store import GraphStore
from kg.store.overview_links import SPEECH_LINKS
from kg.view import queries
from kg.view.queries import (
    PARENT,
    GraphFacts,
)

# One row per subject, its links joined into one string ("<n><IRI> …", n the place of the predicate
# in SPEECH_LINKS; an IRI has no space): a tenth of the rows of one row per link, read ~3× faster.
_NUMBERED = " ".join(f'(<{p}> "{n}")' for n, p in enumerate(SPEECH_LINKS))
LINKS_BY_SUBJECT = f"""
SELECT ?s (GROUP_CONCAT(DISTINCT CONCAT(?n, STR(?o)); separator=" ") AS ?links) WHERE {{
  VALUES (?p ?n) {{ {_NUMBERED} }}
  ?s ?p ?o FILTER isIRI(?o)
}} GROUP BY ?s"""
SPEECHES = "SELECT ?s WHERE { ?s a kg:Speech }"
PARENTS = f"SELECT DISTINCT ?s ?o WHERE {{ ?s <{PARENT}> ?o FILTER isIRI(?o) }}"
# What one drawn node's tooltip says besides its label: its links and literals (queries.LINKS, DETAILS).
NODE_FACTS = """
SELECT DISTINCT ?p ?v WHERE {
  VALUES ?x { $node }
  VALUES ?p { org:memberOf org:subOrganizationOf kg:parentRegion kg:hasMember
              kg:adminCode skos:altLabel rdfs:label skos:prefLabel skos:notation dcterms:date }
  ?x ?p ?v . FILTER (isIRI(?v) || isLiteral(?v))
}"""
LINK_PREDICATES = {f"{PREFIXES['org']}memberOf", f"{PREFIXES['org']}subOrganizationOf", PARENT,
                   f"{queries.KG}hasMember"}


def count_speeches_and_items(store: GraphStore) -> int:
    """Speeches, problems and suggestions: nodes every full view draws, so a floor of its size."""
    rows = store.query("SELECT (COUNT(?x) AS ?n) WHERE { VALUES ?kind { kg:Speech kg:Issue kg:Suggestion } "
                       "?x a ?kind }")
    return int(next(iter(rows))["n"].value)


def _queried_links(store: GraphStore) -> dict[str, list[str]]:
    speech_iris = {row["s"].value for row in store.query(SPEECHES)}
    return {row["s"].value: row["links"].value.split(" ") for row in store.query(LINKS_BY_SUBJECT)
            if row["s"].value in speech_iris}


def read_overview(store: GraphStore, links: Mapping[str, Iterable[str]] | None = None) -> GraphFacts:
    """The facts the overview needs, read without the speeches' texts, problems and suggestions;
    with ``links`` (every speech's, kg.store.overview_links.merged_links) they are not queried."""
    linked: dict[str, dict[str, list[str]]] = {}
    for speech, found in (_queried_links(store) if links is None else links).items():
        if not found:  # a speech that links to nothing is not drawn
            continue
        grouped = linked[speech] = {p: [] for p in SPEECH_LINKS}
        for link in found:
            grouped[SPEECH_LINKS[int(link[0])]].append(link[1:])
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in store.query(PARENTS):
        out[(row["s"].value, PARENT)].append(row["o"].value)
    for objects in out.values():
        objects.sort()
    named = {o for grouped in linked.values() for objects in grouped.values() for o in objects}
    types, labels = node_labels(store, named | {o for objects in out.values() for o in objects})
    speeches, groups = {}, {}
    for speech in sorted(linked):
        objects_of = {p: sorted(objects) for p, objects in linked.pop(speech).items()}
        speeches[speech], groups[speech] = queries.speech_facts(objects_of, labels, out)
    tooltips = LazyTooltips(store, types, labels, out, {}, {}, set(), {})
    return GraphFacts(types, labels, tooltips, [], speeches, [], groups, out, tooltips.details, {})


def node_labels(store: GraphStore, iris: set[str]) -> tuple[dict[str, str], dict[str, str]]:
    """The type and label of each of ``iris`` that the view knows (queries.NODES, for these only)."""
    types: dict[str, str] = {}
    labels: dict[str, str] = {}
    if not iris:
        return types, labels
    values = " ".join(str(ox.NamedNode(iri)) for iri in sorted(iris))
    for row in store.query(queries.NODES.replace("WHERE {", f"WHERE {{\n  VALUES ?x {{ {values} }}", 1)):
        iri, label = row["x"].value, row["label"]
        if iri not in labels or label.language == "zh":
            types[iri], labels[iri] = row["kind"].value, label.value
    return types, labels


class LazyTooltips(queries.Tooltips):
    """Tooltips whose node's links and literals are read when the tooltip is first asked for."""

    def __getitem__(self, iri: str) -> str:
        if iri not in self.made:
            self._read_node(iri)
        return super().__getitem__(iri)

    def _read_node(self, iri: str) -> None:
        found: dict[tuple[str, str], list[str]] = defaultdict(list)
        literals: dict[tuple[str, str], list[str]] = defaultdict(list)
        for row in self.store.query(NODE_FACTS.replace("$node", str(ox.NamedNode(iri)))):
            p, v = row["p"].value, row["v"]
            if isinstance(v, ox.Literal):
                literals[(iri, p)].append(v.value)
            elif p in LINK_PREDICATES:
                found[(iri, p)].append(v.value)
        for key, values in literals.items():
            self.details[key] = sorted(values)
        for key, objects in found.items():
            self.out[key] = sorted(objects)
        unknown = {o for objects in found.values() for o in objects} - set(self.labels)
        types, labels = node_labels(self.store, unknown)
        self.types.update(types)
        self.labels.update(labels)
