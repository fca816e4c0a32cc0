"""What a build tells its user: one line per document (so that the file that went wrong shows at a
glance), what the store holds, the files written, and seconds per stage."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from pathlib import Path

from kg.errors import InputError

# What the summary counts: (label, a pattern that binds ?x). Parties are those that spoke, not
# the whole party table of the vocabulary graph.
SUMMARY_COUNTS = (
    ("speeches", "?x a kg:Speech"),
    ("people", "?x a foaf:Person"),
    ("organizations", "?x a org:Organization"),
    ("parties", "?speech kg:party ?x"),
    ("issues", "?x a kg:Issue"),
    ("suggestions", "?x a kg:Suggestion"),
    ("sectors", "?speech dcterms:subject ?x"),
    ("regions", "?x a kg:Region"),
    ("meetings", "?x a kg:Meeting"),
)


@dataclass(frozen=True)
class DocumentLine:
    """One document of the build, as its summary line gives it."""

    file: str
    layout: str
    speeches: int
    with_byline: int  # speeches whose byline gave a speaker or an organization
    suggestions: int
    warnings: int
    kept: bool = False  # unchanged since the previous build, not read again

    @classmethod
    def of_record(cls, file: str, record: dict, kept: bool = False) -> DocumentLine:
        speeches = record.get("speeches", [])
        return cls(file, record.get("layout") or "digest", len(speeches),
                   sum(1 for s in speeches if s.get("speaker") or s.get("organization")),
                   sum(len(s.get("suggestions", [])) for s in speeches),
                   sum(len(s.get("warnings", [])) for s in speeches), kept)

    def text(self) -> str:
        return (f"  {self.file}: {self.layout}, {self.speeches} speeches ({self.with_byline} with a byline), "
                f"{self.suggestions} suggestions, {self.warnings} warnings{' (unchanged)' if self.kept else ''}")


LINES = "lines.json"  # in a generation: every document's summary line, by key


def write_lines(generation: Path, lines: dict[str, DocumentLine]) -> None:
    """Keep the documents' summary lines, so that the next build need not parse a kept record again."""
    kept = [f.name for f in fields(DocumentLine)][1:-1]  # not the file name, nor "kept" (astuple: 20× slower)
    rows = {key: [getattr(line, name) for name in kept] for key, line in sorted(lines.items())}
    (generation / LINES).write_text(json.dumps(rows, ensure_ascii=False) + "\n", encoding="utf-8")


def kept_lines(previous: Path | None, keys) -> dict[str, DocumentLine]:
    """The summary lines of the documents ``keys`` from the ``previous`` generation, where it has them."""
    try:
        rows = json.loads((previous / LINES).read_text(encoding="utf-8")) if previous else {}
    except (OSError, ValueError):
        return {}
    return {key: DocumentLine("", *rows[key], kept=True) for key in keys if key in rows}


@dataclass
class BuildReport:
    lines: list[DocumentLine] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    triples: int = 0
    entities: dict[str, int] = field(default_factory=dict)
    view: str | None = None
    read: int = 0  # documents extracted by this build
    kept: int = 0  # documents taken over from the previous generation
    dropped: int = 0  # documents of the previous generation no longer given
    stages: dict[str, float] = field(default_factory=dict)
    stage_cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds: the build and its local workers
    seconds: float = 0.0
    generation: Path | None = None
    pushed: object | None = None  # kg.store.push.Pushed: what went to a remote store (--store)
    store_error: Exception | None = None  # why not all of it did

    @property
    def documents(self) -> int:
        return len(self.lines)

    @property
    def speeches(self) -> int:
        return sum(line.speeches for line in self.lines)

    def summary(self) -> str:
        counts = ", ".join(f"{n} {name}" for name, n in self.entities.items())
        stages = ", ".join(f"{name} {sec:.1f}" for name, sec in self.stages.items())
        cpu = ", ".join(f"{name} {sec:.1f}" for name, sec in self.stage_cpu.items())
        lines = [*(line.text() for line in self.lines),
                 f"{self.documents} documents, {self.speeches} speeches, {self.triples} triples"
                 f" ({len(self.errors)} files skipped)",
                 f"store: {self.read} documents read, {self.kept} unchanged, {self.dropped} dropped",
                 f"entities: {counts}" if counts else "entities: none",
                 f"network view: {self.view}" if self.view else "",
                 self.pushed.summary() if self.pushed else "",
                 *(f"wrote {p}" for p in self.outputs),
                 f"{self.seconds:.1f} s ({stages})" if stages else f"{self.seconds:.1f} s",
                 f"CPU: {sum(self.stage_cpu.values()):.1f} s ({cpu})" if cpu else ""]
        return "\n".join(line for line in lines if line)
