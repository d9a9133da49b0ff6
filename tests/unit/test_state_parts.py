"""The store's parts at their edges: whole-article bookmarks and their notes, the listing's
order and paging, read marks in bulk, reading statistics and the clock, the vocabulary
list, saved searches and the atomic file writer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tuireader.library.loader import fingerprint
from tuireader.library.model import Anchor, Article, ArticleMeta, Block
from tuireader.state import StateStore
from tuireader.state.export import write_atomic
from tuireader.state.reading import IDLE_SECONDS, Reading, ReadingClock, StatsReport
from tuireader.state.vocabulary import VocabWord

ART = Article(
    ArticleMeta(title="河流"),
    blocks=(Block("paragraph", "The river rose overnight."), Block("paragraph", "河水上涨。")),
    path="news/river.md",
)


@pytest.fixture
def store(tmp_path: Path):
    opened = StateStore.open(tmp_path / "state.db", backups=False)
    yield opened
    opened.close()


def test_a_second_whole_article_bookmark_with_a_note_stores_the_note(store: StateStore) -> None:
    first = store.bookmarks.add_article("fp", "a.txt", "A", "first note")
    again = store.bookmarks.add_article("fp", "a.txt", "A")  # no note: the old one stays
    assert (again.id, again.note) == (first.id, "first note")
    noted = store.bookmarks.add_article("fp", "a.txt", "A", "second note")
    assert (noted.id, noted.note) == (first.id, "second note")
    assert store.bookmarks.count() == 1


def test_a_whole_article_bookmark_is_apart_from_its_passages(store: StateStore) -> None:
    passage = store.bookmarks.add_passage(ART, Anchor(0, 4), Anchor(0, 9), fp="fp")
    whole = store.bookmarks.add_article("fp", ART.path, ART.title, "n")
    assert whole.id != passage.id and store.bookmarks.count() == 2


def test_a_passage_without_a_fingerprint_gets_the_loaders(store: StateStore) -> None:
    b = store.bookmarks.add_passage(ART, Anchor(1, 0), Anchor(1, 2))
    assert b.fingerprint == fingerprint(ART) and b.quote == "河水"


def test_an_empty_list_pages_and_counts_nothing(store: StateStore) -> None:
    assert store.bookmarks.matching() == [] and store.bookmarks.page() == []
    assert store.bookmarks.count() == 0 and store.bookmarks.get(1) is None
    assert store.bookmarks.undo_delete(99) is None


def test_matching_lists_every_bookmark_beyond_one_page(store: StateStore) -> None:
    for i in range(205):
        store.bookmarks.add_article(f"fp{i:03d}", f"{i}.txt", f"T{i:03d}")
    assert len(store.bookmarks.page()) == 200
    assert [b.title for b in store.bookmarks.matching()] == [f"T{i:03d}" for i in range(205)]
    assert [b.title for b in store.bookmarks.matching("T20")] == [f"T20{i}" for i in range(5)]


def test_titles_sort_without_regard_to_case_then_by_article_and_place(store: StateStore) -> None:
    store.bookmarks.add_article("fp2", "b.txt", "beta")
    store.bookmarks.add_article("fp1", "a.txt", "Alpha")
    store.bookmarks.add_article("fp3", "c.txt", "alpha")
    assert [b.fingerprint for b in store.bookmarks.page()] == ["fp1", "fp3", "fp2"]


def test_read_marks_in_bulk_report_only_what_changed(store: StateStore) -> None:
    items = [(f"fp{i}", f"{i}.txt") for i in range(1200)]  # more than one query's chunk
    assert len(store.marks.set_read_many(items[:700])) == 700
    changed = store.marks.set_read_many(items)
    assert changed == items[700:]
    assert store.marks.set_read_many(items) == []
    assert store.marks.set_read_many(items[:3], read=False) == items[:3]
    assert not store.marks.is_read("fp0") and store.marks.is_read("fp3")
    rows = {row[0]: row for row in store.marks.dump()}
    assert rows["fp0"][2:4] == (0, None)  # unread: no read time
    assert rows["fp5"][2] == 1 and rows["fp5"][3].endswith("Z")


def test_a_position_keeps_the_read_mark_and_a_missing_one_is_none(store: StateStore) -> None:
    assert store.positions.get("fp") is None
    store.marks.set_read("fp", "a.txt")
    assert store.positions.get("fp") is None
    store.positions.save("fp", "moved/a.txt", Anchor(0, 0))
    assert store.positions.get("fp") == Anchor(0, 0) and store.marks.is_read("fp")
    assert store.marks.dump()[0][:2] == ("fp", "moved/a.txt")


def _reading(seconds: float, chars: int = 0, name: str = "tea") -> Reading:
    return Reading(f"fp-{name}", f"{name}.md", name.title(), "essays", seconds, chars)


def test_characters_without_time_still_count(store: StateStore) -> None:
    day = dt.datetime(2024, 3, 4, 9)
    store.stats.add(_reading(-5, 300), day)  # a clock that went backwards counts as none
    report = store.stats.report(days=1, today=day.date())
    assert (report.seconds, report.chars, report.days_read) == (0, 300, 0)


def test_reading_counts_on_the_readers_local_day(store: StateStore) -> None:
    far_east = dt.timezone(dt.timedelta(hours=14))  # another day than most readers' own
    moment = dt.datetime(2024, 3, 5, 1, 30, tzinfo=far_east)
    store.stats.add(_reading(60), moment)
    local_day = moment.astimezone().date()
    assert store.stats.report(days=1, today=local_day).seconds == 60


def test_an_article_is_finished_once(store: StateStore) -> None:
    day = dt.datetime(2024, 3, 4)
    assert store.stats.finish("fp", "a.md", "A", day) is True
    assert store.stats.finish("fp", "a.md", "A", day + dt.timedelta(days=1)) is False
    assert store.stats.dump()["reading_finished"] == [["fp", "2024-03-04", "a.md", "A"]]


def test_the_report_lists_the_top_articles_by_time(store: StateStore) -> None:
    day = dt.datetime(2024, 3, 4)
    for i, seconds in enumerate([30, 90, 60, 10]):
        store.stats.add(_reading(seconds, name=f"n{i}"), day)
    report = store.stats.report(days=1, today=day.date(), top=2)
    assert report.articles == [("N1", 90.0), ("N2", 60.0)]
    assert report.sections == [("essays", 190.0)]


def test_streaks_count_consecutive_days(store: StateStore) -> None:
    start = dt.datetime(2024, 3, 1)
    for offset in (0, 1, 2, 5, 6, 9):
        store.stats.add(_reading(60), start + dt.timedelta(days=offset))
    today = (start + dt.timedelta(days=9)).date()
    report = store.stats.report(days=10, today=today)
    assert (report.streak, report.longest_streak, report.days_read) == (1, 3, 6)
    assert store.stats.report(days=10, today=today + dt.timedelta(days=2)).streak == 0


def test_the_report_as_json_rounds_to_a_tenth() -> None:
    report = StatsReport(
        seconds=12.345, chars=7, finished=1, days=[("2024-03-04", 12.345, 7)],
        articles=[("A", 12.345)], sections=[("s", 12.345)], streak=1, longest_streak=2,
        days_read=1,
    )  # fmt: skip
    assert report.to_json() == {
        "seconds": 12.3, "chars": 7, "finished": 1, "streak": 1, "longest_streak": 2,
        "days_read": 1, "days": [{"day": "2024-03-04", "seconds": 12.3, "chars": 7}],
        "articles": [{"title": "A", "seconds": 12.3}],
        "sections": [{"section": "s", "seconds": 12.3}],
    }  # fmt: skip


def test_a_clock_touched_before_it_started_starts_then() -> None:
    clock = ReadingClock(idle=10)
    clock.touch(50.0)
    clock.touch(55.0)
    clock.touch(54.0)  # a clock that went backwards adds nothing
    assert clock.take(100.0) == 5 + 0 + 10
    clock.start(200.0)
    assert clock.take(203.5) == 3.5
    assert ReadingClock().take(1.0) == 0 and IDLE_SECONDS == 120


def test_a_words_context_is_cut_to_300_characters(store: StateStore) -> None:
    store.vocab.save(VocabWord("长", "cháng", "long", "长" * 400))
    assert store.vocab.words()[0].context == "长" * 300


def test_a_later_lookup_counts_and_keeps_the_first_context(store: StateStore) -> None:
    store.vocab.save(VocabWord("词", "cí", "word", "first sentence", "fp1", "a.md", "A"))
    store.vocab.save(VocabWord("词", "cí", "word", "second sentence", "fp2", "b.md", "B"))
    (word,) = store.vocab.words()
    assert (word.lookups, word.context, word.path) == (2, "first sentence", "a.md")
    assert word.created.endswith("Z")


def test_saved_searches_are_trimmed_and_known_by_name(store: StateStore) -> None:
    store.searches.save("  econ ", "  经济 -发展 ")
    assert store.searches.is_saved("econ") and not store.searches.is_saved("  econ ")
    (saved,) = store.searches.all()
    assert (saved.name, saved.query) == ("econ", "经济 -发展")
    assert store.searches.delete("econ") and not store.searches.delete("econ")
    assert not store.searches.is_saved("econ")


def test_a_failed_atomic_write_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    write_atomic(target, "old\n")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, "new \ud800 text\n")  # cannot be written as UTF-8
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


@pytest.mark.parametrize(("name", "query"), [("", "q"), ("n", " "), ("  ", "")])
def test_a_saved_search_without_a_name_or_query_says_so(
    store: StateStore, name: str, query: str
) -> None:
    with pytest.raises(ValueError) as refused:
        store.searches.save(name, query)
    assert str(refused.value) == "a saved search needs a name and a query"  # shown as is
    assert store.searches.all() == []


def test_time_stamps_are_sortable_utc_text() -> None:
    import re
    import time

    from tuireader.state.rows import file_stamp, now_iso

    before = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(time.time() - 1))
    stamp = now_iso()
    after = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(time.time() + 1))
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", stamp)
    assert before <= stamp[:19] <= after
    assert re.fullmatch(r"\d{8}T\d{6}", file_stamp())
    day = file_stamp()[:8]
    assert before[:10].replace("-", "") <= day <= after[:10].replace("-", "")


def test_an_atomic_write_goes_through_a_hidden_temp_file_beside_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import re

    moved: list[tuple[str, str]] = []
    real = os.replace

    def replace(src: str, dst: str) -> None:
        moved.append((str(src), str(dst)))
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    write_atomic(tmp_path / "export.json", "{}\n")
    ((source, target),) = moved
    # A crash before the rename leaves only a hidden file, never a half "export.json".
    assert Path(source).parent == tmp_path and target == str(tmp_path / "export.json")
    assert re.fullmatch(r"\.export\.json\..+\.tmp", Path(source).name)


def test_no_reading_at_all_is_no_streak(store: StateStore) -> None:
    report = store.stats.report(days=7, today=dt.date(2024, 3, 4))
    assert (report.streak, report.longest_streak, report.days_read, report.finished) == (0, 0, 0, 0)
    assert report.seconds == 0 and report.chars == 0 and len(report.days) == 7
    assert report.articles == [] and report.sections == []
