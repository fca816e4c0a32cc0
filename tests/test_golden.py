"""Rebuilding gives byte-identical Turtle: the fixture's graph against a checked-in golden file.

After an intended change of the graph, regenerate the file and review its diff:
    KG_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pyoxigraph as ox
import rdflib
from fixtures_records import fixture_document

from kg.graph import build_dataset, to_quads
from kg.namespace import PREFIXES
from kg.store import serialize

GOLDEN = Path(__file__).parent / "data" / "golden" / "fixture.ttl"
# Pinned, so that a release (which changes the build activity's version) does not churn the file.
VERSION = "golden"


def fixture_turtle() -> bytes:
    return serialize(to_quads(build_dataset([fixture_document()], version=VERSION)), ox.RdfFormat.TURTLE,
                     PREFIXES)


def test_turtle_matches_the_golden_file():
    turtle = fixture_turtle()
    if os.environ.get("KG_UPDATE_GOLDEN"):
        GOLDEN.write_bytes(turtle)
    expected = GOLDEN.read_bytes()
    if turtle != expected:
        diff = difflib.unified_diff(expected.decode().splitlines(), turtle.decode().splitlines(),
                                    "golden", "rebuilt", lineterm="", n=1)
        shown = "\n".join(list(diff)[:40])
        raise AssertionError(f"Turtle differs from tests/data/golden/fixture.ttl:\n{shown}")


def test_rebuilding_is_byte_identical():
    assert fixture_turtle() == fixture_turtle()


def test_the_golden_file_reads_the_same_in_two_parsers():
    # pyoxigraph writes local names with an escaped slash (kgr:speech\/s…): rdflib, like Jena, reads it.
    triples = len(list(ox.parse(path=str(GOLDEN), format=ox.RdfFormat.TURTLE)))
    assert triples > 500
    assert len(rdflib.Graph().parse(GOLDEN, format="turtle")) == triples
