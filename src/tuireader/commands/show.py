"""``tuireader show FILE [--format txt|md]``: one article as clean text."""

from __future__ import annotations

import argparse
import json
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
    Article,
    Block,
)


def register(subparsers) -> None:
    """Add the ``show`` subcommand."""
    parser = common.add_command(subparsers, "show", help="print one article as clean text")
    parser.add_argument("file", metavar="FILE", help="the article file")
    parser.add_argument(
        "--format", choices=("txt", "md"), default="txt", help="plain text or Markdown"
    )
    parser.add_argument(
        "--encoding", metavar="NAME", help="read the file in this encoding (e.g. gb18030)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Load the file (its folder is the library) and print it."""
    path = Path(args.file).expanduser()
    if not path.is_file():
        raise common.UsageError(f"no such file: {common.show_path(path)}")
    try:
        article = load_article(path, path.parent, args.encoding)
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


def render_text(article: Article) -> str:
    """Title, metadata lines, then the blocks separated by blank lines."""
    head = [article.title, "=" * min(max(len(article.title), 3) * 2, 72)]
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
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in data.items()]
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
        return f"{fence}\n{block.text}\n{fence}"
    if block.kind == RULE:
        return "---"
    if block.kind == ABSTRACT:
        return "\n".join(f"> *{line}*" for line in block.text.split("\n"))
    return block.text


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
