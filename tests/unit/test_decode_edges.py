"""Decoding edge cases: byte-order marks, the percentages binary refusals show, a UTF-8
character cut at the end of a file that is otherwise hard to call, and EUC-TW bytes
that are no plane-1 character."""

from __future__ import annotations

import codecs

import pytest

from tuireader.library.encoding.decode import NotTextError, decode_as, decode_bytes
from tuireader.library.encoding.utf8_repair import decode_damaged_utf8

TEXT = "Notes on tea 茶 and rain\n"


@pytest.mark.parametrize(
    ("bom", "codec", "encoding"),
    [
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    ],
)
def test_a_byte_order_mark_names_the_encoding_and_is_not_text(
    bom: bytes, codec: str, encoding: str
) -> None:
    decoded = decode_bytes(bom + TEXT.encode(codec))
    assert (decoded.text, decoded.encoding, decoded.warnings) == (TEXT, encoding, ())


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF8, "utf-8"),
    ],
)
def test_only_the_first_byte_order_mark_is_taken_off(bom: bytes, codec: str) -> None:
    """A file saved with a mark by a tool that kept the one already there: decoding takes
    off the mark, and the second one is text (U+FEFF, which cleaning drops later)."""
    decoded = decode_bytes(bom + bom + TEXT.encode(codec))
    assert (decoded.text, decoded.warnings) == ("\ufeff" + TEXT, ())


