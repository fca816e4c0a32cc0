"""Where the extractor decided on thin evidence, as warning codes of kg/data/warnings.tsv, so that a
reader knows which facts to check. A code marks a decision that could have gone another way given
what the text says, not a routine step: a unit completed against the committee with the level word
the committee itself bears (民盟市委 at a city's plenary) is no doubt; a unit completed from a place's
short name (普陀政协) is.

- no-byline, no-title, no-suggestion-lead: what the page did not give (the pipeline sets these);
- unit-completed: the unit's place was supplied where the byline's own words do not settle it: a short
  place name completed with a level the gazetteer chose (来安政协 → 来安县政协), or a level word other than
  the one the completed place bears (区政协 at a county's committee);
- weak-sector: a sector chosen on weak evidence (``sectors.weak_sectors``: no clear term, or a central
  sector barely ahead of the next). A second sector that rests on body terms alone, one within a fifth
  of the rule that admits it, or a sector the title names and the choice leaves out were tried too: on
  the holdouts each fired on right speeches as often as on wrong ones (the annotators list such
  sectors as optional), so they would tell a reader nothing;
- short-name-region: a place known only by a name that needed guessing: a one-character abbreviation
  other than a conventional one (昆 for 昆明 or 昆山, 宁 for 南京 or 宁夏; 川, 沪, 甬 are conventional), a
  short name several regions share read outside the committee's own area, or a county's short name
  outside the committee's province (古城, 天山: far from the speaker, and often a common noun). An area
  named from a place and an area word that no list gives (紫陶产业园区, 银川都市圈) was tried as a code of
  its own: it fired on right speeches as often as on wrong ones, most such names being the page's own;
- listed-region: a place the body names only inside a list of three or more places (销往北京、天津、石家庄):
  an example or the setting as likely as the speech's topic;
- own-place-unread: an own-place word (全州, 我区) that no place was read from: the committee's level did not
  say which place it means (a 州 at a city's plenary, a district's 我区 at a city's), so the speech's own
  place may be missing;
- group-link: region links read from a run of abbreviations (厦漳泉), every member with every other;
- loose-link: a link between two places that no clause of the title or body joins by a relation word
  with no third place beside them: read from a list of three or more places, or across clauses;
- split-issue: problems split at a comma or an enumeration comma inside one clause (A规模小、B不足) where
  the text parts other problems more strongly (，or ；): whether the weaker joint parts two problems or
  joins the halves of one is a reading; or one problem that runs across a semicolon or a list marker.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from kg.extract.proposer import committee_region
from kg.extract.region_links import abbreviation_runs
from kg.extract.sectors import weak_sectors
from kg.gazetteer import Region, gazetteer
from kg.lexicon import alternation, city_abbreviations, cues, province_abbreviations
from kg.read import Source, to_simplified
from kg.records import Committee, Item, RegionMention, Span, Speech, Value

UNIT_COMPLETED = "unit-completed"
WEAK_SECTOR = "weak-sector"
SHORT_NAME_REGION = "short-name-region"
GROUP_LINK = "group-link"
LOOSE_LINK = "loose-link"
SPLIT_ISSUE = "split-issue"
OWN_PLACE_UNREAD = "own-place-unread"
LISTED_REGION = "listed-region"


def speech_doubts(src: Source, title: Span, speech: Speech, committee: Committee | None) -> list[str]:
    """The warning codes for a speech's unit, sectors, places, links and problems, in this order."""
    out = []
    org = speech.byline.organization
    if org is not None and unit_guessed(org, committee):
        out.append(UNIT_COMPLETED)
    if weak_sectors(src, title, speech.body, speech.sectors):
        out.append(WEAK_SECTOR)
    own = committee_region(committee)
    if _some_guessed(speech.region_mentions, own):
        out.append(SHORT_NAME_REGION)
    if len(speech.region_mentions) >= LIST_MIN and listed_only(src.simple, speech):
        out.append(LISTED_REGION)
    if _own_place_unread(src, title, speech):
        out.append(OWN_PLACE_UNREAD)
    groups = _groups(speech) if speech.region_links else []
    if any(_in_group(link, groups) for link in speech.region_links):
        out.append(GROUP_LINK)
    if any(not _in_group(link, groups) and not _firm_link(src, title, speech, link) for link in speech.region_links):
        out.append(LOOSE_LINK)
    if speech.issues and split_inside_clause(src.simple, speech.issues):
        out.append(SPLIT_ISSUE)
    return out


