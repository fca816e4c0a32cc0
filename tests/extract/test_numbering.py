"""Every numbering family of the genre, and which one a text uses."""

from __future__ import annotations

import pytest

from kg.extract.numbering import numbered_items


def items(text: str) -> tuple[str, list[str]]:
    family, marks = numbered_items(text)
    return family, [text[m.start : m.end].strip("。；;，, \n") for m in marks]


@pytest.mark.parametrize(("text", "family"), [
    ("一是加强统筹。二是完善机制。三是强化保障。", "shi"),
    ("一要加强统筹；二要完善机制；三要强化保障。", "yao"),
    ("（一）加强统筹。（二）完善机制。（三）强化保障。", "paren_cn"),
    ("一、加强统筹\n二、完善机制\n三、强化保障", "dun_cn"),
    ("（1）加强统筹；（2）完善机制；（3）强化保障。", "paren_ar"),
    ("1.加强统筹\n2.完善机制\n3.强化保障", "ar"),
    ("1、加强统筹；2、完善机制；3、强化保障。", "ar"),
    ("①加强统筹；②完善机制；③强化保障。", "circled"),
    ("第一，加强统筹。第二，完善机制。第三，强化保障。", "di"),
    ("其一，加强统筹；其二，完善机制；其三，强化保障。", "qi"),
    ("首先，加强统筹。其次，完善机制。最后，强化保障。", "order"),
    ("——加强统筹；\n——完善机制；\n——强化保障。", "dash"),
])
def test_families(text: str, family: str) -> None:
    assert items(text) == (family, ["加强统筹", "完善机制", "强化保障"])


def test_markers_must_run_in_order() -> None:
    # 三是 without 二是 before it is not the third item
    assert items("一是加强统筹。三是强化保障。二是完善机制。") == ("shi", ["加强统筹。三是强化保障", "完善机制"])


def test_the_earliest_family_wins() -> None:
    family, _ = numbered_items("（一）加强统筹。一是建机制，二是强保障。（二）完善机制。")
    assert family == "paren_cn"


def test_numbers_inside_words_are_not_markers() -> None:
    assert numbered_items("全市一是一、二是二的作风，3.5万人参与。") is None


def test_one_item_is_no_list() -> None:
    assert numbered_items("一是加强统筹。") is None
