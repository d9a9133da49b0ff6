"""The hostile-library generator creates exactly the cases it claims to create.

Other tests (CLI ``list --json``, end-to-end pty runs) feed this library to tuireader;
they can only be trusted if each case really is what its description says.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hostile_library import (
    BAD_NAME_BYTES,
    ESCAPES,
    LINE_ENDING_PARAGRAPHS,
    LONE_SURROGATE_BYTES,
    LONG_LINE_BYTES,
    MARKUP_STRINGS,
    OSC52_PAYLOAD,
    TITLE_CHANGE_TEXT,
    build_hostile_library,
)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """One hostile library (with the 10 MB file) shared by this module."""
    root = tmp_path_factory.mktemp("hostile")
    return root, build_hostile_library(root)


def _raw(root: Path, rel: str) -> bytes:
    """The bytes path of a case name (names may hold surrogate escapes)."""
    return os.path.join(os.fsencode(root), os.fsencode(rel))


def _lstat(root: Path, rel: str) -> os.stat_result:
    return os.lstat(_raw(root, rel))


def test_every_named_case_exists(library: tuple[Path, dict[str, str]]) -> None:
    root, made = library
    missing = [rel for rel in made if not os.path.lexists(_raw(root, rel))]
    assert missing == []
    assert all(description for description in made.values())


def test_fifo_is_a_fifo(library: tuple[Path, dict[str, str]]) -> None:
    root, _ = library
    assert stat.S_ISFIFO(_lstat(root, "files/a.txt").st_mode)


def test_links_point_where_they_say(library: tuple[Path, dict[str, str]]) -> None:
    root, _ = library
    assert os.readlink(root / "files/zero.txt") == "/dev/zero"
    assert os.path.islink(root / "files/dangling.txt")
    assert not os.path.exists(root / "files/dangling.txt")
    loop = root / "files/loop/up"
    assert os.path.islink(loop)
    assert os.path.samefile(loop, root / "files")
    assert os.path.isdir(loop / "loop" / "up" / "loop")  # it really cycles


def test_directory_named_like_an_article(library: tuple[Path, dict[str, str]]) -> None:
    root, _ = library
    assert (root / "files/x.txt").is_dir()


def test_mode_000_file(library: tuple[Path, dict[str, str]]) -> None:
    root, _ = library
    assert stat.S_IMODE(_lstat(root, "files/mode-000.txt").st_mode) == 0


def test_non_utf8_file_name(library: tuple[Path, dict[str, str]]) -> None:
    root, made = library
    names = os.listdir(os.path.join(os.fsencode(root), b"files"))
    assert BAD_NAME_BYTES in names
    with pytest.raises(UnicodeDecodeError):
        BAD_NAME_BYTES.decode("utf-8")
    assert os.fsdecode(b"files/" + BAD_NAME_BYTES) in made


def test_escape_names_and_surrogate_name(library: tuple[Path, dict[str, str]]) -> None:
    root, _ = library
    names = os.listdir(os.path.join(os.fsencode(root), b"escapes", b"names"))
    assert any(b"\x1b]52;c;" in n for n in names)
    assert any(LONE_SURROGATE_BYTES in n for n in names)
    folders = os.listdir(os.path.join(os.fsencode(root), b"escapes"))
    assert any(n.startswith(b"dir-\x1b[2J") for n in folders)


@pytest.mark.parametrize("name", sorted(ESCAPES))
def test_escape_bytes_are_in_the_body(library: tuple[Path, dict[str, str]], name: str) -> None:
    root, _ = library
    data = (root / f"escapes/body-{name}.txt").read_bytes()
    assert ESCAPES[name][0].encode() in data


def test_osc_markers_are_present(library: tuple[Path, dict[str, str]]) -> None:
    root, _ = library
    osc52 = (root / "escapes/body-osc52-st.txt").read_bytes()
    assert b"\x1b]52;c;" + OSC52_PAYLOAD.encode() + b"\x1b\\" in osc52
    title = (root / "escapes/title-osc0-bel.txt").read_bytes()
    assert b"\x1b]0;" + TITLE_CHANGE_TEXT.encode() + b"\x07" in title.split(b"\n")[0]


def test_lone_surrogate_is_invalid_utf8(library: tuple[Path, dict[str, str]]) -> None:
    root, _ = library
    data = (root / "escapes/body-lone-surrogate.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_markup_in_names_folders_and_tags(library: tuple[Path, dict[str, str]]) -> None:
    root, _ = library
    assert (root / "报告[" / "x].txt").is_file()
    assert (root / "markup/sections/[@click=app.quit]quit[").is_dir()
    tags = (root / "markup/tags.md").read_text(encoding="utf-8")
    assert all(markup in tags for markup in MARKUP_STRINGS)
    body = (root / "markup/body.txt").read_text(encoding="utf-8")
    assert all(markup in body for markup in MARKUP_STRINGS)


@pytest.mark.parametrize(
    ("name", "codec"),
    [
        ("utf8.txt", "utf-8"),
        ("utf8-bom.txt", "utf-8-sig"),
        ("gbk.txt", "gbk"),
        ("gb18030.txt", "gb18030"),
        ("big5-long.txt", "big5"),
        ("utf16-le-bom.txt", "utf-16"),
        ("utf16-be-bom.txt", "utf-16"),
        ("utf16-no-bom.txt", "utf-16-le"),
    ],
)
def test_clean_encodings_decode_with_their_codec(
    library: tuple[Path, dict[str, str]], name: str, codec: str
) -> None:
    root, _ = library
    text = (root / "encodings" / name).read_bytes().decode(codec)
    assert "经济" in text or "經濟" in text


def test_gb18030_case_is_not_gbk(library: tuple[Path, dict[str, str]]) -> None:
    root, _ = library
    with pytest.raises(UnicodeDecodeError):
        (root / "encodings/gb18030.txt").read_bytes().decode("gbk")


@pytest.mark.parametrize(
    "name", ["stray-byte.txt", "truncated.txt", "gbk-in-utf8.txt", "binary.txt"]
)
def test_broken_files_are_not_utf8(library: tuple[Path, dict[str, str]], name: str) -> None:
    root, _ = library
    with pytest.raises(UnicodeDecodeError):
        (root / "encodings" / name).read_bytes().decode("utf-8")


def test_short_and_empty_files(library: tuple[Path, dict[str, str]]) -> None:
    root, _ = library
    assert (root / "encodings/empty.txt").stat().st_size == 0
    assert (root / "encodings/big5-4-bytes.txt").stat().st_size == 4
    assert (root / "encodings/big5-6-bytes.txt").stat().st_size == 6
    assert (root / "encodings/gbk-6-bytes.txt").stat().st_size == 6
    assert (root / "encodings/nul-padding.txt").read_bytes().endswith(b"\x00" * 4096)


def test_line_endings(library: tuple[Path, dict[str, str]]) -> None:
    root, _ = library
    crlf = (root / "line-endings/crlf.txt").read_bytes()
    cr = (root / "line-endings/cr.txt").read_bytes()
    ff_vt = (root / "line-endings/ff-vt.txt").read_bytes()
    assert crlf.count(b"\r\n") == crlf.count(b"\n") > 0
    assert b"\n" not in cr and b"\r" in cr
    assert b"\f" in ff_vt and b"\v" in ff_vt
    for name in ("crlf.txt", "cr.txt", "mixed.txt", "ff-vt.txt"):
        text = (root / "line-endings" / name).read_text(encoding="utf-8")
        assert all(p in text for p in LINE_ENDING_PARAGRAPHS)


def test_front_matter_attacks(library: tuple[Path, dict[str, str]]) -> None:
    root, _ = library
    fm = root / "front-matter"
    assert b"!!python/object/apply:os.system" in (fm / "python-tag.md").read_bytes()
    assert (fm / "alias-bomb.md").stat().st_size < 1024
    assert (fm / "deep-nesting.md").read_bytes().count(b"[") >= 5000
    assert (fm / "huge.md").stat().st_size > 64 * 1024
    assert (fm / "bom-before.md").read_bytes().startswith(b"\xef\xbb\xbf---")
    assert (fm / "crlf.md").read_bytes().startswith(b"---\r\n")
    assert (fm / "unclosed.md").read_bytes().count(b"---") == 1


def test_long_single_line(library: tuple[Path, dict[str, str]]) -> None:
    root, _ = library
    path = root / "files/long-line.txt"
    assert path.stat().st_size == LONG_LINE_BYTES
    assert b"\n" not in path.read_bytes()


def test_small_library_leaves_out_the_big_file(tmp_path: Path) -> None:
    made = build_hostile_library(tmp_path, include_big=False)
    assert "files/long-line.txt" not in made
    assert not (tmp_path / "files/long-line.txt").exists()
    assert "files/a.txt" in made
