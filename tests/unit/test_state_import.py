"""Reading bookmark exports back: each accepted shape, each field, each refusal and why."""

from __future__ import annotations

import json
import uuid

import pytest

from tuireader.state.importing import (
    MAX_IMPORT_BYTES,
    MAX_POSITION,
    ImportFormatError,
    parse_export,
    position_number,
    text_field,
)

PASSAGE = {
    "id": "urn:uuid:0f0e",
    "type": "Annotation",
    "created": "2024-03-01T08:00:00.000Z",
    "body": {"type": "TextualBody", "value": "a note", "purpose": "commenting"},
    "target": {
        "source": "news/a.md",
        "title": "An article",
        "selector": [
            {"type": "TextPositionSelector", "start": 1, "end": 2},
            {"type": "TextQuoteSelector", "exact": "the quote", "prefix": "before ",
             "suffix": " after"},
        ],
    },
    "tuireader": {"fingerprint": "fpA", "block": 2, "start": 5, "end_block": 3, "end": 9},
}  # fmt: skip


def one(data: object) -> object:
    parsed = parse_export(json.dumps(data))
    assert parsed.problems == []
    (bookmark,) = parsed.bookmarks
    return bookmark


def test_an_annotation_gives_every_field() -> None:
    b = one([PASSAGE])
    assert (b.id, b.uid, b.fingerprint, b.path, b.title) == (
        0, "0f0e", "fpA", "news/a.md", "An article"
    )  # fmt: skip
    assert (b.quote, b.prefix, b.suffix, b.note, b.created) == (
        "the quote", "before ", " after", "a note", "2024-03-01T08:00:00.000Z"
    )  # fmt: skip
    assert (b.block, b.start, b.end_block, b.end) == (2, 5, 3, 9)


@pytest.mark.parametrize(
    "wrap",
    [
        lambda items: items,
        lambda items: {"type": "AnnotationCollection", "items": items},
        lambda items: {"tuireader_backup": 1, "annotations": {"type": "AnnotationCollection",
                                                               "items": items}},
    ],
    ids=["list", "collection", "backup"],
)  # fmt: skip
def test_a_list_a_collection_and_a_backup_are_read_alike(wrap) -> None:
    parsed = parse_export(json.dumps(wrap([PASSAGE, PASSAGE | {"id": "urn:uuid:2"}])))
    assert [b.uid for b in parsed.bookmarks] == ["0f0e", "2"]


def test_a_single_selector_need_not_be_in_a_list() -> None:
    target = PASSAGE["target"] | {"selector": PASSAGE["target"]["selector"][1]}
    assert one([PASSAGE | {"target": target}]).quote == "the quote"


def test_a_whole_article_annotation_has_no_quote_and_no_position() -> None:
    item = {"id": "urn:uuid:w", "target": {"source": "b.txt", "title": "B"},
            "tuireader": {"fingerprint": "fpB", "block": 4}}  # fmt: skip
    b = one([item])
    assert (b.quote, b.prefix, b.suffix, b.note, b.created) == (None, "", "", "", "")
    assert (b.block, b.start, b.end_block, b.end) == (None, None, None, None)
    assert (b.path, b.title, b.fingerprint) == ("b.txt", "B", "fpB")


def test_a_selector_of_another_type_is_no_quote() -> None:
    target = {"source": "a.txt", "selector": [{"type": "CssSelector", "exact": "x"}, "junk"]}
    assert one([{"target": target}]).quote is None


def test_a_body_that_is_not_an_object_is_no_note() -> None:
    assert one([{"target": {"source": "a.txt"}, "body": "text"}]).note == ""


def test_a_missing_uid_is_derived_from_the_content_and_stable() -> None:
    item = {"target": {"source": "a.txt", "title": "A"}, "body": {"value": "n"}}
    first, again = one([item]), one([item])
    assert first.uid == again.uid and len(first.uid) == 32
    assert uuid.UUID(hex=first.uid).version == 5
    other = one([item | {"body": {"value": "another note"}}])
    assert other.uid != first.uid


