"""The pipeline as a library: read → segment → extract → records (and, in ``kg.build``, graph → outputs).

A page may be a classic digest (``kg.segment``), a news report of the plenary or a single-speech article
(``kg.extract.news``), or both (a mixed page, where a speech the report names and the digest gives in
full is one record, the digest's). ``DocumentRecord.layout`` says which.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Iterator
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

from kg.errors import InputError
from kg.extract.doubts import speech_doubts
from kg.extract.meeting import find_committee
from kg.extract.news import ReportSpeech, clause_problems, find_report_speeches, headline_title
from kg.extract.numbering import numbered_items
from kg.extract.problems import extract_problems
from kg.extract.proposer import build_byline, byline_from_parts
from kg.extract.readings import cut_out, reading_cuts, remap_document
from kg.extract.regions import (
    abbreviation_pairs,
    area_compounds,
    linked_ports,
    region_links,
    region_mentions,
    unit_regions,
)
from kg.extract.sectors import classify
from kg.extract.spans import fold, make_item
from kg.extract.suggestions import extract_suggestions, find_lead, report_suggestions
from kg.extract.wraps import soft_breaks
from kg.lexicon import alternation, cues
from kg.read import INPUT_SUFFIXES, Source, read_file, read_text
from kg.records import DocumentRecord, RegionMention, Span, Speech, Value
from kg.segment import SegmentedSpeech, segment_speeches

log = logging.getLogger(__name__)


def extract_source(src: Source) -> DocumentRecord:
    """Everything a page says about its speeches, as a record. Raises InputError when it holds none.

    Pinyin readings (政协(xié), 发(fā)言) and the soft line breaks of a hard-wrapped page
    (``kg.extract.wraps``) are taken out first, and the record's spans mapped back onto the text as
    published (``kg.extract.readings``)."""
    clean_text, offsets = src.text, None
    for cuts_of in (soft_breaks, reading_cuts):  # a reading may run over a soft break: 政协(x⏎ié)
        cuts = cuts_of(clean_text)
        if cuts:
            clean_text, cut_offsets = cut_out(clean_text, cuts)
            offsets = cut_offsets if offsets is None else [offsets[i] for i in cut_offsets]
    if offsets is None:
        return _extract(src)
    doc = remap_document(_extract(read_text(clean_text, src.path)), offsets, src.text)
    doc.sha256 = src.sha256
    return doc


def _extract(src: Source) -> DocumentRecord:
    seg = segment_speeches(src)
    # A block with neither a byline nor a speech body (a lead-in, a related-news run) is no speech.
    digest = [s for s in seg.speeches if s.byline or has_speech_body(src, s.body_span)]
    signed = [s.span for s in digest if s.byline]
    lines = [ln for ln in src.content if not any(_inside(ln.span, sp) for sp in signed)]
    reports = find_report_speeches(src, lines)
    # Report paragraphs under a short line look like a digest speech without a byline: they are the report.
    digest = [s for s in digest if s.byline or not any(_inside(r.byline, s.span) for r in reports)]
    if not digest and not reports:
        reason = (f"no speeches found: {len(seg.speeches)} text block(s) with neither a byline nor a speech body "
                  "(not a digest or a news report of speeches)" if seg.speeches else
                  "no speeches found (expected a title, a byline and a body per speech, or a news report's "
                  "byline sentences)")
        raise InputError(src.path, reason)
    starts = [s.span.start for s in digest] + [r.byline.start for r in reports]
    committee = seg.meeting.committee if seg.meeting else find_committee(src, before=min(starts))
    doc = DocumentRecord(source=src.name, text=src.text, sha256=src.sha256, meeting=seg.meeting, path=src.path)
    if seg.headline:
        doc.headline = Value(fold(seg.headline.slice(src.text)), seg.headline, seg.headline.slice(src.text))
    doc.committee = committee
    speeches = [_speech(src, s, committee) for s in digest]
    # A headline NAME：TITLE titles the speech of that speaker (a single-speech article).
    headed = [headline_title(src, src.content, r) for r in reports]
    news = [_report_speech(src, r, committee, title) for r, title in zip(reports, headed, strict=True)]
    news = [n for n in news if not _merge_into(n, speeches)]
    article = len(news) == 1 and any(headed)
    doc.layout = "mixed" if speeches and reports else "article" if article else "report" if reports else "digest"
    doc.speeches = sorted([*speeches, *news], key=lambda sp: sp.span.start)
    for i, speech in enumerate(doc.speeches):
        speech.index = i
    return doc


def _merge_into(news: Speech, digest: list[Speech]) -> bool:
    """A report's speech that the page's digest part gives in full (same speaker, or a unit's speech by the
    same unit, or nearly the same title) is one speech: the digest's, which takes the report's unit where
    it names none."""
    for speech in digest:
        same_speaker = news.byline.speaker and speech.byline.speaker and \
            news.byline.speaker.value == speech.byline.speaker.value
        same_unit = not news.byline.speaker and not speech.byline.speaker and news.byline.organization and \
            speech.byline.organization and news.byline.organization.value == speech.byline.organization.value
        same_title = news.title and speech.title and _similar(news.title.value, speech.title.value)
        if same_speaker or same_unit or same_title:
            if speech.byline.organization is None and news.byline.organization is not None:
                speech.byline.organization, speech.byline.party = news.byline.organization, news.byline.party
                speech.byline.role = None
            return True
    return False


def _similar(a: str, b: str) -> bool:
    """Titles that differ only by a subtitle, a space or quotes (“T” in the report, T in the digest)."""
    a, b = re.sub(r"[\s“”‘’《》「」]", "", a), re.sub(r"[\s“”‘’《》「」]", "", b)
    return a == b or SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.8


def has_speech_body(src: Source, body: Span) -> bool:
    """A suggestion lead-in, a numbered list or a problem verb: what the body of a speech has."""
    text = body.slice(src.simple)
    return bool(find_lead(src.simple, body) or numbered_items(text) or _problem_verbs().search(text))


@cache
def _problem_verbs() -> re.Pattern[str]:
    return re.compile(alternation(cues()["problems"]["verbs"]))


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _speech(src: Source, seg: SegmentedSpeech, committee) -> Speech:
    title_surface = seg.title.slice(src.text)
    speech = Speech(
        index=0,
        span=seg.span,
        title=Value(fold(title_surface), seg.title, title_surface),
        byline=build_byline(src, seg.byline, committee),
        body=seg.body_span,
    )
    speech.issues = extract_problems(src, speech.body)
    speech.suggestions = extract_suggestions(src, speech.body)
    if speech.suggestions and find_lead(src.simple, speech.body) is None:
        speech.warnings.append("no-suggestion-lead")
    _places_and_sectors(src, speech, [seg.title, speech.body], committee)
    return speech


def _report_speech(src: Source, report: ReportSpeech, committee, title: Span | None) -> Speech:
    title = title or report.title
    body = report.body or Span(report.byline.end, report.byline.end)
    end = max(body.end, title.end if title else 0, report.byline.end)
    speech = Speech(
        index=0,
        span=Span(min(report.byline.start, title.start if title else report.byline.start), end),
        title=Value(fold(title.slice(src.text)), title, title.slice(src.text)) if title else None,
        byline=byline_from_parts(src, report.byline, report.parts, committee),
        body=body,
    )
    if report.body is not None:
        speaker = speech.byline.speaker.span.slice(src.simple) if speech.byline.speaker else None
        speech.suggestions, led = report_suggestions(src, body, speaker)
        if speech.suggestions and not led:
            speech.warnings.append("no-suggestion-lead")
        problem_end = speech.suggestions[0].span.start if speech.suggestions else body.end
        part = Span(body.start, max(body.start, problem_end))
        speech.issues = extract_problems(src, part) or [make_item(src, s) for s in clause_problems(src.simple, part)]
    spans = [s for s in (title, body) if s is not None]
    _places_and_sectors(src, speech, spans, committee)
    return speech


def _places_and_sectors(src: Source, speech: Speech, spans: list[Span], committee) -> None:
    title = spans[0] if speech.title else Span(speech.span.start, speech.span.start)
    mentions: list[RegionMention] = []
    if speech.byline.organization:
        org = speech.byline.organization
        mentions += unit_regions(src, org.span, org.value, committee)
    for span in spans:
        mentions += region_mentions(src, span, committee) + abbreviation_pairs(src, span, committee)
        mentions += area_compounds(src, span, committee)
    noise = [ln.span for ln in src.lines if ln.noise and speech.span.start <= ln.span.start < speech.span.end]
    mentions = [m for m in mentions if not _not_a_topic(src, m, speech, noise)]
    mentions.sort(key=lambda m: m.span)
    speech.region_mentions = mentions
    speech.regions = list(dict.fromkeys(m.name for m in mentions))
    speech.region_links = region_links(src, spans, mentions, committee)
    ports = linked_ports(mentions, src.simple, speech.region_links)
    if ports:  # 大连港营口港港航一体化: the cities, not their ports
        speech.region_mentions = [m for m in mentions if id(m) not in ports]
        speech.regions = list(dict.fromkeys(m.name for m in speech.region_mentions))
    linked = {name for link in speech.region_links for name in link}
    title_links = len({m.name for m in speech.region_mentions if m.name in linked and _inside(m.span, title)}) >= 2
    speech.sectors, speech.sector_evidence = classify(src, title, speech.body, linked=bool(speech.region_links),
                                                      title_links=title_links)
    _doubts(speech)
    speech.warnings += speech_doubts(src, title, speech, committee)


def _not_a_topic(src: Source, mention: RegionMention, speech: Speech, noise: list[Span]) -> bool:
    """A place inside page noise (a photo caption) or inside the speaker's name (付朝阳) is no topic."""
    if any(_inside(mention.span, span) for span in noise):
        return True
    speaker = speech.byline.speaker
    if speaker is None:
        return False
    name = speaker.span.slice(src.simple)
    # The name's occurrences that could overlap the mention: those starting within a name's length before it.
    window = src.simple[max(speech.span.start, mention.span.start - len(name) + 1) : mention.span.end + len(name)]
    offset = max(speech.span.start, mention.span.start - len(name) + 1)
    return any(mention.span.start < offset + m.start() + len(name) and offset + m.start() < mention.span.end
               for m in re.finditer(re.escape(name), window))


