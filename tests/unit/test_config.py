"""Tests for the config file: template, --init/--path, line-numbered problems, libraries."""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

import pytest

from tuireader import cli
from tuireader.config import (
    Settings,
    UnknownLibrary,
    init_config,
    load_settings,
    resolve_library,
)
from tuireader.config.template import CONFIG_TEMPLATE


def write_config(tmp_path: Path, text: str) -> Path:
    """A config file holding ``text``."""
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def load(tmp_path: Path, text: str) -> Settings:
    """Settings from a config file holding ``text``."""
    return load_settings(write_config(tmp_path, text))


def defaults_of(settings: Settings) -> tuple:
    """The user-facing settings, for comparing with the defaults."""
    return (
        settings.library,
        settings.libraries,
        settings.theme,
        settings.reading_width,
        settings.mark_read,
        settings.date_format,
        settings.keys,
    )


# The template ----------------------------------------------------------------------


def test_the_template_gives_exactly_the_defaults_and_no_problem(tmp_path: Path) -> None:
    settings = load(tmp_path, CONFIG_TEMPLATE)
    assert settings.problems == []
    assert defaults_of(settings) == defaults_of(Settings())


def test_every_commented_key_example_in_the_template_is_a_real_binding() -> None:
    from tuireader.ui.bindings import KEY_TABLE

    examples = re.findall(r"^  # ([a-z_]+\.[a-z_]+):", CONFIG_TEMPLATE, flags=re.M)
    assert examples
    assert set(examples) <= {spec.id for spec in KEY_TABLE}


def test_uncommented_template_examples_load_without_problems(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "notes").mkdir()
    text = re.sub(r"^(\s*)# (\w[\w.]*: )", r"\1\2", CONFIG_TEMPLATE, flags=re.M)
    text = text.replace("~/articles/news", "news").replace("~/Documents/notes", "notes")
    settings = load(tmp_path, text)
    assert settings.problems == []
    assert settings.library_name == "news"
    assert settings.keys["article.next"] == "n"


def test_init_writes_the_template_once(tmp_path: Path) -> None:
    config = tmp_path / "deep" / "er" / "config.yaml"
    assert init_config(config) is True
    assert config.read_text(encoding="utf-8") == CONFIG_TEMPLATE
    config.write_text("theme: nord\n", encoding="utf-8")
    assert init_config(config) is False
    assert config.read_text(encoding="utf-8") == "theme: nord\n"
    assert [p.name for p in config.parent.iterdir()] == ["config.yaml"]  # no temp left


# The config command ------------------------------------------------------------------


def test_config_init_then_path_then_report(tmp_path: Path, capsys) -> None:
    config = tmp_path / "conf" / "config.yaml"
    assert cli.main(["config", "--init", "--config", str(config)]) == 0
    assert capsys.readouterr().out.strip() == str(config)
    assert config.read_text(encoding="utf-8").startswith("# tuireader configuration")
    assert cli.main(["config", "--init", "--config", str(config)]) == 1
    assert "exists already" in capsys.readouterr().err
    assert cli.main(["config", "--path", "--config", str(config)]) == 0
    assert capsys.readouterr().out.strip() == str(config)
    assert cli.main(["config", "--config", str(config)]) == 0
    assert "reading_width: 80" in capsys.readouterr().out


