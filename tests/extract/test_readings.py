"""Mirror noise: pinyin readings are taken out for matching; values come without them, spans point
into the text as published."""

from __future__ import annotations

from kg.extract.readings import map_span, strip_readings
from kg.pipeline import extract_text
from kg.records import Span, to_record


def test_readings_are_cut_and_every_character_keeps_its_offset() -> None:
    text = "区政(zhèng)协(xié)发（fā）言，数字(DR)设备"
    clean, offsets = strip_readings(text)
    assert clean == "区政协发言，数字(DR)设备"  # a bracketed word without tone marks stays
    assert all(text[offsets[i]] == ch for i, ch in enumerate(clean))
    assert map_span(Span(1, 3), offsets).slice(text) == "政(zhèng)协"


def test_a_text_without_readings_is_left_alone() -> None:
    assert strip_readings("市政协五届三次会议") is None
    assert strip_readings("数字(DR)设备、平台(app)、发言(2)") is None
    assert strip_readings("政协(xie)委员")[0] == "政协委员"  # readings without tone marks too


def test_values_without_readings_spans_into_the_original() -> None:
    text = ("余杭区政(zhèng)协(xié)五届四次会议举行大会发(fā)言\n"
            "2月19日上午，区政(zhèng)协(xié)五届四次会议举行第二次全体会议。\n"
            "沈佳明委员代表民建区总支发(fā)言，建议依托未来科技城建设数字化转型公共服务平台。\n")
    doc = extract_text(text, "mirror.txt")
    record = to_record(doc)
    assert doc.text == text
    assert record["meeting"]["label"] == "政协第五届余杭区委员会第四次会议"
    (speech,) = record["speeches"]
    assert (speech["speaker"], speech["organization"]) == ("沈佳明", "民建余杭区总支")
    assert speech["suggestions"] == ["依托未来科技城建设数字化转型公共服务平台"]
    org = speech["spans"]["organization"]
    assert text[org["start"] : org["end"]] == "民建区总支"
    (item,) = speech["suggestion_spans"]
    assert text[item["start"] : item["end"]] == speech["suggestions"][0]
    start, end = record["meeting"]["span"]
    assert "(xié)" in text[start:end]  # the span covers the reading as published
