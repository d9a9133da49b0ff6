"""Fidelity of web pages and doc-site Markdown against the shared corpora (not a test).

Run: ``PYTHONPATH=src python bench/fidelity_web.py [--compare] [--list] [--md DIR ...]``.

* ``cwce_dev`` (Chinese news pages, hand-annotated): date and author right, empty bodies,
  content precision / recall against ``cleaned/`` (bags of words: one token per CJK
  character, one per Latin word or number, punctuation ignored).
* ``readability_dev`` (Mozilla Readability's test pages): title, byline, published date.
* Markdown folders (``--md``, default: the corpora's Markdown files and
  ``/work/tmp/web12/docs`` when present): pages whose rendered text still shows raw markup.

``--compare`` measures trafilatura (metadata and extraction), htmldate and
readability-lxml on the same decoded text, when they import (they are not dependencies:
this is how the choice per field was made). ``--list`` prints every wrong answer. The
corpora are read from ``../shared/corpora`` (or ``$TUIREADER_CORPORA``); a missing set is
skipped. The other fidelity sections (plain-text archives) live in ``bench/fidelity.py``;
the functions here are meant to be called from there too.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tuireader.library.encoding.decode import decode_bytes
from tuireader.library.formats.html.page import sniff_charset
from tuireader.library.loader import load_article

REPO = Path(__file__).resolve().parents[1]
CORPORA = Path(os.environ.get("TUIREADER_CORPORA", REPO.parent.parent / "shared" / "corpora"))
if not CORPORA.exists():
    CORPORA = REPO.parent / "shared" / "corpora"
_NONE = {"", "unknown", "unknwon", "none", "null"}
_TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff]|[^\W_]+", re.UNICODE)
_NAME_SPLIT = re.compile(r"[\s,，、;；/]+")
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " · ", ": ", "_", " _", "｜", "|", " :: ")


@dataclass
class Page:
    """One page's answers from one extractor."""

    title: str | None = None
    date: str | None = None
    author: str | None = None
    text: str = ""
    seconds: float = 0.0


@dataclass
class Tally:
    """Right / asked counts per field, and the misses for ``--list``."""

    right: Counter[str] = field(default_factory=Counter)
    asked: Counter[str] = field(default_factory=Counter)
    false: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    precision: list[float] = field(default_factory=list)
    recall: list[float] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    empty: int = 0
    pages: int = 0

    def score(self, name: str, stem: str, shown: bool, ok: bool, ours: object, truth: object):
        """Count one field of one page: ``shown`` says the page has a value to find."""
        if shown:
            self.asked[name] += 1
            self.right[name] += ok
        elif not ok:
            self.false[name] += 1
        if not ok:
            self.misses.append(f"  {name:7s} {stem[:24]:24s} got {ours!r:.60} want {truth!r:.60}")


# ---------------------------------------------------------------- extractors


def decoded(path: Path) -> str:
    """The page's text decoded the way the loader does it (declared charset first)."""
    data = path.read_bytes()
    return decode_bytes(data, sniff_charset(data)).text


def ours(path: Path) -> Page:
    """The project's own answers, through the real loader."""
    started = time.process_time()
    article = load_article(path, path.parent)
    seconds = time.process_time() - started
    text = "\n".join(block.text for block in article.blocks)
    return Page(article.title, article.meta.date, article.meta.author, text, seconds)


def trafilatura_page(path: Path) -> Page:
    """trafilatura's bare_extraction with metadata (its date is htmldate's)."""
    import trafilatura

    html = decoded(path)
    started = time.process_time()
    doc = trafilatura.bare_extraction(html, with_metadata=True)
    seconds = time.process_time() - started
    if doc is None:
        return Page(seconds=seconds)
    get = (lambda key: doc.get(key)) if isinstance(doc, dict) else (lambda key: getattr(doc, key))
    return Page(get("title"), get("date"), get("author"), get("text") or "", seconds)


def htmldate_page(path: Path) -> Page:
    """htmldate alone, original (publication) date, extensive search."""
    from htmldate import find_date

    html = decoded(path)
    started = time.process_time()
    date = find_date(html, original_date=True, outputformat="%Y-%m-%d %H:%M")
    return Page(date=date, seconds=time.process_time() - started)


def readability_page(path: Path) -> Page:
    """readability-lxml: short title and the summary's text (it finds no dates)."""
    from lxml import html as lxml_html
    from readability import Document

    html = decoded(path)
    started = time.process_time()
    document = Document(html)
    title = document.short_title()
    summary = document.summary(html_partial=True)
    seconds = time.process_time() - started
    text = lxml_html.fromstring(summary).text_content() if summary.strip() else ""
    return Page(title=title, author=document.author() or None, text=text, seconds=seconds)


