"""textual-serve, guarded: only the page this server served may drive the reader.

textual-serve answers any ``Host`` and accepts a websocket from any ``Origin``, with no
limit: any web page open in the same browser could connect to ``ws://127.0.0.1:PORT/ws``
and type into the reader (add bookmarks, change read marks, read the library), and DNS
rebinding could fetch the page itself. :class:`GuardedServer` subclasses it (no fork)
and adds, for every request:

- ``Host`` must be the bound address or ``localhost``, with the port (DNS rebinding);
- the page (``/``) needs ``?token=SECRET``, a random token made at each start and printed
  with the address, like Jupyter's; the websocket address the page is given carries the
  token in its path (``/ws/SECRET``), and textual-serve's own ``/ws`` refuses everyone;
- a websocket needs that token and an ``Origin`` of this server (``http://HOST:PORT``),
  which a browser always sends and a foreign page cannot forge;
- at most ``max_sessions`` websockets (each one a copy of the reader) at once.

Refusals are plain HTTP errors (403, 503) sent before any process is started.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server

#: The query parameter of the page that carries the token.
TOKEN_PARAMETER = "token"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def new_token() -> str:
    """A fresh secret for one run of the server (32 URL-safe characters)."""
    return secrets.token_urlsafe(24)


class GuardedServer(Server):
    """textual-serve's Server that checks Host, Origin and a token, and caps sessions."""

    def __init__(
        self, command: str, *, host: str, port: int, token: str, max_sessions: int, title: str
    ) -> None:
        """Serve ``command`` on ``host:port`` to holders of ``token``."""
        super().__init__(command, host=host, port=port, title=title)
        self.token = token
        self.max_sessions = max_sessions
        self.sessions = 0
        names = {host.lower(), "localhost"}
        self.allowed_hosts = {f"{name}:{port}" for name in names}
        if port == 80:
            self.allowed_hosts |= names
        self.allowed_origins = {f"http://{name}:{port}" for name in names}
        if port == 80:
            self.allowed_origins |= {f"http://{name}" for name in names}

    def page_url(self) -> str:
        """The address to open: the page with the token."""
        return f"{self.public_url}/?{TOKEN_PARAMETER}={self.token}"

    async def _make_app(self) -> web.Application:
        """textual-serve's application, plus the Host check and the tokened websocket."""
        app = await super()._make_app()

        @web.middleware
        async def check_host(request: web.Request, handler: Handler) -> web.StreamResponse:
            if (request.headers.get("Host") or "").lower() not in self.allowed_hosts:
                raise web.HTTPForbidden(text="tuireader serve: wrong Host\n")
            return await handler(request)

        app.middlewares.append(check_host)
        app.router.add_get("/ws/{token}", self.handle_websocket, name="guarded_websocket")
        return app

    def _token_ok(self, given: str | None) -> bool:
        """Whether ``given`` is this run's token (compared in constant time)."""
        return given is not None and secrets.compare_digest(given.encode(), self.token.encode())

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """textual-serve's page, only with the token, pointing at the tokened websocket."""
        if not self._token_ok(request.query.get(TOKEN_PARAMETER)):
            raise web.HTTPForbidden(
                text="tuireader serve: open the address it printed (it ends in ?token=...)\n"
            )
        context: dict[str, Any] = await Server.handle_index.__wrapped__(self, request)  # type: ignore[attr-defined]
        context["app_websocket_url"] = f"{context['app_websocket_url']}/{self.token}"
        return context

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """Refuse a wrong token or Origin and sessions beyond the cap; else textual-serve's."""
        if not self._token_ok(request.match_info.get("token")):
            raise web.HTTPForbidden(text="tuireader serve: no or wrong token\n")
        if request.headers.get("Origin", "").lower() not in self.allowed_origins:
            raise web.HTTPForbidden(
                text="tuireader serve: connections from other pages are refused\n"
            )
        if self.sessions >= self.max_sessions:
            raise web.HTTPServiceUnavailable(
                text=f"tuireader serve: {self.max_sessions} sessions already open; close one\n"
            )
        self.sessions += 1
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions -= 1

    async def on_startup(self, app: web.Application) -> None:
        """Say nothing: ``tuireader serve`` printed the address (textual-serve's banner
        would print the command line instead)."""
