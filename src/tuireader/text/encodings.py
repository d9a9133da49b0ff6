"""Names of text encodings, as a user may write them in the config or on the command line."""

from __future__ import annotations

import codecs


def canonical_encoding(name: str) -> str | None:
    """Python's name for a text encoding (``GBK`` → ``gbk``, ``utf8`` → ``utf-8``), or
    None when ``name`` names none (``rot13`` and ``base64`` are codecs, but no text
    encodings)."""
    try:
        info = codecs.lookup(name.strip())
        "a".encode(info.name)  # a codec that is no text encoding refuses a str
    except (LookupError, TypeError, ValueError):
        return None
    return info.name
