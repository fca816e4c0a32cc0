"""Segmenting a digest into speeches: header blocks (title, byline in either order or fused), bodies,
bylines signed after the body, lead-ins alone on a line, editor's notes, page noise; and the forms of
blind writers' pages, on invented fixtures in tests/data/segment/ (block markers, dash bylines, lead-in
lines, numbered titles, captions, related-news links)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.pipeline import extract_file, extract_source
from kg.read import read_text, to_simplified, to_traditional
from kg.segment import segment_speeches

BODY = "但存在短板。为此建议：一是加强统筹。二是完善机制。"


def speeches(text: str) -> list[tuple[str, list[str], int]]:
    """(title, byline lines, number of body lines) of each speech."""
    seg = segment_speeches(read_text(text))
    return [(s.title.slice(text), [b.slice(text) for b in s.byline], len(s.body)) for s in seg.speeches]


def test_headline_meeting_and_speeches() -> None:
    text = ("扫描二维码\n着力推动高质量发展\n——政协第五届晋中市委员会第三次会议大会发言摘编\n"
            f"深化文旅融合 推动产业升级\n平遥县政协 王轩\n{BODY}\n"
            f"加快太原晋中一体化步伐\n市政协委员 田文杰\n{BODY}\n{BODY}\n")
    seg = segment_speeches(read_text(text))
    assert seg.headline.slice(text) == "着力推动高质量发展"
    assert seg.meeting.label == "政协第五届晋中市委员会第三次会议"
    assert speeches(text) == [("深化文旅融合 推动产业升级", ["平遥县政协 王轩"], 1),
                              ("加快太原晋中一体化步伐", ["市政协委员 田文杰"], 2)]


def test_byline_before_the_title_and_fused() -> None:
    text = ("——全国政协十四届二次会议大会发言摘编\n吴国华委员代表台盟中央的发言：\n推动两岸融合发展\n"
            f"{BODY}\n民盟中央：以公平竞争审查护航民营经济\n{BODY}\n")
    assert speeches(text) == [("推动两岸融合发展", ["吴国华委员代表台盟中央的发言："], 1),
                              ("以公平竞争审查护航民营经济", ["民盟中央"], 1)]


def test_unit_line_and_speaker_line() -> None:
    text = f"——政协安吉县第十一届委员会第四次会议\n推进数字乡村建设\n民进安吉县基层委员会\n发言人：吴敏\n{BODY}\n"
    assert speeches(text) == [("推进数字乡村建设", ["民进安吉县基层委员会", "发言人：吴敏"], 1)]


def test_byline_signed_after_the_body() -> None:
    text = ("——政协株洲市第十三届委员会第四次会议大会发言摘登\n加快轨道交通装备产业集群建设\n但存在短板。\n对策建议\n"
            "（一）提升本地配套水平\n建立对接机制。\n（二）完善人才政策\n落实住房保障。\n（民进市委 李建新）\n"
            f"推动醴陵陶瓷产业高质量发展\n{BODY}\n（市工商联 周凯）\n责任编辑：龙琴\n")
    assert speeches(text) == [("加快轨道交通装备产业集群建设", ["（民进市委 李建新）"], 6),
                              ("推动醴陵陶瓷产业高质量发展", ["（市工商联 周凯）"], 1)]


def test_editors_note_and_no_meeting_line() -> None:
    text = ("宜宾新闻网 > 政协之窗\n委员声音丨聚焦高质量发展 宜宾市政协委员大会发言摘登\n"
            "编者按：在日前召开的市政协全体会议上，委员们积极建言献策。现将部分大会发言摘登如下。\n"
            f"做强动力电池产业\n李文博 市政协委员、宜宾学院教授\n{BODY}\n相关新闻：\n市政协召开专题协商会\n")
    seg = segment_speeches(read_text(text))
    assert seg.meeting is None
    assert seg.headline.slice(text) == "委员声音丨聚焦高质量发展 宜宾市政协委员大会发言摘登"
    assert speeches(text) == [("做强动力电池产业", ["李文博 市政协委员、宜宾学院教授"], 1)]


def test_numbered_short_lines_are_body() -> None:
    text = ("——市政协五届三次会议\n做优特色农业\n□县政协委员 王五\n"
            "但存在短板。\n为此建议：\n一、加强统筹\n二、完善机制\n")
    assert speeches(text) == [("做优特色农业", ["□县政协委员 王五"], 4)]


def test_a_dash_line_under_the_title_is_its_subtitle() -> None:
    text = f"——山西省政协十三届二次会议\n推动黄河流域生态保护\n——以汾河流域综合治理为例\n民建山西省委会\n{BODY}"
    assert speeches(text) == [("推动黄河流域生态保护", ["民建山西省委会"], 1)]


def test_section_headings_inside_a_speech_are_body() -> None:
    text = ("——政协第十届长治市委员会第四次会议\n关于加快县域医共体建设的建议\n民盟长治市委\n"
            "基本情况\n近年来进展积极。\n存在的问题\n一是管理松散；二是人才短缺。\n对策建议\n（一）深化改革。\n（二）加强队伍建设。\n")
    assert speeches(text) == [("关于加快县域医共体建设的建议", ["民盟长治市委"], 7)]


def test_a_byline_sentence_opening_the_body_is_the_byline() -> None:
    text = ("——政协第九届十堰市委员会第三次会议大会发言摘编\n优化营商环境 激发民营经济活力\n"
            f"张国栋委员代表市工商联发言。民营经济是我市经济的重要力量。{BODY}\n"
            f"守护黑土地\n劉慶國委員代表九三學社省委發言。\n{BODY}\n")
    seg = segment_speeches(read_text(text))
    assert speeches(text) == [("优化营商环境 激发民营经济活力", ["张国栋委员代表市工商联发言"], 1),
                              ("守护黑土地", ["劉慶國委員代表九三學社省委發言"], 1)]
    assert seg.speeches[0].body[0].text.startswith("民营经济是")


def test_a_sentence_that_is_no_byline_stays_body() -> None:
    text = f"——政协第九届十堰市委员会第三次会议大会发言摘编\n优化营商环境\n张国栋委员长期关注民营经济。{BODY}\n"
    assert speeches(text) == [("优化营商环境", [], 1)]


def test_a_fused_byline_under_a_kicker_line_is_still_the_byline() -> None:
    src = read_text("政协第十三届福建省委员会第三次会议大会发言摘编\n点击下载APP 第一时间获取资讯\n"
                    "台盟福建省委：深化闽台融合发展 打造两岸融合发展示范区\n"
                    "但闽台融合发展仍存在待遇落实不到位等问题。为此建议：一是完善政策；二是搭建平台。\n")
    (speech,) = segment_speeches(src).speeches
    assert speech.title.slice(src.text) == "深化闽台融合发展 打造两岸融合发展示范区"
    assert [b.slice(src.text) for b in speech.byline] == ["台盟福建省委"]


SEGMENT_FIXTURES = Path(__file__).parent / "data" / "segment"


def fixture_speeches(name: str) -> list[tuple]:
    """(title, speaker, organization, party, role, number of suggestions) of each speech of a fixture."""
    doc = extract_file(SEGMENT_FIXTURES / name)
    value = lambda v: v.value if v else None  # noqa: E731
    return [(value(s.title), value(s.byline.speaker), value(s.byline.organization), s.byline.party,
             value(s.byline.role), len(s.suggestions)) for s in doc.speeches]


def test_block_markers_are_no_part_of_a_title_or_byline() -> None:
    # A WeChat digest marks each title (■ ◆ ● ◎ ▲, with or without a space, on both sides), and some bylines: a unit
    # fused with the title (● 民建某市委：TITLE) or a byline sentence ending with a colon, its title below.
    assert fixture_speeches("marked-titles.txt") == [
        ("打造沿江生态文化旅游带", "彭志远", "民革临湘市委", "民革", None, 2),
        ("推动茶产业提质增效", "邓秋菊", None, None, "市政协委员、市农业农村局高级农艺师", 2),
        ("激发县域民营经济活力", None, "民建临湘市委", "民建", None, 2),
        ("优化营商环境 服务企业发展", "吴海燕", "临湘市工商联", "工商联", None, 2),
        ("推进城乡养老服务一体化", "黄立新", "九三学社临湘市委", "九三学社", None, 2),
    ]
    text = (SEGMENT_FIXTURES / "marked-titles.txt").read_text(encoding="utf-8")
    (first, *_) = segment_speeches(read_text(text)).speeches
    assert first.title.slice(text) == "打造沿江生态文化旅游带"  # the span starts after the marker


def test_a_lead_in_line_is_never_a_title() -> None:
    # 建议—— / 几点建议 / 对策建议—— alone on a line, the numbered suggestions below: one speech, not two.
    assert fixture_speeches("lead-in-lines.txt") == [
        ("推动县域医共体提质增效", "汪晓燕", None, None, "市政协委员、市人民医院副院长", 2),
        ("打造皖南山区康养旅游目的地", None, "民进宁国市委", "民进", None, 2),
        ("加快发展林下经济", "曹建国", "农工党宁国市委", "农工党", None, 3),
    ]


def test_a_dash_byline_under_the_title_is_the_byline() -> None:
    # ——张三委员代表县妇联发言 / ——张三（民建县委） / ——民盟县委 under the title (a subtitle may come between)
    assert fixture_speeches("dash-bylines.txt") == [
        ("做强做优特色农业产业", "李秀英", "宜章县妇联", "妇联", None, 2),
        ("推进城乡供水一体化", "赵建国", "民建宜章县委", "民建", None, 2),
        ("加快莽山旅游提质升级", "周丽君", None, None, "县政协委员、县文旅广电局副局长", 2),
        ("健全农村养老服务体系", None, "民盟宜章县委", "民盟", None, 2),
    ]


def test_byline_forms_of_blind_digests() -> None:
    # 发言人： alone, two speakers, 姓名（work unit）, a unit alone above the title, a unit fused with the title,
    # several roles, a township liaison group, a special committee; ▲ photo captions give no byline or role;
    # the related-news links closing the page (NAME：TITLE) are no speech and no part of the last one.
    assert fixture_speeches("byline-forms.txt") == [
        ("加快向海经济发展", "黄海燕", None, None, None, 2),
        ("推进职业教育产教融合", "陆明 韦丽", None, None, None, 2),
        ("壮大特色水果产业", "覃志强", "钦州市农业科学研究所", None, None, 2),
        ("加强海洋生态环境保护", None, "民革钦州市委会", "民革", None, 2),
        ("优化民营企业发展环境", None, "广西壮族自治区工商联", "工商联", None, 2),
        ("推动北部湾海洋科技创新", "梁文华", None, None, "市政协委员、北部湾大学教授、九三学社社员", 2),
        ("发展壮大村级集体经济", None, "大垌镇政协联络组", None, None, 2),
        ("传承坭兴陶文化 打造文化名片", "刘洋", "钦州市政协文化文史和学习委员会", None, None, 2),
    ]
    last = extract_file(SEGMENT_FIXTURES / "byline-forms.txt").speeches[-1]
    assert last.suggestions[-1].text == "加强传承人才培养"


def test_a_fused_title_that_asks_is_a_header() -> None:
    text = (f"——政协第九届十堰市委员会第三次会议大会发言摘编\n做优特色农业\n□县政协委员 王五\n{BODY}\n"
            f"张国栋委员：县域经济如何突围？\n{BODY}\n")
    assert speeches(text) == [("做优特色农业", ["□县政协委员 王五"], 1), ("县域经济如何突围？", ["张国栋委员"], 1)]


def test_a_dash_byline_after_the_body_signs_that_speech() -> None:
    assert fixture_speeches("dash-signatures.txt") == [
        ("做强做优特色农业产业", "李秀英", "民进宜章县委", "民进", None, 2),
        ("推进城乡供水一体化", "赵建国", None, None, "县政协委员", 2),
    ]


def test_a_photo_caption_without_its_marker_is_no_title_or_byline() -> None:
    assert fixture_speeches("bare-captions.txt") == [
        ("推动县域医共体提质增效", "汪晓燕", None, None, "市政协委员、市人民医院副院长", 2),
        ("打造皖南山区康养旅游目的地", None, "民进宁国市委", "民进", None, 2),  # the caption adds no speaker
    ]


def test_a_numbered_title_over_a_byline_is_a_title() -> None:
    # 1.TITLE / 三、TITLE with the byline on the next line: the digest's number is no part of the title,
    # and numbered items inside a speech ((一) heading over its body) stay body.
    assert fixture_speeches("numbered-titles.txt") == [
        ("推动县域医共体提质增效", "汪晓燕", None, None, "市政协委员、市人民医院副院长", 2),
        ("打造皖南山区康养旅游目的地", None, "民进宁国市委", "民进", None, 2),
        ("加快发展林下经济", "曹建国", "农工党宁国市委", "农工党", None, 2),
    ]


def test_a_title_and_its_byline_on_one_line() -> None:
    assert fixture_speeches("title-and-byline-on-one-line.txt") == [
        ("做强做优特色农业产业", "李秀英", "民进宜章县委", "民进", None, 2),
        ("推进城乡供水一体化", "赵建国", None, None, "县政协委员", 2),
    ]


def test_a_byline_in_brackets_or_after_a_credit_label_under_the_title() -> None:
    assert fixture_speeches("bracketed-bylines.txt") == [
        ("做强做优特色农业产业", "李秀英", "民进宜章县委", "民进", None, 2),
        ("加快莽山旅游提质升级", "周丽君", "民盟", "民盟", None, 2),
        ("健全农村养老服务体系", None, "民盟宜章县委", "民盟", None, 2),
    ]


def test_marked_byline_lines_over_a_marked_title() -> None:
    # a unit line and a 发言人 line, 发言人：NAME（UNIT）, a marked role line over a marked name line, a role
    # with two names: each over its ■ title
    assert fixture_speeches("marked-bylines.txt") == [
        ("推动高原特色农业提质增效", "李晓红", "民盟曲靖市委", "民盟", None, 2),
        ("加快建设珠江源生态屏障", "张国庆", "九三学社曲靖市委", "九三学社", None, 2),
        ("推进职业教育与产业协同发展", "陈立新", None, None, "市政协委员、曲靖师范学院副教授", 2),
        ("做强新能源电池产业", "吴芳 赵磊", None, None, "市政协委员", 2),
    ]


def test_a_unit_and_a_labelled_speaker_on_one_line() -> None:
    # UNIT  发言人：NAME, UNIT 发言人 NAME, 发言单位：UNIT 发言人：NAME under the title (the last speech too), and a
    # township's members' studio before a name under a ■ title: the line is the byline, the line above the title.
    assert fixture_speeches("unit-and-label-bylines.txt") == [
        ("守护妇女儿童健康", "汪秀兰", "金寨县妇联", "妇联", None, 2),
        ("壮大林下中药材产业", "余晓梅", "天堂寨镇政协委员工作室", None, None, 2),
        ("推动民营企业转型升级", "陈建华", "金寨县工商联", "工商联", None, 2),
        ("加快发展红色旅游", "刘志刚", "民盟金寨县委", "民盟", None, 2),
        ("提升农村寄宿制学校办学水平", "任志强", "九三学社金寨县委", "九三学社", None, 2),
    ]
    studio = extract_file(SEGMENT_FIXTURES / "unit-and-label-bylines.txt").speeches[1]
    assert studio.regions == ["天堂寨镇"]  # the studio's township


def test_a_hard_wrapped_pdf_page() -> None:
    # Lines broken every 36 characters mid-sentence, page numbers (— 7 —, - 9 -) inside a paragraph and between
    # speeches, no blank lines, a title long enough to pass for a full line over its byline, a byline as long: four
    # speeches, each with its title, byline, problems and suggestions, and no page number in any value.
    assert fixture_speeches("wrapped-pages.txt") == [
        ("推动皖西大白鹅产业提质增效", None, "民建六安市委", "民建", None, 3),
        ("加强大别山区地质灾害防治", "孙立平", None, None, "市政协委员、六安市自然资源和规划局党组成员、高级工程师", 3),
        ("推进农村客运公交化改造 提升城乡交通运输一体化服务水平和群众满意度", None, "农工党六安市委", "农工党", None,
         3),
        ("打造六安瓜片茶文化品牌", "胡晓东", "六安市工商联", "工商联", None, 3),
    ]
    doc = extract_file(SEGMENT_FIXTURES / "wrapped-pages.txt")
    assert [[i.text for i in s.issues] for s in doc.speeches] == [
        ["良种繁育体系不健全，种源质量参差不齐", "精深加工能力不足，产品附加值较低", "品牌营销渠道单一，市场开拓不够"],
        ["监测预警手段落后", "群测群防队伍不稳定", "搬迁避让资金缺口较大"],
        ["部分线路客流不足", "车辆老化", "运营企业亏损", "群众出行仍不够便捷"],
        ["茶文化挖掘不深", "茶旅融合不够", "茶企规模小而散", "品牌合力尚未形成"],
    ]
    assert doc.speeches[1].suggestions[0].text == "推广应用自动化监测设备，提高预警精度"  # over the page break
    assert doc.speeches[3].suggestions[0].text == "深入挖掘六安瓜片茶文化，建设茶文化展示馆"  # over - 9 -
    assert doc.speeches[2].suggestions[0].text == "推行农村客运公交化改造，优化线路布局"


@pytest.mark.parametrize("line", ["— 7 —", "- 9 -", "－12－", "第3页", "第 3 页 共 20 页", "7/20", "12"])
def test_a_page_number_line_is_noise(line: str) -> None:
    src = read_text(f"加快发展红色旅游\n{line}\n民盟金寨县委\n")
    assert [ln.text for ln in src.content] == ["加快发展红色旅游", "民盟金寨县委"]


@pytest.mark.parametrize("name", ["marked-titles.txt", "lead-in-lines.txt", "dash-bylines.txt", "byline-forms.txt",
                                  "unit-and-label-bylines.txt"])
def test_the_forms_hold_in_traditional_characters(name: str) -> None:
    text = (SEGMENT_FIXTURES / name).read_text(encoding="utf-8")
    doc = extract_source(read_text(to_traditional(text)))
    value = lambda v: to_simplified(v.value) if v else None  # noqa: E731
    assert [(value(s.title), value(s.byline.speaker), len(s.suggestions)) for s in doc.speeches] == \
        [(title, speaker, suggestions) for title, speaker, _, _, _, suggestions in fixture_speeches(name)]

