"""Front matter of Jekyll, Hugo and Obsidian notes read onto an article's metadata."""

from __future__ import annotations

import pytest

from tuireader.library.formats.markdown.meta import meta_from_front_matter
from tuireader.library.model import ArticleMeta


@pytest.mark.parametrize(
    ("front", "meta"),
    [
        ({}, ArticleMeta()),
        # Keys in any case, spaces round them; values on one line.
        (
            {" Title ": "  河边  的书店 ", "DATE": "2024-03-01"},
            ArticleMeta(title="河边 的书店", date="2024-03-01"),
        ),
        # The first key with a value wins: an empty one is skipped.
        ({"title": "", "name": "名字"}, ArticleMeta(title="名字")),
        ({"title": "标题", "name": "名字"}, ArticleMeta(title="标题")),
        ({"title": ["上", " 下 ", "", 3]}, ArticleMeta(title="上, 下")),
        ({"title": 5}, ArticleMeta()),
        ({"author": {"name": "王五", "email": "wang@example.org"}}, ArticleMeta(author="王五")),
        ({"author": {"email": "wang@example.org"}}, ArticleMeta()),
        ({"authors": ["王五", "赵六"]}, ArticleMeta(author="王五, 赵六")),
        ({"author": [], "authors": ["赵六"]}, ArticleMeta(author="赵六")),
        ({"published": "2024-03-01", "date": None}, ArticleMeta(date="2024-03-01")),
        ({"pubdate": "2024-03-01"}, ArticleMeta(date="2024-03-01")),
        ({"publishdate": "2024-03-01"}, ArticleMeta(date="2024-03-01")),
        ({"created": "2024-03-01"}, ArticleMeta(date="2024-03-01")),
        ({"created_at": "2024-03-01 10:20"}, ArticleMeta(date="2024-03-01T10:20")),
        (
            {"categories": "新闻 / 本地, 小镇 > 书店"},
            ArticleMeta(sections=("新闻", "本地", "小镇", "书店")),
        ),
        ({"category": ["新闻", "新闻", " 本地 ", 5, ""]}, ArticleMeta(sections=("新闻", "本地"))),
        ({"sections": "甲、乙»丙"}, ArticleMeta(sections=("甲", "乙", "丙"))),
        ({"section": "甲，乙"}, ArticleMeta(sections=("甲", "乙"))),
        ({"tags": "#书店, 小镇；阅读 阅读"}, ArticleMeta(tags=("书店", "小镇", "阅读"))),
        ({"tag": ["#甲", "乙"]}, ArticleMeta(tags=("甲", "乙"))),
        ({"keywords": "甲;乙、丙"}, ArticleMeta(tags=("甲", "乙", "丙"))),
        ({"tags": 5}, ArticleMeta()),
        ({"summary": "一段  摘要"}, ArticleMeta(description="一段 摘要")),
        ({"excerpt": "摘录", "description": "描述"}, ArticleMeta(description="描述")),
        ({"excerpt": "摘录"}, ArticleMeta(description="摘录")),
        ({"canonical_url": "https://example.org/a"}, ArticleMeta(url="https://example.org/a")),
        ({"link": "https://example.org/b"}, ArticleMeta(url="https://example.org/b")),
        ({"canonicalurl": "https://example.org/c"}, ArticleMeta(url="https://example.org/c")),
        ({"source": "河畔日报"}, ArticleMeta(source="河畔日报")),
    ],
)
def test_front_matter_keys_fill_the_metadata(front: dict[str, object], meta: ArticleMeta) -> None:
    assert meta_from_front_matter(front) == (meta, ())


def test_a_date_not_understood_is_left_out_with_a_warning() -> None:
    meta, warnings = meta_from_front_matter({"title": "书店", "date": "下个星期二左右" + "x" * 60})
    assert meta == ArticleMeta(title="书店")
    assert warnings == ("front matter date not understood: 下个星期二左右" + "x" * 33,)
