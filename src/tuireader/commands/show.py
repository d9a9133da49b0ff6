"""``tuireader show FILE [--format txt|md]``: one article as clean text."""

from __future__ import annotations

import argparse
from pathlib import Path

from tuireader.commands import common
from tuireader.library.loader import ArticleError, load_article
from tuireader.library.model import (
    ABSTRACT,
    CODE,
    HEADING,
    LIST_ITEM,
    QUOTE,
    RULE,
    TABLE,
    Article,
    Block,
)
from tuireader.text import json_out
from tuireader.text.wrap import cell_width

_MD_ALIGN = {"left": ":---", "center": ":---:", "right": "---:"}


def register(subparsers) -> None:
    """Add the ``show`` subcommand."""
    parser = common.add_command(subparsers, "show", help="print one article as clean text")
    parser.add_argument("file", metavar="FILE", help="the article file")
    parser.add_argument(
        "--format", choices=("txt", "md"), default="txt", help="plain text or Markdown"
    )
    common.add_encoding_argument(parser, "the file")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Load the file (its folder is the library) and print it, in the encoding
    ``--encoding`` or the config sets for it, else the one guessed."""
    path = common.require_file(Path(args.file).expanduser())
    encoding = args.encoding
    if encoding is None:
        encoding = common.encoding_of_file(common.settings_from(common.paths_from(args)), path)
    try:
        article = load_article(path, path.parent, encoding)
    except ArticleError as exc:
        common.error(f"{common.show_path(path)}: {exc}")
        return 1
    render = render_markdown if args.format == "md" else render_text
    print(render(article), end="")
    return 0


def meta_line(article: Article) -> str:
    """Date, source and author joined by " · " (empty when there are none)."""
    meta = article.meta
    parts = [meta.date, meta.source, meta.author]
    return " · ".join(part for part in parts if part)


def title_rule(title: str) -> str:
    """The ``=`` line under a title: as wide as the title in terminal cells (an ideograph
    counts two, a Latin letter one), at least 3 and at most 72."""
    return "=" * min(max(cell_width(title), 3), 72)


def render_text(article: Article) -> str:
    """Title, metadata lines, then the blocks separated by blank lines."""
    head = [article.title, title_rule(article.title)]
    head += [line for line in (meta_line(article), article.meta.url or "") if line]
    if article.meta.sections:
        head.append(" > ".join(article.meta.sections))
    body = [_text_block(block) for block in article.blocks]
    return "\n".join(head) + "\n\n" + "\n\n".join(body) + "\n"


def render_markdown(article: Article) -> str:
    """The article as Markdown: its metadata as front matter, ``# title``, the blocks."""
    body = [_markdown_block(block) for block in article.blocks]
    return "\n\n".join([front_matter(article), f"# {article.title}", *body]) + "\n"


def front_matter(article: Article) -> str:
    """YAML front matter with every metadata field the article has (labels under ``meta``).

    Each value is written as JSON, which YAML reads as it is: quoting and escapes are
    JSON's, so no value can break out of its line.
    """
    data = {key: value for key, value in article.meta.to_json().items() if value}
    lines = [f"{key}: {json_out.dumps(value)}" for key, value in data.items()]
    return "\n".join(["---", *lines, "---"])


def _text_block(block: Block) -> str:
    """One block as plain text."""
    if block.kind == LIST_ITEM:
        return _indent(block.level) + _marker(block) + block.text
    if block.kind == QUOTE:
        return "\n".join(f"  | {line}" for line in block.text.split("\n"))
    if block.kind == CODE:
        return "\n".join(f"    {line}" for line in block.text.split("\n"))
    if block.kind == RULE:
        return "* * *"
    if block.kind == ABSTRACT:
        return "\n".join(f"  {line}" for line in block.text.split("\n"))
    if block.kind == TABLE and block.table is not None:
        return _text_table(block)
    return block.text


def _markdown_block(block: Block) -> str:
    """One block as Markdown."""
    if block.kind == HEADING:
        return "#" * min(max(block.level, 1) + 1, 6) + " " + block.text
    if block.kind == LIST_ITEM:
        return _indent(block.level) + _marker(block) + block.text
    if block.kind == QUOTE:
        return "\n".join(f"> {line}" for line in block.text.split("\n"))
    if block.kind == CODE:
        fence = "`" * max(3, _longest_run(block.text, "`") + 1)
        return f"{fence}{block.language or ''}\n{block.text}\n{fence}"
    if block.kind == RULE:
        return "---"
    if block.kind == ABSTRACT:
        return "\n".join(f"> *{line}*" for line in block.text.split("\n"))
    if block.kind == TABLE and block.table is not None:
        return _markdown_table(block)
    return block.text


def _cells(block: Block) -> list[list[str]]:
    """A table block's rows of cell texts, every row as wide as the widest."""
    assert block.table is not None
    rows = [[block.text[start:end] for start, end in row] for row in block.table.rows]
    width = max((len(row) for row in rows), default=0)
    return [row + [""] * (width - len(row)) for row in rows]


def _text_table(block: Block) -> str:
    """Columns padded to their widest cell (in terminal cells), a rule under the header."""
    assert block.table is not None
    rows = _cells(block)
    widths = [max(cell_width(row[i]) for row in rows) for i in range(len(rows[0]))] if rows else []
    aligns = block.table.aligns
    lines = []
    for number, row in enumerate(rows):
        cells = []
        for index, cell in enumerate(row):
            pad = " " * (widths[index] - cell_width(cell))
            align = aligns[index] if index < len(aligns) else ""
            cells.append(pad + cell if align == "right" else cell + pad)
        lines.append("  ".join(cells).rstrip())
        if number + 1 == block.table.header_rows:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _markdown_table(block: Block) -> str:
    """A pipe table; a table without a header row gets an empty one (Markdown needs it)."""
    assert block.table is not None
    rows = [[cell.replace("|", "\\|") for cell in row] for row in _cells(block)]
    if not rows:
        return ""
    header_rows = block.table.header_rows
    head = rows[0] if header_rows else [""] * len(rows[0])
    body = rows[1:] if header_rows else rows
    aligns = list(block.table.aligns) + [""] * len(head)
    lines = ["| " + " | ".join(head) + " |"]
    lines.append("|" + "|".join(_MD_ALIGN.get(aligns[i], "---") for i in range(len(head))) + "|")
    lines += ["| " + " | ".join(row) + " |" for row in body]
    return "\n".join(lines)


def _marker(block: Block) -> str:
    """ "1. " for an ordered list item, "- " for a bullet."""
    return f"{block.ordinal}. " if block.ordinal is not None else "- "


def _indent(level: int) -> str:
    """Indentation for a nested list item."""
    return "  " * max(level, 0)


def _longest_run(text: str, char: str) -> int:
    """The length of the longest run of ``char`` in ``text``."""
    longest = run = 0
    for current in text:
        run = run + 1 if current == char else 0
        longest = max(longest, run)
    return longest
