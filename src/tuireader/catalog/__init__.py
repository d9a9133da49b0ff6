"""The catalog: a rebuildable SQLite cache of one library (articles, sections, full-text index) and its queries."""

from tuireader.catalog.store import (
    ArticleRow,
    Catalog,
    LibraryMissingError,
    SectionNode,
)

__all__ = [
    "ArticleRow",
    "Catalog",
    "LibraryMissingError",
    "SectionNode",
]
