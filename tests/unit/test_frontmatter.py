"""Front matter splitting and the hardened YAML loader, including every attack shape."""

from __future__ import annotations

import pytest

from tuireader.library.formats.markdown.frontmatter import (
    MAX_DEPTH,
    MAX_FRONT_MATTER,
    split_front_matter,
)

ALIAS_BOMB = (
    "---\n"
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "---\nbody\n"
)


def test_plain_mapping_and_body() -> None:
    meta, body, warnings = split_front_matter("---\ntitle: Hello\ntags: [a, b]\n---\n# Body\n")
    assert meta == {"title": "Hello", "tags": ["a", "b"]}
    assert body == "# Body\n"
    assert warnings == ()


def test_text_without_front_matter_is_untouched() -> None:
    text = "# Title\n\n---\n\nafter a rule\n"
    assert split_front_matter(text) == ({}, text, ())


@pytest.mark.parametrize(
    ("yaml_text", "key", "expected"),
    [
        ("title: no", "title", "no"),
        ("title: yes", "title", "yes"),
        ("id: 0123", "id", "0123"),
        ("n: 1e3", "n", "1e3"),
        ("date: 2024-02-30", "date", "2024-02-30"),
        ("date: 2022-11-01 10:02:00 +08:00", "date", "2022-11-01 10:02:00 +08:00"),
        ("empty:", "empty", ""),
        ("nothing: ~", "nothing", "~"),
        ("typed: !!int 5", "typed", "5"),
        ("custom: !shout hi", "custom", "hi"),
    ],
)
def test_every_scalar_stays_a_string(yaml_text: str, key: str, expected: str) -> None:
    meta, _, warnings = split_front_matter(f"---\n{yaml_text}\n---\nbody")
    assert meta[key] == expected
    assert warnings == ()


def test_python_tag_is_refused_and_nothing_runs(tmp_path) -> None:
    marker = tmp_path / "ran"
    text = f"---\nx: !!python/object/apply:os.system ['touch {marker}']\ntitle: t\n---\nbody"
    meta, body, warnings = split_front_matter(text)
    assert meta == {}
    assert body == "body"
    assert "python/object/apply" in warnings[0]
    assert not marker.exists()


def test_alias_bomb_is_refused_without_expanding() -> None:
    assert len(ALIAS_BOMB.encode()) < 400
    meta, body, warnings = split_front_matter(ALIAS_BOMB)
    assert meta == {}
    assert body == "body\n"
    assert "alias" in warnings[0]


def test_a_single_harmless_alias_is_refused_too() -> None:
    meta, _, warnings = split_front_matter("---\na: &x 1\nb: *x\n---\nbody")
    assert meta == {} and warnings


@pytest.mark.parametrize(
    "nested",
    [
        "[" * 5000,
        "{a: " * 5000,
        "x:\n" + "".join(" " * depth + "- \n" for depth in range(1, 200)),
        "".join(" " * depth + "k:\n" for depth in range(200)),
    ],
    ids=["flow-list", "flow-map", "block-list", "block-map"],
)
def test_deep_nesting_gives_a_warning_not_recursion_error(nested: str) -> None:
    meta, body, warnings = split_front_matter(f"---\n{nested}\n---\nbody")
    assert meta == {}
    assert warnings
    assert body == "body"


def test_tabs_in_indentation_are_recovered() -> None:
    meta, _, warnings = split_front_matter("---\ntitle:\tTabbed\ntags:\n\t- a\n\t- b\n---\nbody")
    assert meta == {"title": "Tabbed", "tags": ["a", "b"]}
    assert warnings == ()


def test_duplicate_keys_last_wins() -> None:
    meta, _, _ = split_front_matter("---\ntitle: first\ntitle: second\n---\nbody")
    assert meta == {"title": "second"}


def test_non_string_keys_are_kept_as_text_or_skipped() -> None:
    meta, _, warnings = split_front_matter("---\n1: one\n? [a, b]\n: list key\ntitle: t\n---\nx")
    assert meta == {"1": "one", "title": "t"}
    assert warnings == ()


def test_empty_front_matter() -> None:
    assert split_front_matter("---\n---\nbody") == ({}, "body", ())


@pytest.mark.parametrize("block", ["- a\n- b", "just a sentence"])
def test_list_or_scalar_is_not_metadata_and_the_text_is_kept(block: str) -> None:
    text = f"---\n{block}\n---\nbody"
    meta, body, warnings = split_front_matter(text)
    assert meta == {}
    assert body == text
    assert "not a mapping" in warnings[0]


def test_unclosed_front_matter_keeps_the_whole_text() -> None:
    text = "---\ntitle: x\nand then the article goes on\n"
    meta, body, warnings = split_front_matter(text)
    assert (meta, body) == ({}, text)
    assert "never closed" in warnings[0]


