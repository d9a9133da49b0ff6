"""The linear link-label scan reads every bracket as markdown-it's own scan does."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tuireader.library.formats.markdown.inline import INLINE
from tuireader.library.formats.markdown.link_label import LABELS


def tokens(raw: str, linear: bool) -> list[dict[str, object]]:
    """The inline tokens of ``raw``: with the linear scan's table, or markdown-it's scan."""
    found: list = []
    INLINE.inline.parse(raw, INLINE, {LABELS: {}} if linear else {}, found)
    return [token.as_dict() for token in found]


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("[]()!`a *\\<>:\n")), max_size=40))
@example("[a]")
@example("[a](b)")
@example("[[a](b)](c)")
@example("[a [b] c](d)")
@example("![a [b] c](d)")
@example("[a ![b](c) d](e)")
@example("[[[[a]")
@example("[a]]]](b)")
@example("[`]`](a)")
@example("[a\\]b](c)")
@example("[<a]>](b)")
@example("[a][b] [c]: d")
@example("[a [b]](c)")  # the inner label, settled by the rule that tried it, is jumped over
@example("![a [b]](c)")
def test_the_linear_scan_gives_markdown_its_tokens(raw: str) -> None:
    assert tokens(raw, linear=True) == tokens(raw, linear=False)
