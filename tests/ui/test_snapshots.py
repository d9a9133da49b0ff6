"""Snapshots of the screens at a fixed size (pytest-textual-snapshot; update with
``--snapshot-update`` after checking the new SVG by eye)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.ui.conftest import SIZE, settle

SEED = Path(__file__).resolve().parents[2] / "sample_articles" / "新闻" / "张掖"
SEED_FILE = "2022-11-01-学习贯彻党的二十大精神.txt"


async def wait_for_scan(pilot) -> None:
    """Let the scan finish and the list settle before the picture is taken."""
    await settle(pilot)


async def open_first(pilot) -> None:
    """Open the first article and let the reader lay it out."""
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


# The three layouts: wide (tree, list, reader), medium (stacked), reader (one pane).
SIZES = pytest.mark.parametrize("size", [SIZE, (80, 24), (50, 20)], ids=lambda s: f"{s[0]}x{s[1]}")


@SIZES
def test_main_screen(snap_compare, library, make_app, size):
    assert snap_compare(make_app(library), terminal_size=size, run_before=wait_for_scan)


@SIZES
def test_seed_article_open(snap_compare, tmp_path, make_app, size):
    if not (SEED / SEED_FILE).is_file():
        pytest.skip("the seed article is not in sample_articles")
    library = tmp_path / "seed-library" / "张掖"
    library.mkdir(parents=True)
    shutil.copy(SEED / SEED_FILE, library / SEED_FILE)
    app = make_app(library.parent)
    assert snap_compare(app, terminal_size=size, run_before=open_first)


def test_help_screen(snap_compare, library, make_app):
    assert snap_compare(
        make_app(library),
        terminal_size=SIZE,
        press=["_", "question_mark"],
        run_before=wait_for_scan,
    )


def test_light_theme(snap_compare, library, make_app):
    app = make_app(library, theme="textual-light")
    assert snap_compare(app, terminal_size=SIZE, run_before=open_first)


DOC = """---
title: 表格、代码与链接
date: 2024-05-06
---

这一页检查文档的画法：**加粗**、*强调*、`行内代码`，以及一个[相对链接](other.md#第二节)。

| 名称     | 类型   | 说明                                                     |
|----------|:------:|---------------------------------------------------------:|
| 列宽     | 按格   | 中文字符占两个格，列宽按格计算。                          |
| wrapping | cells  | A long cell wraps inside its own column when the table is wider than the pane. |

```python
def measure(text: str) -> int:  # a comment long enough to run past the right edge of the reading column
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
```

See [the web page](https://example.org/guide) too.
"""


def write_doc(root: Path) -> Path:
    """A Markdown page with a CJK table, a long code line and links (our own text)."""
    root.mkdir(parents=True)
    (root / "other.md").write_text("# 另一页\n\n## 第二节\n\n正文。\n", encoding="utf-8")
    page = root / "doc.md"
    page.write_text(DOC, encoding="utf-8")
    return page


async def open_doc(pilot) -> None:
    """Let the page open in the reader and settle."""
    await settle(pilot)
    pilot.app.screen.reader.focus()
    await settle(pilot)


def test_markdown_tables_code_and_links(snap_compare, tmp_path, make_app):
    page = write_doc(tmp_path / "docs")
    app = make_app(page.parent, page)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_doc)


def test_code_scrolled_sideways_and_a_link_chosen(snap_compare, tmp_path, make_app):
    page = write_doc(tmp_path / "docs")
    app = make_app(page.parent, page)
    assert snap_compare(app, terminal_size=SIZE, press=["right", "l"], run_before=open_doc)