def test_oversized_front_matter_is_ignored_but_the_body_kept() -> None:
    text = "---\ntitle: " + "x" * (MAX_FRONT_MATTER + 10) + "\n---\nthe body"
    meta, body, warnings = split_front_matter(text)
    assert meta == {}
    assert body == "the body"
    assert "KiB" in warnings[0]


def test_front_matter_of_exactly_the_limit_is_read() -> None:
    title = "x" * (MAX_FRONT_MATTER - len("title: \n"))
    meta, body, warnings = split_front_matter(f"---\ntitle: {title}\n---\nthe body")
    assert (meta, body, warnings) == ({"title": title}, "the body", ())


def test_bom_before_the_fence() -> None:
    assert split_front_matter("\ufeff---\ntitle: bom\n---\nbody") == ({"title": "bom"}, "body", ())


def test_crlf_line_endings() -> None:
    meta, body, warnings = split_front_matter("---\r\ntitle: crlf\r\n---\r\nbody\r\n")
    assert meta == {"title": "crlf"}
    assert body == "body\n"
    assert warnings == ()


def test_yaml_document_end_marker_closes_too() -> None:
    assert split_front_matter("---\ntitle: x\n...\nbody") == ({"title": "x"}, "body", ())


def test_invalid_yaml_gives_a_warning_and_drops_the_block() -> None:
    meta, body, warnings = split_front_matter("---\ntitle: 'unterminated\n---\nbody")
    assert meta == {}
    assert body == "body"
    assert warnings[0].startswith("front matter ignored")


def test_longer_dash_line_is_not_a_fence() -> None:
    text = "-----\ntitle: x\n-----\nbody"
    assert split_front_matter(text) == ({}, text, ())


def test_hugo_toml_front_matter() -> None:
    text = '+++\ntitle = "Hugo post"\ndate = 2022-11-01T10:02:00Z\ndraft = false\n'
    text += 'tags = ["a", "b"]\n[params]\nweight = 3\n+++\nbody'
    meta, body, warnings = split_front_matter(text)
    assert meta == {
        "title": "Hugo post",
        "date": "2022-11-01T10:02:00+00:00",
        "draft": "false",
        "tags": ["a", "b"],
        "params": {"weight": "3"},
    }
    assert body == "body"
    assert warnings == ()


def test_toml_and_yaml_front_matter_give_the_same_values() -> None:
    toml = '+++\ntitle = "Tide tables"\ndraft = true\nweight = 3\n+++\nbody'
    yaml = "---\ntitle: Tide tables\ndraft: true\nweight: 3\n---\nbody"
    assert split_front_matter(toml) == split_front_matter(yaml)
    assert split_front_matter(toml)[0]["draft"] == "true"


@pytest.mark.parametrize(
    "nested",
    [
        "levels = " + "[" * 80 + "]" * 80,  # arrays
        "[" + ".".join(f"k{n}" for n in range(80)) + "]\nx = 1",  # tables
    ],
    ids=["arrays", "tables"],
)
def test_toml_nested_past_the_limit_is_refused_with_the_reason(nested: str) -> None:
    # tomllib reads 80 levels; the front matter keeps to the same depth limit as YAML.
    meta, body, warnings = split_front_matter(f'+++\ntitle = "Deep"\n{nested}\n+++\nbody')
    assert (meta, body) == ({}, "body")
    assert warnings == (f"front matter ignored: nested deeper than {MAX_DEPTH} levels",)


def test_broken_toml_gives_a_warning() -> None:
    meta, body, warnings = split_front_matter("+++\ntitle = \n+++\nbody")
    assert meta == {}
    assert body == "body"
    assert "TOML" in warnings[0]


def test_deep_toml_gives_a_warning() -> None:
    meta, _, warnings = split_front_matter("+++\na = " + "[" * 3000 + "]" * 3000 + "\n+++\nb")
    assert meta == {}
    assert warnings


def test_yaml_nested_within_the_limit_is_read() -> None:
    # 40 levels of mappings: deep, but within MAX_DEPTH, so the front matter counts.
    nested = "".join(" " * depth + f"k{depth}:\n" for depth in range(40)) + " " * 40 + "v: x\n"
    meta, body, warnings = split_front_matter(f"---\ntitle: Deep but fine\n{nested}---\nbody")
    assert (meta["title"], body, warnings) == ("Deep but fine", "body", ())


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("---  \ntitle: 茶\n---\n正文\n", "茶"),  # spaces after the opening fence: still a fence
        ("+++\t\ntitle = \"茶\"\n+++\n正文\n", "茶"),
        ("--- x\ntitle: 茶\n---\n正文\n", None),  # words after it: a rule and text, not a fence
        ("----\ntitle: 茶\n---\n正文\n", None),
    ],
)
def test_the_opening_fence_may_carry_trailing_spaces_but_nothing_else(
    text: str, title: str | None
) -> None:
    meta, body, _ = split_front_matter(text)
    assert meta.get("title") == title
    assert body == ("正文\n" if title else text)
