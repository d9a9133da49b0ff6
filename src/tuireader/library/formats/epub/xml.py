"""The one XML parser for a book's package files (container.xml, the OPF, nav, NCX).

lxml with entities left unexpanded (no billion laughs, no XXE), no DTD loading, no
network, no huge trees, and libxml2's recovery on, so a slightly malformed file still
gives what it can. Names are read without namespaces (:func:`local`): books in the wild
mix OPF 2 and 3 prefixes and forget declarations.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    recover=True,
    remove_comments=True,
    remove_pis=True,
)


def parse_xml(data: bytes) -> etree._Element | None:
    """The root element of ``data``, or None when nothing could be parsed."""
    if not data.strip():
        return None
    try:
        root = etree.fromstring(data, _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None
    return root


def local(element: etree._Element) -> str:
    """An element's tag without its namespace (``""`` for comments and entities)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def children(element: etree._Element, name: str) -> Iterator[etree._Element]:
    """Direct children of ``element`` whose local name is ``name``."""
    return (child for child in element if local(child) == name)


def descendants(element: etree._Element, name: str) -> Iterator[etree._Element]:
    """Elements below ``element`` whose local name is ``name``, in document order."""
    return (node for node in element.iter() if local(node) == name)


def attr(element: etree._Element, name: str) -> str:
    """An attribute by local name, in any namespace (``""`` when absent)."""
    for key, value in element.attrib.items():
        if key.rsplit("}", 1)[-1] == name:
            return str(value)
    return ""


def text(element: etree._Element) -> str:
    """All text inside ``element``, whitespace collapsed; entity references left out.

    ``itertext()`` would give an unexpanded entity as ``&name;`` and XPath's ``string()``
    expands it, so the walk is by hand (and without recursion).
    """
    parts: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if event == "start":
            if isinstance(node.tag, str) and node.text:
                parts.append(node.text)
        elif node is not element and node.tail:
            parts.append(node.tail)
    return " ".join("".join(parts).split())
