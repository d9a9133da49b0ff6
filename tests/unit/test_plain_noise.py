"""Page furniture is recognised only when a line is nothing but furniture."""

from __future__ import annotations

import pytest

from tuireader.library.formats.plain.news import is_dateline
from tuireader.library.formats.plain.noise import (
    is_noise_line,
    is_related_header,
    is_rule_line,
    strip_noise,
)


@pytest.mark.parametrize(
    "line",
    [
        "0 人参与互动",
        "字体：大 中 小",
        "【字体：大 中 小】",
        "【 字  号 】大 中 小",
        "打印本页",
        "关闭窗口",
        "【打印】【关闭】",
        "打印本页 | 关闭窗口 | 分享到：微信 微博",
        "分享到：",
        "分享到：微信 朋友圈 QQ空间",
        "浏览次数：1024",
        "阅读量：3402",
        "点击数：88 次",
        "扫一扫在手机打开当前页",
        "返回顶部",
        "上一篇：全县召开安全生产会议",
        "下一篇：秋粮收购工作有序开展",
        "版权所有 © 某某新闻网",
        "陇ICP备12345678号",
        "Next: Fish prices at a ten-year high",
        "Font size: A A A | Print this page | Share",
        "Views: 2,117",
        "Related stories: Ferry fares rise again | Fish prices high",
    ],
)
def test_noise_lines(line: str) -> None:
    assert is_noise_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "活动现场，志愿者们分享了多年来的服务心得，还演示了如何打印健康码、如何分享到家庭群。",
        "他说：“请大家关闭窗口再离开。”",
        "打印机厂今年产值增长两成",
        "The print shop on the corner closed last year.",
        "分享经济正在改变城市生活",
        "Next: the council will publish the full cost of the repairs and ask residents "
        "what they think of the plan before the end of the year.",
        "",
    ],
)
def test_real_text_is_never_noise(line: str) -> None:
    assert not is_noise_line(line)


def test_strip_noise_cuts_phrases_out_of_a_header_segment() -> None:
    assert (
        strip_noise("来源:张掖市融媒体中心 0 人参与互动 2022年11月01日 10:02")
        == "来源:张掖市融媒体中心 2022年11月01日 10:02"
    )
    assert (
        strip_noise("发布时间：2022-11-01 浏览次数：12 【字体：大 中 小】")
        == "发布时间：2022-11-01"
    )


def test_related_header() -> None:
    assert is_related_header("相关新闻")
    assert is_related_header("Related:")
    assert not is_related_header("相关新闻报道显示，今年粮食产量再创新高。")


@pytest.mark.parametrize(
    ("line", "noise"),
    [
        ("〖收藏〗", True),
        ("打印 | 关闭", True),
        ("128人参与", True),
        ("参与互动：12", True),
        ("分享到：微信 微博 QQ空间", True),
        ("扫一扫分享到微信", True),
        ("浏览次数：123次", True),
        ("阅读：5", True),
        ("点击：99次", True),
        ("我阅读：5", False),  # inside a word: a sentence
        ("阅读量 1024", True),
        ("font size: A A A", True),
        ("第1页/共3页", True),
        ("<< 上一页 | 下一页 >>", True),
        ("Views: 1,234", True),
        ("hits: 9", True),
        ("上一篇：河边的故事", True),
        ("Copyright 2005 河畔网", True),
        ("©2005", True),
        ("(c) 2005 河畔网", True),
        ("京ICP备12345号", True),
        ("本文为转载", True),
        ("相关新闻：", True),
        ("Previous: the river", True),
        ("Related stories:", True),
        ("Read more: the river", True),
        ("See also: the sea", True),
        ("Print", True),
        ("Share this article", True),
        ("Back to top", True),
        ("Comments", True),
        ("打印 " * 20, True),
        # A menu bar: three or more items of at most eight characters.
        ("首页 | 政务公开 | 新闻中心", True),
        ("首页 | 一二三四五六七八 | 新闻", True),
        ("首页 | 一二三四五六七八九 | 新闻", False),
        ("首页 | 政务公开", False),
        ("首页 || 新闻", False),
        ("", False),
        ("---", False),  # a rule is a section break, kept
        # Long lines are text, whatever they open with.
        ("相关阅读：" + "河" * 155, True),
        ("相关阅读：" + "河" * 156, False),
        ("Previous: " + "x" * 70, True),
        ("Previous: " + "x" * 71, False),
        ("[打印]" + " " * 76, True),
        ("[打印]" + " " * 77, False),
    ],
)
def test_noise_line_shapes(line: str, noise: bool) -> None:
    assert is_noise_line(line) is noise


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("---", True),
        ("--", True),  # a signature separator
        ("===", True),
        ("* * *", True),
        ("——————", True),
        ("·•·", True),
        ("~~~", True),
        ("___", True),
        ("-", False),
        ("- -", False),
        ("-- x", False),
        ("abc---", False),
        ("—— 完 ——", False),
        ("", False),
    ],
)
def test_rule_lines(line: str, rule: bool) -> None:
    assert is_rule_line(line) is rule


@pytest.mark.parametrize(
    ("line", "related"),
    [
        ("相关新闻", True),
        ("相关阅读：", True),
        ("相关文章：", True),
        ("Related:", True),
        ("related", True),
        ("热点推荐", True),
        ("延伸阅读:", True),
        ("猜你喜欢", True),
        ("相关新闻很多", False),
        ("我们的相关新闻", False),
    ],
)
def test_related_headers(line: str, related: bool) -> None:
    assert is_related_header(line) is related


@pytest.mark.parametrize(
    ("segment", "kept"),
    [
        ("首页 > 新闻 [打印] [关闭]", "首页 > 新闻"),
        ("来源：河畔网 128人参与", "来源：河畔网"),
        ("字号：大 中 小 来源：河畔网", "来源：河畔网"),
        ("无噪声的文字", "无噪声的文字"),
    ],
)
def test_strip_noise_keeps_the_rest_of_a_segment(segment: str, kept: str) -> None:
    assert strip_noise(segment) == kept


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        ("新华社北京５月３日电（记者王明）今天，河畔小镇的新书店开张。", True),
        ("本报讯（记者王明）河畔小镇的新书店开张。", True),
        ("本台消息 今天上午，小镇书店开张。", True),
        ("中新社上海3月12日电 今天，小镇书店开张。", True),
        ("据河畔日报5月3日讯 小镇书店开张。", True),
        ("河畔网十二月三十一日电 小镇书店开张。", True),
        ("（1）内容：新华社北京5月3日电 小镇书店开张。", True),
        ("新华社北京5月3日报道，小镇书店开张。", False),
        ("这是一段很长的开头文字，讲了很多事情，然后才提到了新华社北京5月3日电的内容。", False),
        ("小镇书店开张了。", False),
    ],
)
def test_datelines_open_news_items(paragraph: str, dateline: bool) -> None:
    assert is_dateline(paragraph) is dateline
