"""Encodings the user sets: the config's ``encodings`` (gitignore-like patterns, for every
library or one), ``--encoding`` on ``list`` and ``show``, and a catalog that reads again
exactly the files whose encoding a change of those settings changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuireader import cli
from tuireader.catalog import Catalog
from tuireader.catalog.db import connect
from tuireader.catalog.listings import load_encodings, save_listings
from tuireader.config import load_settings
from tuireader.library import walk
from tuireader.library.encoding.rules import NO_RULES, EncodingRules

# Our own text. Simplified Chinese saved as GBK reads cleanly as Big5 too (as nonsense),
# the case where a user has to say what a folder is.
GBK_TITLE = "旧城的新书店"
GBK_TEXT = f"{GBK_TITLE}\n\n这是一段用国标码保存的文字，说明旧档案的编码与阅读的方法。\n"
BIG5_TITLE = "舊城的新書店"
BIG5_TEXT = f"{BIG5_TITLE}\n\n這是一段用大五碼保存的文字，說明舊檔案的編碼與閱讀的方法。\n"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@pytest.fixture(autouse=True)
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Folders count as changed long ago, so an unchanged rescan takes the quick path."""
    monkeypatch.setattr(walk, "RACY_NS", -3600 * 1_000_000_000)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """GBK files in two folders, a Big5 file, a UTF-8 Markdown page."""
    root = tmp_path / "lib"
    write(root / "archive" / "1996" / "a.txt", GBK_TEXT.encode("gbk"))
    write(root / "archive" / "b.txt", GBK_TEXT.replace("旧城", "老城").encode("gbk"))
    write(root / "taiwan" / "c.big5.txt", BIG5_TEXT.encode("big5"))
    write(root / "notes" / "d.md", "---\ntitle: 笔记\n---\n\n一段笔记。\n")
    return root


def encodings(catalog: Catalog) -> dict[str, tuple[str, str]]:
    """Path → (encoding, title) of every catalogued article."""
    return {row.path: (row.encoding, row.title) for row in catalog.rows(limit=100)}


# Patterns ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "matched", "not_matched"),
    [
        ("archive", ["archive/a.txt", "x/archive/b/c.txt", "archive"], ["archived/a.txt"]),
        ("archive/**", ["archive/a.txt", "archive/1996/b.txt"], ["x/archive/a.txt", "archive"]),
        ("*.big5.txt", ["a.big5.txt", "x/y/a.big5.txt"], ["a.big5.txt.bak", "a.txt"]),
        ("news/*.txt", ["news/a.txt"], ["news/old/a.txt", "x/news/a.txt"]),
        ("news/**/*.txt", ["news/a.txt", "news/old/1996/a.txt"], ["news/a.md"]),
        ("199?/*", ["1996/a.txt"], ["19960/a.txt", "1996/x/a.txt"]),
        ("[!x]*.txt", ["a.txt", "d/b.txt"], ["x.txt"]),
        ("a+b (1).txt", ["a+b (1).txt", "d/a+b (1).txt"], ["aab (1).txt"]),
        ("[]a]*.txt", ["]x.txt", "ab.txt"], ["b.txt"]),  # a "]" first in a class is a "]"
        ("[ab\\]*.md", ["\\x.md", "a.md"], ["X.md", "Xx.md"]),  # so is a backslash
        ("/archive", ["archive/a.txt", "archive"], ["x/archive/a.txt"]),  # a "/": anchored
        ("archive/", ["archive/a.txt", "x/archive/a.txt"], ["archived/a.txt"]),  # at the end: not
        ("news//*.txt", ["news/a.txt"], ["news/old/a.txt", "x/news/a.txt"]),
        ("**/**/a.txt", ["a.txt", "x/a.txt", "x/y/a.txt"], ["b.txt", "xa.txt", "x/a.txt.bak"]),
        ("**/old/*.txt", ["old/a.txt", "x/y/old/a.txt"], ["x/old/y/a.txt", "xold/a.txt"]),
        ("**", ["a.txt", "x/y/a.md"], []),
        ("a?.txt", ["ab.txt", "x/ab.txt"], ["a/.txt", "abc.txt", "a.txt"]),
    ],
)
def test_patterns_match_files_as_gitignore_lines_do(pattern, matched, not_matched) -> None:
    rules = EncodingRules(((pattern, "gbk"),))
    assert [key for key in matched if rules.encoding_for(key) == "gbk"] == matched
    assert [key for key in not_matched if rules.encoding_for(key) is not None] == []


