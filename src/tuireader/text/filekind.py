"""What kind of file a path is, in words, for the paths tuireader opens itself.

Opening a FIFO for reading waits for a writer forever; a socket or a device is no
config file, database or article either. The config, state.db and catalog paths and
every article are checked with :func:`not_a_file` before they are opened, and refused
with a message that names what was found there. The choices for following symbolic
links live here too. (In this lowest layer so the config, state, catalog and library
code can all use the one wording and the one list.)
"""

from __future__ import annotations

import os
import stat

#: How symbolic links in a library are treated (the config's ``follow_links``): "inside"
#: follows a link only when its target is inside the library, "all" follows every link,
#: "none" follows none. Whatever the setting, nothing under :data:`NEVER_READ` is read.
FOLLOW_LINKS = ("inside", "all", "none")
DEFAULT_FOLLOW_LINKS = "inside"
NEVER_READ = ("/proc", "/sys", "/dev")

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def kind_of(mode: int) -> str | None:
    """The kind of a non-regular file from its ``st_mode`` ("a FIFO (named pipe)"), or
    None for a regular file."""
    for is_kind, kind in _KINDS:
        if is_kind(mode):
            return kind
    return None if stat.S_ISREG(mode) else "a special file"


def not_a_file(path: str | os.PathLike[str]) -> str | None:
    """What ``path`` is when it exists but is not a regular file (links followed), else
    None (a regular file, or nothing there: the caller's open reports that)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    return kind_of(mode)
