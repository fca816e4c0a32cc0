"""Committees and one-line sources for the extractor tests (a committee is what a digest's meeting
line resolves to; these are the ones the genre examples of domain.md and the digests use)."""

from __future__ import annotations

from kg.extract.regions import abbreviation_pairs, area_compounds, region_mentions
from kg.read import Source, read_text
from kg.records import Committee, Span

JINZHONG = Committee("prefecture", "晋中市", "140700", "140000")
XIYANG = Committee("county", "昔阳县", "140724", "140000")
HUAIYIN = Committee("county", "槐荫区", "370104", "370000")
MEIZHOU = Committee("prefecture", "梅州市", "441400", "440000")
FOSHAN = Committee("prefecture", "佛山市", "440600", "440000")
DEYANG = Committee("prefecture", "德阳市", "510600", "510000")
ZHEJIANG = Committee("province", "浙江省", "330000", "330000")
DABU = Committee("county", "大埔县", "441422", "440000")
JINJIANG = Committee("county", "晋江市", "350582", "350000")
ANJI = Committee("county", "安吉县", "330523", "330000")
DINGXI = Committee("prefecture", "定西市", "621100", "620000")
SHIYAN = Committee("prefecture", "十堰市", "420300", "420000")
YONGCHUAN = Committee("county", "永川区", "500118", "500000")
JILIN = Committee("province", "吉林省", "220000", "220000")
GUANGXI = Committee("province", "广西壮族自治区", "450000", "450000")
NATIONAL = Committee("national", None, None, None)


def source(text: str) -> tuple[Source, Span]:
    """A source holding just ``text``, and the span of all of it."""
    return read_text(text), Span(0, len(text))


def region_names(text: str, committee: Committee) -> list[str]:
    """The regions every reader finds in ``text`` (places, abbreviation runs, named areas), in text order, once."""
    src, span = source(text)
    mentions = sorted(region_mentions(src, span, committee) + abbreviation_pairs(src, span, committee)
                      + area_compounds(src, span, committee), key=lambda m: m.span)
    return list(dict.fromkeys(m.name for m in mentions))
