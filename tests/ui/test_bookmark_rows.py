"""Pure pieces of the bookmarks UI: list lines, highlight spans, what is in view, notes."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from rich.style import Style

from tuireader.library.model import Anchor, Article, ArticleMeta, Block, Bookmark
from tuireader.state.anchors import ANCHORED, ORPHANED, Placement
from tuireader.ui.controllers.passages import passages_between, spans_of
from tuireader.ui.library import BOOKMARKED, listing_args
from tuireader.ui.screens.note_editor import clean_note
from tuireader.ui.widgets.bookmark_rows import (
    HEADER,
    ITEM,
    NOTE,
    header_segments,
    item_segments,
    lay_out,
)


def bookmark(n: int, fp: str, quote: str | None = "q", note: str = "") -> Bookmark:
    """A bookmark of article ``fp`` (titled after it)."""
    return Bookmark(n, fp, f"{fp}.md", f"Title {fp}", quote, note, "2026-01-02T03:04:05Z")


def width_of(segments: list[Segment]) -> int:
    """Cells the segments take."""
    return sum(segment.cell_length for segment in segments)


def test_lines_have_one_header_per_article_and_a_line_per_note():
    marks = [bookmark(1, "a"), bookmark(2, "a", note="n"), bookmark(3, "b")]
    lines, first = lay_out(marks)
    assert lines == [(HEADER, 0), (ITEM, 0), (ITEM, 1), (NOTE, 1), (HEADER, 2), (ITEM, 2)]
    assert first == [1, 2, 5]


@pytest.mark.parametrize("width", [0, 1, 8, 21, 30, 80])
@pytest.mark.parametrize(
    "quote", ["short", "中文引文很长" * 20, None], ids=["short", "long", "none"]
)
def test_item_lines_fill_exactly_the_width(width, quote):
    b = bookmark(1, "a", quote=quote)
    for orphaned in (True, False):
        segments = item_segments(b, width, Style(), Style(), orphaned=orphaned)
        assert width_of(segments) == width


def test_orphaned_items_carry_the_tag_and_escapes_never_show():
    b = bookmark(1, "a", quote="\x1b]52;c;aGk=\x07bad [@click=app.quit]x[/]")
    text = "".join(s.text for s in item_segments(b, 100, Style(), Style(), orphaned=True))
    assert "orphaned" in text and "\x1b" not in text and "\x07" not in text
    assert "[@click=app.quit]" in text  # shown literally: segments are never markup


def test_header_shows_title_then_path_within_the_width():
    b = bookmark(1, "文章")
    assert width_of(header_segments(b, 60, Style(), Style())) == 60
    assert width_of(header_segments(b, 5, Style(), Style())) == 5


def test_spans_cover_a_passage_across_blocks():
    article = Article(
        ArticleMeta(title="t"), (Block("paragraph", "abcdef"), Block("rule", ""), Block("p", "xyz"))
    )
    assert spans_of(article, Anchor(0, 2), Anchor(2, 1)) == [(0, 2, 6), (2, 0, 1)]
    assert spans_of(article, Anchor(0, 1), Anchor(0, 3)) == [(0, 1, 3)]


def test_passages_between_keeps_only_those_overlapping_the_view():
    near = (bookmark(1, "a"), Placement(ANCHORED, Anchor(3, 0), Anchor(3, 10)))
    far = (bookmark(2, "a"), Placement(ANCHORED, Anchor(9, 0), Anchor(9, 5)))
    lost = (bookmark(3, "a"), Placement(ORPHANED))
    found = passages_between([near, far, lost], Anchor(2, 0), Anchor(4, 0))
    assert [b.id for b in found] == [1]


def test_the_bookmarked_node_path_lists_bookmarked_articles_of_every_section():
    assert listing_args(BOOKMARKED) == ((), True)
    assert listing_args(("News",)) == (("News",), False)


def test_notes_lose_escapes_but_keep_lines_and_chinese():
    assert clean_note("第一行\x1b[31m红\x1b[0m\r\nsecond\t line  \n") == "第一行红\nsecond  line"
