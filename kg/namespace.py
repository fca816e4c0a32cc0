"""Namespaces of the graph (docs/model.md). Our ontology's terms live in ontology/kg.ttl."""

from __future__ import annotations

KG_ONTOLOGY = "https://w3id.org/zxkg/ontology#"
KG_RESOURCE = "https://w3id.org/zxkg/id/"

PREFIXES: dict[str, str] = {
    "kg": KG_ONTOLOGY,
    "kgr": KG_RESOURCE,
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "opengov": "http://www.w3.org/ns/opengov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
