"""`kg eval` measures as the reference scorer does."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from click.testing import CliRunner
from paths import shared_or_skip

from kg.cli import main
from kg.extract.evaluate import load_records, overall, score
from kg.pipeline import extract_file
from kg.records import to_record

DIGESTS = Path(__file__).parents[1] / "data" / "digests"


def reference_scorer():
    path = shared_or_skip() / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_same_figures_as_the_reference_scorer(tmp_path: Path) -> None:
    ref = reference_scorer()
    expected = sorted(DIGESTS.glob("*.expected.json"))[:4]
    preds = [to_record(extract_file(DIGESTS / p.name.replace(".expected.json", ".txt"))) for p in expected]
    pred_file = tmp_path / "pred.json"
    pred_file.write_text(json.dumps(preds, ensure_ascii=False), encoding="utf-8")
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for p in expected:
        (gold_dir / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    ours = score(load_records(gold_dir), load_records(pred_file))
    theirs = ref.score(ref.load(gold_dir), ref.load(pred_file))
    for field, tally in ours.items():
        assert (tally.tp, tally.fp, tally.fn) == (theirs[field].tp, theirs[field].fp, theirs[field].fn), field
    assert 0 < overall(ours) <= 1


def test_cli_prints_the_table_and_honours_min(tmp_path: Path) -> None:
    gold = next(DIGESTS.glob("*.expected.json"))
    runner = CliRunner()
    perfect = runner.invoke(main, ["eval", str(gold), str(gold), "--min", "0.99"])
    assert perfect.exit_code == 0
    assert "overall F1 = 1.000" in perfect.output and "suggestions" in perfect.output
    empty = tmp_path / "empty.json"
    empty.write_text(json.dumps({"source": json.loads(gold.read_text())["source"], "speeches": []}))
    assert runner.invoke(main, ["eval", str(gold), str(empty), "--min", "0.5"]).exit_code == 1


def test_records_wrapped_in_documents_are_read_as_the_reference_scorer_reads_them(tmp_path: Path) -> None:
    gold = next(DIGESTS.glob("*.expected.json"))
    doc = json.loads(gold.read_text(encoding="utf-8"))
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"documents": [doc]}, ensure_ascii=False), encoding="utf-8")
    loaded = load_records(wrapped)
    assert list(loaded) == [Path(doc["source"]).name]
    assert overall(score(load_records(gold), loaded)) == 1.0


def test_a_json_file_that_holds_no_records_is_a_one_line_error(tmp_path: Path) -> None:
    odd = tmp_path / "odd.json"
    odd.write_text('["not", "records"]', encoding="utf-8")
    out = CliRunner().invoke(main, ["eval", str(odd), str(odd)])
    assert out.exit_code == 2 and out.output.startswith(f"kg: {odd}: not a record file")
