"""Approximate search for a quote whose text changed a little (used by anchors).

Candidate places are seeded by the rarest n-grams of prefix + quote + suffix: each hit of
a seed votes for where the quote would start. The few best-voted windows are then aligned
with difflib, and the best one is accepted when the quote is still mostly the same text.
The cost is a handful of ``str.count``/``str.find`` passes plus a few small alignments,
independent of how long the article is beyond those C-speed scans.
"""

from __future__ import annotations

from difflib import SequenceMatcher

GRAM = 4
SEED_SAMPLES = 16  # n-grams sampled along the context string
SEEDS_USED = 5  # rarest samples that vote
MAX_HITS_PER_SEED = 40  # a seed more common than this says nothing about place
WINDOWS_TRIED = 3
MIN_QUOTE_SIMILARITY = 0.75
MIN_QUOTE_SIMILARITY_WITH_CONTEXT = 0.6
MIN_CONTEXT_SIMILARITY = 0.8
MIN_FUZZY_QUOTE = 6  # shorter quotes are too ambiguous to place approximately
NEAR_CHARS = 20_000  # how far around the old place to look first
LONG_QUOTE = 300  # longer quotes are placed by their ends
EDGE = 80  # how much of each end of a long quote is looked for


def fuzzy_find(
    text: str, quote: str, prefix: str, suffix: str, hint: int | None = None
) -> tuple[int, int] | None:
    """The (start, end) in ``text`` that best matches ``quote`` in its context, or None.

    With a ``hint`` (the old offset), the text around it is searched first, so a long
    article costs no more than a short one when the passage did not travel far.
    """
    if hint is not None and len(text) > 2 * NEAR_CHARS + len(quote):
        origin = max(0, hint - NEAR_CHARS)
        near = _find_anywhere(text[origin : hint + len(quote) + NEAR_CHARS], quote, prefix, suffix)
        if near is not None:
            return (near[0] + origin, near[1] + origin)
    return _find_anywhere(text, quote, prefix, suffix)


def _find_anywhere(text: str, quote: str, prefix: str, suffix: str) -> tuple[int, int] | None:
    """Search all of ``text``; long quotes are placed by their two ends."""
    if len(quote) < MIN_FUZZY_QUOTE or not text:
        return None
    if len(quote) > LONG_QUOTE:
        return _find_long(text, quote, prefix, suffix)
    best: tuple[float, int, int] | None = None
    for guess in _candidate_starts(text, prefix + quote + suffix, len(prefix), len(quote)):
        found = _align(text, quote, prefix, suffix, guess)
        if found is not None and (best is None or found[0] > best[0]):
            best = found
    return None if best is None else (best[1], best[2])


def _find_long(text: str, quote: str, prefix: str, suffix: str) -> tuple[int, int] | None:
    """Place a long quote by finding its head and its tail (full alignment is quadratic)."""
    head = _find_anywhere(text, quote[:EDGE], prefix, quote[EDGE : EDGE + 32])
    tail = _find_anywhere(text, quote[-EDGE:], quote[-EDGE - 32 : -EDGE], suffix)
    if head is None or tail is None:
        return None
    start, end = head[0], tail[1]
    if not len(quote) / 2 <= end - start <= len(quote) * 3 / 2:
        return None
    # quick_ratio is linear and an upper bound of the similarity: a cheap sanity check.
    matcher = SequenceMatcher(None, quote, text[start:end], autojunk=False)
    return (start, end) if matcher.quick_ratio() >= MIN_QUOTE_SIMILARITY else None


def common_prefix_len(a: str, b: str) -> int:
    """How many leading characters ``a`` and ``b`` share."""
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def common_suffix_len(a: str, b: str) -> int:
    """How many trailing characters ``a`` and ``b`` share."""
    n = min(len(a), len(b))
    i = 0
    while i < n and a[-1 - i] == b[-1 - i]:
        i += 1
    return i


