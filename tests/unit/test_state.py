"""The state store: read marks, positions, bookmarks, notes, delete and undo, paging."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tuireader.library.model import Anchor, Article, ArticleMeta, Block
from tuireader.state import StateStore

ART = Article(
    ArticleMeta(title="张掖新闻"),
    blocks=(
        Block("heading", "标题"),
        Block("paragraph", "第一句。第二句！"),
        Block("paragraph", "The river rose. Farmers moved."),
    ),
    path="新闻/a.txt",
)


@pytest.fixture
def store(tmp_path: Path):
    opened = StateStore.open(tmp_path / "data" / "state.db")
    yield opened
    opened.close()


def test_new_store_has_no_notices_and_is_writable(store: StateStore) -> None:
    assert store.notices == []
    assert store.read_only is False


def test_read_marks(store: StateStore) -> None:
    assert not store.marks.is_read("fp1")
    store.marks.set_read("fp1", "a.txt")
    assert store.marks.is_read("fp1")
    store.marks.set_read("fp1", "a.txt", read=False)
    assert not store.marks.is_read("fp1")


def test_set_read_many_marks_every_item(store: StateStore) -> None:
    store.marks.set_read_many([(f"fp{i}", f"{i}.txt") for i in range(50)])
    assert all(store.marks.is_read(f"fp{i}") for i in range(50))
    assert not store.marks.is_read("fp50")


def test_set_read_many_returns_the_marks_it_changed(store: StateStore) -> None:
    store.marks.set_read("fp1", "a.txt")
    items = [("fp1", "a.txt"), ("fp2", "b.txt"), ("fp3", "c.txt"), ("fp2", "copy/b.txt")]
    changed = store.marks.set_read_many(items, True)
    assert sorted(fp for fp, _ in changed) == ["fp2", "fp3"]  # fp1 was read; fp2 once
    assert store.marks.set_read_many(changed, False) == changed  # the undo
    assert [store.marks.is_read(fp) for fp in ("fp1", "fp2", "fp3")] == [True, False, False]


def test_positions(store: StateStore) -> None:
    assert store.positions.get("fp1") is None
    store.positions.save("fp1", "a.txt", Anchor(3, 17))
    store.positions.save("fp1", "a.txt", Anchor(4, 2))
    assert store.positions.get("fp1") == Anchor(4, 2)


def test_position_and_read_mark_share_one_row(store: StateStore) -> None:
    store.positions.save("fp1", "a.txt", Anchor(3, 17))
    store.marks.set_read("fp1", "moved/a.txt")
    assert store.positions.get("fp1") == Anchor(3, 17)
    assert store.marks.is_read("fp1")
    assert store.marks.dump()[0][:2] == ("fp1", "moved/a.txt")


def test_state_persists_across_reopen(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    first = StateStore.open(db)
    first.marks.set_read("fp1", "a.txt")
    first.positions.save("fp2", "b.txt", Anchor(1, 5))
    b = first.bookmarks.add_passage(ART, Anchor(1, 0), Anchor(1, 4), "note", fp="fpA")
    first.close()
    second = StateStore.open(db)
    assert second.marks.is_read("fp1")
    assert second.positions.get("fp2") == Anchor(1, 5)
    assert second.bookmarks.get(b.id) == b
    second.close()


def test_article_bookmark(store: StateStore) -> None:
    b = store.bookmarks.add_article("fp1", "a.txt", "Title")
    assert (b.quote, b.fingerprint, b.path, b.title, b.note) == (None, "fp1", "a.txt", "Title", "")
    assert not b.is_passage
    assert store.bookmarks.any_for("fp1")
    assert not store.bookmarks.any_for("fp2")


def test_bookmarking_an_article_twice_keeps_one(store: StateStore) -> None:
    first = store.bookmarks.add_article("fp1", "a.txt", "Title")
    second = store.bookmarks.add_article("fp1", "a.txt", "Title")
    assert first.id == second.id
    assert store.bookmarks.count() == 1


def test_passage_bookmark_across_blocks(store: StateStore) -> None:
    b = store.bookmarks.add_passage(ART, Anchor(1, 4), Anchor(2, 15), "我的笔记", fp="fpA")
    assert b.quote == "第二句！\nThe river rose."
    assert (b.block, b.start, b.end_block, b.end) == (1, 4, 2, 15)
    assert b.prefix.endswith("第一句。") and b.suffix == " Farmers moved."
    assert (b.path, b.title, b.note) == ("新闻/a.txt", "张掖新闻", "我的笔记")
    assert b.uid and b.created.endswith("Z")


def test_passage_bookmark_computes_the_fingerprint_when_not_given(
    store: StateStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tuireader.state.bookmarks as state

    monkeypatch.setattr(state, "_fingerprint", lambda article: "computed-" + article.title)
    b = store.bookmarks.add_passage(ART, Anchor(1, 0), Anchor(1, 4))
    assert b.fingerprint == "computed-张掖新闻"


def test_notes_can_be_added_changed_and_cleared(store: StateStore) -> None:
    b = store.bookmarks.add_passage(ART, Anchor(1, 0), Anchor(1, 4), fp="fpA")
    store.bookmarks.set_note(b.id, "first")
    assert store.bookmarks.get(b.id).note == "first"
    store.bookmarks.set_note(b.id, "")
    assert store.bookmarks.get(b.id).note == ""


def test_delete_and_undo(store: StateStore) -> None:
    b = store.bookmarks.add_passage(ART, Anchor(1, 0), Anchor(1, 4), "keep me", fp="fpA")
    token = store.bookmarks.delete(b.id)
    assert store.bookmarks.get(b.id) is None
    assert not store.bookmarks.any_for("fpA")
    assert store.bookmarks.undo_delete(token) == b
    assert store.bookmarks.any_for("fpA")
    assert store.bookmarks.undo_delete(token) is None  # nothing left to undo


def test_deleted_ids_are_never_reused(store: StateStore) -> None:
    b = store.bookmarks.add_article("fp1", "a.txt", "t")
    token = store.bookmarks.delete(b.id)
    newer = store.bookmarks.add_article("fp2", "b.txt", "t")
    assert newer.id != b.id
    assert store.bookmarks.undo_delete(token).id == b.id


def test_live_table_answers_the_catalog_exists_query(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    store = StateStore.open(db)
    kept = store.bookmarks.add_article("fp-kept", "a.txt", "t")
    gone = store.bookmarks.add_article("fp-gone", "b.txt", "t")
    store.bookmarks.delete(gone.id)
    store.marks.set_read("fp-kept", "a.txt")
    conn = sqlite3.connect(":memory:")
    conn.execute("ATTACH DATABASE ? AS st", (str(db),))
    exists = "SELECT EXISTS(SELECT 1 FROM st.bookmarks WHERE fingerprint=?)"
    assert conn.execute(exists, ("fp-kept",)).fetchone() == (1,)
    assert conn.execute(exists, ("fp-gone",)).fetchone() == (0,)
    read = "SELECT read, last_path FROM st.article_state WHERE fingerprint=?"
    assert conn.execute(read, ("fp-kept",)).fetchone() == (1, "a.txt")
    conn.close()
    store.close()
    assert kept.id


def test_bookmarks_for_an_article_in_reading_order(store: StateStore) -> None:
    late = store.bookmarks.add_passage(ART, Anchor(2, 0), Anchor(2, 5), fp="fpA")
    early = store.bookmarks.add_passage(ART, Anchor(1, 0), Anchor(1, 4), fp="fpA")
    whole = store.bookmarks.add_article("fpA", ART.path, ART.title)
    store.bookmarks.add_article("fpB", "b.txt", "other")
    assert [b.id for b in store.bookmarks.of_article("fpA")] == [whole.id, early.id, late.id]


def test_bookmarks_for_also_finds_those_under_the_path(store: StateStore) -> None:
    old = store.bookmarks.add_passage(ART, Anchor(1, 0), Anchor(1, 4), fp="old-fp")
    assert store.bookmarks.of_article("new-fp") == []
    assert store.bookmarks.of_article("new-fp", ART.path) == [old]


def test_list_is_grouped_by_article_paged_and_filtered(store: StateStore) -> None:
    store.bookmarks.add_article("fpZ", "z.txt", "Zebra")
    a2 = store.bookmarks.add_passage(ART, Anchor(2, 0), Anchor(2, 5), "river note", fp="fpA")
    a1 = store.bookmarks.add_passage(ART, Anchor(1, 0), Anchor(1, 4), fp="fpA")
    store.bookmarks.add_article("fpB", "b.txt", "Apple")
    titles = [b.title for b in store.bookmarks.page()]
    assert titles == ["Apple", "Zebra", "张掖新闻", "张掖新闻"]
    assert [b.id for b in store.bookmarks.page(offset=2, limit=2)] == [a1.id, a2.id]
    assert store.bookmarks.count() == 4
    assert [b.id for b in store.bookmarks.page("RIVER")] == [a2.id]
    assert store.bookmarks.count("第一句") == 1  # quote text
    assert store.bookmarks.count("新闻/a") == 2  # path
    assert store.bookmarks.count("river zebra") == 0  # every word must match


def test_filter_text_with_sql_wildcards_is_literal(store: StateStore) -> None:
    store.bookmarks.add_article("fp1", "a.txt", "100% sure_thing")
    store.bookmarks.add_article("fp2", "b.txt", "plain")
    assert store.bookmarks.count("%") == 1
    assert store.bookmarks.count("_") == 1


def test_relocate_records_a_new_place(store: StateStore) -> None:
    b = store.bookmarks.add_passage(ART, Anchor(1, 0), Anchor(1, 4), fp="fpA")
    from dataclasses import replace

    store.bookmarks.relocate(b.id, "fpNew", "moved/a.txt", replace(b, block=2, start=1, end=5))
    moved = store.bookmarks.get(b.id)
    assert (moved.fingerprint, moved.path, moved.block, moved.start) == (
        "fpNew",
        "moved/a.txt",
        2,
        1,
    )
    assert moved.quote == b.quote
