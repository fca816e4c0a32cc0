"""Bytes → text: byte-order marks, UTF-8 before anything else, GB18030 told from Big5, the rest refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.read import decode, read_text, to_traditional

DIGESTS = Path(__file__).parents[1] / "data" / "digests"
SIMPLIFIED = sorted(p for p in DIGESTS.glob("*.txt") if not p.stem.endswith(("-tw", "-hk")))
TRADITIONAL = sorted(p for p in DIGESTS.glob("*.txt") if p.stem.endswith(("-tw", "-hk")))


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_unicode_with_or_without_its_mark(codec: str) -> None:
    text = "政协大会发言\n县政协委员赵丽华"
    data = text.encode(codec)
    if codec in ("utf-16-le", "utf-16-be"):  # an explicit byte order writes no mark; add it as editors do
        data = ("\ufeff" + text).encode(codec)
    assert decode(data, "x.txt") == text


@pytest.mark.parametrize("path", SIMPLIFIED, ids=lambda p: p.stem)
def test_gb18030_digests_are_read_as_gb18030(path: Path) -> None:
    text = text_of(path)
    assert decode(text.encode("gb18030"), path.name) == text


@pytest.mark.parametrize("path", [*TRADITIONAL, *SIMPLIFIED[:6]], ids=lambda p: p.stem)
def test_big5_digests_are_read_as_big5(path: Path) -> None:
    """Traditional-character digests (and simplified ones converted, as mirrors publish them)."""
    text = to_traditional(text_of(path)) if path in SIMPLIFIED else text_of(path)
    text = text.encode("big5hkscs", errors="ignore").decode("big5hkscs")  # what Big5 can hold
    assert decode(text.encode("big5hkscs"), path.name) == text


def test_traditional_text_in_gb18030_is_not_taken_for_big5() -> None:
    text = text_of(TRADITIONAL[0])
    assert decode(text.encode("gb18030"), "x.txt") == text


def test_hkscs_characters() -> None:
    text = "香港特區政府推動粵港澳大灣區發展，𨋢口位於屯門。委員建議加快北部都會區建設。" * 3
    assert decode(text.encode("big5hkscs"), "x.txt") == text


def test_a_declared_charset_is_used_when_the_bytes_fit_it() -> None:
    data = "市政协委员".encode("gb18030")
    assert decode(data, "x.html", declared="gb2312") == "市政协委员"


def test_utf8_wins_over_a_wrong_declaration() -> None:
    text = "市政协委员发言，建议加快建设。"
    assert decode(text.encode(), "x.html", declared="gb2312") == text


@pytest.mark.parametrize(("data", "message"), [
    (b"  \n", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "binary"),
    ("市政协委员发言建议".encode("utf-16-le"), "binary, not text .NUL bytes; UTF-16 needs a byte-order mark"),
    ("대한민국 국회는 오늘 본회의를 열고 예산안을 통과시켰습니다. 의원들은 경제 활성화 방안을 논의했습니다."
     .encode("euc-kr"),
     "unknown encoding"),
    ("日本の国会は本日、予算案を可決しました。議員たちは経済活性化策について議論しました。".encode("shift_jis"),
     "unknown encoding"),
    ("Le conseil a adopté le budget après une longue séance à l'hôtel de ville.".encode("latin-1"),
     "unknown encoding"),
    (b"\xef\xbb\xbf\xe6\x94\xbf\xff\xfe", "unknown encoding .not valid UTF-8-SIG after its byte-order mark"),
])
def test_refused_with_the_reason(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=f"^x.txt: {message}"):
        decode(data, "x.txt")


def test_line_breaks_of_every_kind_become_newlines() -> None:
    assert read_text("政协\r\n大会\r发言\f摘编\u2028完").text == "政协\n大会\n发言\n摘编\n完"


@pytest.mark.parametrize("line", ["（编辑：王慧\u3000校对：李娜）", "2025年1月8日 星期三", "2025年01月16日 19:42 重庆"])
def test_short_gb_lines_are_not_taken_for_big5(line: str) -> None:
    assert decode(line.encode("gb18030"), "x.txt") == line
