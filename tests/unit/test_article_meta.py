"""ArticleMeta: one declaration of an article's metadata, its JSON form, the catalog's copy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tuireader.catalog import Catalog
from tuireader.catalog.codec import decode_meta, encode_meta
from tuireader.library.model import (
    PRECISION_DAY,
    PRECISION_MONTH,
    PRECISION_YEAR,
    ArticleMeta,
    expand_meta_json,
)

FULL = ArticleMeta(
    title="县域经济的所有制结构",
    sections=("经济", "研究"),
    date="1999-03",
    source="某某研究",
    issue="1999年第3期",
    author="王明 李华",
    editor="赵六",
    url="https://example.org/a",
    tags=("经济",),
    keywords=("县域经济", "所有制"),
    description="一句话。",
    abstract="本文讨论县域经济。",
    page="第12页",
    labels=(("文献号", "2-0001"), ("分类号", "F127"), ("文献号", "2-0002")),
)


def test_json_round_trip_keeps_every_field() -> None:
    data = json.loads(json.dumps(FULL.to_json(), ensure_ascii=False))
    back = ArticleMeta.from_json(data)
    # A label seen twice comes back as one pair with both values.
    assert back.labels == (("文献号", "2-0001\n2-0002"), ("分类号", "F127"))
    assert back == ArticleMeta(**{**_fields(FULL), "labels": back.labels})


def test_other_labels_are_written_under_meta_in_file_order() -> None:
    data = FULL.to_json()
    assert list(data["meta"]) == ["文献号", "分类号"]
    assert "labels" not in data


def test_from_json_ignores_unknown_and_ill_typed_keys() -> None:
    meta = ArticleMeta.from_json({"title": "T", "tags": "not a list", "shiny": 1, "date": 5})
    assert meta == ArticleMeta(title="T")


def test_date_precision_follows_the_iso_form() -> None:
    assert ArticleMeta(date="1999-03-05T10:00").date_precision == PRECISION_DAY
    assert ArticleMeta(date="1999-03-05").date_precision == PRECISION_DAY
    assert ArticleMeta(date="1999-03").date_precision == PRECISION_MONTH
    assert ArticleMeta(date="1999").date_precision == PRECISION_YEAR
    assert ArticleMeta().date_precision is None
    assert FULL.to_json()["date_precision"] == PRECISION_MONTH


def test_cleaned_passes_every_text_through_and_drops_blanks() -> None:
    meta = ArticleMeta(title=" ", author="  ", tags=("a", " "), labels=(("x", " "), ("k", "v")))
    cleaned = meta.cleaned(str.strip)
    assert cleaned.title == ""
    assert cleaned.author is None
    assert cleaned.tags == ("a",)
    assert cleaned.labels == (("k", "v"),)


def test_stored_form_leaves_empty_fields_out_and_reads_back() -> None:
    stored = encode_meta(ArticleMeta(title="T", abstract="A"))
    assert json.loads(stored) == {"title": "T", "abstract": "A"}
    assert decode_meta(stored) == ArticleMeta(title="T", abstract="A")
    assert decode_meta(encode_meta(FULL)).keywords == FULL.keywords


def test_catalog_keeps_the_whole_meta_of_an_article(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    text = "---\ntitle: 标题\ndate: 2022-11-01\nauthor: Ann\ntags: [x, y]\n---\n\n正文。\n"
    (library / "a.md").write_text(text, encoding="utf-8")
    catalog = Catalog(tmp_path / "cache" / "catalog.db", library)
    try:
        catalog.scan()
        (row,) = list(catalog.iter_rows())
        article = catalog.load(row.id)
    finally:
        catalog.close()
    assert row.meta == article.meta
    assert article.meta.author == "Ann" and article.meta.tags == ("x", "y")
    assert article.meta.date == "2022-11-01"


def _fields(meta: ArticleMeta) -> dict[str, object]:
    """The meta's fields by name."""
    return {name: getattr(meta, name) for name in ArticleMeta.__dataclass_fields__}


@pytest.mark.parametrize(
    "meta",
    [
        FULL,
        ArticleMeta(),
        ArticleMeta(title="t", date="2024"),
        ArticleMeta(date="2024-05-01T08:00", labels=(("a", "b"),)),
        ArticleMeta(sections=("x",), tags=("y", "z"), author="A"),
    ],
)
def test_expanding_the_stored_meta_gives_its_whole_json(meta: ArticleMeta) -> None:
    stored = json.loads(encode_meta(meta))  # empty fields left out, as the catalog keeps it
    expanded = expand_meta_json(stored)
    assert json.dumps(expanded, ensure_ascii=False) == json.dumps(
        meta.to_json(), ensure_ascii=False
    )


def test_expanded_metas_without_labels_do_not_share_a_labels_dict() -> None:
    first = expand_meta_json({"title": "a"})
    first["meta"]["new"] = "x"
    assert expand_meta_json({"title": "b"})["meta"] == {}


def test_expanding_leaves_out_keys_no_field_has() -> None:
    stored = {**json.loads(encode_meta(FULL)), "retired_field": "x"}
    assert list(expand_meta_json(stored)) == list(FULL.to_json())


def test_expanding_into_a_row_keeps_its_keys_first() -> None:
    stored = {**json.loads(encode_meta(FULL)), "retired_field": "x"}
    row: dict[str, object] = {"path": "a/b.md"}
    assert expand_meta_json(stored, into=row) is row
    assert list(row) == ["path", *FULL.to_json()]
    assert json.dumps({k: v for k, v in row.items() if k != "path"}) == json.dumps(FULL.to_json())
