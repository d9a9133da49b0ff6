"""Blocks made safe for the terminal: what happens to spans and tables when text changes."""

from __future__ import annotations

from tuireader.library.blocks import clean_blocks
from tuireader.library.model import HEADING, PARAGRAPH, SPAN_STRONG, TABLE, Block, Span, TableShape


def test_text_shortened_by_cleaning_loses_its_spans_and_a_table_its_shape() -> None:
    bold = (Span(0, 1, SPAN_STRONG),)
    table = Block(TABLE, "名\x1b[31m | 值", table=TableShape(rows=(((0, 1), (4, 5)),)))
    cleaned = list(clean_blocks([Block(PARAGRAPH, "前\x1b[31m后", spans=bold), table]))
    assert cleaned == [Block(PARAGRAPH, "前后"), Block(PARAGRAPH, "名 | 值")]


def test_characters_replaced_one_for_one_keep_the_spans() -> None:
    bold = (Span(0, 1, SPAN_STRONG),)
    cleaned = list(clean_blocks([Block(HEADING, "标\x07题", 2, spans=bold)]))
    assert cleaned == [Block(HEADING, "标\u2407题", 2, spans=bold)]


def test_clean_text_is_the_same_block() -> None:
    block = Block(PARAGRAPH, "干净的文字", spans=(Span(0, 2, SPAN_STRONG),))
    assert next(iter(clean_blocks([block]))) is block
