"""Plain typed records that flow through the pipeline: read → segment → extract → graph.

Every extracted value keeps the characters it came from as a ``Span`` (start, end) into the
document's original text, so that the graph and the HTML can point back at the source.
``to_record`` turns a ``DocumentRecord`` into the JSON extraction record of
``record-format.md`` (with the spans as extra fields, which the scorer ignores).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character offsets [start, end) into the document's original text."""

    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def to_json(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True)
class Value:
    """An extracted value, the span it was read from and the surface text at that span.

    ``value`` may be a normalised form of ``surface`` (昔阳政协 → 昔阳县政协, 臺灣 → 台湾);
    ``surface`` is always exactly ``text[span.start:span.end]``.
    """

    value: str
    span: Span
    surface: str

    def to_json(self) -> dict:
        return {"value": self.value, "start": self.span.start, "end": self.span.end, "surface": self.surface}


@dataclass(frozen=True)
class Item:
    """One problem or suggestion: its text (a span of the source) and the sentence it sits in."""

    text: str
    span: Span
    sentence: Span

    def to_json(self) -> dict:
        return {"text": self.text, "start": self.span.start, "end": self.span.end,
                "sentence": self.sentence.to_json()}


@dataclass(frozen=True)
class Committee:
    """The CPPCC committee a digest reports: its level (全国/省/市/县 …) and place."""

    level: str  # "national", "province", "prefecture", "county"
    region: str | None  # full official name, None for the national committee
    code: str | None  # GB/T 2260 code of the region, 6 digits
    province_code: str | None  # the province the committee sits in, for resolving short names


@dataclass
class Meeting:
    label: str
    committee: Committee
    term: int | None
    session: int | None
    span: Span
    year: int | None = None

    def to_json(self) -> dict:
        return {"label": self.label, "region": self.committee.region, "term": self.term,
                "session": self.session, "level": self.committee.level, "year": self.year,
                "span": self.span.to_json()}


@dataclass
class Byline:
    """Who delivered a speech, and for which unit. Every part keeps its span."""

    span: Span
    speaker: Value | None = None
    organization: Value | None = None
    party: str | None = None  # short name from the party table (民革, 工商联 …)
    role: Value | None = None


@dataclass(frozen=True)
class RegionMention:
    """A place a speech names: the gazetteer entry it resolved to and where it was said."""

    name: str  # full official name (or named-area name)
    code: str | None  # GB/T 2260 code, None for named areas
    span: Span
    surface: str


@dataclass(frozen=True)
class SectorEvidence:
    sector: str  # id in the sector scheme
    term: str
    span: Span


@dataclass
class Speech:
    """One plenary speech as segmented, then filled in by the extractors."""

    index: int  # 0-based position in the document
    span: Span  # from the first character of title or byline to the end of the body
    title: Value | None  # None where the text quotes none (a news report's 张三委员代表民盟市委发言，建议…)
    byline: Byline
    body: Span
    issues: list[Item] = field(default_factory=list)
    suggestions: list[Item] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    region_mentions: list[RegionMention] = field(default_factory=list)
    region_links: list[tuple[str, str]] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    sector_evidence: list[SectorEvidence] = field(default_factory=list)
    # Where the extractor was unsure: codes of kg/data/warnings.tsv, in the order they arose.
    warnings: list[str] = field(default_factory=list)


# The layouts a document can have (domain.md): a classic digest, a news report of the session,
# a single-speech news article, or a page with both a report and a digest.
LAYOUTS = ("digest", "report", "article", "mixed")


@dataclass
class DocumentRecord:
    """A source document and everything extracted from it."""

    source: str  # base name of the input file
    text: str  # the original text (decoded), which every span indexes
    sha256: str  # of the decoded text: the document's identity
    headline: Value | None = None
    meeting: Meeting | None = None
    # The committee, also when no meeting line names a session (宜宾市政协…大会发言摘登).
    committee: Committee | None = None
    speeches: list[Speech] = field(default_factory=list)
    path: str | None = None
    layout: str = "digest"  # one of LAYOUTS


def _opt(v: Value | None) -> str | None:
    return v.value if v else None


def speech_to_record(s: Speech) -> dict:
    b = s.byline
    spans: dict = {"speech": s.span.to_json(), "byline": b.span.to_json(), "body": s.body.to_json()}
    if s.title:
        spans["title"] = s.title.span.to_json()
    for name, val in (("speaker", b.speaker), ("organization", b.organization), ("role", b.role)):
        if val:
            spans[name] = val.to_json()
    return {
        "title": _opt(s.title),
        "speaker": _opt(b.speaker),
        "organization": _opt(b.organization),
        "party": b.party,
        "role": _opt(b.role),
        "regions": list(s.regions),
        "region_links": [list(pair) for pair in s.region_links],
        "sectors": list(s.sectors),
        "issues": [i.text for i in s.issues],
        "suggestions": [i.text for i in s.suggestions],
        "spans": spans,
        "issue_spans": [i.to_json() for i in s.issues],
        "suggestion_spans": [i.to_json() for i in s.suggestions],
        "region_mentions": [{"name": m.name, "code": m.code, "start": m.span.start, "end": m.span.end,
                             "surface": m.surface} for m in s.region_mentions],
        "sector_evidence": [{"sector": e.sector, "term": e.term, "start": e.span.start, "end": e.span.end}
                            for e in s.sector_evidence],
        "warnings": list(s.warnings),
    }


def _committee_only(committee: Committee | None) -> dict | None:
    """No meeting line: what is known of the meeting is whose it is; label, term and session are null."""
    if committee is None or committee.region is None:
        return None
    return {"label": None, "region": committee.region, "term": None, "session": None,
            "level": committee.level, "year": None, "span": None}


def to_record(doc: DocumentRecord) -> dict:
    """The JSON extraction record (record-format.md) of one document."""
    return {
        "source": doc.source,
        "sha256": doc.sha256,
        "layout": doc.layout,
        "meeting": doc.meeting.to_json() if doc.meeting else _committee_only(doc.committee),
        "speeches": [speech_to_record(s) for s in doc.speeches],
    }
