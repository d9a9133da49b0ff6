"""Metadata a saved page states for machines: meta tags, JSON-LD, title, canonical link.

Read before scripts are removed (JSON-LD lives in ``<script type="application/ld+json">``).
A meta tag may name several properties at once (``property="og:title dc:title"``); each
counts. Authors pass :func:`~tuireader.library.formats.names.person_names`, so a
publisher list or a user id in ``<meta name="author">`` is not taken for a person.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from lxml import etree

from tuireader.library.formats.html.tree import clean_text, text_of
from tuireader.library.formats.names import person_names
from tuireader.text.dates import parse_date

_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "publishtime",
    "firstpublishedtime", "citation_publication_date", "citation_date", "dc.date.issued",
    "dc.date", "dc:date", "dcterms.created", "dcterms.date", "date", "parsely-pub-date",
    "sailthru.date",
)  # fmt: skip
# Last resorts: a page that only says when it was changed.
_MODIFIED_KEYS = ("article:modified_time", "datemodified", "og:updated_time", "last-modified")
_AUTHOR_KEYS = (
    "dc.creator", "dc:creator", "dcterm:creator", "dcterms.creator", "author",
    "article:author", "parsely-author", "sailthru.author", "byl", "citation_author",
)  # fmt: skip
_TITLE_KEYS = (
    "dc:title", "dcterm:title", "dc.title", "dcterms.title", "og:title", "twitter:title",
    "citation_title", "title", "headline",
)  # fmt: skip
_SOURCE_KEYS = ("contentsource", "source", "og:site_name", "sitename", "application-name")
_SECTION_KEYS = ("article:section", "columnname", "category")
_URL_SCHEME = re.compile(r"^https?://", re.I)
_MAX_JSON = 256 * 1024
_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_MAX_JSON_NODES = 5000
_ARTICLE_TYPES = re.compile(r"article|posting|report|review|webpage|creativework|news", re.I)


@dataclass(frozen=True, slots=True)
class LinkedData:
    """The article fields of a page's JSON-LD (schema.org), first article object wins."""

    headline: str | None = None
    # The article object's "name" when it differs from its headline (then the headline
    # may be a description: Wikipedia's says what the subject is, not its name).
    other_name: str | None = None
    date: str | None = None
    modified: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None


@dataclass(frozen=True, slots=True)
class HeadMeta:
    """What ``<meta>``, JSON-LD, ``<title>`` and ``<link rel=canonical>`` say."""

    values: dict[str, list[str]] = field(default_factory=dict)
    title: str | None = None
    canonical: str | None = None
    linked: LinkedData = field(default_factory=LinkedData)

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
    def headline(self) -> str | None:
        """The JSON-LD headline, when nothing in the same data contradicts it."""
        return None if self.linked.other_name else self.linked.headline

    @property
    def title_claims(self) -> list[str]:
        """Every title the page states, most trusted first, ``<title>`` last."""
        claims = [self.headline] if self.headline else []
        for key in _TITLE_KEYS:
            claims.extend(self.all(key))
        if self.title:
            claims.append(self.title)
        return list(dict.fromkeys(claim for claim in claims if claim))

    @property
    def date(self) -> str | None:
        """The publication date as ISO: JSON-LD, then the first meta key that parses."""
        return self.linked.date or self._date_of(_DATE_KEYS)

    @property
    def modified(self) -> str | None:
        """When the page says it was last changed (used only when nothing else is known)."""
        return self.linked.modified or self._date_of(_MODIFIED_KEYS)

    def _date_of(self, keys: tuple[str, ...]) -> str | None:
        for key in keys:
            for value in self.values.get(key, ()):
                iso = parse_date(value)
                if iso:
                    return iso
        return None

    @property
    def author(self) -> str | None:
        """The author's name: JSON-LD persons, then meta tags (names only, no profile URLs)."""
        if self.linked.authors:
            return ", ".join(self.linked.authors)
        for key in _AUTHOR_KEYS:
            values = [v for v in self.values.get(key, ()) if v and not _URL_SCHEME.match(v)]
            names = [name for name in (person_names(value) for value in values) if name]
            if names:
                return ", ".join(dict.fromkeys(names))
        return None

    @property
    def source(self) -> str | None:
        """The publisher / site name."""
        return self.first(_SOURCE_KEYS) or self.linked.publisher

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
    """Collect meta tags (name / property / itemprop), JSON-LD, title and canonical."""
    values: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        content = meta.get("content") or meta.get("datetime")
        keys = meta.get("property") or meta.get("name") or meta.get("itemprop")
        if keys and content:
            for key in keys.lower().split():
                values.setdefault(key, []).append(clean_text(content))
    title_element = next(root.iter("title"), None)
    title = clean_text(text_of(title_element)) if title_element is not None else None
    return HeadMeta(values, title or None, _canonical(root), read_linked_data(root))


