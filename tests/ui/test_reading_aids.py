"""Reading aids through the keyboard: t (简/繁), d (dictionary), p (pinyin), i (statistics)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import SIZE, settle
from tuireader.state import StateStore

pytestmark = pytest.mark.anyio

# Written in Traditional characters.
TRADITIONAL = "經濟發展需要耐心。後來，銀行行長寫了一本書。"


@pytest.fixture
def zh_library(tmp_path: Path) -> Path:
    root = tmp_path / "zh"
    root.mkdir()
    (root / "bank.md").write_text(
        f"---\ntitle: 銀行\ndate: 2024-03-01\n---\n\n{TRADITIONAL}\n\nThe end.\n", encoding="utf-8"
    )
    return root


def shown_text(reader) -> str:
    """What the reader's visible rows show."""
    return "\n".join(reader.render_line(y).text for y in range(reader.size.height))


async def open_bank(pilot):
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    return pilot.app.screen


def stored(paths) -> list:
    store = StateStore.open(paths.state_db, backups=False)
    try:
        return store.bookmarks.page("", 0, 100)
    finally:
        store.close()


async def test_a_passage_bookmarked_in_simplified_is_the_same_place_everywhere(
    zh_library, make_app, paths
):
    app = make_app(zh_library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bank(pilot)
        await pilot.press("t")  # as written → Simplified
        await settle(pilot)
        assert "后来，银行行长写了一本书。" in shown_text(screen.reader)
        await pilot.press("v", "j", "b")  # two sentences
        await settle(pilot)
        (saved,) = stored(paths)
        block = screen.reader.article.blocks[saved.block].text
        assert saved.quote == block[saved.start : saved.end] == TRADITIONAL
        await pilot.press("t")  # Simplified → Traditional
        await settle(pilot)
        assert "後來，銀行行長寫了一本書。" in shown_text(screen.reader)
        await pilot.press("v", "j")  # the same sentences, chosen again
        start, end = screen.reader.selection
        assert (start.block, start.offset, end.offset) == (saved.block, saved.start, saved.end)
        await pilot.press("escape", "t")  # back to the text as written
        await settle(pilot)
        assert TRADITIONAL in shown_text(screen.reader)


async def test_the_script_setting_applies_at_start(zh_library, make_app):
    app = make_app(zh_library, script="simplified")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bank(pilot)
        assert "经济发展需要耐心。" in shown_text(screen.reader)


async def test_d_looks_up_the_word_and_keeps_it(zh_library, make_app, paths):
    app = make_app(zh_library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bank(pilot)
        before = shown_text(screen.reader)
        await pilot.press("d")
        await settle(pilot)
        popup = screen.dictionary_panel
        assert popup.display and popup.has_focus
        text = str(popup.query_one("#dictionary-entries").render())
        assert "經濟發展" in text and "jīng jì fā zhǎn" in text
        assert "經濟" in text and "發展" in text  # the word's parts
        assert shown_text(screen.reader) == before  # the text did not move
        await pilot.press("escape")
        await settle(pilot)
        assert not popup.display and screen.reader.has_focus
    store = StateStore.open(paths.state_db, backups=False)
    words = store.vocab.words()
    store.close()
    assert [(w.word, w.pinyin) for w in words] == [("經濟發展", "jīng jì fā zhǎn")]
    assert words[0].context == "經濟發展需要耐心。"


async def test_p_shows_pinyin_above_the_text_and_hides_it_again(zh_library, make_app):
    app = make_app(zh_library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bank(pilot)
        await pilot.press("p")
        await settle(pilot)
        lines = shown_text(screen.reader).splitlines()
        ruby = next(n for n, line in enumerate(lines) if "jīng" in line)
        assert "jì" in lines[ruby] and "fā" in lines[ruby] and "zhǎn" in lines[ruby]
        assert lines[ruby + 1].strip().startswith("經")
        # Each character sits at the start of its reading's slot.
        assert lines[ruby].index("jīng") == lines[ruby + 1].index("經")
        await pilot.press("p")
        await settle(pilot)
        assert "jīng" not in shown_text(screen.reader)
        assert TRADITIONAL in shown_text(screen.reader)


async def test_i_shows_the_reading_statistics(zh_library, make_app):
    app = make_app(zh_library)
    async with app.run_test(size=SIZE) as pilot:
        await open_bank(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert type(app.screen).__name__ == "StatsScreen"
        summary = str(app.screen.query_one("#stats-summary").render())
        assert "read on 1 of the last 30 days" in summary and "1 finished" in summary
        articles = str(app.screen.query_one("#stats-articles").render())
        assert "銀行" in articles
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "MainScreen"
