"""Mountains and rivers a speech is about, and parts of the committee's own province, are named regions; a district
named after a mountain (天山区) is not read from the mountain's name before its side (天山北坡)."""

from __future__ import annotations

import pytest
from committees import region_names as names

from kg.records import Committee

SHAANXI = Committee("province", "陕西省", "610000", "610000")
WUQING = Committee("county", "武清区", "120114", "120000")
CHUZHOU = Committee("prefecture", "滁州市", "341100", "340000")
URUMQI = Committee("prefecture", "乌鲁木齐市", "650100", "650000")
SICHUAN = Committee("province", "四川省", "510000", "510000")
GUANGXI = Committee("province", "广西壮族自治区", "450000", "450000")


@pytest.mark.parametrize(("text", "committee", "expected"), [
    ("加强秦岭生态保护。", SHAANXI, ["秦岭"]),
    ("守住底线，保护秦岭。", SHAANXI, ["秦岭"]),  # a care word before the mountain
    ("打造北运河沿线文旅带。", WUQING, ["北运河"]),
    ("加强滁河综合治理。", CHUZHOU, ["滁河"]),  # a name the dictionary lacks (滁 / 河)
    ("加快天山北坡产业带建设。", URUMQI, ["天山"]),  # the mountain, not 天山区
    ("加快汉江生态经济带建设，推进黄河流域生态保护。", SHAANXI, ["汉江生态经济带", "黄河流域"]),  # the areas'
    ("江山如画，高山流水，推进河道治理。", SHAANXI, []),  # ordinary words
    ("陕南、陕北、关中协调发展。", SHAANXI, ["陕南", "陕北", "关中"]),
    ("桂西资源富集。", GUANGXI, ["桂西"]),
    ("借鉴粤东的经验。", SICHUAN, []),  # a part of another province, said in passing
])
def test_features_and_province_parts(text, committee, expected):
    assert names(text, committee) == expected
