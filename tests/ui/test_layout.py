"""The library screen at every terminal size: which panes show, their sizes, the keys and
the mouse that change them, what is remembered, and what follows a resize."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from tests.ui.conftest import SIZE, settle
from tuireader.ui.pane_plan import WIDE_MIN

pytestmark = pytest.mark.anyio

SIZES = [(120, 36), (80, 24), (50, 20)]


def status_text(screen) -> str:
    return str(screen.status.render())


def line_text(widget, y: int) -> str:
    return "".join(segment.text for segment in widget.render_line(y))


async def opened(pilot, *keys: str):
    """Wait for the scan, press ``keys`` then Enter (open the article under the cursor)."""
    await settle(pilot)
    await pilot.press(*keys, "enter")
    await settle(pilot)
    return pilot.app.screen


def assert_inside_parents(screen) -> None:
    """No widget shown on the screen reaches past the region of its parent."""
    for widget in screen.query("*"):
        parent = widget.parent
        if not widget.display or widget.region.area == 0 or parent is screen:
            continue
        if parent is None or not hasattr(parent, "region"):
            continue
        if widget.styles.layer == "overlay" or parent.styles.overflow_y == "auto":
            continue  # floats over the panes; scrolled content (the help text)
        assert parent.region.contains_region(widget.region), (widget, parent)


def shown(widget) -> bool:
    """Whether a pane takes room on the screen (folded-away panes keep a 0 height)."""
    return widget.display and widget.region.area > 0


# -- every size: nothing past a border -------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_no_widget_reaches_past_its_parent(library, make_app, size):
    app = make_app(library)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert_inside_parents(app.screen)  # the list
        await pilot.press("enter")
        await settle(pilot)
        assert_inside_parents(app.screen)  # reading
        await pilot.press("h", "h")
        await settle(pilot)
        assert app.screen.focused is app.screen.section_tree
        assert_inside_parents(app.screen)  # the tree


@pytest.mark.parametrize("size", SIZES)
async def test_list_rows_fill_the_pane_exactly(library, make_app, size):
    app = make_app(library, date_format="%A %d %B %Y")  # a long date format too
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        articles = app.screen.article_list
        width = articles.scrollable_content_region.width
        for y in range(articles.row_count):
            assert cell_len(line_text(articles, y)) == width


@pytest.mark.parametrize("size", SIZES)
async def test_tree_counts_are_whole_and_clear_of_the_border(tmp_path, make_app, size):
    from tests.conftest import write_article

    library = tmp_path / "library"
    for n in range(12):  # a long section name and a four-digit-wide count
        write_article(library, f"C31-Environment-and-Climate/{n}.md", f"T{n}", "2024-01-01", 1)
    write_article(library, "short/a.md", "A", "2024-01-02", 1)
    app = make_app(library)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("h")  # the tree (unfolded where the layout folds it)
        await pilot.press(*["ctrl+left"] * 10)  # as narrow as the tree gets
        await settle(pilot)
        tree = app.screen.section_tree
        width = tree.scrollable_content_region.width
        lines = [line_text(tree, y) for y in range(4)]
        counts = ["13/13", "0/0", "12/12", "1/1"]  # root, Bookmarked, then the sections
        for line, count in zip(lines, counts, strict=True):
            assert cell_len(line) == width
            assert line.endswith(f" {count} "), line  # whole, one blank cell before the border
        assert "C31" in lines[2]  # the name gives way, not the count


# -- the three layouts ----------------------------------------------------------------------


async def test_wide_shows_tree_list_and_reader_side_by_side(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        tree, articles, reader = screen.section_tree, screen.article_list, screen.reader
        assert screen.pane_layout.mode == "wide"
        assert all(shown(widget) for widget in (tree, articles, reader))
        assert tree.region.right <= articles.region.x
        assert articles.region.bottom <= reader.region.y
        assert reader.size.height > articles.size.height  # the reader gets the most room


async def test_medium_gives_the_reader_the_room_at_80x24(library, make_app):
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.pane_layout.mode == "medium"
        articles = screen.article_list
        assert not shown(screen.section_tree)
        assert articles.size.height >= 5  # choosing: the list shows its rows
        await pilot.press("enter")
        await settle(pilot)
        reader = screen.reader
        assert reader.size.width >= 70 and reader.size.height >= 20
        assert articles.region.height == 1  # the section bar: the list's title line
        await pilot.press("h")  # back to the list: it unfolds
        await settle(pilot)
        assert screen.focused is articles and articles.size.height >= 5
        await pilot.press("h")  # the tree, in the list's place
        await settle(pilot)
        assert screen.focused is screen.section_tree and shown(screen.section_tree)
        await pilot.press("l")  # the root is open: on to the list
        await settle(pilot)
        assert screen.focused is articles and not shown(screen.section_tree)


async def test_narrow_shows_one_pane_at_a_time(library, make_app):
    app = make_app(library)
    async with app.run_test(size=(50, 20)) as pilot:
        await settle(pilot)
        screen = app.screen
        tree, articles, pane = screen.section_tree, screen.article_list, screen.reader_pane
        assert screen.pane_layout.mode == "reader"
        assert shown(articles) and not shown(tree) and not shown(pane)
        assert articles.region.width == 50
        await pilot.press("enter")
        await settle(pilot)
        reader = screen.reader
        assert not shown(articles) and not shown(tree)
        assert reader.region.height == 20 - 2  # all but the status line and the footer
        assert reader.size.width >= 46
        await pilot.press("h", "h")
        await settle(pilot)
        assert screen.focused is tree and shown(tree)
        assert not shown(articles) and not shown(pane)
        await pilot.press("tab")  # Tab still reaches the panes folded away
        await settle(pilot)
        assert screen.focused is articles and shown(articles)


async def test_config_layout_reader_on_a_big_terminal(library, make_app):
    app = make_app(library, layout="reader")
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        assert screen.pane_layout.mode == "reader"
        assert not shown(screen.article_list)
        assert screen.reader.region.width > 100


async def test_w_cycles_the_layouts_from_the_list_and_the_reader(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        assert screen.focused is screen.reader  # the reader's own keys do not take w
        layout = screen.pane_layout
        modes = []
        for _ in range(4):
            await pilot.press("w")
            await settle(pilot)
            modes.append((layout.choice, layout.mode))
        assert modes == [
            ("wide", "wide"),
            ("medium", "medium"),
            ("reader", "reader"),
            ("auto", "wide"),
        ]


async def test_auto_follows_the_terminal_size(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        for size, mode in [((80, 24), "medium"), ((50, 20), "reader"), (WIDE_MIN, "wide")]:
            await pilot.resize_terminal(*size)
            await settle(pilot)
            assert screen.pane_layout.mode == mode
            assert_inside_parents(screen)


# -- sizes: keys and the mouse ------------------------------------------------------------


async def test_ctrl_arrows_resize_the_panes_within_limits(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        tree, articles, reader = screen.section_tree, screen.article_list, screen.reader
        width, rows = tree.region.width, articles.region.height
        await pilot.press("ctrl+right")
        await pilot.press("ctrl+down")
        await settle(pilot)
        assert tree.region.width == width + 2
        assert articles.region.height == rows + 1
        for _ in range(30):
            await pilot.press("ctrl+right", "ctrl+down")
        await settle(pilot)
        assert tree.region.width <= SIZE[0] // 3  # the reader keeps the most room
        assert reader.size.height >= articles.size.height
        for _ in range(30):
            await pilot.press("ctrl+left", "ctrl+up")
        await settle(pilot)
        assert tree.region.width >= 16 and articles.size.height >= 2


async def test_dragging_the_bars_resizes_the_panes(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        tree, articles = screen.section_tree, screen.article_list
        bar = screen.tree_splitter
        target = (bar.region.x + 6, bar.region.y)
        await pilot.mouse_down(bar)
        await pilot.hover(None, target)
        await pilot.mouse_up(None, target)
        await settle(pilot)
        assert tree.region.width == 28 + 6
        bar = screen.list_splitter
        rows = articles.region.height
        target = (bar.region.x, bar.region.y + 3)
        await pilot.mouse_down(bar)
        await pilot.hover(None, target)
        await pilot.mouse_up(None, target)
        await settle(pilot)
        assert articles.region.height == rows + 3


async def test_layout_sizes_and_full_screen_are_remembered(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("ctrl+right", "ctrl+right", "ctrl+down", "f")
        await settle(pilot)
    again = make_app(library)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause(0.1)
        screen = again.screen
        assert screen.current is not None  # the last article reopens...
        assert screen.pane_layout.fullscreen  # ...in full screen
        assert not shown(screen.section_tree)
        await pilot.press("escape")
        await settle(pilot)
        assert screen.section_tree.region.width == 28 + 4
        assert screen.article_list.region.height == 12 + 1
    other = library.parent / "other"
    other.mkdir()
    (other / "a.md").write_text("# A\n\nText.\n", encoding="utf-8")
    elsewhere = make_app(other)
    async with elsewhere.run_test(size=SIZE) as pilot:  # another library: its own layout
        await settle(pilot)
        assert elsewhere.screen.section_tree.region.width == 28


async def test_a_new_config_layout_wins_over_the_remembered_choice(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w", "w")  # medium, remembered
        await settle(pilot)
    again = make_app(library)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.screen.pane_layout.mode == "medium"
    edited = make_app(library, layout="reader")
    async with edited.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert edited.screen.pane_layout.mode == "reader"


# -- defect 10: what follows a resize, the note strip ----------------------------------


async def test_reading_percent_follows_a_resize(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, "G")  # "On tea": short, the whole of it fits
        await pilot.pause(0.4)
        assert "reading: 100%" in status_text(app.screen)
        await pilot.resize_terminal(50, 20)
        await pilot.pause(0.4)  # the position is reported once the reader is still
        assert "reading: 0%" in status_text(app.screen)


def text_left(reader) -> int:
    """The screen column where the reader's text starts (its first non-blank cell)."""
    lefts = []
    for y in range(reader.size.height):
        line = line_text(reader, y)
        if line.strip():
            lefts.append(len(line) - len(line.lstrip()))
    return reader.content_region.x + min(lefts)


