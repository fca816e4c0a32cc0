"""Turtle and TriG files of an on-disk store, graph by graph, so that a build writes them again by
copying what did not change.

A file is the prefixes, then each named graph's part in graph IRI order, a graph's triples in the
store's key order: equal content gives equal bytes however the store was filled. A graph's Turtle
part is Oxigraph's dump of that graph; its TriG part is the same lines indented by a tab inside
``<graph> { … }``, which is what Oxigraph's TriG writer writes for it (tests/store/test_dumps.py), so
one dump per graph makes both files. With ``chunks`` (a folder of the generation), a document
graph's parts are read from ``chunks/<key>.ttl`` and ``.trig`` when there, else dumped and kept
there for the next build (kg.build.outputs takes them over). The shared graphs, which can be large,
go through a temporary file, never whole in memory.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.store.sources import is_document_graph, key_of_graph

TURTLE, TRIG = ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG
CHUNK_SUFFIXES = {TURTLE: ".ttl", TRIG: ".trig"}  # a document graph's parts in chunks/
_PROBE = ox.NamedNode("urn:kg:probe")
_BLOCK = 1 << 20


def write_graph_files(store: ox.Store, graphs: list[ox.NamedNode], outs: Mapping[ox.RdfFormat, BinaryIO],
                      prefixes: Mapping[str, str] | None, chunks: Path | None = None) -> None:
    """Write ``graphs`` (in IRI order) of ``store`` to ``outs`` (a Turtle and/or a TriG file)."""
    kwargs = {"prefixes": dict(prefixes)} if prefixes else {}
    header = prefix_header(ox.serialize([ox.Triple(_PROBE, _PROBE, _PROBE)], format=TURTLE, **kwargs))
    for out in outs.values():
        out.write(header)
    for graph in graphs:
        if chunks is not None and is_document_graph(graph):
            _write_document(store, graph, outs, kwargs, chunks / key_of_graph(graph))
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


def _write_document(store: ox.Store, graph: ox.NamedNode, outs: Mapping[ox.RdfFormat, BinaryIO], kwargs: dict,
                    stem: Path) -> None:
    cached = {fmt: stem.with_name(stem.name + suffix) for fmt, suffix in CHUNK_SUFFIXES.items()}
    if all(path.is_file() for path in cached.values()):
        for fmt, out in outs.items():
            with open(cached[fmt], "rb") as part:
                shutil.copyfileobj(part, out, _BLOCK)
        return
    dumped = io.BytesIO()
    store.dump(dumped, TURTLE, from_graph=graph, **kwargs)
    body = dumped.getvalue()
    body = body[len(prefix_header(body)):]
    parts = {TURTLE: body, TRIG: _trig_opener(graph, kwargs) + _indented(body) + b"}\n"}
    for fmt, path in cached.items():
        path.write_bytes(parts[fmt])
    for fmt, out in outs.items():
        out.write(parts[fmt])


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
