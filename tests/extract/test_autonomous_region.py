"""A digest of an autonomous region's committee that names only 自治区: its meeting, its 我区, and a
byline whose first line is only a role (the speaker on a 发言人 line of its own)."""

from __future__ import annotations

from kg.pipeline import extract_source
from kg.read import read_text
from kg.records import to_record

DIGEST = """凝心聚力谱新篇
——自治区政协十二届三次会议大会发言摘编

推动枸杞产业提质增效
■ 自治区政协委员、宁夏大学教授
发言人：陈立群
我区枸杞产业规模居全国前列，但是精深加工不足。永宁县种植面积较大。建议加大科技投入，培育龙头企业。

■ 自治区政协委员、宁夏大学副教授
加快宁东能源化工基地转型升级
发言人：马晓东
全区新能源装机规模不断扩大，但是消纳能力不足。建议完善电网配套，拓展外送通道。
"""


def _record() -> dict:
    return to_record(extract_source(read_text(DIGEST, "ningxia.txt")))


def test_the_committee_is_the_autonomous_region() -> None:
    record = _record()
    assert record["meeting"]["label"] == "政协第十二届宁夏回族自治区委员会第三次会议"
    assert all("宁夏回族自治区" in sp["regions"] for sp in record["speeches"])


def test_a_role_line_and_a_speaker_line_are_one_byline() -> None:
    speeches = _record()["speeches"]
    assert [(sp["speaker"], sp["role"], sp["organization"]) for sp in speeches] == [
        ("陈立群", "自治区政协委员、宁夏大学教授", None),
        ("马晓东", "自治区政协委员、宁夏大学副教授", None),
    ]
    assert [sp["title"] for sp in speeches] == ["推动枸杞产业提质增效", "加快宁东能源化工基地转型升级"]
