"""The ``o`` key on the library screen: open the article's source URL in a browser.

A mixin of :class:`~tuireader.ui.screens.main.MainScreen`. The article is the open one
(or the list's cursor row when the list has focus); its ``url`` is checked by
:func:`tuireader.library.links.browser_url` and confirmed before anything opens.
"""

from __future__ import annotations

from typing import Any

from tuireader.library.links import MAX_URL_CHARS, browser_url, why_not
from tuireader.ui.safe_text import one_line
from tuireader.ui.screens.open_url import ConfirmUrlScreen


class UrlActions:
    """``open_url`` (``self`` is the library screen)."""

    library: Any
    current: Any

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer "open URL" only when there is an article to take it from."""
        if action == "open_url":
            screen: Any = self
            return True if self.library is not None and screen._target_row() else None
        return super().check_action(action, parameters)  # type: ignore[misc]

    def action_open_url(self) -> None:
        """Open the article's source URL in the browser, after showing it."""
        screen: Any = self
        url = self._article_url()
        if not url:
            screen.notify(why_not(url), markup=False)
            return
        safe = browser_url(url)
        if safe is None:
            screen.notify(
                f"Not opening {one_line(url)[:200]}: only http and https addresses are opened"
                f" (no user:password@, hidden characters or over {MAX_URL_CHARS} characters).",
                title="Not opened",
                markup=False,
                severity="warning",
            )
            return
        screen.app.push_screen(ConfirmUrlScreen(safe), lambda yes: self._url_answered(safe, yes))

    def _url_answered(self, url: str, yes: bool | None) -> None:
        screen: Any = self
        if yes:
            screen.app.open_url(url)
            screen.notify("Opened in the browser.", markup=False)

    def _article_url(self) -> str | None:
        """The URL of the article ``o`` applies to (loads the list's row if not open)."""
        screen: Any = self
        row = screen._target_row()
        if row is None:
            return None
        article = screen.reader.article
        if self.current is None or row.id != self.current.id or article is None:
            try:
                article = self.library.catalog.load(row.id)
            except KeyError:  # removed meanwhile
                return None
        return article.meta.url
