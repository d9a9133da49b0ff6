"""Which process is writing a catalog: one lock file for its scan, one for its index build.

SQLite already keeps two writers from mixing their transactions, but not from doing the
same long work twice: a ``tuireader search`` started while the app builds the index
would build it too, batch by batch against the app, and answer only when the whole
build is done. So the process that scans (or builds the index) holds an OS lock
(``flock``) on a file beside the catalog for as long as it works; one that need not wait
(the CLI) asks without waiting and, when another holds it, answers from the catalog as
it is (WAL readers are never blocked). The OS drops a lock when its process ends, so a
crash leaves nothing stale. Without ``fcntl`` (Windows) the locks are always free.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX
    fcntl = None  # type: ignore[assignment]

SCAN = "scan"
BUILD = "index"


def lock_file(db_path: Path, work: str) -> Path:
    """The lock file of ``work`` (:data:`SCAN` or :data:`BUILD`) on the catalog."""
    return Path(f"{db_path}.{work}.lock")


@contextlib.contextmanager
def held(db_path: Path, work: str, wait: bool = True) -> Iterator[bool]:
    """Hold the lock of ``work`` on the catalog while the block runs; yields True, or
    (``wait`` False) False at once when another process holds it."""
    if fcntl is None:
        yield True
        return
    path = lock_file(db_path, work)
    try:
        handle = path.open("a+b")
    except OSError:  # a read-only cache folder: nobody else can write here either
        yield True
        return
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
