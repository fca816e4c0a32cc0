"""Check a graph against ontology/shapes.ttl with pySHACL and report violations readably.

The union of all named graphs is validated as one graph: a speech in a document graph points at
sector concepts whose descriptions live in the vocabulary graph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pyshacl
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, SKOS

from kg.export.formats import read_graph_file
from kg.namespace import KG, NIF, compact_iri
from kg.ontology import load_ontology
from kg.store import open_store

SH = Namespace("http://www.w3.org/ns/shacl#")
# What names a node for a reader, most telling first.
_LABEL_PROPERTIES = (RDFS.label, SKOS.prefLabel, DCTERMS.title, FOAF.name, RDF.value, NIF.anchorOf,
                     KG.byline)
_IRI_IN_MESSAGE = re.compile(r"<([^<>\s]+)>")
_LABEL_WIDTH = 30


@dataclass(frozen=True, order=True)
class Violation:
    focus: str  # compact IRI of the node that breaks a shape
    path: str  # the property, compacted; ^p for an inverse path
    message: str
    label: str = ""  # the node's label, if it has one
    severity: str = "Violation"


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: list[Violation]

    def text(self) -> str:
        if self.conforms:
            return "conforms: no violations"
        lines = [f"{len(self.violations)} violation(s):"]
        last_focus = None
        for v in self.violations:
            if v.focus != last_focus:
                lines.append(f"  {v.focus}" + (f" 「{v.label}」" if v.label else ""))
                last_focus = v.focus
            severity = "" if v.severity == "Violation" else f" ({v.severity})"
            lines.append(f"    {v.path}: {v.message}{severity}")
        return "\n".join(lines)


def validate_graph(data: Graph) -> ValidationReport:
    """Validate an rdflib graph (the union of a dataset's graphs) against the kg shapes."""
    conforms, results, _ = pyshacl.validate(data, shacl_graph=load_ontology("shapes.ttl"),
                                            inference="none", abort_on_first=False, allow_warnings=True)
    violations = sorted(_violation(results, data, result)
                        for result in results.subjects(RDF.type, SH.ValidationResult))
    return ValidationReport(bool(conforms), violations)


def validate_quads(quads: Iterable[ox.Quad]) -> ValidationReport:
    data = Graph()
    for quad in quads:
        data.add((_to_rdflib(quad.subject), _to_rdflib(quad.predicate), _to_rdflib(quad.object)))
    return validate_graph(data)


def validate_file(path: str | Path) -> ValidationReport:
    """Validate a graph file in any format the store reads (.ttl, .trig, .nt, .nq, .jsonld)."""
    return validate_quads(read_graph_file(path))


def validate_target(target: str | Path | None) -> ValidationReport:
    """Validate a graph file as written, or a store (a store or output folder; None: outputs/)."""
    if target is not None and Path(target).is_file():
        return validate_file(target)
    return validate_quads(open_store(target).quads())


def _to_rdflib(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):
        # RDF 1.1 makes "x" and "x"^^xsd:string one term; rdflib (and so pySHACL's sh:in) does not.
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _violation(results: Graph, data: Graph, result) -> Violation:
    focus = results.value(result, SH.focusNode)
    message = str(results.value(result, SH.resultMessage) or "")
    severity = results.value(result, SH.resultSeverity)
    return Violation(
        focus=compact_iri(str(focus)),
        path=_path_text(results, results.value(result, SH.resultPath)),
        message=_IRI_IN_MESSAGE.sub(lambda m: compact_iri(m.group(1)), message),
        label=_label(data, focus),
        severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
    )


def _path_text(results: Graph, path) -> str:
    if path is None:
        return "(node)"
    if isinstance(path, BNode):
        inverse = results.value(path, SH.inversePath)
        return f"^{compact_iri(str(inverse))}" if inverse is not None else "(complex path)"
    return compact_iri(str(path))


def _label(data: Graph, node) -> str:
    for prop in _LABEL_PROPERTIES:
        value = data.value(node, prop)
        if value is not None:
            text = " ".join(str(value).split())
            return text if len(text) <= _LABEL_WIDTH else text[: _LABEL_WIDTH - 1] + "…"
    return ""
