"""The app reads a library in the encodings the config sets for it (``encodings``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import SIZE, settle

pytestmark = pytest.mark.anyio

# Our own text, saved as GBK: it reads cleanly as Big5 too (as nonsense).
TITLE = "旧城的新书店"
TEXT = f"{TITLE}\n\n这是一段用国标码保存的文字，说明旧档案的编码与阅读的方法。\n"


@pytest.fixture
def gbk_library(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    for folder in ("old", "new"):
        (root / folder).mkdir(parents=True)
        (root / folder / "a.txt").write_bytes(TEXT.encode("gbk"))
    return root


async def test_the_app_scans_with_the_config_s_encodings_for_its_library(gbk_library, make_app):
    encodings = [("lib", "old/**", "big5"), ("elsewhere", "**", "utf-8")]
    app = make_app(gbk_library, libraries={"lib": gbk_library}, encodings=encodings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        old = app.library.row_for_path("old/a.txt")
        new = app.library.row_for_path("new/a.txt")
    assert (old.encoding, new.encoding) == ("big5", "gbk")
    assert old.title != TITLE and new.title == TITLE
