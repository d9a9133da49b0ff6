"""Simplified/Traditional Chinese variants of a search term (query-time expansion).

Converting the whole library at index time would cost a pure-Python pass over every
character, so the index keeps the text as written and a query searches each form of a
term instead: 经济 also looks for 經濟, and 經濟 for 经济. Uses the OpenCC tables of
``opencc-python-reimplemented``; without it, a term is only itself.
"""

from __future__ import annotations

from functools import lru_cache

from tuireader.text.script import opencc_convert


@lru_cache(maxsize=1024)
def variants(term: str) -> tuple[str, ...]:
    """``term`` first, then its Traditional and Simplified forms when they differ."""
    forms = [term]
    if term.isascii():
        return tuple(forms)
    for table in ("s2t", "t2s"):
        form = opencc_convert(term, table)
        if form not in forms:
            forms.append(form)
    return tuple(forms)
