"""Real-archive shapes of plain text: labelled header blocks, journal papers, news items.

Every text here is written for the test, in the shapes old archives use.
"""

from __future__ import annotations

import pytest

from tuireader.library.formats.plain.label_block import read_label_block
from tuireader.library.formats.plain.page import parse_plaintext
from tuireader.library.formats.plain.reflow import logical_lines
from tuireader.library.model import ABSTRACT, ParsedPage

LABELLED = """【 文献号 】7-0042
【原文出处】山乡经济研究
【原刊地名】兰州
【原刊期号】199805
【原刊页号】12～19
【分 类 号】F12
【分 类 名】区域经济
【复印期号】199809
【 标  题 】河谷小城的集市与手艺人
【 作  者 】马小川/宁 远
【内容提要】本文记述河谷小城集市上的手艺人如何随着道路修通而改换生计，
并讨论小城经济的出路。
【关 键 词】集市/手艺人/小城经济
【 正  文 】
    河谷小城每逢农历三六九有集，四乡的人赶着驴车来卖山货。
    手艺人在集市上摆摊，修鞋的、打铁的、补锅的各占一角。
"""


def _parse(text: str) -> ParsedPage:
    return parse_plaintext(text, "stem")


def test_labelled_block_fills_every_known_field() -> None:
    page = _parse(LABELLED)
    meta = page.meta
    assert meta.title == "河谷小城的集市与手艺人"
    assert meta.source == "山乡经济研究"
    assert meta.date == "1998-05" and meta.date_precision == "month"
    assert meta.author == "马小川 宁远"
    assert meta.page == "12～19"
    assert meta.keywords == ("集市", "手艺人", "小城经济")
    assert meta.abstract.startswith("本文记述") and meta.abstract.endswith("出路。")


def test_an_issue_number_over_twelve_dates_the_year_only() -> None:
    meta = _parse(LABELLED.replace("【原刊期号】199805", "【原刊期号】199821")).meta
    assert meta.date == "1998" and meta.date_precision == "year"


def test_labelled_block_keeps_other_labels_in_order() -> None:
    labels = _parse(LABELLED).meta.labels
    assert [label for label, _ in labels] == ["文献号", "原刊地名", "分类号", "分类名", "复印期号"]
    assert dict(labels)["文献号"] == "7-0042"


def test_labelled_block_leaves_no_label_line_in_the_body() -> None:
    page = _parse(LABELLED)
    assert page.blocks[0].kind == ABSTRACT
    body = [block.text for block in page.blocks[1:]]
    assert body[0].startswith("河谷小城每逢农历三六九有集")
    assert not any(text.startswith("【") for text in body)


def test_a_day_label_and_an_edition() -> None:
    text = (
        "【 日  期 】19970214\n【 版  号 】3\n【 标  题 】雪后初晴\n【 正  文 】\n路上的雪化了。\n"
    )
    meta = _parse(text).meta
    assert meta.date == "1997-02-14" and meta.page == "3" and meta.title == "雪后初晴"


def test_other_bracket_kinds_and_text_after_the_body_label() -> None:
    text = "〖标题〗山路\n〖作者〗林一\n〖正文〗山路弯弯，通向远方。\n第二段。\n"
    page = _parse(text)
    assert page.meta.title == "山路" and page.meta.author == "林一"
    assert [block.text for block in page.blocks] == ["山路弯弯，通向远方。", "第二段。"]


def test_note_marks_are_not_labels() -> None:
    page = _parse("一个标题\n【1】这是一条注释，不是标签。\n正文的第二段。\n")
    assert page.meta.labels == ()
    assert any("【1】" in block.text for block in page.blocks)


JOURNAL = """山地农业学报
JOURNAL OF MOUNTAIN FARMING
1998年6月 第9卷 第2期 Vol.9 No.2 1998



坡地梯田的保水效果观测
王大山　李　青
（山地农业研究所，昆明　650000）
摘　要　连续三年观测了坡地梯田与顺坡耕地的土壤含水量，梯田保水效果明显。
关键词　梯田；保水；坡地
中图分类号　S157
Observation on Water Keeping of Terraces
WANG Dashan　LI Qing
Abstract　Soil water of terraces and slope land was observed for three years.
Key words　terrace; water keeping
　　坡地耕作是山区农业的主要方式，水土流失严重。
　　本文报告三年观测的结果。
"""


