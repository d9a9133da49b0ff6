"""Is this a person's name? Author fields of saved pages hold much that is not.

Shared by the HTML and plain-text readers (so neither format imports the other).

Meta tags and bylines carry publisher lists (``www.example.cn,某某日报报业集团``), user
ids (``L_104485``), software credits (``Discuz! Team``), broken markup (``size="20"``)
and, when a pattern over-reaches, a body sentence. A name here is short: a Chinese
name of two to four characters (``·`` allowed inside, for transliterated names), a
Latin name of at most five words, or a one-word handle; a list of them is joined by
spaces. Anything else is refused, so a wrong author is rarer than a missing one.
"""

from __future__ import annotations

import re

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_NAME = re.compile(f"[{_HAN}]{{2,4}}|[{_HAN}]{{1,6}}(?:[·•][{_HAN}]{{1,6}}){{1,3}}")
_LATIN_WORD = re.compile(r"\(?[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ][\w'’.-]*\)?", re.UNICODE)
_HANDLE = re.compile(r"[\w][\w&.-]{1,23}", re.UNICODE)
# Chinese words that end an organisation's or a place's name, never a person's.
_ORG_ENDINGS = (
    "网", "报", "社", "台", "刊", "站", "部", "局", "厅", "委", "会", "院", "所", "馆",
    "司", "团", "频道", "中心", "政府", "大学", "学校", "公司", "集团", "出版", "新闻",
    "日报", "晚报", "杂志", "编辑", "记者", "作者", "来源", "报道", "综合", "原创", "转载",
    "本报", "本站", "网友", "佚名", "匿名", "管理员", "编者", "客户端",
)  # fmt: skip
_NOT_NAMES = frozenset(
    {
        "admin", "administrator", "anonymous", "unknown", "staff", "team", "editor", "guest",
        "webmaster", "null", "none", "author", "by", "and", "the", "of", "inc", "ltd",
    }
)  # fmt: skip
_PARTICLES = frozenset(
    {"de", "da", "di", "del", "van", "von", "der", "den", "le", "la", "du", "bin"}
)
# Common Chinese family names (simplified and traditional forms), for names that stand
# alone with no role word before them (a lone 胡平 under a headline).
_SURNAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林高罗羅郑鄭梁谢謝宋唐许許"
    "韩韓冯馮邓鄧曹彭曾肖萧蕭田董潘袁蔡蒋蔣余于杜叶葉程魏苏蘇吕呂丁任卢盧姚沈钟鍾姜崔"
    "谭譚陆陸范汪廖石金韦韋贾賈夏付傅方邹鄒熊白孟秦邱侯江尹薛闫閻段雷龙龍黎史陶贺賀"
    "毛郝顾顧龚龔邵万萬覃武钱錢戴严嚴莫孔向常汤湯康易乔喬赖賴文施洪辛柯庄莊樊殷牛"
    "祝左欧歐阳陽齐齊季邢岳梅聂聶褚颜顏卞钮鈕伊闵閔刁巴柏葛凌翟池关關雍阎屈宁寧华華"
    "游裴滕甘蓝藍俞车車饶饒焦鲁魯包单單项項阮尚焦费費蒲窦竇温溫景纪紀舒简簡谷邬鄔"
    "骆駱卓苗宫宮路房安解晏丛叢荣榮鲍鮑戚欧寇应應屠霍冉桂习習涂塗凤鳳麦麥谈談"
)
_COMPOUND_SURNAMES = (
    "欧阳",
    "歐陽",
    "司马",
    "司馬",
    "上官",
    "诸葛",
    "諸葛",
    "东方",
    "東方",
    "皇甫",
    "令狐",
    "慕容",
    "司徒",
    "夏侯",
    "尉迟",
    "公孙",
    "公孫",
    "长孙",
    "端木",
)
# "Jane Doe (https://example.org/jane)", "Jane Doe <jane@example.org>": the contact goes.
_CONTACT = re.compile(r"\s*[(<](?:https?://|mailto:|[\w.+-]+@)[^)>]*[)>]")
_LIST_SPLIT = re.compile(r"\s*(?:[,，、;；/]|\band\b|\s)\s*")
_MAX_NAMES = 8


def is_person_name(text: str) -> bool:
    """True for one person's name (Chinese, Latin) or a short user handle."""
    text = text.strip()
    if not text or len(text) > 40:
        return False
    if _HAN_NAME.fullmatch(text):
        return not text.endswith(_ORG_ENDINGS) and "记者" not in text
    words = text.split()
    if any(word.casefold().strip(".") in _NOT_NAMES for word in words):
        return False
    if len(words) > 1 and all(_LATIN_WORD.fullmatch(word) for word in words):
        # Several words are each capitalised, particles aside ("Michiel de Jong").
        return len(words) <= 5 and all(
            w.lstrip("(")[:1].isupper() or w in _PARTICLES for w in words
        )
    if not _HANDLE.fullmatch(text) or "_" in text[1:-1] or not any(c.isalpha() for c in text):
        return False
    han = len(re.findall(f"[{_HAN}]", text))
    if han == 0:
        return True
    # A Chinese handle mixes in symbols only (放飞&心情), never Latin words or digits;
    # plain Chinese text is a name only by the rule above.
    mixed = any(char.isascii() and char.isalnum() for char in text)
    symbols = han < len(text)
    return symbols and not mixed and len(text) <= 8 and not text.endswith(_ORG_ENDINGS)


def person_names(text: str) -> str | None:
    """``text`` as a space-separated list of names, or None if any part is not a name.

    ``王五、赵六`` → ``王五 赵六``; ``Ann Lee and Bo Chan`` → ``Ann Lee, Bo Chan``;
    ``某某日报报业集团`` → None.
    """
    text = _CONTACT.sub("", " ".join(text.split())).strip(" ,，、;；")
    if not text:
        return None
    if is_person_name(text):
        return text
    if re.search(f"[{_HAN}]", text):
        parts = [part for part in _LIST_SPLIT.split(text) if part]
        if 1 < len(parts) <= _MAX_NAMES and all(is_person_name(part) for part in parts):
            return " ".join(parts)
        return None
    parts = [part.strip() for part in re.split(r",|;|\band\b|&", text) if part.strip()]
    if 1 < len(parts) <= _MAX_NAMES and all(is_person_name(part) for part in parts):
        return ", ".join(parts)
    return None


def looks_like_chinese_name(text: str) -> bool:
    """Two to four Chinese characters starting with a common family name (王五, 欧阳娜娜)."""
    if not _HAN_NAME.fullmatch(text) or not 2 <= len(text) <= 4 or text.endswith(_ORG_ENDINGS):
        return False
    return text[0] in _SURNAMES or text.startswith(_COMPOUND_SURNAMES)
