"""Where a link in an article leads: relative paths, site-root paths, pages named without
their extension, headings by their generated ids, the web, and what is never followed."""

from __future__ import annotations

import pytest

from tuireader.library.link_targets import (
    ARTICLE,
    HERE,
    MAX_LINK_CHARS,
    NOWHERE,
    OUTSIDE,
    WEB,
    heading_block,
    heading_id,
    page_candidates,
    resolve_link,
)
from tuireader.library.model import HEADING, PARAGRAPH, SPAN_ANCHOR, Block, Span


def test_a_relative_link_is_read_from_the_articles_folder() -> None:
    found = resolve_link("../guide/setup.md#install", "docs/intro/start.md")
    assert found.kind == ARTICLE
    assert found.paths == ("docs/guide/setup.md",)
    assert found.fragment == "install"


def test_a_link_beside_the_article_and_one_below_it() -> None:
    assert resolve_link("other.md", "docs/a.md").paths == ("docs/other.md",)
    assert resolve_link("./sub/b.md", "docs/a.md").paths == ("docs/sub/b.md",)
    assert resolve_link("other.md", "top.md").paths == ("other.md",)


def test_a_link_may_climb_to_the_library_root_but_not_past_it() -> None:
    assert resolve_link("../../x.md", "a/b/c.md").paths == ("x.md",)
    outside = resolve_link("../../../x.md", "a/b/c.md")
    assert outside.kind == OUTSIDE
    assert "outside" in outside.reason


def test_a_site_root_link_tries_each_folder_up_to_the_library_root_nearest_first() -> None:
    found = resolve_link("/system-variables.md#sql_mode", "manual/sql/select.md")
    assert found.kind == ARTICLE
    assert found.paths == (
        "manual/sql/system-variables.md",
        "manual/system-variables.md",
        "system-variables.md",
    )
    assert found.fragment == "sql_mode"


def test_a_page_named_without_extension_may_be_a_file_or_a_folders_index() -> None:
    paths = resolve_link("../install/", "docs/guide/a.md").paths
    assert paths[:3] == (
        "docs/install/index.md",
        "docs/install/_index.md",
        "docs/install/README.md",
    )
    bare = resolve_link("install", "docs/a.md").paths
    assert bare[:2] == ("docs/install", "docs/install.md")
    assert "docs/install/_index.md" in bare


def test_a_built_page_link_also_means_its_markdown_source() -> None:
    assert resolve_link("setup.html", "docs/a.md").paths == (
        "docs/setup.html",
        "docs/setup.md",
        "docs/setup.markdown",
    )


def test_percent_escapes_in_path_and_fragment_are_decoded() -> None:
    found = resolve_link("%E6%8C%87%E5%8D%97.md#%E5%AE%89%E8%A3%85", "文档/a.md")
    assert found.paths == ("文档/指南.md",)
    assert found.fragment == "安装"


@pytest.mark.parametrize("target", ["#install", "a.md#install", "./a.md#install"])
def test_a_fragment_alone_or_the_articles_own_name_stays_in_the_article(target: str) -> None:
    found = resolve_link(target, "docs/a.md")
    assert found.kind == HERE
    assert found.fragment == "install"


@pytest.mark.parametrize(
    ("target", "url"),
    [
        ("https://example.org/a?b=1#c", "https://example.org/a?b=1#c"),
        ("HTTP://example.org/", "HTTP://example.org/"),
        ("//cdn.example.org/x", "https://cdn.example.org/x"),
    ],
)
def test_web_links_go_to_the_browser(target: str, url: str) -> None:
    found = resolve_link(target, "a.md")
    assert (found.kind, found.url) == (WEB, url)


@pytest.mark.parametrize(
    "target", ["mailto:someone@example.org", "javascript:alert(1)", "file:///etc/passwd", "", " "]
)
def test_other_schemes_and_empty_links_lead_nowhere(target: str) -> None:
    assert resolve_link(target, "a.md").kind == NOWHERE


def test_heading_ids_follow_github_and_hugo() -> None:
    assert heading_id("Install TiDB on Linux") == "install-tidb-on-linux"
    assert heading_id("`tidb_opt_agg_push_down`") == "tidb_opt_agg_push_down"
    assert heading_id("What's new in 2.0?") == "whats-new-in-20"
    assert heading_id("安装 TiDB（离线）") == "安装-tidb离线"