EXTRACTORS: dict[str, Callable[[Path], Page]] = {"tuireader": ours}
LIBRARIES: dict[str, Callable[[Path], Page]] = {
    "trafilatura": trafilatura_page,
    "htmldate": htmldate_page,
    "readability-lxml": readability_page,
}


# ---------------------------------------------------------------- scoring


def date_right(truth: str, got: str | None) -> bool:
    """``got`` (ISO) agrees with ``truth`` to the day, or to the truth's own precision."""
    want = [int(n) for n in re.findall(r"\d+", truth)[:3]]
    have = [int(n) for n in re.findall(r"\d+", got or "")[:3]]
    return bool(have) and have[: len(want)] == want


def names(text: str) -> set[str]:
    """A person field as a set of names (spaces, commas and 、 separate them)."""
    return {name for name in _NAME_SPLIT.split(text) if name}


def byline_right(truth: str, got: str | None) -> bool:
    """``got`` names the byline's person: equal after "By"/"Par" and case, or inside it."""
    if not got:
        return False
    want, have = _plain_byline(truth), _plain_byline(got)
    if not have:
        return False
    return have == want or (have in want) or (want in have and len(have) <= 2 * len(want))


def _plain_byline(text: str) -> str:
    text = " ".join(text.split()).casefold()
    return re.sub(r"^(?:written by|by|par|von|por)\s+", "", text).strip(" ,")


def title_right(truth: str, got: str | None) -> bool:
    """The headline: equal, or ``truth`` is it plus a site name before or after a separator."""
    if not got:
        return False
    want, have = " ".join(truth.split()), " ".join(got.split())
    if want == have:
        return True
    if len(have) < 4:
        return False
    if want.startswith(have):
        rest = want[len(have) :]
        if rest.startswith(" [") and rest.endswith("]"):  # "Headline [Site]"
            return True
        return any(
            rest.startswith(sep) or rest.startswith(sep.strip()) for sep in _TITLE_SEPARATORS
        )
    if want.endswith(have):
        rest = want[: -len(have)]
        return any(rest.endswith(sep) or rest.endswith(sep.strip()) for sep in _TITLE_SEPARATORS)
    return False


def tokens(text: str) -> Counter[str]:
    """Bag of words: each CJK character, each Latin word or number (lowercased)."""
    return Counter(token.casefold() for token in _TOKEN.findall(text))


def overlap(got: str, reference: str) -> tuple[float, float]:
    """(precision, recall) of ``got``'s bag of words against ``reference``'s."""
    have, want = tokens(got), tokens(reference)
    common = sum((have & want).values())
    precision = common / sum(have.values()) if have else 0.0
    recall = common / sum(want.values()) if want else 1.0
    return precision, recall


# ---------------------------------------------------------------- sets


def cwce(
    extract: Callable[[Path], Page], fields: tuple[str, ...], base: Path = CORPORA / "cwce_dev"
) -> Tally | None:
    """Score one extractor on cwce_dev (date, author, content)."""
    if not base.exists():
        return None
    tally = Tally()
    for path in sorted((base / "original").glob("*.htm*")):
        stem = path.stem
        page = extract(path)
        tally.pages += 1
        tally.seconds.append(page.seconds)
        if "date" in fields:
            truth = (base / "date" / f"{stem}.txt").read_text(encoding="utf-8").strip()
            shown = truth.casefold() not in _NONE
            ok = date_right(truth, page.date) if shown else page.date is None
            tally.score("date", stem, shown, ok, page.date, truth)
        if "author" in fields:
            truth = (base / "author" / f"{stem}.txt").read_text(encoding="utf-8").strip()
            shown = truth.casefold() not in _NONE
            if shown:
                ok = page.author is not None and names(page.author) == names(truth)
            else:
                ok = page.author is None
            tally.score("author", stem, shown, ok, page.author, truth)
        if "text" in fields:
            reference = (base / "cleaned" / f"{stem}.txt").read_text(encoding="utf-8")
            if not page.text.strip():
                tally.empty += 1
            precision, recall = overlap(page.text, reference)
            tally.precision.append(precision)
            tally.recall.append(recall)
            if precision < 0.8 or recall < 0.8:
                tally.misses.append(f"  text    {stem[:24]:24s} P={precision:.2f} R={recall:.2f}")
    return tally