def test_journal_masthead_is_source_issue_and_date_never_the_title() -> None:
    meta = _parse(JOURNAL).meta
    assert meta.title == "坡地梯田的保水效果观测"
    assert meta.source == "山地农业学报"
    assert meta.issue == "1998年6月 第9卷 第2期 Vol.9 No.2 1998"
    assert dict(meta.labels)["英文刊名"] == "JOURNAL OF MOUNTAIN FARMING"
    assert meta.date == "1998-06"


def test_journal_authors_affiliation_abstract_keywords() -> None:
    meta = _parse(JOURNAL).meta
    assert meta.author == "王大山 李青"
    assert meta.abstract.startswith("连续三年观测")
    assert meta.keywords == ("梯田", "保水", "坡地")
    kept = dict(meta.labels)
    assert kept["作者单位"].startswith("山地农业研究所")
    assert kept["中图分类号"] == "S157"
    assert "terrace" in kept["Key words"]
    assert kept["Abstract"] == "Soil water of terraces and slope land was observed for three years."
    assert (
        kept["英文标题及作者"]
        == "Observation on Water Keeping of Terraces WANG Dashan\u3000LI Qing"
    )


def test_journal_body_starts_after_the_front_matter() -> None:
    page = _parse(JOURNAL)
    body = [block.text for block in page.blocks if block.kind != ABSTRACT]
    assert body == ["坡地耕作是山区农业的主要方式，水土流失严重。", "本文报告三年观测的结果。"]


def test_journal_english_title_above_the_authors_is_kept_apart() -> None:
    text = JOURNAL.replace(
        "坡地梯田的保水效果观测\n", "坡地梯田的保水效果观测\nWater Keeping of Terraces on Slopes\n"
    )
    meta = _parse(text).meta
    assert (meta.title, meta.author) == ("坡地梯田的保水效果观测", "王大山 李青")
    assert dict(meta.labels)["英文标题"] == "Water Keeping of Terraces on Slopes"


def test_journal_paper_without_authors_keeps_its_first_paragraphs_in_the_body() -> None:
    first = "连续三年观测了坡地梯田与顺坡耕地的土壤含水量，梯田保水效果十分明显。"
    second = "观测地点设在山区的三个县，每个县选取两块梯田和两块顺坡耕地作为对照。"
    page = _parse(
        f"山地农业学报\n1998年6月 第9卷 第2期\n\n坡地梯田的保水效果观测\n{first}\n{second}\n"
    )
    assert (page.meta.title, page.meta.abstract) == ("坡地梯田的保水效果观测", None)
    assert [block.text for block in page.blocks] == [first, second]


def test_journal_bracketed_label_in_the_front_matter_is_kept() -> None:
    text = JOURNAL.replace("中图分类号　S157\n", "中图分类号　S157\n【复印期号】199809\n")
    page = _parse(text)
    assert dict(page.meta.labels)["复印期号"] == "199809"
    assert not any("复印期号" in block.text for block in page.blocks)


def test_journal_title_wrapped_over_two_lines() -> None:
    text = JOURNAL.replace("坡地梯田的保水效果观测\n", "坡地梯田与顺坡耕地\n保水效果的对比观测\n")
    assert _parse(text).meta.title == "坡地梯田与顺坡耕地保水效果的对比观测"


def test_journal_title_whose_last_words_wrapped_onto_a_line_like_a_name() -> None:
    text = JOURNAL.replace("坡地梯田的保水效果观测\n", "用三年的连续观测比较\n梯田保水\n")
    meta = _parse(text).meta
    assert meta.title == "用三年的连续观测比较梯田保水"
    assert meta.author == "王大山 李青"


def test_journal_author_alone_on_a_line_above_the_names_line_stays_an_author() -> None:
    text = JOURNAL.replace("王大山　李　青\n", "赵　明\n王大山　李　青\n")
    meta = _parse(text).meta
    assert meta.title == "坡地梯田的保水效果观测"
    assert meta.author == "赵明 王大山 李青"


