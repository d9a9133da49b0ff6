"""What the user is told after a damaged state.db: every sentence of the recovery notice,
and what a restore from a backup merges into what salvage already brought back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tuireader.library.model import Bookmark
from tuireader.state import StateStore
from tuireader.state.backup import recovery_notice, restore_latest, write_backup
from tuireader.state.export import to_annotation
from tuireader.state.salvage import Recovery
from tuireader.state.vocabulary import VocabWord

BACKUP = Path("/data/backups/state-20240301T080000-7.json")
SOURCE = "state.db.bad-20240302T090000"


def test_no_damage_and_no_backup() -> None:
    assert recovery_notice(None, None) == (
        "No backup was found to restore from: the new state database starts empty."
    )


def test_no_damage_and_a_backup_counts_what_came_back() -> None:
    assert recovery_notice(None, (BACKUP, 12, 3, 40)) == (
        "From the backup state-20240301T080000-7.json: 12 bookmark(s) (3 with notes), "
        "40 read mark(s)/position(s)."
    )


def test_nothing_readable_and_no_backup() -> None:
    assert recovery_notice(Recovery(SOURCE), None) == (
        f"Nothing could be read from the damaged file {SOURCE}. No backup was found to add to it."
    )


def test_nothing_readable_with_every_bookmark_accounted_for() -> None:
    recovery = Recovery(SOURCE, missing_bookmarks=0)
    assert recovery_notice(recovery, None) == (
        f"Nothing could be read from the damaged file {SOURCE}. No backup was found to add "
        "to it. Nothing was lost."
    )


def test_everything_salvaged_then_more_from_the_backup() -> None:
    recovery = Recovery(SOURCE, bookmarks=5, notes=2, marks=7, missing_bookmarks=0)
    assert recovery_notice(recovery, (BACKUP, 1, 1, 2)) == (
        f"Recovered from the damaged file {SOURCE}: 5 bookmark(s) (2 with notes), "
        "7 read mark(s)/position(s). From the backup state-20240301T080000-7.json: "
        "1 more bookmark(s) (1 with notes), 2 more read mark(s)/position(s). Nothing was lost."
    )


@pytest.mark.parametrize(
    ("counts", "said"),
    [
        ({"bookmarks": 1}, "1 bookmark(s) (0 with notes), 0 read mark(s)/position(s)."),
        ({"marks": 1}, "0 bookmark(s) (0 with notes), 1 read mark(s)/position(s)."),
        (
            {"searches": 1},
            "0 bookmark(s) (0 with notes), 0 read mark(s)/position(s), 1 saved search(es).",
        ),
        (
            {"bookmarks": 3, "notes": 1, "marks": 2, "searches": 4},
            "3 bookmark(s) (1 with notes), 2 read mark(s)/position(s), 4 saved search(es).",
        ),
    ],
)
def test_any_one_kind_of_row_counts_as_recovered(counts: dict[str, int], said: str) -> None:
    notice = recovery_notice(Recovery(SOURCE, **counts), None)
    assert notice == (
        f"Recovered from the damaged file {SOURCE}: {said} No backup was found to add to it."
    )


def test_no_saved_searches_are_not_mentioned() -> None:
    notice = recovery_notice(Recovery(SOURCE, bookmarks=2, searches=0), None)
    assert "search" not in notice


def test_a_page_by_page_read_is_said() -> None:
    recovery = Recovery(SOURCE, bookmarks=2, page_read=["bookmarks"])
    assert recovery_notice(recovery, None).startswith(
        f"Recovered from the damaged file {SOURCE} (read page by page): 2 bookmark(s)"
    )


@pytest.mark.parametrize(
    ("losses", "from_backup", "said"),
    [
        ({"error": "disk I/O error"}, 0, "the damaged file could not be read (disk I/O error)"),
        ({"missing_bookmarks": 5}, 2, "3 bookmark(s) found in neither"),
        ({"missing_bookmarks": 5}, 0, "5 bookmark(s) found in neither"),
        ({"damaged_records": 4}, 0, "4 damaged record(s) could not be read"),
        ({"unreadable_pages": 1}, 0, "1 page(s) were unreadable"),
        (
            {"damaged_records": 2, "unreadable_pages": 3, "missing_bookmarks": 1},
            0,
            "1 bookmark(s) found in neither; 2 damaged record(s) could not be read; "
            "3 page(s) were unreadable",
        ),
    ],
)
def test_each_loss_is_named(losses: dict[str, object], from_backup: int, said: str) -> None:
    recovery = Recovery(SOURCE, bookmarks=1, **losses)  # type: ignore[arg-type]
    restored = (BACKUP, from_backup, 0, 0) if from_backup else None
    notice = recovery_notice(recovery, restored)
    assert notice.endswith(f" Not recovered: {said}.")
    assert "Nothing was lost" not in notice


@pytest.mark.parametrize("from_backup", [5, 7])
def test_bookmarks_missing_from_the_file_but_in_the_backup_are_not_lost(from_backup: int) -> None:
    recovery = Recovery(SOURCE, bookmarks=1, missing_bookmarks=5)
    notice = recovery_notice(recovery, (BACKUP, from_backup, 0, 0))
    assert notice == (
        f"Recovered from the damaged file {SOURCE}: 1 bookmark(s) (0 with notes), "
        "0 read mark(s)/position(s). From the backup state-20240301T080000-7.json: "
        f"{from_backup} more bookmark(s) (0 with notes), 0 more read mark(s)/position(s)."
    )


def test_an_unknown_number_of_missing_bookmarks_claims_nothing() -> None:
    notice = recovery_notice(Recovery(SOURCE, bookmarks=1, missing_bookmarks=None), None)
    assert "lost" not in notice and "Not recovered" not in notice


# -- restore_latest on real backups ---------------------------------------------------------


def _bookmark(uid: str, note: str = "") -> Bookmark:
    return Bookmark(
        id=0, fingerprint=f"fp-{uid}", path=f"{uid}.txt", title=uid.upper(), quote=None,
        note=note, created="2024-03-01T08:00:00.000Z", uid=uid,
    )  # fmt: skip


def _write_backup(folder: Path, name: str, bookmarks: list[Bookmark], **extra: object) -> Path:
    document = {
        "tuireader_backup": 1,
        "annotations": {
            "type": "AnnotationCollection",
            "total": len(bookmarks),
            "items": [to_annotation(b) for b in bookmarks],
        },
        **extra,
    }
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path):
    opened = StateStore.open(tmp_path / "new" / "state.db", backups=False)
    yield opened
    opened.close()


def test_a_restore_adds_only_what_salvage_missed_and_counts_only_new_notes(
    store: StateStore, tmp_path: Path
) -> None:
    store.bookmarks.insert([_bookmark("kept", "salvaged note")])
    folder = tmp_path / "backups"
    backup = _write_backup(
        folder,
        "state-20240301T080000-7.json",
        [_bookmark("kept", "salvaged note"), _bookmark("new", "a note"), _bookmark("plain")],
    )
    recovery = Recovery(SOURCE, bookmarks=1, notes=1, missing_bookmarks=0)
    notice = restore_latest(store, folder, recovery)
    assert f"From the backup {backup.name}: 2 more bookmark(s) (1 with notes)" in notice
    assert {b.uid for b in store.bookmarks.matching()} == {"kept", "new", "plain"}


def test_bookmarks_in_the_damaged_files_trash_stay_deleted(
    store: StateStore, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    _write_backup(
        folder, "state-20240301T080000-7.json", [_bookmark("gone", "n"), _bookmark("live")]
    )
    recovery = Recovery(SOURCE, trashed_uids={"gone"})
    notice = restore_latest(store, folder, recovery)
    assert [b.uid for b in store.bookmarks.matching()] == ["live"]
    assert "1 more bookmark(s) (0 with notes)" in notice


def test_notes_are_never_counted_above_the_bookmarks_added(
    store: StateStore, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    twice = _bookmark("twice", "a note")
    _write_backup(folder, "state-20240301T080000-7.json", [twice, twice])  # one uid, twice
    assert restore_latest(store, folder) == (
        "From the backup state-20240301T080000-7.json: 1 bookmark(s) (1 with notes), "
        "0 read mark(s)/position(s)."
    )


def _state(fp: str, **fields: object) -> dict[str, object]:
    entry: dict[str, object] = {"fingerprint": fp, "last_path": f"{fp}.txt", "read": True}
    entry.update(fields)
    return entry


@pytest.mark.parametrize(
    "bad",
    [
        {"fingerprint": {"not": "text"}},
        {"last_path": ["a", "list"]},
        {"read_at": {"a": 1}},
        {"pos_block": -1},
        {"pos_offset": 2**31},
        {"pos_block": "3"},
        {"pos_offset": True},
    ],
    ids=["fingerprint", "last_path", "read_at", "block", "offset", "block-text", "offset-bool"],
)
def test_a_backup_with_a_bad_state_row_gives_way_to_the_one_before(
    store: StateStore, tmp_path: Path, bad: dict[str, object]
) -> None:
    folder = tmp_path / "backups"
    _write_backup(folder, "state-20240101T080000-7.json", [], article_state=[_state("older")])
    _write_backup(
        folder,
        "state-20240301T080000-7.json",
        [_bookmark("newer")],
        article_state=[_state("fine"), _state("bad", **bad)],
    )
    notice = restore_latest(store, folder)
    assert notice.startswith("From the backup state-20240101T080000-7.json: 0 bookmark(s)")
    assert store.marks.is_read("older") and not store.marks.is_read("fine")
    assert store.bookmarks.count() == 0


def test_a_state_row_without_a_fingerprint_gives_way_to_the_backup_before(
    store: StateStore, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    _write_backup(folder, "state-20240101T080000-7.json", [], article_state=[_state("older")])
    _write_backup(folder, "state-20240301T080000-7.json", [], article_state=[{"read": True}])
    assert "state-20240101T080000-7.json" in restore_latest(store, folder)
    assert store.marks.is_read("older")


def test_state_rows_keep_their_fields_and_missing_ones_are_empty(
    store: StateStore, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    rows = [
        {"fingerprint": "a", "last_path": "a.txt", "read": 1, "read_at": "2024-01-01T00:00:00Z",
         "pos_block": 0, "pos_offset": 2**31 - 1},
        {"fingerprint": "b", "read": 0, "pos_block": 4},
        {"fingerprint": 42},
    ]  # fmt: skip
    _write_backup(folder, "state-20240301T080000-7.json", [], article_state=rows)
    assert restore_latest(store, folder).endswith("3 read mark(s)/position(s).")
    assert store.marks.dump() == [
        ("42", None, 0, None, None, None),
        ("a", "a.txt", 1, "2024-01-01T00:00:00Z", 0, 2**31 - 1),
        ("b", None, 0, None, 4, None),
    ]


def test_a_restore_never_replaces_what_salvage_already_has(
    store: StateStore, tmp_path: Path
) -> None:
    store.marks.set_read("a", "salvaged.txt")
    folder = tmp_path / "backups"
    state = {"fingerprint": "a", "last_path": "old.txt", "read": False, "pos_block": 9}
    _write_backup(folder, "state-20240301T080000-7.json", [], article_state=[state])
    assert restore_latest(store, folder).endswith("0 read mark(s)/position(s).")
    assert store.marks.is_read("a") and store.positions.get("a") is None


def test_a_written_backup_restores_into_an_empty_store(store: StateStore, tmp_path: Path) -> None:
    store.bookmarks.insert([_bookmark("one", "n"), _bookmark("two")])
    store.marks.set_read("fp", "x.txt")
    written = write_backup(store, tmp_path / "backups")
    other = StateStore.open(tmp_path / "other" / "state.db", backups=False)
    try:
        assert restore_latest(other, tmp_path / "backups") == (
            f"From the backup {written.name}: 2 bookmark(s) (1 with notes), "
            "1 read mark(s)/position(s)."
        )
        assert {b.uid for b in other.bookmarks.matching()} == {"one", "two"}
    finally:
        other.close()


@pytest.mark.parametrize(
    "bad",
    [
        {"reading": {"reading_time": [["2024-01-01", "fp", "a.txt", "T", "S", 1.5]]}},
        {"reading": {"reading_finished": [["fp", "2024-01-01", "a.txt", {"x": 1}]]}},
        {"reading": {"reading_time": "not rows"}},
        {"reading": ["not", "a", "dict"]},
        {"vocabulary": [{"word": "", "pinyin": "x"}]},
        {"vocabulary": [{"word": "词", "pinyin": 3}]},
        {"vocabulary": [{"word": "词", "lookups": 0}]},
        {"vocabulary": [{"word": "词", "lookups": True}]},
        {"vocabulary": [{"word": "词", "lookups": "2"}]},
        {"vocabulary": ["a word"]},
    ],
    ids=["short-row", "dict-value", "rows-text", "reading-list", "no-word", "pinyin-number",
         "no-lookups", "bool-lookups", "text-lookups", "word-text"],
)  # fmt: skip
def test_a_backup_refused_for_a_bad_part_adds_nothing_of_it(
    store: StateStore, tmp_path: Path, bad: dict[str, object]
) -> None:
    folder = tmp_path / "backups"
    _write_backup(folder, "state-20240101T080000-7.json", [_bookmark("older")])
    good_reading = {"reading_time": [["2024-01-01", "fp", "a.txt", "T", "S", 1.5, 10]]}
    newer = {"article_state": [_state("newer")], "reading": good_reading,
             "vocabulary": [{"word": "好", "lookups": 2}]} | bad  # fmt: skip
    _write_backup(folder, "state-20240301T080000-7.json", [_bookmark("newer")], **newer)
    notice = restore_latest(store, folder)
    assert notice.startswith("From the backup state-20240101T080000-7.json: 1 bookmark(s)")
    assert [b.uid for b in store.bookmarks.matching()] == ["older"]
    assert not store.marks.is_read("newer")
    assert store.vocab.words() == []
    assert store.stats.dump() == {"reading_time": [], "reading_finished": []}


def test_statistics_and_words_of_a_backup_are_restored_exactly(
    store: StateStore, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    reading = {
        "reading_time": [["2024-01-01", "fp", "a.txt", "T", "S", 1.5, 10]],
        "reading_finished": [["fp", "2024-01-02", "a.txt", "T"]],
    }
    words = [
        {"word": "好", "pinyin": "hǎo", "definitions": "good", "context": "好的。",
         "fingerprint": "fp", "path": "a.txt", "title": "T", "lookups": 3,
         "created": "2024-01-01T00:00:00.000Z"},
        {"word": "人"},
    ]  # fmt: skip
    _write_backup(folder, "state-20240301T080000-7.json", [], reading=reading, vocabulary=words)
    restore_latest(store, folder)
    assert store.stats.dump() == reading
    first, second = store.vocab.words()
    assert first == VocabWord("好", "hǎo", "good", "好的。", "fp", "a.txt", "T", 3,
                              "2024-01-01T00:00:00.000Z")  # fmt: skip
    assert (second.word, second.pinyin, second.lookups, second.created) == ("人", "", 1, "")
