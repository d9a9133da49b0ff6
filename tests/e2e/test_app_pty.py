"""The real ``tuireader`` command in a pseudo-terminal: start, open an article, quit."""

from __future__ import annotations

import os
import pty
import select
import signal
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import write_article

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(sys.platform == "win32", reason="pty")]
SRC = Path(__file__).resolve().parents[2] / "src"


class Session:
    """A child process on a pty; everything it writes is kept in ``output``."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ.update(env)
            os.execvp(argv[0], argv)
        self.output = bytearray()

    def read_until(self, text: str, timeout: float = 20.0) -> bool:
        """Read until ``text`` (UTF-8) shows up in the output; False on timeout."""
        wanted, end = text.encode(), time.monotonic() + timeout
        while wanted not in self.output and time.monotonic() < end:
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                try:
                    self.output += os.read(self.fd, 65536)
                except OSError:
                    break
        return wanted in self.output

    def send(self, keys: str) -> None:
        """Type ``keys``."""
        os.write(self.fd, keys.encode())

    def exit_status(self, timeout: float = 10.0) -> int | None:
        """Wait for the child to end; its exit status (None if it had to be killed)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.read_until("\x00", timeout=0.1)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        return None


def test_start_open_read_and_quit_in_a_terminal(tmp_path):
    library = tmp_path / "library"
    write_article(library, "news/harbour.md", "Harbour cranes return", "2024-03-01", 3)
    write_article(library, "news/river.md", "River levels fall", "2024-02-01", 3)
    env = {
        "TUIREADER_DATA_DIR": str(tmp_path / "data"),
        "TUIREADER_CACHE_DIR": str(tmp_path / "cache"),
        "TUIREADER_CONFIG": str(tmp_path / "config.yaml"),
        "PYTHONPATH": str(SRC),
        "TERM": "xterm-256color",
    }
    session = Session([sys.executable, "-m", "tuireader", str(library)], env)
    assert session.read_until("River levels fall"), session.output[-500:]
    session.send("j")
    time.sleep(0.3)
    session.send("\r")
    assert session.read_until("Paragraph 0 of River levels fall")
    session.send("q")
    time.sleep(0.3)
    session.send("q")
    assert session.exit_status() == 0
