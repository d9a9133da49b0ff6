"""The ``tuireader`` command: the reader UI, or a scriptable subcommand.

    tuireader [PATH]                 open the reader (PATH: a library folder or one article)
    tuireader list [LIBRARY] [--json]
    tuireader show FILE [--format txt|md]
    tuireader tree [LIBRARY]
    tuireader search QUERY [LIBRARY] [--json] [--limit N] [--count]

Global options (before or after the subcommand): --data-dir, --cache-dir, --config,
--version; the environment variables TUIREADER_DATA_DIR, TUIREADER_CACHE_DIR and
TUIREADER_CONFIG do the same. Textual is imported only when the UI starts, so the
subcommands stay quick and work without a terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from tuireader.commands import bookmarks, common, listing, search, show, tree

#: The subcommand modules; each has ``register(subparsers)``. Add one line per command.
COMMANDS = [
    listing,
    show,
    tree,
    bookmarks,
    search,
]
_VALUE_OPTIONS = ("--data-dir", "--cache-dir", "--config")


def build_parser() -> tuple[argparse.ArgumentParser, list[str]]:
    """The parser with every subcommand, and the subcommand names."""
    parser = argparse.ArgumentParser(
        prog="tuireader",
        usage="tuireader [options] [PATH]\n       tuireader [options] COMMAND ...",
        description="A terminal reader for libraries of local article files. Without a "
        "command, opens the reader on PATH (a library folder or an article file).",
    )
    common.add_global_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.register(subparsers)
    return parser, list(subparsers.choices)


def build_ui_parser() -> argparse.ArgumentParser:
    """The parser for ``tuireader [options] [PATH]`` (no subcommand)."""
    parser = argparse.ArgumentParser(prog="tuireader", add_help=False)
    common.add_global_options(parser)
    parser.add_argument("path", nargs="?", metavar="PATH")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser, names = build_parser()
    try:
        if _first_positional(args_list) in names or _wants_help(args_list):
            args = parser.parse_args(args_list)
            return args.func(args)
        return launch_ui(build_ui_parser().parse_args(args_list))
    except common.UsageError as exc:
        common.error(str(exc))
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `tuireader list | head`: the reader left, that is fine
        sys.stderr.close()
        return 0


def launch_ui(args: argparse.Namespace) -> int:
    """Open the reader on a library folder, or on one article file in its folder."""
    paths = common.paths_from(args)
    settings = common.settings_from(paths)
    target = common.library_from(args.path, settings)
    if not target.exists():
        raise common.UsageError(f"no such file or folder: {common.show_path(target)}")
    open_file: Path | None = None
    library = target
    if target.is_file():
        open_file, library = target, target.parent
    elif not target.is_dir():
        raise common.UsageError(f"not a file or folder: {common.show_path(target)}")
    from tuireader.ui.app import run_app  # the only place textual gets imported

    return run_app(paths, settings, library, open_file=open_file)


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