def test_a_fragment_finds_its_heading_repeated_headings_by_their_number() -> None:
    blocks = [
        Block(HEADING, "Usage", level=2),
        Block(PARAGRAPH, "Usage of the first tool."),
        Block(HEADING, "Options", level=3),
        Block(HEADING, "Usage", level=2),
        Block(HEADING, "常见问题 FAQ", level=2),
    ]
    assert heading_block(blocks, "usage") == 0
    assert heading_block(blocks, "usage-1") == 3
    assert heading_block(blocks, "Options") == 2
    assert heading_block(blocks, "常见问题-faq") == 4
    assert heading_block(blocks, "常见问题faq") == 4  # another generator's id, matched loosely
    assert heading_block(blocks, "missing") is None
    assert heading_block(blocks, "") is None


def test_a_slugified_fragment_finds_its_heading_with_folded_letters() -> None:
    # python-slugify and its kind write ß as ss: the loose match folds case the same way.
    blocks = [Block(HEADING, "Einleitung", level=2), Block(HEADING, "Straße und Weg", level=2)]
    assert heading_block(blocks, "strasse-und-weg") == 1
    assert heading_block(blocks, "STRASSE-UND-WEG") == 1


def test_a_fragment_that_is_a_headings_exact_id_beats_an_earlier_loose_match() -> None:
    # "Set up" is set-up (loosely "setup"); "#setup" is the id of the heading "Setup".
    blocks = [Block(HEADING, "Set up", level=2), Block(HEADING, "Setup", level=2)]
    assert heading_block(blocks, "setup") == 1
    assert heading_block(blocks, "set-up") == 0


def test_a_fragment_finds_the_heading_given_that_id_first() -> None:
    blocks = [
        Block(HEADING, "Install", level=2),
        Block(HEADING, "Getting it", level=2, spans=(Span(0, 10, SPAN_ANCHOR, "install"),)),
    ]
    assert heading_block(blocks, "install") == 1


INDEXES = ("index.md", "_index.md", "README.md", "readme.md", "index.markdown", "index.html")


@pytest.mark.parametrize(
    ("target", "article", "paths"),
    [
        # A folder's link: its index pages, then a page served at that folder's URL.
        (
            "install/",
            "a.md",
            (*(f"install/{n}" for n in INDEXES), "install.md", "install.markdown", "install.html"),
        ),
        ("./", "a/b.md", (*(f"a/{n}" for n in INDEXES), "a.md", "a.markdown", "a.html")),
        ("..", "a/b.md", INDEXES),  # the library root's index
        # The site's root: the article's folder first, then the library root.
        ("/", "a/b.md", (*(f"a/{n}" for n in INDEXES), "a.md", "a.markdown", "a.html", *INDEXES)),
        ("/x.md", "top.md", ("x.md",)),
        ("/../x.md", "a/b.md", ("x.md",)),
        # No page extension: the name itself, the name as a page, the name as a folder.
        (
            "install",
            "a.md",
            (
                "install",
                "install.md",
                "install.markdown",
                "install.html",
                *(f"install/{n}" for n in INDEXES),
            ),
        ),
        ("Setup.HTML", "a.md", ("Setup.HTML", "Setup.md", "Setup.markdown")),
        ("x.htm", "a.md", ("x.htm", "x.md", "x.markdown")),
        ("notes.txt", "a.md", ("notes.txt",)),
        ("x.markdown", "a.md", ("x.markdown",)),
        ("a/b.md", "a/b.md", ("a/a/b.md",)),  # relative to the article's folder
    ],
)
def test_every_page_a_link_may_mean_in_order(
    target: str, article: str, paths: tuple[str, ...]
) -> None:
    found = resolve_link(target, article)
    assert found.kind == ARTICLE
    assert found.paths == paths


@pytest.mark.parametrize("target", ["b.md#", "?q=1", "b.md"])
def test_a_link_to_the_articles_own_file_stays_in_it(target: str) -> None:
    found = resolve_link(target, "a/b.md")
    assert found.kind == HERE
    assert found.fragment == ""


def test_a_link_of_the_longest_length_is_read_and_a_longer_one_refused() -> None:
    longest = "x" * (MAX_LINK_CHARS - 3) + ".md"
    assert resolve_link(longest, "a.md").paths == (longest,)
    refused = resolve_link("x" + longest, "a.md")
    assert refused.kind == NOWHERE
    assert refused.reason == "The link has no usable address."


@pytest.mark.parametrize(("target", "scheme"), [("ftp://x", "ftp"), ("Mailto:x", "mailto")])
def test_a_refused_scheme_is_named_in_lower_case(target: str, scheme: str) -> None:
    assert resolve_link(target, "a.md").reason == f"{scheme}: links are not followed."


def test_page_candidates_of_the_library_root() -> None:
    assert page_candidates(".") == list(INDEXES)
    assert page_candidates("", folder=True) == list(INDEXES)
