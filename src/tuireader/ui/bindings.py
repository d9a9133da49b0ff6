"""Every key binding of the app in one table, keyed by binding id.

Widgets and screens build their ``BINDINGS`` from this table, the help screen lists it and
the command palette offers the same actions. Users remap a binding from the config file
(``keys: {article.next: "n"}``), which ``App.set_keymap`` applies by id.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from textual.binding import Binding, BindingType
from textual.keys import format_key


@dataclass(frozen=True, slots=True)
class KeySpec:
    """One binding: where it lives, its keys, the action it runs and words for people."""

    id: str
    scope: str  # a key of SCOPE_TITLES: "app", "main", "list", "tree", "find", ...
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
        "Return to the article visited before",
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
        "Read with the tree and list hidden",
        True,
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
KEY_TABLE = KEY_TABLE + tuple(
    KeySpec(s.id, s.scope, s.keys, s.action, s.description, s.tooltip, s.show, False, s.display)
    for s in _SCREEN_KEYS  # none of them belongs in the library screen's palette
)


def specs(scope: str) -> list[KeySpec]:
    """The bindings of one scope, in table order."""
    return [spec for spec in KEY_TABLE if spec.scope == scope]


def spec_of(binding_id: str) -> KeySpec:
    """The table's binding with id ``binding_id`` (KeyError if there is none)."""
    for spec in KEY_TABLE:
        if spec.id == binding_id:
            return spec
    raise KeyError(binding_id)


def bindings(scope: str) -> list[BindingType]:
    """Textual ``Binding`` objects for one scope (each with its id, for remapping)."""
    return [
        Binding(
            spec.keys,
            spec.action,
            spec.description,
            show=spec.show,
            key_display=spec.display,
            tooltip=spec.tooltip,
            id=spec.id,
        )
        for spec in specs(scope)
    ]


def key_label(spec: KeySpec, keymap: dict[str, str] | None = None) -> str:
    """The keys of a binding as people write them (``?, f1``), honouring a remap."""
    keys = (keymap or {}).get(spec.id, spec.keys)
    return ", ".join(_key_name(key.strip()) for key in keys.split(","))


def _key_name(key: str) -> str:
    """``question_mark`` → ``?`` and ``slash`` → ``/``; other names stay as they are."""
    shown = format_key(key)
    return shown if len(shown) == 1 and shown in string.punctuation else key
