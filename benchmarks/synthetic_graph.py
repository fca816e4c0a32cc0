"""Synthetic graphs in the shape of docs/model.md, of about N view nodes, for benchmarks/bench_view.py.

Built straight into pyoxigraph (no extractor): meetings (with years), parties, units, people, speeches
with their problems and suggestions (with evidence sentences), sectors and a three-level region tree;
one speech in twenty has no title (a news report's), one in ten carries an extractor's warning.
"""

from __future__ import annotations

import random

import pyoxigraph as ox

from kg.namespace import PREFIXES
from kg.store import GraphStore

KG, KGR = PREFIXES["kg"], PREFIXES["kgr"]
RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
PARTIES = [("rcck", "民革"), ("cdl", "民盟"), ("cndca", "民建"), ("capd", "民进"), ("pwdp", "农工党"),
           ("zgd", "致公党"), ("jsss", "九三学社"), ("tdsgl", "台盟"), ("acfic", "工商联"),
           ("nonparty", "无党派")]
SECTORS = [("culture-tourism", "文化旅游"), ("industry", "工业与制造业"), ("energy", "能源与双碳"),
           ("education", "教育"), ("science-talent", "科技创新与人才"), ("agriculture", "农业农村"),
           ("regional-coordination", "区域协同发展"), ("investment", "招商引资与营商环境"),
           ("private-economy", "民营经济"), ("health", "医疗卫生与医药"), ("ecology", "生态环境"),
           ("elderly-care", "养老与社会保障"), ("infrastructure", "交通与基础设施"),
           ("digital-economy", "数字经济"), ("urban-development", "城乡建设"),
           ("governance", "社会治理与公共服务"), ("finance", "金融")]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌宏轩森涛安运岳"
VERBS = ["推动", "深化", "加快", "完善", "强化", "优化", "提升", "促进"]
TOPICS = ["文旅融合", "产业升级", "人才引育", "乡村振兴", "营商环境", "数字赋能", "生态保护", "养老服务",
          "交通互联", "城市更新", "基层治理", "科技创新", "民营经济", "医疗服务", "职业教育", "绿色低碳"]
NODES_PER_SPEECH = 8.5  # speech + person + ~2.5 problems + ~4 suggestions


def _iri(path: str) -> ox.NamedNode:
    return ox.NamedNode(KGR + path)


def _p(prefix: str, name: str) -> ox.NamedNode:
    return ox.NamedNode(PREFIXES[prefix] + name)


def _zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