# --- unit ---------------------------------------------------------------------------------------------

def unit_guessed(org: Value, committee: Committee | None) -> bool:
    """A unit completed where its own words do not settle the place (see the module's docstring)."""
    if org.value == org.surface:
        return False
    surface, value = _simplified(org.surface), _simplified(org.value)
    if cues()["bylines"]["unit_full_names"].get(surface) == value:
        return False  # 无党派 → 无党派人士: a unit with one name
    start = next((i for i, (a, b) in enumerate(zip(surface, value, strict=False)) if a != b), len(surface))
    rest = surface[start:]
    level = max((w for w in cues()["bylines"]["place_levels"] if rest.startswith(w)), key=len, default="")
    if not level:
        return True  # 普陀政协 → 普陀区政协: a short name, its level the gazetteer's choice
    place = value[start : len(value) - (len(rest) - len(level))]
    region = committee_region(committee)
    own = {region.name, *(r.name for r in gazetteer().ancestors(region))} if region else set()
    # 民盟市委 → 民盟芜湖市委 at 芜湖's committee: the committee's own place (or its city, its province),
    # bearing the very level word the byline used
    return not (place.endswith(level) and place in own)


# --- places -------------------------------------------------------------------------------------------

def _some_guessed(mentions: list[RegionMention], own: Region | None) -> bool:
    """A region whose every mention is a guessed short name."""
    guessed, named = set(), set()
    for m in mentions:
        (guessed if guessed_short_name(m, own) else named).add(m.name)
    return bool(guessed - named)


# A mention's surface is a few characters, and the same few recur on every page.
_simplified = lru_cache(maxsize=8192)(to_simplified)


def guessed_short_name(mention: RegionMention, own: Region | None) -> bool:
    """A mention by a short name that needed guessing (see the module's docstring); ``own``: the
    committee's place."""
    surface = _simplified(mention.surface)
    if mention.code is None or mention.name in surface:
        return False  # a named area, a full name, or a unit that names the place in full
    if len(surface) == 1:
        return mention.name not in _conventional_readings().get(surface, ())
    region = gazetteer().by_code.get(mention.code)
    if region is None or surface != region.short:
        return False  # 我市 and the like, a unit's name
    if len(gazetteer().by_short.get(surface, [])) > 1:
        return not _within(region, own, own.level == "province" if own else False)
    return region.level == "county" and not _within(region, own, whole_province=True)


def _within(region: Region, own: Region | None, whole_province: bool) -> bool:
    """Inside the committee's province, or (not whole_province) inside its prefecture-level area."""
    if own is None or own.code is None or region.code is None:
        return False
    return region.code.startswith(own.code[:2] if whole_province else own.code[:4])


@cache
def _conventional_readings() -> dict[str, tuple[str, ...]]:
    """The place a one-character abbreviation stands for by convention, where it stands for one only:
    a province's (川, 沪) or a city's classic abbreviation (甬) that no prefecture-level city's name
    starts with and no other table gives another place for. A city's first character (昆 for 昆明)
    is a reading, not a convention: county-level cities (昆山) share it."""
    readings: dict[str, set[str]] = {}
    for table in (province_abbreviations(), city_abbreviations()):
        for ch, name in table.items():
            readings.setdefault(ch, set()).add(name)
    for region in gazetteer().by_code.values():
        if region.level == "prefecture" and region.name[0] in readings:
            readings[region.name[0]].add(region.name)
    return {ch: tuple(names) for ch, names in readings.items() if len(names) == 1}


_LIST_JOINT = frozenset({"、", "和", "与", "及", "以及"})
LIST_MIN = 3


def listed_only(simple: str, speech: Speech) -> bool:
    """A place the speech names only inside lists of three or more places of its body (兰州、白银、武威):
    an example or the setting as likely as the speech's topic."""
    body = [m for m in speech.region_mentions if speech.body.start <= m.span.start < speech.body.end]  # in order
    joined = [simple[a.span.end : b.span.start] in _LIST_JOINT for a, b in zip(body, body[1:], strict=False)]
    listed: set[int] = set()  # ids of the mentions inside a list
    start = 0
    for end in range(len(body)):
        if end == len(body) - 1 or not joined[end]:
            if end - start + 1 >= LIST_MIN:
                listed |= {id(m) for m in body[start : end + 1]}
            start = end + 1
    names = {body_mention.name for body_mention in body if id(body_mention) in listed}
    return any(all(id(m) in listed for m in speech.region_mentions if m.name == name) for name in names)


