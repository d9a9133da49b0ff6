"""EUC-TW text, CNS 11643 plane 1, read through the Big5 table.

EUC-TW writes plane 1 of CNS 11643 as two bytes (0xA1-0xFE each), like GB2312 and
EUC-KR, so a GB or Big5 reading of it decodes without an error, as nonsense. Python has
no EUC-TW codec, but the 5,401 characters of plane 1 are Big5's level 1 in the same
order, but for a few moved ones (:data:`_RUNS`); its symbol rows are spelt out here
(:data:`_SYMBOLS`), and its row of control pictures is U+2400 onwards. Characters of the
other planes (SS2, 0x8E 0xA2-0xB0, then two bytes) are not read: each is counted and
shown as U+FFFD, so the caller can say so (or refuse a text made of many).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tuireader.library.encoding.chinese import COMMON_TRADITIONAL, SAMPLE_CHARS, frequency_score

_ROW = 94
_HANZI_LEAD = 0xC4  # plane 1's hanzi rows start at 0x44, lead byte 0xC4
_HANZI = 5401
_BIG5_LEVEL1 = 0xA4  # Big5's level 1 starts at 0xA440, 157 trail values a row
# (first plane-1 hanzi index, shift to its Big5 level-1 index) where the order departs.
_RUNS = (
    (0, 0), (1412, 1), (1836, -424), (1837, 0), (3713, 387), (3714, -1), (4101, 0),
    (4626, 189), (4627, -1), (4816, 0), (4900, 146), (4901, -1), (4955, 0), (4956, -2),
    (4957, -1), (5047, 0),
)  # fmt: skip
_NOT_IN_BIG5 = {4732: "\u5f5e"}  # 彞, which Python's Big5 table lacks
# Rows 0x21-0x27 (lead bytes 0xA1-0xA7): punctuation, symbols, digits, Latin and Greek
# letters, bopomofo, numbered forms, three radicals; "\0" where a row has nothing.
_SYMBOLS = (
    "　，、。．・；：？！︰…‥﹐﹑﹒·﹔﹕﹖﹗︱—︲–\0\0\0\0（）︵︶｛｝︷︸〔〕︹︺【】︻︼《》"
    "︽︾〈〉︿﹀「」﹁﹂『』﹃﹄﹙﹚﹛﹜﹝﹞‘’“”〝〞′‵＃＆＊※§〃○●△▲◎☆★◇◆□■▽▼"
    "㊣℅‾\0＿\0﹉﹊﹍﹎﹋﹌﹟﹠﹡＋－×÷±√＜＞＝≦≧≠∞≒≡﹢﹣﹤﹦﹥∼∩∪⊥∠∟⊿㏒㏑∫∮∵"
    "∴♀♂♁☉↑↓→←↖↗↙↘‖｜／＼∕﹨＄￥〒￠￡％＠℃℉﹩﹪﹫㏕㎜㎝㎞㏎㎡㎎㎏㏄°兙兛兞兝兡兣"
    "嗧瓩糎▁▂▃▄▅▆▇█▏▎▍▌▋▊▉┼┴┬┤├▔─│▕┌┐└┘╭╮╰╯═╞╪╡◢◣◥◤╱╲╳\0"
    "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
    "０１２３４５６７８９ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ〡〢〣〤〥〦〧〨〩\0卄\0ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯ"
    "ＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚΑΒΓΔΕΖΗΘΙΚ"
    "ΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφχψωㄅㄆㄇㄈㄉㄊㄋㄌㄍ"
    "ㄎㄏㄐㄑㄒㄓㄔㄕㄖㄗㄘㄙㄚㄛㄜㄝㄞㄟㄠㄡㄢㄣㄤㄥㄦㄧㄨㄩ˙ˉˊˇˋ\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
    "①②③④⑤⑥⑦⑧⑨⑩⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽ⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹ\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
    "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
    "\0\0\0\0\0\0\0亠\0\0\0\0\0\0冫\0\0\0\0勹\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
    "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
)
_CONTROL_PICTURES_LEAD = 0xC2
_PAIR_OR_SS2 = re.compile("[\xa1-\xfe][\xa1-\xfe]|\x8e[\xa1-\xb0][\xa1-\xfe][\xa1-\xfe]")
# Bytes EUC-TW is made of: ASCII, two-byte plane-1 codes, SS2 four-byte codes.
_STRUCTURE = re.compile(
    rb"(?:[\x00-\x7f]|[\xa1-\xfe][\xa1-\xfe]|\x8e[\xa1-\xb0][\xa1-\xfe][\xa1-\xfe])*"
)
_SS2 = re.compile(rb"\x8e[\xa1-\xb0][\xa1-\xfe][\xa1-\xfe]")
_SAMPLE = 65536
_MIN_SCORE = 0.25  # as for GB and Big5 (chinese.py): a reading of common characters


@dataclass(frozen=True)
class EucTw:
    """A plane-1 reading of EUC-TW bytes: the text, and how many characters of other
    planes (shown as U+FFFD) and bad bytes it holds."""

    text: str
    other_planes: int


def has_other_planes(body: bytes) -> bool:
    """Whether ``body`` holds SS2 codes of CNS planes 2-7, which no GB or Big5 text has
    (GB18030 reads them as two pairs, as nonsense)."""
    return _SS2.search(body, 0, _SAMPLE) is not None


def read_euc_tw(body: bytes) -> EucTw | None:
    """``body`` read as EUC-TW, or None when it is not made like EUC-TW or the reading
    is not mostly common traditional characters."""
    sample = body[:_SAMPLE]
    if _STRUCTURE.fullmatch(sample) is None and _STRUCTURE.fullmatch(sample[:-3]) is None:
        return None  # a sample may end inside a four-byte code
    if frequency_score(_decode(sample[: SAMPLE_CHARS * 2])[0], COMMON_TRADITIONAL) <= _MIN_SCORE:
        return None
    text, others = _decode(body)
    return EucTw(text, others)


def decode_euc_tw(body: bytes) -> tuple[str, int]:
    """EUC-TW bytes as text (bytes that are no plane-1 code shown as U+FFFD), and how
    many codes of other planes it holds: for the user's ``encoding: euc_tw``."""
    return _decode(body)