def _doubts(speech: Speech) -> None:
    """The warnings of kg/data/warnings.tsv for what the page did not give: a byline, a title."""
    b = speech.byline
    if b.speaker is None and b.organization is None:
        speech.warnings.append("no-byline")
    if speech.title is None:
        speech.warnings.append("no-title")


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
    (kg.read.INPUT_SUFFIXES), in sorted order. Hidden entries, Office lock files (``~$x.docx``) and
    a folder's own documentation (README.md, LICENSE.txt …: FOLDER_DOCUMENTATION) are passed over,
    the last with a note, since a README describing a corpus reads like a speech without a byline.
    Whatever is given or found with an input suffix is yielded even when it is no regular file (a
    FIFO, a folder named ``x.txt``, a broken or looping link), so that reading it names it and the
    reason; a missing path is yielded as is, for the same reason."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(_walk(p))
        else:
            yield p


# Names (before the first dot, any case) that a folder's own documentation goes by; given by name,
# such a file is read like any other.
FOLDER_DOCUMENTATION = frozenset({"readme", "license", "licence", "changelog", "changes", "notice",
                                  "contributing", "authors", "copying"})


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names + dirs:
            if not name.lower().endswith(INPUT_SUFFIXES) or name.startswith((".", "~$")):
                continue
            if name.split(".", 1)[0].lower() in FOLDER_DOCUMENTATION:
                log.warning("%s: passed over as the folder's documentation (give it by name to read it)",
                            Path(root, name))
                continue
            yield Path(root, name)
