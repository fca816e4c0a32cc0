"""Generic words that make a named area of the name before them (issue 10): X基地, X经济区, X新城, X试验区,
X产业园区, X古城, X画廊; a part of a free-trade zone (X片区) is no region."""

from __future__ import annotations

import pytest

from kg.pipeline import extract_source
from kg.read import read_text

NINGXIA = "——自治区政协十二届三次会议大会发言摘编 宁夏"
HUANGSHAN = "——政协第十二届黄山市委员会第三次会议大会发言摘编"
BEIJING = "——政协第十五届北京市委员会第三次会议大会发言摘编"
GUANGXI = "——自治区政协十三届二次会议大会发言摘编 广西"


def regions(meeting: str, body: str) -> list[str]:
    text = f"{meeting}\n\n推动发展\n发言人：张三\n{body}\n"
    return extract_source(read_text(text, "x.txt")).speeches[0].regions


@pytest.mark.parametrize(("meeting", "body", "area"), [
    (NINGXIA, "宁东能源化工基地是国家重要的能源基地，但产业链条短。建议延链补链。", "宁东能源化工基地"),
    (NINGXIA, "银川生物医药产业基地发展较快，但龙头企业少。建议培育龙头。", "银川生物医药产业基地"),
    (BEIJING, "大兴临空经济区建设加快，但配套不足。建议完善配套。", "大兴临空经济区"),
    (BEIJING, "亦庄新城发展迅速，但交通拥堵。建议优化交通。", "亦庄新城"),
    (NINGXIA, "沙湖试验区发展加快，但人才不足。建议引进人才。", "沙湖试验区"),
    (NINGXIA, "中关村产业园区发展加快，但人才不足。建议引进人才。", "中关村产业园区"),
    (HUANGSHAN, "新安江山水画廊景区游客增长，但接待能力不足。建议提升接待。", "新安江山水画廊"),
])
def test_generic_words_make_named_areas(meeting: str, body: str, area: str) -> None:
    assert area in regions(meeting, body)


def test_an_old_town_named_after_an_old_prefecture_is_no_district() -> None:
    found = regions(HUANGSHAN, "徽州古城游客增长，但停车难。建议增建停车场。")
    assert "徽州古城" in found and "徽州区" not in found


@pytest.mark.parametrize(("meeting", "body", "part"), [
    (GUANGXI, "中国（广西）自由贸易试验区钦州片区发展较快，但通关效率不高。建议优化通关。", "钦州片区"),
    (BEIJING, "北京大兴片区建设加快，但政策落地慢。建议加快落地。", "北京大兴片区"),
])
def test_a_part_of_a_free_trade_zone_is_no_region(meeting: str, body: str, part: str) -> None:
    assert part not in regions(meeting, body)
