"""Catalog look-ups the library screen needs beyond one page of rows.

Read marks are kept per fingerprint, so one mark can change the unread count of several
articles (the same text filed twice); and the list only caches the pages it has drawn,
so finding an article's place in a long listing needs the catalog. Both are index
look-ups in the catalog's query API.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tuireader.ui.bookmark_lookup import listing_args


def sections_sharing(catalog: Any, fingerprint: str) -> list[tuple[str, ...]]:
    """The sections of every catalogued article with this fingerprint (one per article)."""
    return catalog.sections_with_fingerprint(fingerprint)


def listing_index(
    catalog: Any, article_id: int, section: Sequence[str], sort: str, unread_only: bool
) -> int | None:
    """Where an article is in a listing (0-based), or None if the listing lacks it."""
    real_section, bookmarked = listing_args(tuple(section))
    return catalog.index_in_listing(article_id, real_section, sort, unread_only, bookmarked)
