"""A class diagram of the ontology, generated from ontology/kg.ttl (Mermaid, shown by GitHub and
most Markdown viewers), so that the picture in the README cannot drift from the ontology."""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.namespace import PREFIXES, compact_iri
from kg.ontology import load_ontology


def _name(iri: URIRef) -> str:
    return compact_iri(str(iri)).replace(":", "_")


def mermaid_class_diagram(ontology: Graph | None = None) -> str:
    """classDiagram: our classes with their datatype properties; object properties as arrows."""
    g = ontology if ontology is not None else load_ontology("kg.ttl")
    ours = PREFIXES["kg"]
    lines = ["classDiagram", "    direction LR"]
    classes = sorted(c for c in g.subjects(RDF.type, OWL.Class) if str(c).startswith(ours))
    for cls in classes:
        attrs = sorted(compact_iri(str(p)) for p in g.subjects(RDFS.domain, cls)
                       if (p, RDF.type, OWL.DatatypeProperty) in g)
        lines.append(f"    class {_name(cls)} {{" if attrs else f"    class {_name(cls)}")
        if attrs:
            lines += [f"        {a.replace(':', '_')}" for a in attrs] + ["    }"]
        for parent in sorted(g.objects(cls, RDFS.subClassOf)):
            if isinstance(parent, URIRef):
                lines.append(f"    {_name(parent)} <|-- {_name(cls)}")
    for prop in sorted(g.subjects(RDF.type, OWL.ObjectProperty)):
        for domain in sorted(g.objects(prop, RDFS.domain)):
            for rng in sorted(g.objects(prop, RDFS.range)):
                if isinstance(domain, URIRef) and isinstance(rng, URIRef):
                    lines.append(f"    {_name(domain)} --> {_name(rng)} : {compact_iri(str(prop))}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # python -m kg.view.diagram > the README's diagram block
    print(mermaid_class_diagram(), end="")
