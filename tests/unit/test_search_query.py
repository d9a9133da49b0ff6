"""The library search's query language."""

from __future__ import annotations

import pytest

from tuireader.search.query import Query, QueryError, parse_query


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        ("经济 发展", (("经济",), ("发展",))),
        ('"River  City" x', (("river city",), ("x",))),
        ("经济 OR 文化 发展", (("经济", "文化"), ("发展",))),
        ("a OR b OR c", (("a", "b", "c"),)),
        ("OR a", (("a",),)),
        ("ＡＢＣ Ｔｅｘｔ", (("abc",), ("text",))),
        ("http://x.org/a", (("http://x.org/a",),)),
        ('"is:unread"', (("is:unread",),)),
        ('""  ', ()),
        ('"" x', (("x",),)),  # an empty phrase is skipped, the rest still read
        ('foo:"a  b"', (("foo:a b",),)),  # not a filter: the key stays with its phrase
        ("经\x00济 a\ud800b", (("经济",), ("ab",))),  # NUL and lone surrogates dropped
        ("", ()),
    ],
)
def test_terms_and_clauses(text, clauses):
    assert parse_query(text).clauses == clauses


def test_exclusions_and_filters():
    query = parse_query(
        "经济 -旅游 -\"a b\" section:要闻 section:'x' after:2022-01-01 before:2022-12 "
        "is:unread is:bookmarked in:title"
    )
    assert query.clauses == (("经济",),)
    assert query.excluded == ("旅游", "a b")
    assert query.sections == ("要闻", "'x'")
    assert (query.after, query.before) == ("2022-01-01", "2022-12")
    assert query.unread and query.bookmarked and query.title_only
    assert query.has_filters


def test_quoted_filter_values():
    assert parse_query('section:"本地 新闻"').sections == ("本地 新闻",)


def test_terms_lists_every_positive_term_in_order():
    assert parse_query("b OR a c -d").terms == ("b", "a", "c")


def test_a_query_without_filters_has_none():
    assert not Query().has_filters and not parse_query("经济 -x in:title").has_filters
    assert parse_query("经济 -x") == Query(clauses=(("经济",),), excluded=("x",))


@pytest.mark.parametrize(
    "text",
    [
        "after:yesterday",
        "before:2022/01/01",
        "is:read",
        "in:body",
        "-section:x",
        "-is:unread",
        "after:2024-13-45",  # shaped like a date, but no such month or day
        "after:2024-02-30",
        "before:2023-00",
    ],
)
def test_bad_filters_are_errors_for_people(text):
    with pytest.raises(QueryError) as caught:
        parse_query(text)
    assert caught.value.args[0]


def test_a_date_that_does_not_exist_is_named_in_the_error():
    with pytest.raises(QueryError, match="2024-13-45 is not a date"):
        parse_query("after:2024-13-45")
    assert parse_query("after:2024-02-29 before:2024-12").after == "2024-02-29"
