"""How a library search result looks: Rich ``Text`` built from plain strings, never markup.

Each result is three lines (title and date, sections, snippet); the snippet is made
terminal-safe piece by piece so the hit spans stay on the hit. The status line says how
many results there are and, while the first index build runs, how far it is.
"""

from __future__ import annotations

from rich.text import Text

from tuireader.search import Hit, SearchResults, results_words
from tuireader.search.find import find_terms
from tuireader.search.query import QueryError, parse_query
from tuireader.ui.safe_text import one_line

HIT_STYLE = "bold reverse"
DATE_CELLS = 10  # 2024-03-01, as in the article list


def query_terms(query: str) -> tuple[str, ...]:
    """The folded terms of a library query (to mark them in titles); none if it is bad."""
    try:
        return parse_query(query).terms
    except QueryError:
        return ()


def hit_text(hit: Hit, terms: tuple[str, ...] = ()) -> Text:
    """Three lines for one result: title and date, sections, snippet with hits marked."""
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    title = hit.meta.title or "(untitled)"
    spans = [(start, end) for _block, start, end in find_terms([title], terms)]
    text.append_text(snippet_text(title, tuple(spans), style="bold"))
    if hit.meta.date:
        text.append(f"  {one_line(hit.meta.date[:DATE_CELLS])}", style="dim")
    text.append("\n")
    text.append(" › ".join(one_line(s) for s in hit.meta.sections) or "(library root)", style="dim")
    text.append("\n")
    text.append_text(snippet_text(hit.snippet, hit.snippet_spans))
    return text


def snippet_text(snippet: str, spans: tuple[tuple[int, int], ...], style: str = "") -> Text:
    """The snippet, made safe piece by piece so the hit spans stay on the hit."""
    text = Text(end="")
    done = 0
    for start, end in sorted(spans):
        if start < done:
            continue
        text.append(one_line(snippet[done:start]), style=style)
        text.append(one_line(snippet[start:end]), style=f"{style} {HIT_STYLE}".strip())
        done = end
    text.append(one_line(snippet[done:]), style=style)
    return text


def not_ready_words(indexed: int, total: int) -> str:
    """The plain message while the first index build runs."""
    return f"Index not ready ({indexed:,} of {total:,} articles indexed): results are incomplete."


def status_words(query: str, found: SearchResults) -> str:
    """The status line under the query: how many results, errors, index progress."""
    if found.error and found.ready:
        return one_line(found.error)
    if not query.strip():
        return "Type to search."
    if found.total == 0 or (found.total is None and not found.results):
        words = "No match" if found.ready else "No match so far"
    elif found.total is None:  # not counted (the runner counts them): say what is shown
        words = results_words(len(found.results), len(found.results))
    else:
        words = results_words(found.total, len(found.results))
    if not found.ready and found.status is not None:
        words += " · " + not_ready_words(found.status.indexed, found.status.total)
    elif not found.ready:
        words += " · Index not ready: results are incomplete."
    return words