# 我州, 全盟, 本市: the speaker's own place, by the level character it bears (not 资本市场, 全区域)
_OWN_PLACE = re.compile(r"[我全本][省市州县区旗盟](?![场域级])")


def _own_place_unread(src: Source, title: Span, speech: Speech) -> bool:
    """The speech names its own place (我州, 全盟) and no place was read there: the committee's level
    did not say which place the word means, so the speech's own place may be missing."""
    for span in (title, speech.body):
        for m in _OWN_PLACE.finditer(span.slice(src.simple)):
            at = span.start + m.start()
            if not any(r.span.start <= at < r.span.end for r in speech.region_mentions):
                return True
    return False


# --- links --------------------------------------------------------------------------------------------

def _groups(speech: Speech) -> list[set[str]]:
    """The places of each run of three or more one-character abbreviations (襄十随)."""
    return [{m.name for m in run} for run in abbreviation_runs(speech.region_mentions) if len(run) >= 3]


def _in_group(link: tuple[str, ...], groups: list[set[str]]) -> bool:
    return any(set(link) <= group for group in groups)


_CLAUSE = re.compile(r"[^，,。；;！？!?：:\s]+")  # a title's halves are parted by a space


@cache
def _relation_words() -> re.Pattern[str]:
    return re.compile(alternation(cues()["regions"]["pair_relations"]))


def _firm_link(src: Source, title: Span, speech: Speech, link: tuple[str, ...]) -> bool:
    """A clause of the title or body that names the linked places, no third, and a relation word."""
    for span in (title, speech.body):
        text = span.slice(src.simple)
        for clause in _CLAUSE.finditer(text):
            inside = Span(span.start + clause.start(), span.start + clause.end())
            inner = [m for m in speech.region_mentions if inside.start <= m.span.start and m.span.end <= inside.end]
            # a place inside a longer mention (成都 of 成都都市圈) is part of that name, not a party
            names = {m.name for m in inner if not any(o is not m and o.span.start <= m.span.start
                                                      and m.span.end <= o.span.end for o in inner)}
            if set(link) <= names and len(names) == len(link) and _relation_words().search(clause.group()):
                return True
    return False


# --- problems -----------------------------------------------------------------------------------------

# The joints between two problems, weakest first: an enumeration comma, a comma, then a semicolon, a full
# stop or a list marker (一是, 第二).
_JOINT_LEVELS = (re.compile(r"、"), re.compile(r"[，,]"),
                 re.compile(r"[；;。！？!?\n]|[一二三四五六七八九十]是|第[一二三四五六七八九十]"))
_PUNCTUATION_ONLY = re.compile(r"^[、，,\s]+$")


def split_inside_clause(simple: str, items: list[Item]) -> bool:
    """Problems parted at two levels of joint (A规模小、B不足，C滞后): a split at the weaker joint, where
    nothing but that comma parts them, may cut one problem in two (规模小、效益不高) as well as part two.
    Problems all parted alike (A、B、C) are a list, and so is a run closed by 等 (在A、B等方面, A、B等问题)."""
    joints = []  # (level, parted by punctuation only, the end of the second problem)
    for a, b in zip(items, items[1:], strict=False):
        between = simple[a.span.end : b.span.start] if b.span.start >= a.span.end else ""
        level = max((i for i, p in enumerate(_JOINT_LEVELS) if p.search(between)), default=None)
        if level is not None:
            joints.append((level, bool(_PUNCTUATION_ONLY.match(between)), b.span.end))
    if any(_JOINT_LEVELS[-1].search(simple, item.span.start + 1, item.span.end) for item in items):
        return True  # 精品果率偏低；冷链物流设施不足: one problem across a semicolon or a list marker
    if len({level for level, _, _ in joints}) < 2:
        return False
    top = max(level for level, _, _ in joints)
    for i, (level, bare, _) in enumerate(joints):
        if not bare or level == top:
            continue
        run_end = i
        while run_end + 1 < len(joints) and joints[run_end + 1][:2] == (level, True):
            run_end += 1
        if simple[joints[run_end][2] : joints[run_end][2] + 1] != "等":
            return True
    return False