def _decode(body: bytes) -> tuple[str, int]:
    """The text and its count of other-plane codes (each one U+FFFD)."""
    table = _table()
    others = 0

    def one(match: re.Match[str]) -> str:
        nonlocal others
        code = match[0]
        if len(code) == 4:
            others += 1
            return "\ufffd"
        return table.get(code, "\ufffd")

    # latin-1 keeps every byte as one character; ASCII passes through untouched, and a
    # byte in no code (a lone lead byte) becomes U+FFFD below.
    text = _PAIR_OR_SS2.sub(one, body.decode("latin-1"))
    return re.sub("[\x80-\xff]", "\ufffd", text), others


@cache
def _table() -> dict[str, str]:
    """Plane-1 code (two latin-1 characters) to its character: built once, when needed."""
    table: dict[str, str] = {}
    for index, char in enumerate(_SYMBOLS):
        if char != "\0":
            table[_code(0xA1 + index // _ROW, 0xA1 + index % _ROW)] = char
    for index in range(0x21):  # control pictures: 0xC2A1 is U+2400, 0xC2C1 U+2421
        table[_code(_CONTROL_PICTURES_LEAD, 0xA1 + index)] = chr(
            0x2400 + index if index < 0x20 else 0x2421
        )
    starts = [start for start, _shift in _RUNS]
    for index in range(_HANZI):
        code = _code(_HANZI_LEAD + index // _ROW, 0xA1 + index % _ROW)
        if index in _NOT_IN_BIG5:
            table[code] = _NOT_IN_BIG5[index]
            continue
        shift = _RUNS[_last_at_most(starts, index)][1]
        table[code] = _big5(index + shift)
    return table


def _last_at_most(starts: list[int], index: int) -> int:
    """The position of the last start that is at most ``index``."""
    position = 0
    for number, start in enumerate(starts):
        if start > index:
            break
        position = number
    return position


def _big5(index: int) -> str:
    """Big5 level 1's character number ``index`` (0 is 0xA440)."""
    row, column = divmod(index, 157)
    trail = 0x40 + column if column < 63 else 0xA1 + column - 63
    return bytes((_BIG5_LEVEL1 + row, trail)).decode("big5")


def _code(lead: int, trail: int) -> str:
    """A two-byte code as the latin-1 characters :func:`_decode` matches."""
    return chr(lead) + chr(trail)
