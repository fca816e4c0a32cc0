"""Bylines in every form of domain.md, read into speaker, unit (completed), party and role."""

from __future__ import annotations

import pytest
from committees import ANJI, GUANGXI, HUAIYIN, JINZHONG, NATIONAL, XIYANG, source

from kg.extract.byline import looks_like_byline, parse_line, split_fused, split_trailing
from kg.extract.proposer import build_byline
from kg.read import read_text
from kg.records import Span


def proposer(line: str, committee=JINZHONG) -> tuple:
    src, span = source(line)
    b = build_byline(src, [span], committee)
    value = lambda v: v.value if v else None  # noqa: E731
    return value(b.speaker), value(b.organization), b.party, value(b.role)


@pytest.mark.parametrize(("line", "expected"), [
    # unit + person, as in the sample
    ("民革晋中市委 安运涛", ("安运涛", "民革晋中市委", "民革", None)),
    ("九三学社晋中市委 梁宏", ("梁宏", "九三学社晋中市委", "九三学社", None)),
    ("晋中市工商联 岳森", ("岳森", "晋中市工商联", "工商联", None)),
    ("平遥县政协 王轩", ("王轩", "平遥县政协", None, None)),
    ("昔阳政协 焦耀中", ("焦耀中", "昔阳县政协", None, None)),
    # role + person, person first, several roles
    ("市政协委员 岳丽", ("岳丽", None, None, "市政协委员")),
    ("张三 市政协常委", ("张三", None, None, "市政协常委")),
    ("市政协委员、山西农业大学教授 张三", ("张三", None, None, "市政协委员、山西农业大学教授")),
    # roles before the name and 委员 after it: the phrase before the name is the role, kept whole
    ("市政协委员、山西农业大学教授 张三委员", ("张三", None, None, "市政协委员、山西农业大学教授")),
    ("市政协常委、山西农业大学教授张三委员", ("张三", None, None, "市政协常委、山西农业大学教授")),
    ("民盟市委会 张三委员", ("张三", "民盟晋中市委会", "民盟", None)),
    ("张三（民盟市委）", ("张三", "民盟晋中市委", "民盟", None)),
    # glued without a space
    ("平遥县政协王轩", ("王轩", "平遥县政协", None, None)),
    ("市政协委员赵丽华", ("赵丽华", None, None, "市政协委员")),
    ("刘长江委员", ("刘长江", None, None, "委员")),
    # a unit alone, two speakers, 界别, markers
    ("民建晋中市委会", (None, "民建晋中市委会", "民建", None)),
    ("民革市委", (None, "民革晋中市委", "民革", None)),
    ("刘建华、王丽", ("刘建华、王丽", None, None, None)),
    ("致公党晋中市委 李明、韩雪", ("李明、韩雪", "致公党晋中市委", "致公党", None)),
    ("农工党晋中市委 李明 王芳", ("李明 王芳", "农工党晋中市委", "农工党", None)),
    ("艾力·买买提 市政协委员", ("艾力·买买提", None, None, "市政协委员")),
    ("经济界别 张三", ("张三", "经济界别", None, None)),
    ("工商联界别 李四", ("李四", "工商联界别", "工商联", None)),
    ("无党派人士", (None, "无党派人士", "无党派", None)),
    ("◎民进晋中市委 李四", ("李四", "民进晋中市委", "民进", None)),
    ("□市政协委员 王五", ("王五", None, None, "市政协委员")),
    ("发言人：吴敏", ("吴敏", None, None, None)),
    ("发言人｜吴敏", ("吴敏", None, None, None)),
    ("发言人 吴敏", ("吴敏", None, None, None)),
    ("民盟市委 张三（执笔）", ("张三", "民盟晋中市委", "民盟", None)),
    ("张三、李四（民盟市委）", ("张三、李四", "民盟晋中市委", "民盟", None)),
    # sentences: for a unit, and read for someone else (the reader is the speaker)
    ("张三委员代表民进市委发言", ("张三", "民进晋中市委", "民进", None)),
    ("王丽代张伟委员发言：", ("王丽", None, None, None)),
    # a proxy note in brackets after the byline: the speaker keeps the role; 代表 names the unit
    ("市政协委员 刘畅（代胡德军委员发言）", ("刘畅", None, None, "市政协委员")),
    ("刘畅（代胡德军委员发言）", ("刘畅", None, None, None)),
    ("张三（代表民盟市委发言）", ("张三", "民盟晋中市委", "民盟", None)),
    ("◎李四（代表市工商联作大会发言）", ("李四", "晋中市工商联", "工商联", None)),
    # 代 before a unit: the unit's speech, read by a member (no role of the speaker's then)
    ("市政协委员　王建华（代民建市委会发言）", ("王建华", "民建晋中市委会", "民建", None)),
    ("市政协委员 王建华（代市工商联发言）", ("王建华", "晋中市工商联", "工商联", None)),
    # several roles, the last one a post of any trade (副行长, 副主任医师, 创始人)
    ("市政协委员、晋商银行副行长 陈志远", ("陈志远", None, None, "市政协委员、晋商银行副行长")),
    ("市政协委员、市人民医院副主任医师 李华", ("李华", None, None, "市政协委员、市人民医院副主任医师")),
    # block markers of WeChat digests, with or without a space
    ("■ 张三委员代表民进市委的发言：", ("张三", "民进晋中市委", "民进", None)),
    ("◆李四 市政协委员", ("李四", None, None, "市政协委员")),
    ("▶ 民盟市委 王五", ("王五", "民盟晋中市委", "民盟", None)),
    # a dash before the byline on the line under the title; 代表 + a unit of four characters is no proxy (代)
    ("——李秀英委员代表市妇联发言", ("李秀英", "晋中市妇联", "妇联", None)),
    ("——赵建国（民建市委）", ("赵建国", "民建晋中市委", "民建", None)),
    ("—— 市政协委员 周丽君", ("周丽君", None, None, "市政协委员")),
    ("——周丽君", ("周丽君", None, None, None)),
    ("◆ 陈立新", ("陈立新", None, None, None)),
    ("张三（代表市妇联发言）", ("张三", "晋中市妇联", "妇联", None)),
    # two speakers side by side; a work unit in brackets after the name; a party membership among the roles
    ("陆明 韦丽", ("陆明 韦丽", None, None, None)),
    ("覃志强（市农业科学研究所）", ("覃志强", "晋中市农业科学研究所", None, None)),
    ("市政协委员、山西大学教授、九三学社社员 梁文华", ("梁文华", None, None, "市政协委员、山西大学教授、九三学社社员")),
    # a special committee of the committee itself, without its place
    ("政协提案委员会 张敏", ("张敏", "晋中市政协提案委员会", None, None)),
    ("发言单位：民盟市委", (None, "民盟晋中市委", "民盟", None)),
    ("发言人：张三（民盟市委）", ("张三", "民盟晋中市委", "民盟", None)),
    ("（民进市委 李秀英）", ("李秀英", "民进晋中市委", "民进", None)),
    # a byline sentence with the speaker described before the name
    ("民建市委副主委张三代表民建市委的发言：", ("张三", "民建晋中市委", "民建", None)),
    ("市政协常委李四代表民盟市委发言", ("李四", "民盟晋中市委", "民盟", None)),
    ("王五副主席代表市工商联发言", ("王五", "晋中市工商联", "工商联", None)),
    ("张三、李四委员代表农工党市委的联合发言：", ("张三、李四", "农工党晋中市委", "农工党", None)),
    ("文/民盟市委", (None, "民盟晋中市委", "民盟", None)),
    ("文｜张三", ("张三", None, None, None)),
    # a unit (or role), then a labelled speaker, on one line
    ("市妇联  发言人：郝丽", ("郝丽", "晋中市妇联", "妇联", None)),
    ("九三学社晋中市委 發言人：任志強", ("任志強", "九三学社晋中市委", "九三学社", None)),
    ("市工商联 发言人 陈建华", ("陈建华", "晋中市工商联", "工商联", None)),
    ("发言单位：民盟市委 发言人：刘志刚", ("刘志刚", "民盟晋中市委", "民盟", None)),
    ("市政协委员 发言人：张明", ("张明", None, None, "市政协委员")),
    ("单位：市妇联 发言人：郝丽", ("郝丽", "晋中市妇联", "妇联", None)),
    ("市妇联 发言人：郝丽 王芳", ("郝丽 王芳", "晋中市妇联", "妇联", None)),
    ("晋中市第一人民医院 发言人：李华", ("李华", "晋中市第一人民医院", None, None)),  # the label says it is a byline
    # a township members' studio (its township in its name: nothing to complete) before the name
    ("东赵乡政协委员工作室 余晓梅", ("余晓梅", "东赵乡政协委员工作室", None, None)),
    ("■ 东赵乡委员工作站 王丽", ("王丽", "东赵乡委员工作站", None, None)),
    ("东赵乡政协委员之家李强", ("李强", "东赵乡政协委员之家", None, None)),
])
def test_byline_forms(line: str, expected: tuple) -> None:
    assert proposer(line) == expected


