"""The EPUB container's bounded reads: what each refusal says, and reads at the limit."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from tuireader.library.formats.epub.container import BookError, Container

MB = 2**20


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    # Stored, not deflated: sizes stay what they are, and bytes can be damaged in place.
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_a_member_is_read_whole_up_to_and_at_the_limit(tmp_path: Path) -> None:
    data = b"chapter text " * 1000
    with Container(_zip(tmp_path / "b.epub", {"a.txt": data})) as book:
        assert book.has("a.txt")
        assert not book.has("b.txt")
        assert book.read("a.txt") == data
        assert book.read("a.txt", limit=len(data)) == data


def test_a_missing_member_is_named_in_the_error_cut_to_200_characters(tmp_path: Path) -> None:
    name = "chapters/" + "x" * 300
    path = _zip(tmp_path / "b.epub", {"a.txt": b"text"})
    with Container(path) as book, pytest.raises(BookError) as caught:
        book.read(name)
    assert str(caught.value) == f"missing from the book: {name[:200]}"


def test_a_member_over_the_limit_says_both_sizes_in_mb(tmp_path: Path) -> None:
    data = b"s" * (3 * MB + 5)
    with Container(_zip(tmp_path / "b.epub", {"big.txt": data})) as book:
        with pytest.raises(BookError) as caught:
            book.read("big.txt", limit=MB)
        assert str(caught.value) == "big.txt is 3 MB; the limit is 1 MB"
        with pytest.raises(BookError, match="is 3 MB; the limit is 3 MB"):
            book.read("big.txt", limit=3 * MB)
        assert book.read("big.txt", limit=3 * MB + 5) == data


def test_a_damaged_member_says_what_zip_found(tmp_path: Path) -> None:
    name = "OEBPS/" + "n" * 250 + ".xhtml"
    path = _zip(tmp_path / "b.epub", {name: b"<p>one quiet line of a chapter</p>"})
    raw = path.read_bytes()
    path.write_bytes(raw.replace(b"quiet", b"QUIET"))  # a stored member: the CRC no longer fits
    with Container(path) as book, pytest.raises(BookError) as caught:
        book.read(name)
    message = str(caught.value)
    prefix = f"cannot read {name[:200]}: "
    assert message.startswith(prefix)
    reason = message[len(prefix) :]
    assert len(reason) == 200
    assert re.match(r"Bad CRC-32 for file 'OEBPS/n+$", reason)


def test_a_file_that_is_no_zip_is_refused_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "b.epub"
    path.write_bytes(b"plain words, not a zip archive\n" * 4)
    with pytest.raises(BookError) as caught:
        Container(path)
    assert str(caught.value) == "not a readable EPUB (zip) file: File is not a zip file"
