"""Search through the keyboard: the find bar in an article, and the library search screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import SIZE, Notes, settle

pytestmark = pytest.mark.anyio

ARTICLES = {
    "zh/econ.md": (
        "经济新闻",
        "2024-03-01",
        ["中国经济发展很快。经济学家说经济还会增长。", "第二段没有那个词。", "最后一段也谈经济。"],
    ),
    "zh/travel.md": ("旅行", "2024-01-01", ["我们去看经济特区。", "山很高。"]),
    "en/letters.md": (
        "Letters",
        "2024-02-01",
        [
            "The abc of Text is simple. We learn the quick brown\nfox jumps over the lazy dog.",
            "Another abc here, and ABC there.",
        ],
    ),
}


@pytest.fixture
def search_library(tmp_path: Path) -> Path:
    """Two Chinese articles and one English one with a hard-wrapped paragraph."""
    root = tmp_path / "searchlib"
    for path, (title, date, paragraphs) in ARTICLES.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(paragraphs)
        target.write_text(f"---\ntitle: {title}\ndate: {date}\n---\n\n{body}\n", encoding="utf-8")
    return root


async def open_article(pilot, path: str):
    """Wait for the scan and the index, open the article at ``path``; the screen."""
    await settle(pilot)
    screen = pilot.app.screen
    screen.open_path(path)
    await settle(pilot)
    assert screen.current.path == path
    return screen


async def find(pilot, *keys: str) -> None:
    """Open the find bar and type ``keys``."""
    await pilot.press("slash", *keys)
    await settle(pilot)


def count_text(screen) -> str:
    """What the find bar's count says."""
    return str(screen.query_one("#find-count").render())


def current(screen):
    """The highlighted current hit (block, start, end)."""
    return screen.finder.state.current_match()


