"""Cleaning before anything indexes the text: control and invisible characters dropped, PDF
radicals read as ideographs, over-long lines split; the cleaned text is what spans index."""

from __future__ import annotations

import unicodedata

import pytest

from kg.errors import InputError
from kg.read import read_text
from kg.read.clean import MAX_LINE, clean, split_line


def test_control_and_invisible_characters_are_dropped_tab_and_newline_kept() -> None:
    text, notes = clean("县政协\x00委员\x1b赵丽\u200b华\t发言\n建议\x7f加快\ufeff建设" + "。" * 600)
    assert text.startswith("县政协委员赵丽华\t发言\n建议加快建设。")
    assert notes == ["5 control or invisible characters dropped"]


def test_every_control_and_format_character_of_unicode_is_dropped() -> None:  # but line breaks
    invisible = [chr(cp) for cp in range(0x110000)
                 if unicodedata.category(chr(cp)) in ("Cc", "Cf") and chr(cp) not in "\t\n\r\f\v\x85"]
    visible = "县政协\t委员\n" * 5000
    text, notes = clean("".join(invisible) + visible)
    assert text == visible
    assert notes == [f"{len(invisible)} control or invisible characters dropped"]
    assert len(invisible) > 150


def test_mostly_control_characters_is_binary() -> None:
    with pytest.raises(InputError, match=r"^x.txt: binary, not text \(3 control characters\)$"):
        read_text("政协\x00\x01\x02发言", "x.txt")


def test_the_source_text_is_the_cleaned_text() -> None:
    src = read_text("标题\n县政协委员\x00赵丽华\n" + "正文。" * 200, "x.txt")
    assert "\x00" not in src.text and src.text.split("\n")[1] == "县政协委员赵丽华"
    assert [src.text[ln.span.start:ln.span.end] for ln in src.lines][:2] == ["标题", "县政协委员赵丽华"]


def test_pdf_radicals_become_ideographs() -> None:
    text, notes = clean("⾸⻚ > ⼤会发⾔\n⸺政协安吉县第⼗⼀届委员会 ⺠进")
    assert text == "首页 > 大会发言\n——政协安吉县第十一届委员会 民进"
    assert notes


def test_long_lines_are_split_at_sentence_ends() -> None:
    sentence = "委员建议加快推进区域协同发展。"
    line = sentence * (2 * MAX_LINE // len(sentence))
    text, notes = clean(line + "\n短行")
    pieces = text.split("\n")
    assert all(len(p) <= MAX_LINE for p in pieces) and all(p.endswith("。") for p in pieces[:-2])
    assert "".join(pieces[:-1]) == line and pieces[-1] == "短行"
    assert notes == [f"1 line longer than {MAX_LINE:,} characters split at sentence ends"]


def test_a_line_without_sentence_ends_is_split_hard() -> None:
    assert [len(p) for p in split_line("字" * 25, 10)] == [10, 10, 5]
