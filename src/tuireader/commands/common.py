"""What the subcommands share: global options, finding the library, output helpers.

Nothing printed here is trusted: file names and error messages go through
``sanitize_line`` and JSON is written with every control or format character escaped, so
no byte from a file can drive the terminal.
"""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, NoReturn, TypeVar

from tuireader import __version__
from tuireader.commands import terminal
from tuireader.commands.progress import ProgressBar
from tuireader.config import Paths, Settings, bundled_library, load_settings, resolve_paths
from tuireader.library.encoding.rules import EncodingRules
from tuireader.text import json_out
from tuireader.text.encodings import canonical_encoding
from tuireader.text.filekind import not_a_file
from tuireader.text.sanitize import sanitize_line

if TYPE_CHECKING:  # the catalog (and every parser) is imported only when a command scans
    from tuireader.catalog import Catalog, ScanReport

T = TypeVar("T")


#: The help of a subcommand's LIBRARY argument.
LIBRARY_HELP = (
    "a library folder, or a library's name from the config file "
    "(default: the config's default library, else the bundled samples)"
)


class Parser(argparse.ArgumentParser):
    """argparse with usage errors made safe: the message (which may echo a hostile file
    name from a shell glob) is one sanitized line."""

    def error(self, message: str) -> NoReturn:
        """Print the usage and the cleaned message on stderr; exit with status 2."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {sanitize_line(message)}\n")


def add_global_options(parser: argparse.ArgumentParser) -> None:
    """Add --data-dir, --cache-dir, --config and --version to ``parser``.

    Defaults are SUPPRESS so an option given before the subcommand is not reset by the
    subcommand's parser.
    """
    group = parser.add_argument_group("locations")
    group.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="where your state (read marks, bookmarks) is kept",
    )
    group.add_argument(
        "--cache-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="where the throw-away catalog is kept",
    )
    group.add_argument(
        "--config", metavar="FILE", default=argparse.SUPPRESS, help="the YAML config file"
    )
    parser.add_argument("--version", action="version", version=f"tuireader {__version__}")


def add_command(subparsers, name: str, help: str) -> argparse.ArgumentParser:  # noqa: A002
    """Add a subcommand parser that also accepts the global options."""
    parser = subparsers.add_parser(name, help=help, description=help, prog=f"tuireader {name}")
    add_global_options(parser)
    return parser


def paths_from(args: argparse.Namespace) -> Paths:
    """The data, cache and config locations from the flags (then env, then defaults)."""
    return resolve_paths(
        getattr(args, "data_dir", None),
        getattr(args, "cache_dir", None),
        getattr(args, "config", None),
    )


def settings_from(paths: Paths) -> Settings:
    """The user's settings; config problems are reported on stderr, defaults used."""
    settings = load_settings(paths.config_file)
    for problem in settings.problems:
        error(problem)
    return settings


def library_from(arg: str | None, settings: Settings) -> Path:
    """The library folder: the argument (a folder, or a library's name from the config
    file when no such folder exists), else the configured one, else the bundled one."""
    if arg:
        folder = Path(arg).expanduser()
        if not folder.exists() and arg in settings.libraries:
            return settings.libraries[arg]
        return folder
    return settings.library or bundled_library()


class UsageError(Exception):
    """A problem with what the user asked for; exits with status 2."""


class CommandFailed(Exception):
    """Something the command needs cannot be used (a FIFO where the catalog goes, say);
    ``str(error)`` is for people and the exit status is 1."""


def check_catalog_path(paths: Paths, library: Path) -> None:
    """CommandFailed when the library's catalog path holds something that is not a file."""
    from tuireader.catalog import CatalogFileError, check_path

    try:
        check_path(paths.catalog_db(library))
    except CatalogFileError as exc:
        raise CommandFailed(str(exc)) from None


def require_file(path: Path) -> Path:
    """``path`` if it is a regular file that may be read; UsageError saying what it is
    otherwise (missing, a folder, a FIFO, a device, in /proc, /sys or /dev)."""
    from tuireader.library.files import never_read

    if not path.exists():
        broken = " (a broken symbolic link)" if path.is_symlink() else ""
        raise UsageError(f"no such file: {show_path(path)}{broken}")
    kind = not_a_file(path)
    if kind is not None:
        raise UsageError(f"{show_path(path)} is {kind}, not an article file")
    refused = never_read(path)
    if refused is not None:
        raise UsageError(f"{show_path(path)}: {show_path(refused)}")
    return path


