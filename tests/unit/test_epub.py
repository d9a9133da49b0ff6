"""EPUB books: metadata, TOC (nav and NCX), chapters as articles, and hostile books."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from epub_builder import (
    CHINESE_PARAGRAPHS,
    ENGLISH_PARAGRAPHS,
    BookSpec,
    Chapter,
    book_members,
    standard_book,
    write_book,
    write_epub,
)

from tuireader.library import books
from tuireader.library.blocks import MAX_BLOCK_CHARS
from tuireader.library.books import load_book, load_chapter
from tuireader.library.formats.epub.container import (
    BookError,
    Container,
    is_safe_name,
    join_href,
)
from tuireader.library.keys import chapter_key, is_book_name, split_chapter_key
from tuireader.library.loader import ArticleError
from tuireader.library.model import FORMAT_EPUB, HEADING


def _titles(root: Path, name: str = "book.epub") -> list[tuple[str, tuple[str, ...]]]:
    loaded = load_book(root / name, root)
    return [(article.title, article.meta.sections) for article in loaded.articles]


def test_book_metadata_and_chapters_from_the_opf_and_nested_toc(tmp_path: Path) -> None:
    write_book(tmp_path / "shelf" / "book.epub")
    loaded = load_book(tmp_path / "shelf" / "book.epub", tmp_path)
    meta = loaded.book.meta
    assert (meta.title, meta.author, meta.language, meta.date) == (
        "The Keeper's Log",
        "A. Writer",
        "en",
        "2021-06-01",
    )
    book = ("shelf", "The Keeper's Log")
    part = (*book, "Part One: The Point")
    # The cover holds only an image: no article. The part's own page sits in the part.
    assert [(a.title, a.meta.sections) for a in loaded.articles] == [
        ("Part One: The Point", part),
        ("Fog", part),
        ("Spring", part),
        ("茶馆", book),
    ]
    first = loaded.articles[1]
    assert first.path == "shelf/book.epub#2"
    assert (first.meta.date, first.meta.author, first.format) == (
        "2021-06-01",
        "A. Writer",
        FORMAT_EPUB,
    )
    assert [b.text for b in first.blocks[1:]] == list(ENGLISH_PARAGRAPHS)
    assert [b.text for b in loaded.articles[3].blocks[1:]] == list(CHINESE_PARAGRAPHS)
    assert loaded.problems == ()


def test_scripts_never_reach_the_text_and_images_keep_their_description(tmp_path: Path) -> None:
    write_book(tmp_path / "book.epub")
    loaded = load_book(tmp_path / "book.epub", tmp_path)
    every_text = "\n".join(article.body_text for article in loaded.articles)
    assert "script text" not in every_text
    assert "[image: the lamp room]" in loaded.articles[2].body_text


@pytest.mark.parametrize(("nav", "ncx"), [(True, False), (False, True)])
def test_nav_document_and_ncx_give_the_same_toc(tmp_path: Path, nav: bool, ncx: bool) -> None:
    both = standard_book()
    write_book(tmp_path / "both.epub", both)
    one = standard_book()
    one.with_nav, one.with_ncx = nav, ncx
    write_book(tmp_path / "book.epub", one)
    assert _titles(tmp_path) == _titles(tmp_path, "both.epub")
    assert len(load_book(tmp_path / "book.epub", tmp_path).book.toc) == 4


def test_a_book_without_toc_titles_chapters_by_their_headings(tmp_path: Path) -> None:
    book = standard_book()
    book.with_nav = book.with_ncx = False
    write_book(tmp_path / "book.epub", book)
    assert _titles(tmp_path) == [
        ("Part One: The Point", ("The Keeper's Log",)),
        ("Fog", ("The Keeper's Log",)),
        ("Spring", ("The Keeper's Log",)),
        ("茶馆", ("The Keeper's Log",)),
    ]


@pytest.mark.parametrize("stem", ["雨季手记", "C#入门", "notes#2"])  # a "#" as in chapter keys
def test_a_book_without_a_title_is_named_after_its_file(tmp_path: Path, stem: str) -> None:
    book = standard_book()
    book.title = ""
    write_book(tmp_path / "shelf" / f"{stem}.epub", book)
    loaded = load_book(tmp_path / "shelf" / f"{stem}.epub", tmp_path)
    assert [a.meta.sections[:2] for a in loaded.articles] == [("shelf", stem)] * 4
    assert load_chapter(tmp_path / "shelf" / f"{stem}.epub", tmp_path, 2).meta.sections[:2] == (
        "shelf",
        stem,
    )


def test_one_chapter_loads_alone_as_in_the_whole_book(tmp_path: Path) -> None:
    write_book(tmp_path / "book.epub")
    whole = load_book(tmp_path / "book.epub", tmp_path).articles
    alone = load_chapter(tmp_path / "book.epub", tmp_path, 4)
    assert alone == whole[3]
    with pytest.raises(ArticleError, match="^the book has no chapter 100$"):
        load_chapter(tmp_path / "book.epub", tmp_path, 99)  # chapters count from 1


def _book_with_untitled_last_chapter(page_title: str) -> dict[str, bytes]:
    """The standard book without TOC, plus a sixth chapter with no heading."""
    book = standard_book()
    book.with_nav = book.with_ncx = False
    note = "A last note without a heading, written on the back of the log."
    book.chapters.append(Chapter("ch4.xhtml", page_title, (note,)))
    members = book_members(book)
    members["OEBPS/ch4.xhtml"] = members["OEBPS/ch4.xhtml"].replace(
        f"<h1>{page_title}</h1>".encode(), b""
    )
    return members


def test_a_chapter_without_heading_or_toc_label_takes_its_page_title(tmp_path: Path) -> None:
    write_epub(tmp_path / "book.epub", _book_with_untitled_last_chapter("Afterword"))
    assert _titles(tmp_path)[-1] == ("Afterword", ("The Keeper's Log",))


def test_a_chapter_with_no_title_at_all_is_the_book_and_its_number(tmp_path: Path) -> None:
    write_epub(tmp_path / "book.epub", _book_with_untitled_last_chapter(""))
    # The sixth member of the spine (the cover is the first).
    assert _titles(tmp_path)[-1] == ("The Keeper's Log (6)", ("The Keeper's Log",))


def test_an_ncx_entry_without_a_target_still_groups_its_chapters(tmp_path: Path) -> None:
    book = standard_book()
    book.with_nav = False
    members = book_members(book)
    # A part that is only a label: its navPoint has no <content src=…>.
    ncx = members["OEBPS/toc.ncx"].replace(b'<content src="part1.xhtml"/>', b"", 1)
    write_epub(tmp_path / "book.epub", {**members, "OEBPS/toc.ncx": ncx})
    loaded = load_book(tmp_path / "book.epub", tmp_path)
    assert [(e.depth, e.label, e.target) for e in loaded.book.toc] == [
        (0, "Part One: The Point", None),
        (1, "Fog", "OEBPS/ch1.xhtml"),
        (1, "Spring", "OEBPS/ch2.xhtml"),
        (0, "茶馆", "OEBPS/ch3.xhtml"),
    ]
    part = ("The Keeper's Log", "Part One: The Point")
    assert _titles(tmp_path)[1:3] == [("Fog", part), ("Spring", part)]


def test_the_nav_marked_toc_is_the_toc_even_after_the_landmarks(tmp_path: Path) -> None:
    book = standard_book()
    book.with_ncx = False
    members = book_members(book)
    landmarks = (
        b'<nav epub:type="landmarks"><ol><li><a href="cover.xhtml">Cover</a></li>'
        b'<li><a href="ch1.xhtml">Start</a></li></ol></nav>'
    )
    nav = members["OEBPS/nav.xhtml"]
    toc = b'<nav epub:type="toc">'
    write_epub(
        tmp_path / "marked.epub", {**members, "OEBPS/nav.xhtml": nav.replace(toc, landmarks + toc)}
    )
    write_epub(
        tmp_path / "unmarked.epub", {**members, "OEBPS/nav.xhtml": nav.replace(toc, b"<nav>")}
    )
    labels = ["Part One: The Point", "Fog", "Spring", "茶馆"]
    for name in ("marked.epub", "unmarked.epub"):  # an unmarked nav alone is the toc too
        assert [e.label for e in load_book(tmp_path / name, tmp_path).book.toc] == labels, name


def test_chapter_keys_round_trip_and_never_match_article_files() -> None:
    assert split_chapter_key(chapter_key("a/道德经.epub", 12)) == ("a/道德经.epub", 12)
    assert split_chapter_key("a/notes.txt#3") is None
    assert split_chapter_key("a/book.epub") is None
    assert split_chapter_key("a/book.epub#x") is None
    assert is_book_name("Book.EPUB") and not is_book_name("book.epub.txt")


def test_links_resolve_inside_the_book_only() -> None:
    assert join_href("OEBPS/text/ch1.xhtml", "../images/a%20b.png") == "OEBPS/images/a b.png"
    assert join_href("OEBPS/ch1.xhtml", "ch2.xhtml#sec") == "OEBPS/ch2.xhtml#sec"
    assert join_href("OEBPS/ch1.xhtml", "../../etc/passwd") is None
    assert join_href("OEBPS/ch1.xhtml", "/etc/passwd") is None
    assert join_href("OEBPS/ch1.xhtml", "http://example.com/x") is None


# -- hostile books ----------------------------------------------------------------------


def test_a_zip_bomb_member_is_refused_before_inflating(tmp_path: Path) -> None:
    members = book_members(standard_book())
    members["OEBPS/ch1.xhtml"] = b"<p>" + b"\0" * (40 * 1024 * 1024) + b"</p>"
    write_epub(tmp_path / "book.epub", members)
    with pytest.raises(
        ArticleError, match=r"^OEBPS/ch1\.xhtml inflates \d+ times \(a zip bomb\?\)$"
    ):
        load_book(tmp_path / "book.epub", tmp_path)


@pytest.mark.parametrize("name", ["../evil.xhtml", "/abs/evil.xhtml", "OEBPS/../../x", "C:/x"])
def test_member_names_leaving_the_container_are_refused(tmp_path: Path, name: str) -> None:
    members = book_members(standard_book())
    members[name] = b"<p>evil</p>"
    write_epub(tmp_path / "book.epub", members)
    with pytest.raises(
        ArticleError, match=f"^unsafe file name in the book: {re.escape(repr(name))}$"
    ):
        load_book(tmp_path / "book.epub", tmp_path)


def test_opf_links_out_of_the_book_are_dropped(tmp_path: Path) -> None:
    members = book_members(standard_book())
    opf = members["OEBPS/content.opf"].decode()
    opf = opf.replace('href="ch1.xhtml"', 'href="../../../../etc/passwd"')
    members["OEBPS/content.opf"] = opf.encode()
    write_epub(tmp_path / "book.epub", members)
    titles = [title for title, _ in _titles(tmp_path)]
    assert titles == ["Part One: The Point", "Spring", "茶馆"]


def test_too_many_members_are_refused(tmp_path: Path) -> None:
    members = book_members(standard_book())
    members.update({f"OEBPS/x{n}.txt": b"" for n in range(books_limit_members() + 1)})
    write_epub(tmp_path / "book.epub", members)
    message = f"^the book holds {len(members)} files; the limit is {books_limit_members()}$"
    with pytest.raises(ArticleError, match=message):
        load_book(tmp_path / "book.epub", tmp_path)


def books_limit_members() -> int:
    from tuireader.library.formats.epub.container import MAX_MEMBERS

    return MAX_MEMBERS


def test_reads_stop_at_the_limit(tmp_path: Path) -> None:
    write_book(tmp_path / "book.epub")
    with Container(tmp_path / "book.epub") as container:
        assert container.read("OEBPS/ch1.xhtml").startswith(b"<?xml")
        with pytest.raises(BookError, match="^OEBPS/ch1.xhtml is 0 MB; the limit is 0 MB$"):
            container.read("OEBPS/ch1.xhtml", limit=100)
        with pytest.raises(BookError, match="^missing from the book: OEBPS/none.xhtml$"):
            container.read("OEBPS/none.xhtml")


def test_a_book_over_its_text_budget_keeps_the_chapters_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_book(tmp_path / "book.epub")
    members = book_members(standard_book())
    first_two = len(members["OEBPS/cover.xhtml"]) + len(members["OEBPS/part1.xhtml"])
    monkeypatch.setattr(books, "MAX_BOOK_TEXT_BYTES", first_two)
    loaded = load_book(tmp_path / "book.epub", tmp_path)
    assert [a.title for a in loaded.articles] == ["Part One: The Point"]
    assert [p.path for p in loaded.problems] == [f"book.epub#{n}" for n in (2, 3, 4)]
    assert all("over the limit" in p.error for p in loaded.problems)


def test_a_huge_paragraph_is_split_like_any_article(tmp_path: Path) -> None:
    text = "".join(f"第{n}句话，{n * 7919 % 10007}个字" for n in range(20_000))
    book = BookSpec(chapters=[Chapter("big.xhtml", "Big", (text,))])
    write_book(tmp_path / "book.epub", book)
    (article,) = load_book(tmp_path / "book.epub", tmp_path).articles
    assert "".join(b.text for b in article.blocks if b.kind != HEADING) == text
    assert max(len(b.text) for b in article.blocks) <= MAX_BLOCK_CHARS


def test_escape_sequences_in_chapters_and_metadata_are_removed(tmp_path: Path) -> None:
    book = standard_book()
    book.title = "Log\x1b]0;pwned\x07"
    book.chapters[2].paragraphs = ("before\x1b[2Jafter \x9b31m red",)
    write_book(tmp_path / "book.epub", book)
    loaded = load_book(tmp_path / "book.epub", tmp_path)
    texts = [a.title for a in loaded.articles] + [a.body_text for a in loaded.articles]
    texts += [name for a in loaded.articles for name in a.meta.sections]
    assert not any("\x1b" in text or "\x9b" in text or "\x07" in text for text in texts)
    assert "beforeafter" in loaded.articles[1].body_text


def _book_with_entities(tmp_path: Path, levels: int) -> Path:
    laughs = "".join(
        f'<!ENTITY l{n} "{f"&l{n - 1};" * 10 if n else "lol"}">' for n in range(levels)
    )
    doctype = f'<!DOCTYPE package [{laughs}<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    members = book_members(standard_book())
    opf = members["OEBPS/content.opf"].decode()
    opf = opf.replace("<package", doctype + "<package", 1)
    opf = opf.replace("The Keeper's Log", f"&l{levels - 1};&xxe;Title")
    members["OEBPS/content.opf"] = opf.encode()
    return write_epub(tmp_path / "book.epub", members)


def test_entities_in_package_files_are_never_expanded(tmp_path: Path) -> None:
    loaded = load_book(_book_with_entities(tmp_path, 3), tmp_path)
    assert loaded.book.meta.title == "Title"
    assert len(loaded.articles) == 4


def test_a_billion_laughs_package_is_refused_without_expanding(tmp_path: Path) -> None:
    # libxml2 stops at the amplification; what it parsed has no spine.
    with pytest.raises(ArticleError, match=r"^the book has no chapters \(empty spine\)$"):
        load_book(_book_with_entities(tmp_path, 10), tmp_path)


def test_malformed_chapters_still_give_their_text(tmp_path: Path) -> None:
    members = book_members(standard_book())
    members["OEBPS/ch1.xhtml"] = b"<html><body><h1>Fog<p>unclosed <b>bold<p>second &bogus; end"
    write_epub(tmp_path / "book.epub", members)
    article = load_book(tmp_path / "book.epub", tmp_path).articles[1]
    assert article.title == "Fog"
    assert "unclosed bold" in article.body_text and "second" in article.body_text


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"mimetype": b"application/epub+zip"}, "^not an EPUB: META-INF/container.xml is missing$"),
        (
            {"META-INF/container.xml": b"<container/>"},
            r"^the book names no package file \(OPF\) that it holds$",
        ),
        ({"META-INF/container.xml": b"  \n"}, "^META-INF/container.xml cannot be read$"),
        (
            {
                "META-INF/container.xml": b'<container><rootfiles><rootfile full-path="a.opf"'
                b' media-type="application/oebps-package+xml"/></rootfiles></container>'
            },
            "^the book names no package file \\(OPF\\) that it holds$",  # a.opf is not held
        ),
        (
            {"META-INF/encryption.xml": b"<encryption/>"},
            r"^the book is encrypted \(DRM\): it cannot be read$",
        ),
    ],
)
def test_books_that_cannot_be_read_say_why(
    tmp_path: Path, members: dict[str, bytes], message: str
) -> None:
    if "META-INF/encryption.xml" in members:
        members = {**book_members(standard_book()), **members}
    write_epub(tmp_path / "book.epub", members)
    with pytest.raises(ArticleError, match=message):
        load_book(tmp_path / "book.epub", tmp_path)


def test_a_book_whose_package_file_is_no_package_says_so(tmp_path: Path) -> None:
    members = {**book_members(standard_book()), "OEBPS/content.opf": b"<notapackage/>"}
    write_epub(tmp_path / "book.epub", members)
    with pytest.raises(ArticleError, match=r"^the book's package file \(OPF\) cannot be read$"):
        load_book(tmp_path / "book.epub", tmp_path)


def _edit_central_directory(path: Path, ending: bytes, edit) -> None:
    """Apply ``edit(data, offset)`` to the central directory entry of each member whose
    name ends with ``ending`` (what a DRM tool or a forged archive changes)."""
    data = bytearray(path.read_bytes())
    entry = data.find(b"PK\x01\x02")
    while entry >= 0:
        length = int.from_bytes(data[entry + 28 : entry + 30], "little")
        if data[entry + 46 : entry + 46 + length].endswith(ending):
            edit(data, entry)
        entry = data.find(b"PK\x01\x02", entry + 4)
    path.write_bytes(bytes(data))


def test_a_member_flagged_encrypted_makes_the_book_unreadable(tmp_path: Path) -> None:
    path = write_book(tmp_path / "book.epub")

    def encrypted(data: bytearray, entry: int) -> None:
        data[entry + 8] |= 0x1  # general purpose flag bit 0: encrypted

    _edit_central_directory(path, b"ch1.xhtml", encrypted)
    with pytest.raises(ArticleError, match=r"the book is encrypted \(DRM\): it cannot be read"):
        load_book(path, tmp_path)


def test_a_book_declaring_more_than_the_limit_in_all_is_refused_unread(tmp_path: Path) -> None:
    path = write_book(tmp_path / "book.epub")

    def declared_large(data: bytearray, entry: int) -> None:
        size = (400 * 2**20).to_bytes(4, "little")  # compressed and inflated: no bomb ratio
        data[entry + 20 : entry + 28] = size + size

    _edit_central_directory(path, b".xhtml", declared_large)  # cover, part, 3 chapters, nav
    with pytest.raises(ArticleError, match=r"the book inflates to 2400 MB; the limit is 1024 MB$"):
        load_book(path, tmp_path)


def test_a_file_that_is_no_zip_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "book.epub").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ArticleError, match=r"^not a readable EPUB \(zip\) file: \S"):
        load_book(tmp_path / "book.epub", tmp_path)
    with zipfile.ZipFile(tmp_path / "empty.epub", "w"):
        pass
    with pytest.raises(ArticleError, match="^not an EPUB: META-INF/container.xml is missing$"):
        load_book(tmp_path / "empty.epub", tmp_path)


def test_the_package_file_is_the_first_rootfile_of_the_package_type_the_book_holds(
    tmp_path: Path,
) -> None:
    """container.xml may list other renditions first (a PDF, a file the zip lacks)."""
    members = book_members(standard_book())
    members["META-INF/container.xml"] = (
        b'<container><rootfiles><rootfile full-path="OEBPS/book.pdf" media-type="application/pdf"/>'
        b'<rootfile full-path="OEBPS/gone.opf" media-type="application/oebps-package+xml"/>'
        b'<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
        b"</rootfiles></container>"
    )
    members["OEBPS/book.pdf"] = b"%PDF-1.4"
    write_epub(tmp_path / "odd.epub", members)
    write_book(tmp_path / "book.epub")
    assert _titles(tmp_path, "odd.epub") == _titles(tmp_path)


def test_a_package_without_metadata_names_the_book_after_its_file(tmp_path: Path) -> None:
    members = book_members(standard_book())
    opf = members["OEBPS/content.opf"].decode()
    start, end = opf.index("<metadata"), opf.index("</metadata>") + len("</metadata>")
    members["OEBPS/content.opf"] = (opf[:start] + opf[end:]).encode()
    write_epub(tmp_path / "道德经.epub", members)
    loaded = load_book(tmp_path / "道德经.epub", tmp_path)
    assert loaded.book.meta.title is None
    assert loaded.articles[1].meta.sections[0] == "道德经"


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("OEBPS/ch1.xhtml", True),
        ("OEBPS/第一章.xhtml", True),
        ("OEBPS/a\x01b.xhtml", False),  # a control character
        ("OEBPS/a\x7fb.xhtml", False),  # DEL
        ("OEBPS/a\x1fb.xhtml", False),
        ("OEBPS/a b.xhtml", True),
        ("", False),
        ("/etc/passwd", False),
        ("OEBPS\\ch1.xhtml", False),
        ("C:/ch1.xhtml", False),
        ("OEBPS/../../ch1.xhtml", False),
        ("./ch1.xhtml", False),
        ("OEBPS/x:y.xhtml", True),  # a colon past the first name is no drive
    ],
)
def test_member_names_that_stay_inside_the_book(name: str, safe: bool) -> None:
    assert is_safe_name(name) is safe


@pytest.mark.parametrize(
    "nav",
    [
        b"",  # empty
        b"<html><body><p>Contents</p></body></html>",  # no nav element
        b"<html><body><nav epub:type='toc'><ol></ol></nav></body></html>",  # no entries
    ],
)
def test_a_nav_document_without_a_toc_leaves_the_toc_to_the_ncx(tmp_path: Path, nav: bytes) -> None:
    write_book(tmp_path / "book.epub")
    members = book_members(standard_book())
    members["OEBPS/nav.xhtml"] = nav
    write_epub(tmp_path / "odd.epub", members)
    assert _titles(tmp_path, "odd.epub") == _titles(tmp_path)
    assert len(load_book(tmp_path / "odd.epub", tmp_path).book.toc) == 4


def test_an_ncx_without_a_nav_map_is_no_toc(tmp_path: Path) -> None:
    book = standard_book()
    book.with_nav = False
    members = book_members(book)
    members["OEBPS/toc.ncx"] = b'<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><head/></ncx>'
    write_epub(tmp_path / "book.epub", members)
    loaded = load_book(tmp_path / "book.epub", tmp_path)
    assert loaded.book.toc == ()
    assert [article.title for article in loaded.articles] == [
        "Part One: The Point",
        "Fog",
        "Spring",
        "茶馆",
    ]


def test_nav_lines_without_a_link_or_label_are_no_entries(tmp_path: Path) -> None:
    members = book_members(standard_book())
    members["OEBPS/nav.xhtml"] = (
        b"<html><body><nav epub:type='toc'><ol>"
        b"<li><a href='ch1.xhtml'>Fog</a></li>"
        b"<li>loose words</li>"
        b"<li><a href='ch2.xhtml'></a></li>"
        b"<li><span></span></li>"
        b"<li><a href='ch3.xhtml'>Tea</a></li>"
        b"</ol></nav></body></html>"
    )
    write_epub(tmp_path / "book.epub", members)
    toc = load_book(tmp_path / "book.epub", tmp_path).book.toc
    assert [(entry.depth, entry.label, entry.target) for entry in toc] == [
        (0, "Fog", "OEBPS/ch1.xhtml"),
        (0, "", "OEBPS/ch2.xhtml"),  # no label, but a target: kept
        (0, "Tea", "OEBPS/ch3.xhtml"),
    ]


def _nav(items: str) -> bytes:
    return f"<html><body><nav epub:type='toc'><ol>{items}</ol></nav></body></html>".encode()


def test_the_first_toc_entry_into_a_document_names_its_chapter(tmp_path: Path) -> None:
    members = book_members(standard_book())
    members["OEBPS/nav.xhtml"] = _nav(
        "<li><a href='ch1.xhtml#start'>Fog</a></li>"
        "<li><a href='ch1.xhtml#later'>Fog, later that night</a></li>"
        "<li><a href='ch2.xhtml'>Spring</a></li>"
    )
    write_epub(tmp_path / "book.epub", members)
    loaded = load_book(tmp_path / "book.epub", tmp_path)
    assert [article.title for article in loaded.articles][1:3] == ["Fog", "Spring"]


def test_toc_labels_depth_and_length_are_bounded(tmp_path: Path) -> None:
    deep = "".join("<li><a href='ch1.xhtml'>level</a><ol>" for _ in range(12))
    deep += "</ol></li>" * 12
    long_label = "茶" * 400
    members = book_members(standard_book())
    members["OEBPS/nav.xhtml"] = _nav(deep + f"<li><a href='ch2.xhtml'>{long_label}</a></li>")
    write_epub(tmp_path / "book.epub", members)
    toc = load_book(tmp_path / "book.epub", tmp_path).book.toc
    assert [entry.depth for entry in toc] == [*range(8), 7, 7, 7, 7, 0]
    assert toc[-1].label == "茶" * 300


def test_a_toc_keeps_its_first_10000_entries(tmp_path: Path) -> None:
    members = book_members(standard_book())
    members["OEBPS/nav.xhtml"] = _nav(
        "".join(f"<li><a href='ch1.xhtml#w{n}'>w{n}</a></li>" for n in range(10_001))
    )
    write_epub(tmp_path / "book.epub", members)
    toc = load_book(tmp_path / "book.epub", tmp_path).book.toc
    assert (len(toc), toc[-1].label) == (10_000, "w9999")
