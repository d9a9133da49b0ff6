"""Which source URLs the reader opens in a browser (``o``): only http(s) with a host."""

from __future__ import annotations

import pytest

from tuireader.library.links import MAX_URL_CHARS, browser_url, why_not


@pytest.mark.parametrize(
    "url",
    ["http://example.com/a?b=1", "https://例子.cn/路径", "HTTPS://Example.com"],
)
def test_http_addresses_are_browsable(url: str) -> None:
    assert browser_url(url) == url


def test_spaces_around_an_address_are_dropped() -> None:
    assert browser_url("  https://example.com/a  \n") == "https://example.com/a"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<b>x</b>",
        "ftp://example.com/",
        "http:///no-host",
        "https://example.com/\x1b[2J",
        "https://exa mple.com/",
        "https://bank.example@evil.example/",
        "https://example.com:99999/",
        "https://example.com/" + "a" * MAX_URL_CHARS,
        "",
        None,
    ],
)
def test_other_addresses_are_refused(url: str | None) -> None:
    assert browser_url(url) is None


def test_the_longest_address_allowed_is_opened() -> None:
    url = "https://example.com/" + "a" * (MAX_URL_CHARS - len("https://example.com/"))
    assert browser_url(url) == url


def test_a_refusal_says_why() -> None:
    assert why_not(None) == why_not("") == "This article has no source URL."
    assert why_not("ftp://example.com/") == (
        "The source URL is not a web address (http or https); not opened."
    )


@pytest.mark.parametrize(
    "char",
    [
        "\x00",
        "\x1f",
        "\x7f",
        "\x80",
        "\x9f",
        "\u2028",
        "\u2029",
        "\u200b",
        "\u200f",
        "\u202a",
        "\u202e",
        "\u2066",
        "\u2069",
    ],
)
def test_control_and_direction_characters_inside_an_address_are_refused(char: str) -> None:
    assert browser_url(f"https://example.com/a{char}b") is None


@pytest.mark.parametrize(
    "url", ["https://example.com/caf\u00e9", "https://example.com:8080/a", "http://x.example"]
)
def test_letters_ports_and_short_hosts_are_fine(url: str) -> None:
    assert browser_url(url) == url
