"""Export as Markdown / W3C JSON / YAML, import back, and atomic writing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tuireader.library.model import Anchor, Article, ArticleMeta, Block
from tuireader.state import StateStore
from tuireader.state.export import to_json, to_markdown, to_yaml, write_atomic
from tuireader.state.importing import ImportFormatError, parse_export

ART = Article(
    ArticleMeta(title="张掖: 新闻"),
    blocks=(Block("paragraph", "第一句。第二句！"), Block("paragraph", "Line: two #3\n- yes")),
    path="新闻/a.txt",
)


@pytest.fixture
def store(tmp_path: Path):
    opened = StateStore.open(tmp_path / "state.db", backups=False)
    opened.bookmarks.add_passage(ART, Anchor(0, 4), Anchor(1, 8), "多行\n笔记: yes", fp="fpA")
    opened.bookmarks.add_article("fpB", "b.txt", "no")
    opened.bookmarks.add_passage(ART, Anchor(0, 0), Anchor(0, 4), "", fp="fpA")
    yield opened
    opened.close()


def comparable(bookmarks) -> list[tuple]:
    """Everything an export must carry (ids are local to one database)."""
    return sorted(
        (b.uid, b.fingerprint, b.path, b.title, b.quote, b.note, b.created, b.block, b.start,
         b.end_block, b.end, b.prefix, b.suffix)
        for b in bookmarks
    )  # fmt: skip


@pytest.mark.parametrize("export", [to_json, to_yaml])
def test_round_trip_keeps_every_field(store: StateStore, export) -> None:
    original = store.bookmarks.page()
    parsed = parse_export(export(original))
    assert parsed.problems == []
    assert comparable(parsed.bookmarks) == comparable(original)


@pytest.mark.parametrize("export", [to_json, to_yaml])
def test_importing_twice_adds_nothing(store: StateStore, tmp_path: Path, export) -> None:
    text = export(store.bookmarks.page())
    other = StateStore.open(tmp_path / "other" / "state.db", backups=False)
    assert other.bookmarks.insert(parse_export(text).bookmarks) == 3
    assert other.bookmarks.insert(parse_export(text).bookmarks) == 0
    assert other.bookmarks.count() == 3
    assert store.bookmarks.insert(parse_export(text).bookmarks) == 0  # into its source too
    other.close()


def test_json_is_shaped_like_w3c_annotations(store: StateStore) -> None:
    data = json.loads(to_json(store.bookmarks.page()))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == 3
    assert data["label"] == "tuireader bookmarks"
    passage = next(i for i in data["items"] if "body" in i)
    assert passage["body"] == {
        "type": "TextualBody",
        "value": "多行\n笔记: yes",
        "purpose": "commenting",
    }
    assert passage["type"] == "Annotation" and passage["id"].startswith("urn:uuid:")
    assert passage["motivation"] == "commenting"
    selector = passage["target"]["selector"][0]
    assert selector == {
        "type": "TextQuoteSelector",
        "exact": "第二句！\nLine: tw",
        "prefix": "第一句。",
        "suffix": "o #3\n- yes",
    }
    assert passage["target"]["source"] == "新闻/a.txt"
    whole = next(i for i in data["items"] if i["target"]["source"] == "b.txt")
    assert "selector" not in whole["target"] and whole["motivation"] == "bookmarking"


def test_yaml_is_grouped_by_article_and_readable(store: StateStore) -> None:
    text = to_yaml(store.bookmarks.page())
    assert text.count("- path:") == 2
    assert "title: 张掖: 新闻" in text or "title: '张掖: 新闻'" in text
    assert "|-\n" in text or "|\n" in text  # multi-line notes as blocks, not escapes
    assert "\\u" not in text


def test_hand_edited_yaml_without_ids_imports_once(tmp_path: Path) -> None:
    text = """
tuireader_bookmarks: 1
articles:
- path: notes/x.md
  title: no
  bookmarks:
  - quote: 一段话
    note: 0123
    created: 2024-01-02
  - quote: null
