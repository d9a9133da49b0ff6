"""Build a library of hostile files (HOSTILE_INPUTS.md) in a test's temporary folder.

``build_hostile_library(root)`` writes every file-shaped case: escape sequences and markup
in bodies, titles, file names and folder names; broken and legacy encodings; odd line
endings; malicious front matter; and files that hang or loop (FIFO, /dev/zero, symlink
cycles). It returns ``{relative name: what the case is}`` for test messages. Names that
are not UTF-8 appear as ``os.fsdecode`` gives them (surrogate escapes).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from hostile_cases import *  # noqa: F403 - re-export the markers for tests
from hostile_cases import (
    BAD_NAME_BYTES,
    CHINESE_TEXT,
    ESC,
    ESCAPES,
    GB18030_ONLY,
    LINE_ENDING_PARAGRAPHS,
    LONE_SURROGATE_BYTES,
    LONG_LINE_BYTES,
    MARKUP_STRINGS,
    TITLE_CHANGE_TEXT,
    TRADITIONAL_TEXT,
    VISIBLE_AFTER,
    VISIBLE_BEFORE,
)
from hostile_front_matter import front_matter_cases

Made = dict[str, str]


def write_case(root: Path, made: Made, rel: str | bytes, data: bytes, what: str) -> None:
    """Write ``data`` at ``root/rel`` (str or raw bytes name), creating folders."""
    rel_bytes = os.fsencode(rel)
    path = os.path.join(os.fsencode(root), rel_bytes)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
    made[os.fsdecode(rel_bytes)] = what


def _escape_cases(root: Path, made: Made) -> None:
    """Every escape sequence in a body, a first-line title, a heading, HTML and a name."""
    for name, (seq, what) in ESCAPES.items():
        body = f"Escape in body: {name}\n\n{VISIBLE_BEFORE} {seq} {VISIBLE_AFTER}\n\nClean.\n"
        write_case(root, made, f"escapes/body-{name}.txt", body.encode(), f"{what} in a body")
        title = f"Title {VISIBLE_BEFORE}{seq}{VISIBLE_AFTER}\n\nBody of the title case.\n"
        write_case(root, made, f"escapes/title-{name}.txt", title.encode(), f"{what} in a title")
        heading = f"# Heading {VISIBLE_BEFORE}{seq}{VISIBLE_AFTER}\n\nText {seq} here.\n"
        write_case(root, made, f"escapes/heading-{name}.md", heading.encode(), f"{what} in md")
        page = (
            f"<html><head><title>T {seq}</title></head><body><h1>H {seq}</h1>"
            f"<p>{VISIBLE_BEFORE} {seq} {VISIBLE_AFTER}</p></body></html>"
        )
        write_case(root, made, f"escapes/page-{name}.html", page.encode(), f"{what} in HTML")
        if "\x00" not in seq:  # a file name cannot hold NUL
            file_name = f"escapes/names/name-{seq.replace('/', chr(0x2215))}-{name}.txt"
            write_case(root, made, file_name, b"Escape in a file name.\n", f"{what} in a name")
    _lone_surrogate_cases(root, made)
    folder = f"escapes/dir-{ESC}[2J{ESC}]0;{TITLE_CHANGE_TEXT}\x07/inside.txt"
    write_case(root, made, folder, b"Inside a folder named with escapes.\n", "escapes in folder")
    everything = "\n\n".join(
        f"{name}: {VISIBLE_BEFORE}{s}{VISIBLE_AFTER}" for name, (s, _) in ESCAPES.items()
    )
    write_case(
        root, made, "escapes/all-in-one.txt", ("All escapes\n\n" + everything).encode(), "all"
    )


def _lone_surrogate_cases(root: Path, made: Made) -> None:
    """U+D800 spelled as UTF-8 bytes (invalid) in a body, a title and a file name."""
    s = LONE_SURROGATE_BYTES
    before, after = VISIBLE_BEFORE.encode(), VISIBLE_AFTER.encode()
    body = b"Lone surrogate\n\n" + before + b" " + s + b" " + after + b"\n"
    write_case(root, made, "escapes/body-lone-surrogate.txt", body, "lone surrogate in a body")
    title = b"Title " + s + b"\n\nBody.\n"
    write_case(root, made, "escapes/title-lone-surrogate.txt", title, "lone surrogate in a title")
    write_case(root, made, b"escapes/names/name-" + s + b".txt", b"Body.\n", "surrogate in a name")


def _markup_cases(root: Path, made: Made) -> None:
    """Markup in bodies, titles, headings, file names, section folders and tags."""
    paragraphs = [f"{VISIBLE_BEFORE} {m} {VISIBLE_AFTER}" for m in MARKUP_STRINGS]
    body = "Markup in the body\n\n" + "\n\n".join(paragraphs) + "\n"
    write_case(root, made, "markup/body.txt", body.encode(), "markup in a body")
    for i, markup in enumerate(MARKUP_STRINGS):
        title = f"Title {markup}\n\nBody.\n".encode()
        write_case(root, made, f"markup/title-{i}.txt", title, f"markup {markup!r} in a title")
        heading = f"# {markup}\n\n{markup} in a paragraph.\n".encode()
        write_case(root, made, f"markup/heading-{i}.md", heading, f"markup {markup!r} in md")
        # Slashes inside the markup become folders: that is the point of the case.
        name = f"markup/names/name-{i}-{markup}.txt"
        write_case(root, made, name, b"Markup in a file name.\n", f"markup {markup!r} in a name")
        folder = f"markup/sections/{markup}/article-{i}.txt"
        write_case(root, made, folder, b"In a section.\n", f"markup {markup!r} in a section")
    tags = ", ".join(json.dumps(m) for m in MARKUP_STRINGS)
    front = (
        f"---\ntitle: {json.dumps(MARKUP_STRINGS[0])}\nauthor: {json.dumps(MARKUP_STRINGS[5])}\n"
        f"tags: [{tags}]\ncategories: [{tags}]\n---\n\nMarkup in tags and categories.\n"
    )
    write_case(root, made, "markup/tags.md", front.encode(), "markup in front-matter fields")
    write_case(root, made, "报告[/x].txt", "报告\n\n名字里有标记。\n".encode(), "报告[/x].txt")


def _encoding_cases(root: Path, made: Made) -> None:
    """Clean, legacy and broken encodings, empty and binary files."""
    text, trad = CHINESE_TEXT, TRADITIONAL_TEXT
    utf8 = text.encode()
    cases = {
        "utf8.txt": (utf8, "UTF-8"),
        "utf8-bom.txt": (text.encode("utf-8-sig"), "UTF-8 with BOM"),
        "gbk.txt": (text.encode("gbk"), "GBK"),
        "gb18030.txt": ((text + GB18030_ONLY + "\n").encode("gb18030"), "GB18030 4-byte chars"),
        "big5-long.txt": ((trad * 8).encode("big5"), "Big5, long"),
        "big5-4-bytes.txt": ("經濟".encode("big5"), "Big5, 4 bytes"),
        "big5-6-bytes.txt": ("經濟學".encode("big5"), "Big5, 6 bytes"),
        "gbk-6-bytes.txt": ("经济学".encode("gbk"), "GBK, 6 bytes (detectors say Big5)"),
        "utf16-le-bom.txt": (b"\xff\xfe" + text.encode("utf-16-le"), "UTF-16 LE with BOM"),
        "utf16-be-bom.txt": (b"\xfe\xff" + text.encode("utf-16-be"), "UTF-16 BE with BOM"),
        "utf16-no-bom.txt": (text.encode("utf-16-le"), "UTF-16 LE without BOM"),
        "stray-byte.txt": (utf8[:20] + b"\xff" + utf8[20:], "UTF-8 with one stray byte"),
        "truncated.txt": (utf8 + "经".encode()[:2], "multibyte cut at end of file"),
        "gbk-in-utf8.txt": (utf8 + "经济".encode("gbk") + utf8, "GBK bytes inside UTF-8"),
        "empty.txt": (b"", "empty file"),
        "binary.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16, "binary named .txt"),
        "nul-padding.txt": (utf8 + b"\x00" * 4096, "text followed by NUL padding"),
    }
    for name, (data, what) in cases.items():
        write_case(root, made, f"encodings/{name}", data, what)


def _line_ending_cases(root: Path, made: Made) -> None:
    """The same paragraphs with CRLF, CR, mixed endings and FF/VT separators."""
    p1, p2, p3 = LINE_ENDING_PARAGRAPHS
    cases = {
        "crlf.txt": f"Line endings\r\n\r\n{p1}\r\n\r\n{p2}\r\n\r\n{p3}\r\n",
        "cr.txt": f"Line endings\r\r{p1}\r\r{p2}\r\r{p3}\r",
        "mixed.txt": f"Line endings\r\n\n{p1}\r\r\n{p2}\n\r{p3}\r\n",
        "ff-vt.txt": f"Line endings\n\n{p1}\n\f\n{p2}\v\n\n{p3}\n",
    }
    for name, text in cases.items():
        write_case(root, made, f"line-endings/{name}", text.encode(), f"line endings: {name}")


def _special_files(root: Path, made: Made, include_big: bool) -> None:
    """Links, a FIFO, /dev/zero, a huge line, a bad byte name, a folder named x.txt."""
    base = root / "files"
    base.mkdir(parents=True, exist_ok=True)
    write_case(root, made, "files/normal.txt", b"A normal neighbour\n\nIt must load.\n", "normal")
    (base / "loop").mkdir()
    os.symlink("..", base / "loop" / "up", target_is_directory=True)
    made["files/loop/up"] = "symlink loop: a folder link to its parent"
    os.symlink("does-not-exist.txt", base / "dangling.txt")
    made["files/dangling.txt"] = "dangling symlink"
    os.mkfifo(base / "a.txt")
    made["files/a.txt"] = "FIFO named a.txt (read() blocks forever)"
    os.symlink("/dev/zero", base / "zero.txt")
    made["files/zero.txt"] = "symlink to /dev/zero (never ends)"
    write_case(root, made, b"files/" + BAD_NAME_BYTES, b"Bad name\n\nBody.\n", "non-UTF-8 name")
    write_case(root, made, "files/x.txt/inside.txt", b"Inside x.txt\n\nBody.\n", "in dir x.txt")
    made["files/x.txt"] = "a directory named x.txt"
    write_case(root, made, "files/mode-000.txt", b"Locked\n\nBody.\n", "mode 000")
    os.chmod(base / "mode-000.txt", 0)
    made["files/mode-000.txt"] = "mode 000 (root still reads it: mock open to test)"
    if include_big:
        line = ("经济 economy " * (LONG_LINE_BYTES // 15 + 1)).encode()[:LONG_LINE_BYTES]
        write_case(root, made, "files/long-line.txt", line, "10 MB on a single line")


def build_hostile_library(root: Path, *, include_big: bool = True) -> dict[str, str]:
    """Create every file-shaped hostile case under ``root``; return {name: description}.

    ``include_big=False`` leaves out the 10 MB single-line file for quick tests.
    """
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    made: Made = {}
    write_case(root, made, "ok/plain.txt", b"A plain article\n\nNothing odd here.\n", "control")
    _escape_cases(root, made)
    _markup_cases(root, made)
    _encoding_cases(root, made)
    _line_ending_cases(root, made)
    for rel, (data, what) in front_matter_cases(root).items():
        write_case(root, made, rel, data, what)
    _special_files(root, made, include_big)
    return made


def build_many_files(root: Path, count: int = 100_000) -> None:
    """Write ``count`` tiny articles spread over 100 folders (for scale tests and bench)."""
    for i in range(count):
        folder = root / f"many/{i % 100:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i:06d}.txt").write_text(f"Article {i}\n\nBody {i}.\n", encoding="utf-8")
