"""Property tests for the parsers and the loader: no input crashes them or leaks controls.

Article files are written by strangers, so the parsers get arbitrary Unicode mixed with
the fragments that steer them (front-matter fences, Markdown syntax, HTML tags, entities
that decode to control characters, terminal escapes), and the loader gets arbitrary bytes
in a real file. The guarantees checked:

- ``parse_plaintext``, ``parse_markdown``, ``parse_html`` and ``split_front_matter`` never
  raise, even on text that was not sanitized first;
- ``load_article`` raises nothing but :class:`ArticleError`, and every text field of the
  Article it returns holds no character of category Cc other than ``\\n``/``\\t`` (one-line
  fields: none at all) and no lone surrogate.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuireader.library.formats.html.page import parse_html
from tuireader.library.formats.markdown.frontmatter import split_front_matter
from tuireader.library.formats.markdown.page import parse_markdown
from tuireader.library.formats.plain.page import parse_plaintext
from tuireader.library.loader import ArticleError, load_article
from tuireader.library.model import Article, ParsedPage
from tuireader.text.sanitize import sanitize_text
from tuireader.text.wrap import wrap_lines

EXAMPLES = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Pieces that push each parser down its interesting paths.
FRAGMENTS = (
    "---\n", "+++\n", "...\n", "title: ", "tags: [a, b]\n", "date: 2024-02-30\n",
    "&a [*a]\n", "!!python/object/apply:os.system ['x']\n", "[[[[[[[[", "{{{{",
    "# ", "## ", "> ", "- ", "1. ", "```\n", "    code\n", "***\n", "[x](javascript:y)",
    "<html>", "<head><title>", "</title>", "<meta charset=gbk>", "<body>", "<p>", "</p>",
    "<h1>", "</h1>", "<script>", "<br>", "<!--", "-->", "<![CDATA[",
    "&#27;", "&#x9b;", "&#0;", "&#x202e;", "&#xd800;", "&amp;", "&nbsp;",
    "\x1b]52;c;SGVsbG8=\x07", "\x1b]0;T\x1b\\", "\x1bc", "\x1b[?1049l", "\x9b2J", "\x9d0;T\x9c",
    "\r\n", "\r", "\n\n", "\x0c", "\x0b", "\x85", "\u2028", "\u2029", "\t", "\x00", "\ufeff",
    "[@click=app.quit]q[/]", "[/foo]", "[bold", "标题：", "发布时间：2024年1月2日", "来源：",
    "首页 > 新闻 > 正文", "。", "，",
)  # fmt: skip
ANY_CHAR = st.characters(codec=None, exclude_categories=())
PIECE = st.one_of(st.sampled_from(FRAGMENTS), st.text(ANY_CHAR, max_size=12))
DOCUMENT = st.lists(PIECE, max_size=40).map("".join)
STEM = st.text(ANY_CHAR, max_size=20)


def _bad_controls(text: str, allowed: str) -> list[str]:
    """Characters of category Cc (other than ``allowed``) and surrogates in ``text``."""
    return [c for c in text if unicodedata.category(c) in ("Cc", "Cs") and c not in allowed]


def _check_page(page: ParsedPage) -> None:
    """A parser result has the shape the loader relies on."""
    assert isinstance(page, ParsedPage)
    assert page.meta.title is None or isinstance(page.meta.title, str)
    assert all(isinstance(block.text, str) for block in page.blocks)
    assert all(
        isinstance(name, str) for name in (*page.meta.sections, *page.meta.tags, *page.warnings)
    )


@EXAMPLES
@given(DOCUMENT, STEM)
def test_plaintext_parser_never_raises(text: str, stem: str) -> None:
    _check_page(parse_plaintext(text, stem))


@EXAMPLES
@given(DOCUMENT)
def test_plaintext_keeps_sanitized_text_clean(text: str) -> None:
    # Plain text decodes no entities: what goes in sanitized comes out sanitized.
    page = parse_plaintext(sanitize_text(text), "stem")
    for block in page.blocks:
        assert _bad_controls(block.text, "\n\t") == []
    assert _bad_controls(page.meta.title or "", "") == []


@EXAMPLES
@given(DOCUMENT, STEM)
def test_markdown_parser_never_raises(text: str, stem: str) -> None:
    _check_page(parse_markdown(text, stem))


@EXAMPLES
@given(DOCUMENT, STEM)
def test_html_parser_never_raises(text: str, stem: str) -> None:
    _check_page(parse_html(text, stem))


@EXAMPLES
@given(DOCUMENT)
def test_front_matter_never_raises(text: str) -> None:
    meta, body, warnings = split_front_matter(text)
    assert isinstance(meta, dict)
    assert isinstance(body, str)
    assert all(isinstance(warning, str) for warning in warnings)


@EXAMPLES
@given(st.lists(st.sampled_from(FRAGMENTS[:10]), max_size=30).map("".join))
def test_front_matter_shaped_text_never_raises(text: str) -> None:
    # Mostly fences and YAML: reaches the YAML loader far more often than DOCUMENT does.
    meta, _, _ = split_front_matter("---\n" + text + "\n---\nbody\n")
    assert isinstance(meta, dict)


def _check_article(article: Article) -> None:
    """Every text field of the model is free of controls (bodies keep newline and tab)."""
    for block in article.blocks:
        assert _bad_controls(block.text, "\n\t") == [], block
    one_line_fields = [
        article.title,
        *article.meta.sections,
        *article.meta.tags,
        *article.warnings,
        article.encoding,
        *(
            v
            for v in (article.meta.date, article.meta.source, article.meta.author, article.meta.url)
            if v
        ),
        article.meta.description or "",
    ]
    for value in one_line_fields:
        assert _bad_controls(value, "") == [], value
        assert "\n" not in value
    assert article.title.strip()


def _load(tmp_path: Path, name: str, data: bytes) -> Article | None:
    """Write ``data`` as ``name`` in a fresh library and load it (None on ArticleError)."""
    root = tmp_path / "lib"
    root.mkdir(exist_ok=True)
    path = root / name
    path.write_bytes(data)
    try:
        return load_article(path, root)
    except ArticleError as error:
        assert str(error)
        return None
    finally:
        path.unlink()


SUFFIX = st.sampled_from([".txt", ".md", ".html"])
# File names: anything but "/" and NUL, not "." or "..", and within NAME_MAX bytes.
FILE_STEM = st.text(
    st.characters(codec="utf-8", exclude_characters="/\x00"), min_size=1, max_size=30
).filter(lambda s: s not in (".", "..") and len(s.encode()) < 200)


@EXAMPLES
@given(st.binary(max_size=2000), SUFFIX)
def test_loader_on_arbitrary_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    article = _load(tmp_path, "article" + suffix, data)
    if article is not None:
        _check_article(article)


@EXAMPLES
@given(DOCUMENT, SUFFIX, st.sampled_from(["utf-8", "utf-16", "gb18030"]))
def test_loader_on_hostile_text(tmp_path: Path, text: str, suffix: str, codec: str) -> None:
    data = text.encode(codec, "surrogatepass" if codec == "utf-8" else "replace")
    article = _load(tmp_path, "article" + suffix, data)
    if article is not None:
        _check_article(article)


@EXAMPLES
@given(FILE_STEM, SUFFIX, DOCUMENT)
def test_loader_with_hostile_file_names(tmp_path: Path, stem: str, suffix: str, text: str) -> None:
    name = stem + suffix
    article = _load(tmp_path, name, text.encode("utf-8", "replace"))
    if article is not None:
        _check_article(article)
        if "\\" not in name:  # names without a backslash are their own catalog key
            assert article.path == name


@EXAMPLES
@given(DOCUMENT, st.integers(min_value=1, max_value=120))
def test_line_breaker_takes_any_text(text: str, width: int) -> None:
    # The reader wraps one block line at a time; give it raw and sanitized text alike.
    for line in (text, *sanitize_text(text).split("\n")):
        spans = wrap_lines(line, width)
        assert all(0 <= start <= end <= len(line) for start, end in spans)
