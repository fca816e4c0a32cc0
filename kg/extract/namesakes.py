"""Names that are a place only in some places: a practice named after a far place (梨树模式), a landmark named
like a district (云冈景区), a port named like a far county (新田港), a shore phrase after a water (赤水河沿河,
高峡平湖). Each is the thing named, no region of the speech, so region_mentions asks here before it keeps a place
it read."""

from __future__ import annotations

from kg.extract.proposer import committee_region
from kg.gazetteer import Region, gazetteer
from kg.lexicon import cues
from kg.records import Committee
from kg.words import Word


def names_a_practice(region: Region, word: str, following: tuple[Word, ...], committee: Committee | None) -> bool:
    """梨树模式 at the 黑龙江 committee: a practice named after a place far away (梨树县 of 吉林), no region of the
    speech, even where a district of the committee's own province shares the short name (梨树区 of 鸡西). A place of
    the committee's own province, the only one of its name, still names the place where its practice began."""
    own = committee_region(committee)
    if not following or following[0].text not in cues()["regions"]["practices"] or region.level == "province":
        return False
    if own is None or not own.code or region.code is None or region.code in (own.code, own.parent):
        return False
    # (a practice is a county's or a city's, 梨树县: a city's district of that short name is not where it began)
    namesakes = [r for r in gazetteer().by_short.get(word, ()) if r.code and r.code[:2] != own.code[:2]
                 and not r.name.endswith("区")]
    return region.code[:2] != own.code[:2] or (word != region.name and region.name.endswith("区") and bool(namesakes))


def names_a_landmark(region: Region, word: str, following: tuple[Word, ...], committee: Committee | None) -> bool:
    """龙岩大峡谷 in a Shanxi county: the short name of a far-away city that starts a landmark's name is
    the landmark's (平遥古城, in the committee's own province, still names 平遥县); a county's short name before
    石窟, 寺, 景区 is the landmark's at home too (云冈景区 is no 云冈区), unless the county is the committee's."""
    own = committee_region(committee)
    if not following or own is None or not own.code or region.code is None or region.level == "province":
        return False
    area = cues()["regions"]
    if (region.level == "county" and word != region.name and region.code != own.code
            and following[0].text in area["home_landmarks"]):
        return True
    return region.code[:2] != own.code[:2] and following[0].text in area["landmarks"]


def port_of_a_far_county(county: Region, text: str, at: int, committee: Committee | None) -> bool:
    """The port (港, 港区) at ``at`` is named like a 县 of another province than the committee's (a county-level
    city's port, 太仓港区, is the city's anywhere)."""
    own = committee_region(committee)
    return (text.startswith("港", at) and county.name.endswith("县") and own is not None and bool(own.code)
            and bool(county.code) and county.code[:2] != own.code[:2])


def names_a_shore(word: str, text: str, start: int) -> bool:
    """赤水河沿河, 高峡平湖: a county's short name that is a phrase of a shore, right after a water's name."""
    area = cues()["regions"]
    return word in area["shore_phrases"] and start > 0 and text[start - 1] in area["shore_waters"]
