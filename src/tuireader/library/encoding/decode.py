"""Bytes to text: decide the encoding of an article file.

Order (see HOSTILE_INPUTS.md): byte-order mark; UTF-16 without a mark (NUL
pattern); the declared charset (e.g. an HTML meta tag) if it decodes strictly;
strict UTF-8; EUC-TW when it has codes only EUC-TW has; UTF-8 that is damaged in a
few places; Shift-JIS or EUC-JP when kana say so; GB18030/GBK against Big5 by
character frequency; EUC-TW plane 1 (which
GB and Big5 read as nonsense); charset-normalizer; finally UTF-8 or GB18030 with
replacement characters and a warning. A file that looks binary raises
:class:`NotTextError`, and so does EUC-TW made of characters beyond plane 1.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from tuireader.library.encoding.chinese import decode_chinese, replaced_places
from tuireader.library.encoding.euc_tw import (
    EucTw,
    decode_euc_tw,
    has_other_planes,
    read_euc_tw,
)
from tuireader.library.encoding.japanese import decode_japanese
from tuireader.library.encoding.utf8_repair import decode_damaged_utf8, decode_replacing
from tuireader.text.encodings import EUC_TW, canonical_encoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Bytes that do not occur in text files (NUL, other C0 controls except tab, line
# breaks and ESC, and DEL).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_BINARY_SHARE = 0.05
_SAMPLE = 65536
# Labels that browsers treat as another encoding (WHATWG Encoding Standard).
_DECLARED_ALIASES = {"gb2312": "gbk", "iso8859-1": "cp1252", "ascii": "cp1252"}
# Detector answers we trust; on short inputs it also proposes e.g. Urdu code pages.
_PLAUSIBLE = frozenset((
    "cp1252", "iso8859-1", "iso8859-15", "cp1250", "cp1251", "koi8-r", "shift_jis", "cp932",
    "shift_jis_2004", "euc_jp", "euc_kr", "cp949", "gb18030", "gbk", "big5", "cp950", "big5hkscs",
))  # fmt: skip
# The detector cannot tell Western code pages apart on short texts; cp1252 is
# by far the most common of them (and what browsers use for latin-1 labels).
_WESTERN = {"cp1250": "cp1252", "iso8859-1": "cp1252", "iso8859-15": "cp1252"}


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the canonical name of the encoding used, and warnings for people."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


class NotTextError(ValueError):
    """The bytes are not text (a binary file); the message says why, for people."""


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode an article file's bytes; ``declared`` is a charset named by the file itself."""
    if not data:
        return Decoded("", "utf-8")
    found = _decode_bom(data) or _decode_utf16_unmarked(data)
    if found:
        return found
    body = data.rstrip(b"\x00")
    warnings = _padding_warnings(len(data) - len(body))
    if not body:
        return Decoded("", "utf-8", warnings)
    text, encoding, more = _decode_body(body, declared)
    return Decoded(text, encoding, warnings + more)


# Every warning decode_bytes gives contains one of these (and no parser warning does).
_DECODING_WORDS = ("bytes replaced", "encoding guessed", "NUL padding")


def is_decoding_warning(warning: str) -> bool:
    """Whether an article's warning came from decoding its bytes (the problems view
    lists those files: replaced bytes, a guessed encoding)."""
    return any(word in warning for word in _DECODING_WORDS)


def decode_as(data: bytes, encoding: str) -> Decoded:
    """Decode with the encoding the user set; bad bytes replaced and counted in a warning.

    Raises LookupError for an encoding Python does not know (EUC-TW, which it does not,
    is read here: :data:`EUC_TW`).
    """
    name = canonical_encoding(encoding)
    if name is None:
        raise LookupError(encoding)
    if name == EUC_TW:
        text, _others = decode_euc_tw(data)
    else:
        text = data.decode(name, errors="replace")
    places = text.count("\ufffd")
    warnings = (f"invalid {name} bytes replaced ({places} places)",) if places > 0 else ()
    return Decoded(text, name, warnings)


def _padding_warnings(removed: int) -> tuple[str, ...]:
    return (f"trailing NUL padding removed ({removed} NULs)",) if removed else ()


