"""Which warnings point at the speeches the extractor gets wrong (run on demand; not a test).

For every holdout folder's gold speeches that the extractor finds (paired by title as the scorer pairs
them), a speech is wrong when any scored field has a false positive or a false negative. Prints, per
group of folders, how many wrong and right speeches carry any warning, and per warning code how many
wrong and right speeches carry it (tests/extract/test_doubts.py asserts the pooled comparison).

    .venv/bin/python benchmarks/doubt_codes.py [--groups holdout,holdout2:holdout7:holdout8]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from kg.extract.evaluate import FIELDS, _pairs, score
from kg.pipeline import extract_file
from kg.records import to_record

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
DEFAULT_GROUPS = "holdout,holdout2,holdout3,holdout4,holdout5,holdout6:holdout7:holdout8:holdout9:holdout10"


def outcomes(folder: Path) -> list[tuple[list[str], list[str]]]:
    """(wrong fields, warning codes) of every gold speech of a folder that the extractor finds."""
    out = []
    for expected in sorted(folder.glob("*.expected.json")):
        data = json.loads(expected.read_text(encoding="utf-8"))
        for gold in data if isinstance(data, list) else [data]:
            pred = to_record(extract_file(folder / gold["source"]))
            golds, preds = gold["speeches"], pred["speeches"]
            for i, j in _pairs([s["title"] for s in golds], [s["title"] for s in preds], 0.8):
                tallies = score({"d": {"speeches": [golds[i]]}}, {"d": {"speeches": [preds[j]]}})
                out.append(([f for f in FIELDS if tallies[f].fp or tallies[f].fn], preds[j]["warnings"]))
    return out


def report(name: str, rows: list[tuple[list[str], list[str]]]) -> str:
    wrong = [codes for bad, codes in rows if bad]
    right = [codes for bad, codes in rows if not bad]
    rate = [sum(map(bool, group)) / max(len(group), 1) for group in (wrong, right)]
    lines = [f"{name}: wrong warned {sum(map(bool, wrong))}/{len(wrong)} ({rate[0]:.0%}), "
             f"right warned {sum(map(bool, right))}/{len(right)} ({rate[1]:.0%})"]
    per_code = Counter((code, bool(bad)) for bad, codes in rows for code in set(codes))
    for code in sorted({code for code, _ in per_code}):
        lines.append(f"  {code:<20} wrong {per_code[code, True]:3d}  right {per_code[code, False]:3d}")
    unwarned = Counter(field for bad, codes in rows if bad and not codes for field in bad)
    lines.append(f"  wrong without a warning, by field: {dict(sorted(unwarned.items()))}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", default=DEFAULT_GROUPS,
                        help="groups of tests/data folders: folders joined by commas, groups by colons")
    args = parser.parse_args()
    for group in args.groups.split(":"):
        names = group.split(",")
        rows = [row for name in names for row in outcomes(DATA / name)]
        print(report("+".join(names), rows))


if __name__ == "__main__":
    main()
