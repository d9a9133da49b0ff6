"""Hard-wrapped archive shapes: margins and indents, continuation lines of every kind,
labelled headers above a short text, brackets left open, tables, rules and verse.

Every text is written for the test; :func:`wrap` cuts it the way old GBK archives did
(a fixed width in cells, every non-ASCII character two cells wide).
"""

from __future__ import annotations

from tuireader.library.formats.plain.blocks import to_blocks
from tuireader.library.formats.plain.page import parse_plaintext
from tuireader.library.formats.plain.reflow import logical_lines, wrap_width
from tuireader.library.model import LIST_ITEM, PARAGRAPH, RULE
from tuireader.text.sanitize import normalize_newlines

RIVER = (
    "河谷小城的老码头去年秋天重新修好以后，来往的船只一天比一天多起来，沿江的铺子也陆续"
    "开了门，卖茶叶的、卖竹器的、卖腌菜的都把摊子摆到了石阶上，从早到晚人声不断。"
)
MARKET = (
    "镇上的集市每逢农历三六九开张，四乡的人天不亮就赶着驴车进城，车上装满了山里的核桃、"
    "木耳和晒干的野菜，到了中午多半都能卖完，换回布匹、盐巴和孩子们念书用的本子。"
)
SCHOOL = (
    "小学的新校舍建在河湾北边的高地上，雨季涨水也淹不到，孩子们每天沿着新铺的石板路"
    "上学，家长们说这是十几年来最让人放心的一件事情。"
)


def cells(text: str) -> int:
    """Cells as a GBK archive counts them: ASCII one, everything else two."""
    return sum(1 if ch.isascii() else 2 for ch in text)


def wrap(paragraphs: list[str], width: int, first: str = "    ", margin: str = "") -> list[str]:
    """Cut each paragraph at ``width`` cells: its first line after ``first`` (the
    paragraph's indent), every line after ``margin`` (a left margin all lines share)."""
    lines = []
    for paragraph in paragraphs:
        line = margin + first
        for char in paragraph:
            if cells(line + char) > width:
                lines.append(line)
                line = margin
            line += char
        lines.append(line)
    return lines


def test_wrap_helper_cuts_at_the_width() -> None:
    lines = wrap([RIVER], 40)
    assert max(cells(line) for line in lines) <= 40
    assert "".join(line.strip() for line in lines) == RIVER


def test_common_margin_with_a_deeper_indent_per_paragraph() -> None:
    lines = wrap([RIVER, MARKET, SCHOOL], 60, first="    ", margin="  ")
    assert logical_lines(lines) == [RIVER, MARKET, SCHOOL]


def test_blank_lines_and_indents_together() -> None:
    lines = [*wrap([RIVER], 50), "", *wrap([MARKET], 50), "", *wrap([SCHOOL], 50)]
    assert logical_lines(lines) == [RIVER, MARKET, SCHOOL]


def test_blank_lines_without_indents() -> None:
    lines = [*wrap([RIVER], 50, first=""), "", *wrap([MARKET], 50, first="")]
    assert logical_lines(lines) == [RIVER, MARKET]


def test_continuation_lines_that_look_like_list_items_or_headings() -> None:
    # Where indents mark paragraphs, a line at the margin under a full line runs on,
    # whatever it starts with: a digit and a bracket, a Chinese numbered heading mark.
    first = "今年全县粮食总产量比上年增加了百分之十二，其中稻谷的增幅最大，达到了（"
    second = "2）项指标中的最高值，二、三季度的降雨帮了大忙，农技站的同志功不可没。"
    paragraph = first + second
    lines = wrap([paragraph, RIVER], 2 * len(first) + 4)
    assert lines[1].startswith("2）")
    assert logical_lines(lines) == [paragraph, RIVER]


