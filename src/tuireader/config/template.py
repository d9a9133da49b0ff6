"""The commented config file that ``tuireader config --init`` writes.

Every setting is shown with its default, so the file doubles as the reference; the
README quotes it. A test loads it and checks it gives exactly the defaults.
"""

from __future__ import annotations

CONFIG_TEMPLATE = """\
# tuireader configuration (YAML).
# Written by `tuireader config --init`; `tuireader config --path` prints where it lives.
# Every setting is optional: remove a line and its default applies. A mistake here is
# reported with its line number and tuireader carries on with the defaults.

# Your libraries: a name and a folder each. Open one with `tuireader --library NAME`,
# or switch while reading from the command palette (ctrl+p). Each library has its own
# catalog; read marks, reading positions, bookmarks and notes are shared by all.
libraries:
  # news: ~/articles/news
  # notes: ~/Documents/notes

# The library opened when no folder and no --library is given: one of the names above,
# or a folder. Without it, the first library above, else the bundled samples.
# library: news

# The colour theme: textual-dark, textual-light, nord, gruvbox, tokyo-night, ...
# (ctrl+p, "Change theme" lists them all; a theme picked there is remembered and used
# instead of this one).
theme: textual-dark

# The widest the text column gets, in terminal cells (20 to 400).
reading_width: 80

# When an article counts as read: "open" (as soon as it is opened), "end" (when you
# reach its end) or "never" (only when you press m).
mark_read: open

# How Chinese text is shown: "original" (as written), "simplified" or "traditional".
# t switches while reading; bookmarks, find and positions always use the text as written.
script: original

# The library screen's layout: "auto" follows the terminal's size (wide from 100x28:
# tree, list and reader side by side; medium from 60x16: the tree folded away, the list
# stacked above the reader (or beside it from 130 columns); smaller: reader, one pane at
# a time). "wide", "medium" or "reader" always use that one. w switches while reading;
# the choice, the pane sizes (ctrl+arrows, or drag a border) and full screen are
# remembered per library.
layout: auto

# How dates are shown in the article list, in strftime codes.
date_format: "%Y-%m-%d"

# Symbolic links in a library: "inside" follows a link only when it leads to a file or
# folder inside the library, "all" follows every link, "none" follows none. A link not
# followed is listed as a problem; /proc, /sys and /dev are never read.
follow_links: inside

# Encodings for files whose encoding is guessed wrong: a pattern of files, relative to
# the library folder (as in .gitignore: * within a name, ** any folders, a plain name a
# folder and everything in it) and an encoding (gb18030, gbk, big5, euc-tw, utf-8, ...).
# The first pattern that matches a file counts. Under a library's name (from libraries
# above), patterns for that library alone. A file is read again when its setting changes.
encodings:
  # archive: gb18030
  # "*.big5.txt": big5
  # news:
  #   "old/**": gbk

# Key remaps: a binding id and the keys for it, comma-separated (Textual's key names:
# n, N, ctrl+n, f5, question_mark, ...). The ids are listed in the README, under "Keys".
# A key already bound where the binding works must be freed first (below, n is find's
# next hit until find.next gets ctrl+n); keys terminals cannot send as themselves
# (ctrl+h is backspace, ctrl+i tab, ctrl+m enter) are refused. A remap that is refused
# is reported with its line, and the binding keeps its own keys.
keys:
  # article.next: n
  # find.next: ctrl+n
  # app.help: "question_mark,f1"
"""