@pytest.mark.parametrize(("line", "committee", "expected"), [
    ("县工商联陈建国", ANJI, ("陈建国", "安吉县工商联", "工商联", None)),
    ("民盟安吉县委员会钱志刚", ANJI, ("钱志刚", "民盟安吉县委员会", "民盟", None)),
    ("县政协委员、县农技中心高级农艺师 赵六", XIYANG, ("赵六", None, None, "县政协委员、县农技中心高级农艺师")),
    ("县妇联 郝丽萍", XIYANG, ("郝丽萍", "昔阳县妇联", "妇联", None)),
    ("张敏委员代表农工党槐荫区总支部委员会发言", HUAIYIN,
     ("张敏", "农工党槐荫区总支部委员会", "农工党", None)),
    ("区政协提案委员会", HUAIYIN, (None, "槐荫区政协提案委员会", None, None)),
    ("县政协文化文史和学习委员会", ANJI, (None, "安吉县政协文化文史和学习委员会", None, None)),
    ("刘洋委员代表县政协文化文史和学习委员会发言", ANJI, ("刘洋", "安吉县政协文化文史和学习委员会", None, None)),
    ("递铺街道政协联络组 李明", ANJI, ("李明", "递铺街道政协联络组", None, None)),
    ("李明委员代表天子湖镇政协联络组发言", ANJI, ("李明", "天子湖镇政协联络组", None, None)),
    ("自治区工商联 张三", GUANGXI, ("张三", "广西壮族自治区工商联", "工商联", None)),
    ("自治區工商聯 張三", GUANGXI, ("張三", "廣西壯族自治區工商聯", "工商联", None)),
    ("吴国华委员代表台盟中央的发言：", NATIONAL, ("吴国华", "台盟中央", "台盟", None)),
])
def test_byline_forms_at_other_committees(line: str, committee, expected: tuple) -> None:
    assert proposer(line, committee) == expected


