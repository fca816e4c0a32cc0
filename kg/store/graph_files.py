"""Turtle and TriG files of an on-disk store, graph by graph, so that a build writes them again by
copying what did not change, and so that the build's workers write the documents' parts.

A file is the prefixes, then each named graph's part in graph IRI order. A graph's Turtle part is
Oxigraph's writer's Turtle of that graph, without the prefixes; its TriG part is the same lines
indented by a tab inside ``<graph> { … }``, which is what Oxigraph's TriG writer writes for it
(tests/store/test_dumps.py), so one serialization per graph makes both files. Equal content gives
equal bytes however the store was filled:

- a document's graph (about a thousand triples) is written in the order of its triples' N-Triples
  text (``document_parts``): a worker of the build makes its parts from the triples it extracted,
  with no store at hand (an in-memory store has no canonical order, and a small on-disk one cost
  ~27 ms per document), and this module makes the same bytes from the store's quads;
- the shared graphs (entities, vocabulary, build), which can be large, are Oxigraph's dump of the
  on-disk store, in its key order, through a temporary file, never whole in memory.

With ``chunks`` (a folder of the generation), a document graph's parts are read from
``chunks/<key>.ttl`` and ``.trig`` when there (a build writes its workers' parts there; the next
build takes them over, kg.build.outputs), else made from the store and kept there.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.store.sources import is_document_graph, key_of_graph

TURTLE, TRIG = ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG
CHUNK_SUFFIXES = {TURTLE: ".ttl", TRIG: ".trig"}  # a document graph's parts in chunks/
CHUNK_ORDER = "n-triples text"  # of a document graph's triples (in the chunk stamp, kg.build.outputs)
_PROBE = ox.NamedNode("urn:kg:probe")
_BLOCK = 1 << 20


def write_graph_files(store: ox.Store, graphs: list[ox.NamedNode], outs: Mapping[ox.RdfFormat, BinaryIO],
                      prefixes: Mapping[str, str] | None, chunks: Path | None = None) -> None:
    """Write ``graphs`` (in IRI order) of ``store`` to ``outs`` (a Turtle and/or a TriG file)."""
    kwargs = _kwargs(prefixes)
    for out in outs.values():
        out.write(_header(_frozen(prefixes)))
    for graph in graphs:
        if is_document_graph(graph):
            _write_document(store, graph, outs, prefixes, chunks / key_of_graph(graph) if chunks else None)
            continue
        with tempfile.TemporaryFile() as body:
            store.dump(body, TURTLE, from_graph=graph, **kwargs)
            body.seek(0)
            start = len(prefix_header(body.read(_BLOCK)))
            body.seek(start)
            for fmt, out in outs.items():
                if fmt == TRIG:
                    out.write(_trig_opener(graph, kwargs))
                    _indent(body, out)
                    out.write(b"}\n")
                else:
                    shutil.copyfileobj(body, out, _BLOCK)
                body.seek(start)


def document_parts(nquads: bytes, prefixes: Mapping[str, str] | None) -> dict[ox.RdfFormat, bytes]:
    """A document graph's Turtle and TriG parts, given its quads as N-Quads lines, all in the one
    graph: its triples, each once, in the order of their lines (N-Triples spells a term one way, so
    the order follows from the terms), as Oxigraph's TriG writer writes them with ``prefixes``."""
    return parts_of(ordered_quads(nquads), prefixes)


def ordered_quads(nquads: bytes) -> list[ox.Quad]:
    """N-Quads lines parsed (strictly), each once, in the order of their text."""
    return list(ox.parse(b"".join(sorted(set(nquads.splitlines(keepends=True)))), format=ox.RdfFormat.N_QUADS))


def parts_of(quads: list[ox.Quad], prefixes: Mapping[str, str] | None) -> dict[ox.RdfFormat, bytes]:
    """``document_parts`` of quads already parsed and ordered (``ordered_quads``). The Turtle part is
    the TriG part's lines without their tab (cheaper than writing it again)."""
    written = ox.serialize(quads, format=TRIG, **_kwargs(prefixes))
    header = _header(_frozen(prefixes))
    trig = written[len(header):]
    opener, _, body = trig.partition(b"\n")
    inside = body[:-2]  # within "<graph> {" … "}": every line indented
    if not (written.startswith(header) and opener.endswith(b" {") and body.endswith(b"\n}\n")
            and inside.startswith(b"\t") and inside.count(b"\n") == inside.count(b"\n\t") + 1):
        raise ValueError("a document's graph is one named graph")
    return {TURTLE: inside[1:].replace(b"\n\t", b"\n"), TRIG: trig}


def _write_document(store: ox.Store, graph: ox.NamedNode, outs: Mapping[ox.RdfFormat, BinaryIO],
                    prefixes: Mapping[str, str] | None, stem: Path | None) -> None:
    cached = {fmt: stem.with_name(stem.name + suffix) for fmt, suffix in CHUNK_SUFFIXES.items()} if stem else {}
    if cached and all(path.is_file() for path in cached.values()):
        for fmt, out in outs.items():
            with open(cached[fmt], "rb") as part:
                shutil.copyfileobj(part, out, _BLOCK)
        return
    quads = store.quads_for_pattern(None, None, None, graph)
    parts = document_parts(ox.serialize(quads, format=ox.RdfFormat.N_QUADS), prefixes)
    for fmt, path in cached.items():
        path.write_bytes(parts[fmt])
    for fmt, out in outs.items():
        out.write(parts[fmt])


def _kwargs(prefixes: Mapping[str, str] | None) -> dict:
    return {"prefixes": dict(prefixes)} if prefixes else {}


def _frozen(prefixes: Mapping[str, str] | None) -> tuple:
    return tuple(prefixes.items()) if prefixes else ()


@cache
def _header(prefixes: tuple) -> bytes:
    """The prefix lines Oxigraph's writer starts a file with, for ``prefixes`` (frozen)."""
    return prefix_header(ox.serialize([ox.Triple(_PROBE, _PROBE, _PROBE)], format=TURTLE, **_kwargs(dict(prefixes))))


def _trig_opener(graph: ox.NamedNode, kwargs: dict) -> bytes:
    """``<graph> {`` as Oxigraph's TriG writer writes it (with the prefixes, if any, applied)."""
    written = ox.serialize([ox.Quad(_PROBE, _PROBE, _PROBE, graph)], format=TRIG, **kwargs)
    return written[len(prefix_header(written)):].split(b"\n", 1)[0] + b"\n"


def _indented(lines: bytes) -> bytes:
    return b"\t" + lines[:-1].replace(b"\n", b"\n\t") + b"\n" if lines else b""


def _indent(source: BinaryIO, out: BinaryIO) -> None:
    """Copy ``source``'s lines to ``out``, each after a tab, a block at a time."""
    rest = b""
    while block := source.read(_BLOCK):
        block = rest + block
        cut = block.rfind(b"\n") + 1
        out.write(_indented(block[:cut]))
        rest = block[cut:]
    if rest:
        out.write(b"\t" + rest)


def prefix_header(turtle: bytes) -> bytes:
    """The ``@prefix`` lines a Turtle or TriG text starts with."""
    end = 0
    for line in turtle.splitlines(keepends=True):
        if not line.startswith(b"@prefix "):
            break
        end += len(line)
    return turtle[:end]
