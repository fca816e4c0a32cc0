"""Where the extractor was unsure about a speech's sectors and places, as warning codes of
kg/data/warnings.tsv, so that a reader knows which facts to check:

- weak-sector: a sector chosen on weak evidence (``sectors.weak_sectors``);
- short-name-region: a place known only by a name that needed guessing: a one-character
  abbreviation (甬), a county's short name (湄潭), or a short name several regions share (鼓楼),
  read through the committee's place. A unique short name of a province or prefecture (太原, 四川) is
  no guess, nor is an own-place word (我市) or a unit's name (its completion has a code of its own);
- group-link: region links read from a run of abbreviations (厦漳泉, 襄十随), every member with every
  other: whether a group's name joins each pair or only the speaker's place with the others is a
  reading that readers of the genre make both ways.
"""

from __future__ import annotations

from functools import lru_cache

from kg.extract.region_links import abbreviation_runs
from kg.extract.sectors import weak_sectors
from kg.gazetteer import gazetteer
from kg.read import Source, to_simplified
from kg.records import RegionMention, Span, Speech

WEAK_SECTOR = "weak-sector"
SHORT_NAME_REGION = "short-name-region"
GROUP_LINK = "group-link"


def speech_doubts(src: Source, title: Span, speech: Speech) -> list[str]:
    """The warning codes for a speech's sectors and regions, in this order."""
    out = []
    if weak_sectors(src, title, speech.body, speech.sectors):
        out.append(WEAK_SECTOR)
    if any(_guessed(name, speech.region_mentions) for name in speech.regions):
        out.append(SHORT_NAME_REGION)
    if _group_linked(speech):
        out.append(GROUP_LINK)
    return out


def _group_linked(speech: Speech) -> bool:
    """A link between two members of a run of three or more one-character abbreviations (襄十随)."""
    groups = [{m.name for m in run} for run in abbreviation_runs(speech.region_mentions) if len(run) >= 3]
    return any(set(link) <= group for link in speech.region_links for group in groups)


def _guessed(name: str, mentions: list[RegionMention]) -> bool:
    """Every mention of the region is a guessed short name."""
    own = [m for m in mentions if m.name == name]
    return bool(own) and all(_is_guess(m) for m in own)


# A mention's surface is a few characters, and the same few recur on every page.
_simplified = lru_cache(maxsize=8192)(to_simplified)


def _is_guess(mention: RegionMention) -> bool:
    surface = _simplified(mention.surface)
    if mention.code is None or mention.name in surface:
        return False  # a named area, a full name, or a unit that names the place in full
    if len(surface) == 1:
        return True  # 甬 of 沪甬港航合作
    region = gazetteer().by_code.get(mention.code)
    if region is None or surface != region.short:
        return False  # 我市 and the like, a unit's name
    return region.level == "county" or len(gazetteer().by_short.get(surface, [])) > 1
