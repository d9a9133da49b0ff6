"""The hostile strings and bytes of HOSTILE_INPUTS.md, as constants tests can search for.

:mod:`hostile_library` writes them into files; tests import the markers from here (or
from ``hostile_library``, which re-exports them) to check that none reaches the terminal.
"""

from __future__ import annotations

#: Base64 payload of every OSC 52 clipboard write ("Hello"): must never reach a terminal.
OSC52_PAYLOAD = "SGVsbG8="
#: Text every OSC 0 title change tries to set as the window title.
TITLE_CHANGE_TEXT = "PWNED-WINDOW-TITLE"
#: Target of every OSC 8 hyperlink.
HYPERLINK_URL = "http://evil.example/osc8"
#: File the markup screenshot action would write, and the folder it names.
SCREENSHOT_FILE = "x.svg"
SCREENSHOT_DIR = "/tmp"
#: Words written around every escape in a body: they must survive sanitizing.
VISIBLE_BEFORE = "VisibleBefore"
VISIBLE_AFTER = "VisibleAfter"
#: The command the brief's python-tag front matter runs if YAML is loaded unsafely.
PWNED_TMP_PATH = "/tmp/pwned"
#: File name (in the library root) the root-local python tag would create.
PWNED_FILE_NAME = "PWNED-BY-YAML"
#: The byte file name that is not UTF-8.
BAD_NAME_BYTES = b"bad\xff\xfe.txt"
#: Size of the single-line file.
LONG_LINE_BYTES = 10 * 1024 * 1024
#: A lone UTF-16 surrogate (U+D800) as UTF-8 would spell it: invalid UTF-8.
LONE_SURROGATE_BYTES = b"\xed\xa0\x80"

ESC = "\x1b"
ST = ESC + "\\"
BEL = "\x07"

#: name -> (sequence, description). Every sequence is a str; the lone surrogate is bytes
#: and handled apart (see LONE_SURROGATE_BYTES).
ESCAPES: dict[str, tuple[str, str]] = {
    "csi-sgr": (ESC + "[31;1mRED" + ESC + "[0m", "CSI colour (SGR)"),
    "csi-clear": (ESC + "[2J" + ESC + "[H", "CSI clear screen and home"),
    "osc0-bel": (ESC + "]0;" + TITLE_CHANGE_TEXT + BEL, "OSC 0 title change ended by BEL"),
    "osc0-st": (ESC + "]0;" + TITLE_CHANGE_TEXT + ST, "OSC 0 title change ended by ESC \\"),
    "osc8-bel": (
        ESC + "]8;;" + HYPERLINK_URL + BEL + "link" + ESC + "]8;;" + BEL,
        "OSC 8 hyperlink ended by BEL",
    ),
    "osc8-st": (
        ESC + "]8;;" + HYPERLINK_URL + ST + "link" + ESC + "]8;;" + ST,
        "OSC 8 hyperlink ended by ESC \\",
    ),
    "osc52-bel": (ESC + "]52;c;" + OSC52_PAYLOAD + BEL, "OSC 52 clipboard write ended by BEL"),
    "osc52-st": (ESC + "]52;c;" + OSC52_PAYLOAD + ST, "OSC 52 clipboard write ended by ESC \\"),
    "osc-unterminated": (ESC + "]0;" + TITLE_CHANGE_TEXT, "OSC never terminated"),
    "dcs": (ESC + "P+q544e" + ST, "DCS request"),
    "apc": (ESC + "_Gf=100;AAAA" + ST, "APC (kitty graphics)"),
    "pm": (ESC + "^private" + ST, "PM privacy message"),
    "sos": (ESC + "Xstart-of-string" + ST, "SOS string"),
    "ris": (ESC + "c", "ESC c full reset"),
    "alt-screen-off": (ESC + "[?1049l", "leave the alternate screen"),
    "csi-8bit": ("\x9b2J", "8-bit CSI clear screen"),
    "osc-8bit": ("\x9d0;" + TITLE_CHANGE_TEXT + "\x9c", "8-bit OSC title ended by 8-bit ST"),
    "nul": ("\x00", "NUL"),
    "del": ("\x7f", "DEL"),
    "backspace": ("\b\b\b", "backspaces"),
    "lone-cr": ("abc\rXYZ", "lone carriage return overwriting text"),
    "nel": ("\x85", "NEL (C1 next line)"),
    "line-sep": ("\u2028", "U+2028 line separator"),
    "para-sep": ("\u2029", "U+2029 paragraph separator"),
    "rlo": ("\u202eevil.txt", "U+202E right-to-left override"),
    "zwsp": ("\u200b", "zero-width space"),
    "bom-mid": ("\ufeff", "byte-order mark in mid-text"),
}

#: Rich/Textual markup that must stay literal text.
MARKUP_STRINGS: tuple[str, ...] = (
    "[@click=app.quit]quit[/]",
    f"[@click=app.screenshot('{SCREENSHOT_FILE}','{SCREENSHOT_DIR}')]shot[/]",
    "[/foo]",
    "[/]",
    "[link=http://x]link[/link]",
    "[bold",
)

#: The same three paragraphs, written with each line ending; offsets must match.
LINE_ENDING_PARAGRAPHS: tuple[str, ...] = (
    "First paragraph, line one.",
    "第二段，用来检查换行。",
    "Third paragraph ends here.",
)

#: Text written in the encoding cases (simplified, and traditional for Big5).
CHINESE_TEXT = "标题：编码测试\n\n中国经济发展进入新阶段，市场和消费都在变化。\n"
TRADITIONAL_TEXT = "標題：編碼測試\n\n中國經濟發展進入新階段，市場和消費都在變化。\n"
#: Characters GBK cannot encode but GB18030 can (four-byte sequences).
GB18030_ONLY = "𠮷㐀"
