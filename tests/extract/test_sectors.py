"""Sector choice: the most central concept first, further ones by weight or by the title."""

from __future__ import annotations

import pytest

from kg.extract.sectors import classify
from kg.read import read_text, to_simplified
from kg.records import Span


def sectors(title: str, body: str) -> list[str]:
    text = f"{title}\n{body}"
    src = read_text(text)
    chosen, _ = classify(src, Span(0, len(title)), Span(len(title) + 1, len(text)))
    return chosen


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("深化文旅融合 推动文旅产业提质升级", "我市旅游资源丰富，景区游客持续增长。", ["culture-tourism"]),
    # a second sector that weighs at least half as much
    ("积极培育甲醇汽车优势产业", "甲醇汽车是我市优势产业。推广甲醇燃料，发展绿色低碳交通。甲醇加注站建设滞后。",
     ["industry", "energy"]),
    # a sector the title names with a strong term comes in even where the body dwells elsewhere
    ("联手打造太行山水旅游环线 推动全域旅游提档升级", "我县景区众多，旅游线路分散，游客停留时间短，旅游收入偏低。",
     ["culture-tourism", "regional-coordination"]),
    ("多元协同校企合作 倾力助推产教融合", "推动高校与企业共建实验室，开展产学研合作，促进成果转化。",
     ["science-talent", "education"]),
    ("做强大埔茶产业 带动山区群众增收", "茶园面积持续扩大，茶叶品牌分散。", ["agriculture"]),
    # context words (农村, 妇女) weigh little, the topic of the title comes first
    ("关爱农村留守儿童 护航健康成长", "我市农村留守儿童较多，农村寄宿制学校心理健康教师不足。", ["education"]),
    ("扩大“两癌”筛查覆盖面 守护妇女健康", "我市农村妇女两癌免费筛查服务群众十余万人次，基层诊断能力偏弱。",
     ["health"]),
    ("推动马铃薯产业全链条升级", "马铃薯是我市主导产业，种薯繁育体系不健全，仓储冷链设施不足。", ["agriculture"]),
    # no evidence, no sector
    ("凝心聚力 共谋发展", "委员们踊跃发言。", []),
])
def test_sector_choice(title: str, body: str, expected: list[str]) -> None:
    assert sectors(title, body) == expected


def test_at_most_three_sectors() -> None:
    title = "统筹教育医疗养老交通"
    body = "教育学校教师；医疗医院患者；养老老年适老；交通公路铁路。"
    assert len(sectors(title, body)) == 3


def test_evidence_is_in_the_text() -> None:
    text = "推動陶瓷產業綠色低碳轉型\n陶瓷企業節能降碳，推廣光伏。"
    src = read_text(text)
    _, evidence = classify(src, Span(0, 12), Span(13, len(text)))
    assert evidence and all(to_simplified(e.span.slice(text)) == e.term for e in evidence)


def test_a_speech_that_joins_places_is_about_regional_coordination() -> None:
    from kg.extract.sectors import LINK_SECTOR, classify
    from kg.read import read_text
    from kg.records import Span

    src = read_text("深化两地文旅合作\n共同打造旅游线路，发展乡村旅游和文化旅游。")
    title, body = Span(0, 8), Span(9, len(src.text))
    alone, _ = classify(src, title, body)
    linked, _ = classify(src, title, body, linked=True)
    assert alone[0] == linked[0] == "culture-tourism"
    assert LINK_SECTOR not in alone and LINK_SECTOR in linked
