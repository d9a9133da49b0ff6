"""The plain-text parser and the date finder never raise, whatever the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.library.formats.plain.page import parse_plaintext
from tuireader.text.dates import find_date, parse_date

# Characters that drive the parser's decisions, so random text hits its branches.
_ALPHABET = st.sampled_from(
    list("新闻来源作者时间标题记者文图编辑责任：:>»/-【】（）() 　\n\t0123456789年月日号")
    + ["首页", "当前位置", "字体：大 中 小", "人参与互动", "2022-11-01", "By ", "Title: "]
)
_TEXTS = st.lists(_ALPHABET, max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, stem=st.text(min_size=1, max_size=10))
def test_parse_never_raises_and_blocks_are_clean(text: str, stem: str) -> None:
    page = parse_plaintext(text, stem)
    assert page.meta.title
    for block in page.blocks:
        assert block.text
        assert "\n" not in block.text
        assert block.text == block.text.strip()


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=60) | _TEXTS)
def test_dates_never_raise_and_spans_are_inside_the_text(text: str) -> None:
    found = find_date(text)
    if found is not None:
        iso, start, end = found
        assert 0 <= start < end <= len(text)
        assert parse_date(text) == iso
