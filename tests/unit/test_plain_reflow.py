"""Hard-wrapped archives are rejoined; one-paragraph-per-line text is left alone."""

from __future__ import annotations

from tuireader.library.formats.plain.reflow import join_wrapped, logical_lines, wrap_width

CN = (
    "一九九八年的夏天雨下得特别多镇上的人每天傍晚都要到河堤上走一走看一看水位好像只要看着水就不会再往上涨"
    "我父亲是水利站的职工那一个多月几乎没有回过家母亲每天做好饭用一个搪瓷缸子装着让我骑车送到堤上去"
)


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    lines = [text[i : i + width] for i in range(0, len(text), width)]
    return [indent + lines[0], *lines[1:]]


def test_chinese_paragraphs_marked_by_indent() -> None:
    first, second = CN[:70] + "。", CN[70:] + "。"
    lines = _wrap(first, 24, "　　") + _wrap(second, 24, "　　")
    assert wrap_width(lines) is not None
    assert logical_lines(lines) == [first, second]


def test_chinese_paragraphs_marked_by_blank_lines() -> None:
    first, second = CN[:70] + "。", CN[70:] + "。"
    lines = [*_wrap(first, 20), "", *_wrap(second, 20)]
    assert logical_lines(lines) == [first, second]


def test_english_joined_with_spaces_and_hyphen_kept() -> None:
    lines = [
        "The harbour committee met on Tuesday evening to discuss the long-",
        "term plan for the pier, which has been closed to the public since a",
        "storm damaged its supports two winters ago and left the railings bent.",
        "",
        "Members agreed that the work should start in the spring and asked the",
        "council to publish the full cost of the repairs before the next meeting",
        "of the committee in the church hall.",
    ]
    assert logical_lines(lines) == [
        "The harbour committee met on Tuesday evening to discuss the long-term plan for the "
        "pier, which has been closed to the public since a storm damaged its supports two "
        "winters ago and left the railings bent.",
        "Members agreed that the work should start in the spring and asked the council to "
        "publish the full cost of the repairs before the next meeting of the committee in "
        "the church hall.",
    ]


def test_one_paragraph_per_line_is_left_alone() -> None:
    lines = [
        "今年以来，全县经济运行稳中有进。",
        "县统计局相关负责人介绍，前三季度全县地区生产总值同比增长百分之五点八，高于全省平均水平。",
        "下一步将继续抓好项目建设。",
        "会议强调，要把思想和行动统一到决策部署上来，确保各项任务落到实处。",
        "与会人员进行了交流发言。",
        "大家表示，将以更加饱满的热情投入到工作中去。",
    ]
    assert wrap_width(lines) is None
    assert logical_lines(lines) == lines


def test_equal_length_sentences_are_not_mistaken_for_wrapping() -> None:
    lines = [f"第{i}条：各单位要按时报送材料并做好归档工作。" for i in range(1, 9)]
    assert logical_lines(lines) == lines


def test_a_label_line_inside_wrapped_text_stays_separate() -> None:
    lines = _wrap(CN, 20) + ["Views: 2,117"]
    assert logical_lines(lines)[-1] == "Views: 2,117"


def test_join_rules() -> None:
    assert join_wrapped("中文", "接着") == "中文接着"
    assert join_wrapped("使用", "Python") == "使用Python"
    assert join_wrapped("word", "next") == "word next"
    assert join_wrapped("well-", "known") == "well-known"
    assert join_wrapped("a dash -", "then") == "a dash - then"


def test_verse_with_clause_marks_is_not_joined() -> None:
    lines = [
        "春风吹过田野上的麦苗，",
        "细雨落在村口的老槐树，",
        "燕子归来寻找去年的巢，",
        "孩子们奔跑在河边小路，",
        "炊烟升起在远处的山坳，",
        "我们守望着丰收的日子。",
    ]
    assert logical_lines(lines) == lines


