"""Block text hygiene for the loader: one sanitize pass, long paragraphs split.

A scraped page can hold a whole book in one line; the reader wraps a block at a time, so
paragraphs over :data:`MAX_BLOCK_CHARS` are cut, at a sentence end when there is one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from tuireader.library.model import PARAGRAPH, TABLE, Block
from tuireader.text.sanitize import sanitize_text

#: Paragraphs longer than this many characters are split into several blocks, at a
#: sentence end when there is one, so the reader never wraps a 10 MB line in one go.
MAX_BLOCK_CHARS = 64 * 1024

# Where a long paragraph may be cut: after sentence-ending punctuation (CJK or Latin).
_SENTENCE_END = re.compile(r"[。！？!?；;…]+[”’」』）)\"']*\s*|[.]+[\"')\]]*\s+")


def clean_blocks(blocks: Sequence[Block]) -> Iterable[Block]:
    """Blocks with sanitized text; over-long paragraphs split into several."""
    joined = "\n".join(block.text for block in blocks)
    # One pass over the whole body is much cheaper than one call per block, and almost
    # always finds nothing to do.
    clean = sanitize_body(joined) == joined
    for block in blocks:
        text = block.text if clean else sanitize_text(block.text)
        if block.kind == PARAGRAPH and len(text) > MAX_BLOCK_CHARS:
            # A book in one line: its pieces are plain text (spans would need re-cutting).
            for piece in split_long_text(text):
                yield Block(PARAGRAPH, piece, block.level, block.ordinal)
        elif text is block.text or text == block.text:
            yield block
        elif len(text) == len(block.text):  # characters replaced one for one: spans hold
            yield replace(block, text=text)
        else:  # offsets moved: the text stays, spans and cell positions cannot
            kind = PARAGRAPH if block.kind == TABLE else block.kind
            yield Block(kind, text, block.level, block.ordinal, language=block.language)


def sanitize_body(text: str) -> str:
    """``sanitize_text`` of a whole body (its quick exit makes clean text nearly free)."""
    return sanitize_text(text)


def split_long_text(text: str, limit: int = MAX_BLOCK_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters, at sentence ends if possible."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = 0
        for match in _SENTENCE_END.finditer(window, limit // 2):
            cut = match.end()
        if cut == 0:
            space = window.rfind(" ", limit // 2)
            cut = space + 1 if space > 0 else limit
        pieces.append(text[start : start + cut].strip())
        start += cut
    pieces.append(text[start:].strip())
    return [piece for piece in pieces if piece]
