"""The body of a plain-text page: furniture, label lines and bylines leave it for the header."""

from __future__ import annotations

import pytest

from tuireader.library.formats.plain.body import clean_body
from tuireader.library.formats.plain.meta import Header
from tuireader.library.model import ArticleMeta

P = "这是正文的一段话，讲的是河边小镇上新开的书店和它的老板。"


def cleaned(lines: list[str], start: ArticleMeta | None = None) -> tuple[list[str], ArticleMeta]:
    header = Header.starting_from(start) if start else Header()
    return clean_body(list(lines), header), header.meta


@pytest.mark.parametrize(
    ("lines", "body", "meta"),
    [
        # A closing list of other articles goes; one early in the text, or followed by a
        # long line, is text (its heading line is furniture either way).
        ([P, P, P, "相关阅读", "短链接一", "短链接二"], [P, P, P], ArticleMeta()),
        ([P, "相关阅读", "短链接一", P, P, P], [P, "短链接一", P, P, P], ArticleMeta()),
        (
            [P, P, P, "相关阅读", "短链接一", "长" * 61],
            [P, P, P, "短链接一", "长" * 61],
            ArticleMeta(),
        ),
        # Label lines of the body are metadata.
        (["【纠错】【责任编辑：王五】", P], [P], ArticleMeta(editor="王五")),
        (["（责任编辑：王五）", P], [P], ArticleMeta(editor="王五")),
        (["来源：新华社", P], [P], ArticleMeta(source="新华社")),
        (["【责任编辑】王五", P], [P], ArticleMeta(editor="王五")),
        (["【参考文献】", P], ["参考文献", P], ArticleMeta()),  # a label alone heads what follows
        # Bylines: closing (glued or alone) or in the dateline; an end mark stays last.
        ([P, P + "（记者 王明）"], [P, P, "（记者 王明）"], ArticleMeta(author="王明")),
        ([P, "（记者 王明）"], [P, "（记者 王明）"], ArticleMeta(author="王明")),
        (
            ["本报讯（记者 王明）" + P, P],
            ["本报讯（记者 王明）" + P, P],
            ArticleMeta(author="王明"),
        ),
        (
            [P, P + "（记者 王明）", "（完）"],
            [P, P, "（记者 王明）", "（完）"],
            ArticleMeta(author="王明"),
        ),
        ([P, "-END-"], [P, "-END-"], ArticleMeta()),
        (["（完）"], ["（完）"], ArticleMeta()),
        # An editor's note glued to the last paragraph goes to the header like a line of its own.
        ([P, P + "（责任编辑：王五）"], [P, P], ArticleMeta(editor="王五")),
        ([P, "【责任编辑：王五】"], [P], ArticleMeta(editor="王五")),
    ],
)
def test_clean_body(lines: list[str], body: list[str], meta: ArticleMeta) -> None:
    assert cleaned(lines) == (body, meta)


def test_a_source_line_that_disagrees_with_the_header_stays() -> None:
    start = ArticleMeta(source="河畔日报")
    assert cleaned(["来源：新华社", P], start) == (["来源：新华社", P], start)


def test_the_title_repeated_as_the_first_line_goes() -> None:
    start = ArticleMeta(title="小镇书店")
    assert cleaned(["小镇书店", P], start) == ([P], start)
