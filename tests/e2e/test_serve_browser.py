"""End to end: ``tuireader serve`` in headless Chromium reads the seed article, takes a key.

The page draws the terminal with xterm.js on a canvas, so the DOM holds no text. A
script added before the page's own code notes the xterm ``Terminal`` object when the
page stores it (as ``this.terminal``); the test reads the screen from its buffer, the
same cells the canvas paints. Keys go through CDP ``Input.dispatchKeyEvent``, as typed.
Skipped when no Chromium is installed (Debian: ``apt-get install chromium``).
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import cdp
import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "sample_articles" / "新闻" / "张掖" / "2022-11-01-学习贯彻党的二十大精神.txt"
SEED_TITLE_PART = "勇担新使命"
NOTE = "a note written from the terminal"
CHROMIUM = cdp.find_chromium()

# Runs before the page's scripts: when any object is given a `terminal` property holding
# something with an xterm buffer, keep it on window. The property then becomes an
# ordinary own property, so the page behaves exactly as it would without this.
TERMINAL_TRAP = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  get() { return undefined; },
  set(value) {
    Object.defineProperty(this, "terminal",
      {value, writable: true, configurable: true, enumerable: true});
    if (value && value.buffer && !window.__tuireaderTerminal) {
      window.__tuireaderTerminal = value;
    }
  },
});
"""

# The visible rows of the terminal as text (wide characters once, no padding cells).
SCREEN_TEXT = """(() => {
  const term = window.__tuireaderTerminal;
  if (!term) { return null; }
  const buffer = term.buffer.active;
  const rows = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
})()"""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, server: subprocess.Popen[bytes], timeout: float = 60) -> None:
    """Wait until the server accepts connections (fail if it exits first)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"tuireader serve exited with {server.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail("tuireader serve did not start listening")


def printed_address(log: Path, timeout: float = 30) -> str:
    """The address (with its token) that ``tuireader serve`` printed into ``log``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = re.search(r"http://127\.0\.0\.1:\d+/\?token=[\w-]+", log.read_text("utf-8"))
        if found:
            return found.group()
        time.sleep(0.1)
    pytest.fail("tuireader serve printed no address")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """``tuireader serve SEED`` on a free port with tmp dirs; yields (address, tmp_path)."""
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    locations = ["--data-dir", str(tmp_path / "data"), "--cache-dir", str(tmp_path / "cache")]
    locations += ["--config", str(tmp_path / "none.yaml")]
    tuireader = [sys.executable, "-m", "tuireader"]
    # State written from the terminal before serving: the page must show it.
    bookmark = [*tuireader, "bookmarks", "add", str(SEED), *locations, "--note", NOTE]
    subprocess.run(bookmark, env=env, check=True, capture_output=True, timeout=120)
    command = [*tuireader, "serve", "--port", str(port), *locations, str(SEED)]
    log = (tmp_path / "serve.log").open("wb")
    # A session of its own, so the app processes it spawns are stopped with it.
    server = subprocess.Popen(command, env=env, stdout=log, stderr=log, start_new_session=True)
    try:
        wait_for_port(port, server)
        yield printed_address(tmp_path / "serve.log"), tmp_path
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(5)
        log.close()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[int]:
    """Headless Chromium with a throw-away profile; yields its DevTools port."""
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium)")
    profile = tmp_path / "profile"
    process = cdp.launch(CHROMIUM, profile, (1280, 800))
    try:
        yield cdp.devtools_port(profile, process, timeout=60)
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


async def screen_with(page: cdp.Page, words: str, timeout: float = 90) -> str:
    """The screen text once it contains ``words`` (fail with the last screen otherwise)."""

    async def check() -> str | None:
        text = await page.evaluate(SCREEN_TEXT)
        return text if text and words in text else None

    try:
        return await cdp.wait_until(check, timeout)
    except TimeoutError:
        last = await page.evaluate(SCREEN_TEXT)
        pytest.fail(f"{words!r} never appeared on the page; last screen:\n{last}")


async def read_title_then_open_bookmarks(page: cdp.Page, url: str) -> tuple[str, str]:
    """Load the page, read the screen with the seed title, press B, read the bookmarks."""
    await page.send("Page.enable")
    await page.send("Page.addScriptToEvaluateOnNewDocument", source=TERMINAL_TRAP)
    await page.send("Page.navigate", url=url)
    before = await screen_with(page, SEED_TITLE_PART)
    await page.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
    await page.press("B", "KeyB", 66, shift=True)
    after = await screen_with(page, NOTE)
    return before, after


def test_the_served_page_shows_the_seed_article_and_takes_a_key(served, browser) -> None:
    address, tmp_path = served

    async def scenario() -> tuple[str, str]:
        page = await cdp.Page.connect(browser)
        try:
            return await read_title_then_open_bookmarks(page, address)
        finally:
            await page.close()

    before, after = asyncio.run(scenario())
    assert SEED_TITLE_PART in before
    assert NOTE not in before  # the key, not the first screen, brought the bookmarks up
    # The note was written by `tuireader bookmarks add` in the terminal: same state.
    assert NOTE in after
    assert list((tmp_path / "cache").glob("catalog-*.db"))
