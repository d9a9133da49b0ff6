"""Bookmarks checked against real files: unchanged, edited, moved, deleted."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tuireader.library.loader import fingerprint, load_article
from tuireader.library.model import Anchor
from tuireader.state import StateStore
from tuireader.state.anchors import layout_of
from tuireader.state.check import BookmarkChecker, placements_for, refresh_placements

BODY = [
    "连日来，党的二十大报告传遍张掖大地，在广大党员干部群众中引发热议。",
    "新思想引领新时代，新使命开启新征程。市委市政府第一时间召开会议。",
    "The river rose overnight. Farmers moved their cattle to higher ground.",
]
QUOTE = "新使命开启新征程。"


def write(path: Path, paragraphs: list[str], title: str = "张掖要闻") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# " + title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


@pytest.fixture
def library(tmp_path: Path):
    """A library with one article holding a passage bookmark and a whole-article one."""
    root = tmp_path / "lib"
    write(root / "新闻" / "a.md", BODY)
    store = StateStore.open(tmp_path / "data" / "state.db", backups=False)
    article = load_article(root / "新闻" / "a.md", root)
    layout = layout_of(article.blocks)
    at = layout.text.find(QUOTE)
    start, end = layout.anchor(at), layout.anchor(at + len(QUOTE), is_end=True)
    store.bookmarks.add_passage(article, start, end, "note", fp=fingerprint(article))
    store.bookmarks.add_article(fingerprint(article), article.path, article.title)
    yield root, store
    store.close()


def statuses(root: Path, store: StateStore) -> dict[str, tuple[str, str]]:
    """quote-or-'whole' → (status, current path)."""
    checker = BookmarkChecker(root, load_article, fingerprint)
    found = {}
    for b in store.bookmarks.page():
        check = checker.check(b)
        found[b.quote or "whole"] = (check.status, check.path)
    return found


def quoted_now(root: Path, path: str, check_start: Anchor, check_end: Anchor) -> str:
    layout = layout_of(load_article(root / path, root).blocks)
    return layout.text[layout.flat(check_start) : layout.flat(check_end)]


def test_unchanged_article_is_anchored(library) -> None:
    root, store = library
    assert statuses(root, store) == {
        QUOTE: ("anchored", "新闻/a.md"),
        "whole": ("anchored", "新闻/a.md"),
    }


def test_text_inserted_before_the_passage_reanchors_it(library) -> None:
    root, store = library
    write(root / "新闻" / "a.md", ["一段新加的导语。", *BODY])
    assert statuses(root, store)[QUOTE] == ("reanchored", "新闻/a.md")
    passage = store.bookmarks.page(QUOTE)[0]
    check = BookmarkChecker(root, load_article, fingerprint).check(passage)
    assert quoted_now(root, check.path, check.placement.start, check.placement.end) == QUOTE


def test_slightly_changed_passage_is_reanchored(library) -> None:
    root, store = library
    write(root / "新闻" / "a.md", [BODY[0], BODY[1].replace("开启", "开创"), BODY[2]])
    assert statuses(root, store) == {
        QUOTE: ("reanchored", "新闻/a.md"),
        "whole": ("reanchored", "新闻/a.md"),
    }


def test_deleted_passage_is_orphaned_but_kept(library) -> None:
    root, store = library
    write(root / "新闻" / "a.md", [BODY[0], BODY[2]])
    assert statuses(root, store)[QUOTE] == ("orphaned", "新闻/a.md")
    assert store.bookmarks.count() == 2


def test_moved_article_is_found_by_fingerprint(library) -> None:
    root, store = library
    (root / "归档").mkdir()
    (root / "新闻" / "a.md").rename(root / "归档" / "renamed.md")
    assert statuses(root, store) == {
        QUOTE: ("moved", "归档/renamed.md"),
        "whole": ("moved", "归档/renamed.md"),
    }


def test_moved_and_replaced_prefers_the_article_found_by_fingerprint(library) -> None:
    root, store = library
    (root / "新闻" / "a.md").rename(root / "elsewhere.md")
    write(root / "新闻" / "a.md", ["完全不同的文章。"], title="另一篇")
    assert statuses(root, store)[QUOTE] == ("moved", "elsewhere.md")


def test_deleted_article_orphans_its_bookmarks(library) -> None:
    root, store = library
    (root / "新闻" / "a.md").unlink()
    assert statuses(root, store) == {
        QUOTE: ("orphaned", "新闻/a.md"),
        "whole": ("orphaned", "新闻/a.md"),
    }
    assert store.bookmarks.count() == 2  # kept, with quote and note
    assert store.bookmarks.page(QUOTE)[0].note == "note"


def test_placements_for_the_reader(library) -> None:
    root, store = library
    write(root / "新闻" / "a.md", ["导语。", *BODY])
    article = load_article(root / "新闻" / "a.md", root)
    placed = placements_for(article, store.bookmarks.of_article("unknown-fp", "新闻/a.md"))
    assert len(placed) == 1  # the whole-article bookmark has nothing to highlight
    bookmark, placement = placed[0]
    assert bookmark.quote == QUOTE and placement.status == "reanchored"
    assert quoted_now(root, "新闻/a.md", placement.start, placement.end) == QUOTE


def test_refresh_placements_heals_an_edited_article(library) -> None:
    root, store = library
    write(root / "新闻" / "a.md", ["导语。", *BODY])
    article = load_article(root / "新闻" / "a.md", root)
    new_fp = fingerprint(article)
    placed = refresh_placements(store.bookmarks, article, new_fp)
    assert [p.status for _, p in placed] == ["reanchored"]
    healed = store.bookmarks.page(QUOTE)[0]
    assert healed.fingerprint == new_fp  # the list mark follows the edited article
    assert store.bookmarks.any_for(new_fp)
    again = refresh_placements(store.bookmarks, article, new_fp)
    assert [p.status for _, p in again] == ["anchored"]


def test_refresh_placements_leaves_orphans_alone(library) -> None:
    root, store = library
    before = store.bookmarks.page(QUOTE)[0]
    write(root / "新闻" / "a.md", [BODY[0], BODY[2]])
    article = load_article(root / "新闻" / "a.md", root)
    placed = refresh_placements(store.bookmarks, article, fingerprint(article))
    assert [p.status for _, p in placed] == ["orphaned"]
    assert store.bookmarks.page(QUOTE)[0] == before


def test_article_moved_to_an_odd_file_name_is_found_under_its_catalog_key(library) -> None:
    root, store = library
    odd = os.fsdecode(b"\xff-renamed.md")  # not UTF-8: its catalog key is escaped
    (root / "新闻" / "a.md").rename(root / odd)
    assert statuses(root, store)[QUOTE] == ("moved", "\\xff-renamed.md")
    assert statuses(root, store)["whole"] == ("moved", "\\xff-renamed.md")


def test_checker_walks_the_same_files_as_a_scan(library) -> None:
    root, store = library
    (root / "x.xhtml").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (root / ".hidden" / "a.md").parent.mkdir()
    (root / ".hidden" / "a.md").write_text("# h", encoding="utf-8")
    checker = BookmarkChecker(root, load_article, fingerprint)
    assert sorted(checker.library_files()) == ["x.xhtml", "新闻/a.md"]


def test_another_article_at_the_path_is_the_nearest_place_of_a_whole_article_bookmark(
    library,
) -> None:
    root, store = library
    write(root / "新闻" / "a.md", ["完全不同的文章。"], title="另一篇")
    assert statuses(root, store)["whole"] == ("reanchored", "新闻/a.md")
    assert statuses(root, store)[QUOTE] == ("orphaned", "新闻/a.md")


def test_an_edited_article_moved_elsewhere_is_found_by_its_title(library) -> None:
    root, store = library
    (root / "新闻" / "a.md").unlink()
    write(root / "归档" / "b.md", [BODY[0], BODY[1].replace("开启", "开创"), BODY[2]])
    assert statuses(root, store) == {
        QUOTE: ("moved", "归档/b.md"),
        "whole": ("moved", "归档/b.md"),
    }


def test_two_articles_with_the_title_are_no_answer(library) -> None:
    root, store = library
    (root / "新闻" / "a.md").unlink()
    write(root / "归档" / "b.md", ["另一段。"])
    write(root / "归档" / "c.md", ["又一段。"])
    assert statuses(root, store)["whole"] == ("orphaned", "新闻/a.md")


def test_a_moved_article_without_the_passage_orphans_it(library) -> None:
    root, store = library
    (root / "新闻" / "a.md").unlink()
    write(root / "归档" / "b.md", [BODY[0], BODY[2]])  # the same title, the passage gone
    assert statuses(root, store) == {
        QUOTE: ("orphaned", "归档/b.md"),
        "whole": ("moved", "归档/b.md"),
    }


def test_a_file_that_cannot_be_loaded_is_not_there(library) -> None:
    root, store = library

    def load(path: Path, where: Path):
        if path.name == "a.md":
            raise OSError("unreadable")
        return load_article(path, where)

    write(root / "other.md", ["别的文章。"], title="别的")
    checker = BookmarkChecker(root, load, fingerprint)
    for b in store.bookmarks.page():
        assert (checker.check(b).status, checker.check(b).path) == ("orphaned", "新闻/a.md")


def test_a_moved_passage_comes_with_its_place_in_the_moved_file(library) -> None:
    root, store = library
    write(root / "归档" / "b.md", ["导语。", *BODY])
    (root / "新闻" / "a.md").unlink()
    passage = store.bookmarks.page(QUOTE)[0]
    check = BookmarkChecker(root, load_article, fingerprint).check(passage)
    assert (check.status, check.path) == ("moved", "归档/b.md")
    assert check.placement is not None
    assert quoted_now(root, check.path, check.placement.start, check.placement.end) == QUOTE