def test_journal_title_without_the_marks_of_its_footnotes() -> None:
    for mark in ("*", "＊", "**", "1)", "1）"):
        text = JOURNAL.replace("坡地梯田的保水效果观测\n", f"坡地梯田的保水效果观测{mark}\n")
        assert _parse(text).meta.title == "坡地梯田的保水效果观测", mark
    kept = JOURNAL.replace("坡地梯田的保水效果观测\n", "坡地梯田的保水效果观测(2)\n")
    assert _parse(kept).meta.title == "坡地梯田的保水效果观测(2)"  # a part number stays


def test_journal_authors_on_several_lines_each_with_an_affiliation() -> None:
    text = JOURNAL.replace(
        "王大山　李　青\n（山地农业研究所，昆明　650000）\n",
        "王大山　李　青　(山地农业研究所水土保持\n研究室，昆明 650000)\n"
        "赵　明\n(高原大学农学院，昆明 650001)　钱小红(山区气象站)\n",
    )
    meta = _parse(text).meta
    assert meta.title == "坡地梯田的保水效果观测"
    assert meta.author == "王大山 李青 赵明 钱小红"
    units = [value for label, value in meta.labels if label == "作者单位"]
    assert units == [
        "山地农业研究所水土保持研究室，昆明 650000",
        "高原大学农学院，昆明 650001",
        "山区气象站",
    ]
    assert meta.abstract.startswith("连续三年观测")


def test_reflow_of_a_text_shifted_right_with_a_dateline_at_the_edge() -> None:
    margin = " " * 10
    lines = [
        "新华社江城３月２日电江城的老码头今天",
        margin + "重新开放，沿江的商铺也陆续开门迎客了",
        margin + "。",
        margin + "    码头始建于上个世纪，几经翻修，如今",
        margin + "又添了候船的长廊和供人歇脚的石凳子。",
        margin + "    市民们说，老码头回来了，江城的味道",
        margin + "也就回来了。",
    ]
    assert logical_lines(lines) == [
        "新华社江城３月２日电江城的老码头今天重新开放，沿江的商铺也陆续开门迎客了。",
        "码头始建于上个世纪，几经翻修，如今又添了候船的长廊和供人歇脚的石凳子。",
        "市民们说，老码头回来了，江城的味道也就回来了。",
    ]


def test_reflow_keeps_numbers_and_latin_words_in_the_paragraph() -> None:
    lines = [
        "    今年全省的出口总额增长较快，其中机电产品的出口金额达",
        "621.4亿美元，比上年增长百分之十二，高新技术产品的出口也",
        "Made in China 的标签在更多的国家出现，外贸企业的信心明显",
        "增强了。",
        "    明年的目标是稳住传统市场，同时开拓新的市场，让更多的",
        "产品走出去。",
    ]
    assert logical_lines(lines) == [
        "今年全省的出口总额增长较快，其中机电产品的出口金额达621.4亿美元，比上年增长百分之"
        "十二，高新技术产品的出口也Made in China 的标签在更多的国家出现，外贸企业的信心明显"
        "增强了。",
        "明年的目标是稳住传统市场，同时开拓新的市场，让更多的产品走出去。",
    ]


def test_reflow_keeps_table_rows_as_lines() -> None:
    lines = [
        "    各县的产量如下表所示，表中的数字是按照统计局公布的口径",
        "整理出来的，供读者参考使用，如有出入以统计局的数字为准。",
        "县名      粮食      油料      蔬菜",
        "东山      1200      300       800",
        "西河      900       250       700",
        "    可以看出，东山县的各项产量都高于西河县，原因是多方面的",
        "。",
    ]
    result = logical_lines(lines)
    assert "东山      1200      300       800" in result
    assert "西河      900       250       700" in result


NEWS = """           河谷大桥今天合龙
新华社江城４月９日电（记者周小川、通讯员吴天）横跨河谷的
大桥今天上午合龙，两岸的居民结束了摆渡过河的日子。
    大桥全长一千二百米，是本省跨度最大的一座公路桥。
"""


