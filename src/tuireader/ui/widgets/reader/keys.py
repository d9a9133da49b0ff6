"""The keys of :class:`~tuireader.ui.widgets.reader.article_reader.ArticleReader`: line, page, half page,
ends, sideways for wide code and tables, links, and escape to drop a selection (while a passage is being selected, the line keys
grow or shrink it by a sentence). They are the key table's ``reader`` scope, so the help,
the README and the config's remaps know them by their ``reader.*`` ids (links are
``l`` / ``L``: Tab keeps moving between the panes, see ``config/key_table.py``).
"""

from __future__ import annotations

from textual.binding import BindingType

from tuireader.ui.bindings import bindings

READER_BINDINGS: list[BindingType] = bindings("reader")
