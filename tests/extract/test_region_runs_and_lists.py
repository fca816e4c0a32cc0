"""Places that only look like regions, and links the genre makes that a plain clause reading misses (issue 10):
a run of city abbreviations holding a district's short name, foreign places, 港 that is a port, lists of partner
pairs, places a practice is spread to, generic compounds; and the named zones and links of cooperation areas."""

from __future__ import annotations

import pytest
from test_regions import regions

from kg.records import Committee

QINZHOU = Committee("prefecture", "钦州市", "450700", "450000")
BEIHAI = Committee("prefecture", "北海市", "450500", "450000")
GUANGXI = Committee("province", "广西壮族自治区", "450000", "450000")
YANGZHOU = Committee("prefecture", "扬州市", "321000", "320000")

CITIES_OF_THE_GULF = {("北海市", "钦州市"), ("北海市", "防城港市"), ("钦州市", "防城港市")}


@pytest.mark.parametrize(("text", "committee", "names", "links"), [
    # 钦北 is a district's short name, but beside 防 before 三市/一体化 the three characters are three cities
    ("钦北防三市同城化步伐加快。", QINZHOU, ["钦州市", "北海市", "防城港市"], CITIES_OF_THE_GULF),
    ("钦北防三市同城化步伐加快。", BEIHAI, ["钦州市", "北海市", "防城港市"], CITIES_OF_THE_GULF),
    ("推动钦北防一体化。", GUANGXI, ["钦州市", "北海市", "防城港市"], CITIES_OF_THE_GULF),
    ("推进北钦防一体化发展。", BEIHAI, ["北海市", "钦州市", "防城港市"], CITIES_OF_THE_GULF),
    ("宁镇扬同城化加快推进。", YANGZHOU, ["南京市", "镇江市", "扬州市"],
     {("南京市", "镇江市"), ("南京市", "扬州市"), ("镇江市", "扬州市")}),
    # the district named by itself is still the district
    ("钦北区产业加快发展，钦北与钦南协同发展。", QINZHOU, ["钦北区", "钦南区"], {("钦北区", "钦南区")}),
])
def test_a_run_of_city_abbreviations_is_the_cities(text, committee, names, links):
    found, pairs = regions(text, committee)
    assert found == names
    assert pairs == {frozenset(p) for p in links}