def readability_set(
    extract: Callable[[Path], Page],
    fields: tuple[str, ...],
    base: Path = CORPORA / "readability_dev",
) -> Tally | None:
    """Score one extractor on readability_dev (title, byline, published date)."""
    if not base.exists():
        return None
    tally = Tally()
    for folder in sorted(p for p in base.iterdir() if (p / "source.html").exists()):
        stem = folder.name
        expected = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
        page = extract(folder / "source.html")
        tally.pages += 1
        tally.seconds.append(page.seconds)
        if not page.text.strip() and "text" in fields:
            tally.empty += 1
            tally.misses.append(f"  text    {stem[:24]:24s} empty body")
        if "title" in fields and expected.get("title"):
            truth = expected["title"]
            tally.score("title", stem, True, title_right(truth, page.title), page.title, truth)
        if "author" in fields:
            truth = expected.get("byline")
            ok = byline_right(truth, page.author) if truth else page.author is None
            tally.score("author", stem, bool(truth), ok, page.author, truth)
        if "date" in fields:
            truth = expected.get("publishedTime")
            ok = date_right(truth, page.date) if truth else page.date is None
            tally.score("date", stem, bool(truth), ok, page.date, truth)
    return tally


# ---------------------------------------------------------------- Markdown

_RAW_MARKUP = {
    "](": re.compile(r"\]\("),
    "**": re.compile(r"\*\*"),
    "{{<": re.compile(r"\{\{[<%]"),
    "{%": re.compile(r"\{%"),
    "{{": re.compile(r"\{\{"),
}


def markdown_raw(folders: list[Path]) -> None:
    """Pages (outside code blocks) whose rendered text still shows raw markup."""
    paths = [
        path
        for folder in folders
        if folder.exists()
        for path in sorted(folder.rglob("*"))
        if path.suffix.lower() in (".md", ".markdown", ".mdown", ".mkd")
    ]
    if not paths:
        print("markdown: no Markdown files found (skipped)")
        return
    raw_pages: Counter[str] = Counter()
    examples: list[str] = []
    pages_with_any = 0
    for path in paths:
        article = load_article(path, path.parent)
        text = "\n".join(_without_code(block) for block in article.blocks if block.kind != "code")
        found = [name for name, pattern in _RAW_MARKUP.items() if pattern.search(text)]
        raw_pages.update(found)
        if found:
            pages_with_any += 1
            examples.append(f"  {path.name[:40]:40s} {' '.join(found)}")
    share = pages_with_any / len(paths)
    per = ", ".join(f"{name} {raw_pages[name]}" for name in _RAW_MARKUP)
    print(f"markdown: {len(paths)} pages, {pages_with_any} with raw markup ({share:.1%}): {per}")
    for line in examples[:20]:
        print(line)


def _without_code(block) -> str:
    """A block's text with its inline code spans blanked (code may show markup)."""
    text = block.text
    for span in block.spans:
        if span.kind == "code":
            text = text[: span.start] + " " * (span.end - span.start) + text[span.end :]
    return text


# ---------------------------------------------------------------- report


def _pct(right: int, asked: int) -> str:
    return f"{right}/{asked} ({right / asked:.0%})" if asked else "-"


def report(name: str, set_name: str, tally: Tally | None, list_misses: bool) -> None:
    """One line per extractor and set, then the misses when asked."""
    if tally is None:
        print(f"{set_name}: not found under {CORPORA} (skipped)")
        return
    parts = [f"{set_name:11s} {name:16s} pages {tally.pages}"]
    for key in ("title", "date", "author"):
        if tally.asked[key] or tally.false[key]:
            parts.append(
                f"{key} {_pct(tally.right[key], tally.asked[key])} false {tally.false[key]}"
            )
    if tally.precision:
        low = sum(value < 0.8 for value in tally.precision)
        parts.append(
            f"empty {tally.empty} P med {statistics.median(tally.precision):.2f}"
            f" (<0.8: {low}) R med {statistics.median(tally.recall):.2f}"
        )
    elif tally.empty:
        parts.append(f"empty {tally.empty}")
    if tally.seconds:
        parts.append(f"cpu med {statistics.median(tally.seconds) * 1000:.1f} ms")
    print(" | ".join(parts))
    if list_misses:
        for line in tally.misses:
            print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--compare", action="store_true", help="also measure the libraries")
    parser.add_argument("--list", action="store_true", help="print every wrong answer")
    parser.add_argument("--md", type=Path, nargs="*", help="Markdown folders to check")
    args = parser.parse_args()
    extractors = dict(EXTRACTORS)
    if args.compare:
        extractors |= LIBRARIES
    fields_of = {
        "tuireader": ("title", "date", "author", "text"),
        "trafilatura": ("title", "date", "author", "text"),
        "htmldate": ("date",),
        "readability-lxml": ("title", "author", "text"),
    }
    print(f"load average {os.getloadavg()[0]:.2f}", file=sys.stderr)
    for name, extract in extractors.items():
        try:
            tally = cwce(extract, fields_of[name])
        except ImportError as error:
            print(f"{name}: not importable ({error}); skipped")
            continue
        report(name, "cwce_dev", tally, args.list)
        report(name, "readability", readability_set(extract, fields_of[name]), args.list)
    folders = args.md if args.md is not None else [CORPORA, Path("/work/tmp/web12/docs")]
    markdown_raw(folders)


if __name__ == "__main__":
    main()
