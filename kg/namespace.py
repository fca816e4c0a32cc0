"""Namespaces of the graph (docs/model.md). Our ontology's terms live in ontology/kg.ttl.

``KG`` is the ontology as a closed namespace: a misspelt term (``KG.spekaer``) fails at import
time instead of writing a triple nobody queries. tests/test_namespace.py keeps it equal to
ontology/kg.ttl. ``KGR`` mints resource IRIs (see kg/graph/terms.py for the keys).

The rdflib namespaces are made on first use (``__getattr__``): ``PREFIXES`` alone, all that a
query needs, does not import rdflib, which would cost a third of `kg query`'s start-up.
"""

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

def compact_iri(iri: str) -> str:
    """``kg:Speech`` for an IRI in one of PREFIXES (the longest namespace wins), else the IRI."""
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return iri
    prefix = next(name for name, ns in PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


def _namespaces() -> dict:
    from rdflib import Namespace, URIRef
    from rdflib.namespace import DefinedNamespace

    class KG(DefinedNamespace):
        """The terms of ontology/kg.ttl."""

        _NS = Namespace(KG_ONTOLOGY)
        _fail = True

        # classes
        Document: URIRef
        Meeting: URIRef
        Committee: URIRef
        Speech: URIRef
        Issue: URIRef
        Suggestion: URIRef
        Party: URIRef
        Region: URIRef
        NamedArea: URIRef
        CompositeRegion: URIRef
        Mention: URIRef

        # object properties
        committee: URIRef
        meeting: URIRef
        speaker: URIRef
        party: URIRef
        primarySector: URIRef
        regionLink: URIRef
        hasIssue: URIRef
        hasSuggestion: URIRef
        evidence: URIRef
        titleEvidence: URIRef
        mention: URIRef
        refersTo: URIRef
        parentRegion: URIRef
        hasMember: URIRef
        warning: URIRef

        # datatype properties
        fileName: URIRef
        sha256: URIRef
        term: URIRef
        session: URIRef
        level: URIRef
        byline: URIRef
        text: URIRef
        order: URIRef
        role: URIRef
        sentence: URIRef
        mentionKind: URIRef
        adminCode: URIRef
        adminLevel: URIRef
        version: URIRef
        sourcePath: URIRef
        fileSha256: URIRef

    return {"KG": KG, "KGR": Namespace(KG_RESOURCE), "ORG": Namespace(PREFIXES["org"]),
            "NIF": Namespace(PREFIXES["nif"]), "OPENGOV": Namespace(PREFIXES["opengov"])}


def __getattr__(name: str):
    if name in ("KG", "KGR", "ORG", "NIF", "OPENGOV"):
        made = _namespaces()
        globals().update(made)
        return made[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
