"""Tests for tuireader.library.loader: one file in, one sanitized Article (or ArticleError) out."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuireader.library import loader
from tuireader.library.loader import (
    MAX_BLOCK_CHARS,
    ArticleError,
    fingerprint,
    fingerprint_of,
    format_for,
    load_article,
    merge_sections,
    split_long_text,
)
from tuireader.library.model import (
    FORMAT_MARKDOWN,
    FORMAT_TEXT,
    PARAGRAPH,
    Article,
    ArticleMeta,
    Block,
    ParsedPage,
)

MD_PAGE = "---\ntitle: Front Title\ndate: 2024-03-05\n---\n\n# Heading\n\nFirst paragraph.\n"


def write(path: Path, data: str | bytes) -> Path:
    """Create ``path`` (and its folders) with ``data``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def all_strings(article: Article) -> list[str]:
    """Every string an Article shows, for sanitizing checks (not ``path``: it is the key).

    The metadata is taken through its JSON form, so a field added later is checked too.
    """

    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for k, v in value.items() for s in (*strings(k), *strings(v))]
        if isinstance(value, list):
            return [s for item in value for s in strings(item)]
        return []

    return [
        *strings(article.meta.to_json()),
        article.encoding,
        *article.warnings,
        *(block.text for block in article.blocks),
    ]


def test_markdown_file_gets_folder_sections_path_and_format(tmp_path: Path) -> None:
    path = write(tmp_path / "科技" / "AI" / "note.md", MD_PAGE)
    article = load_article(path, tmp_path)
    assert article.title == "Front Title"
    assert article.meta.date == "2024-03-05"
    assert article.meta.sections[:2] == ("科技", "AI")
    assert article.path == "科技/AI/note.md"
    assert article.format == FORMAT_MARKDOWN
    assert "First paragraph." in article.body_text


@pytest.mark.parametrize("separator", ["\u2029", "\u2028"])
def test_text_file_broken_only_by_unicode_separators_has_paragraphs(
    tmp_path: Path, separator: str
) -> None:
    paragraphs = [
        "第一段讲的是春天的风，风从山上吹下来，吹过整个绿洲。",
        "第二段讲的是雨，雨水不多，却总在最需要的时候落下来。",
        "第三段讲的是人，人们在田里忙着播种，盼着一个好收成。",
    ]
    path = write(tmp_path / "春天.txt", separator.join(["绿洲的春天", *paragraphs]))
    article = load_article(path, tmp_path)
    assert article.title == "绿洲的春天"
    assert [block.text for block in article.blocks] == paragraphs


def test_gbk_text_file_is_decoded(tmp_path: Path) -> None:
    text = "张掖新闻标题\n这是正文的第一段，讲述本地的发展情况。\n"
    path = write(tmp_path / "gbk.txt", text.encode("gbk"))
    article = load_article(path, tmp_path)
    assert "讲述本地的发展情况" in article.body_text
    assert article.format == FORMAT_TEXT
    assert article.encoding.lower().replace("-", "") in {"gbk", "gb18030", "gb2312"}


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    html = (
        '<html><head><meta charset="gbk"><title>网页标题</title></head>'
        "<body><p>网页正文的一段文字，足够长以便识别。</p></body></html>"
    )
    path = write(tmp_path / "page.html", html.encode("gbk"))
    article = load_article(path, tmp_path)
    assert article.title == "网页标题"
    assert "网页正文的一段文字" in article.body_text


def test_binary_file_is_an_article_error(tmp_path: Path) -> None:
    path = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    with pytest.raises(ArticleError):
        load_article(path, tmp_path)


def test_missing_file_is_an_article_error(tmp_path: Path) -> None:
    with pytest.raises(ArticleError):
        load_article(tmp_path / "gone.txt", tmp_path)


def test_parser_crash_becomes_a_sanitized_message(tmp_path: Path, monkeypatch) -> None:
    def crash(text: str, stem: str) -> ParsedPage:
        raise ValueError("bad \x1b]0;owned\x07 input")

    monkeypatch.setitem(loader.PARSERS, FORMAT_TEXT, crash)
    path = write(tmp_path / "a.txt", "hello")
    with pytest.raises(ArticleError) as caught:
        load_article(path, tmp_path)
    message = str(caught.value)
    assert message.startswith("could not parse: ValueError: bad")
    assert "\x1b" not in message and "\x07" not in message


