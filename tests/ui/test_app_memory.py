"""The UI session file: theme and last article survive a restart; failures never raise."""

from __future__ import annotations

import json
from pathlib import Path

from tuireader.ui.remembered import FILE_NAME, Remembered


def test_theme_and_last_article_survive_a_new_session(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    first = Remembered(tmp_path / "data")
    first.set_theme("gruvbox")
    first.set_last_article(library, "中文/一.md")
    again = Remembered(tmp_path / "data")
    assert again.theme == "gruvbox"
    assert again.last_article(library) == "中文/一.md"
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == [FILE_NAME]  # no temp left


def test_a_broken_file_reads_as_empty(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_text("{not json", encoding="utf-8")
    session = Remembered(tmp_path)
    assert session.theme is None
    session.set_theme("nord")
    assert json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8")) == {"theme": "nord"}


def test_an_unwritable_data_dir_is_ignored(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    session = Remembered(blocker)
    session.set_theme("nord")  # must not raise
    assert session.theme == "nord"
    assert blocker.read_text(encoding="utf-8").startswith("a file")


def test_layout_is_remembered_per_library_and_bad_values_fall_back(tmp_path: Path) -> None:
    from tuireader.ui.pane_plan import LayoutMemory, PaneSizes

    news, notes = tmp_path / "news", tmp_path / "notes"
    news.mkdir()
    notes.mkdir()
    memory = LayoutMemory("reader", "auto", PaneSizes(30, 6, 5, 40), fullscreen=True)
    Remembered(tmp_path / "data").set_layout(news, memory)
    again = Remembered(tmp_path / "data")
    assert again.layout(news) == memory
    assert again.layout(notes) is None
    path = tmp_path / "data" / FILE_NAME
    data = json.loads(path.read_text(encoding="utf-8"))
    data["layout"][str(news.resolve())] = {
        "choice": 3, "sizes": {"tree_width": -5, "list_rows": True, "side_list_width": 50},
        "fullscreen": "yes",
    }  # fmt: skip
    path.write_text(json.dumps(data), encoding="utf-8")
    assert Remembered(tmp_path / "data").layout(news) == LayoutMemory(
        sizes=PaneSizes(side_list_width=50)
    )
