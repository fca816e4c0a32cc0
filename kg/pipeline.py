"""The pipeline as a library: read → segment → extract → records (and, in ``kg.build``, graph → outputs)."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.extract.doubts import speech_doubts
from kg.extract.meeting import find_committee
from kg.extract.problems import extract_problems
from kg.extract.proposer import build_byline
from kg.extract.regions import (
    abbreviation_pairs,
    area_compounds,
    region_links,
    region_mentions,
    unit_regions,
)
from kg.extract.sectors import classify
from kg.extract.spans import fold
from kg.extract.suggestions import extract_suggestions
from kg.read import INPUT_SUFFIXES, Source, read_file, read_text
from kg.records import DocumentRecord, RegionMention, Speech, Value
from kg.segment import SegmentedSpeech, segment_speeches

log = logging.getLogger(__name__)


def extract_source(src: Source) -> DocumentRecord:
    """Everything a digest says, as a record. Raises InputError when it holds no speech."""
    seg = segment_speeches(src)
    if not seg.speeches:
        raise InputError(src.path, "no speeches found (expected a title, a byline and a body per speech)")
    first = seg.speeches[0].span.start
    committee = seg.meeting.committee if seg.meeting else find_committee(src, before=first)
    doc = DocumentRecord(source=src.name, text=src.text, sha256=src.sha256, meeting=seg.meeting, path=src.path)
    if seg.headline:
        doc.headline = Value(fold(seg.headline.slice(src.text)), seg.headline, seg.headline.slice(src.text))
    doc.committee = committee
    doc.speeches = [_speech(src, i, s, committee) for i, s in enumerate(seg.speeches)]
    return doc


def _speech(src: Source, index: int, seg: SegmentedSpeech, committee) -> Speech:
    title_surface = seg.title.slice(src.text)
    speech = Speech(
        index=index,
        span=seg.span,
        title=Value(fold(title_surface), seg.title, title_surface),
        byline=build_byline(src, seg.byline, committee),
        body=seg.body_span,
    )
    speech.issues = extract_problems(src, speech.body)
    speech.suggestions = extract_suggestions(src, speech.body)
    mentions: list[RegionMention] = []
    if speech.byline.organization:
        org = speech.byline.organization
        mentions += unit_regions(src, org.span, org.value, committee)
    for span in (seg.title, speech.body):
        mentions += region_mentions(src, span, committee) + abbreviation_pairs(src, span, committee)
        mentions += area_compounds(src, span, committee)
    mentions.sort(key=lambda m: m.span)
    speech.region_mentions = mentions
    speech.regions = list(dict.fromkeys(m.name for m in mentions))
    speech.region_links = region_links(src, [seg.title, speech.body], mentions, committee)
    speech.sectors, speech.sector_evidence = classify(src, seg.title, speech.body, linked=bool(speech.region_links))
    speech.warnings += speech_doubts(src, seg.title, speech)
    return speech


def extract_file(path: str | Path) -> DocumentRecord:
    """Read a file of any input format (kg.read) and extract its record; what reading changed
    (dropped control characters, split lines) is logged as a warning naming the file."""
    src = read_file(path)
    for note in src.notes:
        log.warning("%s: %s", src.path, note)
    return extract_source(src)


def extract_text(text: str, name: str = "<text>") -> DocumentRecord:
    return extract_source(read_text(text, name))


def find_inputs(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given; folders walked (without following links to folders) for the input suffixes
    (kg.read.INPUT_SUFFIXES), in sorted order. Hidden entries and Office lock files (``~$x.docx``)
    are passed over. Whatever is given or found with an input suffix is yielded even when it is no
    regular file (a FIFO, a folder named ``x.txt``, a broken or looping link), so that reading it
    names it and the reason; a missing path is yielded as is, for the same reason."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(_walk(p))
        else:
            yield p


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names + dirs:
            if name.lower().endswith(INPUT_SUFFIXES) and not name.startswith((".", "~$")):
                yield Path(root, name)
