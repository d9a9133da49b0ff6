"""o: the article's source URL opens in the browser, only http(s), only after a confirm."""

from __future__ import annotations

import webbrowser

import pytest

from tests.ui.conftest import SIZE, Notes, settle
from tuireader.ui.screens.open_url import ConfirmUrlScreen

pytestmark = pytest.mark.anyio


def _library(tmp_path, url: str):
    root = tmp_path / "lib"
    root.mkdir()
    (root / "one.md").write_text(
        f"---\ntitle: With a source\nurl: '{url}'\ndate: 2024-01-01\n---\n\nBody text.\n",
        encoding="utf-8",
    )
    return root


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    calls: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: calls.append(url) or True)
    return calls


async def test_o_shows_the_url_then_opens_it_on_yes(tmp_path, make_app, opened):
    app = make_app(_library(tmp_path, "https://example.com/story"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmUrlScreen)
        assert "https://example.com/story" in str(app.screen.query_one("#url-text").render())
        assert opened == []  # nothing opens before the answer
        await pilot.press("y")
        await pilot.pause()
        assert opened == ["https://example.com/story"]


async def test_o_then_escape_opens_nothing(tmp_path, make_app, opened):
    app = make_app(_library(tmp_path, "https://example.com/story"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")  # from the list: the cursor row's article
        await pilot.pause()
        assert isinstance(app.screen, ConfirmUrlScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmUrlScreen)
        assert opened == []


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        "file:///etc/passwd",
        "http://user:pw@evil.example/",
        "https://bank.example@evil.example/login",
    ],
)
async def test_o_refuses_other_schemes_with_a_notice(tmp_path, make_app, opened, url):
    app = make_app(_library(tmp_path, url))
    notes = Notes()
    async with app.run_test(size=SIZE, message_hook=notes.hook) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmUrlScreen)
        assert opened == []
        messages = notes.messages
        assert any("only http and https" in m for m in messages)


async def test_o_refuses_a_user_password_host_even_from_the_list(tmp_path, make_app, opened):
    app = make_app(_library(tmp_path, "http://user:pw@evil.example/"))
    notes = Notes()
    async with app.run_test(size=SIZE, message_hook=notes.hook) as pilot:
        await settle(pilot)
        await pilot.press("o")  # from the list: the cursor row's article
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmUrlScreen)
        assert opened == []
        [notice] = [n for n in notes.shown if n.title == "Not opened"]
        assert "user:pw@evil.example" in notice.message
