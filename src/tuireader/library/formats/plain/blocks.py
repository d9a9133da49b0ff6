"""Turn body paragraphs into blocks: paragraphs, short numbered headings, list items.

Only clear cases become structure: ``一、总体要求`` or ``第三章 附则`` standing alone and
short is a heading, ``（一）…`` a sub-heading, ``- item`` a bullet. Anything ending like a
sentence stays a paragraph.
"""

from __future__ import annotations

import re

from tuireader.library.formats.plain.noise import is_rule_line
from tuireader.library.model import HEADING, LIST_ITEM, PARAGRAPH, RULE, Block

_MAX_HEADING = 40
_CN_NUMBER = "[一二三四五六七八九十百零〇]{1,4}"
_HEADING_2 = re.compile(rf"^(?:{_CN_NUMBER}、|第(?:{_CN_NUMBER}|\d{{1,3}})[章节部分篇编])")
_HEADING_3 = re.compile(rf"^[（(]{_CN_NUMBER}[)）]")
_NUMBERED = re.compile(r"^(\d{1,3})[.、)）](?!\d)\s*(?=\S)")
_BULLET = re.compile(r"^[-•·*●▪◆■]\s+(?=\S)")
_SENTENCE_END = ("。", "！", "？", "；", "：", ".", "!", "?", ";", ":", "，", ",")


def to_blocks(paragraphs: list[str]) -> tuple[Block, ...]:
    """One block per paragraph, with clear headings and list items recognised."""
    numbered = [_is_short_numbered(p) for p in paragraphs] + [False]
    return tuple(
        _block(text, numbered[i] and (numbered[i - 1] or numbered[i + 1]))
        for i, text in enumerate(paragraphs)
    )


def _block(text: str, in_list: bool) -> Block:
    """The block for one paragraph."""
    if is_rule_line(text):
        return Block(RULE, "")
    bullet = _BULLET.match(text)
    if bullet:
        return Block(LIST_ITEM, text[bullet.end() :])
    numbered = _NUMBERED.match(text)
    if numbered and in_list and len(text) <= _MAX_HEADING * 2:
        return Block(LIST_ITEM, text[numbered.end() :], ordinal=int(numbered[1]))
    if not _is_heading_shaped(text):
        return Block(PARAGRAPH, text)
    if _HEADING_2.match(text):
        return Block(HEADING, text, level=2)
    if _HEADING_3.match(text) or numbered:
        return Block(HEADING, text, level=3)
    return Block(PARAGRAPH, text)


def _is_heading_shaped(text: str) -> bool:
    """Short and not ending like a sentence."""
    return len(text) <= _MAX_HEADING and not text.endswith(_SENTENCE_END)


def _is_short_numbered(text: str) -> bool:
    """A numbered line short enough to be a list item."""
    return len(text) <= _MAX_HEADING * 2 and _NUMBERED.match(text) is not None