def test_list_items_inside_wrapped_text_start_new_paragraphs() -> None:
    lines = [
        "The committee agreed on the following steps for the coming year, to be",
        "reviewed at the spring meeting by all the members who are present there",
        "1. Repair the railings along the whole length of the pier before May and",
        "paint them in the colours chosen by the residents at the summer meeting",
        "2. Publish the full cost of the repairs and the names of the contractors",
        "who were asked to quote for the work on the pier and on the promenade",
    ]
    assert logical_lines(lines) == [
        "The committee agreed on the following steps for the coming year, to be reviewed at "
        "the spring meeting by all the members who are present there",
        "1. Repair the railings along the whole length of the pier before May and paint them "
        "in the colours chosen by the residents at the summer meeting",
        "2. Publish the full cost of the repairs and the names of the contractors who were "
        "asked to quote for the work on the pier and on the promenade",
    ]


def test_indented_english_archive_with_short_sentence_ends() -> None:
    lines = [
        "   The pier was built in 1890 and has survived more storms than anyone",
        "   can count. Its lamps were removed in the sixties, when the council",
        "   decided that electric lights on the promenade were enough.",
        "",
        "   Last year a group of residents began to campaign for their return.",
        "   They raised money with cake sales and a summer fair, and wrote to",
        "   every councillor twice.",
    ]
    result = logical_lines(lines)
    assert len(result) == 2
    assert result[0].startswith(
        "The pier was built in 1890 and has survived more storms than anyone can"
    )
    assert result[1].endswith("and wrote to every councillor twice.")


def test_blank_lines_full_of_spaces_do_not_count_as_long_lines() -> None:
    """Archives that pad every line to a fixed width leave blank lines of spaces; however
    long, they are blank lines, not lines too long for wrapped text."""
    first, second = CN[:70] + "。", CN[70:] + "。"
    pad = " " * 200
    lines = [*_wrap(first, 20), pad, *_wrap(second, 20), pad, pad]
    assert logical_lines(lines) == [first, second]


def test_five_wrapped_lines_are_enough_four_are_not() -> None:
    text = CN[:98] + "。"
    five = _wrap(text, 20)
    assert len(five) == 5
    assert wrap_width(five) == 40
    assert logical_lines(five) == [text]
    assert wrap_width(five[:4]) is None
    assert logical_lines(five[:4]) == five[:4]
    # Blank lines between them make no fifth line.
    spaced = [five[0], "", five[1], "", five[2], "", five[3]]
    assert logical_lines(spaced) == five[:4]


def test_wrapped_at_160_cells_at_most() -> None:
    text = (CN * 5)[:400]
    at_80 = _wrap(text, 80)  # 160 cells: the widest wrapping still recognised
    assert wrap_width(at_80) == 160
    assert logical_lines(at_80) == [text]
    at_81 = _wrap(text, 81)
    assert wrap_width(at_81) is None
    assert logical_lines(at_81) == at_81


def test_short_indented_paragraphs_keep_their_continuation_lines() -> None:
    """Most lines are a paragraph's first (indented) line: the margin is still the
    left edge the continuation lines start at, not the commoner indent."""
    paragraphs = [
        "河边小镇上新开了一家书店，老板说开店是为了孩子们。",
        "孩子们放学后都来这里看书。",
        "书店里有一张长桌子，孩子们围着桌子写作业。",
        "老人们在窗边读报纸，店里总是很安静，只有翻书声。",
        "冬天老板生了一个炉子。",
        "来看书的人更多了，大家围着炉子喝茶聊天。",
        "说起小时候在河边玩耍的事情，大家都笑了起来。",
    ]
    lines = []
    for paragraph in paragraphs:
        lines += ["  " + paragraph[:18], *([paragraph[18:]] if paragraph[18:] else [])]
    assert sum(1 for line in lines if line.startswith("  ")) > len(lines) / 2
    assert logical_lines(lines) == paragraphs


def test_one_line_past_the_width_is_allowed_from_ten_lines_on() -> None:
    """A long address above a wrapped text (ten lines in all) does not hide the wrapping."""
    url = "https://example.org/" + "archive/river-town/" * 8  # 172 characters
    text = (CN * 2)[:178] + "。"
    lines = [url, "", *_wrap(text, 20)]
    assert len([line for line in lines if line]) == 10
    assert wrap_width(lines) == 40
    assert logical_lines(lines) == [url, text]
    shorter = [url, "", *_wrap(text[:158] + "。", 20)]  # nine lines: the long one counts
    assert wrap_width(shorter) is None
