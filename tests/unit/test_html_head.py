"""What a saved page states for machines: meta tags, JSON-LD, the title and canonical link."""

from __future__ import annotations

import json

import pytest

from tuireader.library.formats.html.meta import LinkedData, read_head, read_linked_data
from tuireader.library.formats.html.tree import parse_tree


def linked(*scripts: str) -> LinkedData:
    tags = "".join(f'<script type="application/ld+json">{raw}</script>' for raw in scripts)
    root = parse_tree(f"<html><head>{tags}</head><body><p>正文</p></body></html>")
    assert root is not None
    return read_linked_data(root)


def as_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize(
    ("scripts", "found"),
    [
        (
            [
                as_json(
                    {
                        "@type": "NewsArticle",
                        "headline": "小镇书店",
                        "datePublished": "2024-03-01T10:20:00+08:00",
                        "dateModified": "2024-03-02",
                        "author": [
                            {"@type": "Person", "name": "王五"},
                            {"@type": "Organization", "name": "河畔日报"},  # not a person
                            "赵六",
                            "https://example.org/u/wang",  # a profile address
                        ],
                        "publisher": {"name": "河畔日报"},
                    }
                )
            ],
            LinkedData(
                "小镇书店", None, "2024-03-01T10:20", "2024-03-02", ("王五", "赵六"), "河畔日报"
            ),
        ),
        # In a @graph; the name differs from the headline; dateCreated and creator stand in.
        (
            [
                as_json(
                    {
                        "@graph": [
                            {"@type": "WebSite", "name": "河畔网"},
                            {
                                "@type": ["Article"],
                                "name": "书店",
                                "headline": "小镇书店",
                                "dateCreated": "2024-03-01",
                                "creator": {"name": "Jane Doe"},
                                "publisher": [{"name": "河畔网"}, {"name": "别的"}],
                            },
                        ]
                    }
                )
            ],
            LinkedData("小镇书店", "书店", "2024-03-01", None, ("Jane Doe",), "河畔网"),
        ),
        # XHTML's CDATA wrapper, a trailing comma and a raw line break still read.
        (
            ['<![CDATA[ {"@type": "BlogPosting", "headline": "小镇\n书店", "author": "王五",} ]]>'],
            LinkedData("小镇书店", None, None, None, ("王五",), None),
        ),
        (["{bad json"], LinkedData()),
        ([as_json({"@type": "Person", "name": "王五"})], LinkedData()),  # not an article
        # Fields missing from the first article object come from the next one.
        (
            [
                as_json({"@type": "Article", "headline": "一"}),
                as_json(
                    {
                        "@type": "Article",
                        "headline": "二",
                        "datePublished": "2024-01-02",
                        "author": "赵六",
                    }
                ),
            ],
            LinkedData("一", None, "2024-01-02", None, ("赵六",), None),
        ),
    ],
)
def test_json_ld_article_fields(scripts: list[str], found: LinkedData) -> None:
    assert linked(*scripts) == found


HEAD = """<html><head><title> 小镇书店 _ 河畔网 </title>
<meta property="og:title dc:title" content="小镇书店">
<meta name="author" content="https://example.org/me"><meta name="author" content="王五">
<meta name="article:author" content="赵六">
<meta name="DATE" content="下个星期"><meta name="pubdate" content="2024-03-01">
<meta property="article:modified_time" content="2024-03-05">
<meta property="og:site_name" content="河畔网"><meta name="category" content="本地">
<meta property="article:tag" content="书店"><meta property="article:tag" content="小镇">
<meta property="article:tag" content="">
<link rel="Canonical" href="/relative"><meta property="og:url" content="https://example.org/a">
</head><body></body></html>"""


def test_meta_tags_title_and_canonical() -> None:
    root = parse_tree(HEAD)
    assert root is not None
    head = read_head(root)
    assert head.title == "小镇书店 _ 河畔网"
    assert head.title_claims == ["小镇书店", "小镇书店 _ 河畔网"]  # one tag, two properties
    assert head.date == "2024-03-01"  # the first date that parses
    assert head.modified == "2024-03-05"
    assert head.author == "王五"  # the first author key with a name, no address
    assert (head.source, head.section) == ("河畔网", "本地")
    assert head.all("article:tag") == ["书店", "小镇"]
    assert head.canonical == "/relative"
    assert head.url == "https://example.org/a"  # a relative canonical is no address


def test_an_itemprop_date_in_a_datetime_attribute() -> None:
    root = parse_tree(
        '<html><head><meta itemprop="datePublished" datetime="2023-01-01">'
        '<meta name="pubdate" content="2024-03-01"></head><body></body></html>'
    )
    assert root is not None
    assert read_head(root).date == "2023-01-01"  # datePublished ranks before pubdate
