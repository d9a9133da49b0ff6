"""Drive a terminal program under a real pseudo-terminal and keep every byte it writes.

The one pty harness of the project, shared by the end-to-end tests and the benchmarks
(``bench/`` puts ``tests/support`` on ``sys.path``). Tests use it to prove that nothing
from an article file reaches the terminal as an escape sequence: the app runs as a
person would run it (its own process, a real pty of a given size), keys go in as the
bytes a terminal would send, and the recorded output is searched afterwards. Benchmarks
use its timings: when each chunk of output arrived (:meth:`PtyApp.arrival`,
:meth:`PtyApp.key_to`) and the CPU the child used (:meth:`PtyApp.cpu_seconds`,
:meth:`PtyApp.key_cpu`).

    with PtyApp([sys.executable, "-m", "tuireader", str(root)], size=(120, 36)) as app:
        app.wait_for("articles")
        app.press("j", "enter")
        app.settle()
        status = app.quit("q")
    assert b"\\x1b]52" not in app.output

``mark()`` returns an offset into :attr:`PtyApp.output`; ``wait_for(text, since=mark)``
looks only at what came after it. Reading happens whenever the test waits, so the child
never blocks on a full pty buffer while the test is between keys.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

#: Key names and the bytes a terminal sends for them; anything else is sent as typed.
KEYS: dict[str, bytes] = {
    "enter": b"\r",
    "tab": b"\t",
    "shift+tab": b"\x1b[Z",
    "escape": b"\x1b",
    "space": b" ",
    "backspace": b"\x7f",
    "up": b"\x1b[A",
    "down": b"\x1b[B",
    "right": b"\x1b[C",
    "left": b"\x1b[D",
    "home": b"\x1b[H",
    "end": b"\x1b[F",
    "pageup": b"\x1b[5~",
    "pagedown": b"\x1b[6~",
    "f1": b"\x1bOP",
    "ctrl+p": b"\x10",
    "ctrl+q": b"\x11",
}

# Textual leaves the alternate screen with this when it exits.
LEAVE_ALT_SCREEN = b"\x1b[?1049l"
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far (all its threads, not its children)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


class PtyTimeout(AssertionError):
    """Something the test waited for did not happen in time."""


class PtyApp:
    """A child process on a pty of ``size`` (columns, rows), with its output recorded."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        size: tuple[int, int] = (120, 36),
        env: Mapping[str, str] | None = None,
        cwd: str | os.PathLike[str] | None = None,
    ) -> None:
        self.argv = list(argv)
        self.size = size
        self.env = {**os.environ, "TERM": "xterm-256color", **(env or {})}
        self.cwd = cwd
        self.output = bytearray()
        self.pid = 0
        self.fd = -1
        self.status: int | None = None
        self.started = 0.0  # monotonic time just before the fork
        self.last_read = 0.0  # monotonic time the latest chunk of output arrived

    # -- life cycle --------------------------------------------------------------------
    def start(self) -> PtyApp:
        """Fork the child on a new pty (its size set before it runs)."""
        self.started = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:  # the child: become the program
            try:
                if self.cwd is not None:
                    os.chdir(self.cwd)
                os.execvpe(self.argv[0], self.argv, self.env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        columns, rows = self.size
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        return self

    def __enter__(self) -> PtyApp:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.kill()

    @property
    def alive(self) -> bool:
        """Whether the child is still running (reaps it if it has ended)."""
        self._reap()
        return self.status is None

    def kill(self) -> None:
        """End the child if it still runs, and close the pty."""
        if self.pid and self.alive:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.status = -signal.SIGKILL
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def _reap(self) -> None:
        if self.status is not None or not self.pid:
            return
        done, status = os.waitpid(self.pid, os.WNOHANG)
        if done:
            self.status = os.waitstatus_to_exitcode(status)

    # -- output ------------------------------------------------------------------------
    def read(self, timeout: float = 0.05) -> int:
        """Read what the child wrote within ``timeout`` seconds; the number of bytes."""
        if self.fd < 0:
            return 0
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return 0
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError:  # EIO: the child closed its side
            return 0
        self.last_read = time.monotonic()
        self.output += chunk
        return len(chunk)

    def mark(self) -> int:
        """The current end of the output, for ``wait_for(..., since=mark)``."""
        self.read(0)
        return len(self.output)

    def wait_for(
        self, pattern: str | bytes | re.Pattern[bytes], timeout: float = 10.0, since: int = 0
    ) -> re.Match[bytes] | int:
        """Wait until ``pattern`` appears after offset ``since``; raise PtyTimeout if not.

        Returns the match (for a regex) or the offset where the text starts.
        """
        deadline = time.monotonic() + timeout
        while True:
            found = _search(self.output, pattern, since)
            if found is not None:
                return found
            if time.monotonic() > deadline:
                raise PtyTimeout(f"{pattern!r} did not appear within {timeout}s")
            if not self.read(0.05) and not self.alive:
                self.read(0)
                found = _search(self.output, pattern, since)
                if found is not None:
                    return found
                raise PtyTimeout(f"the program ended (status {self.status}) before {pattern!r}")

    def settle(self, quiet: float = 0.2, timeout: float = 10.0) -> None:
        """Read until the child has written nothing for ``quiet`` seconds (or ``timeout``)."""
        deadline = time.monotonic() + timeout
        last = time.monotonic()
        while time.monotonic() < deadline:
            if self.read(0.02):
                last = time.monotonic()
            elif time.monotonic() - last >= quiet:
                return

    # -- timings (for the benchmarks) -----------------------------------------------------
    def arrival(self, marker: bytes, since: int = 0, timeout: float = 60.0) -> float:
        """The monotonic time at which ``marker`` had arrived after offset ``since``:
        when the read that completed it returned."""
        deadline = time.monotonic() + timeout
        arrived = time.monotonic()
        while self.output.find(marker, since) < 0:
            if time.monotonic() > deadline:
                tail = bytes(self.output[-1500:]).decode(errors="replace")
                raise PtyTimeout(f"{marker!r} not seen; the output ended with:\n{tail}")
            if self.read(0.05):
                arrived = self.last_read
        return arrived

    def key_to(self, key: bytes, marker: bytes | None) -> float:
        """Seconds from writing ``key`` to ``marker`` (or to the first bytes if None)."""
        since = len(self.output)
        sent = time.monotonic()
        self.send(key)
        if marker is not None:
            return self.arrival(marker, since) - sent
        deadline = sent + 10.0
        while not self.read(0.5):
            if time.monotonic() > deadline:
                raise PtyTimeout(f"no output within 10 s of {key!r}")
        return self.last_read - sent

    def cpu_seconds(self) -> float:
        """User + system CPU the child has used so far."""
        return cpu_seconds(self.pid)

    def key_cpu(
        self, keys: bytes, presses: int = 30, gap: float = 0.15, rest: float = 0.5
    ) -> float:
        """CPU seconds per press cycling ``keys`` (after ``rest`` seconds of quiet), minus
        the CPU of an idle spell as long."""
        self.read_for(rest)
        before = self.cpu_seconds()
        self.read_for(presses * gap)
        idle = self.cpu_seconds() - before
        before = self.cpu_seconds()
        for n in range(presses):
            self.send(keys[n % len(keys) : n % len(keys) + 1])
            self.read_for(gap)
        busy = self.cpu_seconds() - before
        return max(0.0, busy - idle) / presses

    # -- input -------------------------------------------------------------------------
    def send(self, data: bytes) -> None:
        """Write raw bytes to the child's terminal."""
        os.write(self.fd, data)

    def press(self, *keys: str, delay: float = 0.03) -> None:
        """Send keys by name (``enter``, ``down``, ``ctrl+p`` …) or as literal text."""
        for key in keys:
            self.send(KEYS.get(key, key.encode()))
            self.read_for(delay)

    def read_for(self, seconds: float) -> None:
        """Keep reading for ``seconds`` (the child never blocks on a full pty meanwhile)."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            self.read(left)

    def click(self, x: int, y: int, button: int = 0) -> None:
        """A mouse click at cell (x, y), 0-based, in SGR mouse encoding."""
        self.send(f"\x1b[<{button};{x + 1};{y + 1}M".encode())
        self.read_for(0.02)
        self.send(f"\x1b[<{button};{x + 1};{y + 1}m".encode())
        self.read_for(0.02)

    def wait_exit(self, timeout: float = 30.0) -> int:
        """Wait for a command that ends by itself; its exit status (all output read)."""
        deadline = time.monotonic() + timeout
        while self.alive:
            if time.monotonic() > deadline:
                raise PtyTimeout(f"still running after {timeout}s")
            self.read(0.05)
        while self.read(0.05):
            pass
        assert self.status is not None
        return self.status

    def quit(self, *keys: str, timeout: float = 15.0) -> int:
        """Press ``keys`` (default ``ctrl+q``) and wait for the exit status."""
        self.press(*(keys or ("ctrl+q",)))
        deadline = time.monotonic() + timeout
        while self.alive:
            if time.monotonic() > deadline:
                raise PtyTimeout(f"still running {timeout}s after {keys or 'ctrl+q'}")
            self.read(0.05)
        while self.read(0.05):  # whatever was still buffered
            pass
        assert self.status is not None
        return self.status


def _search(
    data: bytearray, pattern: str | bytes | re.Pattern[bytes], since: int
) -> re.Match[bytes] | int | None:
    if isinstance(pattern, re.Pattern):
        return pattern.search(data, since)
    needle = pattern.encode() if isinstance(pattern, str) else pattern
    index = data.find(needle, since)
    return None if index < 0 else index
