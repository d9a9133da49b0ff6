"""The Textual widgets: section tree, article list and bookmark list (one CursorList),
the reader (``widgets/reader/``), find bar, note strip, status line, progress row,
dictionary panel and footer. Widgets post messages up and never reach into a screen."""
