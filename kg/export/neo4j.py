"""CSV files for Neo4j's bulk import (``neo4j-admin database import full``), from the entity network.

One node file per node type (``nodes_speech.csv`` …: the columns differ by type) and one
relationship file. Headers follow the import tool's format (docs/neo4j.md): the IRI is the node's
``:ID`` (kept as the property ``iri``), ``:LABEL`` holds its label(s), and a property column is
``name:type`` with a type of int, double, boolean, date or string, and ``[]`` for an array. Arrays
and multiple labels are joined by ``ARRAY_DELIMITER``, given to the import as --array-delimiter.
A relationship is one RDF link: ``:START_ID``, ``:END_ID``, ``:TYPE`` (the property's local name
in upper snake case: kg:hasIssue → HAS_ISSUE) and the property's IRI.

Beside the CSV files, ``import.sh`` holds the import command for exactly these files.
"""

from __future__ import annotations

import csv
import io
import re
import shlex
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from kg.export.formats import NetworkOptions
from kg.export.network import SEPARATOR, Network, Node, build_network
from kg.io import atomic_write_bytes, atomic_write_text
from kg.namespace import PREFIXES, compact_iri

ARRAY_DELIMITER = SEPARATOR  # the network joins many values with it already
RELATIONSHIPS_FILE = "relationships.csv"
SCRIPT_FILE = "import.sh"
XSD = PREFIXES["xsd"]
_TYPES = {
    **dict.fromkeys((XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger",
                                        "gYear")), "int"),
    XSD + "decimal": "double", XSD + "double": "double", XSD + "float": "double",
    XSD + "boolean": "boolean", XSD + "date": "date",
}
# Facts of the network every node may carry: (column, import type).
_NETWORK_COLUMNS = (("party", "string[]"), ("sectors", "string[]"), ("regions", "string[]"),
                    ("meeting", "string[]"), ("year", "int"))
_FIXED_COLUMNS = {"iri", "name", "type", "degree", *(c for c, _ in _NETWORK_COLUMNS)}


def write_import_files(quads: list[ox.Quad], folder: Path, options: NetworkOptions) -> list[Path]:
    """Write the node files, the relationship file and import.sh into ``folder``; return them."""
    network = build_network(quads, options)
    by_type: dict[str, list[Node]] = defaultdict(list)
    for node in network.nodes.values():
        by_type[node.type.name].append(node)
    written = []
    for type_name, nodes in sorted(by_type.items()):
        path = folder / f"nodes_{type_name}.csv"
        atomic_write_bytes(path, _csv_bytes(*_node_table(network, nodes)))
        written.append(path)
    for stale in folder.glob("nodes_*.csv"):  # node files of an earlier export with other options
        if stale not in written:
            stale.unlink()
    relationships = folder / RELATIONSHIPS_FILE
    atomic_write_bytes(relationships, _csv_bytes(*_relationship_table(network)))
    script = folder / SCRIPT_FILE
    atomic_write_text(script, import_script(written, relationships))
    return [*written, relationships, script]


def relationship_type(property_iri: str) -> str:
    """kg:hasIssue → HAS_ISSUE, org:subOrganizationOf → SUB_ORGANIZATION_OF."""
    local = re.split(r"[#/]", property_iri)[-1]
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", local).upper()


def import_script(node_files: list[Path], relationships: Path) -> str:
    nodes = " \\\n  ".join(f"--nodes={shlex.quote(p.name)}" for p in node_files)
    return ("#!/bin/sh\n"
            "# Import these files into a new Neo4j database (the database must not exist yet), from this folder.\n"
            "# Usage: sh import.sh [DATABASE]   (default: neo4j; then CREATE DATABASE or restart to use it)\n"
            'cd "$(dirname "$0")"\n'
            'neo4j-admin database import full "${1:-neo4j}" \\\n'
            f"  --array-delimiter={shlex.quote(ARRAY_DELIMITER)} --id-type=string \\\n"
            f"  {nodes} \\\n"
            f"  --relationships={shlex.quote(relationships.name)}\n")


def _node_table(network: Network, nodes: list[Node]) -> tuple[list[str], list[list[str]]]:
    """Header and rows of one node type: id, labels, name, type, the network's facts, degree and
    the node's own literal properties (zh or untagged values; other languages as ``name_en`` …)."""
    degree: dict[str, int] = defaultdict(int)
    for a, b in network.edges:
        degree[a] += 1
        degree[b] += 1
    own: dict[str, dict[str, list[str]]] = {}
    types: dict[str, str] = {}
    for node in nodes:
        values: dict[str, list[str]] = defaultdict(list)
        for prop, literals in sorted(network.literals[node.iri].items()):
            for literal in sorted(literals, key=lambda v: v.value):
                column = _column_name(prop, literal)
                values[column].append(literal.value)
                types.setdefault(column, _TYPES.get(literal.datatype.value, "string") if not literal.language
                                 else "string")
        own[node.iri] = values
    columns = sorted(types)
    arrays = {c for c in columns if any(len(own[n.iri].get(c, [])) > 1 for n in nodes)}
    header = ["iri:ID", ":LABEL", "name", "type", *(f"{c}:{t}" for c, t in _NETWORK_COLUMNS), "degree:int",
              *(f"{c}:{types[c]}{'[]' if c in arrays else ''}" for c in columns)]
    rows = []
    for node in sorted(nodes, key=lambda n: n.iri):
        facts = network.attributes(node)
        labels = [node.type.neo4j_label, *node_extra_labels(node, network)]
        row = [node.iri, ARRAY_DELIMITER.join(labels), node.label, node.type.name,
               *(_cell(facts.get(c)) for c, _ in _NETWORK_COLUMNS), str(degree[node.iri])]
        for c in columns:
            values = own[node.iri].get(c, [])
            row.append(_array(values) if c in arrays else (_value(values[0], types[c]) if values else ""))
        rows.append(row)
    return header, rows


def node_extra_labels(node: Node, network: Network) -> list[str]:
    """The node's other kg classes as further labels (a composite region is Region and CompositeRegion)."""
    classes = network.classes.get(node.iri, set())
    return sorted(c.removeprefix(PREFIXES["kg"]) for c in classes
                  if c.startswith(PREFIXES["kg"]) and c != node.type.rdf_class
                  and c.removeprefix(PREFIXES["kg"]) != node.type.neo4j_label)


def _column_name(prop: str, literal: ox.Literal) -> str:
    """The property's local name (foaf:name → name), its prefix added where that name is one of the
    fixed columns (foaf_name), a language other than Chinese appended (prefLabel_en)."""
    local = re.split(r"[#/]", prop)[-1]
    if local in _FIXED_COLUMNS:
        local = f"{compact_iri(prop).partition(':')[0]}_{local}"
    return local if literal.language in (None, "zh") else f"{local}_{literal.language.replace('-', '_')}"


def _value(value: str, kind: str) -> str:
    return value[:4] if kind == "int" and re.fullmatch(r"\d{4}(Z|[+-]\d\d:\d\d)?", value) else value


def _array(values: list[str]) -> str:
    return ARRAY_DELIMITER.join(v.replace(ARRAY_DELIMITER, "｜") for v in values)


def _cell(value) -> str:
    if value is None:
        return ""
    return str(value)  # the network's many values are already joined by ARRAY_DELIMITER


def _relationship_table(network: Network) -> tuple[list[str], list[list[str]]]:
    header = [":START_ID", ":END_ID", ":TYPE", "property"]
    rows = sorted({(s, o, relationship_type(p), p) for s, p, o in network.links})
    return header, [list(r) for r in rows]


def _csv_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")