def _decode_body(body: bytes, declared: str | None) -> tuple[str, str, tuple[str, ...]]:
    """Pick the encoding of text bytes without a byte-order mark."""
    if declared:
        found = _decode_declared(body, declared)
        if found:
            return found
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if body.count(0) > max(8, len(body) * 0.1):  # a few NULs in a tiny file are no sign
            raise NotTextError(
                f"binary file, not text ({_share(body.count(0), len(body))}% NUL bytes)"
            )
        return text, "utf-8", ()
    _reject_binary(body)
    if has_other_planes(body):
        euc_tw = read_euc_tw(body)
        _reject_euc_tw(body, euc_tw)
        if euc_tw is not None:  # codes only EUC-TW has, and they read: no GB reading is right
            return _euc_tw_result(euc_tw)
    decoded = decode_damaged_utf8(body) or decode_japanese(body) or decode_chinese(body)
    if decoded is not None:
        return decoded
    plane_1 = read_euc_tw(body)
    if plane_1 is not None:
        return _euc_tw_result(plane_1)
    return _decode_detected(body) or _fewest_replacements(body)


def _fewest_replacements(body: bytes) -> tuple[str, str, tuple[str, ...]]:
    """The last resort: UTF-8 or GB18030 with replacements, whichever needs fewer."""
    text, encoding, warnings = decode_replacing(body)
    if replaced_places(body) < text.count("\ufffd"):
        return _decode_gb(body)
    return text, encoding, warnings


def _euc_tw_result(found: EucTw) -> tuple[str, str, tuple[str, ...]]:
    """A plane-1 reading of EUC-TW as decoded text with its warning."""
    places = found.text.count("\ufffd")
    if places:
        beyond = f", {found.other_planes} of them beyond CNS 11643 plane 1"
        more = beyond if found.other_planes else ""
        return found.text, EUC_TW, (f"invalid {EUC_TW} bytes replaced ({places} places{more})",)
    return found.text, EUC_TW, (f"encoding guessed: {EUC_TW}",)


# EUC-TW's four-byte characters: SS2, a plane number, then two bytes of the plane.
_EUC_TW_SS2 = re.compile(rb"\x8e[\xa1-\xb0][\xa1-\xfe][\xa1-\xfe]")
_EUC_TW = re.compile(
    rb"(?:[\x00-\x7f]|[\xa1-\xfe][\xa1-\xfe]|\x8e[\xa1-\xb0][\xa1-\xfe][\xa1-\xfe])*"
)
_EUC_TW_SHARE = 0.01