def test_config_path_follows_the_environment(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("TUIREADER_CONFIG", str(tmp_path / "env.yaml"))
    assert cli.main(["config", "--path"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "env.yaml")


def test_config_report_names_the_line_and_fails(tmp_path: Path, capsys) -> None:
    config = write_config(tmp_path, "theme: nord\nreading_width: wide\n")
    assert cli.main(["config", "--config", str(config)]) == 1
    out, err = capsys.readouterr()
    assert "theme: nord" in out and "reading_width: 80" in out
    assert f"config {config}, line 2: reading_width" in err


# Problems, each with its line, and the defaults ---------------------------------------


def test_broken_yaml_gives_the_line_and_the_defaults(tmp_path: Path) -> None:
    settings = load(tmp_path, "theme: nord\nkeys: {article.next: n\nreading_width: 90\n")
    assert defaults_of(settings) == defaults_of(Settings())
    [problem] = settings.problems
    assert "not valid YAML" in problem
    assert re.search(r"line [234]\b", problem)
    assert "starts on line 2" in problem


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("theme: nord\nreading_width: wide\n", 2, "whole number from 20 to 400"),
        ("\n\nreading_width: 5000\n", 3, "not 5000; using 80"),
        ("reading_width: true\n", 1, "not true"),
        ("mark_read: sometimes\n", 1, "one of open, end, never"),
        ("theme: nord\nlayout: tall\n", 2, "one of auto, wide, medium, reader, not 'tall'"),
        ("date_format: 12\n", 1, "strftime"),
        ("date_format: 2024-02-30\n", 1, "cannot read the value"),
        ("theme: [a, b]\n", 1, "theme name"),
        ("libraries: [a, b]\n", 1, "`name: folder`"),
        ("libraries:\n  news: 3\n", 2, "news needs a folder"),
        ("library: nowhere-at-all\n", 1, "neither a library name"),
        ("keys:\n  article.next: n\n  Not An Id: x\n", 3, "not a binding id"),
        ("keys:\n  article.next: 'ctrl+n, '\n", 2, "needs keys"),
        ("keys: n\n", 1, "`binding.id: keys`"),
        ("them: nord\n", 1, "did you mean 'theme'"),
        ("theme: nord\ntheme: gruvbox\n", 2, "set twice (also line 1)"),
        ("- theme\n", 1, "`name: value`"),
        ("? [a, b]\n: c\n", 1, "plain text"),
    ],
)
def test_each_mistake_is_reported_with_its_line(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    settings = load(tmp_path, text)
    config = tmp_path / "config.yaml"
    assert any(
        p.startswith(f"config {config}, line {line}: ") and words in p for p in settings.problems
    ), settings.problems


def test_a_mistake_costs_only_its_own_setting(tmp_path: Path) -> None:
    settings = load(tmp_path, "theme: nord\nreading_width: 9\nmark_read: end\n")
    assert (settings.theme, settings.reading_width, settings.mark_read) == ("nord", 80, "end")
    assert len(settings.problems) == 1


def test_python_tags_are_refused_not_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    settings = load(tmp_path, f"theme: !!python/object/apply:os.system ['touch {marker}']\n")
    assert not marker.exists()
    assert settings.theme == "textual-dark"
    assert "line 1" in settings.problems[0]


def test_an_alias_bomb_is_refused_without_expanding(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 12):  # 9**12 strings if anything walked it
        prev = "a" if n == 1 else f"l{n - 1}"
        lines.append(f"l{n}: &l{n} [{', '.join(['*' + prev] * 9)}]")
    lines.append("theme: *l11")
    settings = load(tmp_path, "\n".join(lines) + "\n")
    assert settings.theme == "textual-dark"
    assert any("theme must be a theme name, not a list" in p for p in settings.problems)


def test_deep_nesting_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    settings = load(tmp_path, "theme: " + "[" * 5000 + "]" * 5000 + "\n")
    assert settings.theme == "textual-dark"
    assert settings.problems


@pytest.mark.parametrize(
    ("data", "words"),
    [(b"theme: \xff\xfe\n", "not UTF-8"), (b"#" * (1024 * 1024 + 10), "larger than")],
    ids=["not-utf8", "over-1MiB"],
)
def test_unreadable_files_give_defaults(tmp_path: Path, data: bytes, words: str) -> None:
    path = tmp_path / "config.yaml"
    path.write_bytes(data)
    settings = load_settings(path)
    assert defaults_of(settings) == defaults_of(Settings())
    assert words in settings.problems[0]


def test_a_missing_or_empty_file_is_silent(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.yaml").problems == []
    assert load(tmp_path, "# only comments\n").problems == []
    assert load(tmp_path, "theme:\n").theme == "textual-dark"


# Libraries ----------------------------------------------------------------------------


@pytest.fixture
def two_libraries(tmp_path: Path) -> Settings:
    """A config naming two libraries (one relative to the config file), default second."""
    (tmp_path / "news").mkdir()
    (tmp_path / "notes").mkdir()
    text = f"libraries:\n  news: news\n  notes: {tmp_path / 'notes'}\nlibrary: notes\n"
    return load(tmp_path, text)


def test_libraries_are_named_and_relative_to_the_config(two_libraries, tmp_path) -> None:
    assert two_libraries.problems == []
    assert two_libraries.libraries == {"news": tmp_path / "news", "notes": tmp_path / "notes"}
    assert (two_libraries.library_name, two_libraries.library) == ("notes", tmp_path / "notes")


def test_without_a_default_the_first_library_opens(tmp_path: Path) -> None:
    settings = load(tmp_path, "libraries:\n  b: ~/b\n  a: /srv/a\n")
    assert settings.library_name == "b"
    assert settings.library == Path("~/b").expanduser()


def test_resolve_library_by_name_by_folder_and_by_default(two_libraries, tmp_path) -> None:
    assert resolve_library("news", two_libraries) == ("news", tmp_path / "news")
    assert resolve_library(str(tmp_path / "news"), two_libraries) == (None, tmp_path / "news")
    assert resolve_library(None, two_libraries) == ("notes", tmp_path / "notes")
    with pytest.raises(UnknownLibrary, match="news, notes"):
        resolve_library("sport", two_libraries)


@pytest.fixture
def fake_ui(monkeypatch) -> list[tuple]:
    """Stand in for the UI; record what run_app was given."""
    calls: list[tuple] = []
    module = types.ModuleType("tuireader.ui.app")

    def run_app(paths, settings, library, open_file=None) -> int:
        calls.append((settings, library))
        return 0

    module.run_app = run_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tuireader.ui.app", module)
    return calls


def test_library_option_opens_the_named_library(tmp_path: Path, fake_ui) -> None:
    (tmp_path / "news").mkdir()
    config = write_config(tmp_path, "libraries:\n  news: news\n")
    flags = ["--config", str(config), "--cache-dir", str(tmp_path / "c")]
    assert cli.main(["--library", "news", *flags]) == 0
    settings, library = fake_ui[0]
    assert (library, settings.library_name) == (tmp_path / "news", "news")


def test_library_option_with_an_unknown_name_is_a_usage_error(tmp_path, fake_ui, capsys) -> None:
    config = write_config(tmp_path, "libraries:\n  news: news\n")
    assert cli.main(["--library", "sport", "--config", str(config)]) == 2
    assert "no library named 'sport' (libraries: news)" in capsys.readouterr().err
    assert fake_ui == []


def test_subcommands_take_a_library_name(tmp_path: Path, capsys) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.md").write_text("---\ntitle: Named\n---\n\nText.\n")
    config = write_config(tmp_path, "libraries:\n  news: news\n")
    flags = ["--config", str(config), "--cache-dir", str(tmp_path / "c")]
    assert cli.main(["list", "news", *flags, "--data-dir", str(tmp_path / "d")]) == 0
    assert "Named" in capsys.readouterr().out


# Key remaps ---------------------------------------------------------------------------


def test_key_remaps_accept_strings_lists_and_digits(tmp_path: Path) -> None:
    text = "keys:\n  article.next: ctrl+n\n  app.help: [question_mark, f2]\n  list.top: 0\n"
    settings = load(tmp_path, text)
    assert settings.problems == []
    assert settings.keys == {
        "article.next": "ctrl+n",
        "app.help": "question_mark,f2",
        "list.top": "0",
    }


def test_unknown_binding_ids_are_dropped_with_their_line(tmp_path: Path) -> None:
    settings = load(tmp_path, "keys:\n  article.next: ctrl+n\n  bogus.action: x\n")
    assert settings.keys == {"article.next": "ctrl+n"}
    assert settings.problems == [
        f"config {tmp_path / 'config.yaml'}, line 3: "
        "keys: no binding has the id 'bogus.action'; ignored"
    ]


def test_a_remap_onto_a_key_bound_in_the_same_place_is_a_conflict(tmp_path: Path) -> None:
    settings = load(tmp_path, "theme: nord\nkeys:\n  article.next: n\n")
    assert settings.keys == {}  # J stays next-article's key; n stays find-next's
    [problem] = settings.problems
    assert problem.startswith(f"config {tmp_path / 'config.yaml'}, line 3: keys: article.next:")
    assert "n is already the key of find.next" in problem and "keeping J" in problem


def test_a_widget_key_that_would_shadow_a_screen_key_is_a_conflict(tmp_path: Path) -> None:
    settings = load(tmp_path, "keys:\n  list.down: m\n")  # m marks read on the library screen
    assert settings.keys == {}
    assert "m is already the key of article.toggle_read" in settings.problems[0]
    assert "in the article list" in settings.problems[0]


def test_keys_freed_by_another_remap_can_be_taken(tmp_path: Path) -> None:
    settings = load(tmp_path, "keys:\n  article.next: n\n  find.next: ctrl+n\n")
    assert settings.problems == []
    assert settings.keys == {"article.next": "n", "find.next": "ctrl+n"}


def test_keys_in_other_screens_do_not_clash(tmp_path: Path) -> None:
    settings = load(tmp_path, "keys:\n  search.save: ctrl+o\n")  # ctrl+o: history, elsewhere
    assert settings.problems == []


@pytest.mark.parametrize(
    ("keys", "arrives"),
    [
        ("ctrl+h", "backspace"),
        ("ctrl+i", "tab"),
        ("ctrl+m", "enter"),
        ("ctrl+left_square_bracket", "escape"),
    ],
)
def test_keys_a_terminal_cannot_send_are_refused(tmp_path: Path, keys: str, arrives: str) -> None:
    settings = load(tmp_path, f'keys:\n  app.help: "{keys}"\n')
    assert settings.keys == {}  # ? and f1 still open the help
    [problem] = settings.problems
    assert f"line 2: keys: app.help: terminals send {keys} as {arrives}" in problem
    assert "keeping question_mark, f1" in problem


def test_punctuation_keys_are_named_as_textual_names_them(tmp_path: Path) -> None:
    settings = load(tmp_path, 'keys:\n  app.help: "?, f2"\n')
    assert settings.problems == []
    assert settings.keys == {"app.help": "question_mark,f2"}


def test_config_command_lists_only_the_remaps_in_force(tmp_path: Path, capsys) -> None:
    config = write_config(tmp_path, "keys:\n  bogus.action: x\n  article.next: n\n")
    assert cli.main(["config", "--config", str(config)]) == 1
    out, err = capsys.readouterr()
    assert "keys: (no remaps)" in out and "bogus" not in out
    assert "line 2: keys: no binding has the id 'bogus.action'" in err
    assert "line 3: keys: article.next: n is already the key of find.next" in err


def test_config_init_in_a_folder_that_cannot_be_made(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert cli.main(["config", "--init", "--config", str(blocker / "config.yaml")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_an_unknown_theme_is_named_with_its_line_and_a_guess(tmp_path: Path) -> None:
    from tuireader.config.values import unknown_theme_problem

    themes = ["textual-dark", "nord", "gruvbox"]
    assert unknown_theme_problem(load(tmp_path, "theme: nord\n"), themes) is None
    problem = unknown_theme_problem(load(tmp_path, "\ntheme: nrod\n"), themes)
    assert problem == (
        f"config {tmp_path / 'config.yaml'}, line 2: "
        "theme 'nrod' is not a theme (did you mean 'nord'?); using the default"
    )


def test_a_key_remap_from_the_config_reaches_the_app(tmp_path: Path) -> None:
    import asyncio

    from tuireader.config import Paths
    from tuireader.ui.app import TuireaderApp

    config = write_config(tmp_path, "keys:\n  article.toggle_read: x\n")
    library = tmp_path / "lib"
    library.mkdir()
    (library / "a.md").write_text("---\ntitle: A\n---\n\nText.\n", encoding="utf-8")
    app = TuireaderApp(
        Paths(tmp_path / "d", tmp_path / "c", config), load_settings(config), library
    )

    async def bound_keys() -> dict[str, str]:
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(200):  # the main screen opens its library after the first paint
                if getattr(app.screen, "library", True) is not None:
                    break
                await pilot.pause(0.02)
            await app.workers.wait_for_complete()
            await pilot.pause()
            return {k: b.binding.action for k, b in app.screen.active_bindings.items()}

    keys = asyncio.run(bound_keys())
    assert keys.get("x") == "toggle_read"
    assert "m" not in keys


HOSTILE_FORMAT = "\x1b]0;PW\x07\x1b[2J%y"


@pytest.mark.parametrize(
    ("text", "setting", "default"),
    [
        (f'date_format: "{HOSTILE_FORMAT}"\n'.replace("\x1b", "\\e").replace("\x07", "\\a"),
         "date_format", "%Y-%m-%d"),
        ('theme: "nord\\e]0;PW\\a"\n', "theme", "textual-dark"),
        ('theme: "nord\\u202e"\n', "theme", "textual-dark"),
        ('date_format: "%Y\\x9b2J"\n', "date_format", "%Y-%m-%d"),
    ],
)  # fmt: skip
def test_control_characters_in_shown_settings_are_refused(
    tmp_path: Path, text: str, setting: str, default: str
) -> None:
    settings = load(tmp_path, text)
    assert getattr(settings, setting) == default
    assert len(settings.problems) == 1
    assert "control characters" in settings.problems[0]
    assert "line 1" in settings.problems[0]


def test_library_name_with_control_characters_is_cleaned_and_reported(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    settings = load(tmp_path, 'libraries:\n  "ne\\e]0;PW\\aws": news\n')
    assert list(settings.libraries) == ["news"]
    assert settings.libraries["news"] == tmp_path / "news"
    assert len(settings.problems) == 1 and "control characters" in settings.problems[0]


def test_config_command_reports_a_hostile_date_format(tmp_path: Path, capsys) -> None:
    config = write_config(tmp_path, 'date_format: "\\e]0;PW\\a\\e[2J%y"\n')
    assert cli.main(["config", "--config", str(config)]) == 1
    out = capsys.readouterr()
    assert "date_format: '%Y-%m-%d'" in out.out
    assert "control characters" in out.err
    assert "\x1b" not in out.out + out.err and "\x07" not in out.out + out.err


def test_each_layout_is_a_setting(tmp_path: Path) -> None:
    from tuireader.config.values import LAYOUTS

    assert Settings().layout == "auto"
    for layout in LAYOUTS:
        settings = load(tmp_path, f"layout: {layout}\n")
        assert (settings.layout, settings.problems) == (layout, [])
