"""The keys of :class:`~tuireader.ui.widgets.reader.article_reader.ArticleReader`: line, page, half page,
ends, and escape to drop a selection (while a passage is being selected, the line keys
grow or shrink it by a sentence). The README's key table is generated from this list.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

# Ids are "reader.*" so the app can remap them from the config file.
READER_BINDINGS: list[BindingType] = [
    Binding(
        "j,down",
        "line_down",
        "Line down",
        show=False,
        id="reader.line_down",
        tooltip="Scroll one line down (grow the selection while selecting)",
    ),
    Binding(
        "k,up",
        "line_up",
        "Line up",
        show=False,
        id="reader.line_up",
        tooltip="Scroll one line up (shrink the selection while selecting)",
    ),
    Binding(
        "space,pagedown,ctrl+f",
        "page_down",
        "Page down",
        id="reader.page_down",
        tooltip="Scroll a page down, keeping one line of context",
    ),
    Binding(
        "shift+space,pageup,ctrl+b",
        "page_up",
        "Page up",
        id="reader.page_up",
        tooltip="Scroll a page up, keeping one line of context",
    ),
    Binding(
        "ctrl+d",
        "half_page_down",
        "Half page down",
        show=False,
        id="reader.half_down",
        tooltip="Scroll half a page down",
    ),
    Binding(
        "ctrl+u",
        "half_page_up",
        "Half page up",
        show=False,
        id="reader.half_up",
        tooltip="Scroll half a page up",
    ),
    Binding("g,home", "top", "Top", show=False, id="reader.top", tooltip="Go to the title"),
    Binding(
        "G,end",
        "bottom",
        "Bottom",
        show=False,
        id="reader.bottom",
        tooltip="Go to the last line",
    ),
    Binding(
        "escape",
        "clear_selection",
        "Cancel selection",
        show=False,
        id="reader.unselect",
        tooltip="Drop the passage being selected",
    ),
]
