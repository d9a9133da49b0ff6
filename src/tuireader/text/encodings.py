"""Names of text encodings, as a user may write them in the config or on the command line."""

from __future__ import annotations

import codecs

#: EUC-TW (CNS 11643), which the library reads itself: Python has no codec for it.
EUC_TW = "euc_tw"
_EUC_TW_NAMES = frozenset((EUC_TW, "euctw", "x_euc_tw", "cns11643"))


def canonical_encoding(name: str) -> str | None:
    """Python's name for a text encoding (``GBK`` → ``gbk``, ``utf8`` → ``utf-8``), or
    :data:`EUC_TW` for EUC-TW, or None when ``name`` names none (``rot13`` and
    ``base64`` are codecs, but no text encodings)."""
    if name.strip().lower().replace("-", "_") in _EUC_TW_NAMES:
        return EUC_TW
    try:
        info = codecs.lookup(name.strip())
        "a".encode(info.name)  # a codec that is no text encoding refuses a str
    except (LookupError, TypeError, ValueError):
        return None
    return info.name
