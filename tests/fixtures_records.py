"""A tiny digest and its DocumentRecord, built by hand: every span is found in the text, so
``span.slice(TEXT)`` is what the record says (tests/test_graph.py checks it).

Two speeches: a party unit's (民革晋中市委) and an individual member's (市政协委员), regions with a
composite link (太原-晋中) and a named area, issues, suggestions, and a ``46%`` that must never
reach an IRI.
"""

from __future__ import annotations

import hashlib

from kg.records import (
    Byline,
    Committee,
    DocumentRecord,
    Item,
    Meeting,
    RegionMention,
    SectorEvidence,
    Span,
    Speech,
    Value,
)

TEXT = """扫描二维码
着力推动高质量发展 不断深化全方位转型
——政协第五届晋中市委员会第三次会议大会发言摘编
精准施策 推动传统产业改造升级
民革晋中市委 安运涛
我市持续推动焦化、铸造等传统产业转型升级，焦化产能占比达46%。但在企业自主研发、科技创新等方面还需加强。
为此建议：一是加快改造提升传统产业；二是加快数智技术赋能。
加快太原晋中一体化步伐
市政协委员 田文杰
太原与晋中毗邻，山西中部城市群建设稳步推进。但还存在基础设施建设还有短板、推进机制还不完善等问题。
为此建议：一是加快基础设施互联互通。二是健全一体化推进机制。
"""


def span_of(surface: str, after: int = 0) -> Span:
    start = TEXT.index(surface, after)
    return Span(start, start + len(surface))


def value(surface: str, after: int = 0, normalised: str | None = None) -> Value:
    return Value(normalised or surface, span_of(surface, after), surface)


def item(text: str, sentence: str, after: int = 0) -> Item:
    return Item(text, span_of(text, after), span_of(sentence, after))


def _party_speech() -> Speech:
    title = value("精准施策 推动传统产业改造升级")
    byline = span_of("民革晋中市委 安运涛")
    body = Span(byline.end + 1, span_of("加快数智技术赋能。").end)
    issue_sentence = "但在企业自主研发、科技创新等方面还需加强。"
    proposals = "为此建议：一是加快改造提升传统产业；二是加快数智技术赋能。"
    tip = body.start
    return Speech(
        index=0,
        span=Span(title.span.start, body.end),
        title=title,
        byline=Byline(byline, speaker=value("安运涛", tip - 4), organization=value("民革晋中市委", tip - 12),
                      party="民革"),
        body=body,
        issues=[item("企业自主研发", issue_sentence, tip), item("科技创新", issue_sentence, tip)],
        suggestions=[item("加快改造提升传统产业", proposals, tip), item("加快数智技术赋能", proposals, tip)],
        regions=["晋中市"],
        region_mentions=[RegionMention("晋中市", "140700", span_of("我市", tip), "我市")],
        sectors=["industry"],
        sector_evidence=[SectorEvidence("industry", "焦化", span_of("焦化", tip))],
    )


def _member_speech() -> Speech:
    title = value("加快太原晋中一体化步伐")
    byline = span_of("市政协委员 田文杰")
    body = Span(byline.end + 1, span_of("健全一体化推进机制。").end)
    tip = body.start
    sentence = "但还存在基础设施建设还有短板、推进机制还不完善等问题。"
    proposals = "为此建议：一是加快基础设施互联互通。"
    area = "山西中部城市群"
    return Speech(
        index=1,
        span=Span(title.span.start, body.end),
        title=title,
        byline=Byline(byline, speaker=value("田文杰", byline.start), role=value("市政协委员", byline.start)),
        body=body,
        issues=[item("基础设施建设还有短板", sentence, tip), item("推进机制还不完善", sentence, tip)],
        suggestions=[item("加快基础设施互联互通", proposals, tip),
                     item("健全一体化推进机制", "二是健全一体化推进机制。", tip)],
        regions=["太原市", "晋中市", "山西中部城市群"],
        region_mentions=[RegionMention("太原市", "140100", span_of("太原", tip), "太原"),
                         RegionMention("晋中市", "140700", span_of("晋中", tip), "晋中"),
                         RegionMention(area, None, span_of(area, tip), area)],
        region_links=[("太原市", "晋中市")],
        sectors=["regional-coordination", "infrastructure"],
        sector_evidence=[SectorEvidence("regional-coordination", "一体化", span_of("一体化", tip)),
                         SectorEvidence("infrastructure", "基础设施", span_of("基础设施", tip))],
    )


def fixture_document() -> DocumentRecord:
    committee = Committee("prefecture", "晋中市", "140700", "140000")
    return DocumentRecord(
        source="fixture-digest.txt",
        text=TEXT,
        sha256=hashlib.sha256(TEXT.encode("utf-8")).hexdigest(),
        headline=value("着力推动高质量发展 不断深化全方位转型"),
        meeting=Meeting("政协第五届晋中市委员会第三次会议", committee, 5, 3,
                        span_of("政协第五届晋中市委员会第三次会议"), year=2024),
        speeches=[_party_speech(), _member_speech()],
    )
