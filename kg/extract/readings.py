"""Mirror noise: pinyin readings in brackets after characters (政协(xié), 发(fā)言).

Mirror sites annotate characters with their readings, which breaks every cue word they fall into
(发(fā)言 is no 发言). Extraction therefore runs on a reading-free copy of the text, and every span
it yields is mapped back onto the original text afterwards: values are given without the readings,
their spans still point into the text as published (a span may then hold a reading, its surface
shows it).
"""

from __future__ import annotations

import dataclasses
import re

from kg.records import DocumentRecord, Item, Span, Value

# A reading: a pinyin syllable (with tone marks, or plain lowercase) in ASCII or full-width brackets,
# right after a Han character. A bracketed word or abbreviation (数字(DR), 平台(app)) is no syllable.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_SYLLABLE = rf"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouvü{_TONED}]{{1,3}}(?:ng|n|r)?[1-5]?"
_READING = re.compile(rf"(?<=[\u4e00-\u9fff])[(（]\s*{_SYLLABLE}\s*[)）]")


def reading_cuts(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each reading in ``text``."""
    return [(m.start(), m.end()) for m in _READING.finditer(text)]


def strip_readings(text: str) -> tuple[str, list[int]] | None:
    """The text without its readings and, for each of its characters (and its end), the offset of
    that character in ``text``; None when the text holds no reading."""
    cuts = reading_cuts(text)
    return cut_out(text, cuts) if cuts else None


def cut_out(text: str, cuts: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """The text without the (start, end) parts given (sorted, not overlapping) and, for each of its
    characters (and its end), the offset of that character in ``text``."""
    kept: list[str] = []
    offsets: list[int] = []
    pos = 0
    for start, end in [*cuts, (len(text), len(text))]:
        kept.append(text[pos:start])
        offsets.extend(range(pos, start))
        pos = end
    offsets.append(len(text))
    return "".join(kept), offsets


def map_span(span: Span, offsets: list[int]) -> Span:
    if span.end <= span.start:
        return Span(offsets[span.start], offsets[span.start])
    return Span(offsets[span.start], offsets[span.end - 1] + 1)


def remap(obj, offsets: list[int], text: str):
    """``obj`` (a record, or anything holding spans) with every span mapped onto the original
    ``text``; a Value's surface is re-read there, its value (reading-free) is kept."""
    if isinstance(obj, Span):
        return map_span(obj, offsets)
    if isinstance(obj, Value):
        span = map_span(obj.span, offsets)
        return Value(obj.value, span, span.slice(text))
    if isinstance(obj, Item):
        return Item(obj.text, map_span(obj.span, offsets), map_span(obj.sentence, offsets))
    if isinstance(obj, list):
        return [remap(x, offsets, text) for x in obj]
    if isinstance(obj, tuple) and not hasattr(obj, "_fields"):
        return tuple(remap(x, offsets, text) for x in obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: remap(getattr(obj, f.name), offsets, text) for f in dataclasses.fields(obj)
                   if _holds_spans(getattr(obj, f.name))}
        if "surface" in {f.name for f in dataclasses.fields(obj)} and "span" in changes:
            changes["surface"] = changes["span"].slice(text)
        return dataclasses.replace(obj, **changes) if changes else obj
    return obj


def _holds_spans(value) -> bool:
    return isinstance(value, (Span, Value, Item, list, tuple)) or (
        dataclasses.is_dataclass(value) and not isinstance(value, type))


def remap_document(doc: DocumentRecord, offsets: list[int], text: str) -> DocumentRecord:
    """The record of the reading-free copy as a record of the original ``text``."""
    mapped = remap(doc, offsets, text)
    mapped.text = text
    return mapped
