"""Which element of a page holds the article (scores, peers, siblings) and which
link-heavy blocks inside it go: the bounds of each rule, on pages in real shapes."""

from __future__ import annotations

from lxml import etree

from tuireader.library.formats.html.content import drop_link_blocks, find_main
from tuireader.library.formats.html.tree import clean_text, parse_tree, text_of

SENTENCE = "河边小镇上新开了一家书店，老板每天早上六点开门。"  # 24 characters


def page(body: str) -> etree._Element:
    root = parse_tree(f"<html><head><title>t</title></head><body>{body}</body></html>")
    assert root is not None
    return root


def names(elements: list[etree._Element]) -> list[str]:
    return [element.get("id") or element.tag for element in elements]


def paragraphs(count: int, mark: str = "") -> str:
    return "".join(f"<p>{mark}{SENTENCE}</p>" for _ in range(count))


def test_a_page_without_text_falls_back_to_its_body() -> None:
    assert names(find_main(page("<div id='a'><img src='x.png'></div>"))) == ["body"]
    root = etree.fromstring("<div id='root'><span>短</span></div>")
    assert names(find_main(root)) == ["root"]  # no body: the root itself


def test_text_between_line_breaks_counts_from_twenty_characters() -> None:
    # Runs between <br> count together: 2 x 19 characters hold an article's line.
    short = "字" * 19
    root = page(f"<div id='cell'>{short}<br>{short}</div>")
    assert names(find_main(root)) == ["cell"]
    root = page(f"<div id='cell'>{'字' * 19}</div>")
    assert names(find_main(root)) == ["body"]
    root = page(f"<div id='cell'>{'字' * 20}</div>")
    assert names(find_main(root)) == ["cell"]


def test_loose_text_credits_its_holder_and_half_of_that_to_the_holders_parent() -> None:
    # Two cells of loose text score 40 each, their row 20 + 20: the cells are the text.
    cell = "字" * 20 + "<br>" + "字" * 20
    root = page(f"<div id='wrap'><div id='c1'>{cell}</div><div id='c2'>{cell}</div></div>")
    assert names(find_main(root)) == ["c1", "c2"]


def test_paragraphs_of_links_only_score_nothing() -> None:
    linked = "".join(f"<p><a href='/{n}'>{SENTENCE}</a></p>" for n in range(6))
    assert names(find_main(page(f"<div id='links'>{linked}</div>"))) == ["body"]


def test_links_inside_a_paragraph_do_not_count_for_it() -> None:
    linked = "".join(f"<p><a href='/{n}'>{SENTENCE}</a></p>" for n in range(6))
    root = page(f"<div id='links'>{linked}</div><div id='text'>{paragraphs(2)}</div>")
    assert names(find_main(root)) == ["text"]


def test_siblings_with_three_tenths_of_the_best_score_are_kept() -> None:
    root = page(
        f"<div id='wrap'><div id='a'>{paragraphs(10)}</div><div id='b'>{paragraphs(3)}</div>"
        f"<div id='c'>{paragraphs(2)}</div><div id='d'></div></div>"
    )
    assert names(find_main(root)) == ["a", "b"]


def test_the_best_block_without_a_parent_is_alone() -> None:
    root = etree.fromstring(f"<div id='root'>{paragraphs(3)}</div>")
    assert names(find_main(root)) == ["root"]


def test_a_content_name_outweighs_a_quarter_more_text() -> None:
    for name in ("class='article-body'", "class='zhengwen'", "class='post'"):
        root = page(
            f"<div id='w1'><div id='plain'>{paragraphs(5)}</div></div>"
            f"<div id='w2'><div id='named' {name}>{paragraphs(4)}</div></div>"
        )
        # 4 * 1.25 = 5: a tie goes to the first, so the named one needs more than that.
        assert names(find_main(root)) == ["plain"], name
        root = page(
            f"<div id='w1'><div id='plain'>{paragraphs(5)}</div></div>"
            f"<div id='w2'><div id='named' {name}>{paragraphs(5)}</div></div>"
        )
        assert names(find_main(root)) == ["named"], name
    root = page(
        f"<div id='w1'><div id='plain'>{paragraphs(5)}</div></div>"
        f"<div id='w2'><article id='art'>{paragraphs(5)}</article></div>"
    )
    assert names(find_main(root)) == ["art"]


def steps(sizes: list[int], wrappers: int = 1) -> str:
    """How-to steps, each ``<div class='step'>`` in its own wrappers."""
    out = []
    for n, size in enumerate(sizes):
        step = f"<div class='step' id='s{n}'>{paragraphs(size, f'第{n}步')}</div>"
        for level in range(wrappers):
            step = f"<div id='w{n}-{level}'>{step}</div>"
        out.append(step)
    return "".join(out)


def test_parts_of_one_article_are_read_together_from_their_common_holder() -> None:
    root = page(f"<div id='page'><div id='steps'>{steps([10, 3, 1])}</div><p>页脚</p></div>")
    assert names(find_main(root)) == ["steps"]


