"""``tuireader vocab list|export``: the words looked up in the reader's dictionary.

``export`` writes a CSV that Anki imports (one note per word: word, pinyin, definitions,
the sentence it was met in, the article's title), atomically when ``-o`` names a file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tuireader.commands import common
from tuireader.dictionary.cedict import ATTRIBUTION
from tuireader.state import StateStore
from tuireader.state.export import write_atomic
from tuireader.text.sanitize import sanitize_line


def register(subparsers) -> None:
    """Add the ``vocab`` command and its actions."""
    parser = common.add_command(subparsers, "vocab", help="words looked up in the dictionary")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = common.add_command(actions, "list", help="each word, its pinyin and meaning")
    listing.prog = "tuireader vocab list"
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    export = common.add_command(actions, "export", help="write the words as CSV for Anki")
    export.prog = "tuireader vocab export"
    export.add_argument("-o", "--output", metavar="FILE", help="write here (else stdout)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Open the state and run the chosen action."""
    store = StateStore.open(common.paths_from(args).state_db, backups=False)
    try:
        for notice in store.notices:
            common.error(notice)
        if args.action == "export":
            return _export(store, args.output)
        return _list(store, args.json)
    except OSError as exc:
        common.error(f"{exc.strerror or exc}: {common.show_path(exc.filename or '')}")
        return 1
    finally:
        store.close()


def _list(store: StateStore, as_json: bool) -> int:
    for word in store.vocab.words():
        if as_json:
            record = {"word": word.word, "pinyin": word.pinyin, "definitions": word.definitions,
                      "context": word.context, "title": word.title, "lookups": word.lookups}  # fmt: skip
            print(common.json_line(record))
        else:
            print(sanitize_line(f"{word.word}  {word.pinyin}  {word.definitions}"))
    return 0


def _export(store: StateStore, output: str | None) -> int:
    text = store.vocab.to_csv()
    if output is None:
        sys.stdout.write(text)
        return 0
    write_atomic(Path(output), text)
    count = len(store.vocab.words())
    common.error(f"{count} word(s) written to {common.show_path(output)} ({ATTRIBUTION})")
    return 0