def require_dir(library: Path) -> Path:
    """``library`` if it is a folder; UsageError otherwise."""
    if not library.exists():
        raise UsageError(f"no such folder: {show_path(library)}")
    if not library.is_dir():
        raise UsageError(f"not a folder: {show_path(library)}")
    return library


def add_library_arguments(parser: argparse.ArgumentParser) -> None:
    """The LIBRARY argument and ``--no-scan``, for the commands that read a catalog."""
    parser.add_argument("library", nargs="?", metavar="LIBRARY", help=LIBRARY_HELP)
    parser.add_argument(
        "--no-scan",
        action="store_true",
        help="answer from the catalog as it is, without looking at the folder for changes "
        "(for scripts that know nothing changed; a library never scanned is scanned once)",
    )


@dataclass
class OpenedLibrary:
    """A library's catalog, opened but not yet brought up to date (see
    :func:`up_to_date_answer`); ``scan`` False: the folder is not looked at
    (``--no-scan``), unless the catalog was never completely scanned."""

    paths: Paths
    catalog: Catalog
    scan: bool

    def must_scan_first(self) -> bool:
        """Whether the folder must be scanned before the catalog answers anything."""
        return self.scan or not self.catalog.was_scanned()


def opened_library(args: argparse.Namespace) -> OpenedLibrary:
    """The catalog of the LIBRARY argument (which must be a folder), opened but not
    scanned yet, read with the encodings the config sets for it and ``--encoding``
    (which scans even with ``--no-scan``: it may change what is read)."""
    paths = paths_from(args)
    settings = settings_from(paths)
    library = require_dir(library_from(args.library, settings))
    chosen = getattr(args, "encoding", None)
    encodings = encoding_rules(settings, library, chosen)
    scan = chosen is not None or not getattr(args, "no_scan", False)
    return OpenedLibrary(
        paths, _open_catalog(paths, library, settings.follow_links, encodings), scan
    )


def up_to_date_answer(
    opened: OpenedLibrary,
    answer: Callable[[], T],
    overlap: Callable[[], bool],
    index: bool = False,
) -> T:
    """``answer()``, computed from the catalog once it is up to date with the folder.

    When the catalog was scanned before and ``overlap()`` says the answer needs nothing
    the scan could make (the search index is built, say), the answer is computed in a
    worker thread while this thread scans. A scan of an unchanged library is a stat per
    file, which waits in the kernel with the GIL released, and the answer mostly waits in
    SQLite, so the two take the time of the longer one instead of their sum. The answer
    stands when the scan changed no article (another process scanning at the time is not
    waited for, as in :func:`scan_now`); otherwise it is computed again. Without
    ``overlap``, or with ``--no-scan``, or for a catalog never scanned, the scan (if
    any) comes first. ``index``: the answer searches, so the scan indexes what it stores
    as it goes (see :func:`scan_now`).
    """
    if not opened.scan or not opened.catalog.was_scanned() or not overlap():
        if opened.must_scan_first():
            scan_now(opened.catalog, index)
        return answer()
    early = _Background(answer)
    try:
        report = scan_now(opened.catalog, index)
    finally:
        early.wait()  # never leave a thread querying a catalog about to be closed
    if report is not None and report.changed:
        return answer()  # the early answer may predate the changes: never shown
    return early.result()


class _Background(Generic[T]):
    """``work()`` running in a daemon thread; :meth:`result` gives its value or raises
    its exception."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work = work
        self._value: tuple[T] | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="early answer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._value = (self._work(),)
        except BaseException as error:  # handed to the caller by result()
            self._error = error

    def wait(self) -> None:
        """Wait until the work is done."""
        self._thread.join()

    def result(self) -> T:
        """The work's value (after waiting for it), or its exception raised here."""
        self.wait()
        if self._error is not None:
            raise self._error
        assert self._value is not None
        return self._value[0]