def test_a_derived_uid_stays_what_earlier_versions_made_it() -> None:
    # Importing a hand-written file again after an upgrade must not duplicate its entries:
    # the uid derived from (fingerprint, path, quote, note) never changes between versions.
    item = {"target": {"source": "a.txt", "title": "A"}, "body": {"value": "n"}}
    assert one([item]).uid == "5bf073da93905cacbe240cb9ecdb516a"
    selector = {"type": "TextQuoteSelector", "exact": "q"}
    passage = {
        "target": {"source": "a.txt", "selector": selector},
        "tuireader": {"fingerprint": "fp"},
    }
    assert one([passage]).uid == "b190571c18635d678553d4a6551f5913"


def test_an_id_is_kept_without_its_urn_prefix_or_spaces() -> None:
    assert one([{"id": "  urn:uuid:abc  ", "target": {"source": "a.txt"}}]).uid == "abc"
    assert one([{"id": 12345, "target": {"source": "a.txt"}}]).uid == "12345"


def test_a_fingerprint_alone_is_enough() -> None:
    b = one([{"target": {}, "tuireader": {"fingerprint": "fpOnly"}}])
    assert (b.fingerprint, b.path) == ("fpOnly", "")


def test_numbers_in_text_fields_are_read_as_text() -> None:
    b = one([{"target": {"source": 7, "title": 2024}, "created": 1}])
    assert (b.path, b.title, b.created) == ("7", "2024", "1")


@pytest.mark.parametrize(
    ("entry", "why"),
    [
        ({"target": {}}, "no article path or fingerprint"),
        ({"target": {"source": ["x"]}}, "path must be text"),
        ({"target": {"source": "a", "title": {"x": 1}}}, "title must be text"),
        ({"target": {"source": "a"}, "created": ["x"]}, "created must be text"),
        ({"target": {"source": "a"}, "body": {"value": {"x": 1}}}, "note must be text"),
        ({"target": {"source": "a"}, "tuireader": {"fingerprint": [1]}}, "fingerprint must be text"),
        ({"target": {"source": "a\ud800"}}, "path is not valid Unicode text (a lone surrogate)"),
        ({"target": "nonsense"}, "'str' object has no attribute 'get'"),
        ({"id": "x"}, "'target'"),
    ],
)  # fmt: skip
def test_a_bad_entry_is_skipped_with_its_reason(entry: dict, why: str) -> None:
    parsed = parse_export(json.dumps([{"target": {"source": "ok.txt"}}, entry]))
    assert [b.path for b in parsed.bookmarks] == ["ok.txt"]
    assert parsed.problems == [f"entry 2 skipped: {why}"]


@pytest.mark.parametrize(
    ("position", "why"),
    [
        ({"block": -1}, "block must be a whole number from 0 to 2147483647"),
        ({"start": MAX_POSITION + 1}, "start must be a whole number from 0 to 2147483647"),
        ({"end_block": 1.5}, "end_block must be a whole number from 0 to 2147483647"),
        ({"end": True}, "end must be a whole number from 0 to 2147483647"),
    ],
)
def test_a_passage_with_an_impossible_position_is_skipped(position: dict, why: str) -> None:
    item = PASSAGE | {"tuireader": PASSAGE["tuireader"] | position}
    parsed = parse_export(json.dumps([item]))
    assert parsed.bookmarks == []
    assert parsed.problems == [f"entry 1 skipped: {why}"]


def test_positions_at_the_limits_are_kept() -> None:
    position = {"block": 0, "start": 0, "end_block": MAX_POSITION, "end": MAX_POSITION}
    b = one([PASSAGE | {"tuireader": {"fingerprint": "fp", **position}}])
    assert (b.block, b.start, b.end_block, b.end) == (0, 0, MAX_POSITION, MAX_POSITION)


