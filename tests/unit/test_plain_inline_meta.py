"""Metadata lines at either end of a body (reposted news): which are taken, into what."""

from __future__ import annotations

import pytest

from tuireader.library.formats.plain.inline_meta import take_inline_meta
from tuireader.library.formats.plain.meta import Header
from tuireader.library.model import ArticleMeta

P = "这是正文的一段话，讲的是河边小镇上新开的书店。"


def taken(paragraphs: list[str], start: ArticleMeta | None = None) -> tuple[list[int], ArticleMeta]:
    header = Header.starting_from(start) if start else Header()
    lines = take_inline_meta(paragraphs, header)
    return sorted(lines), header.meta


@pytest.mark.parametrize(
    ("paragraphs", "lines", "meta"),
    [
        (["作者：李明", P, P, "来源：新华网"], [0, 3], ArticleMeta(author="李明", source="新华网")),
        (
            ["作者：李明，河畔大学教授", P],
            [0],
            ArticleMeta(author="李明", labels=(("作者简介", "河畔大学教授"),)),
        ),
        (["文／李明", P], [0], ArticleMeta(author="李明")),
        # Labels spaced out to the width of others (作　者, 来 源) are the same labels.
        (
            ["作　者：李明", P, P, "来 源：新华网"],
            [0, 3],
            ArticleMeta(author="李明", source="新华网"),
        ),
        (["作 者：这是一句话。", P], [], ArticleMeta()),
        (["（作者单位：河畔大学）", P], [0], ArticleMeta(labels=(("作者单位", "河畔大学"),))),
        (["责任编辑：王五", P], [0], ArticleMeta(editor="王五")),
        (["编 辑：王五、赵六", P], [0], ArticleMeta(editor="王五 赵六")),
        (["来源：晨报　时间：2024-03-01", P], [0], ArticleMeta(source="晨报", date="2024-03-01")),
        (["来源：" + "河" * 30, P], [0], ArticleMeta(source="河" * 30)),
        (["来源：" + "河" * 31, P], [], ArticleMeta()),  # a sentence, not a source
        # Several labels on one line: each value at most 30 characters, none a sentence.
        (
            ["来源：" + "河" * 30 + "　时间：2024-03-01", P],
            [0],
            ArticleMeta(source="河" * 30, date="2024-03-01"),
        ),
        (["来源：" + "河" * 31 + "　时间：2024-03-01", P], [], ArticleMeta()),
        (["来源：晨报　时间：他说明天再来。", P], [], ArticleMeta()),
        (["来源：晨报!　时间：2024-03-01", P], [], ArticleMeta()),
        (["来源：晨报。", P], [], ArticleMeta()),
        (["作者：李明　来源：晨报", P], [0], ArticleMeta(author="李明", source="晨报")),
        (["（作者：李明）", P], [0], ArticleMeta(author="李明")),
        (["文/ 李明", P], [0], ArticleMeta(author="李明")),
        (["作者：" + "河" * 114, P], [], ArticleMeta()),  # 117 characters: no name that long
        (["作者：这是一句话。", P], [], ArticleMeta()),
        (["作者：" + "河" * 120, P], [], ArticleMeta()),  # too long for a metadata line
        (["这行作者：李明", P], [], ArticleMeta()),
        # Ten paragraphs or fewer: any may be taken; more: five at either end.
        ([P] * 5 + ["作者：李明"] + [P] * 4, [5], ArticleMeta(author="李明")),
        ([P] * 6 + ["作者：李明"] + [P] * 4, [6], ArticleMeta(author="李明")),
        ([P] * 5 + ["作者：李明"] + [P] * 5, [], ArticleMeta()),
    ],
)
def test_metadata_lines_near_the_ends(
    paragraphs: list[str], lines: list[int], meta: ArticleMeta
) -> None:
    assert taken(paragraphs) == (lines, meta)


@pytest.mark.parametrize("paragraphs", [["来源：晚报", P], ["来源：晨报　时间：2024-03-01", P]])
def test_a_source_line_that_disagrees_with_the_header_stays(paragraphs: list[str]) -> None:
    start = ArticleMeta(source="河畔日报")
    assert taken(paragraphs, start) == ([], start)


def test_a_line_of_labels_that_agrees_with_the_header_is_taken() -> None:
    start = ArticleMeta(source="晨报", date="2024-03-01")
    assert taken(["来源：晨报　时间：2024-03-01", P], start) == ([0], start)
    other_day = taken(["来源：晨报　时间：2024-03-02", P], start)
    assert other_day == ([], start)