async def test_typing_highlights_every_hit_and_shows_the_count(search_library, make_app):
    app = make_app(search_library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(pilot, "en/letters.md")
        await find(pilot, "a", "b", "c")
        assert screen.finder.state.matches == ((0, 4, 7), (1, 8, 11), (1, 22, 25))
        assert count_text(screen) == "1/3"
        assert screen.reader.highlights_in(1, 0, 40) == [
            ("search", 8, 11),
            ("search", 22, 25),
        ]


async def test_enter_returns_to_the_reader_and_n_shift_n_wrap(search_library, make_app):
    app = make_app(search_library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(pilot, "en/letters.md")
        await find(pilot, "a", "b", "c", "enter")
        assert screen.focused is screen.reader
        assert current(screen) == (0, 4, 7)
        await pilot.press("n", "n")
        assert current(screen) == (1, 22, 25)
        assert count_text(screen) == "3/3"
        await pilot.press("n")
        assert current(screen) == (0, 4, 7)
        await pilot.press("N")
        assert current(screen) == (1, 22, 25)
        assert count_text(screen) == "3/3"
        await pilot.press("slash", "enter")  # the same query again: on to the next hit
        await settle(pilot)
        assert current(screen) == (0, 4, 7)
        assert screen.focused is screen.reader


async def test_full_width_query_finds_ascii(search_library, make_app):
    app = make_app(search_library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(pilot, "en/letters.md")
        await find(pilot, *"ＡＢＣ")
        assert len(screen.finder.state.matches) == 3
        await pilot.press("escape")
        await find(pilot, *"Ｔｅｘｔ")
        assert screen.finder.state.matches == ((0, 11, 15),)


async def test_a_phrase_split_across_lines_of_the_file_is_found(search_library, make_app):
    app = make_app(search_library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(pilot, "en/letters.md")
        await find(pilot, *"brown fox")
        assert len(screen.finder.state.matches) == 1
        assert count_text(screen) == "1/1"


async def test_regex_by_ctrl_r_and_by_prefix_and_bad_regex_said_plainly(search_library, make_app):
    app = make_app(search_library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(pilot, "en/letters.md")
        await find(pilot, "ctrl+r", *r"\bab\w\b")
        assert screen.finder.state.matches == ((0, 4, 7), (1, 8, 11), (1, 22, 25))
        await pilot.press("escape")
        await find(pilot, *"re:qu.ck")
        assert len(screen.finder.state.matches) == 1
        await pilot.press("escape")
        await find(pilot, *"re:(")
        assert screen.finder.state.matches == ()
        assert count_text(screen).startswith("bad regex:")
        await pilot.press("escape")
        await find(pilot, *"zzz")
        assert count_text(screen) == "no match"


async def test_escape_clears_the_hits_and_closes_the_bar(search_library, make_app):
    app = make_app(search_library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(pilot, "en/letters.md")
        await find(pilot, "a", "b", "c", "enter")
        await pilot.press("escape")
        await settle(pilot)
        assert screen.finder.state.matches == ()
        assert screen.reader.highlights_in(1, 0, 40) == []
        assert not screen.query_one("#find-bar").is_open
        assert screen.focused is screen.reader  # the first escape did not leave the reader


async def test_chinese_find_in_the_article(search_library, make_app):
    app = make_app(search_library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(pilot, "zh/econ.md")
        await find(pilot, "经", "济")
        assert screen.finder.state.matches == ((0, 2, 4), (0, 9, 11), (0, 14, 16), (2, 6, 8))


def result_paths(screen) -> list[str]:
    return [hit.path for hit in screen.hits]


async def open_search(pilot, *keys: str):
    """ctrl+s and type; the search screen once its results are in."""
    await pilot.press("ctrl+s", *keys)
    await settle(pilot)
    return pilot.app.screen


async def test_library_search_two_chinese_characters(search_library, make_app):
    app = make_app(search_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        search = await open_search(pilot, "经", "济")
        assert type(search).__name__ == "SearchScreen"
        assert sorted(result_paths(search)) == ["zh/econ.md", "zh/travel.md"]
        assert result_paths(search)[0] == "zh/econ.md"  # title hit first
        prompt = search.results.get_option_at_index(0).prompt
        assert "经济新闻" in prompt.plain and "2024-03-01" in prompt.plain
        marked = [prompt.plain[s.start : s.end] for s in prompt.spans if "reverse" in str(s.style)]
        assert marked == ["经济"] * 4  # once in the title, three times in the snippet
        assert prompt.plain.index(marked[0]) < prompt.plain.index("\n")
        assert "2 results" in str(search.query_one("#search-status").render())


async def test_library_search_longer_query_and_shift_s(search_library, make_app):
    app = make_app(search_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("S", *"quick brown")
        await settle(pilot)
        assert result_paths(app.screen) == ["en/letters.md"]
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "MainScreen"


async def test_enter_opens_the_result_at_its_first_hit_and_n_goes_on(search_library, make_app):
    app = make_app(search_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_search(pilot, "经", "济")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert screen.current.path == "zh/econ.md"
        assert current(screen) == (0, 2, 4)
        assert len(screen.finder.state.matches) == 4
        assert screen.focused is screen.reader
        await pilot.press("n", "n", "n")
        assert current(screen) == (2, 6, 8)
        await pilot.press("n")  # past the last hit: the next result's article
        await settle(pilot)
        assert screen.current.path == "zh/travel.md"
        assert current(screen) == (0, 4, 6)
        await pilot.press("N")  # before its first hit: back to the last hit of the first
        await settle(pilot)
        assert screen.current.path == "zh/econ.md"
        assert current(screen) == (2, 6, 8)
        assert count_text(screen) == "4/4 · result 1 of 2"


async def test_saved_search_appears_in_the_tree_and_runs(search_library, make_app):
    app = make_app(search_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_search(pilot, *"abc")
        await pilot.press("ctrl+s")
        await pilot.press("escape")
        await settle(pilot)
        tree = app.screen.section_tree
        branch = [n for n in tree.root.children if str(n.label) == "Saved searches"]
        assert branch and [str(n.label) for n in branch[0].children] == ["⌕ abc"]
        tree.focus()
        tree.move_cursor(branch[0].children[0])
        await pilot.press("enter")  # the list shows its matches, like a section's articles
        await settle(pilot)
        articles = app.screen.article_list
        assert [articles.row_at(i).path for i in range(articles.row_count)] == ["en/letters.md"]
        await open_search(pilot, *"abc")
        assert result_paths(app.screen) == ["en/letters.md"]
        await pilot.press("ctrl+s", "escape")  # saved already: ctrl+s forgets it
        await settle(pilot)
        assert not [n for n in tree.root.children if str(n.label) == "Saved searches"]


async def test_search_says_when_the_index_is_not_ready(search_library, make_app, paths):
    import sqlite3

    app = make_app(search_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # As if the first build were still running: one article not indexed yet.
        conn = sqlite3.connect(app.library.db_path)
        with conn:
            conn.execute("UPDATE search_meta SET value = 'pending' WHERE key = 'state'")
            conn.execute("DELETE FROM search_docs WHERE id = (SELECT min(id) FROM search_docs)")
        conn.close()
        search = await open_search(pilot, "经", "济")
        words = str(search.query_one("#search-status").render())
        assert "Index not ready (2 of 3 articles indexed)" in words


async def test_enter_typed_before_the_results_arrive_opens_the_first(search_library, make_app):
    app = make_app(search_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s", *"quick", "enter")
        await settle(pilot)
        assert app.screen.current.path == "en/letters.md"
        assert current(app.screen) == (0, 40, 45)


async def test_J_and_K_walk_the_search_results_after_one_is_opened(search_library, make_app):
    app = make_app(search_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_search(pilot, "经", "济")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert screen.current.path == "zh/econ.md"
        await pilot.press("J")  # the list's next is en/letters.md; the next result is travel
        await settle(pilot)
        assert screen.current.path == "zh/travel.md"
        assert current(screen) == (0, 4, 6)  # at its first hit
        assert count_text(screen) == "1/1 · result 2 of 2"
        await pilot.press("J")  # past the last result: stays
        await settle(pilot)
        assert screen.current.path == "zh/travel.md"
        await pilot.press("K")
        await settle(pilot)
        assert screen.current.path == "zh/econ.md"
        await pilot.press("escape", "J")  # escape ends the search: J walks the list again
        await settle(pilot)
        assert screen.current.path == "en/letters.md"


async def test_a_date_that_does_not_exist_is_told_in_the_search_screen(search_library, make_app):
    app = make_app(search_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        search = await open_search(pilot, *"经济 after:2024-13-45")
        words = str(search.query_one("#search-status").render())
        assert "2024-13-45 is not a date" in words
        assert search.hits == []


async def test_more_results_load_past_the_first_page(tmp_path, make_app, monkeypatch):
    from tuireader.ui.controllers import search_runner

    monkeypatch.setattr(search_runner, "RESULT_LIMIT", 3)  # a page of 3 instead of 200
    root = tmp_path / "many"
    for n in range(7):
        (root / f"{n}.md").parent.mkdir(parents=True, exist_ok=True)
        (root / f"{n}.md").write_text(
            f"---\ntitle: Report {n}\ndate: 2024-01-0{n + 1}\n---\n\nThe harbour report.\n",
            encoding="utf-8",
        )
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        search = await open_search(pilot, *"harbour")
        status = lambda: str(search.query_one("#search-status").render())  # noqa: E731
        assert len(search.hits) == 3 and status().startswith("7 results, first 3 shown")
        await pilot.press("pagedown", "pagedown", "enter")  # the last line: "Show more"
        await settle(pilot)
        assert app.screen is search and len(search.hits) == 6
        assert status().startswith("7 results, first 6 shown")
        await pilot.press("pagedown", "pagedown", "enter")
        await settle(pilot)
        assert len(search.hits) == 7 and status().startswith("7 results")
        assert len({hit.path for hit in search.hits}) == 7  # each once
        await pilot.press("pagedown", "pagedown", "enter")  # the last result now: it opens
        await settle(pilot)
        assert app.screen.current.path == search.hits[-1].path


async def test_find_with_no_article_open_says_where_to_search(search_library, make_app):
    app = make_app(search_library)
    notes = Notes()
    async with app.run_test(size=SIZE, message_hook=notes.hook) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.current is None
        await pilot.press("slash", "x")
        await settle(pilot)
        assert not any(bar.is_open for bar in screen.query("#find-bar"))
        assert any("No article is open" in m and "ctrl+s" in m for m in notes.messages)
        await pilot.press("enter", "slash")  # once an article is open, the bar opens
        await settle(pilot)
        assert screen.current is not None
        assert screen.query_one("#find-bar").is_open
