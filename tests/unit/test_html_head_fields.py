"""The fields a page's head states, one rule at a time: which value of several wins,
which are refused, and the bounds of the JSON-LD reading."""

from __future__ import annotations

import json

from tuireader.library.formats.html.meta import HeadMeta, LinkedData, read_head, read_linked_data
from tuireader.library.formats.html.tree import parse_tree


def head_of(tags: str) -> HeadMeta:
    root = parse_tree(f"<html><head>{tags}</head><body><p>正文</p></body></html>")
    assert root is not None
    return read_head(root)


def linked(*objects: object, raw: str | None = None) -> LinkedData:
    scripts = [json.dumps(item, ensure_ascii=False) for item in objects]
    if raw is not None:
        scripts.append(raw)
    tags = "".join(f'<script type="application/ld+json">{text}</script>' for text in scripts)
    root = parse_tree(f"<html><head>{tags}</head><body><p>正文</p></body></html>")
    assert root is not None
    return read_linked_data(root)


def test_the_first_non_empty_value_of_a_key_wins() -> None:
    head = head_of(
        '<meta property="og:site_name" content=" "><meta property="og:site_name" content="河畔网">'
    )
    assert head.first(("og:site_name",)) == "河畔网"
    assert head.source == "河畔网"


def test_a_meta_site_name_wins_over_the_json_ld_publisher() -> None:
    head = head_of(
        '<meta property="og:site_name" content="河畔网">'
        '<script type="application/ld+json">'
        '{"@type": "Article", "headline": "小镇书店", "publisher": {"name": "河畔日报社"}}'
        "</script>"
    )
    assert head.source == "河畔网"
    assert (
        head_of(
            '<script type="application/ld+json">'
            '{"@type": "Article", "headline": "小镇书店", "publisher": {"name": "河畔日报社"}}'
            "</script>"
        ).source
        == "河畔日报社"
    )


def test_a_json_ld_headline_contradicted_by_its_name_is_no_title_claim() -> None:
    head = head_of(
        "<title>书店 - 河畔网</title>"
        '<script type="application/ld+json">'
        '{"@type": "Article", "name": "书店", "headline": "河边一家开了三十年的老店"}'
        "</script>"
    )
    assert head.headline is None
    assert head.title_claims == ["书店 - 河畔网"]


def test_the_json_ld_modified_date_wins_over_meta_tags() -> None:
    head = head_of(
        '<meta property="article:modified_time" content="2024-03-05">'
        '<script type="application/ld+json">'
        '{"@type": "Article", "headline": "小镇书店", "dateModified": "2024-03-09"}'
        "</script>"
    )
    assert head.modified == "2024-03-09"


def test_an_author_given_as_an_address_is_skipped_for_the_next_key() -> None:
    head = head_of(
        '<meta name="author" content="https://example.org/wang">'
        '<meta name="article:author" content="王五">'
    )
    assert head.author == "王五"


def test_authors_named_twice_are_named_once() -> None:
    head = head_of('<meta name="author" content="王五"><meta name="author" content="王五">')
    assert head.author == "王五"


def test_canonical_among_other_rel_words_and_trimmed() -> None:
    head = head_of('<link rel="alternate canonical" href="  https://example.org/a  ">')
    assert (head.canonical, head.url) == ("https://example.org/a", "https://example.org/a")
    assert head_of('<link rel="canonical" href="   ">').canonical is None


def test_json_ld_scripts_up_to_256_kib_are_read() -> None:
    article = {"@type": "Article", "headline": "小镇书店"}
    text = json.dumps(article)
    padded = text[:-1] + ", " + '"x": "' + "y" * (256 * 1024 - len(text) - 9) + '"}'
    assert len(padded) == 256 * 1024
    assert linked(raw=padded).headline == "小镇书店"
    assert linked(raw=padded[:-2] + 'y"}').headline is None


def test_reading_stops_once_headline_date_and_authors_are_found() -> None:
    first = {"@type": "Article", "headline": "一", "datePublished": "2024-01-02", "author": "王五"}
    second = {"@type": "Article", "headline": "二", "dateModified": "2024-02-02"}
    assert linked(first, second) == LinkedData("一", None, "2024-01-02", None, ("王五",), None)
    # Without authors the next object may still fill in what is missing.
    first = {"@type": "Article", "headline": "一", "datePublished": "2024-01-02"}
    assert linked(first, second).modified == "2024-02-02"


def test_the_first_objects_name_decides_whether_its_headline_is_the_title() -> None:
    first = {"@type": "Article", "headline": "小镇书店"}
    second = {"@type": "Article", "headline": "别的", "name": "另一个名字"}
    assert linked(first, second).other_name is None


def test_json_ld_reads_at_most_5000_objects() -> None:
    filler = [{"@type": "Thing"}] * 4999
    article = {"@type": "Article", "headline": "小镇书店"}
    assert linked([*filler, article]).headline == "小镇书店"
    assert linked([*filler, {"@type": "Thing"}, article]).headline is None
    # Objects in @graph lists count too: the article is the 7500th object.
    holders = [{"@type": "Thing", "@graph": [{"@type": "Thing"}] * 2}] * 2499
    last = {"@type": "Thing", "@graph": [{"@type": "Thing"}, article]}
    assert linked([*holders, last]).headline is None
    assert linked([*holders[:1000], last]).headline == "小镇书店"
    holder = {"@type": "Thing", "@graph": [article]}
    assert linked([*filler[1:], holder]).headline == "小镇书店"  # the 5000th
    assert linked([*filler, holder]).headline is None  # the 5001st


def test_json_ld_authors_up_to_twenty_each_named_once() -> None:
    names = [f"{family}明" for family in "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何"]
    found = linked({"@type": "Article", "headline": "书", "author": names}).authors
    assert found == tuple(names[:20])
    found = linked({"@type": "Article", "headline": "书", "author": ["王五", {"name": "王五"}]})
    assert found.authors == ("王五",)


def test_an_empty_publisher_list_names_no_publisher() -> None:
    assert linked({"@type": "Article", "headline": "书", "publisher": []}).publisher is None
    assert (
        linked({"@type": "Article", "headline": "书", "publisher": ["河畔网", "别的"]}).publisher
        == "河畔网"
    )
