"""Bookmarks and notes through the keyboard: v j b, a, y, B (filter, open, delete, undo)."""

from __future__ import annotations

import pytest

from tests.ui.conftest import SIZE, settle
from tuireader.library.model import Anchor
from tuireader.state import StateStore
from tuireader.ui.library import BOOKMARKED

pytestmark = pytest.mark.anyio


async def open_first(pilot) -> object:
    """Wait for the scan, open the article under the cursor (Harbour cranes return)."""
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    return pilot.app.screen


def stored(paths) -> list:
    """Every bookmark in state.db, read through a connection of its own."""
    store = StateStore.open(paths.state_db, backups=False)
    try:
        return store.bookmarks.page("", 0, 1000)
    finally:
        store.close()


def bookmark_layer(reader, block: int) -> list[tuple[str, int, int]]:
    """The bookmark highlights the reader draws in one block."""
    text = reader.article.blocks[block].text
    return [span for span in reader.highlights_in(block, 0, len(text)) if span[0] == "bookmark"]


async def bookmark_two_sentences(pilot) -> object:
    """Open the first article, select two sentences with v j and bookmark them with b."""
    screen = await open_first(pilot)
    await pilot.press("v", "j", "b")
    await settle(pilot)
    return screen


async def test_v_j_b_stores_the_passage_and_highlights_it(library, make_app, paths):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await bookmark_two_sentences(pilot)
        (saved,) = stored(paths)
        assert saved.quote.startswith("Paragraph 0 of Harbour cranes return.")
        assert saved.quote.count(".") == 2  # two whole sentences
        assert saved.title == "Harbour cranes return"
        assert screen.reader.selection is None
        assert bookmark_layer(screen.reader, saved.block) == [("bookmark", saved.start, saved.end)]


async def test_a_on_a_selection_bookmarks_it_with_a_chinese_note(library, make_app, paths):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("v", "a")
        await settle(pilot)
        assert type(app.screen).__name__ == "NoteEditor"
        app.screen.query_one("#note-text").insert("值得再读\nsecond line")
        await pilot.press("ctrl+s")
        await settle(pilot)
        (saved,) = stored(paths)
        assert saved.note == "值得再读\nsecond line"
        strip = app.screen.query_one("#note-strip")
        assert strip.display and "值得再读" in str(strip.render())


async def test_escape_in_the_note_editor_saves_nothing(library, make_app, paths):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await bookmark_two_sentences(pilot)
        await pilot.press("a")
        await settle(pilot)
        app.screen.query_one("#note-text").insert("draft")
        await pilot.press("escape")
        await settle(pilot)
        assert [b.note for b in stored(paths)] == [""]


