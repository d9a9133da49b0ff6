"""Saved searches listed like sections: matches in the article list, hits marked, J/K, d."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import SIZE, settle, type_fast

pytestmark = pytest.mark.anyio

# (path, title, date, paragraphs): three articles mention "tide", one does not.
ARTICLES = [
    ("coast/a.md", "Tide tables", "2024-03-01", ["The tide turns at noon.", "A tide again."]),
    ("coast/b.md", "Harbour walls", "2024-02-01", ["Walls stop the tide.", "No more."]),
    ("inland/c.md", "Hill farms", "2024-01-01", ["Sheep on hills.", "Rain."]),
    ("inland/d.md", "River mouths", "2023-12-01", ["Where river meets tide.", "Mud."]),
]


@pytest.fixture
def tide_library(tmp_path: Path) -> Path:
    """Four small English articles, three of which contain the word "tide"."""
    root = tmp_path / "tidelib"
    for path, title, date, paragraphs in ARTICLES:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(paragraphs)
        target.write_text(f"---\ntitle: {title}\ndate: {date}\n---\n\n{body}\n", encoding="utf-8")
    return root


def saved_node(tree, name: str):
    """The tree node of the saved search ``name`` (None if it is not there)."""
    for branch in tree.root.children:
        if branch.data is None and str(branch.label) == "Saved searches":
            for node in branch.children:
                if str(node.label) == f"⌕ {name}":
                    return node
    return None


async def with_saved_search(pilot, name: str, query: str):
    """Save a search straight into the state store and show it in the tree."""

    await settle(pilot)
    screen = pilot.app.screen
    screen.library.state.searches.save(name, query)
    screen.search.show_saved_searches()
    await pilot.pause()
    return screen


def listed_titles(screen) -> list[str]:
    """The titles in the article list, top to bottom."""
    articles = screen.article_list
    return [articles.row_at(i).title for i in range(articles.row_count)]


async def test_highlighting_a_saved_search_lists_its_matches(tide_library, make_app):
    app = make_app(tide_library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await with_saved_search(pilot, "Tides", "tide")
        screen.section_tree.focus()
        screen.section_tree.move_cursor(saved_node(screen.section_tree, "Tides"))
        await settle(pilot)
        assert screen.article_list.row_count == 3
        assert sorted(listed_titles(screen)) == ["Harbour walls", "River mouths", "Tide tables"]
        assert listed_titles(screen)[0] == "Tide tables"  # the title hit ranks first
        assert str(screen.article_list.border_title) == "⌕ Tides · 3 articles"
        await pilot.press("enter")  # Enter on the node: on to the list
        assert screen.focused is screen.article_list
        screen.section_tree.move_cursor(screen.section_tree.root)  # back to a real section
        await settle(pilot)
        assert screen.article_list.row_count == 4


async def test_opening_a_match_marks_its_hits_and_steps_through_matches(tide_library, make_app):
    app = make_app(tide_library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await with_saved_search(pilot, "Tides", "tide")
        screen.section_tree.focus()
        await pilot.pause()
        screen.section_tree.move_cursor(saved_node(screen.section_tree, "Tides"))
        await settle(pilot)
        await type_fast(pilot, "enter", "enter")  # to the list, open the first match
        await settle(pilot)
        assert screen.current.title == "Tide tables"
        assert screen.reader.has_focus
        assert len(screen.finder.state.matches) == 2  # both hits of the article are marked
        order = listed_titles(screen)
        await pilot.press("J")
        await settle(pilot)
        assert screen.current.title == order[1]
        assert screen.article_list.cursor == 1
        await pilot.press("J")
        await settle(pilot)
        assert screen.current.title == order[2]
        assert "Hill farms" not in order  # J never left the matches
        await pilot.press("K", "K")
        await settle(pilot)
        assert screen.current.title == "Tide tables"
        await pilot.press("n", "n")  # past its last hit: on to the next match
        await settle(pilot)
        assert screen.current.title == order[1]


async def test_d_twice_forgets_a_saved_search(tide_library, make_app):

    app = make_app(tide_library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await with_saved_search(pilot, "Tides", "tide")
        screen.section_tree.focus()
        await pilot.pause()
        screen.section_tree.move_cursor(saved_node(screen.section_tree, "Tides"))
        await settle(pilot)
        await pilot.press("d")  # asks first
        assert [s.name for s in screen.library.state.searches.all()] == ["Tides"]
        await pilot.press("d")
        await settle(pilot)
        assert screen.library.state.searches.all() == []
        assert saved_node(screen.section_tree, "Tides") is None
        # The list follows a real section again (the one the tree cursor landed on).
        assert not screen.listing.in_saved_search
        assert screen.article_list.row_count == screen.section_tree.count_of(
            screen.listing.section, False
        )
