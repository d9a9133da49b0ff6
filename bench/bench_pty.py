"""A program on a real pseudo-terminal, timed from the outside (for the benchmarks).

The same idea as ``tests/pty_harness.py`` (fork on a pty, keep every byte), written for
timing: each chunk is stamped when it is read, so a marker's arrival time is the read
that completed it, and the child's CPU comes from ``/proc/PID/stat``.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far (all its threads, not its children)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def load_line() -> str:
    """The machine's cores and load average, for the top of a report."""
    one, five, fifteen = os.getloadavg()
    return f"{os.cpu_count()} cores, load average {one:.2f} {five:.2f} {fifteen:.2f} at start"


def spread(seconds: list[float]) -> str:
    """Best and median of a few timings, in ms under a second, else in s."""
    ordered = sorted(seconds)
    best, median = ordered[0], ordered[len(ordered) // 2]
    if median < 1:
        return f"{best * 1000:.0f}/{median * 1000:.0f} ms"
    return f"{best:.2f}/{median:.2f} s"


class Pty:
    """``argv`` on a pty of ``size`` (columns, rows); its output kept with arrival times."""

    def __init__(self, argv: list[str], env: dict[str, str], size=(120, 36)) -> None:
        full_env = {**os.environ, "TERM": "xterm-256color", **env}
        self.started = time.monotonic()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            try:
                os.execvpe(argv[0], argv, full_env)
            finally:
                os._exit(127)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.output = bytearray()

    def read(self, timeout: float) -> float | None:
        """Read one chunk within ``timeout``; the time it arrived, or None."""
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not ready:
            return None
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError:  # the child has gone
            return None
        arrived = time.monotonic()
        self.output += chunk
        return arrived if chunk else None

    def wait_for(self, marker: bytes, since: int, timeout: float = 60.0) -> float:
        """The monotonic time at which ``marker`` had arrived after offset ``since``."""
        deadline = time.monotonic() + timeout
        arrived = time.monotonic()
        while self.output.find(marker, since) < 0:
            if time.monotonic() > deadline:
                tail = bytes(self.output[-1500:]).decode(errors="replace")
                raise TimeoutError(f"{marker.decode()!r} not seen; output ended with:\n{tail}")
            arrived = self.read(0.05) or arrived
        return arrived

    def settle(self, seconds: float) -> None:
        """Keep reading for ``seconds``, so nothing from before is counted later."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            self.read(left)

    def key_to(self, key: bytes, marker: bytes | None) -> float:
        """Seconds from writing ``key`` to ``marker`` (or to the first bytes if None)."""
        since = len(self.output)
        sent = time.monotonic()
        os.write(self.fd, key)
        if marker is not None:
            return self.wait_for(marker, since) - sent
        deadline = sent + 10.0
        while (arrived := self.read(0.5)) is None:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no output within 10 s of {key!r}")
        return arrived - sent

    def key_cpu(self, keys: bytes, presses: int = 30, gap: float = 0.15) -> float:
        """CPU seconds per press cycling ``keys``, minus the CPU of an idle spell as long."""
        self.settle(0.5)
        before = cpu_seconds(self.pid)
        self.settle(presses * gap)
        idle = cpu_seconds(self.pid) - before
        before = cpu_seconds(self.pid)
        for n in range(presses):
            os.write(self.fd, keys[n % len(keys) : n % len(keys) + 1])
            self.settle(gap)
        busy = cpu_seconds(self.pid) - before
        return max(0.0, busy - idle) / presses

    def close(self) -> None:
        """End the child and close the pty."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
        os.close(self.fd)
