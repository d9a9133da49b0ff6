"""Metadata a saved page states in its ``<head>``: meta tags, title, canonical link."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from tuireader.library.formats.html.tree import clean_text, text_of
from tuireader.text.dates import parse_date

_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "publishtime",
    "firstpublishedtime", "dc.date.issued", "dc.date", "dcterms.created", "date",
    "parsely-pub-date", "sailthru.date", "article:modified_time", "datemodified",
)  # fmt: skip
_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "byl", "parsely-author")
_SOURCE_KEYS = ("contentsource", "source", "og:site_name", "sitename", "application-name")
_SECTION_KEYS = ("article:section", "columnname", "category")
_URL_SCHEME = re.compile(r"^https?://", re.I)


@dataclass(frozen=True, slots=True)
class HeadMeta:
    """What ``<meta>``, ``<title>`` and ``<link rel=canonical>`` say."""

    values: dict[str, list[str]] = field(default_factory=dict)
    title: str | None = None
    canonical: str | None = None

    def first(self, keys: tuple[str, ...]) -> str | None:
        """The first non-empty value among ``keys``."""
        for key in keys:
            for value in self.values.get(key, ()):
                if value:
                    return value
        return None

    def all(self, key: str) -> list[str]:
        """Every value given for ``key`` (``article:tag`` repeats)."""
        return [value for value in self.values.get(key, ()) if value]

    @property
    def date(self) -> str | None:
        """The publication date as ISO, from the first key that parses."""
        for key in _DATE_KEYS:
            for value in self.values.get(key, ()):
                iso = parse_date(value)
                if iso:
                    return iso
        return None

    @property
    def author(self) -> str | None:
        """The author named in meta tags (a profile URL is not a name)."""
        for key in _AUTHOR_KEYS:
            for value in self.values.get(key, ()):
                if value and not _URL_SCHEME.match(value):
                    return value
        return None

    @property
    def source(self) -> str | None:
        """The publisher / site name."""
        return self.first(_SOURCE_KEYS)

    @property
    def section(self) -> str | None:
        """A section name some sites give in meta tags."""
        return self.first(_SECTION_KEYS)

    @property
    def url(self) -> str | None:
        """The canonical address of the page, when absolute."""
        for candidate in (self.canonical, self.first(("og:url",))):
            if candidate and _URL_SCHEME.match(candidate):
                return candidate
        return None


def read_head(root: etree._Element) -> HeadMeta:
    """Collect meta tags (name / property / itemprop / http-equiv), title and canonical."""
    values: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        content = meta.get("content") or meta.get("datetime")
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        if key and content:
            values.setdefault(key.strip().lower(), []).append(clean_text(content))
    title_element = next(root.iter("title"), None)
    title = clean_text(text_of(title_element)) if title_element is not None else None
    return HeadMeta(values, title or None, _canonical(root))


def _canonical(root: etree._Element) -> str | None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            return (link.get("href") or "").strip() or None
    return None
