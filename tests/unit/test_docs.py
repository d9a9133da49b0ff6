"""The README and the --help texts say what the code does, and say all of it."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest
from project_scripts import load_script

from tuireader import cli
from tuireader.config.check import MAX_CONFIG_BYTES
from tuireader.library.blocks import MAX_BLOCK_CHARS
from tuireader.library.files import ARTICLE_SUFFIXES, MAX_FILE_BYTES
from tuireader.library.formats.markdown.frontmatter import MAX_DEPTH, MAX_FRONT_MATTER
from tuireader.state.importing import MAX_IMPORT_BYTES

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_generated_keys_and_config_blocks_are_current() -> None:
    fresh = load_script("update_readme").updated(README)
    assert fresh == README, "README.md is out of date: run python scripts/update_readme.py"


def test_every_command_is_in_the_readme() -> None:
    _, names = cli.build_parser()
    missing = [name for name in names if f"`tuireader {name}" not in README]
    assert not missing


def limits_section() -> str:
    return README.split("## Limits", 1)[1].split("\n## ", 1)[0]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (MAX_FILE_BYTES, f"{MAX_FILE_BYTES // 2**20} MiB"),
        (MAX_BLOCK_CHARS, f"{MAX_BLOCK_CHARS // 1024} K characters"),
        (MAX_FRONT_MATTER, f"{MAX_FRONT_MATTER // 1024} KiB, {MAX_DEPTH} levels"),
        (MAX_CONFIG_BYTES, f"{MAX_CONFIG_BYTES // 2**20} MiB"),
        (MAX_IMPORT_BYTES, f"{MAX_IMPORT_BYTES // 2**20} MiB"),
    ],
)
def test_the_limits_in_the_readme_are_the_code_s(value: int, words: str) -> None:
    assert value % 1024 == 0
    assert words in limits_section()


def test_the_readme_lists_every_article_suffix() -> None:
    listed = set(re.findall(r"`(\.[a-z]+)`", limits_section()))
    assert listed == set(ARTICLE_SUFFIXES)


def test_the_screenshots_the_readme_shows_exist() -> None:
    shown = re.findall(r"!\[[^\]]*\]\((docs/screenshots/[^)]+\.svg)\)", README)
    assert {"docs/screenshots/main.svg", "docs/screenshots/article.svg"} <= set(shown)
    for path in shown:
        assert (ROOT / path).read_text(encoding="utf-8").lstrip().startswith("<svg")


def all_parsers() -> list[tuple[str, argparse.ArgumentParser]]:
    """(the command as typed, its parser) for the top parser and every subcommand."""
    found, todo = [], [("tuireader", cli.build_parser()[0])]
    while todo:
        typed, parser = todo.pop()
        found.append((typed, parser))
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                todo.extend((f"{typed} {name}", sub) for name, sub in action.choices.items())
    return found


PARSERS = all_parsers()


@pytest.mark.parametrize(("typed", "parser"), PARSERS, ids=[typed for typed, _ in PARSERS])
def test_every_option_and_argument_has_help(typed: str, parser: argparse.ArgumentParser) -> None:
    assert parser.description, f"{typed}: no description"
    bare = [
        action.dest
        for action in parser._actions
        if not action.help and not isinstance(action, argparse._SubParsersAction)
    ]
    assert not bare, f"{typed}: no help for {bare}"


@pytest.mark.parametrize(("typed", "parser"), PARSERS, ids=[typed for typed, _ in PARSERS])
def test_every_usage_line_names_the_command_as_typed(typed: str, parser) -> None:
    assert parser.prog == typed
