"""Code blocks highlighted by their fence's language, in the theme's colours.

Pure (no Textual). Pygments (which Rich already brings) cuts a code block into tokens;
each token kind maps to one of a few style roles (``syntax_keyword``, ``syntax_string``
…) that the reader's CSS colours with theme variables, so highlighted code follows the
dark and light themes like the rest of the pane instead of carrying a Pygments palette.
Only a language the fence names is used (guessing is slow and often wrong); a block
larger than :data:`MAX_HIGHLIGHT` is shown plain, so a hostile file costs nothing.
"""

from __future__ import annotations

from functools import lru_cache

from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.token import Comment, Keyword, Name, Number, String, Token
from pygments.util import ClassNotFound

#: Characters of code beyond which a block is not highlighted.
MAX_HIGHLIGHT = 100_000
#: Style roles, most specific token kind first (a kind matches its sub-kinds too).
_ROLES: tuple[tuple[object, str], ...] = (
    (Comment, "syntax_comment"),
    (String, "syntax_string"),
    (Number, "syntax_number"),
    (Keyword, "syntax_keyword"),
    (Name.Builtin, "syntax_name"),
    (Name.Function, "syntax_name"),
    (Name.Class, "syntax_name"),
    (Name.Decorator, "syntax_name"),
    (Name.Tag, "syntax_keyword"),
    (Name.Attribute, "syntax_name"),
)
ROLES = tuple(sorted({role for _, role in _ROLES}))

Piece = tuple[str, int, int]  # (style role, start, end) in the block's text


def highlight(code: str, language: str | None) -> list[Piece]:
    """Style pieces of ``code`` written in ``language`` (none when unknown or too big)."""
    if not language or not code or len(code) > MAX_HIGHLIGHT:
        return []
    lexer = _lexer(language.strip().lower())
    if lexer is None:
        return []
    pieces: list[Piece] = []
    try:
        tokens = lexer.get_tokens_unprocessed(code)
        for start, kind, text in tokens:
            role = _role(kind)
            if role is not None and text:
                pieces.append((role, start, start + len(text)))
    except Exception:  # a lexer's own bug must not cost the article: show it plain
        return []
    return pieces


@lru_cache(maxsize=64)
def _lexer(language: str) -> Lexer | None:
    """The Pygments lexer for a fence's language name, if there is one."""
    try:
        return get_lexer_by_name(language, stripnl=False, ensurenl=False)
    except (ClassNotFound, ValueError):
        return None


@lru_cache(maxsize=256)
def _role(kind: object) -> str | None:
    """The style role of a token kind (None: drawn in the code's own colour)."""
    for parent, role in _ROLES:
        if kind in parent:  # type: ignore[operator]
            return role
    if kind in Token.Literal.String:
        return "syntax_string"
    return None