def test_the_first_matching_rule_counts_and_a_library_s_own_come_first() -> None:
    entries = [(None, "*.txt", "gbk"), ("news", "old/**", "big5"), ("other", "**", "utf-8")]
    news = EncodingRules.for_library(entries, "news")
    assert news.encoding_for("old/a.txt") == "big5"
    assert news.encoding_for("new/a.txt") == "gbk"
    assert news.encoding_for("new/a.md") is None
    unnamed = EncodingRules.for_library(entries, None)
    assert unnamed.encoding_for("old/a.txt") == "gbk"
    assert EncodingRules((("**", "big5"),)).before(unnamed).encoding_for("a.txt") == "big5"


# The config -------------------------------------------------------------------------


def test_the_config_reads_encodings_and_says_what_is_wrong_on_which_line(tmp_path) -> None:
    config = write(
        tmp_path / "config.yaml",
        "libraries:\n"
        "  news: news\n"
        "encodings:\n"
        "  archive: GB18030\n"
        '  "*.big5.txt": big5\n'
        "  tw: EUC-TW\n"
        "  news:\n"
        '    "old/**": gbk\n'
        "    x: no-such-codec\n"
        "  nolibrary:\n"
        "    y: gbk\n"
        "  /etc/z: gbk\n"
        "  b64: base64\n",
    )
    settings = load_settings(config)
    assert settings.encodings == [
        (None, "archive", "gb18030"),
        (None, "*.big5.txt", "big5"),
        (None, "tw", "euc_tw"),
        ("news", "old/**", "gbk"),
    ]
    problems = "\n".join(settings.problems)
    assert "line 10:" in problems and "'no-such-codec' is not an encoding" in problems
    assert "line 10:" in problems and "'nolibrary' is no library name (news)" in problems
    assert "line 13:" in problems and "must be inside the library folder" in problems
    assert "line 13:" in problems and "'base64' is not an encoding" in problems
    assert len(settings.problems) == 4


def test_encodings_that_are_no_mapping_are_a_problem_not_a_crash(tmp_path) -> None:
    settings = load_settings(write(tmp_path / "c.yaml", "encodings: gbk\n"))
    assert settings.encodings == []
    assert any("pattern: encoding" in problem for problem in settings.problems)


# The catalog ------------------------------------------------------------------------


def test_a_rule_decides_the_encoding_a_scan_reads_its_files_in(tmp_path, library) -> None:
    catalog = Catalog(tmp_path / "c.db", library)
    catalog.scan()
    guessed = encodings(catalog)
    assert guessed["archive/1996/a.txt"] == ("gbk", GBK_TITLE)
    assert guessed["taiwan/c.big5.txt"] == ("big5", BIG5_TITLE)
    catalog.close()
    catalog = Catalog(tmp_path / "c.db", library, encodings=EncodingRules((("archive", "big5"),)))
    catalog.scan()
    read = encodings(catalog)
    catalog.close()
    assert read["archive/1996/a.txt"][0] == "big5"
    assert read["archive/1996/a.txt"][1] != GBK_TITLE  # what the user asked for
    assert read["taiwan/c.big5.txt"] == guessed["taiwan/c.big5.txt"]
    assert read["notes/d.md"] == guessed["notes/d.md"]


def test_a_change_of_rules_reads_again_only_the_files_it_concerns(tmp_path, library) -> None:
    db = tmp_path / "c.db"

    def scan(*rules: tuple[str, str]):
        catalog = Catalog(db, library, encodings=EncodingRules(rules))
        try:
            return catalog.scan(), encodings(catalog)
        finally:
            catalog.close()

    report, _ = scan()
    assert report.added == 4
    report, _ = scan(("archive/1996/**", "big5"))
    assert (report.updated, report.unchanged) == (1, 3)
    report, read = scan(("archive/1996/**", "big5"))  # the same rules: the quick path
    assert (report.updated, report.unchanged) == (0, 4)
    # 1996/a.txt is big5 either way; c.big5.txt was guessed big5, now it is set so
    report, read = scan(("*.txt", "big5"))
    assert (report.updated, report.unchanged) == (2, 2)
    assert read["archive/b.txt"][0] == "big5"
    report, read = scan(("*.txt", "gbk"))  # the same files, another encoding
    assert (report.updated, report.unchanged) == (3, 1)
    assert read["taiwan/c.big5.txt"][0] == "gbk"
    report, read = scan()  # rules dropped: guessed again
    assert (report.updated, report.unchanged) == (3, 1)
    assert read["archive/1996/a.txt"] == ("gbk", GBK_TITLE)
    assert read["taiwan/c.big5.txt"] == ("big5", BIG5_TITLE)


