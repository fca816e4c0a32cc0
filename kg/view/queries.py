"""What the view reads from the graph: SPARQL queries over docs/model.md, gathered into GraphFacts.

Every query is DISTINCT: a store that repeats an entity in each document's graph (a region named by
every digest) must not give a node twice or list a value twice in its details. A speech's title is
optional (a news report's speech may have none): such a speech is labelled by its speaker or unit.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from kg.namespace import PREFIXES
from kg.store import GraphStore

KG = PREFIXES["kg"]

NODES = """
SELECT DISTINCT ?x ?kind ?label WHERE {
  { ?x a foaf:Person ; foaf:name ?label . BIND("person" AS ?kind) }
  UNION { ?x a org:Organization ; skos:prefLabel ?label .
          FILTER NOT EXISTS { ?x a kg:Party } FILTER NOT EXISTS { ?x a kg:Committee }
          BIND("organization" AS ?kind) }
  UNION { ?x a kg:Party ; skos:prefLabel ?label . BIND("party" AS ?kind) }
  UNION { ?x a kg:Issue ; rdf:value ?label . BIND("issue" AS ?kind) }
  UNION { ?x a kg:Suggestion ; rdf:value ?label . BIND("suggestion" AS ?kind) }
  UNION { ?x a skos:Concept ; skos:prefLabel ?label . FILTER NOT EXISTS { ?speech kg:warning ?x }
          BIND("sector" AS ?kind) }
  UNION { ?x a kg:Region ; rdfs:label ?label . BIND("region" AS ?kind) }
  UNION { ?x a kg:Meeting ; rdfs:label ?label . BIND("meeting" AS ?kind) }
  FILTER (lang(?label) = "zh" || lang(?label) = "")
}"""

# A speech's label: its title, else "<speaker>发言", else "<unit>发言" (an untitled news-report speech).
SPEECHES = """
SELECT DISTINCT ?x ?title ?speaker ?unit WHERE {
  ?x a kg:Speech .
  OPTIONAL { ?x dcterms:title ?title FILTER (lang(?title) = "zh" || lang(?title) = "") }
  OPTIONAL { ?x kg:speaker/foaf:name ?speaker }
  OPTIONAL { ?x opengov:onBehalfOf/skos:prefLabel ?unit }
}"""

# The doubts the extractor had about a speech (kg:warning → a SKOS concept of kg/data/warnings.tsv).
WARNINGS = """
SELECT DISTINCT ?x ?label WHERE {
  ?x kg:warning ?w . ?w skos:prefLabel ?label . FILTER (lang(?label) = "zh" || lang(?label) = "")
}"""

# kg:party is read for the filters and the overview but not drawn: the unit already links to its party.
LINKS = """
SELECT DISTINCT ?s ?p ?o WHERE {
  { VALUES ?p { kg:meeting kg:speaker opengov:onBehalfOf kg:party dcterms:subject dcterms:spatial
                kg:regionLink kg:hasIssue kg:hasSuggestion org:memberOf org:subOrganizationOf
                kg:parentRegion kg:hasMember }
    ?s ?p ?o . FILTER isIRI(?o) }
  UNION { ?s skos:broader ?o . BIND(skos:broader AS ?p) FILTER EXISTS { ?speech dcterms:subject ?s } }
}"""

DETAILS = """
SELECT DISTINCT ?x ?p ?v WHERE {
  VALUES ?p { kg:byline kg:text kg:adminCode skos:altLabel rdfs:label skos:prefLabel skos:notation
              dcterms:date }
  ?x ?p ?v . FILTER isLiteral(?v)
}"""

SENTENCES = """
SELECT DISTINCT ?x ?sentence WHERE {
  VALUES ?kind { kg:Issue kg:Suggestion }
  ?x a ?kind ; kg:evidence/kg:sentence ?sentence .
}"""

DCTERMS, ORG = PREFIXES["dcterms"], PREFIXES["org"]
PARTY, MEETING, REGION_LINK, PARENT = f"{KG}party", f"{KG}meeting", f"{KG}regionLink", f"{KG}parentRegion"
SPEAKER = f"{KG}speaker"
SUBJECT, SPATIAL, ON_BEHALF_OF = f"{DCTERMS}subject", f"{DCTERMS}spatial", PREFIXES["opengov"] + "onBehalfOf"
EDGE_LABELS = {
    MEETING: "会议",
    SPEAKER: "发言人",
    ON_BEHALF_OF: "代表单位",
    SUBJECT: "领域",
    SPATIAL: "地区",
    REGION_LINK: "区域联动",
    f"{KG}hasIssue": "问题",
    f"{KG}hasSuggestion": "建议",
    f"{ORG}memberOf": "所属单位",
    f"{ORG}subOrganizationOf": "隶属",
    PARENT: "上级地区",
    f"{KG}hasMember": "组成",
    PREFIXES["skos"] + "broader": "上位领域",
}
SPEECH_SUMMARY_CHARS = 160
UNTITLED_SUFFIX = "发言"
SENTENCE_END = re.compile(r"(?<=[。！？；])")


@dataclass(kw_only=True)
class FilterValues:
    """The labels a speech is filtered by (keyword-only: a ViewNode's own fields come first)."""

    party: list[str] = field(default_factory=list)
    sector: list[str] = field(default_factory=list)
    region: list[str] = field(default_factory=list)
    meeting: list[str] = field(default_factory=list)


@dataclass
class GraphFacts:
    types: dict[str, str]  # IRI -> node type
    labels: dict[str, str]
    tooltips: Mapping[str, str]  # made when first asked for: an overview shows few of the nodes read
    links: list[tuple[str, str, str]]  # drawn edges: subject, object, label
    speeches: dict[str, FilterValues]
    speech_members: list[tuple[str, str]]  # (speech, a node that belongs to it)
    overview_groups: dict[str, tuple[list[str], list[str], list[str]]]  # speech -> voices, sectors, regions
    out: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (subject, predicate) -> objects
    details: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (subject, predicate) -> literals
    warnings: dict[str, list[str]] = field(default_factory=dict)  # speech -> what to check (zh labels)


def read_graph(store: GraphStore) -> GraphFacts:
    types: dict[str, str] = {}
    labels: dict[str, str] = {}
    for row in store.query(NODES):
        iri, label = row["x"].value, row["label"]
        if iri not in labels or label.language == "zh":
            types[iri], labels[iri] = row["kind"].value, label.value
    titled: set[str] = set()
    for iri, label, has_title in speech_labels(store):
        types[iri], labels[iri] = "speech", label
        if has_title:
            titled.add(iri)
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in store.query(LINKS):
        out[(row["s"].value, row["p"].value)].append(row["o"].value)
    for objects in out.values():
        objects.sort()
    details: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in store.query(DETAILS):
        details[(row["x"].value, row["p"].value)].append(row["v"].value)
    for values in details.values():
        values.sort()
    warnings: dict[str, list[str]] = defaultdict(list)
    for row in store.query(WARNINGS):
        warnings[row["x"].value].append(row["label"].value)
    for found in warnings.values():
        found.sort()

    links = [(s, o, EDGE_LABELS[p]) for (s, p), objects in sorted(out.items()) if p != PARTY for o in objects]
    speech_ids = sorted(iri for iri, kind in types.items() if kind == "speech")
    speeches, members, groups = {}, [], {}
    for speech in speech_ids:
        linked = {p: out.get((speech, p), []) for p in (*EDGE_LABELS, PARTY)}
        speeches[speech], groups[speech] = speech_facts(linked, labels, out)
        members += [(speech, o) for objects in linked.values() for o in objects]
        members += [(speech, region) for region in with_ancestors(out, groups[speech][2])]
    owners = {o: s for (s, p), objects in out.items() if p in (f"{KG}hasIssue", f"{KG}hasSuggestion")
              for o in objects}
    tooltips = Tooltips(store, types, labels, out, details, owners, titled, warnings)
    return GraphFacts(types, labels, tooltips, links, speeches, members, groups, out, details, warnings)


def speech_labels(store: GraphStore) -> list[tuple[str, str, bool]]:
    """(speech, label, has a title): the title, else "<speaker>发言", else "<unit>发言", else "发言"."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"title": set(), "speaker": set(), "unit": set()})
    for row in store.query(SPEECHES):
        values = found[row["x"].value]
        for key in ("title", "speaker", "unit"):
            if row[key] is not None:
                values[key].add(row[key].value)
    labelled = []
    for iri, values in sorted(found.items()):
        if values["title"]:
            labelled.append((iri, min(values["title"]), True))
        else:
            who = "、".join(sorted(values["speaker"])) or "、".join(sorted(values["unit"]))
            labelled.append((iri, f"{who}{UNTITLED_SUFFIX}", False))
    return labelled


def speech_facts(linked: Mapping[str, list[str]], labels: dict[str, str], out: dict[tuple[str, str], list[str]]
                 ) -> tuple[FilterValues, tuple[list[str], list[str], list[str]]]:
    """A speech's filter values, and its voices, sectors and regions for the overview, from what it
    links to (``linked``: predicate -> objects, sorted)."""
    regions = linked[SPATIAL] + linked[REGION_LINK]
    values = FilterValues(
        party=labels_of(labels, linked[PARTY]),
        sector=labels_of(labels, linked[SUBJECT]),
        region=labels_of(labels, with_ancestors(out, regions)),
        meeting=labels_of(labels, linked[MEETING]),
    )
    # a speech with no party speaks for its unit; one with no unit either (a role only) for its speakers
    voices = linked[PARTY] or linked[ON_BEHALF_OF] or linked[SPEAKER]
    return values, (voices, linked[SUBJECT], regions)


def labels_of(labels: dict[str, str], iris: list[str]) -> list[str]:
    return [labels[i] for i in iris if i in labels]


def with_ancestors(out: dict[tuple[str, str], list[str]], regions: list[str]) -> list[str]:
    """The regions and every region above them (a speech about 平遥县 is about 晋中市 too)."""
    seen: list[str] = []
    todo = list(regions)
    while todo:
        region = todo.pop(0)
        if region not in seen:
            seen.append(region)
            todo += out.get((region, PARENT), [])
    return seen


def _first_sentences(text: str, count: int = 2) -> str:
    summary = "".join([s for s in SENTENCE_END.split(text.strip()) if s][:count])
    return summary if len(summary) <= SPEECH_SUMMARY_CHARS else summary[:SPEECH_SUMMARY_CHARS] + "…"


class Tooltips(Mapping[str, str]):
    """The plain text shown when the pointer rests on a node: enough to trace it back to the speech.

    Each is made when first asked for, and the sentences problems and suggestions were read from
    are queried then too: the overview of a large graph shows a few dozen of its nodes."""

    def __init__(self, store: GraphStore, types: dict[str, str], labels: dict[str, str],
                 out: dict[tuple[str, str], list[str]], details: dict[tuple[str, str], list[str]],
                 owners: dict[str, str], titled: set[str], warnings: dict[str, list[str]]) -> None:
        self.store, self.types, self.labels, self.out, self.details = store, types, labels, out, details
        self.owners, self.titled, self.warnings = owners, titled, warnings  # owners: item -> its speech
        self.made: dict[str, str] = {}

    def __getitem__(self, iri: str) -> str:
        if iri not in self.made:
            self.made[iri] = self.text(iri, self.types[iri])
        return self.made[iri]

    def __iter__(self) -> Iterator[str]:
        return iter(self.types)

    def __len__(self) -> int:
        return len(self.types)

    @cached_property
    def sentences(self) -> dict[str, str]:
        return {row["x"].value: row["sentence"].value for row in self.store.query(SENTENCES)}

    def speech_name(self, speech: str) -> str:
        return f"《{self.labels[speech]}》" if speech in self.titled else self.labels[speech]

    def detail(self, iri: str, p: str) -> str:
        return "、".join(self.details.get((iri, p), []))

    def linked(self, iri: str, p: str) -> str:
        return "、".join(labels_of(self.labels, self.out.get((iri, p), [])))

    def text(self, iri: str, kind: str) -> str:
        label = self.labels[iri]
        skos, org = PREFIXES["skos"], PREFIXES["org"]
        if kind == "speech":
            checks = self.warnings.get(iri, [])
            lines = [f"《{label}》" if iri in self.titled else f"{label}（无标题）", self.detail(iri, f"{KG}byline"),
                     self.linked(iri, f"{KG}meeting"), _first_sentences(self.detail(iri, f"{KG}text")),
                     f"待核对：{'；'.join(checks)}" if checks else ""]
        elif kind in ("issue", "suggestion"):
            speech = self.owners.get(iri)
            heading = "问题" if kind == "issue" else "建议"
            lines = [f"{heading}：{label}", f"原文：{self.sentences.get(iri, '')}",
                     f"出自：{self.speech_name(speech)}" if speech else ""]
        elif kind == "region":
            members = self.linked(iri, f"{KG}hasMember")
            lines = [label, f"行政区划代码：{self.detail(iri, f'{KG}adminCode') or '无（非行政区划）'}",
                     f"上级：{self.linked(iri, PARENT) or '无'}",
                     f"组成：{members}" if members else ""]
        elif kind == "party":
            lines = [label, self.detail(iri, f"{skos}altLabel"), self.detail(iri, PREFIXES["rdfs"] + "label")]
        elif kind == "organization":
            lines = [label, f"隶属：{self.linked(iri, org + 'subOrganizationOf') or '无'}"]
        elif kind == "person":
            lines = [label, f"所属单位：{self.linked(iri, org + 'memberOf') or '未注明'}"]
        elif kind == "sector":
            other_names = [v for v in self.details.get((iri, f"{skos}prefLabel"), []) if v != label]
            lines = [label, " / ".join(other_names), self.detail(iri, f"{skos}notation")]
        else:  # meeting
            lines = [label, self.detail(iri, PREFIXES["dcterms"] + "date")]
        return "\n".join(line for line in lines if line)
