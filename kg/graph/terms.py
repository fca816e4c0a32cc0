"""Resource IRIs of the graph (docs/model.md, "Resources and their IRIs") and the party table
(kg/data/parties.tsv) that party IRIs are keyed by.

Every string that enters an IRI is hashed (``key_hash``) or is a checked id or code: a raw token
such as ``46%`` in an IRI is written by rdflib and then refused by pyoxigraph (spec/measured.md).
The IRIs are plain strings: the graph stage writes them as N-Triples text (kg/graph/writer.py),
and kg/graph/dataset.py makes rdflib ``URIRef``s of the few it states with rdflib.
"""

from __future__ import annotations

import csv
import hashlib
import re
from functools import cache
from importlib import resources

from kg.errors import KgError
from kg.lexicon import Party, party_by_alias
from kg.namespace import KG_RESOURCE
from kg.records import Committee, DocumentRecord, Meeting

_LOCAL_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_ADMIN_CODE = re.compile(r"[1-9][0-9]{5}")


def key_hash(key: str) -> str:
    """h(x) of docs/model.md: the first 16 hex digits of the SHA-256 of the UTF-8 string."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def fold_whitespace(text: str) -> str:
    return " ".join(text.split())


def _checked_id(value: str, what: str) -> str:
    if not _LOCAL_ID.fullmatch(value):
        raise KgError(f"{what} {value!r} cannot be part of an IRI (expected [A-Za-z][A-Za-z0-9_-]*)")
    return value


# ---------------------------------------------------------------- keys

def committee_key(committee: Committee) -> str:
    return f"{committee.level}|{committee.region or ''}"


def meeting_key(meeting: Meeting) -> str:
    term = "" if meeting.term is None else meeting.term
    session = "" if meeting.session is None else meeting.session
    return f"{committee_key(meeting.committee)}|{term}|{session}"


def doc_hash(doc: DocumentRecord) -> str:
    return key_hash(doc.text)


def scope_key(doc: DocumentRecord) -> str:
    """What people and units are keyed within: the committee, or the document when it has none."""
    return committee_key(doc.meeting.committee) if doc.meeting else f"d{doc_hash(doc)}"


def speech_hash(doc: DocumentRecord, title: str) -> str:
    context = meeting_key(doc.meeting) if doc.meeting else f"d{doc_hash(doc)}"
    return key_hash(f"{context}|{fold_whitespace(title)}")


# ---------------------------------------------------------------- IRIs

def doc_iri(dhash: str) -> str:
    return f"{KG_RESOURCE}doc/d{dhash}"


def graph_iri(dhash: str) -> str:
    return f"{KG_RESOURCE}graph/d{dhash}"


VOCAB_GRAPH = f"{KG_RESOURCE}graph/vocab"
ENTITY_GRAPH = f"{KG_RESOURCE}graph/entities"
BUILD_GRAPH = f"{KG_RESOURCE}graph/build"
SECTOR_SCHEME = f"{KG_RESOURCE}sector/scheme"
WARNING_SCHEME = f"{KG_RESOURCE}warnings"


def offset_iri(dhash: str, start: int, end: int) -> str:
    return f"{KG_RESOURCE}doc/d{dhash}-{start}-{end}"


def committee_iri(committee: Committee) -> str:
    return f"{KG_RESOURCE}committee/c{key_hash(committee_key(committee))}"


def meeting_iri(meeting: Meeting) -> str:
    return f"{KG_RESOURCE}meeting/m{key_hash(meeting_key(meeting))}"


def speech_iri(shash: str) -> str:
    return f"{KG_RESOURCE}speech/s{shash}"


def issue_iri(shash: str, n: int) -> str:
    return f"{KG_RESOURCE}issue/s{shash}-{n}"


def suggestion_iri(shash: str, n: int) -> str:
    return f"{KG_RESOURCE}suggestion/s{shash}-{n}"


def mention_iri(shash: str, kind: str, start: int, end: int) -> str:
    return f"{KG_RESOURCE}mention/s{shash}-{_checked_id(kind, 'mention kind')}-{start}-{end}"


def person_iri(scope: str, name: str) -> str:
    return f"{KG_RESOURCE}person/p{key_hash(f'{scope}|{name}')}"


def org_iri(scope: str, name: str) -> str:
    return f"{KG_RESOURCE}org/o{key_hash(f'{scope}|{name}')}"


def party_iri(party_id: str) -> str:
    return f"{KG_RESOURCE}party/{_checked_id(party_id, 'party id')}"


def sector_iri(sector_id: str) -> str:
    return f"{KG_RESOURCE}sector/{_checked_id(sector_id, 'sector id')}"


def region_iri(name: str, code: str | None) -> str:
    if code is not None:
        if not _ADMIN_CODE.fullmatch(code):
            raise KgError(f"region {name}: {code!r} is not a 6-digit GB/T 2260 code")
        return f"{KG_RESOURCE}region/c{code}"
    return f"{KG_RESOURCE}region/a{key_hash(name)}"


def composite_iri(members: list[str]) -> str:
    return f"{KG_RESOURCE}region/l{key_hash('|'.join(sorted(members)))}"


def build_iri(version: str, dhashes: list[str]) -> str:
    """The build activity: the same kg version over the same documents is the same build."""
    return f"{KG_RESOURCE}build/b{key_hash('|'.join([version, *sorted(dhashes)]))}"


# ---------------------------------------------------------------- parties

def party_named(name: str) -> Party:
    """The party a record names by any spelling (民进, 民進 → capd)."""
    try:
        return party_by_alias()[name]
    except KeyError:
        raise KgError(f"party {name!r} is not in kg/data/parties.tsv") from None


# ---------------------------------------------------------------- regions

def admin_level(code: str) -> str:
    """The level a GB/T 2260 code spells (the gazetteer knows better for the codes it has)."""
    if code.endswith("0000"):
        return "province"
    return "prefecture" if code.endswith("00") else "county"


# ---------------------------------------------------------------- warnings

@cache
def warning_labels() -> dict[str, tuple[str, str]]:
    """code → (zh, en) of kg/data/warnings.tsv."""
    text = resources.files("kg").joinpath("data", "warnings.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return {r["code"]: (r["zh"], r["en"]) for r in csv.DictReader(lines, delimiter="\t")}


def warning_iri(code: str) -> str:
    if code not in warning_labels():
        raise KgError(f"warning {code!r} is not in kg/data/warnings.tsv")
    return f"{KG_RESOURCE}warning/{_checked_id(code, 'warning code')}"
