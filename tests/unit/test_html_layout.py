"""A page's visible text piece by piece: what reads as a paragraph, where a headline is
printed, and the byline and credit areas around the article."""

from __future__ import annotations

import pytest
from lxml import etree

from tuireader.library.formats.html.layout import (
    PARAGRAPH_CHARS,
    Areas,
    Layout,
    Piece,
    find_areas,
    is_paragraph,
)
from tuireader.library.formats.html.tree import parse_tree

STORY = "正文的第一段话写在这里，讲老街改造以后的变化。" * 4  # 92 characters


def page(body: str) -> etree._Element:
    root = parse_tree(f"<html><head><title>t</title></head><body>{body}</body></html>")
    assert root is not None
    return root


def by_id(root: etree._Element, name: str) -> etree._Element:
    (found,) = root.xpath(f"//*[@id='{name}']")
    return found


@pytest.mark.parametrize(
    ("text", "paragraph"),
    [
        ("字" * (PARAGRAPH_CHARS - 1), False),  # long but without a sentence's punctuation
        ("字" * PARAGRAPH_CHARS, True),  # this long, article text whatever it holds
        ("字" * 18 + "。", False),  # 19 characters: a label or a headline
        ("字" * 19 + "。", True),
        ("字" * 10 + "；" + "字" * 9, True),
        ("字" * 10 + "！" + "字" * 9, True),
        ("字" * 10 + "？" + "字" * 9, True),
        ("字" * 9 + "，" + "字" * 10, True),  # a comma with a clause after it
        ("字" * 10 + "，" + "字" * 9, False),  # a clause of nine: a list of names
        ("Short words end here.", True),
        ("Does it end in a question?", True),
        ("Two words. Then more words", True),
        ("Two words.then more words", False),
        ("Saturday, 5 April 2005 - 10:40", False),
    ],
)
def test_is_paragraph(text: str, paragraph: bool) -> None:
    assert is_paragraph(text) is paragraph


def test_layout_pieces_are_texts_and_tails_in_reading_order() -> None:
    root = page("<div>甲<b>乙</b>丙<br>丁</div> <p>  </p><p>戊\n 己</p>")
    layout = Layout.of(root)
    assert [(p.text, p.element.tag, p.start, p.end) for p in layout.pieces] == [
        ("甲", "div", 0, 1),
        ("乙", "b", 2, 3),
        ("丙", "div", 4, 5),  # the tail of <b> sits in the <div>
        ("丁", "div", 6, 7),
        ("戊己", "p", 8, 10),  # cleaned: a line break between CJK characters is nothing
    ]
    assert layout.text == "甲 乙 丙 丁 戊己"


def test_layout_is_the_text_of_the_body_only() -> None:
    root = parse_tree("<html><head><title>题</title></head><body><p>正文</p></body>页尾</html>")
    assert root is not None
    assert [piece.text for piece in Layout.of(root).pieces] == ["正文"]


def test_layout_of_a_page_without_a_body_reads_the_root() -> None:
    root = etree.fromstring("<div><p>一句话。</p><p>第二句。</p></div>")
    assert [piece.text for piece in Layout.of(root).pieces] == ["一句话。", "第二句。"]


def test_find_matches_at_piece_starts_with_one_space_between_characters() -> None:
    layout = Layout.of(
        page("<h1>城市更新<br>老街新生</h1><p>城市更新老街新生的故事</p><p>说起城市更新</p>")
    )
    # Printed across a <br>: one space between two characters is allowed.
    assert layout.find("城市更新老街新生") == [(0, 9), (10, 18)]
    assert layout.find("城市 更新") == [(0, 4), (10, 14)]  # spaces in the asked text do not count
    assert layout.find("更新") == []  # only where a piece starts
    assert layout.find("城市更新老街新生", limit=1) == [(0, 9)]
    assert layout.find("   ") == []
    assert layout.find("城市更新老街新生的故事还有") == []  # runs on into another piece
    assert layout.find("说起城市更新了") == []  # runs past the end of the text
    assert layout.find("说起城市更新") == [(22, 28)]


def test_find_allows_one_space_not_two() -> None:
    layout = Layout(
        [
            _piece("城市", 0),
            _piece("更新", 3),
        ]
    )
    assert layout.text == "城市 更新"
    assert layout.find("城市更新") == [(0, 5)]
    spaced = Layout([_piece("城 市", 0)])
    assert spaced.find("城市") == [(0, 3)]
    assert Layout([_piece("城  市", 0)]).find("城市") == []


def _piece(text: str, start: int) -> Piece:
    return Piece(text, etree.Element("p"), start)


def test_first_paragraph_is_the_first_paragraph_like_piece_inside() -> None:
    root = page(f"<div id='main'><div>短标签</div><p>{STORY}</p></div><p>{STORY}</p>")
    layout = Layout.of(root)
    main = by_id(root, "main")
    assert layout.first_paragraph([main]) == 4
    short = page("<div id='main'><div>短标签</div><div>又一个</div></div>")
    assert Layout.of(short).first_paragraph([by_id(short, "main")]) == 0
    empty = page("<p>外面</p><div id='main'></div>")
    assert Layout.of(empty).first_paragraph([by_id(empty, "main")]) == len("外面")


def menu(count: int, name: str = "菜单项目") -> str:
    """``count`` lines of 8 characters each (9 with the space joining them)."""
    return "".join(f"<div>{name}第{n:02d}个</div>" for n in range(count))


