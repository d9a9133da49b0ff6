"""``tuireader search QUERY [LIBRARY] [--json] [--limit N] [--count]``: library search.

Results are ranked like the search screen (title hits, then hit count, then newest).
The first search of a library builds the index, with progress on stderr. ``--count``
prints only the exact number of matching articles.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys

from tuireader import search as library_search
from tuireader.commands import common, terminal
from tuireader.commands.progress import ProgressBar
from tuireader.search import Hit, SearchResults
from tuireader.search.query import QueryError

QUERY_HELP = """\
query language:
  经济 发展            both terms
  "river city"         a phrase
  -旅游                without this term
  经济 OR 文化         either term
  section:要闻         in a section (anywhere on the article's path)
  after:2022-01-01     dated on or after; before:2022-12-31 on or before
  is:unread  is:bookmarked  in:title
  in:author 李明        in the author (in:source: in the source) instead of the text
Case and full-width/half-width forms never matter."""


def register(subparsers) -> None:
    """Add the ``search`` subcommand."""
    parser = common.add_command(subparsers, "search", help="search the articles of a library")
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = QUERY_HELP
    parser.add_argument("query", metavar="QUERY", help='terms, "phrases", -term, OR, filters')
    common.add_library_arguments(parser)
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--limit", type=int, default=50, metavar="N", help="at most N results")
    parser.add_argument("--count", action="store_true", help="print the number of matches")
    parser.add_argument(
        "--variants", action="store_true", help="match Simplified and Traditional forms alike"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Scan, make sure the index is built, search, print.

    With the index built, the search runs while the scan checks the folder (see
    :func:`common.up_to_date_answer`): an unchanged library answers in about the time of
    the longer of the two.
    """
    if args.limit < 0:
        raise common.UsageError("--limit must be 0 or more")
    opened = common.opened_library(args)
    catalog = opened.catalog
    try:
        catalog.attach_state(opened.paths.state_db)

        def found() -> int | SearchResults | QueryError:
            _ensure_index(catalog)
            return _found(catalog, args)

        def index_built() -> bool:
            return library_search.index_ready(catalog)

        return _print(common.up_to_date_answer(opened, found, index_built, index=True), args)
    finally:
        catalog.close()


def _found(catalog, args: argparse.Namespace) -> int | SearchResults | QueryError:
    """The count or the results (counted when the page was not); a query that cannot be
    understood gives its QueryError (returned, not raised: printing comes later)."""
    try:
        if args.count:
            return library_search.count(catalog, args.query, variants=args.variants)
        found = library_search.search(catalog, args.query, limit=args.limit, variants=args.variants)
        if found.total is None and not (found.error and found.ready):
            # paged without a count: counted, so it reads as the app says it
            total = library_search.count(catalog, args.query, variants=args.variants)
            found = dataclasses.replace(found, total=total)
    except QueryError as exc:
        return exc
    return found


def _print(found: int | SearchResults | QueryError, args: argparse.Namespace) -> int:
    """Print the count or the results; 2 for a query that cannot be understood."""
    if isinstance(found, QueryError):
        common.error(str(found))
        return 2
    if isinstance(found, int):
        print(found)
        return 0
    if found.error and found.ready:
        common.error(found.error)
        return 2
    if args.json:
        for hit in found.results:
            print(common.json_line(hit_record(hit)))
    else:
        _print_hits(found.results, found.total or 0)
    return 0


def _ensure_index(catalog) -> None:
    """Build the search index if it is not ready, showing progress."""
    if library_search.index_ready(catalog):
        return
    bar = ProgressBar(terminal.raw_stream(sys.stderr), "indexing")
    try:
        built = library_search.build_index_if_free(catalog, bar)
    finally:
        bar.finish()
    if built is None:  # the app is building it: answer from what it has indexed so far
        now = library_search.index_status(catalog)
        common.error(
            "another tuireader is building the search index "
            f"({now.indexed:,} of {now.total:,} articles indexed): results may be incomplete"
        )


def hit_record(hit: Hit) -> dict:
    """The JSON form of one result."""
    return {
        **common.path_fields(hit.path),
        **hit.meta.to_json(),
        "hits": hit.hits,
        "snippet": hit.snippet,
    }


def _print_hits(hits: list[Hit], total: int) -> None:
    """Results for people: date, title and path, then the snippet, indented."""
    for hit in hits:
        date = (hit.meta.date or "")[:10]
        where = " / ".join(hit.meta.sections)
        print(f"{date:<10}  {common.show_path(hit.meta.title)}  [{common.show_path(where)}]")
        print(f"            {common.show_path(hit.path)}  ({hit.hits} hits)")
        print(f"            {common.show_path(hit.snippet)}")
    print(library_search.results_words(total, len(hits)))
