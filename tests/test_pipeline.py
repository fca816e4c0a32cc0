"""The pipeline as a library: text in, a record out."""

from __future__ import annotations

from kg.pipeline import extract_text
from kg.records import to_record

WITHOUT_MEETING_LINE = """委员声音 | 宜宾市政协委员大会发言摘登
做强动力电池产业 打造世界级产业集群
市政协委员 李文博
我市动力电池产业发展迅速，但存在配套企业不足、人才短缺等问题。
为此建议：一是引进配套企业；二是加强人才培养。
"""


def test_a_digest_without_a_meeting_line_still_says_whose_committee_it_is() -> None:
    record = to_record(extract_text(WITHOUT_MEETING_LINE, "yb.txt"))
    assert record["meeting"]["region"] == "宜宾市"
    assert record["meeting"]["label"] is None and record["meeting"]["session"] is None
    (speech,) = record["speeches"]
    assert "宜宾市" in speech["regions"]  # 我市 resolved against the headline's committee
    assert speech["issues"] == ["配套企业不足", "人才短缺"]
