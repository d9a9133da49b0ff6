"""The article info view (I) and decoding warnings on the problems view (P)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from tests.ui.conftest import SIZE, settle

pytestmark = pytest.mark.anyio
LABELLED = (
    "【 文献号 】9-0001\n【原文出处】山乡研究\n【原刊期号】199805\n【 标  题 】河谷集市\n"
    "【 作  者 】马小川/宁远\n【 正  文 】\n    河谷小城每逢农历三六九有集，四乡的人都来。\n"
)


def _library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    (root / "archive").mkdir(parents=True)
    (root / "archive" / "a.txt").write_bytes(LABELLED.encode("gb18030"))
    broken = "标题：坏字节\n这一段文字中间有坏掉的字节。\n".encode("gbk")
    (root / "archive" / "b.txt").write_bytes(broken * 30 + b"\xff\xfe" + broken * 30)
    return root


def _texts(screen) -> str:
    return "\n".join(str(widget.render()) for widget in screen.query(Static))


async def test_info_view_shows_fields_and_other_labels(tmp_path, make_app):
    library = _library(tmp_path)
    app = make_app(library, open_file=library / "archive" / "a.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("I")
        await pilot.pause()
        shown = _texts(app.screen)
        assert "河谷集市" in shown and "山乡研究" in shown and "1998-05" in shown
        assert "文献号: 9-0001" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert "文献号" not in _texts(app.screen)


async def test_problems_view_lists_files_decoded_with_warnings(tmp_path, make_app):
    library = _library(tmp_path)
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert any("b.txt" in row[0] and "replaced" in row[1] for row in rows)
        assert "decoded with warnings" in _texts(app.screen)
