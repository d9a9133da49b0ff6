"""Bylines: ``(张掖市融媒体中心记者 杨静文 李玉洁)``, ``文/图 记者 张三``, ``By Jane Doe``.

The person names come after a role word (记者, 通讯员, 文/, 图/ …); what comes before the
first role is the newsroom, not a person. Roles such as 编辑 switch name-taking off,
because an editor did not write the piece.
"""

from __future__ import annotations

import re

# Simplified and traditional forms (Big5 pages write 記者, 通訊員, 攝).
_REPORTER = r"(?:记者|記者|通讯员|通訊員|实习生|實習生)"
_ROLE = (
    r"(?:(?:特约|特約|实习|實習|见习|見習|本报|本報|本台|驻[^\s]{1,6}|駐[^\s]{1,6})?"
    + _REPORTER
    + r"|(?:文字|文图|文圖|文|图|圖|摄影|攝影|摄|攝|撰稿|撰文|作者)\s*[/／:：])"
)
_HAS_ROLE = re.compile(_ROLE)
_TOKEN_SPLIT = re.compile(r"[\s、，,;；/／|｜:：]+")
# 和 and 与 also occur inside given names (王和平), so they split a token only when the
# whole token is not a name.
_AND = re.compile(r"[和及与與]")
_WRITER_TOKEN = re.compile(
    r"(?:文字|文图|文圖|文|图|圖|摄影|攝影|摄|攝|撰稿|撰文|作者|.{0,16}" + _REPORTER + ")"
)
_SKIP_TOKEN = re.compile(
    r".{0,6}(?:编辑|編輯|责编|責編|校对|校對|审核|審核|监制|監製|制图|製圖|设计|設計)"
)
# A label after the names (记者 王五 来源：新华社): what follows it is no person's name.
_LABEL_TOKEN = re.compile(r"来源|來源|出处|出處|时间|時間|日期|发布时间|發布時間")
_ROLE_INSIDE = re.compile(_REPORTER)
_NOT_NAMES = frozenset(
    ("报道", "報導", "整理", "编译", "综合", "发自", "供图", "摄影", "本报", "本報", "特约", "联合")
)
_NEWSROOM_ENDINGS = ("社", "网", "網", "台", "报", "報", "中心", "集团", "集團", "频道", "頻道")
_TRAILERS = ("摄影", "攝影", "报道", "報導", "报导", "整理", "供图", "供圖", "摄", "攝")
_CLOSING = re.compile(r"[（(]([^（）()]{2,60})[）)][\s。.]*$")
_OPENING = re.compile(r"^[^（()）]{0,24}?[讯电訊電]\s*[（(]([^（）()]{2,60})[）)]")
_ENGLISH_BY = re.compile(
    r"^(?:By|BY|by)\s+([A-Z][\w.'\-]*(?:[ \t]+[\w.'\-]+){0,6})(?:\s*[,|;—-].*)?$"
)
_NAME_CHARS = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}[·•][\u4e00-\u9fff]{1,8}")
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z.'\-]*")
_SENTENCE_END = re.compile(r"[。！？!?]")
_BYLINE_LINE_MAX = 60


def byline_names(text: str) -> str | None:
    """Person names in a byline, joined by one space; None when there are none."""
    names: list[str] = []
    taking = False
    for token in _TOKEN_SPLIT.split(text.strip("()（）[]【】 ")):
        if _WRITER_TOKEN.fullmatch(token):
            taking = True
            continue
        if _SKIP_TOKEN.fullmatch(token) or _LABEL_TOKEN.fullmatch(token):
            taking = False
            continue
        # 记者王明: a role glued to the name switches name-taking on.
        glued = max((m.end() for m in _ROLE_INSIDE.finditer(token)), default=0)
        if glued:
            taking, token = True, token[glued:]
        if taking:
            names.extend(n for n in _names_in(token) if n not in names)
    return " ".join(names) or None


def _names_in(token: str) -> list[str]:
    """The name(s) in one token: itself, or the parts of 张三和李四."""
    name = _name_in(token)
    if name:
        return [name]
    parts = [_name_in(part) for part in _AND.split(token)]
    return [p for p in parts if p] if len(parts) > 1 else []


def _name_in(token: str) -> str | None:
    """The token as a person name (a trailing 摄 or 报道 removed), or None."""
    for trailer in _TRAILERS:
        if token.endswith(trailer) and len(token) > len(trailer) + 1:
            token = token[: -len(trailer)]
            break
    if token in _NOT_NAMES or token.endswith(_NEWSROOM_ENDINGS):
        return None
    if _NAME_CHARS.fullmatch(token) or _LATIN_NAME.fullmatch(token):
        return token
    return None


def has_role(text: str) -> bool:
    """True when ``text`` names a writer's role (记者, 通讯员, 文/ …)."""
    return _HAS_ROLE.search(text) is not None


def is_byline_line(line: str) -> bool:
    """True for a short standalone byline line such as ``（记者 王明）`` or ``文/张三``."""
    if len(line) > _BYLINE_LINE_MAX or _SENTENCE_END.search(line):
        return False
    inner = line.strip("()（）[]【】 ")
    role = _HAS_ROLE.search(inner)
    # A newsroom name may stand before the role (新华社记者), but not a whole sentence.
    if role is None or role.start() > 16:
        return False
    return byline_names(inner) is not None


def split_closing_byline(paragraph: str) -> tuple[str, str] | None:
    """Split ``…环境。(记者 杨静文)`` into (body, byline); None when there is no byline."""
    match = _CLOSING.search(paragraph)
    if match is None or _HAS_ROLE.search(match[1]) is None:
        return None
    if byline_names(match[1]) is None:
        return None
    return paragraph[: match.start()].rstrip(), paragraph[match.start() :].strip()


def opening_byline_names(paragraph: str) -> str | None:
    """Names in a dateline byline such as ``本报讯（记者 王明 通讯员 李四）…``."""
    match = _OPENING.match(paragraph)
    if match is None or _HAS_ROLE.search(match[1]) is None:
        return None
    return byline_names(match[1])


def english_byline(line: str) -> str | None:
    """The names in an English ``By Jane Doe`` line, or None."""
    match = _ENGLISH_BY.match(line)
    if match is None or len(line) > _BYLINE_LINE_MAX:
        return None
    return match[1].strip() or None
