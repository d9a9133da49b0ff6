"""``tuireader config [--init | --path]``: the config file, where it is and what it says.

Without an option, prints the settings in force (after the config file and the defaults)
and every problem with the file, and exits with 1 when there is one, so a script or a
person can check an edit before starting the app.
"""

from __future__ import annotations

import argparse

from tuireader.commands import common
from tuireader.config import Settings, bundled_library, init_config, load_settings
from tuireader.text.sanitize import sanitize_line


def register(subparsers) -> None:
    """Add the ``config`` subcommand."""
    parser = common.add_command(
        subparsers, "config", help="create the config file, print where it is, check it"
    )
    parser.epilog = (
        "Without an option: print the settings in force and any problem with the file "
        "(exit status 1 if there is one). The file's location is, in order: --config, "
        "$TUIREADER_CONFIG, then the user config folder."
    )
    what = parser.add_mutually_exclusive_group()
    what.add_argument(
        "--init",
        action="store_true",
        help="write a commented config file with every setting, unless one exists",
    )
    what.add_argument("--path", action="store_true", help="print where the config file is")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Carry out ``config --init``, ``config --path`` or the settings report."""
    config_file = common.paths_from(args).config_file
    if args.path:
        print(common.show_path(config_file))
        return 0
    if args.init:
        return _init(args, config_file)
    settings = load_settings(config_file)
    source = "defaults (no config file)" if not config_file.exists() else "config file"
    print(f"# {source}: {common.show_path(config_file)}")
    for line in settings_lines(settings):
        print(line)
    for problem in settings.problems:
        common.error(problem)
    return 1 if settings.problems else 0


def _init(args: argparse.Namespace, config_file) -> int:
    """Write the template; an existing file is left alone (exit status 1)."""
    try:
        written = init_config(config_file)
    except OSError as exc:
        common.error(f"cannot write {common.show_path(config_file)}: {exc.strerror or exc}")
        return 1
    if not written:
        common.error(f"{common.show_path(config_file)} exists already; left unchanged")
        return 1
    print(common.show_path(config_file))
    return 0


def settings_lines(settings: Settings) -> list[str]:
    """The settings in force, as ``name: value`` lines people can read."""
    default = settings.library_name or (
        common.show_path(settings.library) if settings.library else None
    )
    samples = f"(the bundled samples: {common.show_path(bundled_library())})"
    lines = ["libraries:" + ("" if settings.libraries else " (none)")]
    lines += [
        f"  {sanitize_line(name)}: {common.show_path(path)}"
        for name, path in settings.libraries.items()
    ]
    lines += [
        f"library: {sanitize_line(default) if default else samples}",
        f"theme: {sanitize_line(settings.theme)}",
        f"reading_width: {settings.reading_width}",
        f"mark_read: {settings.mark_read}",
        f"layout: {settings.layout}",
        f"date_format: {sanitize_line(repr(settings.date_format))}",
        f"follow_links: {settings.follow_links}",
        "keys:" + ("" if settings.keys else " (no remaps)"),
    ]
    lines += [f"  {binding}: {sanitize_line(keys)}" for binding, keys in settings.keys.items()]
    return lines
