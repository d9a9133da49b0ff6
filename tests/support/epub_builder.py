"""Write EPUB books for tests: our own Chinese and English chapters, nested TOC, images.

``write_book(path)`` writes the standard test book (EPUB 3 with a nav document and an
EPUB 2 NCX, a cover image, a part holding two chapters, a Chinese chapter);
``write_epub(path, members)`` writes any set of members (for hostile books). The text is
written here, never copied from a corpus.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

CONTAINER_XML = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>"""

# A 1x1 PNG: the book has an image member, as real books do.
PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)

ENGLISH_PARAGRAPHS = (
    "The lighthouse keeper counted the ships that passed the point each evening.",
    "When the fog came in, she lit the lamp early and wrote the hour in her log.",
    "By spring the log held more ships than the harbour master had ever recorded.",
)
CHINESE_PARAGRAPHS = (
    "经济发展需要耐心，城市的变化也一样。",
    "河边的老茶馆每天早上六点开门，客人们一边喝茶一边谈论天气。",
    "后来，茶馆的主人把这些谈话写进了一本小书。",
)


@dataclass
class Chapter:
    """One spine document: member name (under OEBPS/), title, paragraphs."""

    name: str
    title: str
    paragraphs: tuple[str, ...]
    lang: str = "en"
    extra_html: str = ""


@dataclass
class BookSpec:
    """A book's parts; ``toc`` holds (depth, label, member name) in reading order."""

    title: str = "The Keeper's Log"
    author: str = "A. Writer"
    language: str = "en"
    date: str = "2021-06-01"
    chapters: list[Chapter] = field(default_factory=list)
    toc: list[tuple[int, str, str]] = field(default_factory=list)
    with_nav: bool = True
    with_ncx: bool = True


def standard_book() -> BookSpec:
    """Cover, a part with two English chapters, a Chinese chapter; nested TOC."""
    cover = Chapter("cover.xhtml", "Cover", (), extra_html='<img src="images/cover.png"/>')
    part = Chapter("part1.xhtml", "Part One: The Point", ("Notes from the point.",))
    one = Chapter("ch1.xhtml", "Fog", ENGLISH_PARAGRAPHS)
    two = Chapter(
        "ch2.xhtml",
        "Spring",
        ENGLISH_PARAGRAPHS[::-1],
        extra_html='<p><img src="images/cover.png" alt="the lamp room"/></p>',
    )
    three = Chapter("ch3.xhtml", "茶馆", CHINESE_PARAGRAPHS, lang="zh")
    toc = [
        (0, "Part One: The Point", "part1.xhtml"),
        (1, "Fog", "ch1.xhtml"),
        (1, "Spring", "ch2.xhtml"),
        (0, "茶馆", "ch3.xhtml"),
    ]
    return BookSpec(chapters=[cover, part, one, two, three], toc=toc)


def chapter_xhtml(chapter: Chapter) -> str:
    """The XHTML of one chapter: a heading and its paragraphs."""
    paragraphs = "\n".join(f"<p>{text}</p>" for text in chapter.paragraphs)
    heading = f"<h1>{chapter.title}</h1>" if chapter.paragraphs else ""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="{chapter.lang}">
<head><title>{chapter.title}</title><script>document.write("script text")</script></head>
<body>{heading}
{paragraphs}
{chapter.extra_html}
</body></html>"""


def opf_xml(book: BookSpec) -> str:
    """The package document: metadata, manifest, spine."""
    items = [
        f'<item id="c{n}" href="{c.name}" media-type="application/xhtml+xml"/>'
        for n, c in enumerate(book.chapters)
    ]
    if book.with_nav:
        items.append(
            '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        )
    if book.with_ncx:
        items.append('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>')
    items.append('<item id="img" href="images/cover.png" media-type="image/png"/>')
    spine = "".join(f'<itemref idref="c{n}"/>' for n in range(len(book.chapters)))
    toc_attr = ' toc="ncx"' if book.with_ncx else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:test-book</dc:identifier>
    <dc:title>{book.title}</dc:title>
    <dc:creator>{book.author}</dc:creator>
    <dc:language>{book.language}</dc:language>
    <dc:date>{book.date}</dc:date>
  </metadata>
  <manifest>{"".join(items)}</manifest>
  <spine{toc_attr}>{spine}</spine>
</package>"""


def nav_xhtml(toc: list[tuple[int, str, str]]) -> str:
    """An EPUB 3 nav document with nested ``ol`` lists."""
    out: list[str] = ['<nav epub:type="toc"><ol>']
    for index, (level, label, target) in enumerate(toc):
        out.append(f'<li><a href="{target}">{label}</a>')
        following = toc[index + 1][0] if index + 1 < len(toc) else 0
        if following > level:
            out.append("<ol>")
        else:
            out.append("</li>" + "</ol></li>" * (level - following))
    out.append("</ol></nav>")
    return (
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" '
        'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head><body>'
        + "".join(out)
        + "</body></html>"
    )


def ncx_xml(toc: list[tuple[int, str, str]]) -> str:
    """An EPUB 2 NCX with nested navPoints."""
    out: list[str] = []
    depth = -1
    for number, (level, label, target) in enumerate(toc, 1):
        while depth >= level:
            out.append("</navPoint>")
            depth -= 1
        out.append(
            f'<navPoint id="p{number}" playOrder="{number}"><navLabel><text>{label}</text>'
            f'</navLabel><content src="{target}"/>'
        )
        depth = level
    out.append("</navPoint>" * (depth + 1))
    return (
        '<?xml version="1.0" encoding="UTF-8"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" '
        'version="2005-1"><navMap>' + "".join(out) + "</navMap></ncx>"
    )


def book_members(book: BookSpec) -> dict[str, bytes]:
    """Every member of ``book`` (mimetype first)."""
    members: dict[str, bytes] = {
        "mimetype": b"application/epub+zip",
        "META-INF/container.xml": CONTAINER_XML.encode(),
        "OEBPS/content.opf": opf_xml(book).encode(),
        "OEBPS/images/cover.png": PNG_1X1,
    }
    for chapter in book.chapters:
        members[f"OEBPS/{chapter.name}"] = chapter_xhtml(chapter).encode()
    if book.with_nav:
        members["OEBPS/nav.xhtml"] = nav_xhtml(book.toc).encode()
    if book.with_ncx:
        members["OEBPS/toc.ncx"] = ncx_xml(book.toc).encode()
    return members


def write_epub(path: Path, members: dict[str, bytes]) -> Path:
    """Write ``members`` as a zip at ``path`` (mimetype stored, the rest deflated)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return path


def write_book(path: Path, book: BookSpec | None = None) -> Path:
    """Write ``book`` (the standard test book by default) as an EPUB at ``path``."""
    return write_epub(path, book_members(book or standard_book()))
