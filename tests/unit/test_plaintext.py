"""Whole scraped plain-text pages parse into the right title, metadata and paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuireader.library.formats.plain.page import parse_plaintext
from tuireader.library.loader import load_article
from tuireader.library.model import ABSTRACT, HEADING, LIST_ITEM, PARAGRAPH, RULE, ParsedPage

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed_zhangye.txt"
SEED_TITLE = "【学习贯彻党的二十大精神】勇担新使命 奋进新征程 ——张掖市各级各部门深入学习宣传贯彻党的二十大精神"

PARA_1 = "今年以来，全县上下紧紧围绕年度目标任务，扎实推进各项工作，经济运行总体平稳、稳中有进。"
PARA_2 = "县统计局相关负责人介绍，前三季度全县地区生产总值同比增长百分之五点八，高于全省平均水平。"
PARA_3 = "下一步，全县将继续抓好项目建设和招商引资，确保全年目标任务圆满完成。"


def _texts(page: ParsedPage) -> list[str]:
    return [block.text for block in page.blocks]


def _parse(text: str, stem: str = "stem") -> ParsedPage:
    return parse_plaintext(text, stem)


@pytest.fixture(scope="module")
def seed_page() -> ParsedPage:
    """The seed page, from the fixture copy (the shared seed may not exist)."""
    return parse_plaintext(SEED.read_text(encoding="utf-8"), SEED.stem)


def test_seed_title(seed_page: ParsedPage) -> None:
    assert seed_page.meta.title == SEED_TITLE


def test_seed_metadata(seed_page: ParsedPage) -> None:
    assert seed_page.meta.sections == ("中国张掖网", "问政", "要闻")
    assert seed_page.meta.source == "张掖市融媒体中心"
    assert seed_page.meta.date == "2022-11-01T10:02"
    assert seed_page.meta.author == "杨静文 李玉洁"


def test_seed_body_starts_with_the_first_paragraph(seed_page: ParsedPage) -> None:
    assert seed_page.blocks[0].text.startswith("逐梦百年路")
    assert all(block.kind == PARAGRAPH for block in seed_page.blocks)


def test_seed_byline_is_split_off_as_the_last_paragraph(seed_page: ParsedPage) -> None:
    assert seed_page.blocks[-1].text == "(张掖市融媒体中心记者 杨静文 李玉洁)"
    assert seed_page.blocks[-2].text.endswith("营造良好的舆论环境。")


def test_seed_keeps_every_body_line(seed_page: ParsedPage) -> None:
    # Every line but the header becomes a block, plus one for the byline split off.
    lines = SEED.read_text(encoding="utf-8").strip().split("\n")
    assert len(seed_page.blocks) == len(lines) - 1 + 1
    assert "人参与互动" not in " ".join(_texts(seed_page))


def test_breadcrumb_on_its_own_line_then_title_then_labels() -> None:
    text = (
        "当前位置：首页 > 新闻中心 > 本地新闻\n"
        "全县前三季度经济运行稳中有进\n"
        "来源：县融媒体中心 作者：李明 时间：2022-10-28 09:15\n"
        f"　　{PARA_1}\n　　{PARA_2}\n　　{PARA_3}\n"
    )
    page = _parse(text)
    assert page.meta.sections == ("新闻中心", "本地新闻")
    assert page.meta.title == "全县前三季度经济运行稳中有进"
    assert (page.meta.source, page.meta.author, page.meta.date) == (
        "县融媒体中心",
        "李明",
        "2022-10-28T09:15",
    )
    assert _texts(page) == [PARA_1, PARA_2, PARA_3]


def test_chain_breadcrumb_running_into_source_and_date() -> None:
    text = (
        "首页 » 文化 » 城市书房 » 图书馆里的夜读人 » 来源：晨光日报 » 2021-04-23 20:30 » "
        "【字体：大 中 小】\n"
        f"{PARA_1}\n{PARA_2}\n（记者 潘晓雨）\n关闭窗口\n"
    )
    page = _parse(text)
    assert page.meta.sections == ("文化", "城市书房")
    assert page.meta.title == "图书馆里的夜读人"
    assert (page.meta.source, page.meta.date, page.meta.author) == (
        "晨光日报",
        "2021-04-23T20:30",
        "潘晓雨",
    )
    assert _texts(page) == [PARA_1, PARA_2, "（记者 潘晓雨）"]


def test_chain_breadcrumb_with_unlabelled_newsroom_before_the_date() -> None:
    text = (
        "首页 / 科技 / 航天 / 一颗小卫星的诞生 / 科普时报 / 2023年09月05日 14:20 / 字体：大 中 小\n"
        f"{PARA_1}\n{PARA_2}\n"
    )
    page = _parse(text)
    assert (page.meta.title, page.meta.source) == ("一颗小卫星的诞生", "科普时报")
    assert page.meta.sections == ("科技", "航天")
    assert page.meta.date == "2023-09-05T14:20"


def test_labelled_header_lines_in_chinese() -> None:
    text = (
        "标题：一季度县域经济观察\n"
        "作者：本报记者 林晓禾\n"
        "来源：河畔日报\n"
        "发布时间：2023年4月18日 9:30\n"
        "责任编辑：王五\n"
        "\n"
        f"{PARA_1}\n\n{PARA_2}\n"
    )
    page = _parse(text)
    assert page.meta.title == "一季度县域经济观察"
    assert (page.meta.author, page.meta.source, page.meta.date) == (
        "林晓禾",
        "河畔日报",
        "2023-04-18T09:30",
    )
    assert _texts(page) == [PARA_1, PARA_2]


def test_bracketed_labels_with_spaces_inside() -> None:
    text = (
        "【 标  题 】快递进村：“最后一公里”怎样走得更稳\n"
        "【 来  源 】山乡经济周刊\n"
        "【 日  期 】2021-12-20\n"
        "【 字  号 】大 中 小\n"
        f"{PARA_1}\n{PARA_2}\n"
    )
    page = _parse(text)
    assert page.meta.title == "快递进村：“最后一公里”怎样走得更稳"
    assert (page.meta.source, page.meta.date) == ("山乡经济周刊", "2021-12-20")
    assert _texts(page) == [PARA_1, PARA_2]


def test_several_labels_share_one_line_after_the_title() -> None:
    text = f"县里召开经济运行分析会\n来源：新华网 作者：李明 时间：2022-11-01\n{PARA_1}\n{PARA_2}\n"
    page = _parse(text)
    assert (page.meta.title, page.meta.source, page.meta.author) == (
        "县里召开经济运行分析会",
        "新华网",
        "李明",
    )
    assert page.meta.date == "2022-11-01"


def test_title_and_labels_on_one_line() -> None:
    text = f"县里召开经济运行分析会 来源：县政府办 发布日期：2022/11/01\n{PARA_1}\n{PARA_2}\n"
    page = _parse(text)
    assert (page.meta.title, page.meta.source, page.meta.date) == (
        "县里召开经济运行分析会",
        "县政府办",
        "2022-11-01",
    )


def test_editor_is_not_the_author_and_leaves_the_body() -> None:
    text = f"标题：测试\n{PARA_1}\n{PARA_2}\n（责任编辑：王五）\n编辑：赵六\n"
    page = _parse(text)
    assert page.meta.author is None
    assert _texts(page) == [PARA_1, PARA_2]


def test_english_labelled_header() -> None:
    text = (
        "Title: Port towns rethink their economy\n"
        "Author: Hannah Brandt\n"
        "Source: The Coastal Ledger\n"
        "Published: 2023-11-21 07:00\n"
        "\n"
        "Font size: A A A | Print this page | Share\n"
        "\n"
        "For a century the economy of the town was simple.\n"
        "\n"
        "Today the docks are quiet.\n"
        "\n"
        "Related stories: Ferry fares rise again | Fish prices high\n"
        "Views: 2,117\n"
    )
    page = _parse(text)
    assert page.meta.title == "Port towns rethink their economy"
    assert (page.meta.author, page.meta.source, page.meta.date) == (
        "Hannah Brandt",
        "The Coastal Ledger",
        "2023-11-21T07:00",
    )
    assert _texts(page) == [
        "For a century the economy of the town was simple.",
        "Today the docks are quiet.",
    ]


def test_english_by_line_and_date_line() -> None:
    text = (
        "Harbour lights return to the old pier\n"
        "By Jane Doe\n"
        "Nov 1, 2022\n"
        "The council voted on Tuesday to restore the lamps along the pier.\n"
        "Work begins in the spring.\n"
    )
    page = _parse(text)
    assert page.meta.title == "Harbour lights return to the old pier"
    assert (page.meta.author, page.meta.date) == ("Jane Doe", "2022-11-01")
    assert len(page.blocks) == 2


def test_no_header_takes_the_first_short_line_as_title() -> None:
    text = f"秋收时节话丰年\n{PARA_1}\n{PARA_2}\n"
    page = _parse(text, "file-name")
    assert page.meta.title == "秋收时节话丰年"
    assert _texts(page) == [PARA_1, PARA_2]


def test_no_title_line_falls_back_to_the_file_name() -> None:
    page = _parse(f"{PARA_1}\n{PARA_2}\n", "雨季的古镇")
    assert page.meta.title == "雨季的古镇"
    assert page.meta.date is None
    assert _texts(page) == [PARA_1, PARA_2]


def test_a_dated_file_name_gives_title_and_date() -> None:
    page = _parse(f"{PARA_1}\n{PARA_2}\n", "2023-07-22-雨季的古镇")
    assert (page.meta.title, page.meta.date) == ("雨季的古镇", "2023-07-22")


def test_a_file_name_that_is_only_a_date_stays_the_title() -> None:
    page = _parse(f"{PARA_1}\n", "20230722")
    assert (page.meta.title, page.meta.date) == ("20230722", "2023-07-22")


def test_the_page_date_beats_the_file_name_date() -> None:
    page = _parse(f"标题：测试\n时间：2022-11-01\n{PARA_1}\n", "2023-07-22-x")
    assert page.meta.date == "2022-11-01"


def test_a_lone_short_line_is_body_not_title() -> None:
    page = _parse("只有一行字", "stem")
    assert page.meta.title == "stem"
    assert _texts(page) == ["只有一行字"]


def test_empty_text_gives_a_warning_and_the_stem() -> None:
    page = _parse("", "empty")
    assert page.meta.title == "empty"
    assert page.blocks == ()
    assert page.warnings


def test_noise_lines_go_but_paragraphs_mentioning_them_stay() -> None:
    long_para = (
        "活动现场，志愿者们分享了多年来的服务心得，还现场演示了如何打印健康码、"
        "如何在手机上分享到家庭群，受到老人们的欢迎。"
    )
    text = (
        "标题：社区开展智能手机培训\n"
        "字体：大 中 小\n"
        "【打印】【关闭】\n"
        "浏览次数：1024\n"
        f"{long_para}\n"
        "分享到：微信 朋友圈 微博\n"
        "扫一扫在手机打开当前页\n"
        f"{PARA_1}\n"
        "打印本页 | 关闭窗口\n"
        "返回顶部\n"
        "上一篇：全县召开安全生产会议\n"
        "下一篇：秋粮收购工作有序开展\n"
    )
    page = _parse(text)
    assert _texts(page) == [long_para, PARA_1]


def test_related_links_at_the_end_are_cut() -> None:
    text = f"标题：测试\n{PARA_1}\n{PARA_2}\n{PARA_3}\n相关新闻\n某地召开会议\n某县开展活动\n"
    assert _texts(_parse(text)) == [PARA_1, PARA_2, PARA_3]


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("（记者 王明）", "王明"),
        ("(张掖市融媒体中心记者 杨静文 李玉洁)", "杨静文 李玉洁"),
        ("文/图 记者 张三", "张三"),
        ("记者 王明 通讯员 李四", "王明 李四"),
        ("（本报记者 欧阳娜娜 摄）", "欧阳娜娜"),
        ("新华社记者 张三、李四", "张三 李四"),
    ],
)
def test_closing_byline_stays_and_names_the_author(byline: str, author: str) -> None:
    page = _parse(f"标题：测试\n{PARA_1}\n{PARA_2}\n{byline}\n")
    assert page.meta.author == author
    assert _texts(page)[-1] == byline


def test_byline_glued_to_the_last_paragraph_is_split_off() -> None:
    page = _parse(f"标题：测试\n{PARA_1}\n{PARA_2}（记者 王明 通讯员 李四）\n")
    assert _texts(page) == [PARA_1, PARA_2, "（记者 王明 通讯员 李四）"]
    assert page.meta.author == "王明 李四"


def test_dateline_byline_names_the_author_and_keeps_the_paragraph() -> None:
    first = "本报讯（记者 王明 通讯员 李四）10月28日，县里召开经济运行分析会。"
    page = _parse(f"标题：测试\n{first}\n{PARA_1}\n")
    assert page.meta.author == "王明 李四"
    assert _texts(page)[0] == first


def test_label_author_wins_over_closing_byline() -> None:
    page = _parse(f"标题：测试\n作者：李明\n{PARA_1}\n（记者 王明）\n")
    assert page.meta.author == "李明"


def test_hard_wrapped_chinese_archive_is_reflowed() -> None:
    paragraphs = [PARA_1 + PARA_2, PARA_3 + PARA_1, PARA_2 + PARA_3]
    lines = []
    for paragraph in paragraphs:
        chunks = [paragraph[i : i + 20] for i in range(0, len(paragraph), 20)]
        lines.append("　　" + chunks[0])
        lines.extend(chunks[1:])
    page = _parse("旧档案\n" + "\n".join(lines) + "\n", "stem")
    assert page.meta.title == "旧档案"
    assert _texts(page) == paragraphs


def test_hard_wrapped_english_is_reflowed_with_spaces() -> None:
    text = (
        "Harbour Street Newsletter\n"
        "\n"
        "After three months of rumours, we can finally report that the bakery on\n"
        "the corner of Harbour Street and Mill Lane will not be turned into a car\n"
        "park. The owners, who have run the shop since 1971, signed a new ten-\n"
        "year lease last Tuesday.\n"
        "\n"
        "Many of you wrote letters to the council, and several of you came to the\n"
        "meeting in the church hall in September. The councillor thanked everyone\n"
        "who took part.\n"
    )
    page = _parse(text)
    assert page.meta.title == "Harbour Street Newsletter"
    assert _texts(page) == [
        "After three months of rumours, we can finally report that the bakery on the corner "
        "of Harbour Street and Mill Lane will not be turned into a car park. The owners, who "
        "have run the shop since 1971, signed a new ten-year lease last Tuesday.",
        "Many of you wrote letters to the council, and several of you came to the meeting in "
        "the church hall in September. The councillor thanked everyone who took part.",
    ]


def test_one_paragraph_per_line_is_not_reflowed() -> None:
    lines = [f"第{i}段。" + PARA_1[: 20 + (i * 7) % 30] + "。" for i in range(1, 10)]
    page = _parse("\n".join(lines), "stem")
    assert _texts(page) == lines


def test_full_width_indents_and_spaces_are_stripped() -> None:
    page = _parse(f"标题：测试\n　　{PARA_1}　\n   {PARA_2}  \n")
    assert _texts(page) == [PARA_1, PARA_2]


def test_numbered_headings_and_list_items() -> None:
    text = (
        "标题：工作方案\n"
        "一、总体要求\n"
        f"{PARA_1}\n"
        "（一）工作目标\n"
        f"{PARA_2}\n"
        "- 完善制度\n"
        "- 加强督查\n"
    )
    page = _parse(text)
    kinds = [(b.kind, b.level, b.text) for b in page.blocks]
    assert kinds == [
        (HEADING, 2, "一、总体要求"),
        (PARAGRAPH, 0, PARA_1),
        (HEADING, 3, "（一）工作目标"),
        (PARAGRAPH, 0, PARA_2),
        (LIST_ITEM, 0, "完善制度"),
        (LIST_ITEM, 0, "加强督查"),
    ]


def test_keywords_url_and_abstract_labels() -> None:
    text = (
        "标题：测试\n"
        "关键词：经济，发展、项目\n"
        "原文链接：https://example.com/a/1.html\n"
        "摘要：全县经济运行稳中有进。\n"
        f"{PARA_1}\n"
    )
    page = _parse(text)
    assert page.meta.keywords == ("经济", "发展", "项目")
    assert page.meta.url == "https://example.com/a/1.html"
    assert page.meta.abstract == "全县经济运行稳中有进。"
    # The abstract opens the article as its own kind of block (styled, searchable).
    assert _texts(page) == ["全县经济运行稳中有进。", PARA_1]
    assert page.blocks[0].kind == ABSTRACT


def test_title_repeated_as_first_body_line_is_dropped() -> None:
    page = _parse(f"标题：秋收时节话丰年\n秋收时节话丰年\n{PARA_1}\n")
    assert _texts(page) == [PARA_1]


def test_a_date_in_the_title_line_is_used_when_no_other_date_exists() -> None:
    page = _parse("Residents' Newsletter -- Issue 14 -- 3 November 1997\n\nText one.\nText two.\n")
    assert page.meta.date == "1997-11-03"


def test_a_huge_single_line_is_one_paragraph() -> None:
    text = "字" * 200_000
    page = _parse(text, "big")
    assert page.meta.title == "big"
    assert _texts(page) == [text]


def test_byline_before_an_end_mark_still_counts() -> None:
    page = _parse(f"标题：测试\n{PARA_1}\n（记者 王明）\n（完）\n")
    assert page.meta.author == "王明"
    assert _texts(page) == [PARA_1, "（记者 王明）", "（完）"]


def test_editor_note_glued_to_the_last_paragraph_is_removed() -> None:
    page = _parse(f"标题：测试\n{PARA_1}\n{PARA_2}（责任编辑：王五）\n")
    assert _texts(page) == [PARA_1, PARA_2]


def test_editor_line_with_noise_buttons_is_removed() -> None:
    page = _parse(f"标题：测试\n{PARA_1}\n【纠错】 【责任编辑：王五】\n")
    assert _texts(page) == [PARA_1]


def test_breadcrumb_title_beats_a_site_name_line_above_it() -> None:
    text = (
        f"中国张掖网\n您当前的位置 : 中国张掖网 >> 问政 >> 要闻 真正的标题 来源:某中心\n{PARA_1}\n"
    )
    page = _parse(text)
    assert (page.meta.title, page.meta.source) == ("真正的标题", "某中心")


def test_unknown_label_before_known_ones_stays_out_of_the_body() -> None:
    page = _parse(f"县里召开经济运行分析会\n发布者：admin 来源：新华网\n{PARA_1}\n{PARA_2}\n")
    assert (page.meta.title, page.meta.source) == ("县里召开经济运行分析会", "新华网")
    assert _texts(page) == [PARA_1, PARA_2]


def test_a_numbered_first_line_is_not_taken_as_title() -> None:
    page = _parse(f"一、总体要求\n{PARA_1}\n", "方案")
    assert page.meta.title == "方案"
    assert page.blocks[0].kind == HEADING


def test_site_chrome_above_the_breadcrumb_is_skipped() -> None:
    text = (
        "张掖市人民政府\n"
        "首页 | 政务公开 | 新闻中心 | 办事服务 | 互动交流\n"
        "当前位置：首页 > 新闻中心 > 政务动态\n"
        "市政府召开第十五次常务会议\n"
        "发布时间：2022-11-01 15:30 来源：市政府办公室 浏览次数：\n"
        "【字体：大 中 小】【打印】【关闭】\n"
        f"　　{PARA_1}\n　　{PARA_2}\n"
        "【打印本页】【关闭窗口】\n"
    )
    page = _parse(text)
    assert page.meta.title == "市政府召开第十五次常务会议"
    assert page.meta.sections == ("新闻中心", "政务动态")
    assert (page.meta.date, page.meta.source) == ("2022-11-01T15:30", "市政府办公室")
    assert _texts(page) == [PARA_1, PARA_2]


def test_interview_lines_are_not_author_labels() -> None:
    text = (
        "对话种粮大户：今年的收成怎么样\n"
        "记者：今年的收成怎么样？\n"
        "张大伯：比去年好，每亩多打了一百来斤。\n"
        "记者：明年有什么打算？\n"
        "张大伯：再多流转一些地，买一台新的收割机。\n"
    )
    page = _parse(text)
    assert page.meta.title == "对话种粮大户：今年的收成怎么样"
    assert page.meta.author is None
    assert _texts(page)[0] == "记者：今年的收成怎么样？"
    assert len(page.blocks) == 4


def test_short_article_with_source_at_the_end_keeps_its_paragraphs() -> None:
    text = f"秋收时节话丰年\n{PARA_1}\n{PARA_2}\n来源：新华社\n"
    page = _parse(text)
    assert page.meta.title == "秋收时节话丰年"
    assert page.meta.source == "新华社"
    assert _texts(page) == [PARA_1, PARA_2]


def test_a_poem_with_a_source_line_keeps_its_verses() -> None:
    verses = ["春风吹过田野", "细雨落在村口", "燕子归来寻巢", "孩子奔跑河边"]
    page = _parse("田野\n" + "\n".join(verses) + "\n来源：县文化馆\n")
    assert page.meta.title == "田野"
    assert page.meta.source == "县文化馆"
    assert _texts(page) == verses


def test_site_name_above_title_and_labels_without_breadcrumb() -> None:
    text = (
        f"张掖市人民政府\n市政府召开常务会议\n发布时间：2022-11-01 来源：市政府办公室\n{PARA_1}\n"
    )
    page = _parse(text)
    assert (page.meta.title, page.meta.source) == ("市政府召开常务会议", "市政府办公室")
    assert _texts(page) == [PARA_1]


def test_a_crumb_that_is_the_title_is_not_a_section() -> None:
    text = f"当前位置：首页 > 新闻 > 秋收时节话丰年\n秋收时节话丰年\n{PARA_1}\n"
    page = _parse(text)
    assert (page.meta.title, page.meta.sections) == ("秋收时节话丰年", ("新闻",))
    assert _texts(page) == [PARA_1]


def test_original_title_line_leaves_the_body() -> None:
    page = _parse(f"标题：新标题\n{PARA_1}\n原标题：旧的标题\n{PARA_2}\n")
    assert page.meta.title == "新标题"
    assert _texts(page) == [PARA_1, PARA_2]


def test_short_first_paragraph_after_breadcrumb_and_labels_is_body() -> None:
    text = f"县政府网\n当前位置：首页 > 新闻\n来源：县政府办 时间：2022-11-01\n秋高气爽\n{PARA_1}\n"
    page = _parse(text)
    assert page.meta.title == "县政府网"
    assert _texts(page) == ["秋高气爽", PARA_1]


def test_underlined_title_and_section_breaks() -> None:
    text = "THE  PIER\n=========\n\nFirst part of the story.\n\n* * *\n\nSecond part.\n"
    page = _parse(text)
    assert page.meta.title == "THE PIER"
    assert [(b.kind, b.text) for b in page.blocks] == [
        (PARAGRAPH, "First part of the story."),
        (RULE, ""),
        (PARAGRAPH, "Second part."),
    ]


def test_english_posted_on_line_gives_the_date() -> None:
    text = "Harbour lamps return\nPosted on November 1, 2022 by admin\nThe council voted.\nWork starts soon.\n"
    page = _parse(text)
    assert page.meta.date == "2022-11-01"
    assert _texts(page) == ["The council voted.", "Work starts soon."]


def test_a_sentence_holding_a_label_word_after_a_comma_is_body() -> None:
    first = "今年我县粮食再获丰收，时间：十月底前全部入库。"
    page = _parse(f"{first}\n{PARA_1}\n", "stem")
    assert page.meta.date is None
    assert _texts(page)[0] == first


SHARED_SEED = Path("/work/shared/seeds/000_cc5fd9fca028f9ca.txt")


@pytest.mark.skipif(not SHARED_SEED.exists(), reason="shared seed not on this machine")
def test_shared_seed_gives_the_same_page_as_the_fixture(seed_page: ParsedPage) -> None:
    page = parse_plaintext(SHARED_SEED.read_text(encoding="utf-8"), SEED.stem)
    assert page == seed_page


def test_author_labels_add_up_without_repeats() -> None:
    page = _parse(f"标题：测试\n作者：李明\n记者：李明\n通讯员：王五\n{PARA_1}\n")
    assert page.meta.author == "李明 王五"


POEM = [
    "春天的山",
    "山上的花开了",
    "花下的孩子们笑了",
    "笑声传得很远",
    "远到城里的高楼",
    "高楼里的人也听见了",
]


def test_an_early_related_line_does_not_cut_the_short_lines_after_it() -> None:
    # The related-articles cut belongs to the second half of a page; here the heading
    # comes second of eight body lines and a poem of short lines follows it.
    text = f"标题：山中来信\n{PARA_1}\n相关阅读\n" + "\n".join(POEM) + "\n"
    page = _parse(text)
    assert _texts(page) == [PARA_1, *POEM]


def test_a_related_list_at_the_end_is_cut() -> None:
    links = ["全县秋粮收购进度过半", "两个新项目签约落地", "冬季供暖准备就绪"]
    text = f"标题：测试\n{PARA_1}\n{PARA_2}\n{PARA_3}\n{PARA_1}\n相关阅读：\n" + "\n".join(links)
    assert _texts(_parse(text)) == [PARA_1, PARA_2, PARA_3, PARA_1]


@pytest.mark.parametrize("number", ["1. ", "2、", "3）"])
def test_a_lone_numbered_line_between_paragraphs_is_a_heading(number: str) -> None:
    page = _parse(f"标题：工作方案\n{PARA_1}\n{number}总体要求\n{PARA_2}\n")
    kinds = [(b.kind, b.level, b.text) for b in page.blocks]
    assert kinds == [
        (PARAGRAPH, 0, PARA_1),
        (HEADING, 3, f"{number}总体要求"),
        (PARAGRAPH, 0, PARA_2),
    ]


def test_consecutive_numbered_lines_are_list_items() -> None:
    page = _parse(f"标题：工作方案\n{PARA_1}\n1. 完善制度\n2. 加强督查\n{PARA_2}\n")
    kinds = [(b.kind, b.ordinal, b.text) for b in page.blocks]
    assert kinds == [
        (PARAGRAPH, None, PARA_1),
        (LIST_ITEM, 1, "完善制度"),
        (LIST_ITEM, 2, "加强督查"),
        (PARAGRAPH, None, PARA_2),
    ]


def test_a_short_exclamation_above_a_closing_source_line_is_text(tmp_path: Path) -> None:
    # 来源： near the top marks a page header, and short lines above one are skipped as
    # site chrome; a line ending in ！ is a sentence of the text, never chrome.
    path = tmp_path / "下雪了.txt"
    path.write_text("下雪了\n\n好大的雪啊！\n门前的小路都不见了。\n来源：河畔晚报\n", "utf-8")
    article = load_article(path, tmp_path)
    assert (article.title, article.meta.source) == ("下雪了", "河畔晚报")
    assert [block.text for block in article.blocks] == ["好大的雪啊！", "门前的小路都不见了。"]


def test_a_text_with_a_body_has_no_warning(tmp_path: Path) -> None:
    path = tmp_path / "柳树.txt"
    path.write_text("河边的柳树\n\n河边的柳树发芽了，春天来了，大家都出来散步。\n", "utf-8")
    article = load_article(path, tmp_path)
    assert (article.title, article.warnings) == ("河边的柳树", ())
    only_a_note = parse_plaintext("河边\n\n（责任编辑：王五）\n", "stem")
    assert only_a_note.warnings == ("no body text found",)


def test_a_late_related_line_followed_by_a_paragraph_cuts_nothing() -> None:
    # "相关阅读" in the second half, but the line right after it is a paragraph of the
    # article (over 60 characters), then short lines: it is no list of links, all stays.
    links = ["全县秋粮收购进度过半", "两个新项目签约落地"]
    long_line = PARA_2 + PARA_3
    assert len(long_line) > 60 and all(len(link) < 60 for link in links)
    text = f"标题：测试\n{PARA_1}\n{PARA_2}\n{PARA_3}\n{PARA_1}\n相关阅读\n{long_line}\n"
    texts = _texts(_parse(text + "\n".join(links)))
    assert texts[:4] == [PARA_1, PARA_2, PARA_3, PARA_1]
    assert long_line in texts and any(links[-1] in t for t in texts)