def test_a_utf16_file_cut_in_its_last_character_is_read_with_a_replacement() -> None:
    decoded = decode_bytes(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le") + b"A")
    assert decoded.encoding == "utf-16-le"
    assert decoded.text == TEXT + "\ufffd"
    assert decoded.warnings == ("invalid bytes replaced (1 places)",)


def test_a_utf8_bom_file_with_a_bad_byte_is_read_with_one_replacement() -> None:
    decoded = decode_bytes(codecs.BOM_UTF8 + b"tea \xff rain")
    assert (decoded.text, decoded.encoding) == ("tea \ufffd rain", "utf-8-sig")
    assert decoded.warnings == ("invalid bytes replaced (1 places)",)


def test_nul_padding_after_a_utf32_bom_is_counted_in_characters() -> None:
    decoded = decode_bytes(codecs.BOM_UTF32_LE + (TEXT + "\0\0").encode("utf-32-le"))
    assert decoded.text == TEXT
    assert decoded.warnings == ("trailing NUL padding removed (2 NULs)",)


@pytest.mark.parametrize(
    ("unit", "share"), [(b"\0\0ab", 50), (b"\0aa", 33), (b"\0\0\0a", 75), (b"\0aaaaaa", 14)]
)
def test_a_nul_filled_file_is_refused_with_its_share_of_nuls(unit: bytes, share: int) -> None:
    # NULs at both byte parities (so it is no UTF-16), never at the end (padding).
    with pytest.raises(NotTextError, match=rf"^binary file, not text \({share}% NUL bytes\)$"):
        decode_bytes(unit * 12)


@pytest.mark.parametrize(("controls", "share"), [(25, 25), (50, 50), (12, 12)])
def test_a_control_filled_file_is_refused_with_its_share_of_controls(
    controls: int, share: int
) -> None:
    # \xff makes it no UTF-8; 100 bytes in all.
    body = b"\x01" * controls + b"\xff" + b"x" * (99 - controls)
    with pytest.raises(NotTextError, match=rf"^binary file, not text \({share}% control bytes\)$"):
        decode_bytes(body)


# Last characters at the edges of UTF-8's lead-byte ranges: C2 and DF (two bytes), E0
# and EF (three), F0 and F4 (four).
CUTS = [
    ("\u00a2", 1), ("\u07ff", 1), ("\u0800", 2), ("\uffee", 2), ("\U00010000", 1),
    ("\U00010000", 3), ("\U00100000", 3), ("丁", 2),
]  # fmt: skip


@pytest.mark.parametrize(("last", "cut"), CUTS)
def test_a_cut_last_character_keeps_short_chinese_utf8(last: str, cut: int) -> None:
    # Three whole characters and a cut one: too few to call the text UTF-8, and its
    # bytes pair up as GB18030 without a bad place. Only the cut at the end decides.
    body = "甲乙 丙".encode() + last.encode()[:-cut]
    decoded = decode_bytes(body)
    assert (decoded.text, decoded.encoding) == ("甲乙 丙\ufffd", "utf-8")


def test_euc_tw_bytes_in_no_plane_1_code_each_become_one_replacement() -> None:
    # 一 (C4A1), a plane-2 code (four bytes), an unassigned pair, a lone lead byte.
    decoded = decode_as(b"a\xc4\xa1b\x8e\xa2\xa1\xa1c\xfe\xfed\xc4e", "EUC-TW")
    assert decoded.text == "a一b\ufffdc\ufffdd\ufffde"
    assert decoded.warnings == ("invalid euc_tw bytes replaced (3 places)",)


KOREAN = (
    "오늘은 날씨가 맑고 바람이 조금 불었습니다. 우리는 공원에서 산책을 하고 점심을 먹었습니다. "
)


@pytest.mark.parametrize(
    "text",
    [
        KOREAN * 8,
        KOREAN * 8 + "카카오T 택시를 불렀습니다. ",
        "카카오T 택시를 불렀습니다. " + KOREAN * 8,
    ],
)
def test_korean_text_stays_korean_with_a_latin_letter_after_hangul(text: str) -> None:
    # A syllable's second byte and the letter after it look like a pair only GBK forms;
    # read in pairs from the start, as GBK reads, they are no pair at all.
    decoded = decode_bytes(text.encode("cp949"))
    assert (decoded.text, decoded.encoding) == (text, "cp949")


def test_gbk_that_the_detector_takes_for_korean_is_gb18030() -> None:
    rare = "鼋鼍蛟螭魑魅魍魉饕餮梼杌穷奇浑敦"  # rare characters: no frequency reading is sure
    decoded = decode_bytes((rare * 40 + "\n").encode("gbk") * 5)
    assert decoded.encoding == "gb18030"
    assert decoded.text == (rare * 40 + "\n") * 5


LINE = "小镇上新开了一家书店，老板说开这家店是为了让孩子们有地方看书。\n"


def test_damaged_utf8_is_repaired_run_by_run() -> None:
    data = (LINE * 20).encode("utf-8")
    broken = data[:30] + b"\xff\xfe" + data[30:90] + b"\xff" + data[90:]
    text, encoding, warnings = decode_damaged_utf8(broken)  # type: ignore[misc]
    assert (encoding, warnings) == ("utf-8", ("invalid UTF-8 bytes replaced (2 places)",))
    assert text.replace("\ufffd", "") == LINE * 20


def test_a_long_file_is_judged_damaged_utf8_on_its_first_64_kib() -> None:
    gbk, utf8 = (LINE * 1200).encode("gbk"), (LINE * 6000).encode("utf-8")
    assert len(gbk) > 65536
    assert decode_damaged_utf8(gbk + utf8) is None  # GBK first: left to the Chinese readers
    repaired = decode_damaged_utf8(utf8 + gbk)
    assert repaired is not None
    assert repaired[0].startswith(LINE * 6000)


def test_the_first_64_kib_may_end_inside_a_character_of_damaged_utf8() -> None:
    """A long English text with four Chinese words' characters and one damaged byte,
    whose first 64 KiB end one byte into a character: that cut is no damage, so the
    four good characters still outweigh the one bad byte."""
    head = "Tea is 茶 and the tea house 茶馆; 茶叶 are its leaves.\n".encode() + b"\xff\n"
    filler = b"The kettle sang on the stove all afternoon.\n"
    body = head + filler * ((65535 - len(head)) // len(filler))
    body += b"x" * (65535 - len(body))
    tail = "茶\nThe end.\n".encode()
    data = body + tail * 20
    assert data[65535:65536] == "茶".encode()[:1]  # the sample ends after its first byte
    repaired = decode_damaged_utf8(data)
    assert repaired is not None
    text, encoding, warnings = repaired
    assert (encoding, warnings) == ("utf-8", ("invalid UTF-8 bytes replaced (1 places)",))
    assert text == data.replace(b"\xff", "\ufffd".encode()).decode("utf-8")


@pytest.mark.parametrize(("nuls", "binary"), [(8, False), (9, True)])
def test_utf8_text_holds_up_to_eight_nuls_in_a_short_file(nuls: int, binary: bool) -> None:
    line = "小镇上新开了一家书店。".encode()
    data = line + b"\0" * nuls + line
    if binary:
        with pytest.raises(NotTextError, match=r"^binary file, not text \(12% NUL bytes\)$"):
            decode_bytes(data)
    else:
        assert decode_bytes(data).encoding == "utf-8"


@pytest.mark.parametrize(("controls", "binary"), [(20, False), (21, True)])
def test_a_longer_file_is_binary_past_five_percent_control_bytes(
    controls: int, binary: bool
) -> None:
    text = ("小镇上新开了一家书店，老板说开这家店是为了让孩子们有地方看书。" * 7).encode("gbk")[
        :380
    ]
    data = text[:190] + b"\x01" * controls + text[190:]  # 400 or 401 bytes
    if binary:
        with pytest.raises(NotTextError, match=r"^binary file, not text \(5% control bytes\)$"):
            decode_bytes(data)
    else:
        assert decode_bytes(data).encoding == "gbk"


@pytest.mark.parametrize(("good", "utf8"), [(3, False), (4, True)])
def test_damaged_utf8_needs_four_good_characters_per_bad_run(good: int, utf8: bool) -> None:
    data = b"Tea: " + ("茶" * good).encode() + b" and \xff here."
    repaired = decode_damaged_utf8(data)
    if utf8:
        assert repaired == (
            f"Tea: {'茶' * good} and \ufffd here.",
            "utf-8",
            ("invalid UTF-8 bytes replaced (1 places)",),
        )
    else:
        assert repaired is None


@pytest.mark.parametrize(("runs", "utf8"), [(3, True), (4, False)])
def test_ascii_text_with_up_to_three_utf8_shaped_bad_runs_is_utf8(runs: int, utf8: bool) -> None:
    data = b"plain ascii text" + b" \xed\xa0\x80 x" * runs  # encoded surrogates
    repaired = decode_damaged_utf8(data)
    if utf8:
        assert repaired == (
            "plain ascii text" + " \ufffd x" * runs,
            "utf-8",
            ("invalid UTF-8 bytes replaced (3 places)",),
        )
    else:
        assert repaired is None


@pytest.mark.parametrize("cut", [1, 2])
def test_thai_cut_in_its_last_character_stays_utf8(cut: int) -> None:
    """Thai letters are three bytes with the lead byte E0, the first of its range."""
    data = "กขค".encode()[:-cut]
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding) == ("กข\ufffd", "utf-8")
