"""The catalog: a rebuildable SQLite cache of one library (articles, sections, full-text index) and its queries."""

from tuireader.catalog.store import (
    ArticleRow,
    Catalog,
    CatalogFileError,
    LibraryMissingError,
    RowJson,
    ScanReport,
    SectionNode,
    check_path,
)

__all__ = [
    "ArticleRow",
    "Catalog",
    "CatalogFileError",
    "LibraryMissingError",
    "RowJson",
    "ScanReport",
    "SectionNode",
    "check_path",
]
