"""A small Chrome DevTools Protocol client for the browser test (headless Chromium).

Launches Chromium with a throw-away profile, every host name except 127.0.0.1 made
unresolvable (the served page asks for a web font; nothing leaves the machine), and a
DevTools port chosen by Chromium. ``Page`` sends CDP commands over the page's websocket
with aiohttp, which textual-serve already depends on.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import aiohttp

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """The path of a Chromium (or Chrome) binary, or None."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def launch(binary: str, profile: Path, size: tuple[int, int]) -> subprocess.Popen[bytes]:
    """Start headless Chromium on about:blank with its DevTools port in ``profile``."""
    args = [
        binary,
        "--headless=new",
        "--no-sandbox",  # CI runs as root, where the sandbox refuses to start
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-default-apps",
        "--disable-extensions",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        f"--user-data-dir={profile}",
        f"--window-size={size[0]},{size[1]}",
        "--remote-debugging-address=127.0.0.1",
        "--remote-debugging-port=0",
        "about:blank",
    ]
    return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def devtools_port(profile: Path, process: subprocess.Popen[bytes], timeout: float) -> int:
    """The DevTools port Chromium wrote into its profile folder."""
    marker = profile / "DevToolsActivePort"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            err = process.stderr.read().decode(errors="replace") if process.stderr else ""
            raise RuntimeError(f"chromium exited with {process.returncode}: {err[-2000:]}")
        if marker.exists():
            first = marker.read_text().split("\n", 1)[0].strip()
            if first.isdigit():
                return int(first)
        time.sleep(0.1)
    raise TimeoutError("chromium did not open its DevTools port")


class Page:
    """One browser tab, driven over CDP."""

    def __init__(self, session: aiohttp.ClientSession, ws: aiohttp.ClientWebSocketResponse):
        self._session = session
        self._ws = ws
        self._ids = itertools.count(1)

    @classmethod
    async def connect(cls, port: int) -> Page:
        """Attach to the first page target of the browser on ``port``."""
        session = aiohttp.ClientSession()
        async with session.get(f"http://127.0.0.1:{port}/json/list") as response:
            targets = await response.json(content_type=None)
        page = next(t for t in targets if t.get("type") == "page")
        ws = await session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0)
        return cls(session, ws)

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one command and return its result (events in between are skipped)."""
        call_id = next(self._ids)
        await self._ws.send_str(json.dumps({"id": call_id, "method": method, "params": params}))
        while True:
            message = await self._ws.receive(timeout=30)
            if message.type != aiohttp.WSMsgType.TEXT:
                raise RuntimeError(f"devtools connection ended: {message.type}")
            data = json.loads(message.data)
            if data.get("id") == call_id:
                if "error" in data:
                    raise RuntimeError(f"{method}: {data['error']}")
                return data.get("result", {})

    async def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"page error: {result['exceptionDetails']}")
        return result["result"].get("value")

    async def press(self, key: str, code: str, key_code: int, shift: bool = False) -> None:
        """Type one printable key, as a person at the keyboard would."""
        for kind in ("keyDown", "keyUp"):
            params: dict[str, Any] = {
                "type": kind,
                "key": key,
                "code": code,
                "windowsVirtualKeyCode": key_code,
                "modifiers": 8 if shift else 0,
            }
            if kind == "keyDown":
                params["text"] = key
            await self.send("Input.dispatchKeyEvent", **params)

    async def close(self) -> None:
        """Close the websocket and the HTTP session."""
        await self._ws.close()
        await self._session.close()


async def wait_until(check, timeout: float, interval: float = 0.25) -> Any:
    """Await ``check()`` until it returns something true; that value, or TimeoutError."""
    deadline = time.monotonic() + timeout
    while True:
        value = await check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError
        await asyncio.sleep(interval)
