"""Every key binding of the app in one table, keyed by binding id, and the check of the
config file's remaps against it.

Plain data with no textual: the UI builds its ``Binding`` objects from this table
(:mod:`tuireader.ui.bindings`), the help screen and the README list it, and
``tuireader config`` checks remaps against it without starting the UI. A remap
(``keys: {article.next: "ctrl+n"}``) is kept only when it is sound: its id is in the
table, every key is one a terminal can send as itself, and no key is already bound
where the binding works (:data:`CONTEXTS`); otherwise it is reported with its line and
the binding keeps its default keys.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class KeySpec:
    """One binding: where it lives, its keys, the action it runs and words for people."""

    id: str
    scope: str  # a key of SCOPE_TITLES: "app", "main", "list", "tree", "reader", ...
    keys: str
    action: str
    description: str
    tooltip: str = ""
    show: bool = False
    palette: bool = True  # offered in the command palette
    display: str | None = None


SCOPE_TITLES = {
    "main": "Anywhere in the library",
    "list": "Article list",
    "tree": "Section tree",
    "app": "Application",
    "reader": "Reading an article",
    "find": "Find bar (/)",
    "search": "Library search (ctrl+s)",
    "bookmarks": "Bookmarks (B)",
    "bookmark_list": "Bookmarks (B)",  # the list inside the bookmarks screen
    "editor": "Note editor (a)",
    "dictionary": "Dictionary (d)",
    "stats": "Statistics (i)",
}

KEY_TABLE: tuple[KeySpec, ...] = (
    KeySpec("pane.next", "app", "tab", "app.focus_next", "Next pane", palette=False),
    KeySpec(
        "pane.previous", "app", "shift+tab", "app.focus_previous", "Previous pane", palette=False
    ),
    KeySpec(
        "app.help", "main", "question_mark,f1", "help", "Help", "List every key", True, display="?"
    ),
    KeySpec(
        "app.palette", "app", "ctrl+p", "app.command_palette", "Command palette", palette=False
    ),
    KeySpec(
        "app.back",
        "main",
        "q,escape",
        "go_back",
        "Back / quit",
        "Leave the reader, then quit",
        True,
        display="q",
    ),
    KeySpec(
        "reader.to_list",
        "main",
        "h",
        "to_list",
        "To the list",
        "Leave the reader for the article list",
        palette=False,
    ),
    KeySpec("app.quit", "app", "ctrl+q", "app.quit", "Quit", "Quit tuireader"),
    KeySpec(
        "article.next",
        "main",
        "J",
        "next_article",
        "Next article",
        "Open the next article in the list",
        True,
    ),
    KeySpec(
        "article.previous",
        "main",
        "K",
        "previous_article",
        "Previous article",
        "Open the previous article in the list",
        True,
    ),
    KeySpec(
        "article.next_unread",
        "main",
        "right_square_bracket",
        "next_unread",
        "Next unread",
        "Open the next unread article",
        display="]",
    ),
    KeySpec(
        "article.previous_unread",
        "main",
        "left_square_bracket",
        "previous_unread",
        "Previous unread",
        "Open the previous unread article",
        display="[",
    ),
    KeySpec(
        "history.back",
        "main",
        "ctrl+o",
        "history_back",
        "Back in history",
        "Return to the article visited before (or to where a followed link was)",
    ),
    KeySpec(
        "history.forward",
        "main",
        "ctrl+i",
        "history_forward",
        "Forward in history",
        "Go forward again (many terminals send ctrl+i as tab: use the palette)",
    ),
    KeySpec(
        "article.toggle_read",
        "main",
        "m",
        "toggle_read",
        "Toggle read",
        "Mark the article read or unread",
        True,
    ),
    KeySpec(
        "section.mark_read",
        "main",
        "A",
        "mark_section_read",
        "Mark section read",
        "Mark every article of the section read",
    ),
    KeySpec(
        "marks.undo",
        "main",
        "U",
        "undo_marks",
        "Undo read marks",
        "Undo the last m or A (the marks it changed go back)",
    ),
    KeySpec(
        "list.unread_only",
        "main",
        "u",
        "toggle_unread_only",
        "Only unread",
        "Show only unread articles, or all",
        True,
    ),
    KeySpec("list.sort", "main", "s", "cycle_sort", "Sort", "Sort by date or by title", True),
    KeySpec(
        "reader.fullscreen",
        "main",
        "f",
        "toggle_fullscreen",
        "Full screen",
        "Read with the tree and list hidden (remembered: the next start reads so too)",
        True,
    ),
    # The layout (ui/controllers/layout.py): w switches it, ctrl+arrows size the panes.
    KeySpec(
        "layout.cycle",
        "main",
        "w",
        "cycle_layout",
        "Layout",
        "Switch the layout: auto (by the terminal's size), wide, medium, reader",
    ),
    KeySpec(
        "layout.tree_narrower",
        "main",
        "ctrl+left",
        "resize_panes(-1, 0)",
        "Narrower tree",
        "Make the section tree (or the list beside the reader) narrower; or drag the bar",
    ),
    KeySpec(
        "layout.tree_wider",
        "main",
        "ctrl+right",
        "resize_panes(1, 0)",
        "Wider tree",
        "Make the section tree (or the list beside the reader) wider; or drag the bar",
    ),
    KeySpec(
        "layout.list_shorter",
        "main",
        "ctrl+up",
        "resize_panes(0, -1)",
        "Shorter list",
        "Show fewer rows of the article list (or drag the bar)",
    ),
    KeySpec(
        "layout.list_taller",
        "main",
        "ctrl+down",
        "resize_panes(0, 1)",
        "Taller list",
        "Show more rows of the article list (or drag the bar)",
    ),
    KeySpec(
        "library.problems", "main", "P", "show_problems", "Problems", "Files that could not be read"
    ),
    KeySpec("library.rescan", "main", "r", "rescan", "Rescan", "Look for new and changed files"),
    KeySpec(
        "article.open_url",
        "main",
        "o",
        "open_url",
        "Open source URL",
        "Open the article's web address in the browser (asks first)",
    ),
    # Bookmarks and notes (ui/controllers/bookmarks.py, notes.py).
    KeySpec(
        "bookmark.add",
        "main",
        "b",
        "bookmark",
        "Bookmark",
        "Bookmark the article, or the selected passage",
    ),
    KeySpec(
        "bookmark.select",
        "main",
        "v",
        "select_passage",
        "Select passage",
        "Select a passage by sentence (j/k grow it)",
    ),
    KeySpec(
        "bookmark.grow",
        "main",
        "right_parenthesis",
        "grow_selection(1)",
        "Next sentence",
        "Select one sentence more (starts a selection)",
        palette=False,
        display=")",
    ),
    KeySpec(
        "bookmark.shrink",
        "main",
        "left_parenthesis",
        "grow_selection(-1)",
        "Previous sentence",
        "Select one sentence less (or one back)",
        palette=False,
        display="(",
    ),
    KeySpec(
        "bookmark.note", "main", "a", "edit_note", "Note", "Add or edit the note of the bookmark"
    ),
    KeySpec(
        "bookmark.copy",
        "main",
        "y",
        "copy_passage",
        "Copy passage",
        "Copy the passage with title, source and date",
    ),
    KeySpec(
        "bookmark.list", "main", "B", "show_bookmarks", "Bookmarks", "All bookmarks and notes", True
    ),
    # Reading aids (ui/controllers/aids.py): dictionary, pinyin, 简/繁, statistics.
    KeySpec(
        "reader.dictionary",
        "main",
        "d",
        "lookup_word",
        "Dictionary",
        "Look up the word here, or the selected passage",
    ),
    KeySpec("reader.pinyin", "main", "p", "toggle_pinyin", "Pinyin", "Pinyin above the text"),
    KeySpec(
        "reader.script",
        "main",
        "t",
        "cycle_script",
        "简/繁",
        "Show Chinese as written, in Simplified or in Traditional characters",
    ),
    KeySpec("app.stats", "main", "i", "show_stats", "Statistics", "Reading statistics"),
    KeySpec(
        "article.info",
        "main",
        "I",
        "show_info",
        "Article info",
        "Everything the article says about itself: source, issue, authors, labels",
    ),
    # Search (ui/controllers/find.py, searching.py).
    KeySpec("find.open", "main", "slash", "find", "Find", "Find in the article", display="/"),
    KeySpec("find.next", "main", "n", "find_next", "Next hit", "Next hit (then the next result)"),
    KeySpec(
        "find.previous", "main", "N", "find_previous", "Previous hit", "Previous hit, wrapping"
    ),
    KeySpec(
        "search.library",
        "main",
        "ctrl+s,S",
        "library_search",
        "Search library",
        "Search every article of the library",
        palette=True,
    ),
    KeySpec("list.down", "list", "j,down", "cursor_down", "Next article", palette=False),
    KeySpec("list.up", "list", "k,up", "cursor_up", "Previous article", palette=False),
    KeySpec(
        "list.page_down", "list", "pagedown,space,ctrl+f", "page_down", "Page down", palette=False
    ),
    KeySpec(
        "list.page_up", "list", "pageup,shift+space,ctrl+b", "page_up", "Page up", palette=False
    ),
    KeySpec("list.half_down", "list", "ctrl+d", "half_page_down", "Half page down", palette=False),
    KeySpec("list.half_up", "list", "ctrl+u", "half_page_up", "Half page up", palette=False),
    KeySpec("list.top", "list", "g,home", "first", "First article", palette=False),
    KeySpec("list.bottom", "list", "G,end", "last", "Last article", palette=False),
    KeySpec("list.open", "list", "enter,l", "open", "Open", palette=False),
    KeySpec(
        "list.to_tree", "list", "h", "app.focus_previous", "To the section tree", palette=False
    ),
    KeySpec("tree.down", "tree", "j", "cursor_down", "Next section", palette=False),
    KeySpec("tree.up", "tree", "k", "cursor_up", "Previous section", palette=False),
    KeySpec(
        "tree.collapse", "tree", "h,left", "collapse_or_parent", "Collapse / parent", palette=False
    ),
    KeySpec(
        "tree.expand", "tree", "l,right", "expand_or_list", "Expand / to the list", palette=False
    ),
    KeySpec("tree.top", "tree", "g,home", "first", "First section", palette=False),
    KeySpec("tree.bottom", "tree", "G,end", "last", "Last section", palette=False),
    KeySpec(
        "tree.forget_saved",
        "tree",
        "d,delete",
        "forget_saved",
        "Forget saved search",
        "Delete the saved search under the cursor (press twice)",
        palette=False,
    ),
)


# The reader widget's own keys (ui/widgets/reader): scrolling, sideways for wide code and
# tables, links, and escape to drop a selection (while a passage is being selected, the
# line keys grow or shrink it). Links are chosen with l / L, not Tab / shift+Tab as in a
# browser: Tab already moves between the panes everywhere (pane.next), and that binding
# stays; ctrl+o (history.back) brings you back from a followed link.
_READER_KEYS = (
    KeySpec(
        "reader.line_down",
        "reader",
        "j,down",
        "line_down",
        "Line down",
        "Scroll one line down (grow the selection while selecting)",
    ),
    KeySpec(
        "reader.line_up",
        "reader",
        "k,up",
        "line_up",
        "Line up",
        "Scroll one line up (shrink the selection while selecting)",
    ),
    KeySpec(
        "reader.page_down",
        "reader",
        "space,pagedown,ctrl+f",
        "page_down",
        "Page down",
        "Scroll a page down, keeping one line of context",
        show=True,
    ),
    KeySpec(
        "reader.page_up",
        "reader",
        "shift+space,pageup,ctrl+b",
        "page_up",
        "Page up",
        "Scroll a page up, keeping one line of context",
        show=True,
    ),
    KeySpec(
        "reader.half_down",
        "reader",
        "ctrl+d",
        "half_page_down",
        "Half page down",
        "Scroll half a page down",
    ),
    KeySpec(
        "reader.half_up",
        "reader",
        "ctrl+u",
        "half_page_up",
        "Half page up",
        "Scroll half a page up",
    ),
    KeySpec("reader.top", "reader", "g,home", "top", "Top", "Go to the title"),
    KeySpec("reader.bottom", "reader", "G,end", "bottom", "Bottom", "Go to the last line"),
    KeySpec(
        "reader.right",
        "reader",
        "right",
        "sideways(1)",
        "Scroll right",
        "Scroll code and wide tables right (the text stays put)",
    ),
    KeySpec(
        "reader.left",
        "reader",
        "left",
        "sideways(-1)",
        "Scroll left",
        "Scroll code and wide tables back left",
    ),
    KeySpec(
        "reader.next_link",
        "reader",
        "l",
        "next_link",
        "Next link",
        "Choose the next link in the article (Enter follows it)",
        show=True,
    ),
    KeySpec(
        "reader.previous_link",
        "reader",
        "L",
        "previous_link",
        "Previous link",
        "Choose the previous link in the article",
    ),
    KeySpec(
        "reader.follow_link",
        "reader",
        "enter",
        "follow_link",
        "Follow link",
        "Follow the chosen link: another article, a heading, or a web page (asks)",
    ),
    KeySpec(
        "reader.unselect",
        "reader",
        "escape",
        "clear_selection",
        "Cancel selection",
        "Drop the passage being selected",
    ),
)

# The find bar, the search screen, the bookmarks screen and the note editor: their
# own keys, taken from here so the help lists them and the config can remap them by id.
_SCREEN_KEYS = (
    KeySpec("dictionary.close", "dictionary", "escape,q,d", "close", "Close", show=True),
    KeySpec("stats.close", "stats", "escape,q,i", "close", "Back", show=True),
    KeySpec("find.close", "find", "escape", "close", "Close find", "Close the find bar"),
    KeySpec("find.regex", "find", "ctrl+r", "toggle_regex", "Regex", "Regular expression on/off"),
    KeySpec("search.close", "search", "escape", "close", "Back", show=True),
    KeySpec("search.down", "search", "down", "move(1)", "Next result"),
    KeySpec("search.up", "search", "up", "move(-1)", "Previous result"),
    KeySpec("search.page_down", "search", "pagedown", "move(5)", "Page down"),
    KeySpec("search.page_up", "search", "pageup", "move(-5)", "Page up"),
    KeySpec("search.open", "search", "enter", "open", "Open", "Open the chosen result"),
    KeySpec(
        "search.save",
        "search",
        "ctrl+s",
        "save",
        "Save search",
        "Save the search (or forget it, if saved)",
        show=True,
    ),
    KeySpec("bookmarks.close", "bookmarks", "escape,q", "close", "Back", "Back to reading", True),
    KeySpec(
        "bookmarks.filter",
        "bookmarks",
        "slash",
        "focus_filter",
        "Filter",
        "Filter",
        True,
        display="/",
    ),
    KeySpec(
        "bookmarks.note", "bookmarks", "a,e", "edit_note", "Note", "Add or edit the note", True
    ),
    KeySpec("bookmarks.delete", "bookmarks", "d,delete", "delete", "Delete", "Delete", True),
    KeySpec(
        "bookmarks.undo", "bookmarks", "u", "undo", "Undo", "Bring back the last deleted", True
    ),
    KeySpec("bookmarks.down", "bookmark_list", "j,down", "cursor_down", "Next"),
    KeySpec("bookmarks.up", "bookmark_list", "k,up", "cursor_up", "Previous"),
    KeySpec("bookmarks.page_down", "bookmark_list", "pagedown,space", "page_down", "Page down"),
    KeySpec("bookmarks.page_up", "bookmark_list", "pageup", "page_up", "Page up"),
    KeySpec("bookmarks.first", "bookmark_list", "g,home", "first", "First"),
    KeySpec("bookmarks.last", "bookmark_list", "G,end", "last", "Last"),
    KeySpec(
        "bookmarks.open", "bookmark_list", "enter,l", "open", "Open", "Open at the passage", True
    ),
    KeySpec("note.save", "editor", "ctrl+s", "save", "Save", "Save the note", True),
    KeySpec("note.cancel", "editor", "escape", "cancel", "Cancel", "Close without saving", True),
)
KEY_TABLE = (
    KEY_TABLE
    + _READER_KEYS
    + tuple(
        KeySpec(s.id, s.scope, s.keys, s.action, s.description, s.tooltip, s.show, False, s.display)
        for s in _SCREEN_KEYS  # none of them belongs in the library screen's palette
    )
)

#: Where bindings work together: each context lists the scopes whose keys are live at
#: once (the focused widget's, its screen's, the app's), so one key must not be bound
#: twice within a context. A widget's key shadows its screen's: that is a clash too.
CONTEXTS: dict[str, tuple[str, ...]] = {
    "the article list": ("list", "main", "app"),
    "the section tree": ("tree", "main", "app"),
    "the reader": ("reader", "main", "app"),
    "the find bar": ("find", "main", "app"),
    "the dictionary": ("dictionary", "main", "app"),
    "the library search": ("search", "app"),
    "the bookmarks screen": ("bookmark_list", "bookmarks", "app"),
    "the note editor": ("editor", "app"),
    "the statistics": ("stats", "app"),
}

# A scope's place, for a clash within it.
_PLACES = {
    "main": "on the library screen",
    "app": "on every screen",
    "bookmarks": "on the bookmarks screen",
}
_BY_ID = {spec.id: spec for spec in KEY_TABLE}

#: Keys a terminal does not send as themselves: what arrives instead. (The kitty
#: keyboard protocol can tell some apart, but most terminals send these bytes.)
ARRIVES_AS = {
    "ctrl+h": "backspace",
    "ctrl+i": "tab",
    "ctrl+m": "enter",
    "ctrl+left_square_bracket": "escape",
    "ctrl+left_square_brace": "escape",
    "ctrl+[": "escape",
    "ctrl+3": "escape",
    "ctrl+8": "backspace",
    "ctrl+2": "ctrl+@",
    "ctrl+slash": "ctrl+underscore",
    "ctrl+7": "ctrl+underscore",
}
# Textual's names for some punctuation keys (the rest are their Unicode names).
_KEY_NAME_REPLACEMENTS = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}


def key_name(key: str) -> str:
    """A key as Textual names it: ``?`` is ``question_mark``, ``J`` stays ``J``."""
    key = key.strip()
    if len(key) != 1 or key.isalnum():
        return key
    try:
        name = unicodedata.name(key).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        return key
    return _KEY_NAME_REPLACEMENTS.get(name, name)


def cannot_send(key: str) -> str | None:
    """Why terminals cannot send ``key`` as itself (what arrives instead), or None."""
    if key in ARRIVES_AS:
        return f"terminals send {key} as {ARRIVES_AS[key]}"
    modifiers, _, base = key.rpartition("+")
    if "shift" in modifiers.split("+") and len(base) == 1 and base.isalpha():
        if modifiers == "shift":
            return f"terminals send {key} as {base.upper()}: write {base.upper()}"
        return f"terminals send {key} as {key.replace('shift+', '')}"
    return None


@dataclass(frozen=True)
class RemapProblem:
    """A remap left out, and why (for the config's problem lines)."""

    binding_id: str
    message: str


def check_remaps(keys: dict[str, str]) -> tuple[dict[str, str], list[RemapProblem]]:
    """The remaps of ``keys`` (id → comma-separated keys) that can be kept, and a problem
    for each one left out: an unknown id, a key terminals cannot send, or a key already
    bound where the binding works. A remap left out leaves its binding's default keys."""
    known = _BY_ID
    kept: dict[str, str] = {}
    problems: list[RemapProblem] = []
    for binding_id, text in keys.items():
        if binding_id not in known:
            problems.append(
                RemapProblem(binding_id, f"keys: no binding has the id {binding_id!r}; ignored")
            )
            continue
        names = [key_name(key) for key in text.split(",") if key.strip()]
        unsendable = [why for why in map(cannot_send, names) if why]
        if unsendable:
            problems.append(
                RemapProblem(
                    binding_id,
                    f"keys: {binding_id}: {'; '.join(unsendable)}; "
                    f"keeping {_default_keys(known[binding_id])}",
                )
            )
            continue
        kept[binding_id] = ",".join(dict.fromkeys(names))
    while clash := _first_clash(kept):  # dropping a remap brings back defaults: again
        binding_id, message = clash
        del kept[binding_id]
        problems.append(RemapProblem(binding_id, message))
    return kept, problems


def _first_clash(remaps: dict[str, str]) -> tuple[str, str] | None:
    """The first remap (in the file's order) that takes a key another binding has in a
    context where both work, with the problem's words; None when there is none. Only a
    remap's new keys count: the table's own overlaps (``h`` in the list and the reader)
    are meant."""
    keys_of = {spec.id: _keys(remaps.get(spec.id, spec.keys)) for spec in KEY_TABLE}
    for binding_id in remaps:
        spec = _BY_ID[binding_id]
        new = [key for key in keys_of[binding_id] if key not in _keys(spec.keys)]
        for context, scopes in CONTEXTS.items():
            if spec.scope not in scopes:
                continue
            for other in KEY_TABLE:
                if other.id == binding_id or other.scope not in scopes:
                    continue
                taken = [key for key in new if key in keys_of[other.id]]
                if taken:
                    within = f"in {context}"
                    where = _PLACES.get(spec.scope, within) if other.scope == spec.scope else within
                    return binding_id, (
                        f"keys: {binding_id}: {taken[0]} is already the key of {other.id} "
                        f"({other.description}) {where}; keeping {_default_keys(spec)} "
                        f"(remap {other.id} too, to free it)"
                    )
    return None


def _keys(text: str) -> list[str]:
    """The Textual key names of a comma-separated key list."""
    return [key_name(key) for key in text.split(",") if key.strip()]


def _default_keys(spec: KeySpec) -> str:
    """A binding's default keys, for a problem line."""
    return ", ".join(_keys(spec.keys))
