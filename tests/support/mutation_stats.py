"""Cold memo caches for mutmut's stats run (see scripts/mutation.py).

mutmut runs the whole suite once in one process to learn which tests reach each function,
then tests each mutant with only those tests. A function behind a memo cache is reached
only by the first test that asks for each key: later tests that check its answer get it
from the cache and are never picked, so its mutants "survive" tests that would kill them.
Emptying the caches before every test of that one run gives each function all its tests.
The caches are transparent (the same answers, only slower when cold), so no test sees it.
"""

from __future__ import annotations

import sys

# Module-level dicts used as memo caches (functools caches are found by themselves).
_DICT_CACHES = (
    ("tuireader.text.sanitize", "_REPLACEMENTS"),
    ("tuireader.text.fold", "_STRETCHES"),
    ("tuireader.library.encoding.chinese", "_RUN_PATTERNS"),
)


def empty_memo_caches() -> None:
    """Empty every functools cache in a loaded tuireader module and the dict caches above.

    A dict cache that is no longer there raises, so a rename cannot silently bring the
    problem back.
    """
    for name, module in list(sys.modules.items()):
        if not name.startswith("tuireader.") or module is None:
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()
    for module_name, attribute in _DICT_CACHES:
        module = sys.modules.get(module_name)
        if module is not None:
            cache = getattr(module, attribute)
            if not isinstance(cache, dict):
                raise TypeError(f"{module_name}.{attribute} is no longer a dict cache")
            cache.clear()
