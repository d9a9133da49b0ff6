"""The header lines of plain-text pages: which line is a title, which a line of labels."""

from __future__ import annotations

import pytest

from tuireader.library.formats.plain.header import is_label_line, looks_like_title
from tuireader.library.formats.plain.page import parse_plaintext


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("小镇书店开张了", True),
        ("2024年的小镇书店", True),
        ("河" * 60, True),  # Chinese titles: at most 60 characters
        ("河" * 61, False),
        ("A" * 110, True),  # Latin ones: at most 110
        ("A" * 111, False),
        ("A" * 100 + "河", False),  # one Chinese character: the Chinese limit
        ("小镇书店开张了。", False),  # a sentence
        ("小镇书店开张了，", False),  # a clause
        ("Notes:", False),
        ("Notes;", False),
        ("一、总体要求", False),  # a numbered section
        ("十一、总体要求", False),
        ("1.总体要求", False),
        ("12、总体要求", False),
        ("（一）总体要求", False),
        ("(三)总体要求", False),
        ("一二三四、总体要求", True),  # too many numerals for a section number
        ("", False),
    ],
)
def test_looks_like_title(line: str, title: bool) -> None:
    assert looks_like_title(line) is title


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("来源：河畔晚报　时间：2024-03-01", True),
        ("作者：" + "河" * 60, True),
        ("作者：" + "河" * 61, False),  # a name field this long is a sentence
        ("作者：他说。然后走了", False),
        ("来源：河畔晚报！", False),
        ("日期：今天天气很好。", True),  # a date field may hold anything
        ("小镇书店 来源：河畔晚报", False),  # text before the labels
        ("今天天气很好", False),
    ],
)
def test_is_label_line(line: str, label: bool) -> None:
    assert is_label_line(line) is label


BODY = "河边小镇上新开了一家书店，老板说开这家店是为了让孩子们放学后有个地方看书。"


@pytest.mark.parametrize(
    ("second", "title", "body"),
    [
        # A short line between the title and the labels: the nearest title-like one wins.
        ("书店能开多久", "书店能开多久", [BODY, BODY]),
        # A question is text, not a site's chrome: the body starts there.
        ("书店能开多久？", "小镇书店开张了", ["书店能开多久？", BODY, BODY]),
    ],
)
def test_short_lines_above_the_labels(second: str, title: str, body: list[str]) -> None:
    page = parse_plaintext(
        f"小镇书店开张了\n{second}\n来源：河畔网 时间：2024-03-01\n{BODY}\n{BODY}\n", "s"
    )
    assert (page.meta.title, page.meta.source, page.meta.date) == (title, "河畔网", "2024-03-01")
    assert [block.text for block in page.blocks] == body