def test_continuation_lines_starting_with_a_digit_a_latin_word_or_a_wide_character() -> None:
    pieces = [
        "这一年出口的竹器和茶叶合计金额达到了",
        "621.4万元，主要销往东南亚各地，其中通",
        "Internet订货的客户已经占到了一成以上，",
        "ＡＢ两类产品的订单都排到了明年的春天。",
    ]
    assert all(36 <= cells(piece) <= 40 for piece in pieces[1:])
    paragraph = "".join(pieces)
    lines = [*wrap([RIVER], 40), "    " + pieces[0], *pieces[1:], *wrap([MARKET], 40)]
    assert logical_lines(lines) == [RIVER, paragraph, MARKET]


def test_a_short_text_under_a_long_labelled_header_is_reflowed() -> None:
    header = [
        "【 文献号 】9-0417",
        "【原文出处】河谷日报",
        "【原刊期号】19980117",
        "【分 类 号】G8",
        "【复印期号】199802",
        "【 标  题 】老码头重新开放",
        "【 作  者 】林一帆",
        "【 正  文 】",
    ]
    page = parse_plaintext("\n".join(header + wrap([RIVER, MARKET], 64)), "stem")
    assert [block.text for block in page.blocks] == [RIVER, MARKET]


def test_a_label_line_that_is_full_runs_on() -> None:
    question = "记者：" + RIVER
    lines = wrap([question, "答：" + MARKET], 56)
    assert logical_lines(lines) == [question, "答：" + MARKET]


def test_a_deep_indented_line_that_reaches_the_right_edge_is_a_paragraph_start() -> None:
    heading = "一、" + SCHOOL
    lines = [*wrap([RIVER], 60), *wrap([heading], 60, first=" " * 12), *wrap([MARKET], 60)]
    assert logical_lines(lines) == [RIVER, heading, MARKET]


def test_closing_punctuation_pushed_onto_its_own_line_joins_the_sentence() -> None:
    sentence = RIVER[:29] + "："
    lines = [*wrap([RIVER[:29]], 2 * 29 + 4), "：", *wrap([MARKET], 62)]
    assert lines[0].endswith(RIVER[28])
    assert logical_lines(lines) == [sentence, MARKET]


def test_a_line_left_inside_a_bracket_runs_on_however_short() -> None:
    # A dateline wrapped narrower than the text under it, the reporter's name cut.
    lines = [
        "           河谷小城老码头重新开放",
        "新华社河谷５月３日电（记者林一",
        "             帆）河谷小城的老码头今天重新开放，沿江的铺子",
        "             也陆续开了门，卖茶叶的、卖竹器的都把摊子摆到",
        "             了石阶上。",
        "                 四乡的人天不亮就赶着驴车进城，车上装满了山",
        "             里的核桃、木耳和晒干的野菜，到了中午多半都能",
        "             卖完，换回布匹和盐巴。",
    ]
    page = parse_plaintext("\n".join(lines), "stem")
    assert page.meta.title == "河谷小城老码头重新开放"
    assert page.meta.author == "林一帆"
    assert page.blocks[0].text.startswith("新华社河谷５月３日电（记者林一帆）河谷小城")
    assert page.blocks[1].text.endswith("换回布匹和盐巴。")


def test_a_centred_headline_over_a_narrow_news_item() -> None:
    lines = [
        "          河谷小城修好老码头迎来了八方的游客们",
        "新华社河谷５月３日电河谷小城的老码头今天",
        "重新开放，沿江的铺子也陆续开了门，卖茶叶",
        "的、卖竹器的都把摊子摆到了石阶上。",
        "    四乡的人天不亮就赶着驴车进城，车上装满",
        "了山里的核桃、木耳和晒干的野菜，到了中午",
        "多半都能卖完。",
        "    码头管理处说，今年还要再修一段护栏。",
        "    游客们说，老码头回来了，小城的味道也",
        "就回来了。（完）",
    ]
    assert wrap_width(lines) is not None
    page = parse_plaintext("\n".join(lines), "stem")
    assert page.meta.title == "河谷小城修好老码头迎来了八方的游客们"
    texts = [block.text for block in page.blocks]
    assert texts[0].endswith("都把摊子摆到了石阶上。")
    assert (
        texts[1]
        == "四乡的人天不亮就赶着驴车进城，车上装满了山里的核桃、木耳和晒干的野菜，到了中午多半都能卖完。"
    )
    assert texts[-1] == "游客们说，老码头回来了，小城的味道也就回来了。（完）"


