"""Rolling JSON backups of state.db, and restoring from them after damage."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

from tuireader.library.model import Anchor, Article, ArticleMeta, Block
from tuireader.state import StateStore
from tuireader.state.backup import (
    KEEP,
    backup_if_due,
    backup_text,
    backups,
    restore_latest,
    write_backup,
)

ART = Article(
    ArticleMeta(title="T"), blocks=(Block("paragraph", "第一句。第二句！"),), path="a.txt"
)


def test_opening_writes_a_backup_once_a_day(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    StateStore.open(db).close()
    assert len(backups(tmp_path / "backups")) == 1
    StateStore.open(db).close()
    assert len(backups(tmp_path / "backups")) == 1  # not again on the same day


def test_a_day_old_backup_makes_a_new_one(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    store = StateStore.open(db)
    folder = tmp_path / "backups"
    old = backups(folder)[0]
    day_ago = time.time() - 25 * 3600
    os.utime(old, (day_ago, day_ago))
    old.rename(folder / "state-20000101T000000-1.json")  # sorts as older
    assert backup_if_due(store, folder) is None
    assert len(backups(folder)) == 2
    store.close()


def test_backup_holds_bookmarks_read_marks_and_positions(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path / "state.db", backups=False)
    store.bookmarks.add_passage(ART, Anchor(0, 4), Anchor(0, 8), "note", fp="fpA")
    store.marks.set_read("fpA", "a.txt")
    store.positions.save("fpA", "a.txt", Anchor(0, 4))
    written = write_backup(store, tmp_path / "backups")
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["annotations"]["items"][0]["target"]["selector"][0]["exact"] == "第二句！"
    assert data["article_state"][0]["read"] is True
    assert data["article_state"][0]["pos_offset"] == 4
    assert not list((tmp_path / "backups").glob(".*tmp"))  # no temp file left behind
    store.close()


def test_only_the_last_ten_are_kept(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path / "state.db", backups=False)
    folder = tmp_path / "backups"
    folder.mkdir()
    for i in range(15):
        (folder / f"state-2020010{i:02d}T000000-1.json").write_text("{}")
    newest = write_backup(store, folder)
    kept = backups(folder)
    assert len(kept) == KEEP and kept[-1] == newest
    assert (tmp_path / "state.db").exists()
    store.close()


def test_damaged_database_is_refilled_from_the_newest_backup(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    store = StateStore.open(db, backups=False)
    b = store.bookmarks.add_passage(ART, Anchor(0, 4), Anchor(0, 8), "note", fp="fpA")
    store.marks.set_read("fpA", "a.txt")
    store.positions.save("fpB", "b.txt", Anchor(3, 1))
    write_backup(store, tmp_path / "backups")
    store.close()
    db.write_bytes(b"garbage" * 100)
    store = StateStore.open(db)
    assert "not a SQLite database" in store.notices[0]
    assert "1 more bookmark(s) (1 with notes), 2 more read mark(s)" in store.notices[1]
    restored = store.bookmarks.page()[0]
    assert (restored.uid, restored.quote, restored.note) == (b.uid, "第二句！", "note")
    assert store.marks.is_read("fpA") and store.positions.get("fpB") == Anchor(3, 1)
    store.close()


def _backup_document(fingerprints: list[str]) -> str:
    """A backup holding read marks for ``fingerprints`` and no bookmarks."""
    states = [
        {"fingerprint": fp, "last_path": f"{fp}.txt", "read": True, "read_at": None,
         "pos_block": None, "pos_offset": None}
        for fp in fingerprints
    ]  # fmt: skip
    empty = {"type": "AnnotationCollection", "total": 0, "items": []}
    return json.dumps({"tuireader_backup": 1, "article_state": states, "annotations": empty})


def test_recovery_restores_the_newest_of_several_backups(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    written = {
        "state-20240101T080000-7.json": ["old1"],
        "state-20240301T080000-7.json": ["new1", "new2"],  # the newest
        "state-20240201T080000-7.json": ["mid1", "mid2", "mid3"],
    }
    for name, fingerprints in written.items():
        (folder / name).write_text(_backup_document(fingerprints), encoding="utf-8")
    db = tmp_path / "state.db"
    db.write_bytes(b"garbage" * 100)
    store = StateStore.open(db, backups=False)
    assert "0 more bookmark(s) (0 with notes), 2 more read mark(s)" in store.notices[1]
    assert "state-20240301T080000-7.json" in store.notices[1]
    assert store.marks.is_read("new1") and store.marks.is_read("new2")
    assert not store.marks.is_read("old1") and not store.marks.is_read("mid1")
    store.close()


def test_an_unreadable_newest_backup_falls_back_to_the_one_before(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "state-20240101T080000-7.json").write_text(_backup_document(["older"]))
    (folder / "state-20240301T080000-7.json").write_text("{ cut short by a crash")
    db = tmp_path / "state.db"
    db.write_bytes(b"garbage" * 100)
    store = StateStore.open(db, backups=False)
    assert "0 more bookmark(s) (0 with notes), 1 more read mark(s)" in store.notices[1]
    assert "state-20240101T080000-7.json" in store.notices[1]
    store.close()


def test_reading_statistics_and_vocabulary_come_back_from_a_backup(tmp_path: Path) -> None:
    import datetime as dt

    from tuireader.state.reading import Reading
    from tuireader.state.vocabulary import VocabWord

    db = tmp_path / "state.db"
    store = StateStore.open(db, backups=False)
    day = dt.datetime(2024, 3, 4, 20)
    store.stats.add(Reading("fpA", "a.txt", "T", "news", 90, 300), day)
    store.stats.finish("fpA", "a.txt", "T", day)
    store.vocab.save(VocabWord("经济", "jīng jì", "economy", "经济发展。", "fpA", "a.txt", "T"))
    saved_words, saved_stats = store.vocab.words(), store.stats.dump()
    write_backup(store, tmp_path / "backups")
    store.close()
    db.write_bytes(b"garbage" * 100)
    store = StateStore.open(db, backups=False)
    report = store.stats.report(days=1, today=day.date())
    assert (report.seconds, report.chars, report.finished) == (90, 300, 1)
    (word,) = store.vocab.words()
    assert (word.word, word.pinyin, word.context, word.lookups) == (
        "经济",
        "jīng jì",
        "经济发展。",
        1,
    )
    # Every field comes back: where the word was met (article, path, title) and when.
    assert store.vocab.words() == saved_words
    assert (word.fingerprint, word.path, word.title) == ("fpA", "a.txt", "T")
    assert store.stats.dump() == saved_stats
    store.close()


def test_a_backup_after_every_n_changes(tmp_path: Path) -> None:
    from tuireader.state.backup import CHANGES_PER_BACKUP

    db = tmp_path / "state.db"
    folder = tmp_path / "backups"
    store = StateStore.open(db)
    assert len(backups(folder)) == 1  # the first open of the day
    for i in range(CHANGES_PER_BACKUP - 1):
        store.marks.set_read(f"fp{i}", f"{i}.txt")
    assert len(backups(folder)) == 1
    time.sleep(1.1)  # backup names carry the second they were made
    store.marks.set_read("last", "last.txt")
    found = backups(folder)
    assert len(found) == 2
    states = json.loads(found[-1].read_text("utf-8"))["article_state"]
    assert len(states) == CHANGES_PER_BACKUP
    store.close()


def test_a_clean_close_backs_up_what_changed(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    folder = tmp_path / "backups"
    StateStore.open(db).close()
    time.sleep(1.1)
    store = StateStore.open(db)  # same day: no backup at open
    b = store.bookmarks.add_article("fp", "a.txt", "A title", "a note")
    assert len(backups(folder)) == 1
    store.close()
    found = backups(folder)
    assert len(found) == 2
    items = json.loads(found[-1].read_text("utf-8"))["annotations"]["items"]
    assert [item["id"] for item in items] == [f"urn:uuid:{b.uid}"]


def test_a_close_without_changes_writes_no_backup(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    StateStore.open(db).close()
    StateStore.open(db).close()
    assert len(backups(tmp_path / "backups")) == 1


def test_pruning_keeps_one_backup_per_recent_day(tmp_path: Path) -> None:
    from tuireader.state.backup import prune

    folder = tmp_path / "backups"
    folder.mkdir()
    now = time.time()
    names = []
    for days_ago in (9, 3, 3, 2):
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(now - days_ago * 86400 + len(names)))
        names.append(f"state-{stamp}-{len(names)}.json")
    for minute in range(KEEP):  # today's: the KEEP newest
        names.append(f"state-{time.strftime('%Y%m%d', time.gmtime(now))}T{minute:04d}00-9.json")
    for name in names:
        (folder / name).write_text("{}")
    prune(folder, now=now)
    kept = {p.name for p in backups(folder)}
    assert kept == set(names[-KEEP:]) | {names[2], names[3]}


def test_a_backup_round_trips_every_read_mark_and_position(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path / "one" / "state.db", backups=False)
    store.marks.set_read_many([("fpA", "新闻/a.txt"), ("fpB", "b.txt")])
    store.positions.save("fpB", "b.txt", Anchor(3, 1))
    store.positions.save("fpC", "c/c.md", Anchor(0, 7))
    store.bookmarks.add_passage(ART, Anchor(0, 4), Anchor(0, 8), "note", fp="fpA")
    written = write_backup(store, tmp_path / "backups")
    before = store.marks.dump()
    store.close()
    restored = StateStore.open(tmp_path / "two" / "state.db", backups=False)
    assert restore_latest(restored, tmp_path / "backups") == (
        f"From the backup {written.name}: 1 bookmark(s) (1 with notes), 3 read mark(s)/position(s)."
    )
    assert restored.marks.dump() == before  # paths and read times too
    restored.close()


def test_the_backup_document_says_what_it_is(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path / "state.db", backups=False)
    store.bookmarks.add_passage(ART, Anchor(0, 4), Anchor(0, 8), "note", fp="fpA")
    written = write_backup(store, tmp_path / "backups")
    assert re.fullmatch(r"state-\d{8}T\d{6}-\d+\.json", written.name)
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["tuireader_backup"] == 1
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d.*", data["created"])
    assert data["annotations"]["type"] == "AnnotationCollection"
    assert data["annotations"]["total"] == len(data["annotations"]["items"]) == 1
    store.close()


def test_a_backup_is_due_once_a_full_day_has_passed(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path / "state.db", backups=False)
    folder = tmp_path / "backups"
    first = write_backup(store, folder)
    made = first.stat().st_mtime
    first.rename(folder / "state-20000101T000000-1.json")  # another name, the same time
    assert backup_if_due(store, folder, now=made + 23 * 3600) is None
    assert len(backups(folder)) == 1  # not due yet
    assert backup_if_due(store, folder, now=made + 24 * 3600) is None
    assert len(backups(folder)) == 2  # a full day later: due
    store.close()


def test_a_failed_backup_is_a_notice_not_a_crash(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path / "state.db", backups=False)
    blocker = tmp_path / "backups"
    blocker.write_text("a file where the backups folder should be")
    notice = backup_if_due(store, blocker)
    assert notice is not None and notice.startswith(f"Could not write a backup in {blocker}: ")
    assert "a file where" not in notice and len(notice) < 200
    store.close()


def test_a_backup_of_bookmarks_only_is_restored_too(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path / "state.db", backups=False)
    store.bookmarks.add_passage(ART, Anchor(0, 4), Anchor(0, 8), "note", fp="fpA")
    text = json.loads(backup_text(store))
    del text["article_state"]  # an annotations export dropped into the folder
    store.close()
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "state-20240101T000000-1.json").write_text(json.dumps(text), encoding="utf-8")
    fresh = StateStore.open(tmp_path / "fresh" / "state.db", backups=False)
    assert restore_latest(fresh, folder) == (
        "From the backup state-20240101T000000-1.json: 1 bookmark(s) (1 with notes), "
        "0 read mark(s)/position(s)."
    )
    fresh.close()


def test_no_backup_at_all_says_so(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path / "state.db", backups=False)
    assert restore_latest(store, tmp_path / "backups") == (
        "No backup was found to restore from: the new state database starts empty."
    )
    store.close()


def test_pruning_keeps_the_newest_of_each_of_the_seven_days_before_and_no_older(
    tmp_path: Path,
) -> None:
    from tuireader.state.backup import DAYS, prune

    folder = tmp_path / "backups"
    folder.mkdir()
    now = time.mktime((2024, 3, 20, 12, 0, 0, 0, 0, -1))
    names = []
    for days_ago in (DAYS + 1, DAYS, DAYS, 1):
        day = time.strftime("%Y%m%d", time.gmtime(now - days_ago * 86400))
        names.append(f"state-{day}T{len(names):02d}0000-1.json")
    recent = [f"state-20240320T{minute:04d}00-1.json" for minute in range(KEEP)]
    for name in names + recent:
        (folder / name).write_text("{}")
    prune(folder, now=now)
    assert [p.name for p in backups(folder)] == [names[2], names[3], *recent]
    prune(folder, keep=KEEP + 2, now=now)  # as many as it may keep: nothing goes
    assert len(backups(folder)) == KEEP + 2


def test_a_failed_periodic_backup_is_told_once_and_again_after_it_worked(tmp_path: Path) -> None:
    from tuireader.state.backup import CHANGES_PER_BACKUP

    store = StateStore.open(tmp_path / "state.db")
    folder = tmp_path / "backups"
    assert store.take_backup_problem() is None  # the backup at open worked

    def changes(tag: str) -> None:
        for i in range(CHANGES_PER_BACKUP):
            store.marks.set_read(f"{tag}{i}", f"{tag}{i}.txt")

    for old in backups(folder):
        old.unlink()
    folder.rmdir()
    folder.write_text("in the way")
    changes("a")
    problem = store.take_backup_problem()
    assert problem == f"Could not write a backup in {folder}: File exists"
    assert store.take_backup_problem() is None  # told once
    changes("b")  # fails again, for the same reason
    assert store.take_backup_problem() is None
    folder.unlink()
    changes("c")  # works again
    assert store.take_backup_problem() is None
    assert len(backups(folder)) == 1
    folder_file = folder.with_name("moved")
    folder.rename(folder_file)
    folder.write_text("in the way again")
    changes("d")
    assert store.take_backup_problem() == problem  # a new failure is told again
    store.close()


def test_a_store_without_backups_has_no_backup_problem(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path / "state.db", backups=False)
    for i in range(120):
        store.marks.set_read(f"fp{i}", f"{i}.txt")
    assert store.take_backup_problem() is None
    assert not (tmp_path / "backups").exists()
    store.close()
