"""``tuireader stats`` and ``tuireader vocab`` run in-process on a real state.db."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

from tuireader.cli import main
from tuireader.state import StateStore
from tuireader.state.reading import Reading, StatsReport
from tuireader.state.vocabulary import VocabWord


def _seed(data: Path) -> None:
    store = StateStore.open(data / "state.db", backups=False)
    today = dt.datetime.now()
    for back in range(3):
        when = today - dt.timedelta(days=back)
        store.stats.add(Reading("fp", "essays/tea.md", "On tea", "essays", 90, 400), when)
    store.stats.finish("fp", "essays/tea.md", "On tea", today)
    store.vocab.save(
        VocabWord("经济", "jīng jì", "economy; economic", "经济发展。", title="On tea")
    )
    store.close()


def test_stats_json_for_scripts(tmp_path: Path, capsys) -> None:
    _seed(tmp_path / "data")
    assert main(["stats", "--json", "--days", "7", "--data-dir", str(tmp_path / "data")]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["seconds"], report["chars"], report["finished"]) == (270, 1200, 1)
    assert report["streak"] == 3 and len(report["days"]) == 7
    assert report["sections"] == [{"section": "essays", "seconds": 270}]


def test_stats_for_people(tmp_path: Path, capsys) -> None:
    _seed(tmp_path / "data")
    assert main(["stats", "--data-dir", str(tmp_path / "data")]) == 0
    out = capsys.readouterr().out
    assert "4 min on 3 days, 1,200 characters, 1 finished" in out
    assert "streak: 3 days" in out and "On tea" in out


def test_vocab_export_writes_an_anki_csv(tmp_path: Path, capsys) -> None:
    _seed(tmp_path / "data")
    target = tmp_path / "out" / "vocab.csv"
    assert main(["vocab", "export", "-o", str(target), "--data-dir", str(tmp_path / "data")]) == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#separator:Comma"
    assert next(csv.reader(lines[3:])) == [
        "经济",
        "jīng jì",
        "economy; economic",
        "经济发展。",
        "On tea",
    ]
    assert "1 word(s) written" in capsys.readouterr().err


def test_vocab_list_as_json(tmp_path: Path, capsys) -> None:
    _seed(tmp_path / "data")
    assert main(["vocab", "list", "--json", "--data-dir", str(tmp_path / "data")]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["word"] == "经济"


def test_the_stats_json_names_every_figure_and_rounds_seconds():
    report = StatsReport(
        seconds=75.26,
        chars=1200,
        finished=2,
        days=[("2026-12-06", 30.04, 500), ("2026-12-07", 45.22, 700)],
        articles=[("河边", 50.06), ("On tea", 25.2)],
        sections=[("新闻", 75.26)],
        streak=2,
        longest_streak=5,
        days_read=9,
    )
    assert report.to_json() == {
        "seconds": 75.3,
        "chars": 1200,
        "finished": 2,
        "streak": 2,
        "longest_streak": 5,
        "days_read": 9,
        "days": [
            {"day": "2026-12-06", "seconds": 30.0, "chars": 500},
            {"day": "2026-12-07", "seconds": 45.2, "chars": 700},
        ],
        "articles": [{"title": "河边", "seconds": 50.1}, {"title": "On tea", "seconds": 25.2}],
        "sections": [{"section": "新闻", "seconds": 75.3}],
    }