"""
    parsed = parse_export(text)
    assert parsed.problems == []
    first = parsed.bookmarks[0]
    assert (first.path, first.title, first.quote) == ("notes/x.md", "False", "一段话")
    store = StateStore.open(tmp_path / "state.db", backups=False)
    assert store.bookmarks.insert(parsed.bookmarks) == 2
    assert store.bookmarks.insert(parse_export(text).bookmarks) == 0
    store.close()


def test_bad_entries_are_reported_and_the_rest_kept() -> None:
    text = json.dumps([
        {"target": {"source": "a.txt"}, "id": "urn:uuid:1"},
        {"target": "nonsense"},
        {"target": {"source": "b.txt", "selector": {"type": "TextQuoteSelector", "exact": ["x"]}}},
        {"target": {}, "id": "no article"},
    ])  # fmt: skip
    parsed = parse_export(text)
    assert [b.path for b in parsed.bookmarks] == ["a.txt"]
    assert len(parsed.problems) == 3


@pytest.mark.parametrize(
    "text",
    [
        "a: &x [1]\nb: *x\n",
        "!!python/object/apply:os.system ['true']\n",
        "just a string",
        "{]",
        "[" * 5000,
        "date: 2024-02-30\n",
    ],
    ids=["alias", "python-tag", "scalar", "broken", "deep", "bad-date"],
)
def test_hostile_or_foreign_files_are_refused(text: str) -> None:
    with pytest.raises(ImportFormatError):
        parse_export(text)


def test_markdown_groups_quotes_notes_and_links(store: StateStore, tmp_path: Path) -> None:
    text = to_markdown(store.bookmarks.page(), tmp_path)
    assert text.startswith("# Bookmarks\n")
    assert text.count("## ") == 2
    assert "## 张掖: 新闻" in text
    assert "> 第二句！\n> Line: tw\n" in text
    assert "**Note:** 多行\n笔记: yes" in text
    assert f"(<{(tmp_path / '新闻/a.txt').as_uri()}>)" in text
    assert "*Whole article bookmarked.*" in text


def test_write_atomic_replaces_the_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "export.md"
    write_atomic(target, "first\n")
    write_atomic(target, "second\n")
    assert target.read_text(encoding="utf-8") == "second\n"
    assert [p.name for p in target.parent.iterdir()] == ["export.md"]


def test_citation_for_copying_a_passage() -> None:
    from tuireader.state.export import citation

    text = citation("第二句！", "张掖  新闻", "张掖市融媒体中心", "2022-11-01")
    assert text == "第二句！\n\n— 张掖 新闻, 张掖市融媒体中心, 2022-11-01\n"
    assert citation("q", "T", None, None) == "q\n\n— T\n"


def test_exports_are_utf8_under_an_ascii_locale(store: StateStore, tmp_path: Path) -> None:
    # A cron job or a bare container runs with LC_ALL=C and UTF-8 mode off: the
    # locale's encoding is ASCII there, and Chinese notes must still be written.
    import os
    import subprocess
    import sys

    import tuireader

    store.close()
    data = tmp_path
    out = tmp_path / "out" / "bookmarks.md"
    env = dict(os.environ, LC_ALL="C", LANG="C", PYTHONCOERCECLOCALE="0", PYTHONUTF8="0")
    env["PYTHONPATH"] = str(Path(tuireader.__file__).parents[1])  # this very tuireader
    env["TUIREADER_DATA_DIR"] = str(data)
    env["TUIREADER_CACHE_DIR"] = str(tmp_path / "cache")
    env["TUIREADER_CONFIG"] = str(tmp_path / "config.yaml")
    done = subprocess.run(
        [sys.executable, "-X", "utf8=0", "-m", "tuireader", "bookmarks", "export",
         "--format", "md", "-o", str(out)],
        env=env, capture_output=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    text = out.read_bytes().decode("utf-8")
    assert "多行" in text and "第一句。" in text
    here = tmp_path / "here.md"  # the same export written by this process, in UTF-8 mode or not
    reopened = StateStore.open(tmp_path / "state.db", backups=False)
    write_atomic(here, to_markdown(reopened.bookmarks.matching()))
    reopened.close()
    assert out.read_bytes() == here.read_bytes()