def test_headline_end_takes_the_print_nearest_above_the_text() -> None:
    # The headline in a "latest news" box far above, again just above the text, and
    # once more after it.
    root = page(f"<div>老街新生</div>{menu(80)}<h1>老街新生</h1><p>{STORY}</p><p>老街新生以后</p>")
    layout = Layout.of(root)
    h1 = next(p for p in layout.pieces if p.element.tag == "h1")
    story = next(p for p in layout.pieces if p.text == STORY)
    assert layout.headline_end("老街新生", story.start) == h1.end
    # Looking from far below: the last print at or before the offset.
    last = layout.pieces[-1]
    assert layout.headline_end("老街新生", last.start + 700) == last.start + len("老街新生")
    # Before any print: the first one.
    assert layout.headline_end("老街新生", -1) == len("老街新生")
    assert layout.headline_end("老", story.start) is None  # too short to find
    assert layout.headline_end("老街", story.start) == h1.start + 2
    assert layout.headline_end("别的标题", story.start) is None


def test_of_two_prints_near_the_text_the_first_is_the_headline() -> None:
    # An article opening by repeating its title: the first print in the 600 characters
    # above the text is the headline, whatever follows.
    root = page(f"<div>老街新生</div>{menu(30)}<div>老街新生</div>{menu(40)}<p>{STORY}</p>")
    layout = Layout.of(root)
    first, second = (p for p in layout.pieces if p.text == "老街新生")
    assert (first.start, second.start) == (0, 275)
    assert layout.headline_end("老街新生", 600) == first.end
    assert layout.headline_end("老街新生", 601) == second.end  # the first is too far up
    assert layout.headline_end("老街新生", second.start) == first.end
    assert layout.headline_end("老街新生", second.start - 1) == first.end


def areas_of(body: str, title: str) -> Areas:
    root = page(body)
    return find_areas(Layout.of(root), [by_id(root, "main")], title)


def test_the_byline_area_runs_from_the_headline_to_the_first_paragraph() -> None:
    areas = areas_of(
        "<h1>老街新生</h1><div>2005-04-05 来源：本报</div>"
        f"<div id='main'><p>{STORY}</p><p>（记者 王五）</p></div><div>热门文章排行</div>",
        "老街新生",
    )
    assert areas == Areas(
        byline=" 2005-04-05 来源：本报 ",
        credit=f"{STORY} （记者 王五） 热门文章排行",
        byline_pieces=("2005-04-05 来源：本报",),
        after_headline=True,
        closing=f"{STORY} （记者 王五）",
    )


def test_without_a_printed_headline_the_byline_area_is_the_stretch_before_the_text() -> None:
    source = "来源：河畔市日报编辑"
    areas = areas_of(f"{menu(30)}<div>{source}</div><div id='main'><p>{STORY}</p></div>", "无题")
    # The text starts at 30 * 9 + 11 = 281; the area is the 200 characters before it,
    # from the start of line 9 on.
    lines = [f"菜单项目第{n:02d}个" for n in range(9, 30)]
    assert areas.after_headline is False
    assert areas.byline == " ".join(lines) + f" {source} "
    assert len(areas.byline) == 200
    assert areas.byline_pieces == (*lines, source)
    assert areas.closing == STORY  # nothing after the text


def test_the_byline_area_is_at_most_four_hundred_characters_long() -> None:
    lines = [f"菜单项目第{n:02d}" for n in range(55)]  # 7 characters, 8 with the space
    menu = "".join(f"<div>{line}</div>" for line in lines)
    areas = areas_of(f"<h1>老街新生</h1>{menu}<div id='main'><p>{STORY}</p></div>", "老街新生")
    # The area is offsets 4 to 404; line k ends at 5 + 8k + 7: line 49 ends at 404 exactly.
    assert areas.byline == (" " + " ".join(lines))[:400]
    assert areas.byline_pieces == tuple(lines[:50])


def test_a_headline_printed_inside_the_text_opens_a_byline_area_after_it() -> None:
    areas = areas_of(
        f"<div id='main'><p>{STORY}</p><h2>老街新生</h2><div>来源：本报</div></div>", "老街新生"
    )
    assert areas.after_headline is True
    assert areas.byline == " 来源：本报"
    assert areas.byline_pieces == ("来源：本报",)


def test_the_credit_area_ends_three_hundred_characters_after_the_text() -> None:
    after = menu(40, "页脚链接")
    areas = areas_of(f"<h1>老街新生</h1><div id='main'><p>{STORY}</p></div>{after}", "老街新生")
    footer = " ".join(f"页脚链接第{n:02d}个" for n in range(40))
    assert areas.credit == f"{STORY} {footer}"[: len(STORY) + 300]


@pytest.mark.parametrize(("size", "closes"), [(30, True), (31, False)])
def test_a_short_line_after_the_last_paragraph_closes_it(size: int, closes: bool) -> None:
    line = "（" + "记" * (size - 2) + "）"
    areas = areas_of(f"<div id='main'><p>{STORY}</p><p>{line}</p></div>", "无题")
    assert areas.closing == (f"{STORY} {line}" if closes else STORY)


def test_short_text_only_still_has_areas() -> None:
    areas = areas_of(
        "<h1>老街新生</h1><div id='main'><div>短的一行</div><div>又一行</div></div>", "老街新生"
    )
    assert areas.byline == " "
    assert areas.credit == "又一行"  # from the last line on
    assert areas.closing == "又一行"


def test_an_empty_content_element_has_no_areas() -> None:
    assert areas_of("<p>外面的话</p><div id='main'></div>", "无题") == Areas()
