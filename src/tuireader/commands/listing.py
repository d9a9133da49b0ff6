"""``tuireader list [LIBRARY] [--json] [--encoding NAME]``: every article of a library,
one per line, with the encoding each file was read in."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable

from tuireader.catalog import RowJson
from tuireader.commands import common
from tuireader.library.model import FileProblem, expand_meta_json
from tuireader.text.wrap import cell_width

_TITLE_CELLS = 48


def register(subparsers) -> None:
    """Add the ``list`` subcommand."""
    parser = common.add_command(subparsers, "list", help="list the articles of a library")
    common.add_library_arguments(parser)
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    common.add_encoding_argument(parser, "every file of the library")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Scan the library and print its articles, then the files that could not be read."""
    _, catalog = common.scanned_library(args)
    try:
        if args.json:
            _print_json(catalog.iter_json(), catalog.problems())
        else:
            _print_table(catalog.iter_rows(), catalog.problems())
    finally:
        catalog.close()
    return 0


def row_record(row: RowJson) -> dict:
    """The JSON form of one article row: path, the article's metadata, file facts
    (one dict built per row: ``list --json`` makes 100,000 of them)."""
    record: dict[str, object] = dict(common.path_fields(row.path))
    expand_meta_json(row.meta, into=record)
    record["format"] = row.format
    record["encoding"] = row.encoding
    record["warnings"] = row.warnings
    return record


def _print_json(rows: Iterable[RowJson], problems: list[FileProblem]) -> None:
    """One JSON object per line: articles, then problems (path and error).

    Written in blocks of lines (100,000 rows are a few seconds of ``print`` calls)."""
    records = (row_record(row) for row in rows)
    for block in common.json_lines(records):
        sys.stdout.write(block)
    for problem in problems:
        print(common.json_line({**common.path_fields(problem.path), "error": problem.error}))


def _print_table(rows, problems: list[FileProblem]) -> None:
    """An aligned table for people: date, format, encoding, title, path; problems after it."""
    print(f"{'DATE':<10}  {'FORMAT':<8}  {'ENCODING':<9}  {_pad('TITLE', _TITLE_CELLS)}  PATH")
    for row in rows:
        date = (row.meta.date or "")[:10]
        title = _pad(common.show_path(row.title), _TITLE_CELLS)
        facts = f"{row.format:<8}  {common.show_path(row.encoding):<9}"
        print(f"{date:<10}  {facts}  {title}  {common.show_path(row.path)}")
    if problems:
        print(f"\n{len(problems)} file(s) could not be read:")
    for problem in problems:
        print(f"  {common.show_path(problem.path)}: {common.show_path(problem.error)}")


def _pad(text: str, cells: int) -> str:
    """``text`` cut or padded to exactly ``cells`` terminal cells (CJK counts two)."""
    if cell_width(text) > cells:
        kept: list[str] = []
        used = 0
        for char in text:
            used += cell_width(char)
            if used > cells - 1:
                break
            kept.append(char)
        text = "".join(kept) + "…"
    return text + " " * max(cells - cell_width(text), 0)
