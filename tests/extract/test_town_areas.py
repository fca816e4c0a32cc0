"""Named areas the generic readers miss: towns jieba keeps whole, areas headed by a place and a description, national
wetland parks; and no area where a pair of abbreviations names a park or a description heads an area word."""

from __future__ import annotations

import pytest
from committees import region_names as names

from kg.records import Committee

JIADING = Committee("county", "嘉定区", "310114", "310000")
LEISHAN = Committee("county", "雷山县", "522634", "520000")
SHOUGUANG = Committee("county", "寿光市", "370783", "370000")
CHANGJI = Committee("prefecture", "昌吉回族自治州", "652300", "650000")


@pytest.mark.parametrize(("text", "committee", "expected"), [
    ("支持安亭镇、白鹤镇发展。", JIADING, ["安亭镇", "白鹤镇"]),
    ("融入虹桥国际开放枢纽和虹桥商务区。", JIADING, ["虹桥国际开放枢纽", "虹桥商务区"]),
    ("做强上海国际汽车城。", JIADING, ["上海市", "上海国际汽车城"]),
    ("打造雷山长寿养生国际旅游区。", LEISHAN, ["雷山县", "雷山长寿养生国际旅游区"]),  # 长寿 is description
    ("建设弥河国家湿地公园。", SHOUGUANG, ["弥河国家湿地公园"]),
    ("建设杭雷产业园。", LEISHAN, []),  # named by a pair: 杭州's and 雷山's park, no area
    ("发展高原城市群。", CHANGJI, []),  # a description of the land heads no area
    ("推进特色小镇和江南水乡建设，加强乡镇建设。", CHANGJI, []),  # a word's compounds, no towns
])
def test_town_areas(text, committee, expected):
    assert names(text, committee) == expected
