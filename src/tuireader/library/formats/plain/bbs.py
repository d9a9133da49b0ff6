"""Posts saved from a bulletin board (BBS): a header of ``发信人`` / ``标  题`` / ``发信站``.

::

    发信人: someone (nickname), 信区: board
    标  题: the title
    发信站: site name (Thu Apr 30 12:33:54 1998) , 转信

A post forwarded from another board carries the original post's header under its own,
so the header may repeat. The original post (the last header) gives the title, the site
(the source) and the date; every sender, board and station line is kept as metadata the
reader can see, and a title of the forwarding header that differs (``…(转贴)``) too. A
site banner and a rule above the first header (``某某站精华区``) are kept as metadata.
The post's signature below a ``--`` line stays in the body, under a rule.
"""

from __future__ import annotations

import re

from tuireader.library.formats.plain import labels
from tuireader.library.formats.plain.meta import RANK_LABEL, Header, set_title, take_labelled
from tuireader.library.formats.plain.noise import is_rule_line
from tuireader.text.dates import parse_ctime, parse_date

_SPACE = r"[ \t\u3000]*"
_FIELD = re.compile(rf"^(发信人|标{_SPACE}题|发信站){_SPACE}[:：]{_SPACE}(.*)$")
_BOARD = re.compile(rf"[,，]{_SPACE}信区{_SPACE}[:：]{_SPACE}")
_SITE_END = re.compile(r"\s*[(（]")
_MAX_BANNER_LINES = 3
_MAX_BANNER = 40
_SENDER, _TITLE, _STATION = "发信人", "标题", "发信站"


def read_bbs(lines: list[str]) -> tuple[Header, int] | None:
    """The header of a BBS post at the top of ``lines``, and where the body starts.

    None unless a sender line opens the text (after at most a few banner lines) and a
    title line follows among the header lines.
    """
    start = next(
        (i for i, line in enumerate(lines[: _MAX_BANNER_LINES + 1]) if line.startswith(_SENDER)),
        None,
    )
    banner = [line for line in lines[:start] if not is_rule_line(line)] if start else []
    if start is None or any(len(line) > _MAX_BANNER for line in banner):
        return None
    fields = []
    end = start
    while end < len(lines) and (found := _FIELD.match(lines[end])) is not None:
        fields.append(("".join(found[1].split()), found[2].strip()))
        end += 1
    titles = [value for word, value in fields if word == _TITLE and value]
    if not titles:
        return None
    header = Header()
    for line in banner:
        take_labelled(header, labels.OTHER, "版头", line)
    set_title(header, titles[-1], RANK_LABEL)
    for word, value in fields:
        _keep_field(header, word, value, titles[-1])
    _read_station(header, [value for word, value in fields if word == _STATION])
    return header, end


def _keep_field(header: Header, word: str, value: str, title: str) -> None:
    """Keep one header line as metadata (a sender line gives its sender and board)."""
    if word == _SENDER:
        sender, _sep, board = _BOARD.split(value, maxsplit=1)[0], "", ""
        if sender != value:
            board = value[_BOARD.search(value).end() :]  # type: ignore[union-attr]
        take_labelled(header, labels.OTHER, _SENDER, sender.strip())
        take_labelled(header, labels.OTHER, "信区", board.strip())
    elif word == _STATION or value != title:
        take_labelled(header, labels.OTHER, word, value)


def _read_station(header: Header, stations: list[str]) -> None:
    """The original post's station line: its site is the source, its time stamp the date."""
    if not stations:
        return
    station = stations[-1]
    site = _SITE_END.split(station, maxsplit=1)[0].strip()
    header.fill(source=site or None, date=parse_ctime(station) or parse_date(station))
