"""Exports written out in full: the Markdown for reading, the YAML for editing, the JSON
for other annotation tools (each line checked once by hand, then pinned)."""

from __future__ import annotations

import json
from pathlib import Path

from tuireader.library.model import Bookmark
from tuireader.state.export import to_json, to_markdown, to_yaml
from tuireader.state.importing import parse_export

BOOKMARKS = [
    Bookmark(1, "fpB", "b/river.md", "river  news\n", None, "", "2024-03-01T08:00:00.000Z",
             uid="u1"),
    Bookmark(2, "fpA", "a.md", "Alpha", "first line\nsecond line", "two\nlines",
             "2024-03-02T09:00:00.000Z", block=0, start=3, end=4, prefix="pre", suffix="suf",
             end_block=1, uid="u2"),
    Bookmark(3, "fpA", "a.md", "Alpha", "q", "note", "2024-03-03T10:00:00.000Z", block=2,
             start=0, end=1, end_block=2, uid="u3"),
    Bookmark(4, "fpC", "c.md", "", None, "n", "2024-03-04T10:00:00.000Z", uid="u4"),
]  # fmt: skip

MARKDOWN = """\
# Bookmarks

## c.md

[c.md](<file:///lib/c.md>)

*Whole article bookmarked.*

**Note:** n

<small>2024-03-04T10:00:00.000Z</small>

## Alpha

[a.md](<file:///lib/a.md>)

> first line
> second line

**Note:** two
lines

<small>2024-03-02T09:00:00.000Z</small>

> q

**Note:** note

<small>2024-03-03T10:00:00.000Z</small>

## river news

[b/river.md](<file:///lib/b/river.md>)

*Whole article bookmarked.*

<small>2024-03-01T08:00:00.000Z</small>
"""

YAML = """\
tuireader_bookmarks: 1
articles:
- path: c.md
  title: ''
  fingerprint: fpC
  bookmarks:
  - id: u4
    created: '2024-03-04T10:00:00.000Z'
    quote: null
    note: n
- path: a.md
  title: Alpha
  fingerprint: fpA
  bookmarks:
  - id: u2
    created: '2024-03-02T09:00:00.000Z'
    quote: |-
      first line
      second line
    note: |-
      two
      lines
    prefix: pre
    suffix: suf
    position:
      block: 0
      start: 3
      end_block: 1
      end: 4
  - id: u3
    created: '2024-03-03T10:00:00.000Z'
    quote: q
    note: note
    prefix: ''
    suffix: ''
    position:
      block: 2
      start: 0
      end_block: 2
      end: 1
- path: b/river.md
  title: |
    river  news
  fingerprint: fpB
  bookmarks:
  - id: u1
    created: '2024-03-01T08:00:00.000Z'
    quote: null
    note: ''
"""


def test_the_markdown_export_in_full() -> None:
    assert to_markdown(BOOKMARKS, Path("/lib")) == MARKDOWN


def test_without_a_library_the_markdown_links_the_paths_as_they_are() -> None:
    assert to_markdown(BOOKMARKS[:1]) == (
        "# Bookmarks\n\n## river news\n\n[b/river.md](<b/river.md>)\n\n"
        "*Whole article bookmarked.*\n\n<small>2024-03-01T08:00:00.000Z</small>\n"
    )
    assert to_markdown([]) == "# Bookmarks\n"


def test_the_yaml_export_in_full_reads_back_the_same() -> None:
    assert to_yaml(BOOKMARKS) == YAML
    back = parse_export(YAML).bookmarks
    assert [(b.uid, b.title, b.quote, b.note, b.block, b.end_block) for b in back] == [
        ("u4", "", None, "n", None, None),
        ("u2", "Alpha", "first line\nsecond line", "two\nlines", 0, 1),
        ("u3", "Alpha", "q", "note", 2, 2),
        ("u1", "river  news\n", None, "", None, None),
    ]


def test_the_json_export_in_full() -> None:
    whole = {
        "id": "urn:uuid:u1", "type": "Annotation", "motivation": "bookmarking",
        "created": "2024-03-01T08:00:00.000Z",
        "target": {"source": "b/river.md", "title": "river  news\n"},
        "tuireader": {"fingerprint": "fpB"},
    }  # fmt: skip
    passage = {
        "id": "urn:uuid:u2", "type": "Annotation", "motivation": "commenting",
        "created": "2024-03-02T09:00:00.000Z",
        "target": {
            "source": "a.md", "title": "Alpha",
            "selector": [{"type": "TextQuoteSelector", "exact": "first line\nsecond line",
                          "prefix": "pre", "suffix": "suf"}],
        },
        "tuireader": {"fingerprint": "fpA", "block": 0, "start": 3, "end_block": 1, "end": 4},
        "body": {"type": "TextualBody", "value": "two\nlines", "purpose": "commenting"},
    }  # fmt: skip
    text = to_json(BOOKMARKS[:2])
    assert text.endswith("}\n") and text.startswith('{\n  "@context"')
    assert json.loads(text) == {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "label": "tuireader bookmarks",
        "total": 2,
        "items": [whole, passage],
    }