def _canonical(root: etree._Element) -> str | None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            return (link.get("href") or "").strip() or None
    return None


def read_linked_data(root: etree._Element) -> LinkedData:
    """The first article-like object of the page's JSON-LD scripts (bad JSON is skipped)."""
    found = LinkedData()
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        raw = script.text or ""
        if len(raw) > _MAX_JSON:
            continue
        data = _loads(raw)
        if data is None:
            continue
        for item in _objects(data):
            if not _ARTICLE_TYPES.search(" ".join(_types(item))):
                continue
            found = _merge(found, item)
            if found.headline and found.date and found.authors:
                return found
    return found


def _loads(raw: str) -> object:
    """JSON as pages write it: raw line breaks inside strings, trailing commas and an
    XHTML ``<![CDATA[ … ]]>`` wrapper pass."""
    raw = _CDATA.sub("", raw) if "CDATA" in raw else raw
    for text in (raw, _TRAILING_COMMA.sub(r"\1", raw)):
        try:
            return json.loads(text, strict=False)
        except (ValueError, RecursionError):
            continue
    return None


def _objects(data: object) -> list[dict[str, object]]:
    """Every JSON object in ``data`` (``@graph`` lists included), breadth first, capped."""
    out: list[dict[str, object]] = []
    queue = [data]
    while queue and len(out) < _MAX_JSON_NODES:
        item = queue.pop(0)
        if isinstance(item, list):
            queue.extend(item[:_MAX_JSON_NODES])
        elif isinstance(item, dict):
            out.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list):
                queue.extend(graph[:_MAX_JSON_NODES])
    return out


def _types(item: dict[str, object]) -> list[str]:
    kind = item.get("@type")
    if isinstance(kind, str):
        return [kind]
    return [k for k in kind if isinstance(k, str)] if isinstance(kind, list) else []


def _merge(found: LinkedData, item: dict[str, object]) -> LinkedData:
    """Fill the fields still missing from one article object."""
    own = _text(item.get("headline"))
    name = _text(item.get("name"))
    headline = found.headline or own or name
    other_name = found.other_name
    if own and not found.headline and name and name != own:
        other_name = name
    date = found.date or parse_date(_text(item.get("datePublished")) or "")
    date = date or parse_date(_text(item.get("dateCreated")) or "")
    modified = found.modified or parse_date(_text(item.get("dateModified")) or "")
    authors = found.authors or _people(item.get("author")) or _people(item.get("creator"))
    publisher = found.publisher or _name_of(item.get("publisher"))
    return LinkedData(headline, other_name, date, modified, authors, publisher)


def _text(value: object) -> str | None:
    return clean_text(value) or None if isinstance(value, str) else None


def _name_of(value: object) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _people(value: object) -> tuple[str, ...]:
    """Person names of an ``author`` value (a string, an object, or a list of them)."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items[:20]:
        if isinstance(item, dict) and "organization" in " ".join(_types(item)).lower():
            continue
        name = _name_of(item)
        name = person_names(name) if name and not _URL_SCHEME.match(name) else None
        if name and name not in names:
            names.append(name)
    return tuple(names)
