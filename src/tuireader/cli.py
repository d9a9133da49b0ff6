"""The ``tuireader`` command: the reader UI, or a scriptable subcommand.

    tuireader [PATH]                 open the reader (PATH: a library folder or one article)
    tuireader list [LIBRARY] [--json]
    tuireader show FILE [--format txt|md]
    tuireader tree [LIBRARY]
    tuireader search QUERY [LIBRARY] [--json] [--limit N] [--count]
    tuireader config [--init | --path]
    tuireader serve [PATH] [--library NAME] [--port N] [--max-sessions N]

Global options (before or after the subcommand): --data-dir, --cache-dir, --config,
--version; the environment variables TUIREADER_DATA_DIR, TUIREADER_CACHE_DIR and
TUIREADER_CONFIG do the same. ``tuireader --library NAME`` opens a library named in
the config file. Textual is imported only when the UI starts, so the
subcommands stay quick and work without a terminal.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from tuireader.commands import common, terminal
from tuireader.config import UnknownLibrary, resolve_library

#: Each subcommand's name and its module in ``tuireader.commands`` (which has
#: ``register(subparsers)``). Add one line per command. The modules import the catalog
#: and every parser, so they are imported only when a command (or --help) needs them:
#: ``tuireader [PATH]`` goes straight to the reader's first paint without them.
COMMANDS = {
    "list": "listing",
    "show": "show",
    "tree": "tree",
    "bookmarks": "bookmarks",
    "search": "search",
    "config": "config",
    "serve": "serve",
    "stats": "stats",
    "vocab": "vocab",
}
_VALUE_OPTIONS = ("--data-dir", "--cache-dir", "--config", "--library")
_EPILOG = """\
Without PATH or --library, the reader opens the config file's default library, else
the bundled sample library. `tuireader COMMAND --help` describes each command.
In the reader, press ? for every key and ctrl+p for the command palette.

environment:
  TUIREADER_DATA_DIR   instead of --data-dir (state.db: read marks, positions,
                       bookmarks, notes, and its backups)
  TUIREADER_CACHE_DIR  instead of --cache-dir (one catalog per library; safe to delete)
  TUIREADER_CONFIG     instead of --config (see `tuireader config --path`)
"""


def build_parser(only: str | None = None) -> tuple[argparse.ArgumentParser, list[str]]:
    """The parser with every subcommand (or just the one named ``only``), and their names."""
    parser = common.Parser(
        prog="tuireader",
        usage="tuireader [options] [PATH]\n       tuireader [options] COMMAND ...",
        description="A terminal reader for libraries of local article files. Without a "
        "command, opens the reader on PATH (a library folder or an article file).",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    common.add_global_options(parser)
    _add_library_option(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = [COMMANDS[only]] if only in COMMANDS else COMMANDS.values()
    for module_name in dict.fromkeys(wanted):
        importlib.import_module(f"tuireader.commands.{module_name}").register(subparsers)
    return parser, list(subparsers.choices)


def build_ui_parser() -> argparse.ArgumentParser:
    """The parser for ``tuireader [options] [PATH]`` (no subcommand)."""
    parser = common.Parser(prog="tuireader", add_help=False)
    common.add_global_options(parser)
    _add_library_option(parser)
    parser.add_argument("path", nargs="?", metavar="PATH")
    return parser


def _add_library_option(parser: argparse.ArgumentParser) -> None:
    """``--library NAME``: open a library named in the config file instead of PATH."""
    parser.add_argument(
        "--library",
        dest="library_name",
        metavar="NAME",
        default=None,
        help="open the library of this name from the config file (instead of PATH)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Everything written to stdout and stderr meanwhile goes through the sanitizer
    (:mod:`tuireader.commands.terminal`), usage errors and tracebacks included.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        with terminal.cleaned_output():
            return _run(args_list)
    except BrokenPipeError:  # `tuireader list | head`: the reader left, that is fine
        sys.stderr.close()
        return 0


def _run(args_list: list[str]) -> int:
    """Parse the arguments and run the command or the reader."""
    try:
        wants_help, command = _wants_help(args_list), _first_positional(args_list)
        if wants_help or command in COMMANDS:
            # Only the command used is imported; the help overview needs them all.
            parser = build_parser(only=None if wants_help else command)[0]
            args = parser.parse_args(args_list)
            return args.func(args)
        return launch_ui(build_ui_parser().parse_args(args_list))
    except common.UsageError as exc:
        common.error(str(exc))
        return 2
    except common.CommandFailed as exc:
        common.error(str(exc))
        return 1
    except KeyboardInterrupt:
        return 130


def launch_ui(args: argparse.Namespace) -> int:
    """Open the reader on a library folder, or on one article file in its folder."""
    paths = common.paths_from(args)
    settings = common.settings_from(paths)
    target = _ui_target(args, settings)
    if not target.exists():
        if not _interactive():  # scripts and tests get one line and status 2
            raise common.UsageError(f"no such file or folder: {common.show_path(target)}")
        from tuireader.ui.app import run_app

        with terminal.raw_output():
            run_app(paths, settings, target)  # the app explains it on a screen of its own
        return 2
    open_file: Path | None = None
    library = target
    if target.is_file():
        open_file, library = target, target.parent
    elif not target.is_dir():
        raise common.UsageError(f"not a file or folder: {common.show_path(target)}")
    common.check_catalog_path(paths, library)  # refused here: the app would hang on a FIFO
    from tuireader.ui import collector

    collector.pause()  # until the first screen is painted (the app resumes it)
    from tuireader.ui.app import run_app  # the only place textual gets imported

    with terminal.raw_output():  # Textual draws the screen and cleans what it shows
        return run_app(paths, settings, library, open_file=open_file)


def _interactive() -> bool:
    """Whether a person is at a terminal (stdin and stdout both are one)."""
    streams = (sys.stdin, sys.stdout)
    return all(stream is not None and stream.isatty() for stream in streams)


def _ui_target(args: argparse.Namespace, settings) -> Path:
    """PATH, else the library ``--library NAME`` names, else the configured default."""
    if args.library_name is None:
        return common.library_from(args.path, settings)
    if args.path:
        raise common.UsageError("give a PATH or --library NAME, not both")
    try:
        name, folder = resolve_library(args.library_name, settings)
    except UnknownLibrary as exc:
        raise common.UsageError(str(exc)) from None
    assert folder is not None  # a given name or folder always resolves to a folder
    settings.library_name, settings.library = name, folder
    return folder


def _first_positional(args: list[str]) -> str | None:
    """The first argument that is not an option or an option's value."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--":
            return None
        elif arg in _VALUE_OPTIONS:
            skip = True
        elif not arg.startswith("-") or arg == "-":
            return arg
    return None


def _wants_help(args: list[str]) -> bool:
    """Whether ``-h``/``--help`` comes before any positional argument."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in ("-h", "--help"):
            return True
        elif arg in _VALUE_OPTIONS:
            skip = True
        elif not arg.startswith("-"):
            return False
    return False
