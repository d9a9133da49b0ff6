"""Which article URLs may be opened in a web browser (the reader's ``o`` key).

An article's ``url`` comes from the file, so it is untrusted: only an absolute http or
https URL with a host is opened; ``file:``, ``javascript:``, ``data:``, custom schemes
and anything carrying control characters, spaces or user:password@ are refused. The
app then opens it with ``App.open_url``, which also works under ``tuireader serve``
(the page's own browser opens it).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: Longer than any real article address; a longer one is refused rather than cut.
MAX_URL_CHARS = 2048

_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def browser_url(url: str | None) -> str | None:
    """``url`` if it is safe to hand to a web browser, else None."""
    if not url:
        return None
    url = url.strip()
    if len(url) > MAX_URL_CHARS or _UNSAFE.search(url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    if "@" in parts.netloc:  # http://bank.example@evil.example/ misleads the eye
        return None
    return url


def why_not(url: str | None) -> str:
    """A short reason for the status line when ``browser_url(url)`` is None."""
    if not url:
        return "This article has no source URL."
    return "The source URL is not a web address (http or https); not opened."
