"""build_dataset on the hand-built fixture follows docs/model.md; IRIs are deterministic and safe."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from datetime import UTC, datetime

import pyoxigraph as ox
import pytest
from fixtures_records import TEXT, fixture_document
from rdflib import BNode, URIRef
from rdflib.namespace import PROV

from kg.errors import KgError
from kg.graph import build_dataset, prov_activity, prov_times, to_quads
from kg.graph.terms import key_hash
from kg.namespace import KG_RESOURCE, PREFIXES
from kg.records import Committee, Meeting
from kg.store import GraphStore, serialize

# kgr:{kind}/{local name}, the local name as docs/model.md allows it.
RESOURCE_IRI = re.compile(re.escape(KG_RESOURCE) + r"([a-z]+/[A-Za-z][A-Za-z0-9_-]*|warnings)")
DHASH = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()[:16]


@pytest.fixture(scope="module")
def quads() -> list[ox.Quad]:
    return to_quads(build_dataset([fixture_document()]))


@pytest.fixture(scope="module")
def store(quads) -> GraphStore:
    return GraphStore.from_quads(quads)


def rows(store: GraphStore, sparql: str) -> list[tuple[str, ...]]:
    """Distinct solutions: the union of the named graphs repeats shared nodes once per graph."""
    return sorted({tuple(str(term.value) for term in solution) for solution in store.query(sparql)})


def test_fixture_spans_slice_the_text():
    doc = fixture_document()
    for speech in doc.speeches:
        for value in (speech.title, speech.byline.speaker, speech.byline.organization, speech.byline.role):
            if value:
                assert value.span.slice(TEXT) == value.surface
        for item in speech.issues + speech.suggestions:
            assert item.span.slice(TEXT) == item.text
            assert item.span.start >= item.sentence.start and item.span.end <= item.sentence.end
        for mention in speech.region_mentions:
            assert mention.span.slice(TEXT) == mention.surface


def test_one_named_graph_per_document_plus_vocab_and_build(quads):
    graphs = {q.graph_name.value for q in quads}
    assert graphs == {f"{KG_RESOURCE}graph/{name}" for name in (f"d{DHASH}", "entities", "vocab", "build")}


def test_no_blank_nodes_and_every_resource_iri_is_safe(quads):
    dataset = build_dataset([fixture_document()])
    assert not any(isinstance(term, BNode) for quad in dataset.quads((None, None, None, None))
                   for term in quad)
    iris = {t.value for q in quads for t in (q.subject, q.object, q.graph_name)
            if isinstance(t, ox.NamedNode)}
    ours = {iri for iri in iris if iri.startswith(KG_RESOURCE)}
    assert ours and all(RESOURCE_IRI.fullmatch(iri) for iri in ours), sorted(i for i in ours
                                                                             if not RESOURCE_IRI.fullmatch(i))
    # "46%" is in the text: it must reach the graph only as a literal
    turtle = serialize(quads, ox.RdfFormat.TURTLE, PREFIXES)
    assert len(list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))) == len({q.triple for q in quads})


def test_document_and_meeting(store):
    assert rows(store, """SELECT ?name ?sha ?title WHERE {
        ?d a kg:Document, nif:Context ; kg:fileName ?name ; kg:sha256 ?sha ; dcterms:title ?title ;
           nif:isString ?text }""") == [("fixture-digest.txt", hashlib.sha256(TEXT.encode()).hexdigest(),
                                         "着力推动高质量发展 不断深化全方位转型")]
    assert rows(store, """SELECT ?label ?term ?session ?year ?committee ?place WHERE {
        ?m a kg:Meeting ; rdfs:label ?label ; kg:term ?term ; kg:session ?session ; dcterms:date ?year ;
           kg:level "prefecture" ; kg:committee [ rdfs:label ?committee ; dcterms:spatial ?r ] ;
           dcterms:spatial ?r . ?r rdfs:label ?place }""") == [
        ("政协第五届晋中市委员会第三次会议", "5", "3", "2024", "晋中市政协", "晋中市")]


def test_party_speech_links_unit_party_and_speaker(store):
    assert rows(store, """SELECT ?order ?unit ?party ?speaker ?place WHERE {
        ?s a kg:Speech ; kg:order ?order ; kg:party ?p ; opengov:onBehalfOf ?o ; kg:speaker ?person .
        ?o a org:Organization ; skos:prefLabel ?unit ; org:subOrganizationOf ?p ; dcterms:spatial ?r .
        ?r rdfs:label ?place . ?p a kg:Party ; skos:prefLabel ?party .
        ?person foaf:name ?speaker ; org:memberOf ?o }""") == [
        ("1", "民革晋中市委", "民革", "安运涛", "晋中市")]
    assert rows(store, "SELECT ?p WHERE { ?s kg:party ?p }") == [(f"{KG_RESOURCE}party/rcck",)]


def test_member_speech_has_a_role_no_unit_and_a_composite_region(store):
    assert rows(store, """SELECT ?role ?speaker WHERE { ?s kg:role ?role ; kg:speaker/foaf:name ?speaker
        FILTER NOT EXISTS { ?s opengov:onBehalfOf ?o } }""") == [("市政协委员", "田文杰")]
    assert rows(store, """SELECT ?label ?member WHERE { ?s kg:regionLink ?c .
        ?c a kg:CompositeRegion, kg:Region ; rdfs:label ?label ; kg:hasMember/kg:adminCode ?member }""") == [
        ("太原-晋中", "140100"), ("太原-晋中", "140700")]
    assert rows(store, """SELECT ?area WHERE { ?s kg:order 2 ; dcterms:spatial ?a .
        ?a a kg:NamedArea, kg:Region ; rdfs:label ?area FILTER NOT EXISTS { ?a kg:adminCode ?c } }""") == [
        ("山西中部城市群",)]


def test_sectors_primary_first_and_regions_walk_up(store):
    assert rows(store, """SELECT ?id WHERE { ?s kg:order 2 ; kg:primarySector/skos:notation ?id }""") == [
        ("regional-coordination",)]
    assert rows(store, "SELECT (COUNT(?x) AS ?n) WHERE { ?s kg:order 2 ; dcterms:subject ?x }") == [("2",)]
    assert rows(store, """SELECT ?up ?level WHERE { ?r rdfs:label "晋中市"@zh ; kg:parentRegion+ ?p .
        ?p rdfs:label ?up ; kg:adminLevel ?level }""") == [("山西省", "province")]


def test_issues_and_suggestions_keep_order_speech_and_evidence(store):
    sentence = "但在企业自主研发、科技创新等方面还需加强。"
    assert rows(store, """SELECT ?n ?text ?anchor ?begin ?end ?sentence WHERE {
        ?s kg:order 1 ; kg:hasIssue ?i . ?i a kg:Issue ; rdf:value ?text ; kg:order ?n ; dcterms:isPartOf ?s ;
        prov:wasDerivedFrom ?doc ; kg:evidence ?e . ?e nif:anchorOf ?anchor ; nif:beginIndex ?begin ;
        nif:endIndex ?end ; kg:sentence ?sentence ; nif:referenceContext ?doc }""") == [
        (str(n), text, text, str(TEXT.index(text)), str(TEXT.index(text) + len(text)), sentence)
        for n, text in ((1, "企业自主研发"), (2, "科技创新"))]
    assert rows(store, """SELECT ?s (COUNT(DISTINCT ?x) AS ?n) WHERE { ?s kg:hasSuggestion ?x .
        ?x dcterms:isPartOf ?s } GROUP BY ?s""")[0][1] == "2"


def test_offsets_are_typed_and_slice_the_document(quads):
    def values(local: str) -> dict:
        return {q.subject.value: q.object for q in quads if q.predicate.value == PREFIXES["nif"] + local}

    begin, end = values("beginIndex"), values("endIndex")
    anchors = {node: literal.value for node, literal in values("anchorOf").items()}
    assert begin and set(begin) == set(anchors)
    for node, anchor in anchors.items():
        assert begin[node].datatype.value == PREFIXES["xsd"] + "integer"  # what Oxigraph stores
        assert TEXT[int(begin[node].value) : int(end[node].value)] == anchor


def test_mentions_point_at_their_entities(store):
    assert rows(store, """SELECT ?kind ?anchor WHERE { ?s kg:order 2 ; kg:mention ?m .
        ?m a kg:Mention ; kg:mentionKind ?kind ; nif:anchorOf ?anchor ; kg:refersTo ?e }""") == sorted([
        ("region", "太原"), ("region", "晋中"), ("region", "山西中部城市群"), ("sector", "一体化"),
        ("sector", "基础设施"), ("speaker", "田文杰")])


def test_every_triple_is_in_exactly_one_graph(quads):
    graphs_of: dict = {}
    for q in quads:
        graphs_of.setdefault(q.triple, []).append(q.graph_name.value)
    assert all(len(g) == 1 for g in graphs_of.values()), [t for t, g in graphs_of.items() if len(g) > 1][:3]


def test_shared_entities_are_described_in_the_entity_graph_only(store):
    doc_graph, entities = f"<{KG_RESOURCE}graph/d{DHASH}>", f"<{KG_RESOURCE}graph/entities>"
    described = "SELECT DISTINCT ?kind WHERE {{ GRAPH {g} {{ ?x a ?kind }} }}"
    assert {r[0].rsplit("/", 1)[-1].rsplit("#", 1)[-1] for r in rows(store, described.format(g=doc_graph))} == {
        "Document", "Context", "Speech", "Issue", "Suggestion", "Mention", "OffsetBasedString"}
    assert {r[0].rsplit("/", 1)[-1].rsplit("#", 1)[-1] for r in rows(store, described.format(g=entities))} == {
        "Person", "Organization", "Committee", "Meeting", "Region", "NamedArea", "CompositeRegion"}
    # the document's graph links to parties and sectors; their descriptions are the vocabulary's
    assert rows(store, f"SELECT ?p WHERE {{ GRAPH {doc_graph} {{ ?p a kg:Party }} }}") == []
    vocab = f"<{KG_RESOURCE}graph/vocab>"
    assert len(rows(store, f"SELECT ?p WHERE {{ GRAPH {vocab} {{ ?p a kg:Party }} }}")) == 18
    assert rows(store, "SELECT (COUNT(*) AS ?n) WHERE { ?p a kg:Party ; skos:prefLabel \"民革\"@zh }") == [("1",)]


def test_shared_statements_of_two_documents_are_stated_once():
    doc = fixture_document()  # the next session of the same committee: the same people and units
    other = dataclasses.replace(doc, text=TEXT + "（完）", sha256="0" * 64,
                                meeting=dataclasses.replace(doc.meeting, session=4))
    quads = to_quads(build_dataset([doc, other]))
    assert len(quads) == len({q.triple for q in quads})
    person = [q for q in quads if "/id/person/" in q.subject.value and q.predicate.value.endswith("name")]
    assert len(person) == 2 and {q.graph_name.value for q in person} == {f"{KG_RESOURCE}graph/entities"}


def test_warnings_link_speeches_to_concepts_of_the_warning_scheme():
    doc = fixture_document()
    doc.speeches[0].warnings = ["weak-sector", "unit-completed"]
    store = GraphStore.from_quads(to_quads(build_dataset([doc])))
    assert rows(store, """SELECT ?code ?en WHERE { ?s kg:order 1 ; kg:warning ?w .
        ?w skos:inScheme kgr:warnings ; skos:notation ?code ; skos:prefLabel ?en FILTER(lang(?en) = "en") }""") == [
        ("unit-completed", "a unit completed against the committee"),
        ("weak-sector", "a sector chosen on weak evidence")]
    doc.speeches[0].warnings = ["no-such-code"]
    with pytest.raises(KgError, match="no-such-code"):
        build_dataset([doc])


def test_identity_keys_people_by_committee_and_speeches_by_meeting():
    doc = fixture_document()
    other_text = dataclasses.replace(doc, text=TEXT + "（完）", sha256="0" * 64)
    taiyuan = Committee("prefecture", "太原市", "140100", "140000")
    elsewhere = dataclasses.replace(doc, meeting=Meeting("政协第十届太原市委员会第三次会议", taiyuan, 10, 3,
                                                         doc.meeting.span))

    def iris(d, kind):
        return {q.subject.value for q in to_quads(build_dataset([d])) if f"/id/{kind}/" in q.subject.value}

    assert iris(doc, "person") == iris(other_text, "person")
    assert iris(doc, "speech") == iris(other_text, "speech")
    assert iris(doc, "person").isdisjoint(iris(elsewhere, "person"))
    assert iris(doc, "meeting") == {f"{KG_RESOURCE}meeting/m{key_hash('prefecture|晋中市|5|3')}"}


def test_the_same_text_twice_is_one_document():
    once = to_quads(build_dataset([fixture_document()]))
    twice = to_quads(build_dataset([fixture_document(), fixture_document()]))
    assert set(once) == set(twice)


def test_build_provenance_is_deterministic_and_its_times_stay_out_of_the_graph(quads):
    activity = f"{KG_RESOURCE}build/b{key_hash('|'.join(['0.1.0', DHASH]))}"
    triples = prov_activity([fixture_document()], "0.1.0")
    assert (URIRef(activity), PROV.used, URIRef(f"{KG_RESOURCE}doc/d{DHASH}")) in triples
    assert not any(q.predicate.value.endswith(("startedAtTime", "endedAtTime")) for q in quads)
    started = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    times = prov_times([fixture_document()], started, datetime(2026, 1, 2, 3, 4, 9, tzinfo=UTC), "0.1.0")
    assert times.value(URIRef(activity), PROV.startedAtTime).toPython() == started
    assert len(times) == len(triples) + 2, "the activity as in the graph, plus its two times"
    assert all(triple in times for triple in triples)


def test_unknown_sector_or_party_is_a_clear_error():
    doc = fixture_document()
    doc.speeches[0].sectors = ["space-travel"]
    with pytest.raises(KgError, match="space-travel"):
        build_dataset([doc])
    doc = fixture_document()
    doc.speeches[0].byline.party = "火星党"
    with pytest.raises(KgError, match="火星党"):
        build_dataset([doc])


def test_fast_path_gives_the_same_quads_as_the_dataset() -> None:
    from kg.graph import build_quads

    docs = [fixture_document()]
    assert set(build_quads(docs)) == set(to_quads(build_dataset(docs)))