def synthetic_store(n_nodes: int, seed: int = 0) -> GraphStore:
    """A graph whose full view has about ``n_nodes`` nodes."""
    rng = random.Random(seed)
    n_speeches = max(3, round(n_nodes / NODES_PER_SPEECH * 0.97))
    triples: list[tuple[ox.NamedNode, ox.NamedNode, ox.Term]] = []
    add = triples.append

    province = _iri("region/c140000")
    add((province, RDF_TYPE, _p("kg", "Region")))
    add((province, _p("rdfs", "label"), _zh("山西省")))
    add((province, _p("kg", "adminCode"), ox.Literal("140000")))
    cities, counties = [], []
    for c in range(1, 12):
        city = _iri(f"region/c14{c:02d}00")
        cities.append(city)
        add((city, RDF_TYPE, _p("kg", "Region")))
        add((city, _p("rdfs", "label"), _zh(f"{TOPICS[c][:1]}{SURNAMES[c]}市")))
        add((city, _p("kg", "adminCode"), ox.Literal(f"14{c:02d}00")))
        add((city, _p("kg", "parentRegion"), province))
        for k in range(1, max(2, min(12, n_speeches // 120)) + 1):
            county = _iri(f"region/c14{c:02d}{k:02d}")
            counties.append(county)
            add((county, RDF_TYPE, _p("kg", "Region")))
            add((county, _p("rdfs", "label"), _zh(f"{SURNAMES[(c * 7 + k) % len(SURNAMES)]}{GIVEN[k]}县")))
            add((county, _p("kg", "adminCode"), ox.Literal(f"14{c:02d}{k:02d}")))
            add((county, _p("kg", "parentRegion"), city))
    for pid, short in PARTIES:
        add((_iri(f"party/{pid}"), RDF_TYPE, _p("kg", "Party")))
        add((_iri(f"party/{pid}"), _p("skos", "prefLabel"), _zh(short)))
    for sid, name in SECTORS:
        add((_iri(f"sector/{sid}"), RDF_TYPE, _p("skos", "Concept")))
        add((_iri(f"sector/{sid}"), _p("skos", "prefLabel"), _zh(name)))
    meetings = []
    for m in range(max(1, n_speeches // 150)):
        meeting = _iri(f"meeting/m{m:04d}")
        meetings.append(meeting)
        add((meeting, RDF_TYPE, _p("kg", "Meeting")))
        add((meeting, _p("rdfs", "label"), _zh(f"政协第{m % 9 + 1}届委员会第{m // 9 + 1}次会议")))
        add((meeting, _p("dcterms", "date"), ox.Literal(str(2023 + m % 3), datatype=_p("xsd", "gYear"))))
    warning = _iri("warning/weak-sector")
    add((warning, RDF_TYPE, _p("skos", "Concept")))
    add((warning, _p("skos", "prefLabel"), _zh("界别领域依据不足")))
    units = []
    for u in range(n_speeches // 6 + 1):
        unit, party = _iri(f"org/o{u:05d}"), rng.choice([*PARTIES, None, None])
        region = rng.choice(cities + counties)
        units.append((unit, party))
        add((unit, RDF_TYPE, _p("org", "Organization")))
        add((unit, _p("skos", "prefLabel"), _zh(f"{party[1] if party else '政协'}第{u}委员会")))
        add((unit, _p("dcterms", "spatial"), region))
        if party:
            add((unit, _p("org", "subOrganizationOf"), _iri(f"party/{party[0]}")))
    for s in range(n_speeches):
        _add_speech(add, rng, s, meetings, units, cities + counties)
    return GraphStore.from_quads(ox.Quad(*t) for t in triples)


def _add_speech(add, rng: random.Random, s: int, meetings, units, regions) -> None:
    speech, person = _iri(f"speech/s{s:06d}"), _iri(f"person/p{s:06d}")
    unit, party = rng.choice(units)
    title = f"{rng.choice(VERBS)}{rng.choice(TOPICS)} {rng.choice(VERBS)}{rng.choice(TOPICS)}"
    name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2))))
    add((speech, RDF_TYPE, _p("kg", "Speech")))
    if s % 20:
        add((speech, _p("dcterms", "title"), _zh(title)))
    if s % 10 == 3:
        add((speech, _p("kg", "warning"), _iri("warning/weak-sector")))
    add((speech, _p("kg", "byline"), _zh(f"第{s}单位 {name}")))
    body = f"{title}取得进展。但还存在一些问题。为此建议：一是加强统筹。二是完善机制。"
    add((speech, _p("kg", "text"), _zh(body)))
    add((speech, _p("kg", "meeting"), rng.choice(meetings)))
    add((speech, _p("kg", "speaker"), person))
    add((speech, _p("opengov", "onBehalfOf"), unit))
    if party:
        add((speech, _p("kg", "party"), _iri(f"party/{party[0]}")))
    for sid, _ in rng.sample(SECTORS, rng.choice((1, 2, 3))):
        add((speech, _p("dcterms", "subject"), _iri(f"sector/{sid}")))
    for region in rng.sample(regions, rng.choice((1, 1, 2))):
        add((speech, _p("dcterms", "spatial"), region))
    add((person, RDF_TYPE, _p("foaf", "Person")))
    add((person, _p("foaf", "name"), _zh(name)))
    add((person, _p("org", "memberOf"), unit))
    for kind, cls, link, count in (("issue", "Issue", "hasIssue", rng.randint(1, 4)),
                                   ("suggestion", "Suggestion", "hasSuggestion", rng.randint(2, 6))):
        for n in range(1, count + 1):
            item, evidence = _iri(f"{kind}/s{s:06d}-{n}"), _iri(f"doc/d{s:06d}-{kind}-{n}")
            text = f"{rng.choice(VERBS)}{rng.choice(TOPICS)}"
            add((speech, _p("kg", link), item))
            add((item, RDF_TYPE, _p("kg", cls)))
            add((item, _p("rdf", "value"), _zh(text)))
            add((item, _p("dcterms", "isPartOf"), speech))
            add((item, _p("kg", "evidence"), evidence))
            add((evidence, _p("kg", "sentence"), _zh(f"{n}是{text}，形成合力。")))
