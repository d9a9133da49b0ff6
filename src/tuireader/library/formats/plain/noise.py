"""Page furniture scraped along with the article: counters, font switches, print buttons.

Noise is removed only at line or segment level: a line goes when it is short and nothing
but noise, so a real paragraph that merely mentions 分享 or 打印 always stays. Inside a
header line (breadcrumb, source, date) noise phrases are cut out as substrings.
"""

from __future__ import annotations

import re

_PLATFORMS = (
    r"(?:微信|朋友圈|微博|新浪微博|腾讯微博|QQ空间|QQ好友|QQ|人人网|豆瓣|复制链接|更多|抖音)"
)
_BUTTONS = (
    r"打印本页|打印文章|打印此文|打印|关闭窗口|关闭本页|关闭|收藏本页|加入收藏|收藏|我要纠错|纠错"
    r"|推荐给朋友|推荐|复制链接|返回顶部|返回列表|返回首页|返回|顶部|分享|评论|保存"
    r"|Print this (?:page|article)|Print|Close window|Close|Share this(?: article)?|Share|Email"
    r"|Back to top|Tweet|Comments?"
)
_NOISE = re.compile(
    r"\d{1,9}\s{0,3}人(?:参与|参加)(?:互动|评论|讨论)?"
    r"|参与互动\s{0,3}[:：]?\s{0,3}\d{1,9}"
    r"|[【\[]?\s{0,3}字\s{0,3}[体号]\s{0,3}[】\]]?\s{0,3}[:：]?\s{0,3}(?:[大中小][\s|｜/]{0,3}){2,3}[】\]]?"
    r"|[【\[〖]\s{0,3}(?:" + _BUTTONS + r")\s{0,3}[】\]〗]"
    r"|打印本页|打印文章|关闭窗口|关闭本页|返回顶部|收藏本页|加入收藏|我要纠错"
    r"|扫一扫(?:在手机上?打开当前页|分享到(?:微信|朋友圈))?|(?:手机)?扫码阅读|扫描二维码"
    r"|分享到\s{0,3}[:：]?(?:[\s、，,]{0,3}" + _PLATFORMS + r")*"
    r"|(?:浏览次数|浏览量|阅读量|阅读数|阅读次数|点击数|点击量|点击率|访问量|访问次数)"
    r"\s{0,3}[:：]?\s{0,3}\d{0,9}\s{0,3}次?"
    r"|(?<![\w])(?:阅读|浏览|点击)\s{0,3}[:：]\s{0,3}\d{1,9}\s{0,3}次?"
    r"|font\s{0,3}size\s{0,3}:?\s{0,3}(?:[+\-AaSML]\s{0,3}){1,3}"
    # A pager: 第1页/共3页, << 上一页 | 下一页 >>.
    r"|第\s{0,3}\d{1,4}\s{0,3}页\s{0,3}[/／,，]?\s{0,3}共\s{0,3}\d{1,4}\s{0,3}页"
    r"|(?:<<|«|‹)?\s{0,3}(?:上一页|下一页)\s{0,3}(?:>>|»|›)?"
    r"|(?<![\w])(?:views|reads|hits|page views)\s{0,3}:\s{0,3}[\d,]{1,12}",
    re.IGNORECASE,
)
# Every noise phrase contains one of these; lines without any skip the big pattern.
_NOISE_HINT = re.compile(r"[人参字【\[〖打关返收加我扫分浏阅点访页]|(?i:font|views|reads|hits)")
# What may be left of a noise line once the phrases are cut: buttons and separators.
_LEFTOVER = re.compile(
    r"(?:" + _BUTTONS + r"|[\s|｜丨/／【】\[\]()（）:：、,，·•\-—>»])+", re.IGNORECASE
)
_LINE_NOISE = re.compile(
    r"(?:上一篇|下一篇|上一条|下一条|上篇|下篇|上一页|下一页)\s{0,3}[:：]"
    r"|(?:版权所有|Copyright\b|©|\(c\)\s{0,3}\d{4}|.{0,12}ICP备|(?:本文|本站)(?:为|系)?(?:转载|原创))"
    r"|(?:相关(?:新闻|阅读|链接|文章|推荐|报道)|热点推荐|推荐阅读|延伸阅读|猜你喜欢)\s{0,3}(?:[:：]|$)",
    re.IGNORECASE,
)
# English navigation words also start real sentences, so only short lines count.
_SHORT_LINE_NOISE = re.compile(
    r"(?:Previous|Next|Related(?: stories| articles| news| links| posts| reading)?|Read more"
    r"|See also)\s{0,3}:",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"(?:相关(?:新闻|阅读|链接|文章|推荐|报道)|热点推荐|推荐阅读|延伸阅读|猜你喜欢|Related)"
    r"\s{0,3}[:：]?$",
    re.IGNORECASE,
)
SHORT_LINE = 80
_RULE = re.compile(r"(?:[-=*_~—─━·•][ \t]*){3,}")
_RULE_START = frozenset("-=*_~—─━·•")
_MENU_BAR = re.compile(r"[|｜丨]")
_MENU_ITEMS, _MENU_ITEM = 3, 8
_LONG_NOISE_LINE = 160


def strip_noise(segment: str) -> str:
    """Cut noise phrases out of a header segment and collapse the spaces left behind."""
    return " ".join(_cut(segment).split())


def _cut(text: str) -> str:
    """Replace noise phrases by spaces; the cheap hint search skips most lines."""
    return _NOISE.sub(" ", text) if _NOISE_HINT.search(text) else text


def is_rule_line(line: str) -> bool:
    """A line drawn with dashes, equals signs or stars: a section break, not noise.

    ``--`` alone is one too: the line that sets a mail or BBS post's signature apart.
    """
    if line[:1] not in _RULE_START:
        return False  # every rule starts with one of them: skip the pattern
    return _RULE.fullmatch(line) is not None or line == "--"


def is_noise_line(line: str) -> bool:
    """True for a line that is entirely page furniture (never for a real paragraph)."""
    if not line or len(line) > _LONG_NOISE_LINE or is_rule_line(line):
        return False
    if _LINE_NOISE.match(line):
        return True
    if len(line) > SHORT_LINE:
        return False
    if _SHORT_LINE_NOISE.match(line):
        return True
    return _LEFTOVER.fullmatch(_cut(line)) is not None or _is_menu(line)


def _is_menu(line: str) -> bool:
    """A site menu: three or more short items between bars (首页 | 政务公开 | 新闻中心)."""
    if "|" not in line and "｜" not in line and "丨" not in line:
        return False
    items = _MENU_BAR.split(line)
    return len(items) >= _MENU_ITEMS and all(0 < len(item.strip()) <= _MENU_ITEM for item in items)


def is_related_header(line: str) -> bool:
    """True for a 'related articles' heading, after which only links follow."""
    return len(line) <= 20 and _RELATED.match(line) is not None