def test_a_quote_that_is_not_text_is_skipped() -> None:
    selector = {"type": "TextQuoteSelector", "exact": {"x": 1}}
    parsed = parse_export(json.dumps([{"target": {"source": "a", "selector": selector}}]))
    assert parsed.problems == ["entry 1 skipped: quote must be text"]


def test_text_field_and_position_number() -> None:
    assert text_field(None, "x") == "" and text_field(3, "x") == "3"
    assert position_number(None, "x") is None
    assert position_number(0, "x") == 0 and position_number(MAX_POSITION, "x") == MAX_POSITION
    for bad in (-1, MAX_POSITION + 1, False, 2.0, "1"):
        with pytest.raises(ValueError, match="x must be a whole number"):
            position_number(bad, "x")
    with pytest.raises(TypeError, match="x must be text"):
        text_field([], "x")


YAML = """\
tuireader_bookmarks: 1
articles:
- path: news/a.md
  title: An article
  fingerprint: fpA
  bookmarks:
  - id: u1
    created: '2024-03-01'
    quote: the quote
    note: a note
    prefix: 'before '
    suffix: ' after'
    position: {block: 2, start: 5, end_block: 3, end: 9}
  - id: u2
    quote: null
    note: null
- not an article
- path: b.txt
  bookmarks: null
"""


def test_a_yaml_export_gives_every_field() -> None:
    parsed = parse_export(YAML)
    assert parsed.problems == []
    first, second = parsed.bookmarks
    assert (first.uid, first.fingerprint, first.path, first.title) == (
        "u1", "fpA", "news/a.md", "An article"
    )  # fmt: skip
    assert (first.quote, first.prefix, first.suffix, first.note, first.created) == (
        "the quote", "before ", " after", "a note", "2024-03-01"
    )  # fmt: skip
    assert (first.block, first.start, first.end_block, first.end) == (2, 5, 3, 9)
    assert (second.uid, second.quote, second.note, second.prefix, second.created) == (
        "u2", None, "", "", ""
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("tuireader_bookmarks: 1\n", "the YAML export has no 'articles' list"),
        ("tuireader_bookmarks: 1\narticles: {}\n", "the YAML export has no 'articles' list"),
        ('{"type": "AnnotationCollection"}', "the export holds no list of bookmarks"),
        ('{"type": "AnnotationCollection", "items": {}}', "the export holds no list of bookmarks"),
        ('{"annotations": {"items": []}}', "not a tuireader bookmark export (JSON annotations or YAML)"),
        ("42", "not a tuireader bookmark export (JSON annotations or YAML)"),
        ("[" * 5000, "the file is nested too deeply"),
        ("# Bookmarks\n\n## A\n", "it is a Markdown export, written for reading: import a JSON or "
         "YAML export (tuireader bookmarks export --format json)"),
        ("  # Bookmarks\n", "it is a Markdown export, written for reading: import a JSON or "
         "YAML export (tuireader bookmarks export --format json)"),
        ("a: &x [1]\nb: *x\n", "YAML aliases are not allowed in an import (line 2)"),
    ],
)  # fmt: skip
def test_what_is_not_an_export_is_refused_with_why(text: str, why: str) -> None:
    with pytest.raises(ImportFormatError) as refused:
        parse_export(text)
    assert str(refused.value) == why


def test_a_broken_yaml_names_its_line() -> None:
    with pytest.raises(
        ImportFormatError, match=r"^not a JSON or YAML export \(line 3: not valid YAML: "
    ):
        parse_export("tuireader_bookmarks: 1\narticles: [\n")


def test_a_yaml_value_that_cannot_be_built_is_named() -> None:
    with pytest.raises(ImportFormatError) as refused:
        parse_export("tuireader_bookmarks: 1\ncreated: 2024-02-30\n")
    assert str(refused.value) == (
        "cannot read the file as JSON or YAML: day is out of range for month"
    )


def test_an_oversized_text_is_refused_before_it_is_parsed() -> None:
    with pytest.raises(ImportFormatError, match="too large"):
        parse_export(" " * (MAX_IMPORT_BYTES + 1))
