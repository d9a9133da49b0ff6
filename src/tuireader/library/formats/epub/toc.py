"""The book's table of contents, from the EPUB 3 nav document or the EPUB 2 NCX.

Both give the same flat list of :class:`TocEntry` in reading order, each with its depth
(0 for the top level), so nesting costs no recursion: the walk is ``etree.iterwalk``
and a hostile 10,000-deep TOC is folded to :data:`MAX_DEPTH` levels.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from tuireader.library.formats.epub.container import Container, join_href
from tuireader.library.formats.epub.xml import attr, children, descendants, local, parse_xml, text

#: Deeper TOC levels are shown at this depth (no reader needs more than a few).
MAX_DEPTH = 8
#: TOC entries kept (a dictionary's TOC can list every word).
MAX_ENTRIES = 10_000
_LABEL_CHARS = 300
_TOC_LIMIT = 4 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class TocEntry:
    """One TOC line: its depth, label, and the member it points at (``name#fragment``)."""

    depth: int
    label: str
    target: str | None


def read_toc(container: Container, nav: str | None, ncx: str | None) -> tuple[TocEntry, ...]:
    """The TOC from the nav document, else the NCX; empty when neither gives one."""
    for name, reader in ((nav, _nav_entries), (ncx, _ncx_entries)):
        if name is None or not container.has(name):
            continue
        root = parse_xml(container.read(name, _TOC_LIMIT))
        if root is None:
            continue
        entries = reader(root, name)
        if entries:
            return tuple(entries[:MAX_ENTRIES])
    return ()


def _nav_entries(root: etree._Element, base: str) -> list[TocEntry]:
    navs = list(descendants(root, "nav"))
    toc = next((nav for nav in navs if "toc" in attr(nav, "type").split()), None)
    if toc is None:
        toc = navs[0] if navs else None
    if toc is None:
        return []
    entries: list[TocEntry] = []
    depth = -1
    for event, element in etree.iterwalk(toc, events=("start", "end")):
        if local(element) != "li":
            continue
        if event == "end":
            depth -= 1
            continue
        depth += 1
        link = next((child for child in element if local(child) in ("a", "span")), None)
        if link is None:
            continue
        href = attr(link, "href")
        target = join_href(base, href) if href else None
        _add(entries, depth, text(link), target)
    return entries


def _ncx_entries(root: etree._Element, base: str) -> list[TocEntry]:
    nav_map = next(descendants(root, "navMap"), None)
    if nav_map is None:
        return []
    entries: list[TocEntry] = []
    depth = -1
    for event, element in etree.iterwalk(nav_map, events=("start", "end")):
        if local(element) != "navPoint":
            continue
        if event == "end":
            depth -= 1
            continue
        depth += 1
        label = next((text(child) for child in children(element, "navLabel")), "")
        content = next(children(element, "content"), None)
        src = attr(content, "src") if content is not None else ""
        _add(entries, depth, label, join_href(base, src) if src else None)
    return entries


def _add(entries: list[TocEntry], depth: int, label: str, target: str | None) -> None:
    if len(entries) >= MAX_ENTRIES:
        return
    label = label[:_LABEL_CHARS]
    if label or target:
        entries.append(TocEntry(min(depth, MAX_DEPTH - 1), label, target))
