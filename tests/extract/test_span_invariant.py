"""The span invariant under noise: for every digest with tabs, spaces, control characters, NULs,
pinyin readings and line breaks inserted anywhere, every value of the record equals the text at its
span, white space included: exactly for names, roles and places; with its lines joined for issues
and suggestions (``kg.extract.spans.join_lines``: a line break goes with the white space around
it); titles keep their exact surface beside a value folded to single spaces, as record-format.md
asks. No span has white space at either end, and no value holds a control character.

Hypothesis runs derandomized (a fixed seed: the same examples on every run, in CI too) and with a
bounded number of examples.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.extract.readings import strip_readings
from kg.extract.spans import fold, join_lines
from kg.pipeline import extract_text
from kg.read import to_simplified
from kg.records import DocumentRecord, Span

DIGESTS = sorted((Path(__file__).parents[1] / "data" / "digests").glob("*.txt"))
NOISE = ["\t", " ", "  ", "\u3000", "\x00", "\x07", "\x1b", "\x7f", "\u200b", "\ufeff", "\n", "\r\n", "\r",
         "\n\n", "(xié)", "（fā）", "(zhèng)", " \t "]


@st.composite
def mutated_digests(draw) -> tuple[str, str]:
    path = draw(st.sampled_from(DIGESTS))
    text = path.read_text(encoding="utf-8")
    inserts = draw(st.lists(st.tuples(st.integers(0, len(text)), st.sampled_from(NOISE)), min_size=1, max_size=12))
    for pos, noise in sorted(inserts, reverse=True):
        text = text[:pos] + noise + text[pos:]
    return path.name, text


def without_readings(surface: str) -> str:
    """A mirror's pinyin readings (政(xié)协) are in the span but not in the value (kg.extract.readings)."""
    stripped = strip_readings(surface)
    return stripped[0] if stripped else surface


def check_span(text: str, span: Span, value: str, what: str, normal=lambda surface: surface) -> None:
    surface = span.slice(text)
    assert surface == surface.strip(), f"{what}: white space at the edge of its span {surface!r}"
    assert normal(surface) == value, f"{what}: {value!r} is not its span's text {surface!r}"
    assert not any(unicodedata.category(ch) == "Cc" and ch not in "\t\n" for ch in value), f"{what}: {value!r}"


def check_record(doc: DocumentRecord) -> None:
    text = doc.text
    assert not any(unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\t\n" for ch in text)
    if doc.headline:
        check_span(text, doc.headline.span, doc.headline.surface, "headline")
        assert doc.headline.value == fold(without_readings(doc.headline.surface))
    for s in doc.speeches:
        if s.title:
            check_span(text, s.title.span, s.title.surface, "title")
            assert s.title.value == fold(without_readings(s.title.surface))
        for name in ("speaker", "role", "organization"):
            value = getattr(s.byline, name)
            if value:
                check_span(text, value.span, value.surface, name)
                if name != "organization":  # a unit may be completed (昔阳政协 → 昔阳县政协)
                    assert value.value == without_readings(value.surface), value
        for kind, items in (("issue", s.issues), ("suggestion", s.suggestions)):
            for item in items:
                check_span(text, item.span, item.text, kind, lambda surface: join_lines(without_readings(surface)))
                assert item.text.replace("\n", "") == item.text
        for m in s.region_mentions:
            assert m.span.slice(text) == m.surface, m
        for e in s.sector_evidence:
            assert to_simplified(without_readings(e.span.slice(text))) == e.term, e


@settings(derandomize=True, database=None, max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(mutated_digests())
def test_every_value_is_its_spans_text_in_noisy_digests(case: tuple[str, str]) -> None:
    name, text = case
    try:
        doc = extract_text(text, name)
    except InputError:
        return  # noise may leave no speech to find; what is found must keep the invariant
    check_record(doc)


@pytest.mark.parametrize("path", DIGESTS, ids=lambda p: p.stem)
def test_every_value_is_its_spans_text_in_the_digests(path: Path) -> None:
    check_record(extract_text(path.read_text(encoding="utf-8"), path.name))
