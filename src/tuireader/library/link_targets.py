"""Where a link in an article leads: the web, a heading of the same article, or another
file of the library (at a heading, when the link names one).

Pure: :func:`resolve_link` reads the link as written (``../guide.md#setup``,
``/system-variables.md#sql_mode``, ``getting-started/``, ``#install``, ``https://…``)
against the library-relative path of the article it is in, and lists the library paths
it may mean, best first; the caller keeps the first one its catalog holds.

- A relative path is taken from the article's folder; ``..`` may climb to the library's
  root, never past it.
- A path from ``/`` is the documentation site's root, which is some folder above the
  article (a manual kept inside a bigger library): every folder from the article's own
  up to the library root is tried, the nearest first.
- Sites link to pages without their source's extension: ``install/`` or ``install`` may
  be ``install/index.md``, ``install/_index.md`` (Hugo), ``install/README.md`` or
  ``install.md`` (served at ``/install/``); ``install.html`` may be the page built from
  ``install.md``.
- ``#fragment`` names a heading: :func:`heading_block` finds it by the id the document
  gave it (``## Setup {#install}``), else by the ids the common generators give headings
  (GitHub's and Hugo's, which lowercase the words and join them with ``-``; a repeated
  heading gets ``-1``, ``-2`` …), then by letters and digits alone.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from tuireader.library.model import HEADING, SPAN_ANCHOR, Block

#: What a link leads to.
WEB = "web"  # an address for the browser (checked by links.browser_url before opening)
HERE = "here"  # a heading of the article the link is in
ARTICLE = "article"  # another file of the library
OUTSIDE = "outside"  # a path that climbs out of the library (a saved page's site link)
NOWHERE = "nowhere"  # a scheme not followed, or no usable address

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_WEB_SCHEMES = ("http", "https")
# Page names a site may serve a folder's link from, in the order generators prefer.
_INDEX_NAMES = ("index.md", "_index.md", "README.md", "readme.md", "index.markdown", "index.html")
_PAGE_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".txt")
# Characters a heading id drops (GitHub: anything but letters, digits, "-", "_" and spaces).
_NOT_IN_ID = re.compile(r"[^\w\- ]")
_NOT_WORD = re.compile(r"[\W_]+")
#: Longest link worth resolving (a longer one is refused rather than cut).
MAX_LINK_CHARS = 2048


@dataclass(frozen=True, slots=True)
class LinkTarget:
    """Where a link leads: ``kind`` is :data:`WEB`, :data:`HERE`, :data:`ARTICLE`,
    :data:`OUTSIDE` or :data:`NOWHERE`. ``url`` is the web address; ``paths`` the library paths an article
    link may mean, best first; ``fragment`` the heading named after ``#`` (decoded);
    ``reason`` says, for people, why a link leads nowhere."""

    kind: str
    url: str = ""
    paths: tuple[str, ...] = ()
    fragment: str = ""
    reason: str = ""


def resolve_link(target: str, article_path: str) -> LinkTarget:
    """Read link ``target`` as written in the article at library path ``article_path``."""
    target = target.strip()
    if not target or len(target) > MAX_LINK_CHARS:
        return LinkTarget(NOWHERE, reason="The link has no usable address.")
    if target.startswith("//"):  # scheme-relative: the web, over https
        target = "https:" + target
    scheme = _SCHEME.match(target)
    if scheme:
        name = scheme.group(0)[:-1].lower()
        if name in _WEB_SCHEMES:
            return LinkTarget(WEB, url=target)
        return LinkTarget(NOWHERE, reason=f"{name}: links are not followed.")
    parts = urlsplit(target)
    fragment = unquote(parts.fragment)
    path = unquote(parts.path)
    if not path:
        return LinkTarget(HERE, fragment=fragment)
    folder = posixpath.dirname(article_path)
    if path.startswith("/"):
        bases = _folders_up(folder)
        relative = path.lstrip("/")
    else:
        bases = [folder]
        relative = path
    found: list[str] = []
    for base in bases:
        joined = posixpath.normpath(posixpath.join(base, relative))
        if joined == ".." or joined.startswith("../") or joined.startswith("/"):
            continue  # climbs out of the library
        for candidate in page_candidates(joined, path.endswith("/")):
            if candidate not in found:
                found.append(candidate)
    if not found:
        return LinkTarget(OUTSIDE, fragment=fragment, reason="The link leads outside the library.")
    if found[0] == article_path:  # the article's own file, by name
        return LinkTarget(HERE, fragment=fragment)
    return LinkTarget(ARTICLE, paths=tuple(found), fragment=fragment)


def _folders_up(folder: str) -> list[str]:
    """``folder`` and every folder above it up to the library root (""), nearest first."""
    folders = [folder]
    while folder:
        folder = posixpath.dirname(folder)
        folders.append(folder)
    return folders


def page_candidates(path: str, folder: bool = False) -> list[str]:
    """The files a site's link to ``path`` may be served from, best first."""
    if path in (".", ""):
        return list(_INDEX_NAMES)
    stem, suffix = posixpath.splitext(path)
    suffix = suffix.lower()
    if folder:  # a section's index, or a page served at a "pretty" URL (Hugo, Jekyll)
        pages = [path + ext for ext in (".md", ".markdown", ".html")]
        return [*(f"{path}/{name}" for name in _INDEX_NAMES), *pages]
    if suffix in (".html", ".htm"):
        return [path, stem + ".md", stem + ".markdown"]
    if suffix in _PAGE_SUFFIXES:
        return [path]
    # No page extension: a page named without it, or a folder's index page.
    pages = [path + ext for ext in (".md", ".markdown", ".html")]
    return [path, *pages, *(f"{path}/{name}" for name in _INDEX_NAMES)]


def heading_id(text: str) -> str:
    """The id GitHub and Hugo give a heading: lowercase, punctuation dropped (``-`` and
    ``_`` kept), spaces as ``-``; CJK characters stay."""
    return _NOT_IN_ID.sub("", text.strip().lower()).replace(" ", "-")


def _loose(text: str) -> str:
    """Only letters and digits, case-folded: ids from other generators still match (a
    slugifier writes Straße as strasse, which casefold() also gives)."""
    return _NOT_WORD.sub("", text.casefold())


def heading_block(blocks: Sequence[Block], fragment: str) -> int | None:
    """The index of the heading ``fragment`` names, if the article has one."""
    wanted = fragment.strip().lower()
    if not wanted:
        return None
    headings = [(index, block) for index, block in enumerate(blocks) if block.kind == HEADING]
    named = fragment.strip()
    for index, block in headings:  # an id the document gave wins over generated ones
        if any(span.kind == SPAN_ANCHOR and span.target == named for span in block.spans):
            return index
    seen: dict[str, int] = {}
    loose = _loose(wanted)
    fallback: int | None = None
    for index, block in headings:
        base = heading_id(block.text)
        count = seen.get(base, 0)
        seen[base] = count + 1
        if (base if not count else f"{base}-{count}") == wanted:
            return index
        if fallback is None and loose and _loose(block.text) == loose:
            fallback = index
    return fallback
