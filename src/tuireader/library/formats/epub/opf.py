"""The package document: where it is (container.xml), metadata, manifest and spine.

EPUB 2 and 3 both: ``dc:title``, ``dc:creator``, ``dc:language``, ``dc:date``; the
manifest's items by id; the spine's ``itemref``s in reading order; the TOC is the EPUB 3
nav document (``properties="nav"``) or else the EPUB 2 NCX (``spine@toc``).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from tuireader.library.formats.epub.container import BookError, Container, join_href
from tuireader.library.formats.epub.xml import attr, children, descendants, local, parse_xml, text

_CONTAINER = "META-INF/container.xml"
_OPF_MEDIA = "application/oebps-package+xml"
_NCX_MEDIA = "application/x-dtbncx+xml"
_DOCUMENT_MEDIA = ("application/xhtml+xml", "text/html", "application/x-dtbook+xml")
#: Package files are small; a larger one is not a real book.
_PACKAGE_LIMIT = 4 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class BookMeta:
    """What the OPF says about the book (each None when it says nothing)."""

    title: str | None = None
    author: str | None = None
    language: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Package:
    """The parts of an OPF a reader needs: metadata, spine documents, TOC location."""

    meta: BookMeta
    spine: tuple[str, ...]
    nav: str | None
    ncx: str | None


def read_package(container: Container) -> Package:
    """Find and read the book's OPF; :class:`BookError` when it has none."""
    opf_name = _rootfile(container)
    root = parse_xml(container.read(opf_name, _PACKAGE_LIMIT))
    if root is None or local(root) != "package":
        raise BookError("the book's package file (OPF) cannot be read")
    manifest = _manifest(root, opf_name)
    spine_element = next(descendants(root, "spine"), None)
    spine = _spine(spine_element, manifest)
    if not spine:
        raise BookError("the book has no chapters (empty spine)")
    nav = next((href for href, _, props in manifest.values() if "nav" in props.split()), None)
    ncx_id = attr(spine_element, "toc") if spine_element is not None else ""
    ncx = manifest[ncx_id][0] if ncx_id in manifest else _first_ncx(manifest)
    return Package(_meta(root), spine, nav, ncx)


def _rootfile(container: Container) -> str:
    if not container.has(_CONTAINER):
        raise BookError("not an EPUB: META-INF/container.xml is missing")
    root = parse_xml(container.read(_CONTAINER, _PACKAGE_LIMIT))
    if root is None:
        raise BookError("META-INF/container.xml cannot be read")
    for rootfile in descendants(root, "rootfile"):
        media = attr(rootfile, "media-type")
        name = join_href("", attr(rootfile, "full-path"))
        if name and (not media or media == _OPF_MEDIA) and container.has(name):
            return name
    raise BookError("the book names no package file (OPF) that it holds")


def _manifest(root: etree._Element, opf_name: str) -> dict[str, tuple[str, str, str]]:
    """id → (member name, media type, properties); links leaving the book are dropped."""
    items: dict[str, tuple[str, str, str]] = {}
    for item in descendants(root, "item"):
        name = join_href(opf_name, attr(item, "href"))
        if name is None or "#" in name:
            continue
        items[attr(item, "id")] = (name, attr(item, "media-type"), attr(item, "properties"))
    return items


def _spine(
    spine: etree._Element | None, manifest: dict[str, tuple[str, str, str]]
) -> tuple[str, ...]:
    if spine is None:
        return ()
    names: list[str] = []
    for itemref in children(spine, "itemref"):
        found = manifest.get(attr(itemref, "idref"))
        if found is None or found[1] not in _DOCUMENT_MEDIA or found[0] in names:
            continue
        names.append(found[0])
    return tuple(names)


def _first_ncx(manifest: dict[str, tuple[str, str, str]]) -> str | None:
    return next((href for href, media, _ in manifest.values() if media == _NCX_MEDIA), None)


def _meta(root: etree._Element) -> BookMeta:
    metadata = next(descendants(root, "metadata"), None)
    if metadata is None:
        return BookMeta()

    def first(name: str) -> str | None:
        for element in descendants(metadata, name):
            value = text(element)
            if value:
                return value
        return None

    creators = [text(element) for element in descendants(metadata, "creator")]
    author = ", ".join(dict.fromkeys(name for name in creators if name)) or None
    return BookMeta(first("title"), author, first("language"), first("date"))
