"""Encoding detection: every case from HOSTILE_INPUTS.md decodes right or is refused."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from tuireader.library.encoding.decode import Decoded, NotTextError, decode_as, decode_bytes
from tuireader.library.encoding.euc_tw import has_other_planes
from tuireader.library.loader import load_article

SIMPLIFIED = (
    "中国共产党第二十次全国代表大会在北京人民大会堂隆重开幕。"
    "全市上下迅速掀起学习宣传贯彻热潮,推动经济社会发展。\n"
) * 20
TRADITIONAL = (
    "中國共產黨第二十次全國代表大會在北京人民大會堂隆重開幕。"
    "全市上下迅速掀起學習宣傳貫徹熱潮,推動經濟社會發展。\n"
) * 20
ENGLISH = "The quick brown fox jumps over the lazy dog.\n" * 10


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8"),
        (ENGLISH.encode("ascii"), ENGLISH, "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8-sig"),
        (SIMPLIFIED.encode("gbk"), SIMPLIFIED, "gbk"),
        ((SIMPLIFIED + "𠀀€").encode("gb18030"), SIMPLIFIED + "𠀀€", "gb18030"),
        (TRADITIONAL.encode("big5"), TRADITIONAL, "big5"),
        (codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16-le"),
        (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16-be"),
        (codecs.BOM_UTF32_LE + SIMPLIFIED.encode("utf-32-le"), SIMPLIFIED, "utf-32-le"),
        (SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16-le"),
        (SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16-be"),
        (ENGLISH.encode("utf-16-le"), ENGLISH, "utf-16-le"),
    ],
    ids=[
        "utf8", "ascii", "utf8-bom", "gbk", "gb18030", "big5", "utf16le-bom",
        "utf16be-bom", "utf32le-bom", "utf16le-no-bom", "utf16be-no-bom", "utf16le-english",
    ],
)  # fmt: skip
def test_clean_text_decodes_with_its_encoding(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data) == Decoded(text, encoding, ())


@pytest.mark.parametrize(
    ("title", "codec"),
    [
        ("中文", "big5"),
        ("新聞網", "big5"),
        ("報告", "big5"),
        ("經濟發展", "big5"),
        ("新闻网", "gbk"),
        ("报告", "gbk"),
        ("张掖市", "gbk"),
        ("经济发展", "gbk"),
    ],
)
def test_short_chinese_title_gets_the_right_codec(title: str, codec: str) -> None:
    decoded = decode_bytes(title.encode(codec))
    assert (decoded.text, decoded.encoding) == (title, codec)


def test_stray_byte_in_utf8_is_replaced_not_reinterpreted() -> None:
    raw = SIMPLIFIED.encode("utf-8")
    decoded = decode_bytes(raw[:30] + b"\xff" + raw[30:])
    assert decoded.encoding == "utf-8"
    assert decoded.text == SIMPLIFIED[:10] + "\ufffd" + SIMPLIFIED[10:]
    assert decoded.warnings == ("invalid UTF-8 bytes replaced (1 places)",)


@pytest.mark.parametrize("cut", [1, 2])
def test_multibyte_character_cut_at_end_of_file(cut: int) -> None:
    decoded = decode_bytes("中文中".encode()[:-cut])
    assert (decoded.text, decoded.encoding) == ("中文\ufffd", "utf-8")
    assert decoded.warnings


def test_gbk_fragment_inside_utf8_keeps_utf8() -> None:
    data = SIMPLIFIED.encode() + "你好世界".encode("gbk") + SIMPLIFIED.encode()
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith(SIMPLIFIED)
    assert decoded.text.endswith(SIMPLIFIED)
    assert "\ufffd" in decoded.text


def test_gbk_with_one_bad_pair_is_gbk_with_warning() -> None:
    raw = SIMPLIFIED.encode("gbk")
    decoded = decode_bytes(raw[:100] + b"\x81\x20" + raw[100:])
    assert decoded.encoding == "gbk"
    assert decoded.text.startswith(SIMPLIFIED[:40])
    assert decoded.warnings == ("invalid gbk bytes replaced (1 places)",)


def test_empty_file_is_empty_utf8() -> None:
    assert decode_bytes(b"") == Decoded("", "utf-8", ())


def test_trailing_nul_padding_is_stripped_with_warning() -> None:
    decoded = decode_bytes(SIMPLIFIED.encode() + b"\x00" * 64)
    assert (decoded.text, decoded.encoding) == (SIMPLIFIED, "utf-8")
    assert decoded.warnings == ("trailing NUL padding removed (64 NULs)",)


def test_nul_padding_after_a_bom_is_stripped_with_warning() -> None:
    decoded = decode_bytes(codecs.BOM_UTF16_LE + "正文".encode("utf-16-le") + b"\x00" * 8)
    assert (decoded.text, decoded.encoding) == ("正文", "utf-16-le")
    assert decoded.warnings == ("trailing NUL padding removed (4 NULs)",)


@pytest.mark.parametrize(
    "data",
    [
        random.Random(7).randbytes(4096),
        b"\x7fELF\x02\x01\x01" + b"\x00" * 200 + b"\x03\x00\x3e\x00" * 50,
        b"\x89PNG\r\n\x1a\n" + random.Random(3).randbytes(600),
    ],
    ids=["random", "elf", "png"],
)
def test_binary_named_txt_is_not_text(data: bytes) -> None:
    with pytest.raises(NotTextError, match="binary file, not text"):
        decode_bytes(data)


@pytest.mark.parametrize(
    "data", [b"before\x00after\n", b"ab\x00cd\x00", b"x\x00" + "正文".encode()]
)
def test_a_few_nuls_in_utf8_do_not_make_it_utf16(data: bytes) -> None:
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding) == (data.rstrip(b"\x00").decode(), "utf-8")


def test_control_characters_in_utf8_text_stay_text() -> None:
    data = "正文\x00正文 \x1b[2J \x07\x08 and some more words here".encode()
    assert decode_bytes(data).text == data.decode()


def test_declared_charset_is_used_when_it_decodes() -> None:
    decoded = decode_bytes("新闻网".encode("gbk"), declared="gb2312")
    assert (decoded.text, decoded.encoding) == ("新闻网", "gbk")


def test_declared_charset_that_fails_is_ignored() -> None:
    decoded = decode_bytes(SIMPLIFIED.encode(), declared="ascii")
    assert (decoded.text, decoded.encoding) == (SIMPLIFIED, "utf-8")


@pytest.mark.parametrize("declared", ["no-such-charset", "utf-16", ""])
def test_unusable_declared_charset_falls_back(declared: str) -> None:
    assert decode_bytes(SIMPLIFIED.encode(), declared=declared).encoding == "utf-8"


def test_western_text_is_cp1252() -> None:
    text = "Les élèves sont allés à l'école. " * 10
    decoded = decode_bytes(text.encode("cp1252"))
    assert (decoded.text, decoded.encoding) == (text, "cp1252")


def test_an_encoded_surrogate_in_ascii_text_stays_utf8_with_a_replacement():
    """ED A0 80 (a UTF-8-shaped but invalid surrogate) is damage, not cp1252."""
    decoded = decode_bytes(b"Title \xed\xa0\x80 end")
    assert decoded.encoding == "utf-8"
    assert decoded.text == "Title \ufffd end"
    assert decoded.warnings


def test_a_short_gbk_text_is_not_taken_for_damaged_utf8():
    decoded = decode_bytes("中文测试".encode("gbk"))
    assert decoded.encoding in ("gbk", "gb18030")
    assert decoded.text == "中文测试"


def test_gb18030_with_a_few_broken_bytes_is_not_read_as_utf8() -> None:
    # Four-byte GB18030 characters (CJK extension A) fail GBK; three bytes are broken.
    line = "㐀㐁㐂的文字记录，中间夹着扩展区的汉字。\n".encode("gb18030")
    data = line * 60 + b"\xff\xff\xff" + line * 60
    decoded = decode_bytes(data)
    assert decoded.encoding == "gb18030"
    assert decoded.text.count("\ufffd") <= 3
    assert decoded.warnings and "3" in decoded.warnings[0]


def test_gbk_text_of_rare_characters_stays_chinese() -> None:
    rare = "鼋鼍蛟螭魑魅魍魉饕餮梼杌穷奇浑敦"
    data = (rare * 40 + "\n").encode("gbk") * 5
    decoded = decode_bytes(data)
    assert decoded.encoding in ("gbk", "gb18030")
    assert rare in decoded.text


def test_euc_tw_is_refused_plainly() -> None:
    # EUC-TW: ASCII, two-byte plane-1 pairs and SS2 four-byte plane-2 characters.
    data = (b"CNS text \xc4\xa1\xc4\xa2 \x8e\xa2\xa1\xa1\x8e\xa2\xa1\xa2 \xc4\xa3\n") * 50
    with pytest.raises(NotTextError, match="EUC-TW"):
        decode_bytes(data)


# Our own sentence in EUC-TW (CNS 11643 plane 1), as a converter writes it.
EUC_TW_SENTENCE = "老街今天重新開放，許多市民一早就來到這裡散步。商店大多是幾十年的老店，市政府說修復工作花了將近一年的時間。"  # noqa: E501
EUC_TW_BYTES = bytes.fromhex(
    "c8d2e1f9c4f4c5b2d3ece4bbe2e4cdf3a1a2ddc2c7e9c6cbc6e1c4a1c8aedef3cbf4ccafddd5e6d3dfd7cae3"
    "a1a4d9b8cdb3c4cbc7e9d1d2defdc4b2c8a1cefbc8d2cdb3a1a2c6cbd1c9cdb4eba9d4badfa6c4d6c9a2cfc4"
    "c4a7d9f2cfd4c4a1c8a1cefbd5ebe2e6a1a4"
)


def test_euc_tw_of_plane_1_is_read() -> None:
    data = (b"No. 7: " + EUC_TW_BYTES + b"\n") * 3
    decoded = decode_bytes(data)
    assert decoded.encoding == "euc_tw"
    assert decoded.text == ("No. 7: " + EUC_TW_SENTENCE + "\n") * 3
    assert decoded.warnings == ("encoding guessed: euc_tw",)  # listed on the problems screen


@pytest.mark.parametrize(
    ("code", "char"),
    [
        # where plane 1's order departs from Big5's, on both sides of each departure
        ("d3a3", "耐"), ("d7d3", "耄"), ("d7d4", "耘"), ("ebd0", "銬"), ("ebd1", "銀"),
        ("f5b5", "薦"), ("f5b6", "虧"), ("f6c1", "彞"), ("f6c2", "懣"), ("f8ad", "嚨"),
        ("f8ae", "壞"), ("f8e4", "繳"), ("f8e5", "羅"), ("f8e6", "羶"), ("f9e2", "嚷"),
        ("c4a1", "一"), ("f3bf", "龜"),
        # symbol rows: punctuation, digits, Latin, bopomofo, numbered forms, a radical
        ("a1a7", "；"), ("a2a5", "＿"), ("a4a1", "０"), ("a4c1", "Ａ"), ("a5c7", "ㄅ"),
        ("a6a1", "①"), ("a6b5", "ⅰ"), ("a7a8", "亠"), ("c2a1", "\u2400"),
    ],
)  # fmt: skip
def test_euc_tw_plane_1_codes_read_as_cns_11643_says(code: str, char: str) -> None:
    assert decode_as(bytes.fromhex(code), "EUC-TW").text == char


def test_euc_tw_with_a_few_characters_beyond_plane_1_counts_them() -> None:
    data = (EUC_TW_BYTES + b"\x8e\xa2\xa1\xa1\n") * 3
    decoded = decode_bytes(data)
    assert decoded.encoding == "euc_tw"
    assert decoded.text == (EUC_TW_SENTENCE + "\ufffd\n") * 3
    assert decoded.warnings == (
        "invalid euc_tw bytes replaced (3 places, 3 of them beyond CNS 11643 plane 1)",
    )


def test_gb_and_big5_text_is_never_taken_for_euc_tw() -> None:
    for codec, text in (
        ("gbk", "河边的柳树发芽了，大家出来散步。"),
        ("big5", "河邊的柳樹發芽了，大家出來散步。"),
    ):  # noqa: E501
        decoded = decode_bytes((text * 20).encode(codec))
        assert decoded.encoding == codec and decoded.text == text * 20


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16"])
def test_a_replacement_character_written_in_the_file_is_no_decoding_error(
    tmp_path: Path, codec: str
) -> None:
    # A file with a BOM that quotes U+FFFD itself: nothing was replaced, nothing to warn of.
    text = "替换字符\ufffd是合法的字符，这一行本身就写着它。\n\n第二段也是正常的文字。\n"
    (tmp_path / "quoted.txt").write_bytes(text.encode(codec))
    article = load_article(tmp_path / "quoted.txt", tmp_path)
    assert article.warnings == ()
    assert article.blocks[0].text == "替换字符\ufffd是合法的字符，这一行本身就写着它。"


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r"])
def test_a_russian_file_is_read_in_the_code_page_it_was_saved_in(
    tmp_path: Path, codec: str
) -> None:
    text = (
        "Старый маяк на мысу снова светит по ночам. Смотритель поднимается по лестнице "
        "каждый вечер и записывает корабли в журнал.\n"
    )
    (tmp_path / "маяк.txt").write_bytes(text.encode(codec))
    article = load_article(tmp_path / "маяк.txt", tmp_path)
    assert article.body_text == text.strip()
    assert article.warnings == (f"encoding guessed: {codec}",)


JAPANESE = (
    "今日は朝から雨が降っていて、駅まで歩くのが少し大変でした。\n"
    "電車の中では本を読みながら、週末の予定について考えていました。\n"
    "カメラを持って山へ出かけるつもりです。天気がよければ、湖のそばで写真を撮ります。\n"
)
CHINESE_WITH_A_KANA_WORD = (
    "今天早上下了一场大雨，我们一起走到车站。在火车上看书，想着周末去山里拍照的计划。\n"
    "日文里“カメラ”就是照相机的意思，朋友笑着告诉我。\n" * 3
)


@pytest.mark.parametrize("codec", ["shift_jis", "cp932", "euc_jp"])
def test_japanese_text_is_read_as_japanese_not_as_gb(codec: str) -> None:
    decoded = decode_bytes(JAPANESE.encode(codec))
    assert decoded.text == JAPANESE
    assert codecs.lookup(decoded.encoding).name in ("cp932", "euc_jp")


def test_chinese_quoting_a_katakana_word_stays_chinese() -> None:
    for codec in ("gbk", "gb18030"):
        decoded = decode_bytes(CHINESE_WITH_A_KANA_WORD.encode(codec))
        assert decoded.text == CHINESE_WITH_A_KANA_WORD
        assert decoded.encoding in ("gbk", "gb18030")


def test_japanese_file_gets_its_title_and_text(tmp_path: Path) -> None:
    path = tmp_path / "雨の日.txt"
    path.write_bytes(("雨の日の駅\n\n" + JAPANESE).encode("shift_jis"))
    article = load_article(path, tmp_path)
    assert article.meta.title == "雨の日の駅"
    assert "週末の予定" in "".join(block.text for block in article.blocks)


def test_long_big5_text_is_not_taken_for_euc_jp() -> None:
    text = "中文資料的讀取與顯示，是這個閱讀器最重要的工作之一。我們每天都會檢查結果。\n" * 20
    decoded = decode_bytes(text.encode("big5"))
    assert decoded.text == text and decoded.encoding == "big5"


@pytest.mark.parametrize("codec", ["shift_jis", "euc_jp"])
def test_a_short_japanese_note_is_read_as_japanese(codec: str) -> None:
    note = "雨の日の駅\n\n今日は朝から雨が降っていて、駅まで歩くのが少し大変でした。\n"
    assert decode_bytes(note.encode(codec)).text == note


EUC_TW_PLANE_2_LINE = b"CNS text \xc4\xa1\xc4\xa2 \x8e\xa2\xa1\xa1\x8e\xa2\xa1\xa2 \xc4\xa3\n"


@pytest.mark.parametrize("cut", [b"\x8e\xa2\xa1", b"\x8e\xa2", b"\x8e", b"\xc4"])
def test_euc_tw_cut_in_the_middle_of_its_last_character_is_refused_too(cut: bytes) -> None:
    with pytest.raises(NotTextError, match="EUC-TW"):
        decode_bytes(EUC_TW_PLANE_2_LINE * 50 + cut)


def test_bytes_outside_euc_tws_structure_are_not_refused_as_euc_tw() -> None:
    # A byte EUC-TW never uses (0x80) among its four-byte characters: not EUC-TW, so the
    # file is read as GB18030 and the byte counted.
    decoded = decode_bytes(EUC_TW_PLANE_2_LINE * 49 + b"\x80" + EUC_TW_PLANE_2_LINE)
    assert decoded.encoding == "gb18030"
    assert decoded.warnings == ("invalid gb18030 bytes replaced (1 places)",)
    assert decoded.text.count("\ufffd") == 1


def test_one_rare_gbk_character_shaped_like_euc_tw_in_a_page_of_gbk_is_gbk() -> None:
    # 帰 is GBK 8E A2: with the next character it has the shape of an EUC-TW four-byte
    # code. One such code among 400 bytes of Chinese text is GBK's, not EUC-TW's.
    rare = b"\x8e\xa2".decode("gbk")
    data = ("小镇书店开张了，" * 25 + rare + "书店").encode("gbk")
    assert sum(1 for byte in data if byte >= 0x80) == 406
    decoded = decode_bytes(data)
    assert decoded.encoding == "gbk"
    assert rare + "书店" in decoded.text


def test_a_bom_file_counts_its_broken_bytes_not_the_replacement_characters_it_holds() -> None:
    data = b"\xef\xbb\xbf" + "文字".encode() + b"\xff" + "\ufffd".encode() + b"\xfe"
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8-sig"
    assert decoded.warnings == ("invalid bytes replaced (2 places)",)


@pytest.mark.parametrize(("controls", "binary"), [(8, False), (9, True)])
def test_a_short_file_is_binary_past_eight_control_bytes(controls: int, binary: bool) -> None:
    data = "文字".encode("gbk") * 5 + b"\x01" * controls
    if binary:
        with pytest.raises(NotTextError, match=r"binary file, not text \(31% control bytes\)"):
            decode_bytes(data)
    else:
        assert decode_bytes(data).encoding == "gbk"


@pytest.mark.parametrize("shift", [0, 1])  # with one byte more, the first 64 KiB end mid-character
def test_a_long_euc_tw_file_is_read_wherever_its_first_64_kib_end(shift: int) -> None:
    line = EUC_TW_BYTES + b"\n"
    data = b"x" * shift + line * 654
    assert len(data) > 65536
    decoded = decode_bytes(data)
    assert decoded.encoding == "euc_tw"
    assert decoded.text == "x" * shift + (EUC_TW_SENTENCE + "\n") * 654


@pytest.mark.parametrize(
    ("data", "other_planes"),
    [
        (b"\x8e\xa2\xa1\xa1" + EUC_TW_BYTES, True),  # at the very start
        (EUC_TW_BYTES + b"\x8e\xa2\xa1\xa1", True),
        (EUC_TW_BYTES, False),
        (b"x" * (65536 - 4) + b"\x8e\xa2\xa1\xa1", True),  # the last code of the sample
        (b"x" * (65536 - 3) + b"\x8e\xa2\xa1\xa1", False),  # past it: not looked at
    ],
)
def test_euc_tw_codes_beyond_plane_1_are_found_in_the_first_64_kib(
    data: bytes, other_planes: bool
) -> None:
    assert has_other_planes(data) is other_planes
