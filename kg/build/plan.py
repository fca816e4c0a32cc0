"""What a build must do, given the files and the store it builds on: which documents it can keep
as they are, which files it must read, which documents it drops.

A document is kept when a given file has its file name and the SHA-256 of its bytes, and the
previous generation was built by the same extraction code (``pipeline_fingerprint``): otherwise
every file is read again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import kg
from kg.build.parts import file_sha256
from kg.graph import SourceEntry
from kg.store import GraphStore

COMPLETE = "build.json"


@dataclass
class Plan:
    previous: Path | None  # the generation built on, or None for a build from nothing
    keep: dict[str, SourceEntry] = field(default_factory=dict)  # key → where it is now
    read: list[str] = field(default_factory=list)  # paths to extract
    drop: list[str] = field(default_factory=list)  # keys the store holds that go


@cache
def pipeline_fingerprint() -> str:
    """A hash of the code and data that make records and graphs: the kg version, its modules (those
    that read, extract and make the graph), kg/data and the ontology. A build by other code re-reads
    every file."""
    root = Path(kg.__file__).parent
    digest = hashlib.sha256(kg.__version__.encode())
    files = [*root.glob("*.py"), *root.glob("read/*.py"), *root.glob("extract/*.py"), *root.glob("graph/*.py"),
             *root.glob("data/*"), *root.glob("ontology/*.ttl")]
    for path in sorted(files, key=lambda p: p.relative_to(root).as_posix()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def make_plan(previous: Path | None, inputs: list[str]) -> Plan:
    if previous is None or _fingerprint(previous) != pipeline_fingerprint():
        return Plan(None, read=list(inputs))
    known = GraphStore(previous / "store", read_only=True).sources()
    by_identity = {(source.name, source.file_sha256): key for key, source in known.items()}
    plan = Plan(previous)
    for path in inputs:
        sha = file_sha256(path)
        key = by_identity.get((Path(path).name, sha)) if sha else None
        if key is not None and key not in plan.keep:
            plan.keep[key] = SourceEntry(key, path, sha)
        else:
            plan.read.append(path)
    plan.drop = sorted(set(known) - set(plan.keep))
    return plan


def _fingerprint(generation: Path) -> str | None:
    try:
        return json.loads((generation / COMPLETE).read_text(encoding="utf-8")).get("fingerprint")
    except (OSError, ValueError):
        return None
