"""Scoring extraction records against hand-checked ones, field by field (`kg eval`).

The same measure as the project's reference scorer (shared/eval/score.py), so that users can
measure on their own annotated digests: speeches paired by title (similarity ≥ 0.8); scalar
fields equal or not; regions and sectors as sets (``*_optional`` neither rewarded nor punished);
region links as sets of sets; issues and suggestions by one-to-one fuzzy matching (≥ 0.6).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from kg.errors import KgError

SCALARS = ("speaker", "organization", "party", "role")
SETS = ("regions", "sectors")
FUZZY = ("issues", "suggestions")
FIELDS = ("speeches", *SCALARS, *SETS, "region_links", *FUZZY, "meeting")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_records(path: str | Path) -> dict[str, dict]:
    """Documents by source base name, from a .json/.jsonl file or a folder of them."""
    path = Path(path)
    if not path.exists():
        raise KgError(f"{path}: no such file or folder")
    files = sorted(p for p in path.rglob("*") if p.suffix in (".json", ".jsonl")) if path.is_dir() else [path]
    docs: dict[str, dict] = {}
    for f in files:
        try:
            text = f.read_text(encoding="utf-8")
            items = ([json.loads(ln) for ln in text.splitlines() if ln.strip()] if f.suffix == ".jsonl"
                     else json.loads(text))
        except (ValueError, UnicodeDecodeError) as exc:
            raise KgError(f"{f}: not a record file ({exc})") from exc
        if isinstance(items, dict) and "documents" in items:  # {"documents": [...]}, as score.py reads it
            items = items["documents"]
        for doc in items if isinstance(items, list) else [items]:
            if not isinstance(doc, dict):
                raise KgError(f"{f}: not a record file (expected document objects, found {type(doc).__name__})")
            docs[Path(str(doc.get("source", f.name))).name] = doc
    return docs


def _clean(s: object) -> str:
    return "".join(str(s or "").split()).strip("。；;，,、.")


def _similarity(a: str, b: str) -> float:
    a, b = _clean(a), _clean(b)
    if not a or not b:
        return 0.0
    ratio = SequenceMatcher(None, a, b, autojunk=False).ratio()
    short, long_ = sorted((a, b), key=len)
    return max(ratio, 0.9) if short in long_ and len(short) / len(long_) >= 0.5 else ratio


def _pairs(gold: list, pred: list, threshold: float) -> list[tuple[int, int]]:
    cands = sorted(((_similarity(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)),
                   reverse=True)
    used_g, used_p, out = set(), set(), []
    for s, i, j in cands:
        if s < threshold:
            break
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def _org(s: object) -> str | None:
    return "".join(ch for ch in _clean(s) if ch not in "省市县区") or None


def score(gold: dict[str, dict], pred: dict[str, dict]) -> dict[str, Tally]:
    t = {f: Tally() for f in FIELDS}
    for name, g in gold.items():
        p = pred.get(name, {"speeches": []})
        gm, pm = g.get("meeting") or {}, p.get("meeting") or {}
        for k in ("label", "region", "term", "session"):
            if gm.get(k) is not None:
                ok = str(pm.get(k)) == str(gm.get(k))
                t["meeting"].add(int(ok), int(not ok and pm.get(k) is not None), int(not ok))
        gs, ps = g.get("speeches", []), p.get("speeches", [])
        pairs = _pairs([s.get("title") for s in gs], [s.get("title") for s in ps], 0.8)
        t["speeches"].add(len(pairs), len(ps) - len(pairs), len(gs) - len(pairs))
        for i in set(range(len(gs))) - {i for i, _ in pairs}:
            for f in SCALARS:
                t[f].add(0, 0, int(gs[i].get(f) is not None))
            for f in (*SETS, *FUZZY, "region_links"):
                t[f].add(0, 0, len(gs[i].get(f) or []))
        for i, j in pairs:
            _score_speech(t, gs[i], ps[j])
    for name, p in pred.items():
        if name not in gold:
            t["speeches"].add(0, len(p.get("speeches", [])), 0)
    return t


def _score_speech(t: dict[str, Tally], g: dict, p: dict) -> None:
    for f in SCALARS:
        if f == "role" and g.get(f) is None:
            continue  # roles are scored only where the byline gives one
        norm = _org if f == "organization" else (lambda v: _clean(v) or None)
        gv, pv = norm(g.get(f)), norm(p.get(f))
        ok = gv is not None and gv == pv
        t[f].add(int(ok), int(pv is not None and not ok), int(gv is not None and not ok))
    for f in SETS:
        gset = {_clean(x) for x in g.get(f) or []}
        pset = {_clean(x) for x in p.get(f) or []} - {_clean(x) for x in g.get(f + "_optional") or []}
        t[f].add(len(gset & pset), len(pset - gset), len(gset - pset))
    gl = {frozenset(map(_clean, x)) for x in g.get("region_links") or []}
    pl = {frozenset(map(_clean, x)) for x in p.get("region_links") or []}
    pl -= {frozenset(map(_clean, x)) for x in g.get("region_links_optional") or []}  # as the reference scorer
    t["region_links"].add(len(gl & pl), len(pl - gl), len(gl - pl))
    for f in FUZZY:
        gi, pi = g.get(f) or [], p.get(f) or []
        m = len(_pairs(gi, pi, 0.6))
        t[f].add(m, len(pi) - m, len(gi) - m)


def overall(tallies: dict[str, Tally]) -> float:
    return sum(t.prf()[2] for t in tallies.values()) / len(tallies)


def format_table(tallies: dict[str, Tally]) -> str:
    lines = [f"{'field':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>5}{'fn':>5}"]
    for f, t in tallies.items():
        p, r, f1 = t.prf()
        lines.append(f"{f:<14}{p:7.3f}{r:7.3f}{f1:7.3f}{t.tp:6d}{t.fp:5d}{t.fn:5d}")
    lines.append(f"overall F1 = {overall(tallies):.3f}")
    return "\n".join(lines)
