"""Doubt made visible: the warnings a speech carries where the extractor was unsure, and that they
point at the speeches it gets wrong on the holdout digests (written by people who had not seen it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.extract.evaluate import FIELDS, _pairs, score
from kg.pipeline import extract_file, extract_text
from kg.records import to_record

DATA = Path(__file__).resolve().parents[1] / "data"
HOLDOUTS = sorted(DATA.glob("holdout*"))  # every blind holdout folder, pooled
HEADER = "晋中市政协五届三次会议大会发言摘编\n\n"


def warnings_of(title: str, byline: str, body: str) -> list[str]:
    doc = extract_text(f"{HEADER}{title}\n\n{byline}\n\n{body}\n")
    (speech,) = doc.speeches
    return speech.warnings


def test_a_place_known_by_a_guessed_short_name_is_flagged() -> None:
    # 和顺 is a county's short name: read through the committee's province
    guessed = warnings_of("深化与和顺合作 共建太行山水旅游环线", "民盟晋中市委 张明",
                          "我市与和顺山水相连。但两地旅游线路分散。建议：一是共建旅游环线。二是联合营销。")
    assert "short-name-region" in guessed
    named = warnings_of("深化与和顺县合作 共建太行山水旅游环线", "民盟晋中市委 张明",
                        "我市与和顺县山水相连。但两地旅游线路分散。建议：一是共建旅游环线。二是联合营销。")
    assert "short-name-region" not in named


def test_a_sector_on_weak_evidence_is_flagged() -> None:
    weak = warnings_of("凝心聚力 共谋发展", "市政协委员 李华",
                       "我市企业众多。但企业服务不够到位，产业链短。建议：一是加强企业服务。二是延伸产业链。")
    assert "weak-sector" in weak
    clear = warnings_of("推动马铃薯产业全链条升级", "市政协委员 李华",
                        "马铃薯是我市主导产业。但种薯繁育体系不健全。建议：一是建设种薯基地。二是发展精深加工。")
    assert "weak-sector" not in clear


def speech_outcomes(folders: list[Path]) -> list[tuple[bool, bool]]:
    """(wrong, warned) for every gold speech the extractor finds: wrong when any scored field of the
    speech has a false positive or a false negative (kg.extract.evaluate, the reference scorer's measure)."""
    out = []
    for folder in folders:
        for expected in sorted(folder.glob("*.expected.json")):
            data = json.loads(expected.read_text(encoding="utf-8"))
            for gold in data if isinstance(data, list) else [data]:
                out.extend(_outcomes(folder, gold))
    return out


def _outcomes(folder: Path, gold: dict) -> list[tuple[bool, bool]]:
    """(wrong, warned) for the speeches of one gold document (a holdout file may hold several)."""
    out = []
    pred = to_record(extract_file(folder / gold["source"]))
    golds, preds = gold["speeches"], pred["speeches"]
    for i, j in _pairs([s["title"] for s in golds], [s["title"] for s in preds], 0.8):
        tallies = score({"d": {"speeches": [golds[i]]}}, {"d": {"speeches": [preds[j]]}})
        wrong = any(tallies[f].fp or tallies[f].fn for f in FIELDS)
        out.append((wrong, bool(preds[j]["warnings"])))
    return out


def test_wrong_speeches_carry_warnings_more_often_than_right_ones() -> None:
    outcomes = speech_outcomes(HOLDOUTS)
    wrong = [warned for is_wrong, warned in outcomes if is_wrong]
    right = [warned for is_wrong, warned in outcomes if not is_wrong]
    if not wrong:
        pytest.skip("the extractor gets every holdout speech right: nothing to compare")
    assert right, "no speech right at all"
    assert sum(wrong) / len(wrong) > sum(right) / len(right), (sum(wrong), len(wrong), sum(right), len(right))


def test_links_read_from_a_run_of_abbreviations_are_flagged() -> None:
    group = warnings_of("推进太晋忻一体化 共建山西中部城市群", "民盟晋中市委 张明",
                        "太晋忻一体化加快推进。但三市交通衔接不畅。建议：一是共建快速通道。二是联合招商。")
    assert "group-link" in group
    listed = warnings_of("推进太原晋中一体化", "民盟晋中市委 张明",
                         "我市与太原协同发展加快推进。但两市交通衔接不畅。建议：一是共建快速通道。二是联合招商。")
    assert "group-link" not in listed