def test_news_headline_is_the_title_and_the_dateline_stays() -> None:
    page = _parse(NEWS)
    assert page.meta.title == "河谷大桥今天合龙"
    assert page.blocks[0].text.startswith("新华社江城４月９日电（记者周小川、通讯员吴天）横跨")
    assert page.meta.author == "周小川 吴天"
    assert page.meta.source == "新华社"


def test_news_byline_on_the_line_after_a_bare_dateline() -> None:
    text = "河谷大桥今天合龙\n本报讯\n记者　周小川　吴天\n横跨河谷的大桥今天合龙，两岸居民告别了摆渡过河的日子。\n"
    meta = _parse(text).meta
    assert (meta.title, meta.author) == ("河谷大桥今天合龙", "周小川 吴天")


def test_news_headline_over_two_lines_joins_up() -> None:
    text = NEWS.replace("           河谷大桥今天合龙\n", "河谷大桥今天合龙\n两岸居民告别摆渡\n")
    assert _parse(text).meta.title == "河谷大桥今天合龙 两岸居民告别摆渡"


def test_body_label_lines_become_metadata_or_headings() -> None:
    text = (
        "标题：山村小学\n"
        "山村小学开学了，孩子们背着新书包走进教室。\n"
        "【参考文献】\n"
        "一本关于山村教育的书。\n"
        "【责任编辑】赵六\n"
    )
    page = _parse(text)
    texts = [block.text for block in page.blocks]
    assert "参考文献" in texts and not any(t.startswith("【") for t in texts)
    assert page.meta.editor == "赵六"


def test_inline_metadata_lines_fill_fields_and_leave_the_body() -> None:
    text = (
        "秋天的果园\n"
        "作者：林小雨\n"
        "来源：山城晚报\n"
        "果园里的苹果红了，果农们忙着采摘，脸上都是笑容。\n"
        "今年的收成比去年好，价钱也不错。\n"
        "（作者单位：山城师范学院）\n"
        "责任编辑：周七\n"
    )
    page = _parse(text)
    meta = page.meta
    assert (meta.author, meta.source, meta.editor) == ("林小雨", "山城晚报", "周七")
    assert dict(meta.labels)["作者单位"] == "山城师范学院"
    assert [block.text for block in page.blocks] == [
        "果园里的苹果红了，果农们忙着采摘，脸上都是笑容。",
        "今年的收成比去年好，价钱也不错。",
    ]


def test_an_author_line_with_a_biography_keeps_the_biography() -> None:
    text = "标题：河边\n河边的柳树发芽了，春天来了。\n作者：王小山，山城大学教授\n"
    meta = _parse(text).meta
    assert meta.author == "王小山"
    assert dict(meta.labels)["作者简介"] == "山城大学教授"
    alone = _parse(text.replace("，山城大学教授", "")).meta
    assert alone.author == "王小山"
    assert "作者简介" not in dict(alone.labels)  # a name alone has no biography to keep


def test_a_source_line_that_disagrees_stays_in_the_body() -> None:
    text = "标题：河边\n来源：甲报\n河边的柳树发芽了，春天来了。\n大家都出来散步。\n来源：乙报\n"
    page = _parse(text)
    assert page.meta.source == "甲报"
    assert page.blocks[-1].text == "来源：乙报"


def test_a_dateline_starts_a_paragraph_under_a_long_headline() -> None:
    lines = [
        "           江城的老码头今天重新开放迎来八方的游客",
        "新华社江城３月２日电江城的老码头今天重新开放，沿江的",
        "商铺也陆续开门迎客了，来往的游客络绎不绝，十分热闹。",
        "    码头始建于上个世纪，几经翻修，如今又添了候船的长廊",
        "和供人歇脚的石凳子，附近的居民每天傍晚都来这里散步。",
        "    市民们说，老码头回来了，江城的味道也就回来了。",
    ]
    result = logical_lines(lines)
    assert result[0] == "江城的老码头今天重新开放迎来八方的游客"
    assert result[1].startswith("新华社江城３月２日电")


def test_journal_institution_before_the_authors_is_kept() -> None:
    text = JOURNAL.replace(
        "王大山　李　青\n（山地农业研究所，昆明　650000）\n", "山地农业研究所　王大山　李　青\n"
    )
    meta = _parse(text).meta
    assert meta.author == "王大山 李青"
    assert dict(meta.labels)["作者单位"] == "山地农业研究所"


