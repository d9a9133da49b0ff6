"""``tuireader show``: tables as columns (text) or pipe tables (Markdown), code with its language."""

from __future__ import annotations

from tuireader.commands.show import render_markdown, render_text
from tuireader.library.formats.markdown.page import parse_markdown
from tuireader.library.model import Article, ArticleMeta

DOC = "| 名称 | 数量 |\n|:--|--:|\n| 苹果 | 3 |\n| 梨子很多 | 12 |\n\n```py\nx = 1\n```\n"


def article() -> Article:
    return Article(ArticleMeta(title="T"), parse_markdown(DOC, "t").blocks)


def test_text_table_columns_measured_in_terminal_cells() -> None:
    text = render_text(article())
    assert "名称      数量\n--------  ----\n苹果         3\n梨子很多    12" in text


def test_markdown_table_and_fence_language_round_trip() -> None:
    markdown = render_markdown(article())
    assert "| 名称 | 数量 |\n|:---|---:|\n| 苹果 | 3 |\n| 梨子很多 | 12 |" in markdown
    assert "```py\nx = 1\n```" in markdown
    body = markdown.split("# T\n", 1)[1]
    assert parse_markdown(body, "t").blocks == article().blocks


def test_title_rule_as_wide_as_the_title_in_cells() -> None:
    for title, cells in (("Harbour cranes return", 21), ("数字经济走进菜园子", 18), ("On", 3)):
        text = render_text(Article(ArticleMeta(title=title), []))
        assert text.splitlines()[:2] == [title, "=" * cells]