def _candidate_starts(text: str, context: str, quote_at: int, quote_len: int) -> list[int]:
    """Likely start offsets of the quote in ``text``, best voted first."""
    seeds = _rare_seeds(text, context, quote_at + quote_len // 2)
    votes: dict[int, int] = {}
    bucket = max(8, quote_len // 4)
    for gram, at in seeds:
        found = text.find(gram)
        while found >= 0:
            guess = found - at + quote_at
            key = guess // bucket
            votes[key] = votes.get(key, 0) + 1
            found = text.find(gram, found + 1)
    ranked = sorted(votes.items(), key=lambda item: -item[1])[:WINDOWS_TRIED]
    return [max(0, key * bucket) for key, _ in ranked]


def _rare_seeds(text: str, context: str, middle: int) -> list[tuple[str, int]]:
    """The rarest n-grams of ``context`` that occur in ``text``, with their offsets.

    Of equally rare ones, those nearest ``middle`` (the quote's middle) come first: the
    context may have been moved away from the quote (a paragraph inserted in between),
    the quote's own text votes for where the quote is.
    """
    # (``context`` holds the quote, which is never shorter than MIN_FUZZY_QUOTE > GRAM.)
    step = max(1, (len(context) - GRAM) // SEED_SAMPLES)
    counted = []
    for at in range(0, len(context) - GRAM + 1, step):
        gram = context[at : at + GRAM]
        hits = text.count(gram)
        if 0 < hits <= MAX_HITS_PER_SEED:
            counted.append((hits, abs(at + GRAM // 2 - middle), at, gram))
    counted.sort()
    return [(gram, at) for _, _, at, gram in counted[:SEEDS_USED]]


def _align(
    text: str, quote: str, prefix: str, suffix: str, guess: int
) -> tuple[float, int, int] | None:
    """Align ``quote`` with the text near ``guess``: (score, start, end) or None."""
    slack = max(16, len(quote) // 3)
    origin = max(0, guess - slack)
    window = text[origin : guess + len(quote) + slack]
    matcher = SequenceMatcher(None, quote, window, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size > 0]
    solid = [b for b in blocks if b.size >= 3] or blocks
    if not solid:
        return None
    # A short chance match far from where the longest one puts the quote (common in
    # text of few distinct characters) would stretch the span: keep the blocks that agree
    # with the longest one, give or take a quarter of the quote (inserted or lost text).
    longest = max(solid, key=lambda b: b.size)
    shift, drift = longest.b - longest.a, max(2, len(quote) // 4)
    solid = [b for b in solid if abs(b.b - b.a - shift) <= drift]
    # Stretch the span over quote text left unmatched at either end (a changed word).
    first, last = solid[0], solid[-1]
    start = origin + max(0, first.b - first.a)
    end = origin + min(len(window), last.b + last.size + len(quote) - last.a - last.size)
    if end <= start:
        return None
    similarity = SequenceMatcher(None, quote, text[start:end], autojunk=False).ratio()
    context = _context_similarity(text, start, end, prefix, suffix)
    if similarity < MIN_QUOTE_SIMILARITY and not (
        similarity >= MIN_QUOTE_SIMILARITY_WITH_CONTEXT and context >= MIN_CONTEXT_SIMILARITY
    ):
        return None
    return (similarity * 0.8 + context * 0.2, start, end)


def _context_similarity(text: str, start: int, end: int, prefix: str, suffix: str) -> float:
    """How well the text around a span matches the stored prefix and suffix (0..1)."""
    parts = []
    if prefix:
        before = text[max(0, start - len(prefix)) : start]
        parts.append(SequenceMatcher(None, prefix, before, autojunk=False).ratio())
    if suffix:
        after = text[end : end + len(suffix)]
        parts.append(SequenceMatcher(None, suffix, after, autojunk=False).ratio())
    return sum(parts) / len(parts) if parts else 0.0