def _reject_euc_tw(body: bytes, found: EucTw | None) -> None:
    """Say plainly that EUC-TW beyond plane 1 is not read when a file is mostly made of
    it (``found`` is its plane-1 reading, if it reads as one): read as GBK or Big5 it
    would show as garbage. Recognised by its structure (every non-ASCII byte in EUC
    pairs or SS2 quadruples) with SS2 characters in it. A plane-1 text with a few
    characters of other planes is read, and they are counted in its warning."""
    if found is not None and found.other_planes <= max(3, len(found.text) // 100):
        return
    sample = body[:_SAMPLE]
    quads = len(_EUC_TW_SS2.findall(sample))
    non_ascii = len(sample) - len(sample.translate(None, bytes(range(0x80, 0x100))))
    if not quads or quads * 4 < non_ascii * _EUC_TW_SHARE:
        return
    # A text cut short (the sample's end, a truncated file) may end inside a character.
    if not any(_EUC_TW.fullmatch(sample, 0, len(sample) - cut) for cut in range(4)):
        return
    raise NotTextError(
        "EUC-TW text beyond CNS 11643 plane 1 is not supported: convert it to UTF-8 or Big5"
    )


def _decode_bom(data: bytes) -> Decoded | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            codec = "utf-8" if encoding == "utf-8-sig" else encoding
            text = data[len(bom) :].decode(codec, errors="replace")
            body = text.rstrip("\x00")
            padding = _padding_warnings(len(text) - len(body))
            return Decoded(body, encoding, padding + _replaced_warning(text, data, bom))
    return None


def _replaced_warning(text: str, data: bytes, bom: bytes) -> tuple[str, ...]:
    count = text.count("\ufffd") - data.count("\ufffd".encode(_codec_for_bom(bom)))
    return (f"invalid bytes replaced ({count} places)",) if count > 0 else ()


def _codec_for_bom(bom: bytes) -> str:
    return next(name for mark, name in _BOMS if mark == bom).replace("-sig", "")


def _decode_utf16_unmarked(data: bytes) -> Decoded | None:
    """UTF-16 without BOM: NUL high bytes of ASCII characters on one side only."""
    sample = data[: min(len(data), _SAMPLE) & ~1]
    pairs = len(sample) // 2
    if len(data) % 2 or pairs < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if even + odd < pairs * 0.4 and _is_utf8(data):
        return None  # a few NULs in valid UTF-8 (ASCII-heavy UTF-16 is half NULs)
    for nuls, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls >= max(1, pairs * 0.02) and others <= nuls * 0.5:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            text = text.rstrip("\x00")
            if _looks_like_text(text):
                return Decoded(text, encoding)
    return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _looks_like_text(text: str) -> bool:
    sample = text[:_SAMPLE]
    readable = sum(1 for char in sample if char.isprintable() or char in "\n\r\t")
    return readable >= len(sample) * 0.95


def _decode_declared(body: bytes, declared: str) -> tuple[str, str, tuple[str, ...]] | None:
    try:
        name = codecs.lookup(declared.strip()).name
    except (LookupError, ValueError):
        return None
    if name.startswith(("utf-16", "utf-32")):
        return None  # a label readable as ASCII cannot be right; BOMs were handled
    name = _DECLARED_ALIASES.get(name, name)
    try:
        return body.decode(name), name, ()
    except UnicodeDecodeError:
        return None


def _share(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def _reject_binary(body: bytes) -> None:
    sample = body[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > max(8, len(sample) * _BINARY_SHARE):
        raise NotTextError(
            f"binary file, not text ({_share(controls, len(sample))}% control bytes)"
        )


_KOREAN = frozenset(("cp949", "euc_kr", "johab"))
# Two-byte pairs read as GBK reads them, left to right (a Hangul syllable's second byte
# before a Latin letter is no lead byte: "카카오T" holds no pair ending in "T").
_GBK_PAIR = re.compile(rb"[\x81-\xfe][\x40-\x7e\x80-\xfe]")
# A second byte of 0x40-0xA0 after a lead byte: GBK's own range, never EUC-KR's.
_GBK_ONLY_SECOND = 0xA0


def _is_gbk_shaped(body: bytes) -> bool:
    """Decodes as GB18030 with at most a handful of bad places, with pairs that only
    GBK forms (EUC-KR, the Korean text cp949 mostly holds, never has them)."""
    sample = body[:_SAMPLE]
    gbk_only = any(pair[0][1] <= _GBK_ONLY_SECOND for pair in _GBK_PAIR.finditer(sample))
    return gbk_only and replaced_places(sample) <= max(3, len(sample) // 1000)


def _decode_gb(body: bytes) -> tuple[str, str, tuple[str, ...]]:
    """GB18030 with replacements, and a warning that counts them."""
    text = body.decode("gb18030", errors="replace")
    places = text.count("\ufffd")
    warning = (
        f"invalid gb18030 bytes replaced ({places} places)"
        if places
        else "encoding guessed: gb18030"
    )
    return text, "gb18030", (warning,)


def _decode_detected(body: bytes) -> tuple[str, str, tuple[str, ...]] | None:
    """charset-normalizer's first guess among encodings our readers plausibly use."""
    from charset_normalizer import from_bytes  # imported late: it is slow to import

    try:
        # A sample: the detector decodes everything with every candidate code page.
        guesses = [match.encoding for match in from_bytes(body[: 4 * _SAMPLE])]
    except Exception:  # a detector bug must not cost the user the file
        return None
    for guess in guesses:
        name = _WESTERN.get(codecs.lookup(guess).name, codecs.lookup(guess).name)
        if name not in _PLAUSIBLE:
            continue
        if name in _KOREAN and _is_gbk_shaped(body):
            # GBK read as Korean shows as Hangul garbage: bytes only GBK uses decide it.
            return _decode_gb(body)
        try:
            return body.decode(name), name, (f"encoding guessed: {name}",)
        except UnicodeDecodeError:
            continue
    return None
