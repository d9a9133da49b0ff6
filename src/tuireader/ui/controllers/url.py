"""The ``o`` key on the library screen: open the article's source URL in a browser.

The article is the open one (or the list's cursor row when the list has focus); its
``url`` is checked by :func:`tuireader.library.links.browser_url` and shown for
confirmation (the screen asks) before anything opens. A web link followed in an article
goes through the same check and the same question (:meth:`UrlOpener.checked`).
"""

from __future__ import annotations

from tuireader.library.links import MAX_URL_CHARS, browser_url, why_not
from tuireader.ui.controllers.host import MainHost
from tuireader.ui.safe_text import one_line


class UrlOpener:
    """Find the source URL ``o`` would open, and open it once confirmed."""

    def __init__(self, host: MainHost) -> None:
        """Serve ``host``."""
        self.host = host

    def url_to_confirm(self) -> str | None:
        """The safe URL to ask about, or None after saying why there is none."""
        url = self._article_url()
        if not url:
            self.host.notify(why_not(url), markup=False)
            return None
        return self.checked(url)

    def checked(self, url: str) -> str | None:
        """``url`` if a browser may open it (to ask about), else None after saying why."""
        safe = browser_url(url)
        if safe is None:
            self.host.notify(
                f"Not opening {one_line(url)[:200]}: only http and https addresses are opened"
                f" (no user:password@, hidden characters or over {MAX_URL_CHARS} characters).",
                title="Not opened",
                markup=False,
                severity="warning",
            )
        return safe

    def answered(self, url: str, yes: bool | None) -> None:
        """Open ``url`` if the person said yes."""
        if yes:
            self.host.app.open_url(url)
            self.host.notify("Opened in the browser.", markup=False)

    def _article_url(self) -> str | None:
        """The URL of the article ``o`` applies to (loads the list's row if not open)."""
        row = self.host.target_row()
        if row is None:
            return None
        article = self.host.reader.article
        current = self.host.current
        if current is None or row.id != current.id or article is None:
            try:
                article = self.host.opened.catalog.load(row.id)
            except KeyError:  # removed meanwhile
                return None
        return article.meta.url
