"""Links in an article: l / L choose one, Enter or a click follows it (another article of
the library at its heading, a heading of this one, or a web page after a confirm), and
ctrl+o comes back to the line it was followed from."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import pytest

from tests.ui.conftest import SIZE, Notes, settle
from tuireader.library.model import HEADING, Anchor
from tuireader.ui.screens.open_url import ConfirmUrlScreen

pytestmark = pytest.mark.anyio

FILLER = "Plain words that fill the page so the screen has to scroll a good way down. " * 3


def write_docs(root: Path) -> Path:
    """A small manual: a guide linking to a setup page, its own heading, the web."""
    docs = root / "manual"
    (docs / "reference").mkdir(parents=True)
    guide = [
        "---\ntitle: The guide\ndate: 2024-03-02\n---\n",
        "Start with [the install steps](../manual/setup.md#install-steps) first.\n",
        *(f"Paragraph {n}. {FILLER}\n" for n in range(12)),
        "See [usage below](#usage), the [project site](https://example.org/docs) and"
        " [a page that is gone](missing.md).\n",
        *(f"More {n}. {FILLER}\n" for n in range(12)),
        "## Usage\n",
        "Use it. Then read [the options](/reference/options.md#flags).\n",
    ]
    (docs / "guide.md").write_text("\n".join(guide), encoding="utf-8")
    setup = [
        "---\ntitle: Setup\ndate: 2024-03-01\n---\n",
        *(f"Before {n}. {FILLER}\n" for n in range(20)),
        "## Install steps\n",
        "Run the installer.\n",
        *(f"After {n}. {FILLER}\n" for n in range(20)),
    ]
    (docs / "setup.md").write_text("\n".join(setup), encoding="utf-8")
    options = "---\ntitle: Options\ndate: 2024-03-03\n---\n\n## Flags\n\nThe flags.\n"
    (docs / "reference" / "options.md").write_text(options, encoding="utf-8")
    return docs / "guide.md"


async def open_guide(pilot):
    await settle(pilot)
    screen = pilot.app.screen
    assert screen.current is not None and screen.current.title == "The guide"
    screen.reader.focus()
    await pilot.pause()
    return screen


def heading_at_top(screen, text: str) -> bool:
    article = screen.reader.article
    block = screen.reader.position.block
    return article.blocks[block].kind == HEADING and article.blocks[block].text == text


async def test_enter_opens_the_linked_article_at_its_heading_and_ctrl_o_comes_back(
    tmp_path, make_app
):
    guide = write_docs(tmp_path / "lib")
    app = make_app(guide.parent.parent, guide)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_guide(pilot)
        await pilot.press("l")
        await pilot.pause()
        assert screen.reader.chosen_link[3] == "../manual/setup.md#install-steps"
        assert "link → ../manual/setup.md#install-steps" in str(screen.status.render())
        left_at = screen.reader.position
        await pilot.press("enter")
        await settle(pilot)
        assert screen.current.title == "Setup"
        assert heading_at_top(screen, "Install steps")
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert screen.current.title == "The guide"
        assert screen.reader.position == left_at
        # The link followed is chosen again, as a browser does.
        assert screen.reader.chosen_link[3] == "../manual/setup.md#install-steps"
        await pilot.press("ctrl+i")  # and forward again, to the heading
        await settle(pilot)
        assert screen.current.title == "Setup"
        assert heading_at_top(screen, "Install steps")


async def test_a_link_to_a_heading_of_the_same_article_scrolls_there_and_back(tmp_path, make_app):
    guide = write_docs(tmp_path / "lib")
    app = make_app(guide.parent.parent, guide)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_guide(pilot)
        await pilot.press("l", "l")
        await pilot.pause()
        assert screen.reader.chosen_link[3] == "#usage"
        left_at = screen.reader.position
        await pilot.press("enter")
        await settle(pilot)
        assert screen.current.title == "The guide"
        usage = next(i for i, b in enumerate(screen.reader.article.blocks) if b.text == "Usage")
        assert screen.reader.in_view(Anchor(usage, 0))
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert screen.reader.position == left_at
        assert screen.reader.chosen_link[3] == "#usage"


async def test_a_site_root_link_finds_the_page_under_the_manuals_folder(tmp_path, make_app):
    guide = write_docs(tmp_path / "lib")
    app = make_app(guide.parent.parent, guide)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_guide(pilot)
        await pilot.press("L")  # the last link on screen: the first of the article
        assert screen.reader.chosen_link[3] == "../manual/setup.md#install-steps"
        await pilot.press("L")  # before the first: round to the last
        await pilot.pause()
        assert screen.reader.chosen_link[3] == "/reference/options.md#flags"
        await pilot.press("enter")
        await settle(pilot)
        assert screen.current.title == "Options"


async def test_previous_link_from_the_bottom_is_the_last_one_on_screen(tmp_path, make_app):
    guide = write_docs(tmp_path / "lib")
    app = make_app(guide.parent.parent, guide)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_guide(pilot)
        await pilot.press("G")
        await pilot.pause()
        await pilot.press("L")
        assert screen.reader.chosen_link[3] == "/reference/options.md#flags"
        await pilot.press("L")
        await pilot.pause()
        link = screen.reader.chosen_link
        assert link[3] == "missing.md"  # the one before, in reading order
        assert screen.reader.in_view(Anchor(link[0], link[1]))  # scrolled back to it


async def test_a_web_link_asks_first_and_opens_only_on_yes(tmp_path, make_app, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    guide = write_docs(tmp_path / "lib")
    app = make_app(guide.parent.parent, guide)
    async with app.run_test(size=SIZE) as pilot:
        await open_guide(pilot)
        await pilot.press("l", "l", "l")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmUrlScreen)
        assert app.screen.url == "https://example.org/docs"
        assert opened == []
        await pilot.press("y")
        await pilot.pause()
        assert opened == ["https://example.org/docs"]


async def test_a_link_to_a_missing_page_says_so_and_stays(tmp_path, make_app):
    guide = write_docs(tmp_path / "lib")
    app = make_app(guide.parent.parent, guide)
    notes = Notes()
    async with app.run_test(size=SIZE, message_hook=notes.hook) as pilot:
        screen = await open_guide(pilot)
        await pilot.press("l", "l", "l", "l")
        assert screen.reader.chosen_link[3] == "missing.md"
        await pilot.press("enter")
        await settle(pilot)
        assert screen.current.title == "The guide"
        assert any("Not in the library: manual/missing.md" in m for m in notes.messages)


async def test_a_click_on_a_link_follows_it(tmp_path, make_app):
    guide = write_docs(tmp_path / "lib")
    app = make_app(guide.parent.parent, guide)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_guide(pilot)
        reader = screen.reader
        lines = [reader.render_line(y).text for y in range(reader.size.height)]
        y = next(n for n, line in enumerate(lines) if "the install steps" in line)
        x = lines[y].index("install steps")
        await pilot.click(reader, offset=(x, y))
        await settle(pilot)
        assert screen.current.title == "Setup"


async def test_the_link_keys_show_only_for_articles_with_links(tmp_path, make_app):
    root = tmp_path / "lib"
    root.mkdir()
    (root / "plain.md").write_text("# No links\n\nJust text here.\n", encoding="utf-8")
    app = make_app(root, root / "plain.md")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        screen.reader.focus()
        await pilot.pause()
        assert screen.reader.links == []
        assert not screen.reader.check_action("next_link", ())
        await pilot.press("l")
        assert screen.reader.chosen_link is None


async def test_a_saved_pages_link_outside_the_library_leads_to_its_site(tmp_path, make_app):
    root = tmp_path / "lib"
    root.mkdir()
    page = root / "saved.html"
    page.write_text(
        "<html><head><title>河边的书店</title>"
        '<link rel="canonical" href="https://news.example.org/town/2024/shop.html"></head>'
        "<body><h1>河边的书店</h1><p>" + "小镇上新开了一家书店，老板很喜欢孩子。" * 4 + "</p>"
        '<p>另见<a href="../2023/river.html">去年的报道</a>。</p></body></html>',
        encoding="utf-8",
    )
    app = make_app(root, page)
    async with app.run_test(size=SIZE) as pilot:
        await settle_reader(pilot)
        await pilot.press("l", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmUrlScreen)
        assert app.screen.url == "https://news.example.org/town/2023/river.html"


async def settle_reader(pilot):
    await settle(pilot)
    screen = pilot.app.screen
    screen.reader.focus()
    await pilot.pause()
    return screen