def test_every_field_is_sanitized(tmp_path: Path, monkeypatch) -> None:
    def hostile(text: str, stem: str) -> ParsedPage:
        return ParsedPage(
            ArticleMeta(
                title="Ti\x1b]0;x\x07tle",
                sections=("sec\x1b[2Jtion",),
                source="src\x1bc",
                author="au\nthor",
                tags=("t\x1b[1mag",),
                labels=(("分\x1b[1m类号", "F\x07127"),),
            ),
            blocks=(Block(PARAGRAPH, "para\x9b31m graph"), Block(PARAGRAPH, "ok\u202etxt")),
            warnings=("warn\x1b[?1049l",),
        )

    monkeypatch.setitem(loader.PARSERS, FORMAT_TEXT, hostile)
    path = write(tmp_path / "dir\x1b[31m" / "a.txt", "x")
    article = load_article(path, tmp_path)
    for value in all_strings(article):
        assert not any(ch in value for ch in "\x1b\x07\x9b\u202e"), repr(value)
    assert "\n" not in article.meta.author
    # The path stays the exact key of the file; display points sanitize it.
    assert article.path == "dir\x1b[31m/a.txt"


def test_title_falls_back_to_the_file_stem(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(
        loader.PARSERS,
        FORMAT_TEXT,
        lambda text, stem: ParsedPage(ArticleMeta(title="  "), blocks=()),
    )
    path = write(tmp_path / "my-notes.txt", "x")
    assert load_article(path, tmp_path).title == "my-notes"


def test_title_is_never_blank_when_the_name_is_only_a_line_break(tmp_path: Path) -> None:
    path = tmp_path / "\r.txt"
    path.write_text("")
    assert load_article(path, tmp_path).title == loader.UNTITLED


@pytest.mark.parametrize(
    ("folders", "own", "expected"),
    [
        ((), (), ()),
        (("新闻",), (), ("新闻",)),
        ((), ("网站", "要闻"), ("网站", "要闻")),
        (("要闻",), ("中国张掖网", "问政", "要闻"), ("要闻",)),
        (("要闻",), ("网站", "要闻", "本地"), ("要闻", "本地")),
        (("新闻", "张掖"), ("问政", "要闻"), ("新闻", "张掖", "问政", "要闻")),
        (("a",), ("b", "b", "c"), ("a", "b", "c")),
        (("a", "a"), (), ("a",)),
        (("Tech", "Rust"), ("programming", "rust"), ("Tech", "Rust")),
        (
            ("Tech", "Programming", "Py"),
            ("Programming", "Testing"),
            ("Tech", "Programming", "Py", "Testing"),
        ),
        (("新闻", "张掖"), ("新闻", "国内"), ("新闻", "张掖", "国内")),
        (("News",), ("news", "World"), ("News", "World")),
    ],
)
def test_merge_sections(folders, own, expected) -> None:
    assert merge_sections(folders, own) == expected


def test_fingerprint_ignores_whitespace_but_not_words() -> None:
    base = Article(
        ArticleMeta(title="T"), blocks=(Block(PARAGRAPH, "one two"), Block(PARAGRAPH, "three"))
    )
    rewrapped = Article(
        ArticleMeta(title="T"), blocks=(Block(PARAGRAPH, "one\ntwo   three"),), path="x/y"
    )
    edited = Article(
        ArticleMeta(title="T"), blocks=(Block(PARAGRAPH, "one two"), Block(PARAGRAPH, "four"))
    )
    retitled = Article(ArticleMeta(title="U"), blocks=base.blocks)
    assert fingerprint(base) == fingerprint(rewrapped)
    assert fingerprint(base) != fingerprint(edited)
    assert fingerprint(base) != fingerprint(retitled)
    assert len(fingerprint(base)) == 32


@given(
    st.text(
        alphabet=st.sampled_from(
            [" ", "\n", "\t", "\u3000", "\xa0", "\u2028", "a", "中", "\u200b"]
        ),
        max_size=20,
    )
)
def test_fingerprint_sees_only_the_words_of_any_spacing(text: str) -> None:
    spaced = Article(ArticleMeta(title="T"), blocks=(Block(PARAGRAPH, text), Block(PARAGRAPH, "b")))
    words = " ".join(f"{text}\nb".split())
    single = Article(ArticleMeta(title="T"), blocks=(Block(PARAGRAPH, words),))
    assert fingerprint(spaced) == fingerprint(single)


def test_split_long_text_cuts_at_sentence_ends() -> None:
    sentence = "这是一个用来测试的句子，内容并不重要。"
    text = sentence * (3 * MAX_BLOCK_CHARS // len(sentence))
    pieces = split_long_text(text)
    assert len(pieces) >= 3
    assert all(len(piece) <= MAX_BLOCK_CHARS for piece in pieces)
    assert all(piece.endswith("。") for piece in pieces)
    assert "".join(pieces) == text


def test_split_long_text_without_sentences_still_respects_the_limit() -> None:
    text = "x" * (MAX_BLOCK_CHARS * 2 + 5)
    pieces = split_long_text(text)
    assert [len(piece) for piece in pieces] == [MAX_BLOCK_CHARS, MAX_BLOCK_CHARS, 5]


def test_long_paragraph_is_split_into_blocks(tmp_path: Path, monkeypatch) -> None:
    long_text = "Short sentence here. " * (MAX_BLOCK_CHARS // 10)
    monkeypatch.setitem(
        loader.PARSERS,
        FORMAT_TEXT,
        lambda text, stem: ParsedPage(
            ArticleMeta(title="t"), blocks=(Block(PARAGRAPH, long_text),)
        ),
    )
    article = load_article(write(tmp_path / "long.txt", "x"), tmp_path)
    assert len(article.blocks) > 1
    assert all(len(block.text) <= MAX_BLOCK_CHARS for block in article.blocks)
    assert " ".join(block.text for block in article.blocks) == long_text.strip()


@pytest.mark.parametrize(
    "text",
    [
        "plain 中文 text\nwith lines\tand tabs",
        "\u3000\u3000全角空格开头的段落。",
        "csi \x1b[2J osc \x1b]52;c;aGk=\x07 end",
        "crlf\r\nlone cr\rnel\x85ls\u2028ps\u2029",
        "bidi \u202eevil\u202c zwsp\u200b bom\ufeff",
        "nul\x00 del\x7f c1\x9b31m",
        "surrogate \ud800 here",
    ],
)
def test_sanitize_body_matches_sanitize_text(text: str) -> None:
    from tuireader.text.sanitize import sanitize_text

    assert loader.sanitize_body(text) == sanitize_text(text)


def test_fingerprint_is_pinned() -> None:
    """State (read marks, bookmarks) is keyed by it: a change would orphan users' work."""
    article = Article(
        ArticleMeta(title=" 标题  Title "),
        blocks=(
            Block("heading", "第一章"),
            Block(PARAGRAPH, "经济\u3000发展  very\tfast\n"),
            Block("code", "x = 1\n  y"),
        ),
    )
    assert fingerprint(article) == "4155ebe25839ba5578064580bc39e666"


def test_a_fingerprint_takes_any_text_even_a_lone_surrogate() -> None:
    # Text from stored state or JSON may hold one; it must fingerprint, not raise.
    lone = fingerprint_of("Notes", "before \ud800 after")
    assert lone != fingerprint_of("Notes", "before \ufffd after")
    assert lone == fingerprint_of("Notes", "before \ud800 after")


def test_a_binary_file_named_txt_says_what_it_is(tmp_path: Path) -> None:
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    with pytest.raises(ArticleError, match="binary file, not text"):
        load_article(tmp_path / "photo.txt", tmp_path)


def test_an_article_deleted_since_the_scan_says_so(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match=r"^file not found \(deleted or moved\?\)$"):
        load_article(tmp_path / "gone.txt", tmp_path)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.md", "markdown"),
        ("A.MD", "markdown"),  # any case
        ("a.markdown", "markdown"),
        ("dir/x.md", "markdown"),
        ("a.html", "html"),
        ("a.htm", "html"),
        ("a.xhtml", "html"),
        ("a.b.HTML", "html"),  # the last suffix counts
        ("a.txt", "text"),
        ("a", "text"),
        (".md", "text"),  # a hidden file's name, not a suffix
        ("a.", "text"),
    ],
)
def test_format_for_a_file_name(name: str, kind: str) -> None:
    assert format_for(name) == kind


@pytest.mark.parametrize(
    ("title", "body", "same"),
    [
        (" 标题 ", "第一段 第二段", True),  # spaces round the title
        ("标题", "第一段  \n  第二段", True),  # re-wrapped
        ("标题", " 第一段\t第二段 ", True),
        ("标题", "第一段\u3000第二段", True),
        ("标题", "第一段第二段", False),  # words joined
        ("标题第一段", "第二段", False),  # the title and the text are kept apart
    ],
)
def test_fingerprints_ignore_only_whitespace(title: str, body: str, same: bool) -> None:
    assert (fingerprint_of(title, body) == fingerprint_of("标题", "第一段\n第二段")) is same
