"""``tuireader bookmarks list|add|export|import``: bookmarks from scripts and the shell.

``add`` exits 0 only once the bookmark is committed to state.db; every failure to save
(disk full, read-only, newer schema) prints a message and exits 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from tuireader.commands import common
from tuireader.library.model import Anchor, Article, Bookmark
from tuireader.state import StateStore, StateWriteError
from tuireader.state.check import BookmarkChecker
from tuireader.state.export import to_json, to_markdown, to_yaml, write_atomic
from tuireader.state.importing import ImportFormatError, parse_export
from tuireader.text.sanitize import sanitize_line

EXPORTERS = {"md": "markdown", "json": "json", "yaml": "yaml"}


def register(subparsers) -> None:
    """Add the ``bookmarks`` command and its four actions."""
    parser = common.add_command(subparsers, "bookmarks", help="list, add, export, import")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = _action(actions, "list", "each bookmark, checked against the current files")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    listing.add_argument("--filter", default="", help="only bookmarks containing these words")
    add = _action(actions, "add", "bookmark an article, or a passage with --quote")
    add.add_argument("file", metavar="FILE", help="the article file")
    add.add_argument("--quote", help="bookmark this text's first occurrence")
    add.add_argument("--note", default="", help="a note to keep with it")
    export = _action(actions, "export", "write all bookmarks as md, json or yaml")
    export.add_argument(
        "--format", choices=sorted(EXPORTERS), default="md", help="md (the default), json or yaml"
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write here (else stdout)")
    imp = _action(actions, "import", "add bookmarks from a json or yaml export")
    imp.add_argument("file", metavar="FILE", help="a file written by bookmarks export (json, yaml)")
    parser.set_defaults(func=run)


def _action(actions, name: str, help: str) -> argparse.ArgumentParser:  # noqa: A002
    """One action parser with the global options and --library."""
    parser = common.add_command(actions, name, help=help)
    parser.prog = f"tuireader bookmarks {name}"
    parser.add_argument(
        "--library", metavar="DIR", help="the library folder, or a library name from the config"
    )
    return parser


def run(args: argparse.Namespace) -> int:
    """Open the state and run the chosen action."""
    paths = common.paths_from(args)
    store = StateStore.open(paths.state_db)
    for notice in store.notices:
        common.error(notice)
    try:
        return _ACTIONS[args.action](args, store, paths)
    except StateWriteError as exc:
        common.error(str(exc))
        return 1
    except common.UsageError as exc:
        common.error(str(exc))
        return 2
    except common.CommandFailed as exc:
        common.error(str(exc))
        return 1
    except OSError as exc:
        where = f": {common.show_path(exc.filename)}" if exc.filename else ""
        common.error(f"{exc.strerror or exc}{where}")
        return 1
    finally:
        store.close()


def _library(
    args: argparse.Namespace, paths, file: Path | None = None
) -> tuple[Path, Callable[[Path, Path], Article]]:
    """The library folder (from --library; else, for ``file``, the library holding it;
    else the config's, or the bundled sample), and ``load(path, root)``: an article read
    in the encoding the config sets for it (as the catalog reads it, from which a
    bookmark's fingerprint was taken)."""
    from tuireader.library.loader import load_article

    settings = common.settings_from(paths)
    if args.library is None and file is not None:
        library = _library_holding(file.resolve(), settings, paths)
    else:
        library = common.library_from(args.library, settings)

    def load(path: Path, root: Path) -> Article:
        return load_article(path, root, common.encoding_of_file(settings, path, library))

    return library, load


def _library_holding(file: Path, settings, paths) -> Path:
    """The library a file belongs to, so its bookmark keeps a library-relative path (as
    the app's would): the deepest configured library holding it, else the nearest
    folder above it that the app has a catalog of (it was opened as a library), else
    the default library."""
    configured = [*settings.libraries.values(), *([settings.library] if settings.library else [])]
    holding = [Path(lib) for lib in configured if file.is_relative_to(Path(lib).resolve())]
    if holding:
        return max(holding, key=lambda lib: len(lib.resolve().parts))
    for folder in file.parents:
        if paths.catalog_db(folder).is_file():
            return folder
    return common.library_from(None, settings)


def _list(args, store: StateStore, paths) -> int:
    """Print every bookmark with its status now."""
    from tuireader.library.loader import fingerprint

    library, load = _library(args, paths)
    checker = BookmarkChecker(library, load, fingerprint)
    for b in _all(store, args.filter):
        check = checker.check(b)
        record = {
            "id": b.id,
            **common.path_fields(check.path, "article"),
            "title": b.title,
            "quote": b.quote,
            "note": b.note,
            "created": b.created,
            "status": check.status,
        }
        print(common.json_line(record) if args.json else _line(record))
    return 0


def _line(record: dict) -> str:
    """One bookmark as a line for people."""
    what = "(whole article)" if record["quote"] is None else f"“{record['quote']}”"
    note = f" — {record['note']}" if record["note"] else ""
    text = f"{record['status']:<10} {record['article']}  {what}{note}"
    return sanitize_line(text)


def _add(args, store: StateStore, paths) -> int:
    """Bookmark an article or the first occurrence of --quote in it."""
    from tuireader.library.loader import ArticleError, fingerprint

    library, load = _library(args, paths, Path(args.file))
    article = _load_for_add(Path(args.file), library, load, ArticleError)
    fp = fingerprint(article)
    if args.quote is None:
        b = store.bookmarks.add_article(fp, article.path, article.title, args.note)
    else:
        start, end = _find_quote(article, args.quote)
        b = store.bookmarks.add_passage(article, start, end, args.note, fp=fp)
    print(f"bookmark {b.id} saved: {common.show_path(article.path)}")
    return 0


def _load_for_add(file: Path, library: Path, load, error_type) -> Article:
    """Load FILE; its path is relative to the library, or absolute when outside it."""
    file = common.require_file(file).resolve()
    root = library.resolve() if library.is_dir() else file.parent
    if not file.is_relative_to(root):
        root = file.parent
    try:
        article = load(file, root)
    except error_type as exc:
        raise common.UsageError(str(exc)) from None
    if root != library.resolve():
        from dataclasses import replace

        article = replace(article, path=str(file))
    return article


def _find_quote(article: Article, quote: str) -> tuple[Anchor, Anchor]:
    """The (start, end) of the first occurrence of ``quote`` in the article's text."""
    from tuireader.state.anchors import layout_of

    layout = layout_of(article.blocks)
    at = layout.text.find(quote) if quote else -1
    if at < 0:
        raise common.UsageError("the quote was not found in the article")
    return layout.anchor(at), layout.anchor(at + len(quote), is_end=True)


def _export(args, store: StateStore, paths) -> int:
    """Write every bookmark in the chosen format."""
    bookmarks = _all(store)
    if args.format == "json":
        text = to_json(bookmarks)
    elif args.format == "yaml":
        text = to_yaml(bookmarks)
    else:  # links to the files of a library named or configured; else library-relative
        named = args.library is not None or common.settings_from(paths).library is not None
        text = to_markdown(bookmarks, _library(args, paths)[0] if named else None)
    where = common.show_path(args.output) if args.output else "the standard output"
    try:
        if args.output:
            write_atomic(Path(args.output), text)  # a failed write leaves the old file
        else:
            sys.stdout.write(text)
            sys.stdout.flush()  # a full disk must fail here, with a message, not at exit
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        common.error(f"cannot write {where}: {exc.strerror or exc}; nothing was exported")
        return 1
    return 0


def _import(args, store: StateStore, paths) -> int:
    """Add the bookmarks of an export that are not already there."""
    try:
        text = Path(args.file).read_text(encoding="utf-8")
        result = parse_export(text)
    except (OSError, UnicodeDecodeError, ImportFormatError) as exc:
        # Not a usage mistake: the file given cannot be used (README: exit status 1).
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise common.CommandFailed(
            f"cannot import {common.show_path(args.file)}: {reason}"
        ) from None
    for problem in result.problems:
        common.error(problem)
    added = store.bookmarks.insert(result.bookmarks)
    print(f"imported {added} new bookmark(s), {len(result.bookmarks) - added} already there")
    return 0


def _all(store: StateStore, filter_text: str = "") -> list[Bookmark]:
    """Every bookmark (matching the filter), grouped by article."""
    return store.bookmarks.matching(filter_text)


_ACTIONS = {"list": _list, "add": _add, "export": _export, "import": _import}