def test_journal_title_with_a_latin_name_in_brackets() -> None:
    text = JOURNAL.replace(
        "坡地梯田的保水效果观测\n", "香根草(Vetiveria zizanioides)\n在坡地梯田的保水效果\n"
    )
    meta = _parse(text).meta
    assert meta.title == "香根草(Vetiveria zizanioides)在坡地梯田的保水效果"
    assert meta.author == "王大山 李青"


def test_journal_name_after_the_debris_of_an_html_tag() -> None:
    meta = _parse('logo.gif (2519 bytes)" border="0"> ' + JOURNAL).meta
    assert meta.source == "山地农业学报"
    assert meta.title == "坡地梯田的保水效果观测"


def test_a_keywords_line_in_the_body_is_metadata() -> None:
    text = "河谷小城的码头\n\n　　文　摘：本文记述码头的修复。\n　　修复工作从去年秋天开始。\n　　关键词：码头；修复\n　　码头如今每天都很热闹。\n"
    page = _parse(text)
    assert page.meta.keywords == ("码头", "修复")
    assert not any(block.text.startswith("关键词") for block in page.blocks)


def test_a_spaced_two_character_name_then_another_name() -> None:
    text = "河边的柳树\n作者：李　锐、王明\n河边的柳树发芽了，春天来了，大家都出来散步。\n"
    assert _parse(text).meta.author == "李锐 王明"


def test_news_label_line_under_the_headline_is_metadata_not_a_second_headline() -> None:
    for gap in (" ", "\u3000", "  "):
        text = (
            "河畔小城新添三座口袋公园\n"
            f"来源：河畔晚报{gap}时间：2024-03-01\n\n"
            "本报讯 近日，河畔小城新建的三座口袋公园陆续开放，居民在家门口就能散步。\n\n"
            "公园的设计征求了周边居民的意见。\n"
        )
        page = _parse(text)
        assert (page.meta.title, page.meta.source, page.meta.date) == (
            "河畔小城新添三座口袋公园",
            "河畔晚报",
            "2024-03-01",
        )
        assert page.blocks[0].text.startswith("本报讯 近日")


def test_news_headline_over_a_lone_source_line_keeps_both_apart() -> None:
    text = "河畔小城新添三座口袋公园\n来源：河畔晚报\n\n本报讯 近日，三座口袋公园陆续开放。\n"
    meta = _parse(text).meta
    assert (meta.title, meta.source) == ("河畔小城新添三座口袋公园", "河畔晚报")


def test_body_line_of_several_labels_fills_each_field_and_leaves_the_body() -> None:
    text = (
        "河畔小城新添三座口袋公园\n\n"
        "近日，河畔小城新建的三座口袋公园陆续开放，附近居民在家门口就能散步休闲。\n\n"
        "来源：河畔晚报\u3000时间：2024-03-01\n\n"
        "公园的设计征求了周边居民的意见，保留了原有的几棵老槐树。\n"
    )
    page = _parse(text)
    assert (page.meta.source, page.meta.date) == ("河畔晚报", "2024-03-01")
    assert not any("来源" in block.text for block in page.blocks)
    assert len(page.blocks) == 2


def test_body_line_of_labels_disagreeing_with_the_header_stays_in_the_text() -> None:
    text = (
        "河畔小城新添三座口袋公园\n"
        "来源：河畔晚报\n\n"
        "近日，河畔小城新建的三座口袋公园陆续开放，附近居民在家门口就能散步休闲。\n\n"
        "来源：山城日报\u3000时间：2024-03-01\n\n"
        "公园的设计征求了周边居民的意见。\n"
    )
    page = _parse(text)
    assert page.meta.source == "河畔晚报"
    assert any(block.text.startswith("来源：山城日报") for block in page.blocks)


@pytest.mark.parametrize(("issue", "date"), [("1999年12月", "1999-12"), ("1999年1月", "1999-01"),
                                             ("1999年13月", "1999")])  # fmt: skip
