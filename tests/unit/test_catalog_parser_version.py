"""A catalog made by another version of the parsers is read again, once, on its next scan."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tuireader.catalog import Catalog
from tuireader.library import formats


def library(root: Path) -> Path:
    """Three small articles in two formats."""
    (root / "news").mkdir(parents=True)
    (root / "news" / "a.md").write_text("---\ntitle: Alpha\n---\n\nFirst.\n", encoding="utf-8")
    (root / "news" / "b.md").write_text("---\ntitle: Bravo\n---\n\nSecond.\n", encoding="utf-8")
    (root / "c.txt").write_text("Charlie\n\nThird paragraph.\n", encoding="utf-8")
    return root


def as_made_by_an_older_parser(db: Path) -> None:
    """What an older tuireader leaves: its own parser version and its own reading."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "UPDATE scan_settings SET value = ? WHERE name = 'parser'",
            (str(formats.PARSER_VERSION - 1),),
        )
        conn.execute("UPDATE articles SET title = 'read wrong'")
    conn.close()


def titles(catalog: Catalog) -> list[str]:
    return sorted(row.title for row in catalog.rows(limit=10))


def test_an_unchanged_library_is_read_again_after_a_parser_change(tmp_path: Path) -> None:
    root = library(tmp_path / "lib")
    db = tmp_path / "catalog.db"
    catalog = Catalog(db, root)
    assert catalog.scan().added == 3
    assert catalog.scan().unchanged == 3
    catalog.close()
    as_made_by_an_older_parser(db)
    catalog = Catalog(db, root)
    report = catalog.scan()
    assert (report.updated, report.added, report.removed) == (3, 0, 0)
    assert titles(catalog) == ["Alpha", "Bravo", "Charlie"]
    again = catalog.scan()  # once: the version is stored with the new rows
    assert (again.updated, again.unchanged) == (0, 3)
    catalog.close()


def test_a_catalog_that_stored_no_parser_version_is_read_again(tmp_path: Path) -> None:
    root = library(tmp_path / "lib")
    db = tmp_path / "catalog.db"
    catalog = Catalog(db, root)
    catalog.scan()
    catalog.close()
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DELETE FROM scan_settings WHERE name = 'parser'")
    conn.close()
    catalog = Catalog(db, root)
    assert catalog.scan().updated == 3
    assert catalog.scan().unchanged == 3
    catalog.close()
