"""Tell Japanese (Shift-JIS, EUC-JP) from GB and Big5 Chinese before their frequency race.

GB18030 decodes most Shift-JIS and EUC-JP bytes without an error, so Japanese text would
be read as Chinese nonsense (the race of :mod:`.chinese` only compares Chinese readings).
Japanese prose is a third to a half kana, and kana have their own lead bytes: ``0x82``
(hiragana) and ``0x83`` (katakana) in Shift-JIS, ``0xA4``/``0xA5`` in EUC-JP. Only when
those bytes are frequent is the Japanese reading tried, and it is kept only when it
decodes without an error and has many kana, a good share of its wide characters — Chinese
never has (GBK Chinese read as Shift-JIS turns into half-width katakana, not counted; a
few Big5 characters read as EUC-JP hiragana, so a short text is left to the Chinese race).
"""

from __future__ import annotations

import re

_SAMPLE = 65536
# (codec, its kana lead bytes): a kana character starts with one of them.
_CODECS = (("cp932", (b"\x82", b"\x83")), ("euc_jp", (b"\xa4", b"\xa5")))
_MIN_LEAD_SHARE = 0.05  # of the sample's bytes; Japanese text has about 15-25 %
_MIN_KANA_SHARE = 0.2  # of the wide characters; Japanese prose has 35-60 %
# Fewer kana prove nothing: the Big5 bytes of 中文 are EUC-JP hiragana too.
_MIN_KANA = 10
_KANA = re.compile("[\u3041-\u30ff]")
_WIDE = re.compile("[^\x00-\u2e7f]")


def decode_japanese(body: bytes) -> tuple[str, str, tuple[str, ...]] | None:
    """Shift-JIS (as Windows writes it, cp932) or EUC-JP text, or None if not Japanese."""
    sample = body[:_SAMPLE]
    for codec, leads in _CODECS:
        if sum(map(sample.count, leads)) < _MIN_LEAD_SHARE * len(sample):
            continue
        try:
            text = body.decode(codec)
        except UnicodeDecodeError:
            continue
        head = text[:_SAMPLE]
        kana = len(_KANA.findall(head))
        if kana >= _MIN_KANA and kana >= _MIN_KANA_SHARE * len(_WIDE.findall(head)):
            return text, codec, (f"encoding guessed: {codec}",)
    return None