def test_a_unit_line_and_a_speaker_line_are_one_byline() -> None:
    text = "民进安吉县基层委员会\n发言人：吴敏"
    src = read_text(text)
    b = build_byline(src, [Span(0, 10), Span(11, len(text))], ANJI)
    assert (b.speaker.value, b.organization.value, b.party) == ("吴敏", "民进安吉县基层委员会", "民进")


def test_a_unit_speech_has_no_role() -> None:
    text = "民革晋中市委\n市政协委员 张三"
    b = build_byline(read_text(text), [Span(0, 6), Span(7, len(text))], JINZHONG)
    assert b.organization.value == "民革晋中市委" and b.role is None


def test_completed_units_keep_the_texts_characters() -> None:
    assert proposer("臺盟市委 陳明")[:3] == ("陳明", "臺盟晉中市委", "台盟")


def test_spans_slice_the_text() -> None:
    text = "◎民革市委 安运涛"
    src = read_text(text)
    b = build_byline(src, [Span(0, len(text))], JINZHONG)
    assert b.speaker.span.slice(text) == "安运涛"
    assert b.organization.span.slice(text) == b.organization.surface == "民革市委"


@pytest.mark.parametrize("line", [
    "深化“文旅+”融合 推动文旅产业提质升级", "为此建议：", "扫描二维码", "加快太原晋中一体化步伐",
    "（编辑：王慧　校对：李娜）", "晋中日报全媒体记者 周燕",  # a reporter's credit is no byline
    "高质量 高水平", "文明 和谐",  # words that read as names are a headline, not two speakers
    "大会发言", "市政协主席发言",  # no speaker's name
    "——以汾河流域综合治理为例", "——高质量发展", "■ 文旅融合",  # a subtitle, a marked title
    "建好用好政协委员工作室", "完善新闻发言人制度 提升回应能力",  # a studio or a 发言人 in a title
])
def test_titles_and_furniture_are_not_bylines(line: str) -> None:
    assert not looks_like_byline(line)