def test_journal_issue_month_dates_the_paper_from_january_to_december(issue, date) -> None:
    text = JOURNAL.replace("1998年6月 第9卷 第2期 Vol.9 No.2 1998", f"{issue} 第9卷 第2期")
    assert _parse(text).meta.date == date


JOURNAL_PARAGRAPH = "本文研究了河边小镇书店的经营状况，并对其未来发展提出了若干建议和看法。" * 2


def test_journal_paper_opening_with_its_abstract_has_no_title_line() -> None:
    page = _parse(
        "河畔学刊\n2004年 第3期\n摘要：本文研究了小镇书店。\n关键词：书店；小镇\n\n"
        f"{JOURNAL_PARAGRAPH}\n\n{JOURNAL_PARAGRAPH}\n"
    )
    assert page.meta.title == "stem"  # the file's name: the abstract is no title
    assert (page.meta.source, page.meta.issue) == ("河畔学刊", "2004年 第3期")
    assert page.meta.abstract == "本文研究了小镇书店。"
    assert page.meta.keywords == ("书店", "小镇")
    assert [block.text for block in page.blocks if block.kind != ABSTRACT] == [
        JOURNAL_PARAGRAPH,
        JOURNAL_PARAGRAPH,
    ]


def test_journal_masthead_alone_is_metadata_without_text() -> None:
    page = _parse("河畔学刊\n2004年 第3期\n")
    assert (page.meta.source, page.meta.issue, page.meta.date) == (
        "河畔学刊",
        "2004年 第3期",
        "2004",
    )
    assert page.blocks == ()


def test_journal_ending_on_a_bracket_left_open_keeps_that_line() -> None:
    page = _parse("河畔学刊\n2004年 第3期\n小镇书店的经营研究\n王五　赵六（河畔大学 中文系\n")
    assert page.meta.title == "小镇书店的经营研究"
    assert [block.text for block in page.blocks] == ["王五\u3000赵六（河畔大学 中文系"]


LABEL_BLOCK_PARAGRAPH = "河谷小城每逢农历三六九有集，四乡的人赶着驴车来卖山货。"


def test_a_labelled_block_without_a_body_label_ends_at_the_first_line_of_text() -> None:
    text = f"【标题】河谷小城的集市\n【作者】马小川\n{LABEL_BLOCK_PARAGRAPH}\n{LABEL_BLOCK_PARAGRAPH}\n"
    page = _parse(text)
    assert (page.meta.title, page.meta.author) == ("河谷小城的集市", "马小川")
    assert [block.text for block in page.blocks] == [LABEL_BLOCK_PARAGRAPH] * 2


def test_labels_we_do_not_know_without_a_body_label_are_no_labelled_block() -> None:
    lines = ["【分类号】F12", "【文献号】7-0042", LABEL_BLOCK_PARAGRAPH]
    assert read_label_block(lines) is None
    with_body = [*lines[:2], f"【正文】{LABEL_BLOCK_PARAGRAPH}"]
    found = read_label_block(with_body)
    assert found is not None
    header, start = found
    assert header.meta.labels == (("分类号", "F12"), ("文献号", "7-0042"))
    assert with_body[start] == LABEL_BLOCK_PARAGRAPH  # the text on the 正文 line opens the body


def test_journal_ending_on_a_label_alone_keeps_no_value() -> None:
    page = _parse(
        "河畔学刊\n2004年 第3期\n小镇书店的经营研究\n王五　赵六\n摘要：本文研究了小镇书店。\n关 键 词\n"
    )
    assert page.meta.abstract == "本文研究了小镇书店。"
    assert page.meta.keywords == ()
    assert page.meta.author == "王五 赵六"


def test_an_abstract_the_body_repeats_as_its_first_paragraph_is_shown_once() -> None:
    page = _parse(
        f"【标题】河谷\n【内容提要】集市上的手艺人。\n【正文】\n集市上的手艺人。\n{LABEL_BLOCK_PARAGRAPH}\n"
    )
    assert [(block.kind, block.text) for block in page.blocks] == [
        (ABSTRACT, "集市上的手艺人。"),
        ("paragraph", LABEL_BLOCK_PARAGRAPH),
    ]