@pytest.mark.parametrize("fullscreen", [False, True])
async def test_note_strip_lines_up_with_the_text_column(library, make_app, fullscreen):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        if fullscreen:
            await pilot.press("f")
        await pilot.press("v")  # selecting: the strip says which keys act on it
        await settle(pilot)
        screen = app.screen
        strip = screen.reader_pane.note_strip()
        assert strip.display
        assert strip.content_region.x == text_left(screen.reader)


async def test_a_wide_short_terminal_reads_with_the_list_beside(library, make_app):
    app = make_app(library)
    async with app.run_test(size=(140, 24)) as pilot:
        screen = await opened(pilot)
        articles, reader = screen.article_list, screen.reader
        assert screen.pane_layout.mode == "medium"
        assert shown(articles) and articles.region.right <= reader.region.x
        assert reader.size.height >= 20 and reader.size.width >= 80
        width = articles.region.width
        await pilot.press("ctrl+right")
        await settle(pilot)
        assert articles.region.width == width + 2
        bar = screen.list_splitter
        target = (bar.region.x - 4, bar.region.y)
        await pilot.mouse_down(bar)
        await pilot.hover(None, target)
        await pilot.mouse_up(None, target)
        await settle(pilot)
        assert articles.region.width == width + 2 - 4
        assert_inside_parents(screen)