def test_parts_are_offsets_in_the_line() -> None:
    parts = parse_line("□县政协委员 王五")
    assert [(p.kind, "□县政协委员 王五"[p.start:p.end]) for p in parts] == [("speaker", "王五"), ("role", "县政协委员")]


@pytest.mark.parametrize(("line", "byline", "title"), [
    ("民盟中央：以公平竞争审查护航民营经济发展", "民盟中央", "以公平竞争审查护航民营经济发展"),
    ("刘长江委员：加快发展新质生产力", "刘长江委员", "加快发展新质生产力"),
    ("■ 民盟市委：推动县域医共体建设", "■ 民盟市委", "推动县域医共体建设"),
    ("民盟中央丨以公平竞争审查护航民营经济", "民盟中央", "以公平竞争审查护航民营经济"),
    ("张三委员｜加快发展新质生产力", "张三委员", "加快发展新质生产力"),
])
def test_byline_fused_with_the_title(line: str, byline: str, title: str) -> None:
    (bs, be), (ts, te) = split_fused(line)
    assert (line[bs:be], line[ts:te]) == (byline, title)


def test_a_title_with_a_colon_is_not_fused() -> None:
    assert split_fused("文旅融合：让晋商文化活起来") is None
    assert split_fused("委员声音丨聚焦高质量发展") is None  # a column's name, not 委员 + a person 声音


@pytest.mark.parametrize(("line", "parts"), [
    ("陈明委员代表民革中央发言说", [("speaker", "陈明"), ("unit", "民革中央")]),
    ("陈明委员代表民革中央作大会发言时说", [("speaker", "陈明"), ("unit", "民革中央")]),
    ("张三委员代表民革中央所作的题为《加快发展》的发言", [("speaker", "张三"), ("unit", "民革中央")]),
    ("3月4日上午，县政协召开全体会议，听取委员大会发言", []),  # a sentence is no role + name
    ("辽宁省政协大会发言", []),
    ("◎张三委员（民盟市委会）", [("speaker", "张三"), ("unit", "民盟市委会")]),
    ("为加快建设“三个高地”贡献政协力量", []),
])
def test_byline_sentences_and_what_is_none(line: str, parts: list) -> None:
    assert [(p.kind, line[p.start : p.end]) for p in parse_line(line)] == parts


@pytest.mark.parametrize(("line", "expected"), [
    # a role alone: behind a marker, or opening with a committee; 自治区 is no name
    ("■ 自治区政协委员、宁夏大学教授", [("role", "自治区政协委员、宁夏大学教授")]),
    ("自治区政协委员、宁夏大学教授", [("role", "自治区政协委员、宁夏大学教授")]),
    ("晋中市政协委员", [("role", "晋中市政协委员")]),
    ("争当新时代优秀政协委员", []),
    # a place or its level glued before the role belongs to the role
    ("张三市政协委员", [("speaker", "张三"), ("role", "市政协委员")]),
])
def test_role_lines(line: str, expected: list) -> None:
    assert [(p.kind, line[p.start:p.end]) for p in parse_line(line)] == expected


@pytest.mark.parametrize(("line", "title", "byline"), [
    ("做强做优特色农业产业——民进宜章县委 李秀英", "做强做优特色农业产业", "民进宜章县委 李秀英"),
    ("推进城乡供水一体化 县政协委员 赵建国", "推进城乡供水一体化", "县政协委员 赵建国"),
])
def test_a_title_before_its_byline_on_one_line(line: str, title: str, byline: str) -> None:
    (ts, te), (bs, be) = split_trailing(line)
    assert (line[ts:te], line[bs:be]) == (title, byline)


@pytest.mark.parametrize("line", ["农工党晋中市委 李明 王芳", "致公党晋中市委 李明、韩雪", "艾力·买买提 市政协委员",
                                  "市政协委员、山西农业大学教授 张三"])
def test_a_byline_alone_is_not_split(line: str) -> None:
    assert split_trailing(line) is None

