"""Styles of the reading pane: its CSS, component classes and the role → style palette.

Every role is a component class styled with theme variables, so dark and light themes
(and the user's own CSS) stay legible; the palette turns them into Rich styles once per
style change, for the row drawing to use.
"""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget

from tuireader.ui.widgets.reader.draw import LAYERS, SPAN_STYLES
from tuireader.ui.widgets.reader.syntax import ROLES as SYNTAX_ROLES

# Style role -> component classes added (in order) on top of the widget's base style.
ROLE_CLASSES: dict[str, tuple[str, ...]] = {
    "title": ("reader--title",),
    "meta": ("reader--meta",),
    "rule": ("reader--rule",),
    "paragraph": (),
    "list": (),
    "marker": ("reader--marker",),
    "heading": ("reader--heading",),
    "heading1": ("reader--heading", "reader--heading-1"),
    "heading2": ("reader--heading", "reader--heading-2"),
    "quote": ("reader--quote",),
    "code": ("reader--code",),
    "abstract": ("reader--abstract",),
    "ruby": ("reader--ruby",),  # the pinyin line above a line of text
    "table": (),
    "table_header": ("reader--table-header",),
    "more": ("reader--more",),  # "more →" where a code line or wide table is cut
}
# Styles added on top of a role's: highlight layers, inline spans, syntax colours.
LAYER_CLASSES = {
    name: f"reader--{name.replace('_', '-')}"
    for name in (*LAYERS, *SPAN_STYLES.values(), *SYNTAX_ROLES)
}
COMPONENT_CLASSES = {
    *(name for names in ROLE_CLASSES.values() for name in names),
    *LAYER_CLASSES.values(),
}

READER_CSS = """
ArticleReader {
    overflow-x: hidden;
    overflow-y: auto;
    scrollbar-gutter: stable;
    background: $surface;
    color: $foreground;
    & > .reader--title { text-style: bold; color: $text; }
    & > .reader--meta { color: $text-muted; }
    & > .reader--rule { color: $text-muted; }
    & > .reader--marker { color: $text-accent; }
    & > .reader--heading { text-style: bold; color: $text; }
    & > .reader--heading-1 { text-style: bold underline; color: $text-accent; }
    & > .reader--heading-2 { color: $text-accent; }
    & > .reader--quote { text-style: italic; color: $text-muted; }
    & > .reader--code { background: $panel; color: $text; }
    & > .reader--abstract { text-style: italic; color: $text-muted; }
    & > .reader--ruby { color: $text-accent; }
    & > .reader--table-header { text-style: bold; color: $text; }
    & > .reader--more { background: $panel; color: $text-accent; text-style: bold; }
    & > .reader--span-link { color: $text-primary; text-style: underline; }
    & > .reader--span-em { text-style: italic; }
    & > .reader--span-strong { text-style: bold; }
    & > .reader--span-code { background: $panel; color: $text-accent; }
    & > .reader--span-strike { text-style: strike; color: $text-muted; }
    & > .reader--syntax-keyword { color: $text-accent; text-style: bold; }
    & > .reader--syntax-name { color: $text-primary; }
    & > .reader--syntax-string { color: $text-success; }
    & > .reader--syntax-number { color: $text-warning; }
    & > .reader--syntax-comment { color: $text-muted; text-style: italic; }
    & > .reader--link { background: $accent 55%; color: $text; text-style: bold underline; }
    & > .reader--bookmark { background: $success 25%; }
    & > .reader--selection { background: $primary 45%; }
    & > .reader--search { background: $warning 35%; }
    & > .reader--search-current { background: $warning 80%; color: $text; text-style: bold; }
}
"""


def build_palette(widget: Widget) -> dict[str, Style]:
    """Role → Rich style: roles on top of the widget's base style, layers on their own."""
    base = widget.rich_style
    palette = {"base": base}
    for role, names in ROLE_CLASSES.items():
        palette[role] = base + sum((component_style(widget, n) for n in names), Style())
    for layer, name in LAYER_CLASSES.items():
        palette[layer] = component_style(widget, name)
    return palette


def component_style(widget: Widget, name: str) -> Style:
    """Only what a component's rules set, with colours blended as the theme intends
    (a partial style drops the alpha of ``$warning 35%``; the full one blends it)."""
    full = widget.get_component_rich_style(name)
    own = widget.get_component_rich_style(name, partial=True)
    colours = Style(
        color=full.color if own.color else None,
        bgcolor=full.bgcolor if own.bgcolor else None,
    )
    return colours + own.without_color
