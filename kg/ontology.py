"""Where the ontology files are: ontology/kg.ttl, sectors.ttl and shapes.ttl.

They live in the repo's ``ontology/``; ``kg/ontology`` links there, so the package finds them the
same way in the repo and in an installed wheel.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import rdflib

import kg
from kg.errors import KgError


def ontology_dir() -> Path:
    # kg/ontology links to the repo's ontology/, so that wheels carry the files too.
    return Path(kg.__file__).parent / "ontology"


def ontology_path(name: str) -> Path:
    """The path of one ontology file (``"kg.ttl"``, ``"sectors.ttl"``, ``"shapes.ttl"``)."""
    path = ontology_dir() / name
    if not path.is_file():
        raise KgError(f"{path}: ontology file missing (is the kg installation complete?)")
    return path


@cache
def _parsed(name: str) -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_path(name), format="turtle")


def load_ontology(name: str) -> rdflib.Graph:
    """A fresh copy of a parsed ontology file (parsed once per process)."""
    copy = rdflib.Graph()
    for triple in _parsed(name):
        copy.add(triple)
    return copy


def load_sector_scheme() -> rdflib.Graph:
    """The sector scheme (ontology/sectors.ttl) as an rdflib graph."""
    return load_ontology("sectors.ttl")


@cache
def sector_iris() -> frozenset[str]:
    """The IRIs of the sector scheme's top concepts: what a speech's sector must be. Parsed once
    per process and never copied (the graph stage asks for every sector of every document)."""
    from rdflib.namespace import SKOS

    from kg.namespace import KG_RESOURCE

    scheme = rdflib.URIRef(f"{KG_RESOURCE}sector/scheme")
    return frozenset(str(s) for s in _parsed("sectors.ttl").subjects(SKOS.topConceptOf, scheme))
