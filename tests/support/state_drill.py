"""A damaged-page drill for state.db: build a store of N bookmarks, damage one page.

Used by ``tests/unit/test_state_salvage.py`` and ``scripts/salvage_drill.py``. The store
is filled the way the app fills it (one bookmark per transaction, a third with notes,
read marks and positions between them), so pages of every table interleave as they do
in a real file. A damage writes ``size`` random bytes at a random offset of one page.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from tuireader.library.model import Anchor, Article, ArticleMeta, Block
from tuireader.state import StateStore

PAGE = 4096


def article(i: int) -> Article:
    """A small article of its own for bookmark ``i``."""
    text = f"Paragraph of article {i}. 第{i}篇文章的第二句话。 A third sentence ends it."
    return Article(
        ArticleMeta(title=f"Article {i} 文章"),
        blocks=(Block("paragraph", text),),
        path=f"news/{i}.md",
    )


def build_state(db: Path, count: int = 1000) -> None:
    """A state.db with ``count`` bookmarks (every third with a note), marks and positions."""
    store = StateStore.open(db, backups=False)
    for i in range(count):
        fp = f"{i:032x}"
        if i % 2:
            store.bookmarks.add_passage(article(i), Anchor(0, 0), Anchor(0, 10), _note(i), fp=fp)
        else:
            store.bookmarks.add_article(fp, f"news/{i}.md", f"Article {i} 文章", _note(i))
        if i % 4 == 0:
            store.marks.set_read(fp, f"news/{i}.md")
        if i % 5 == 0:
            store.positions.save(fp, f"news/{i}.md", Anchor(1, i))
    store.close()


def _note(i: int) -> str:
    return f"note {i}: worth reading again" if i % 3 == 0 else ""


def leaf_pages(db: Path, table: str) -> list[int]:
    """The leaf pages of ``table`` (SQLite's dbstat), in file order."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT pageno FROM dbstat WHERE name=? AND pagetype='leaf' ORDER BY pageno", (table,)
        ).fetchall()
    finally:
        conn.close()
    return [row[0] for row in rows]


def page_count(db: Path) -> int:
    """How many pages the file has."""
    return db.stat().st_size // PAGE


def damage(
    db: Path, page: int, rng: random.Random, size: int = 100, offset: int | None = None
) -> int:
    """Write ``size`` random bytes into ``page`` (1-based) at ``offset`` (else a random
    one); returns the offset."""
    offset = rng.randrange(PAGE - size) if offset is None else offset
    with db.open("r+b") as handle:
        handle.seek((page - 1) * PAGE + offset)
        handle.write(rng.randbytes(size))
    return offset
