"""``tuireader serve`` refuses every page but its own: a real server, a real websocket client.

The server runs as ``python -m tuireader serve`` in a child process on a free port; aiohttp
(installed with textual-serve) plays the browser and the attacker: a foreign ``Origin``,
a rebound ``Host``, no token or a wrong one are refused before any reader starts; the
address the server printed (with its token) gets the page, and its websocket gets the
reader's screen; sessions beyond ``--max-sessions`` are refused.
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
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest

import tuireader

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed_zhangye.txt"


@dataclass
class Served:
    """A running server: its port, its token, and the address it printed."""

    port: int
    token: str
    url: str

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def ws(self, token: str | None = None) -> str:
        return f"ws://127.0.0.1:{self.port}/ws/{self.token if token is None else token}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, server: subprocess.Popen[str], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, "tuireader serve exited"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail("tuireader serve did not start listening")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    tmp = tmp_path_factory.mktemp("serve")
    port = free_port()
    src = str(Path(tuireader.__file__).resolve().parents[1])
    command = [sys.executable, "-m", "tuireader", "serve", str(SEED), "--port", str(port)]
    command += ["--max-sessions", "1", "--data-dir", str(tmp / "d"), "--cache-dir", str(tmp / "c")]
    command += ["--config", str(tmp / "none.yaml")]
    server = subprocess.Popen(
        command,
        env={**os.environ, "PYTHONPATH": src},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # the readers it starts are stopped with it
    )
    try:
        assert server.stdout is not None
        first = server.stdout.readline()
        found = re.search(r"(http://127\.0\.0\.1:(\d+)/\?token=([\w-]+))", first)
        assert found, first
        wait_for_port(port, server)
        yield Served(int(found.group(2)), found.group(3), found.group(1))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(5)


def test_the_printed_address_holds_a_long_token(served: Served) -> None:
    assert served.port and len(served.token) >= 32


async def _status(url: str, **headers: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url, headers=headers) as reply:
        return reply.status, await reply.text()


async def _handshake(url: str, **headers: str) -> int:
    """The HTTP status a websocket handshake gets (101 when it is accepted)."""
    async with aiohttp.ClientSession() as session:
        try:
            ws = await session.ws_connect(url, headers=headers)
        except aiohttp.WSServerHandshakeError as exc:
            return exc.status
        await ws.close()
        return 101


def test_the_page_needs_the_token(served: Served) -> None:
    status, body = asyncio.run(_status(served.url))
    assert status == 200 and f"/ws/{served.token}" in body
    assert asyncio.run(_status(f"{served.origin}/"))[0] == 403
    assert asyncio.run(_status(f"{served.origin}/?token=wrong"))[0] == 403


def test_a_rebound_host_is_refused(served: Served) -> None:
    status, _ = asyncio.run(_status(served.url, Host=f"evil.example:{served.port}"))
    assert status == 403
    wrong_host = asyncio.run(
        _handshake(
            served.ws(),
            Origin=f"http://evil.example:{served.port}",
            Host=f"evil.example:{served.port}",
        )
    )
    assert wrong_host == 403


def test_a_foreign_origin_is_refused(served: Served) -> None:
    assert asyncio.run(_handshake(served.ws(), Origin="http://evil.example")) == 403
    assert asyncio.run(_handshake(served.ws(), Origin=f"http://127.0.0.1:{served.port + 1}")) == 403
    assert asyncio.run(_handshake(served.ws())) == 403  # no Origin at all


def test_no_token_or_a_wrong_one_is_refused(served: Served) -> None:
    assert asyncio.run(_handshake(f"ws://127.0.0.1:{served.port}/ws", Origin=served.origin)) == 403
    assert asyncio.run(_handshake(served.ws("wrong"), Origin=served.origin)) == 403


async def _session_and_a_second(served: Served) -> tuple[bytes, int]:
    """Open a session with the right token, read the reader's first bytes; then try a
    second session while the first is open (the cap is 1)."""
    async with aiohttp.ClientSession() as client:
        ws = await client.ws_connect(
            f"{served.ws()}?width=80&height=24", headers={"Origin": served.origin}
        )
        try:
            await ws.send_json(["resize", {"width": 80, "height": 24}])
            received = b""
            deadline = time.monotonic() + 60
            while len(received) < 64 and time.monotonic() < deadline:
                message = await ws.receive(timeout=60)
                if message.type == aiohttp.WSMsgType.BINARY:
                    received += message.data
                elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                    break
            second = await _handshake(served.ws(), Origin=served.origin)
        finally:
            await ws.close()
    return received, second


def test_the_right_token_and_origin_get_the_reader_and_sessions_are_capped(served: Served) -> None:
    received, second = asyncio.run(_session_and_a_second(served))
    assert len(received) >= 64  # the reader's screen, forwarded by textual-serve
    assert second == 503
    # The first session closed: a new one is accepted again.
    deadline = time.monotonic() + 20
    while asyncio.run(_handshake(served.ws(), Origin=served.origin)) != 101:
        assert time.monotonic() < deadline, "the session slot never came back"
        time.sleep(0.2)