def scan_now(catalog: Catalog, index: bool = False) -> ScanReport | None:
    """Scan the library into ``catalog`` with a progress bar on a terminal; None (and a
    word on stderr) when another tuireader is scanning it: that one is never waited for.
    ``index``: a command that searches, whose scan indexes what it stores as it goes
    (see :meth:`Catalog.scan`)."""
    bar = ProgressBar(terminal.raw_stream(sys.stderr), "scanning")
    try:
        report = catalog.scan_if_free(bar, index=index)
    finally:
        bar.finish()
    if report is None:  # the app (or another command) is scanning: never wait for it
        error(
            "another tuireader is scanning this library; answering from the catalog as it "
            "is (files not read yet are missing)"
        )
    return report


def _open_catalog(
    paths: Paths, library: Path, follow_links: str, encodings: EncodingRules
) -> Catalog:
    """The library's catalog, opened (made or rebuilt when needed), not scanned."""
    from tuireader.catalog import Catalog

    check_catalog_path(paths, library)
    return Catalog(paths.catalog_db(library), library, follow_links, encodings)


def scanned_library(args: argparse.Namespace) -> tuple[Paths, Catalog]:
    """The locations and the catalog of the LIBRARY argument (see
    :func:`opened_library`), brought up to date with the folder (progress on a terminal).

    An up-to-date library costs a stat of each folder and file (see
    :mod:`tuireader.library.walk`). With ``--no-scan`` the folder is not looked at,
    unless the catalog was never completely scanned."""
    opened = opened_library(args)
    if opened.must_scan_first():
        scan_now(opened.catalog)
    return opened.paths, opened.catalog


def encoding_rules(settings: Settings, library: Path, chosen: str | None = None) -> EncodingRules:
    """The encodings set for the files of ``library``: ``chosen`` (an ``--encoding``)
    for every file, else the config's rules for that library.

    Raises UsageError when ``chosen`` names no text encoding."""
    rules = EncodingRules.for_library(settings.encodings, settings.library_name_for(library))
    if chosen is None:
        return rules
    name = canonical_encoding(chosen)
    if name is None:
        raise UsageError(f"unknown encoding: {show_path(chosen)[:40]}")
    return EncodingRules((("**", name),)).before(rules)


def encoding_of_file(settings: Settings, path: Path, library: Path | None = None) -> str | None:
    """The encoding the config sets for the file at ``path``, by the rules of the first
    library that holds it: a configured one, else ``library`` (or the file's folder)
    with the rules for every library. None when no rule matches it."""
    from tuireader.library.keys import rel_path_str

    file = path.resolve()
    folders = [*settings.libraries.values(), library or path.parent]
    for folder in folders:
        root = folder.resolve()
        if file.is_relative_to(root) and file != root:
            rules = EncodingRules.for_library(settings.encodings, settings.library_name_for(root))
            return rules.encoding_for(rel_path_str(file, root))
    return None


def add_encoding_argument(parser: argparse.ArgumentParser, what: str) -> None:
    """``--encoding NAME``: read ``what`` in that encoding instead of guessing it."""
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help=f"read {what} in this encoding (e.g. gb18030, big5), whatever the config says",
    )


def show_path(path: Path | str) -> str:
    """A path made safe to print (odd bytes and controls replaced)."""
    text = str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return sanitize_line(text)


def path_fields(rel: str, name: str = "path") -> dict[str, str]:
    """``{name: rel}`` (the catalog key), plus ``{name}_bytes`` when the key is escaped
    (a file name that is not UTF-8, or holds a backslash): the file's relative path as
    raw bytes in base64, which opens it from any language or the shell
    (``jq -r .path_bytes | base64 -d``)."""
    fields = {name: rel}
    if "\\" in rel:  # rare: the imports wait for it (list --json calls this per row)
        import base64

        from tuireader.library.keys import key_bytes, split_chapter_key

        chapter = split_chapter_key(rel)
        raw = key_bytes(chapter[0] if chapter else rel)
        fields[f"{name}_bytes"] = base64.b64encode(raw).decode("ascii")
    return fields


def json_line(obj: object) -> str:
    """One JSON object on one line, UTF-8, with terminal-unsafe characters escaped."""
    return json_out.json_line(obj)


def json_lines(objs: Iterable[object]) -> Iterator[str]:
    """Many JSON objects, one per line, as a few blocks of lines (see ``json_out``)."""
    return json_out.json_lines(objs)


def error(message: str) -> None:
    """Print a message for people on stderr."""
    print(f"tuireader: {sanitize_line(message)}", file=sys.stderr)
