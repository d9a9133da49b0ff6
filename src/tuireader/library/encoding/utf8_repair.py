"""UTF-8 that is damaged in a few places: a stray byte, a cut last character.

Text in another encoding read as UTF-8 fails about as often as it succeeds; real
UTF-8 with a few bad bytes has many good multi-byte characters per bad place.
Such text stays UTF-8, with one U+FFFD per run of bad bytes and a warning, rather
than being handed to a detector that would call it something else.
"""

from __future__ import annotations

import re
from itertools import islice

_ESCAPED_RUN = re.compile("[\udc80-\udcff]+")
# A lead byte with its continuation bytes: an encoded surrogate (ED A0 80) or an
# overlong form is invalid UTF-8 but still plainly *shaped* like UTF-8.
_UTF8_SHAPED = re.compile(rb"(?:[\xc0-\xf7][\x80-\xbf]{1,3})+")
_SAMPLE = 65536
_NON_ASCII = bytes(range(128, 256))
_NON_ASCII_RUN = re.compile(rb"[\x80-\xff]+")


def decode_damaged_utf8(body: bytes) -> tuple[str, str, tuple[str, ...]] | None:
    """Decode UTF-8 broken in a few places, or None if it is not mostly UTF-8."""
    if len(body) > _SAMPLE and not _mostly_utf8(body[:_SAMPLE], cut_ok=True):
        return None  # decided on the first 64 KiB: a long GBK file is not scanned twice
    cut_at_end = _ends_with_only_a_cut_character(body)
    if not cut_at_end and not (_mostly_utf8(body, cut_ok=False) or _only_utf8_shaped(body)):
        return None
    return decode_replacing(body)


def _mostly_utf8(data: bytes, cut_ok: bool) -> bool:
    """At least four good multi-byte characters per run of invalid bytes?"""
    escaped = data.decode("utf-8", errors="surrogateescape")
    # Counted, not listed: a GBK text has thousands of bad runs.
    without_bad, runs = _ESCAPED_RUN.subn("", escaped)
    non_ascii = len(escaped) - len(data.translate(None, _NON_ASCII))
    good = non_ascii - (len(escaped) - len(without_bad))
    ends_bad = "\udc80" <= escaped[-1:] <= "\udcff"
    places = runs - (1 if cut_ok and ends_bad else 0)
    return good >= 4 * places


def _only_utf8_shaped(body: bytes) -> bool:
    """ASCII text with at most a few invalid runs, each shaped like UTF-8 (ED A0 80)?

    Only for text with no other non-ASCII bytes: a GBK text has many runs and is left
    to the Chinese decoders.
    """
    # Every non-ASCII byte invalid makes each run of them one run of escapes: more than
    # three runs of non-ASCII bytes settle it without decoding (GBK has thousands).
    if sum(1 for _ in islice(_NON_ASCII_RUN.finditer(body), 4)) > 3:
        return False
    escaped = body.decode("utf-8", errors="surrogateescape")
    runs = _ESCAPED_RUN.findall(escaped)
    non_ascii = len(body) - len(body.translate(None, _NON_ASCII))
    if not 0 < len(runs) <= 3 or non_ascii != sum(map(len, runs)):
        return False
    raw = (bytes(ord(ch) - 0xDC00 for ch in run) for run in runs)
    return all(_UTF8_SHAPED.fullmatch(run) for run in raw)


def _ends_with_only_a_cut_character(body: bytes) -> bool:
    cut = _cut_length(body)
    if not cut:
        return False
    try:
        body[:-cut].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _cut_length(body: bytes) -> int:
    """How many bytes of a cut multi-byte UTF-8 character end ``body`` (0: none)."""
    for cut in (1, 2, 3):
        byte = body[-cut] if cut <= len(body) else 0
        if 0xC2 <= byte <= 0xF4:
            needed = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return cut if cut < needed else 0
        if not 0x80 <= byte <= 0xBF:
            return 0
    return 0


def decode_replacing(body: bytes) -> tuple[str, str, tuple[str, ...]]:
    """UTF-8 with one U+FFFD for each run of invalid bytes."""
    escaped = body.decode("utf-8", errors="surrogateescape")
    text, places = _ESCAPED_RUN.subn("\ufffd", escaped)
    return text, "utf-8", (f"invalid UTF-8 bytes replaced ({places} places)",)
