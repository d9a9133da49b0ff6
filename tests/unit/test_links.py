"""Tests for the URLs the reader agrees to open in a browser."""

from __future__ import annotations

import pytest

from tuireader.library.links import MAX_URL_CHARS, browser_url, why_not


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/a?b=1#c",
        "http://news.example.cn/2022/11/01/学习.html",
        "HTTPS://EXAMPLE.COM/",
        "http://127.0.0.1:8000/x",
        "  https://example.com/  ",
    ],
)
def test_web_addresses_are_opened(url: str) -> None:
    assert browser_url(url) == url.strip()


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/html,<script>x</script>",
        "ftp://example.com/",
        "vscode://open?file=/x",
        "//example.com/no-scheme",
        "example.com",
        "https:///no-host",
        "https://bank.example@evil.example/",
        "https://example.com/a b",
        "https://example.com/\x1b]0;x\x07",
        "https://example.com/\u202egnp.exe",
        "https://example.com:99999999/",
        "https://[::1/",
        "https://example.com/" + "a" * MAX_URL_CHARS,
    ],
)
def test_everything_else_is_refused(url: str | None) -> None:
    assert browser_url(url) is None


def test_the_reason_says_what_is_missing() -> None:
    assert "no source URL" in why_not(None)
    assert "http or https" in why_not("file:///x")
