"""Import the reader widget, with a small stand-in while the real one is being written.

The stand-in shows blocks as plain paragraphs and reports block-level positions. It
keeps the app runnable and testable until ``ui/widgets/reader.py`` lands.
"""

from __future__ import annotations

try:
    from tuireader.ui.widgets.reader import ArticleReader
except ImportError:  # pragma: no cover - removed once the reader widget exists
    from tuireader.ui.widgets.reader_standin import ArticleReader

__all__ = ["ArticleReader"]
