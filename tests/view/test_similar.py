"""Alike problems and suggestions, grouped by the Dice coefficient of their character bigrams."""

from kg.view.similar import ALIKE_DICE, bigrams, dice, group_texts


def test_bigrams_ignore_punctuation_and_spaces():
    assert bigrams("人才 短缺，") == frozenset({"人才", "才短", "短缺"})
    assert bigrams("难") == frozenset({"难"})


def test_alike_and_unlike_texts():
    assert dice(bigrams("人才短缺"), bigrams("专业人才短缺")) == 0.75 >= ALIKE_DICE
    assert dice(bigrams("并网消纳能力不足"), bigrams("创新能力不足")) == 0.5 < ALIKE_DICE


def test_alike_texts_are_counted_together_by_speech():
    groups = group_texts([("专业人才短缺", "s1"), ("人才短缺", "s2"), ("人才短缺", "s3"), ("交通衔接不畅", "s1"),
                          ("人才短缺问题", "s4"), ("人才短缺", "s4"), ("", "s5")])
    assert [(g.label, g.count) for g in groups] == [("人才短缺", 4), ("交通衔接不畅", 1)]
    assert sorted(groups[0].texts) == ["专业人才短缺", "人才短缺", "人才短缺问题"]


def test_thousands_of_texts_sharing_common_bigrams_are_each_counted_once():
    texts = [(f"加强建设第{i}号项目", f"s{i}") for i in range(3000)]
    groups = group_texts(texts)
    assert sum(g.count for g in groups) == 3000  # every speech counted once, whatever the grouping