def test_a_file_that_failed_is_tried_again_when_its_encoding_is_set(tmp_path) -> None:
    root = tmp_path / "lib"
    write(root / "t.txt", BIG5_TEXT.encode("big5"))
    catalog = Catalog(tmp_path / "c.db", root, encodings=EncodingRules((("t.txt", "nope"),)))
    catalog.scan()
    assert [problem.path for problem in catalog.problems()] == ["t.txt"]
    assert catalog.problems()[0].error == "unknown encoding: nope"  # names what was set
    catalog.close()
    catalog = Catalog(tmp_path / "c.db", root, encodings=EncodingRules((("t.txt", "big5"),)))
    catalog.scan()
    assert catalog.problems() == []
    assert encodings(catalog) == {"t.txt": ("big5", BIG5_TITLE)}
    catalog.close()


def test_scans_that_raced_remember_every_rule_set_their_rows_may_hold(tmp_path) -> None:
    db = tmp_path / "c.db"
    Catalog(db, tmp_path).close()  # creates the schema
    conn = connect(db)
    try:
        assert load_encodings(conn) == (NO_RULES,)  # never stored: read without rules
        first = EncodingRules((("a", "gbk"),))
        second = EncodingRules((("b", "big5"),))
        since = int(conn.execute("PRAGMA data_version").fetchone()[0])
        assert save_listings(conn, [], since, first)
        other = connect(db)
        other.execute("CREATE TABLE IF NOT EXISTS t (x)")  # another connection commits
        other.close()
        assert not save_listings(conn, [], since, second)
        assert load_encodings(conn) == (first, second)
        assert save_listings(conn, [], int(conn.execute("PRAGMA data_version").fetchone()[0]))
        assert load_encodings(conn) == (NO_RULES,)
    finally:
        conn.close()


# The command line -------------------------------------------------------------------


@pytest.fixture
def flags(tmp_path: Path) -> list[str]:
    return ["--cache-dir", str(tmp_path / "cache"), "--data-dir", str(tmp_path / "data")]


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def listed(out: str) -> dict[str, str]:
    """Path → the ENCODING column of ``list``'s table."""
    lines = out.splitlines()
    start = lines[0].index("ENCODING")
    return {line.split()[-1]: line[start:].split()[0] for line in lines[1:] if line.strip()}


def test_list_shows_each_file_s_encoding_and_encoding_reads_them_all_so(
    capsys, tmp_path, library, flags
) -> None:
    config = ["--config", str(write(tmp_path / "none.yaml", ""))]
    status, out, _ = run(capsys, "list", str(library), *flags, *config)
    assert status == 0
    assert listed(out) == {
        "archive/1996/a.txt": "gbk",
        "archive/b.txt": "gbk",
        "taiwan/c.big5.txt": "big5",
        "notes/d.md": "utf-8",
    }
    status, out, _ = run(capsys, "list", str(library), "--encoding", "BIG5", *flags, *config)
    assert status == 0 and set(listed(out).values()) == {"big5"}
    assert GBK_TITLE not in out
    status, out, _ = run(capsys, "list", str(library), "--no-scan", *flags, *config)
    assert listed(out)["archive/b.txt"] == "big5"  # --no-scan: the catalog as it is
    status, out, _ = run(capsys, "list", str(library), *flags, *config)
    assert listed(out)["archive/b.txt"] == "gbk" and GBK_TITLE in out
    status, _, err = run(capsys, "list", str(library), "--encoding", "rot13", *flags, *config)
    assert status == 2 and "unknown encoding" in err


def test_the_config_s_encodings_reach_list_and_show(capsys, tmp_path, library, flags) -> None:
    config = write(
        tmp_path / "config.yaml",
        f"libraries:\n  lib: {library}\nencodings:\n  lib:\n    archive/1996: big5\n",
    )
    common = [*flags, "--config", str(config)]
    status, out, err = run(capsys, "list", "lib", *common)
    assert status == 0 and err == ""
    assert listed(out)["archive/1996/a.txt"] == "big5"
    assert listed(out)["archive/b.txt"] == "gbk"
    status, out, _ = run(capsys, "show", str(library / "archive" / "1996" / "a.txt"), *common)
    assert status == 0 and GBK_TITLE not in out
    status, out, _ = run(capsys, "show", str(library / "archive" / "b.txt"), *common)
    assert status == 0 and out.startswith("老城的新书店")
    path = str(library / "archive" / "1996" / "a.txt")
    status, out, _ = run(capsys, "show", path, "--encoding", "gbk", *common)
    assert status == 0 and out.startswith(GBK_TITLE)  # --encoding before the config


@pytest.mark.parametrize(
    "data",
    [["xy"], [["*.txt", "gbk", "x"]], [[1, "gbk"]], "*.txt gbk"],
    ids=["a-string", "three-items", "not-a-string", "no-list"],
)
def test_stored_rules_that_are_not_pattern_encoding_pairs_are_refused(data: object) -> None:
    # A damaged catalog row: refused whole, never half-read ("xy" is no pair).
    with pytest.raises(ValueError, match=r"not a list of \[pattern, encoding\] pairs"):
        EncodingRules.from_data(data)
