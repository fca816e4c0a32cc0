"""One document's triples, split by where they belong: its own graph, or its statements about shared
entities (for ``kgr:graph/entities``). Statements about parties and sectors are the vocabulary's.
A triple's graph follows from its subject (``graph_for``); docs/model.md gives the layout.

The terms are N-Triples text (kg/graph/writer.py): the build writes a document's graph as lines
(``document_lines``) without making a term object; ``document_part`` reads them back as rdflib
terms for the library API.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDF, RDFS, XSD
from rdflib.namespace import DCTERMS, FOAF, PROV, SKOS

from kg.errors import KgError
from kg.gazetteer import Region, gazetteer, short_name
from kg.graph import terms
from kg.graph.writer import Names, integer, iri, lines, literal, rdflib_triples
from kg.lexicon import Party
from kg.namespace import KG, KG_RESOURCE, NIF, OPENGOV, ORG
from kg.ontology import sector_iris
from kg.records import Committee, DocumentRecord, Span, Speech, Value

# Subjects described in the entity graph, and those whose description is the vocabulary graph's.
_ENTITY_KINDS = tuple(f"{KG_RESOURCE}{kind}" for kind in ("person/", "org/", "committee/", "meeting/", "region/"))
_VOCAB_KINDS = tuple(f"{KG_RESOURCE}{kind}" for kind in ("party/", "sector/", "warning"))
_ENTITY_TERMS = tuple(f"<{kind}" for kind in _ENTITY_KINDS)
_VOCAB_TERMS = tuple(f"<{kind}" for kind in _VOCAB_KINDS)

_RDF, _RDFS, _DCTERMS, _FOAF, _PROV, _SKOS = map(Names, (RDF, RDFS, DCTERMS, FOAF, PROV, SKOS))
_KG, _NIF, _OPENGOV, _ORG = map(Names, (KG, NIF, OPENGOV, ORG))
_GYEAR = str(XSD.gYear)


@dataclass
class DocumentPart:
    """What the graph stage makes of one document, as rdflib terms."""

    key: str  # the document's hash: its graph is kgr:graph/d<key>
    graph: list[tuple]  # the triples of the document's own graph
    shared: list[tuple]  # its statements about shared entities (for kgr:graph/entities)


@dataclass
class DocumentLines:
    """What the graph stage makes of one document, as the build hands it to the store."""

    key: str  # the document's hash
    graph: bytes  # its own graph: N-Quads, each line in kgr:graph/d<key>
    shared: bytes  # its statements about shared entities: N-Triples


def document_part(doc: DocumentRecord) -> DocumentPart:
    made = _DocumentGraph(doc)
    return DocumentPart(made.dhash, rdflib_triples(lines(made.graph)), rdflib_triples(lines(made.shared)))


def document_lines(doc: DocumentRecord) -> DocumentLines:
    made = _DocumentGraph(doc)
    return DocumentLines(made.dhash, lines(made.graph, iri(terms.graph_iri(made.dhash))), lines(made.shared))


def zh(text: str) -> str:
    return literal(text, lang="zh")


def graph_for(subject: str) -> str:
    """Where a triple about ``subject`` (an IRI) belongs: "entities", "vocab" or "document"."""
    subject = str(subject)  # rdflib's URIRef.startswith takes no tuple
    if subject.startswith(_ENTITY_KINDS):
        return "entities"
    return "vocab" if subject.startswith(_VOCAB_KINDS) else "document"


class _DocumentGraph:
    """Collects one document's triples, each once, in the order first made: those of its own graph
    and those about shared entities. Statements about parties and sectors are the vocabulary's."""

    def __init__(self, doc: DocumentRecord) -> None:
        self.doc = doc
        self.graph: dict[tuple, None] = {}  # (s, p, o) terms of the document's own graph
        self.shared: dict[tuple, None] = {}  # … and of its statements about shared entities
        self._labels: dict[str, str] = {}  # region labels, for composite names
        self._done: set[str] = set()  # shared nodes already described
        self.dhash = terms.doc_hash(doc)
        self.doc_iri = iri(terms.doc_iri(self.dhash))
        self.scope = terms.scope_key(doc)
        self.codes = self._known_codes()
        committee = doc.meeting.committee if doc.meeting else None
        # Ambiguous place names (南山区) resolve inside the committee's own prefecture or province.
        self.home = gazetteer().by_code.get(committee.code) if committee and committee.code else None
        self.triples()

    def _known_codes(self) -> dict[str, str]:
        """Codes the extractor resolved in this document, which win over the gazetteer's guess."""
        codes: dict[str, str] = {}
        committee = self.doc.meeting.committee if self.doc.meeting else None
        if committee and committee.region and committee.code:
            codes[committee.region] = committee.code
        for speech in self.doc.speeches:
            for mention in speech.region_mentions:
                if mention.code:
                    codes.setdefault(mention.name, mention.code)
        return codes

    def add(self, s: str, p: str, o: str) -> None:
        if s.startswith(_ENTITY_TERMS):
            self.shared[(s, p, o)] = None
        elif not s.startswith(_VOCAB_TERMS):
            self.graph[(s, p, o)] = None

    def triples(self) -> None:
        doc, node = self.doc, self.doc_iri
        self.add(node, _RDF.type, _KG.Document)
        self.add(node, _RDF.type, _NIF.Context)
        self.add(node, _KG.fileName, literal(doc.source))
        self.add(node, _KG.sha256, literal(doc.sha256))
        self.add(node, _NIF.isString, literal(doc.text))
        if doc.headline:
            self.add(node, _DCTERMS.title, zh(doc.headline.value))
        meeting = self._meeting() if doc.meeting else None
        for speech in doc.speeches:
            self._speech(speech, meeting)

    # ------------------------------------------------------------ meeting and committee

    def _meeting(self) -> str:
        meeting = self.doc.meeting
        node = iri(terms.meeting_iri(meeting))
        self.add(node, _RDF.type, _KG.Meeting)
        self.add(node, _RDFS.label, zh(meeting.label))
        self.add(node, _KG.committee, self._committee(meeting.committee))
        if meeting.term is not None:
            self.add(node, _KG.term, integer(meeting.term))
        if meeting.session is not None:
            self.add(node, _KG.session, integer(meeting.session))
        self.add(node, _KG.level, literal(meeting.committee.level))
        if meeting.committee.region:
            self.add(node, _DCTERMS.spatial, self._region(meeting.committee.region, meeting.committee.code))
        if meeting.year is not None:
            self.add(node, _DCTERMS.date, literal(f"{meeting.year:04d}", datatype=_GYEAR))
        return node

    def _committee(self, committee: Committee) -> str:
        node = iri(terms.committee_iri(committee))
        self.add(node, _RDF.type, _KG.Committee)
        self.add(node, _RDFS.label, zh(f"{committee.region}政协" if committee.region else "全国政协"))
        self.add(node, _KG.level, literal(committee.level))
        if committee.region:
            self.add(node, _DCTERMS.spatial, self._region(committee.region, committee.code))
        return node

    # ------------------------------------------------------------ speech

    def _speech(self, speech: Speech, meeting: str | None) -> None:
        shash = terms.speech_hash(self.doc, _speech_key(speech))
        node = iri(terms.speech_iri(shash))
        text = self.doc.text
        self.add(node, _RDF.type, _KG.Speech)
        if speech.title:
            self.add(node, _DCTERMS.title, zh(speech.title.value))
        byline = speech.byline
        if byline.span.end > byline.span.start:
            self.add(node, _KG.byline, zh(byline.span.slice(text)))
        self.add(node, _KG.text, zh(speech.body.slice(text)))
        self.add(node, _KG.order, integer(speech.index + 1))
        if meeting:
            self.add(node, _KG.meeting, meeting)
        self.add(node, _PROV.wasDerivedFrom, self.doc_iri)
        self.add(node, _KG.evidence, self._offsets(speech.span))
        if speech.title:
            self.add(node, _KG.titleEvidence, self._offsets(speech.title.span))
        self._byline(node, shash, speech)
        self._topics(node, shash, speech)
        for code in speech.warnings:
            self.add(node, _KG.warning, iri(terms.warning_iri(code)))
        for n, item in enumerate(speech.issues, 1):
            self._item(node, iri(terms.issue_iri(shash, n)), _KG.Issue, n, item)
            self.add(node, _KG.hasIssue, iri(terms.issue_iri(shash, n)))
        for n, item in enumerate(speech.suggestions, 1):
            self._item(node, iri(terms.suggestion_iri(shash, n)), _KG.Suggestion, n, item)
            self.add(node, _KG.hasSuggestion, iri(terms.suggestion_iri(shash, n)))

    def _byline(self, speech: str, shash: str, record: Speech) -> None:
        byline = record.byline
        party = terms.party_named(byline.party) if byline.party else None
        if party:
            self.add(speech, _KG.party, iri(terms.party_iri(party.id)))
        unit = self._unit(byline.organization, party) if byline.organization else None
        if unit:
            self.add(speech, _OPENGOV.onBehalfOf, unit)
            self._mention(speech, shash, "organization", byline.organization.span, [unit])
        if byline.role:
            self.add(speech, _KG.role, zh(byline.role.value))
        if byline.speaker:
            # 刘某、王某: two people delivered the speech together.
            people = [self._person(name, unit) for name in byline.speaker.value.split("、") if name.strip()]
            for person in people:
                self.add(speech, _KG.speaker, person)
            self._mention(speech, shash, "speaker", byline.speaker.span, people)

    def _person(self, name: str, unit: str | None) -> str:
        node = iri(terms.person_iri(self.scope, name.strip()))
        self.add(node, _RDF.type, _FOAF.Person)
        self.add(node, _FOAF.name, zh(name.strip()))
        if unit:
            self.add(node, _ORG.memberOf, unit)
        return node

    def _unit(self, organization: Value, party: Party | None) -> str:
        node = iri(terms.org_iri(self.scope, organization.value))
        self.add(node, _RDF.type, _ORG.Organization)
        self.add(node, _SKOS.prefLabel, zh(organization.value))
        if party:
            self.add(node, _ORG.subOrganizationOf, iri(terms.party_iri(party.id)))
        place = self._place_in(organization.value)
        if place:
            self.add(node, _DCTERMS.spatial, self._region(*place))
        return node

    def _place_in(self, name: str) -> tuple[str, str] | None:
        """The longest official place name inside a unit name (民革晋中市委 → 晋中市)."""
        for length in range(len(name), 2, -1):
            for start in range(len(name) - length + 1):
                candidate = name[start : start + length]
                code = self._code_for(candidate)
                if code:
                    return candidate, code
        return None

    def _topics(self, speech: str, shash: str, record: Speech) -> None:
        for n, sector_id in enumerate(record.sectors):
            sector = self._sector(sector_id)
            self.add(speech, _DCTERMS.subject, sector)
            if n == 0:
                self.add(speech, _KG.primarySector, sector)
        for name in record.regions:
            self.add(speech, _DCTERMS.spatial, self._region(name))
        for pair in record.region_links:
            self.add(speech, _KG.regionLink, self._composite([self._region(name) for name in pair]))
        for mention in record.region_mentions:
            region = self._region(mention.name, mention.code)
            self._mention(speech, shash, "region", mention.span, [region])
        for evidence in record.sector_evidence:
            self._mention(speech, shash, "sector", evidence.span, [self._sector(evidence.sector)])

    def _item(self, speech: str, node: str, cls: str, n: int, item) -> None:
        self.add(node, _RDF.type, cls)
        self.add(node, _RDF.value, zh(item.text))
        self.add(node, _KG.order, integer(n))
        self.add(node, _DCTERMS.isPartOf, speech)
        self.add(node, _PROV.wasDerivedFrom, self.doc_iri)
        self.add(node, _KG.evidence, self._offsets(item.span, item.sentence))

    # ------------------------------------------------------------ evidence

    def _offsets(self, span: Span, sentence: Span | None = None) -> str:
        node = iri(terms.offset_iri(self.dhash, span.start, span.end))
        self.add(node, _RDF.type, _NIF.OffsetBasedString)
        self._anchor(node, span)
        if sentence:
            self.add(node, _KG.sentence, zh(sentence.slice(self.doc.text)))
        return node

    def _mention(self, speech: str, shash: str, kind: str, span: Span, entities: list[str]) -> None:
        node = iri(terms.mention_iri(shash, kind, span.start, span.end))
        self.add(node, _RDF.type, _KG.Mention)
        self.add(node, _KG.mentionKind, literal(kind))
        for entity in entities:
            self.add(node, _KG.refersTo, entity)
        self._anchor(node, span)
        self.add(speech, _KG.mention, node)

    def _anchor(self, node: str, span: Span) -> None:
        # xsd:integer, not NIF's xsd:nonNegativeInteger: Oxigraph stores every integer type as
        # xsd:integer, and the graph files are written from the store (docs/store.md).
        self.add(node, _NIF.beginIndex, integer(span.start))
        self.add(node, _NIF.endIndex, integer(span.end))
        self.add(node, _NIF.anchorOf, literal(span.slice(self.doc.text)))
        self.add(node, _NIF.referenceContext, self.doc_iri)

    # ------------------------------------------------------------ shared nodes

    def _sector(self, sector_id: str) -> str:
        sector = terms.sector_iri(sector_id)
        if sector not in sector_iris():
            raise KgError(f"{self.doc.source}: sector {sector_id!r} is not in the sector scheme")
        return iri(sector)

    def _code_for(self, name: str) -> str | None:
        if name in self.codes:
            return self.codes[name]
        region = gazetteer().resolve(name, self.home)
        return region.code if region else None

    def _region(self, name: str, code: str | None = None) -> str:
        code = code or self._code_for(name)
        node = iri(terms.region_iri(name, code))
        if node in self._done:
            return node
        self._done.add(node)
        known: Region | None = gazetteer().by_code.get(code) if code else None
        # A coded region is labelled by the gazetteer, whatever name a document used for it, so
        # that the entity graph gives it one label.
        label = known.name if known else name
        self._labels[node] = label
        self.add(node, _RDF.type, _KG.Region)
        self.add(node, _RDFS.label, zh(label))
        if code is None:
            self.add(node, _RDF.type, _KG.NamedArea)
            return node
        self.add(node, _KG.adminCode, literal(code))
        self.add(node, _KG.adminLevel, literal(known.level if known else terms.admin_level(code)))
        parent = gazetteer().parent(known) if known else None
        if parent:
            self.add(node, _KG.parentRegion, self._region(parent.name, parent.code))
        return node

    def _composite(self, members: list[str]) -> str:
        node = iri(terms.composite_iri([member[1:-1] for member in members]))  # the IRIs inside the terms
        labels = [short_name(self._labels[m]) for m in sorted(members, key=lambda member: member[1:-1])]
        self.add(node, _RDF.type, _KG.CompositeRegion)
        self.add(node, _RDF.type, _KG.Region)
        self.add(node, _RDFS.label, zh("-".join(labels)))
        for member in members:
            self.add(node, _KG.hasMember, member)
        return node


def _speech_key(speech: Speech) -> str:
    """What names a speech within its meeting: its title, or for an untitled speech of a news report
    its position and who gave it (two untitled speeches of one person stay apart)."""
    if speech.title:
        return speech.title.value
    who = speech.byline.speaker or speech.byline.organization
    return f"#{speech.index + 1}|{who.value if who else ''}"