def test_greek_and_cyrillic_letters_count_two_cells_like_chinese() -> None:
    formula = "设入射角为θ，波长为λ，节距为p，则由几何关系可以推出衍射波的方向与试件表面的法线"
    rest = "方向一致，这一结论在实验中得到了反复的验证，误差始终不超过百分之二。"
    paragraph = formula + rest
    lines = wrap([paragraph, RIVER, MARKET], cells(formula) + 4)
    assert logical_lines(lines) == [paragraph, RIVER, MARKET]


def test_one_wide_gap_in_a_full_line_is_spacing_not_a_table() -> None:
    first = "注：见林一帆《河谷小城的码头》（River    Town Harbour）一书的"
    rest = "第三章，该书对码头的历史有详细的记载。"
    lines = ["    " + first, rest, *wrap([RIVER], cells(first) + 4)]
    assert logical_lines(lines) == [first + rest, RIVER]


def test_a_short_row_of_columns_stays_a_line() -> None:
    lines = [
        *wrap([RIVER], 60),
        "年份     1996   1997   1998",
        "吨数     120    135    160",
        *wrap([MARKET], 60),
    ]
    result = logical_lines(lines)
    assert "年份     1996   1997   1998" in result
    assert "吨数     120    135    160" in result
    assert result[0] == RIVER and result[-1] == MARKET


def test_a_rule_line_is_never_joined() -> None:
    lines = [*wrap([RIVER], 60), "-" * 60, *wrap([MARKET], 60)]
    assert logical_lines(lines) == [RIVER, "-" * 60, MARKET]


def test_verse_with_a_comma_at_every_line_end_stays_in_lines() -> None:
    verse = [
        "河水绕过了小城的石阶，",
        "码头的灯一盏一盏亮起，",
        "卖茶的老人收起了竹凳，",
        "孩子们追着晚归的渡船，",
        "远山把最后的光也收走，",
        "只留下一江安静的星星。",
    ]
    assert logical_lines(verse) == verse


def test_a_numbered_section_heading_is_not_a_list_item() -> None:
    blocks = to_blocks(["1.2.1  集市的由来", "1.2.2  手艺人的生计", "2. 结语"])
    assert [block.kind for block in blocks[:2]] == [PARAGRAPH, PARAGRAPH]
    assert blocks[0].text == "1.2.1  集市的由来"


def test_a_short_numbered_list_is_still_a_list() -> None:
    blocks = to_blocks(["1. 修码头", "2. 建学校", "3. 开集市"])
    assert [block.kind for block in blocks] == [LIST_ITEM] * 3
    assert blocks[1].text == "建学校" and blocks[1].ordinal == 2


def test_lines_ending_in_a_double_carriage_return_are_one_break() -> None:
    # A CRLF file converted to CRLF again: every line ends in CR CR LF.
    text = "\r\r\n".join(wrap([RIVER, MARKET], 50)) + "\r\r\n"
    lines = normalize_newlines(text).split("\n")
    assert "" not in lines[:-1]
    assert logical_lines(lines) == [RIVER, MARKET]


def test_a_lone_double_carriage_return_is_a_line_and_a_blank_line() -> None:
    text = "第一段。\r\n第二段。\r\r\n第三段。\r\n第四段。\r\n第五段。\r\n"
    assert normalize_newlines(text) == "第一段。\n第二段。\n\n第三段。\n第四段。\n第五段。\n"


def test_a_rule_block_for_a_signature_separator() -> None:
    page = parse_plaintext("\n".join([RIVER, "", "--", "河谷小城的一个读者"]), "stem")
    assert [block.kind for block in page.blocks] == [PARAGRAPH, RULE, PARAGRAPH]
