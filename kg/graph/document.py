"""One document's triples, split by where they belong: its own graph, or its statements about shared
entities (for ``kgr:graph/entities``). Statements about parties and sectors are the vocabulary's.
A triple's graph follows from its subject (``graph_for``); docs/model.md gives the layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, SKOS

from kg import graph_terms as terms
from kg.errors import KgError
from kg.gazetteer import Region, gazetteer, short_name
from kg.lexicon import Party
from kg.namespace import KG, KGR, NIF, OPENGOV, ORG
from kg.ontology import load_sector_scheme
from kg.records import Committee, DocumentRecord, Span, Speech, Value

# Subjects described in the entity graph, and those whose description is the vocabulary graph's.
_ENTITY_KINDS = tuple(str(KGR[kind]) for kind in ("person/", "org/", "committee/", "meeting/", "region/"))
_VOCAB_KINDS = tuple(str(KGR[kind]) for kind in ("party/", "sector/", "warning"))

@dataclass
class DocumentPart:
    """What the graph stage makes of one document."""

    key: str  # the document's hash: its graph is kgr:graph/d<key>
    graph: list[tuple]  # the triples of the document's own graph
    shared: list[tuple]  # its statements about shared entities (for kgr:graph/entities)



def document_part(doc: DocumentRecord) -> DocumentPart:
    return _DocumentGraph(doc, load_sector_scheme()).part()


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def graph_for(subject: URIRef) -> str:
    """Where a triple about ``subject`` belongs: "entities", "vocab" or "document"."""
    iri = str(subject)  # rdflib's URIRef.startswith takes no tuple
    if iri.startswith(_ENTITY_KINDS):
        return "entities"
    return "vocab" if iri.startswith(_VOCAB_KINDS) else "document"


class _DocumentGraph:
    """Collects one document's triples, each once, in the order first made: those of its own graph
    and those about shared entities. Statements about parties and sectors are the vocabulary's."""

    def __init__(self, doc: DocumentRecord, scheme: Graph) -> None:
        self.doc, self.scheme = doc, scheme
        self._triples: dict[tuple, None] = {}
        self._shared: dict[tuple, None] = {}
        self._labels: dict[URIRef, str] = {}  # region labels, for composite names
        self._done: set[URIRef] = set()  # shared nodes already described
        self.dhash = terms.doc_hash(doc)
        self.doc_iri = terms.doc_iri(self.dhash)
        self.scope = terms.scope_key(doc)
        self.codes = self._known_codes()
        committee = doc.meeting.committee if doc.meeting else None
        # Ambiguous place names (南山区) resolve inside the committee's own prefecture or province.
        self.home = gazetteer().by_code.get(committee.code) if committee and committee.code else None

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

    def add(self, s, p, o) -> None:
        where = graph_for(s)
        if where == "document":
            self._triples[(s, p, o)] = None
        elif where == "entities":
            self._shared[(s, p, o)] = None

    def part(self) -> DocumentPart:
        self.triples()
        return DocumentPart(self.dhash, list(self._triples), list(self._shared))

    def triples(self) -> None:
        doc, iri = self.doc, self.doc_iri
        self.add(iri, RDF.type, KG.Document)
        self.add(iri, RDF.type, NIF.Context)
        self.add(iri, KG.fileName, Literal(doc.source))
        self.add(iri, KG.sha256, Literal(doc.sha256))
        self.add(iri, NIF.isString, Literal(doc.text))
        if doc.headline:
            self.add(iri, DCTERMS.title, zh(doc.headline.value))
        meeting = self._meeting() if doc.meeting else None
        for speech in doc.speeches:
            self._speech(speech, meeting)

    # ------------------------------------------------------------ meeting and committee

    def _meeting(self) -> URIRef:
        meeting = self.doc.meeting
        iri = terms.meeting_iri(meeting)
        self.add(iri, RDF.type, KG.Meeting)
        self.add(iri, RDFS.label, zh(meeting.label))
        self.add(iri, KG.committee, self._committee(meeting.committee))
        if meeting.term is not None:
            self.add(iri, KG.term, Literal(meeting.term))
        if meeting.session is not None:
            self.add(iri, KG.session, Literal(meeting.session))
        self.add(iri, KG.level, Literal(meeting.committee.level))
        if meeting.committee.region:
            self.add(iri, DCTERMS.spatial, self._region(meeting.committee.region, meeting.committee.code))
        if meeting.year is not None:
            self.add(iri, DCTERMS.date, Literal(f"{meeting.year:04d}", datatype=XSD.gYear))
        return iri

    def _committee(self, committee: Committee) -> URIRef:
        iri = terms.committee_iri(committee)
        self.add(iri, RDF.type, KG.Committee)
        self.add(iri, RDFS.label, zh(f"{committee.region}政协" if committee.region else "全国政协"))
        self.add(iri, KG.level, Literal(committee.level))
        if committee.region:
            self.add(iri, DCTERMS.spatial, self._region(committee.region, committee.code))
        return iri

    # ------------------------------------------------------------ speech

    def _speech(self, speech: Speech, meeting: URIRef | None) -> None:
        shash = terms.speech_hash(self.doc, _speech_key(speech))
        iri = terms.speech_iri(shash)
        text = self.doc.text
        self.add(iri, RDF.type, KG.Speech)
        if speech.title:
            self.add(iri, DCTERMS.title, zh(speech.title.value))
        byline = speech.byline
        if byline.span.end > byline.span.start:
            self.add(iri, KG.byline, zh(byline.span.slice(text)))
        self.add(iri, KG.text, zh(speech.body.slice(text)))
        self.add(iri, KG.order, Literal(speech.index + 1))
        if meeting:
            self.add(iri, KG.meeting, meeting)
        self.add(iri, PROV.wasDerivedFrom, self.doc_iri)
        self.add(iri, KG.evidence, self._offsets(speech.span))
        if speech.title:
            self.add(iri, KG.titleEvidence, self._offsets(speech.title.span))
        self._byline(iri, shash, speech)
        self._topics(iri, shash, speech)
        for code in speech.warnings:
            self.add(iri, KG.warning, terms.warning_iri(code))
        for n, item in enumerate(speech.issues, 1):
            self._item(iri, terms.issue_iri(shash, n), KG.Issue, n, item)
            self.add(iri, KG.hasIssue, terms.issue_iri(shash, n))
        for n, item in enumerate(speech.suggestions, 1):
            self._item(iri, terms.suggestion_iri(shash, n), KG.Suggestion, n, item)
            self.add(iri, KG.hasSuggestion, terms.suggestion_iri(shash, n))

    def _byline(self, speech: URIRef, shash: str, record: Speech) -> None:
        byline = record.byline
        party = terms.party_named(byline.party) if byline.party else None
        if party:
            self.add(speech, KG.party, terms.party_iri(party.id))
        unit = self._unit(byline.organization, party) if byline.organization else None
        if unit:
            self.add(speech, OPENGOV.onBehalfOf, unit)
            self._mention(speech, shash, "organization", byline.organization.span, [unit])
        if byline.role:
            self.add(speech, KG.role, zh(byline.role.value))
        if byline.speaker:
            # 刘某、王某: two people delivered the speech together.
            people = [self._person(name, unit) for name in byline.speaker.value.split("、") if name.strip()]
            for person in people:
                self.add(speech, KG.speaker, person)
            self._mention(speech, shash, "speaker", byline.speaker.span, people)

    def _person(self, name: str, unit: URIRef | None) -> URIRef:
        iri = terms.person_iri(self.scope, name.strip())
        self.add(iri, RDF.type, FOAF.Person)
        self.add(iri, FOAF.name, zh(name.strip()))
        if unit:
            self.add(iri, ORG.memberOf, unit)
        return iri

    def _unit(self, organization: Value, party: Party | None) -> URIRef:
        iri = terms.org_iri(self.scope, organization.value)
        self.add(iri, RDF.type, ORG.Organization)
        self.add(iri, SKOS.prefLabel, zh(organization.value))
        if party:
            self.add(iri, ORG.subOrganizationOf, terms.party_iri(party.id))
        place = self._place_in(organization.value)
        if place:
            self.add(iri, DCTERMS.spatial, self._region(*place))
        return iri

    def _place_in(self, name: str) -> tuple[str, str] | None:
        """The longest official place name inside a unit name (民革晋中市委 → 晋中市)."""
        for length in range(len(name), 2, -1):
            for start in range(len(name) - length + 1):
                candidate = name[start : start + length]
                code = self._code_for(candidate)
                if code:
                    return candidate, code
        return None

    def _topics(self, speech: URIRef, shash: str, record: Speech) -> None:
        for n, sector_id in enumerate(record.sectors):
            sector = self._sector(sector_id)
            self.add(speech, DCTERMS.subject, sector)
            if n == 0:
                self.add(speech, KG.primarySector, sector)
        for name in record.regions:
            self.add(speech, DCTERMS.spatial, self._region(name))
        for pair in record.region_links:
            self.add(speech, KG.regionLink, self._composite([self._region(name) for name in pair]))
        for mention in record.region_mentions:
            region = self._region(mention.name, mention.code)
            self._mention(speech, shash, "region", mention.span, [region])
        for evidence in record.sector_evidence:
            self._mention(speech, shash, "sector", evidence.span, [self._sector(evidence.sector)])

    def _item(self, speech: URIRef, iri: URIRef, cls: URIRef, n: int, item) -> None:
        self.add(iri, RDF.type, cls)
        self.add(iri, RDF.value, zh(item.text))
        self.add(iri, KG.order, Literal(n))
        self.add(iri, DCTERMS.isPartOf, speech)
        self.add(iri, PROV.wasDerivedFrom, self.doc_iri)
        self.add(iri, KG.evidence, self._offsets(item.span, item.sentence))

    # ------------------------------------------------------------ evidence

    def _offsets(self, span: Span, sentence: Span | None = None) -> URIRef:
        iri = terms.offset_iri(self.dhash, span.start, span.end)
        self.add(iri, RDF.type, NIF.OffsetBasedString)
        self._anchor(iri, span)
        if sentence:
            self.add(iri, KG.sentence, zh(sentence.slice(self.doc.text)))
        return iri

    def _mention(self, speech: URIRef, shash: str, kind: str, span: Span, entities: list[URIRef]) -> None:
        iri = terms.mention_iri(shash, kind, span.start, span.end)
        self.add(iri, RDF.type, KG.Mention)
        self.add(iri, KG.mentionKind, Literal(kind))
        for entity in entities:
            self.add(iri, KG.refersTo, entity)
        self._anchor(iri, span)
        self.add(speech, KG.mention, iri)

    def _anchor(self, iri: URIRef, span: Span) -> None:
        # xsd:integer, not NIF's xsd:nonNegativeInteger: Oxigraph stores every integer type as
        # xsd:integer, and the graph files are written from the store (docs/store.md).
        self.add(iri, NIF.beginIndex, Literal(span.start))
        self.add(iri, NIF.endIndex, Literal(span.end))
        self.add(iri, NIF.anchorOf, Literal(span.slice(self.doc.text)))
        self.add(iri, NIF.referenceContext, self.doc_iri)

    # ------------------------------------------------------------ shared nodes

    def _sector(self, sector_id: str) -> URIRef:
        iri = terms.sector_iri(sector_id)
        if iri not in self._done:
            self._done.add(iri)
            if (iri, SKOS.topConceptOf, terms.SECTOR_SCHEME) not in self.scheme:
                raise KgError(f"{self.doc.source}: sector {sector_id!r} is not in the sector scheme")
        return iri

    def _code_for(self, name: str) -> str | None:
        if name in self.codes:
            return self.codes[name]
        region = gazetteer().resolve(name, self.home)
        return region.code if region else None

    def _region(self, name: str, code: str | None = None) -> URIRef:
        code = code or self._code_for(name)
        iri = terms.region_iri(name, code)
        if iri in self._done:
            return iri
        self._done.add(iri)
        known: Region | None = gazetteer().by_code.get(code) if code else None
        # A coded region is labelled by the gazetteer, whatever name a document used for it, so
        # that the entity graph gives it one label.
        label = known.name if known else name
        self._labels[iri] = label
        self.add(iri, RDF.type, KG.Region)
        self.add(iri, RDFS.label, zh(label))
        if code is None:
            self.add(iri, RDF.type, KG.NamedArea)
            return iri
        self.add(iri, KG.adminCode, Literal(code))
        self.add(iri, KG.adminLevel, Literal(known.level if known else terms.admin_level(code)))
        parent = gazetteer().parent(known) if known else None
        if parent:
            self.add(iri, KG.parentRegion, self._region(parent.name, parent.code))
        return iri

    def _composite(self, members: list[URIRef]) -> URIRef:
        iri = terms.composite_iri(members)
        labels = [short_name(self._labels[m]) for m in sorted(members)]
        self.add(iri, RDF.type, KG.CompositeRegion)
        self.add(iri, RDF.type, KG.Region)
        self.add(iri, RDFS.label, zh("-".join(labels)))
        for member in members:
            self.add(iri, KG.hasMember, member)
        return iri


def _speech_key(speech: Speech) -> str:
    """What names a speech within its meeting: its title, or for an untitled speech of a news report
    its position and who gave it (two untitled speeches of one person stay apart)."""
    if speech.title:
        return speech.title.value
    who = speech.byline.speaker or speech.byline.organization
    return f"#{speech.index + 1}|{who.value if who else ''}"
