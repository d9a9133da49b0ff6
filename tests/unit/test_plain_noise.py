"""Page furniture is recognised only when a line is nothing but furniture."""

from __future__ import annotations

import pytest

from tuireader.library.formats.plain.noise import is_noise_line, is_related_header, strip_noise


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