async def test_y_copies_the_selection_with_title(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("v", "y")
        await settle(pilot)
        assert app.clipboard.startswith("Paragraph 0 of Harbour cranes return.")
        assert "— Harbour cranes return, 2024-03-01" in app.clipboard


async def test_B_lists_filters_and_opens_at_the_passage(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(pilot)
        for _ in range(20):  # a passage far down the article
            await pilot.press("space")
        await pilot.press("v", "b")
        await settle(pilot)
        far = app.library.state.bookmarks.page()[0]
        await pilot.press("g", "v", "b", "h", "j", "enter")  # then open another article
        await settle(pilot)
        assert screen.current.title == "River levels fall"
        await pilot.press("B")
        await settle(pilot)
        listing = app.screen.bookmark_list
        assert listing.count == 2
        await pilot.press("slash", *f"paragraph {far.quote.split()[1]}")
        await pilot.pause(0.3)
        assert listing.count == 1 and listing.current.id == far.id
        await pilot.press("enter", "enter")  # leave the filter box, then open
        await settle(pilot)
        assert app.screen is screen and screen.current.title == "Harbour cranes return"
        assert screen.reader.in_view(Anchor(far.block, far.start))
        assert bookmark_layer(screen.reader, far.block)


async def test_delete_in_the_list_can_be_undone(library, make_app, paths):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await bookmark_two_sentences(pilot)
        await pilot.press("B")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert stored(paths) == [] and app.screen.bookmark_list.count == 0
        await pilot.press("u")
        await settle(pilot)
        assert len(stored(paths)) == 1 and app.screen.bookmark_list.count == 1


async def test_note_edited_in_the_list(library, make_app, paths):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await bookmark_two_sentences(pilot)
        await pilot.press("B", "a")
        await settle(pilot)
        app.screen.query_one("#note-text").insert("from the list")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [b.note for b in stored(paths)] == ["from the list"]
        assert app.screen.bookmark_list.count == 1
        assert app.screen.bookmark_list.current.note == "from the list"  # shown at once


async def test_b_on_the_list_bookmarks_the_article_with_a_star(library, make_app, paths):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("j", "b")
        await settle(pilot)
        (saved,) = stored(paths)
        assert saved.title == "River levels fall" and saved.quote is None
        assert screen.article_list.row_at(1).bookmarked
        assert not screen.article_list.row_at(0).bookmarked


async def test_bookmarked_section_lists_bookmarked_articles(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("j", "j", "b")
        await settle(pilot)
        label = str(screen.section_tree.root.children[0].label)
        assert label.startswith("★ Bookmarked") and label.endswith("1/1")  # unread/total
        screen.section_tree.select_path(BOOKMARKED)
        await settle(pilot)
        assert screen.listing.name == "★ Bookmarked"
        listing = screen.article_list
        assert [listing.row_at(i).title for i in range(listing.row_count)] == ["Night market opens"]


async def test_highlight_comes_back_after_a_restart(library, make_app, paths):
    async with make_app(library).run_test(size=SIZE) as pilot:
        await bookmark_two_sentences(pilot)
    (saved,) = stored(paths)
    async with make_app(library).run_test(size=SIZE) as pilot:
        await settle(pilot)  # the last article reopens by itself
        reader = pilot.app.screen.reader
        assert reader.article is not None and reader.article.title == "Harbour cranes return"
        assert bookmark_layer(reader, saved.block) == [("bookmark", saved.start, saved.end)]


async def test_parentheses_grow_and_shrink_the_selection(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(pilot)
        await pilot.press("right_parenthesis", "right_parenthesis")
        await settle(pilot)
        two = screen.reader.selection
        await pilot.press("left_parenthesis")
        await settle(pilot)
        one = screen.reader.selection
        assert two is not None and one is not None
        assert one[0] == two[0]
        assert (one[1].block, one[1].offset) < (two[1].block, two[1].offset)


async def test_enter_on_an_orphaned_bookmark_keeps_the_list(library, make_app, paths):
    async with make_app(library).run_test(size=SIZE) as pilot:
        await bookmark_two_sentences(pilot)
    (library / "news/world/harbour.md").unlink()
    async with make_app(library).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("B")
        await settle(pilot)
        listing = pilot.app.screen.bookmark_list
        assert listing.is_orphaned(listing.current.id)
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen.bookmark_list is listing  # still on the bookmarks screen
        assert len(stored(paths)) == 1


async def test_a_mouse_drag_selects_whole_sentences(library, make_app):
    from textual.events import MouseMove

    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(pilot)
        reader = screen.reader
        opening = reader.article.blocks[0].text[:20]
        rows = [reader.render_line(y).text for y in range(reader.size.height)]
        line = next(y for y, text in enumerate(rows) if opening in text)  # first text row
        x = rows[line].index(opening) + 3
        await pilot.mouse_down(reader, offset=(x, line))
        # A move with the button held, as the terminal reports a drag.
        to = reader.region.offset + (x + 10, line + 2)
        app.post_message(MouseMove(None, to.x, to.y, 0, 0, 1, False, False, False, to.x, to.y))
        await pilot.pause()
        await pilot.mouse_up(reader, offset=(x + 10, line + 2))
        await settle(pilot)
        selection = reader.selection
        assert selection is not None and selection[0].offset == 0
        assert reader.article.blocks[0].text[selection[1].offset - 1] == "."
        await pilot.press("b")
        await settle(pilot)
        assert app.library.state.bookmarks.count() == 1


async def test_the_same_passage_is_not_bookmarked_twice(library, make_app, paths):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await bookmark_two_sentences(pilot)
        await pilot.press("v", "j", "b")
        await settle(pilot)
        assert len(stored(paths)) == 1


async def test_marking_the_bookmarked_section_read_marks_its_articles(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("j", "j", "b")
        await settle(pilot)
        screen.section_tree.select_path(BOOKMARKED)
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        assert screen.article_list.row_at(0).read
        assert app.library.state.marks.is_read(screen.article_list.row_at(0).fingerprint)


async def test_b_in_the_reader_without_a_selection_bookmarks_the_article(library, make_app, paths):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("b")
        await settle(pilot)
        (saved,) = stored(paths)
        assert saved.quote is None and saved.title == "Harbour cranes return"


async def test_a_on_the_list_notes_the_article(library, make_app, paths):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        app.screen.query_one("#note-text").insert("read with tea")
        await pilot.press("ctrl+s")
        await settle(pilot)
        (saved,) = stored(paths)
        assert (saved.quote, saved.note) == (None, "read with tea")
        assert app.screen.article_list.row_at(0).bookmarked


async def test_B_opens_again_on_the_bookmark_opened_last(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await bookmark_two_sentences(pilot)
        await pilot.press("h", "j", "b", "B")  # River levels fall, whole article
        await settle(pilot)
        listing = app.screen.bookmark_list
        assert listing.current.title == "Harbour cranes return"  # sorted by title
        await pilot.press("j", "enter")
        await settle(pilot)
        await pilot.press("B")
        await settle(pilot)
        assert app.screen.bookmark_list.current.title == "River levels fall"


async def test_markup_and_escapes_in_titles_and_notes_stay_text(tmp_path, make_app, paths):
    from tests.conftest import write_article

    root = tmp_path / "hostile"
    write_article(root, "x.md", "Odd [/x] [@click=app.quit]q[/]", "2024-01-01", 3)
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("v", "a")
        await settle(pilot)
        app.screen.query_one("#note-text").insert("[b]not bold[/b] \x1b]0;title\x07end")
        await pilot.press("ctrl+s")
        await settle(pilot)
        (saved,) = stored(paths)
        assert saved.note == "[b]not bold[/b] end"
        await pilot.press("B", "a")  # the editor's title holds the article title
        await settle(pilot)
        assert "[/x]" in str(app.screen.query_one("#note-frame").border_title)
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert app.is_running and "[b]not bold[/b]" in str(
            app.screen.query_one("#note-strip").render()
        )


async def test_a_bookmarked_article_edited_then_moved_is_not_orphaned(library, make_app, paths):
    from tests.conftest import write_article

    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "b")  # "River levels fall", the whole article
        await settle(pilot)
    old = library / "news/world/river.md"
    write_article(library, "news/world/river.md", "River levels fall", "2024-02-01", 5)  # edited
    old.rename(library / "essays" / "river.md")  # then moved
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("B")
        await settle(pilot)
        listing = app.screen.bookmark_list
        assert not listing.is_orphaned(listing.current.id)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.current.path == "essays/river.md"
        assert [b.path for b in stored(paths)] == ["essays/river.md"]  # found there since
