"""The pipeline as a library: text in, a record out."""

from __future__ import annotations

import pytest

from kg.errors import InputError
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


DIGEST_BLOCK = ("加快数字乡村建设\n民革市委会 张明\n我市数字乡村建设存在基础设施薄弱等问题。\n"
                "为此建议：一是加强统筹。二是完善机制。\n")
REPORT_LEAD = "1月10日上午，宜宾市政协五届三次会议举行第二次全体会议。\n"


def test_the_layout_of_a_page() -> None:
    digest = to_record(extract_text("——宜宾市政协五届三次会议大会发言摘编\n" + DIGEST_BLOCK, "d.txt"))
    report = to_record(extract_text(REPORT_LEAD + "李红委员代表民盟市委会发言，建议完善托育服务。\n", "r.txt"))
    headline = "李红：完善普惠托育服务体系\n"
    article = to_record(extract_text(headline + REPORT_LEAD.replace("。", "，李红委员作大会发言。"), "a.txt"))
    mixed = to_record(extract_text(REPORT_LEAD + "张明委员代表民革市委会作《加快数字乡村建设》的发言。\n大会发言摘登\n"
                                   + DIGEST_BLOCK, "m.txt"))
    assert [r["layout"] for r in (digest, report, article, mixed)] == ["digest", "report", "article", "mixed"]
    assert article["speeches"][0]["title"] == "完善普惠托育服务体系"
    (speech,) = mixed["speeches"]  # named in the report and given in full below: one speech, the fuller one
    assert speech["issues"] == ["基础设施薄弱"] and len(speech["suggestions"]) == 2


def test_warnings_say_where_the_extractor_was_unsure() -> None:
    record = to_record(extract_text(REPORT_LEAD + "李红委员代表民盟市委会发言时表示，要完善托育服务。\n", "w.txt"))
    (speech,) = record["speeches"]
    assert speech["organization"] == "民盟宜宾市委会"
    # 民盟市委会 at 宜宾's committee: the level word is the committee's own, the completion no guess
    assert speech["warnings"] == ["no-suggestion-lead", "no-title"]


def test_a_page_with_neither_bylines_nor_speech_bodies_is_skipped_with_its_reason() -> None:
    text = "首页 > 新闻\n春节慰问活动\n市领导走访慰问困难群众，送去节日祝福。\n活动现场气氛热烈。\n"
    with pytest.raises(InputError, match=r"neither a byline nor a speech body"):
        extract_text(text, "news.txt")
