"""Following a link of the open article (Enter on the chosen link, or a click).

Where the link leads is the core's reading (:func:`tuireader.library.link_targets.
resolve_link`): a heading of this article is scrolled to, another file of the library
is opened (at the heading the link names), and a web address goes through the same
check and confirmation as the ``o`` key (the screen asks). A relative link of a saved web
page that the library does not hold leads to the page's own site: it is read against
the page's address (its ``url``) and offered as a web address. Each jump is a place in
the history, so ``ctrl+o`` comes back to the line the link was followed from.
"""

from __future__ import annotations

from urllib.parse import urljoin

from tuireader.library.link_targets import (
    ARTICLE,
    HERE,
    OUTSIDE,
    WEB,
    heading_block,
    resolve_link,
)
from tuireader.library.links import browser_url
from tuireader.library.model import Anchor
from tuireader.ui.controllers.host import MainHost
from tuireader.ui.controllers.reading import Reading
from tuireader.ui.controllers.url import UrlOpener
from tuireader.ui.safe_text import one_line


class LinkFollower:
    """Turn a chosen link into a jump, an opened article, or a web address to confirm."""

    def __init__(self, host: MainHost, reading: Reading, urls: UrlOpener) -> None:
        """Serve ``host``, opening articles through ``reading``, web links via ``urls``."""
        self.host = host
        self.reading = reading
        self.urls = urls

    def follow(self, target: str) -> str | None:
        """Follow link ``target`` of the open article; a web address for the screen to
        confirm, else None (done, or said why not)."""
        current, article = self.host.current, self.host.reader.article
        if current is None or article is None:
            return None
        found = resolve_link(target, current.path)
        if found.kind == WEB:
            return self.urls.checked(found.url)
        if found.kind == HERE:
            self._jump(found.fragment)
            return None
        if found.kind == ARTICLE:
            for path in found.paths:
                row = self.host.opened.row_for_path(path)
                if row is not None:
                    self.reading.follow(row, found.fragment)
                    return None
        if found.kind in (ARTICLE, OUTSIDE):
            site = browser_url(article.meta.url)
            if site is not None:  # a saved page's link: on the page's own site
                return self.urls.checked(urljoin(site, target.strip()))
        if found.kind == ARTICLE:
            self._say(f"Not in the library: {one_line(found.paths[0])[:200]}")
            return None
        self._say(found.reason)
        return None

    def _jump(self, fragment: str) -> None:
        """Scroll to the heading ``fragment`` names in the open article."""
        article = self.host.reader.article
        if not fragment or article is None:
            return
        block = heading_block(article.blocks, fragment)
        if block is None:
            self._say(f"No heading #{one_line(fragment)[:80]} in this article.")
            return
        self.reading.jump_within(Anchor(block, 0))

    def _say(self, text: str) -> None:
        self.host.notify(text, title="Link not followed", markup=False, timeout=5)
