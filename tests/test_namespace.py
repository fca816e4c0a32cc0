"""The KG namespace, ontology/kg.ttl, shapes.ttl and the sector scheme agree with each other."""

from __future__ import annotations

import pytest
from fixtures_records import fixture_document
from rdflib import OWL, RDF, RDFS, URIRef
from rdflib.namespace import SKOS

from kg.graph import build_dataset
from kg.namespace import KG, KG_ONTOLOGY, KG_RESOURCE, PREFIXES, compact_iri
from kg.ontology import load_ontology, load_sector_scheme, ontology_path

# The sector ids of domain.md's table, in its order.
DOMAIN_SECTORS = [
    "culture-tourism", "industry", "energy", "education", "science-talent", "agriculture",
    "regional-coordination", "investment", "private-economy", "health", "ecology", "elderly-care",
    "infrastructure", "digital-economy", "urban-development", "governance", "finance",
]
DECLARATIONS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


def kg_terms_in(graph) -> set[URIRef]:
    return {t for t in graph.all_nodes() if isinstance(t, URIRef) and t.startswith(KG_ONTOLOGY)
            and len(t) > len(KG_ONTOLOGY)}


def test_namespace_and_ontology_declare_the_same_terms():
    ontology = load_ontology("kg.ttl")
    declared = {s for kind in DECLARATIONS for s in ontology.subjects(RDF.type, kind)
                if s.startswith(KG_ONTOLOGY)}
    in_code = {KG[name] for name in KG.__annotations__}
    assert in_code - declared == set(), "in kg/namespace.py but not declared in ontology/kg.ttl"
    assert declared - in_code == set(), "declared in ontology/kg.ttl but not in kg/namespace.py"
    assert kg_terms_in(ontology) == declared, "kg.ttl uses a kg: term it does not declare"


def test_a_misspelt_term_fails_at_once():
    with pytest.raises(AttributeError):
        _ = KG.spekaer


def test_every_term_has_zh_and_en_labels_and_a_comment():
    ontology = load_ontology("kg.ttl")
    for term in (KG[name] for name in KG.__annotations__):
        languages = sorted(label.language for label in ontology.objects(term, RDFS.label))
        assert languages == ["en", "zh"], term
        assert ontology.value(term, RDFS.comment), term


def test_the_shapes_use_only_declared_terms():
    assert kg_terms_in(load_ontology("shapes.ttl")) <= {KG[name] for name in KG.__annotations__}


def test_prefixes_are_kept_and_compact_iris_use_the_longest_namespace():
    assert PREFIXES["kg"] == KG_ONTOLOGY and PREFIXES["kgr"] == KG_RESOURCE
    assert compact_iri(str(KG.Speech)) == "kg:Speech"
    assert compact_iri(KG_RESOURCE + "speech/s0123") == "kgr:speech/s0123"
    assert compact_iri("http://example.org/x") == "http://example.org/x"


def test_the_ontology_files_are_found():
    for name in ("kg.ttl", "sectors.ttl", "shapes.ttl"):
        assert ontology_path(name).is_file()


def test_sector_scheme_has_exactly_the_domain_sectors_as_top_concepts():
    scheme = load_sector_scheme()
    scheme_iri = URIRef(KG_RESOURCE + "sector/scheme")
    assert (scheme_iri, RDF.type, SKOS.ConceptScheme) in scheme
    tops = set(scheme.objects(scheme_iri, SKOS.hasTopConcept))
    assert sorted(str(scheme.value(t, SKOS.notation)) for t in tops) == sorted(DOMAIN_SECTORS)
    assert all(str(t) == f"{KG_RESOURCE}sector/{scheme.value(t, SKOS.notation)}" for t in tops)
    notations = {str(n) for n in scheme.objects(None, SKOS.notation)}
    assert notations == set(DOMAIN_SECTORS), "only top concepts carry an id"
    for concept in scheme.subjects(RDF.type, SKOS.Concept):
        assert sorted(label.language for label in scheme.objects(concept, SKOS.prefLabel)) == ["en", "zh"]
        assert (concept, SKOS.inScheme, scheme_iri) in scheme


def test_narrower_concepts_hang_below_a_top_concept():
    scheme = load_sector_scheme()
    tops = set(scheme.objects(None, SKOS.hasTopConcept))
    narrower = set(scheme.subjects(SKOS.broader, None))
    labels = {str(label) for c in narrower for label in scheme.objects(c, SKOS.prefLabel)}
    for wanted in ("汽车", "焦化", "职业教育", "康养", "乡村旅游", "新能源", "集成电路"):
        assert wanted in labels
    for concept, parent in scheme.subject_objects(SKOS.broader):
        assert parent in tops, concept


def test_every_class_and_property_the_graph_uses_is_declared():
    ontology = load_ontology("kg.ttl")
    declared = {s for kind in DECLARATIONS for s in ontology.subjects(RDF.type, kind)}
    built_in = (PREFIXES["rdf"], PREFIXES["rdfs"])
    dataset = build_dataset([fixture_document()])
    used = {p for _, p, _, _ in dataset.quads((None, None, None, None))}
    used |= {o for _, p, o, _ in dataset.quads((None, RDF.type, None, None))}
    assert {term for term in used if not str(term).startswith(built_in)} - declared == set()
