"""Chinese numerals both ways, past 99: a session number ≥ 100 once crashed the whole build."""

from __future__ import annotations

from paths import SAMPLE_DIR

from kg.extract.numerals import cn_to_int, int_to_cn
from kg.pipeline import extract_text


def test_int_to_cn_is_the_inverse_of_cn_to_int_up_to_999():
    assert [int_to_cn(n) for n in (5, 10, 14, 21, 100, 105, 110, 999)] == [
        "五", "十", "十四", "二十一", "一百", "一百零五", "一百一十", "九百九十九"]
    assert all(cn_to_int(int_to_cn(n)) == n for n in range(1000))


def test_an_abbreviated_meeting_with_session_103_is_expanded():
    text = next(SAMPLE_DIR.glob("*.txt")).read_text(encoding="utf-8")
    doc = extract_text(text.replace("政协第五届晋中市委员会第三次会议", "晋中市政协五届103次会议"), "s103.txt")
    assert doc.meeting.session == 103
    assert doc.meeting.label == "政协第五届晋中市委员会第一百零三次会议"
