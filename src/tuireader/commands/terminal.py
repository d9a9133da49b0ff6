"""The one way command output reaches a terminal: through the sanitizer.

While a command runs, ``sys.stdout`` and ``sys.stderr`` are :class:`CleanStream` wrappers
that pass every write through :func:`~tuireader.text.sanitize.sanitize_text`, so nothing
the CLI prints — human output, an export to stdout, an error message, argparse's usage
errors echoing a hostile file name, even a traceback — can carry an escape sequence, a
raw carriage return or an 8-bit control to the terminal. Code still cleans what it prints
(one-line labels with ``sanitize_line``, JSON with :mod:`tuireader.text.json_out`); this
is the net under all of it.

A stream that is a regular file (``tuireader bookmarks export > out.md``) is left as it is,
so a file gets the user's text exactly; a pipe is cleaned like a terminal, since it may
end in one (``| less -R``). The progress bar writes its own ``\\r`` and erase-line through
:func:`raw_stream`. The reader UI runs with the real streams (:func:`raw_output`): Textual
draws the screen itself and sanitizes what it shows.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from tuireader.text.sanitize import sanitize_text


class CleanStream(io.TextIOBase):
    """A text stream that writes ``sanitize_text(text)`` to the stream it wraps."""

    def __init__(self, raw: TextIO) -> None:
        """Wrap ``raw`` (kept as :attr:`raw` for trusted writes)."""
        super().__init__()
        self.raw = raw

    def write(self, text: str) -> int:
        """Write ``text`` cleaned; returns its length, as if written whole."""
        self.raw.write(sanitize_text(text))
        return len(text)

    def writable(self) -> bool:
        """Always: this stream is for output."""
        return True

    def flush(self) -> None:
        """Flush the wrapped stream."""
        self.raw.flush()

    def isatty(self) -> bool:
        """Whether the wrapped stream is a terminal."""
        return self.raw.isatty()

    def fileno(self) -> int:
        """The wrapped stream's file descriptor."""
        return self.raw.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        """The wrapped stream's encoding."""
        return getattr(self.raw, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        """The wrapped stream's error handler."""
        return getattr(self.raw, "errors", None)


def is_regular_file(stream: object) -> bool:
    """Whether ``stream`` writes to a regular file (not a terminal, pipe or socket)."""
    try:
        return stat.S_ISREG(os.fstat(stream.fileno()).st_mode)  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return False


def cleaned(stream: TextIO) -> TextIO:
    """``stream`` wrapped in a :class:`CleanStream`, unless it is a regular file or
    already wrapped."""
    if stream is None or isinstance(stream, CleanStream) or is_regular_file(stream):
        return stream
    return CleanStream(stream)  # type: ignore[return-value]


def raw_stream(stream: TextIO) -> TextIO:
    """The stream under a :class:`CleanStream` (for the progress bar's own controls)."""
    return stream.raw if isinstance(stream, CleanStream) else stream


@contextmanager
def cleaned_output() -> Iterator[None]:
    """Run the body with stdout and stderr cleaned; the real streams are put back after."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = cleaned(sys.stdout), cleaned(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


@contextmanager
def raw_output() -> Iterator[None]:
    """Run the body with the real streams (the reader UI draws the terminal itself)."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = raw_stream(sys.stdout), raw_stream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