def test_a_part_with_less_than_a_tenth_of_the_best_score_is_no_peer() -> None:
    # 10 paragraphs and 1 paragraph of a tenth: a peer; of 10 and 1 shorter one: none.
    root = page(f"<div id='steps'>{steps([10, 1])}</div>")
    assert names(find_main(root)) == ["steps"]
    root = page(
        f"<div id='steps'>{steps([10])}"
        f"<div id='w9'><div class='step' id='s9'><p>{SENTENCE[:-1]}</p></div></div></div>"
    )
    assert names(find_main(root)) == ["s0"]


def test_peers_of_the_best_blocks_holder_two_levels_up_count() -> None:
    def chapters(inner_wrappers: int) -> str:
        out = []
        for n in range(2):
            body = f"<div id='t{n}'>{paragraphs(6 - 3 * n)}</div>"
            for _ in range(inner_wrappers):
                body = f"<div>{body}</div>"
            out.append(
                f"<div class='chapter' id='c{n}'>这一章的开头写着几句说明文字，共有几节内容：{n}{body}</div>"
            )
        return "".join(out)

    # The best block is t0; the chapter holding it is two levels up: its peer counts.
    root = page(f"<div id='book'>{chapters(1)}</div>")
    assert names(find_main(root)) == ["book"]
    # Three levels up: too far to be the same article's parts.
    root = page(f"<div id='book'>{chapters(2)}</div>")
    assert names(find_main(root)) == ["t0"]


def test_peers_whose_common_holder_is_the_body_leave_the_best_alone() -> None:
    root = page(steps([10, 5]))
    assert names(find_main(root)) == ["s0"]


def test_a_generic_layout_class_makes_no_peers() -> None:
    blocks = "".join(
        f"<div id='w{n}'><div class='row' id='r{n}'>{paragraphs(size)}</div></div>"
        for n, size in enumerate([10, 5])
    )
    assert names(find_main(page(f"<div id='page'>{blocks}</div>"))) == ["r0"]


def kept_text(body: str) -> list[str]:
    root = page(f"<div id='main'>{body}</div>")
    main = root.xpath("//*[@id='main']")
    drop_link_blocks(main)
    return [text for text in (clean_text(t) for t in main[0].itertext()) if text]


ARTICLE = f"<p>{SENTENCE * 4}</p>"


def test_a_block_of_mostly_links_inside_the_content_goes() -> None:
    links = "<div>相关：<a href='/1'>书店开张</a><a href='/2'>老板专访</a></div>"
    assert kept_text(ARTICLE + links) == [SENTENCE * 4]


def test_a_block_of_half_links_stays() -> None:
    links = "<div>相关文章<a href='/1'>书店开张</a></div>"
    assert kept_text(ARTICLE + links) == [SENTENCE * 4, "相关文章", "书店开张"]


def test_a_link_block_of_under_four_characters_stays() -> None:
    assert kept_text(ARTICLE + "<div><a href='/1'>下一页</a></div>") == [SENTENCE * 4, "下一页"]
    assert kept_text(ARTICLE + "<div><a href='/1'>下一页啊</a></div>") == [SENTENCE * 4]


def test_a_link_block_with_two_hundred_unlinked_characters_stays() -> None:
    links = "".join(f"<a href='/{n}'>{SENTENCE}</a>" for n in range(10))  # 240 linked
    big = ARTICLE * 6  # the block stays under half of the content
    assert kept_text(big + f"<div>{'字' * 199}{links}</div>") == [SENTENCE * 4] * 6
    assert kept_text(big + f"<div>{'字' * 200}{links}</div>") == [
        *[SENTENCE * 4] * 6,
        "字" * 200,
        *[SENTENCE] * 10,
    ]


def test_a_link_block_holding_half_of_the_content_stays() -> None:
    links = "".join(f"<a href='/{n}'>{SENTENCE}</a>" for n in range(4))
    # The block: 96 characters, the article 96: exactly half of the content.
    assert kept_text(ARTICLE + f"<div>{links}</div>") == [SENTENCE * 4, *[SENTENCE] * 4]
    shorter = "".join(f"<a href='/{n}'>{SENTENCE}</a>" for n in range(3)) + "<a href='/x'>书店</a>"
    assert kept_text(ARTICLE + f"<div>{shorter}</div>") == [SENTENCE * 4]


def test_the_content_element_itself_never_goes() -> None:
    root = page("<div id='main'><a href='/1'>书店开张</a><a href='/2'>老板专访</a></div>")
    main = root.xpath("//*[@id='main']")
    drop_link_blocks(main)
    assert text_of(main[0]) == "书店开张老板专访"


def test_the_text_after_a_dropped_block_stays_in_its_place() -> None:
    links = "<ul><li><a href='/1'>书店开张</a></li><li><a href='/2'>老板专访</a></li></ul>"
    root = page(f"<div id='main'>开头{links}接着<p>{SENTENCE * 4}</p>{links}结尾</div>")
    main = root.xpath("//*[@id='main']")
    drop_link_blocks(main)
    assert text_of(main[0]) == f"开头接着{SENTENCE * 4}结尾"
    root = page(f"<div id='main'><b>粗体</b>中间{links}接着<p>{SENTENCE * 4}</p></div>")
    main = root.xpath("//*[@id='main']")
    drop_link_blocks(main)
    assert text_of(main[0]) == f"粗体中间接着{SENTENCE * 4}"
