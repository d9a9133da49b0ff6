"""Library search is exact: for any single term, the matching articles are exactly those
whose folded title or body (block by block) contains it, checked by brute force over a
seeded library mixing Chinese, English and full-width text, with hard-wrapped paragraphs.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tuireader import search as library_search
from tuireader.catalog import Catalog
from tuireader.text.fold import fold

HAN = "经济发展中国文化旅游教育科技的是了人民"
LATIN = ["river", "City", "data", "Plan", "ab", "x", "ΣΑΣ", "straße"]
FULL = ["ＡＢＣ", "Ｔｅｘｔ", "１２３", "ｒｉｖｅｒ"]
WRAP = 14  # characters per line in the files: paragraphs are hard-wrapped


def _phrase(rng: random.Random) -> str:
    """A run of mixed text: Chinese characters, words, full-width words."""
    parts = []
    for _ in range(rng.randint(3, 9)):
        kind = rng.random()
        if kind < 0.5:
            parts.append("".join(rng.choice(HAN) for _ in range(rng.randint(1, 6))))
        elif kind < 0.8:
            parts.append(" " + rng.choice(LATIN) + " ")
        else:
            parts.append(rng.choice(FULL))
    return "".join(parts).strip() + "。"


def _wrapped(text: str) -> list[str]:
    """``text`` hard-wrapped at WRAP characters (breaking anywhere, like old scrapers)."""
    return [text[i : i + WRAP] for i in range(0, len(text), WRAP)]


def _write_library(root: Path, rng: random.Random, count: int) -> list[tuple[str, str]]:
    """Write ``count`` Markdown articles; returns the (line end, line start) pairs of
    wrapped Chinese lines, to query terms that cross a line break in the file."""
    joins: list[tuple[str, str]] = []
    for index in range(count):
        folder = root / rng.choice(["新闻", "news", "文化/读书"])
        folder.mkdir(parents=True, exist_ok=True)
        paragraphs = []
        for _ in range(rng.randint(1, 4)):
            lines = _wrapped(_phrase(rng) + _phrase(rng))
            joins += [(a[-2:], b[:2]) for a, b in zip(lines, lines[1:], strict=False)]
            paragraphs.append("\n".join(lines))
        title = _phrase(rng)[:12]
        text = f"# {title} {index}\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"a{index:03d}.md").write_text(text, encoding="utf-8")
    return joins


@pytest.fixture(scope="module", params=["built after the scan", "indexed by the scan"])
def library(request, tmp_path_factory):
    """A seeded library of 120 articles, scanned and indexed: by a build after the scan,
    or as the scan stores each article (``index=True``, then the build that marks it ready)."""
    root = tmp_path_factory.mktemp("lib")
    rng = random.Random(20221)
    joins = _write_library(root, rng, 120)
    catalog = Catalog(tmp_path_factory.mktemp("cache") / "catalog.db", root)
    catalog.scan(index=request.param == "indexed by the scan")
    library_search.build_index(catalog)
    texts = {}
    for row in catalog.iter_rows():
        article = catalog.load(row.id)
        texts[row.id] = [fold(article.title)] + [fold(block.text) for block in article.blocks]
    yield catalog, texts, joins
    catalog.close()


def _brute_force(texts: dict[int, list[str]], term: str) -> set[int]:
    """Ids of the articles whose folded title or some folded block contains ``term``."""
    return {i for i, parts in texts.items() if any(term in part for part in parts)}


def _terms(texts: dict[int, list[str]], rng: random.Random, length: int) -> list[str]:
    """Substrings of the folded text of the given length, plus random absent-looking ones."""
    chosen = set()
    parts = [part for all_parts in texts.values() for part in all_parts if len(part) >= length]
    for _ in range(40):
        part = rng.choice(parts)
        start = rng.randrange(len(part) - length + 1)
        chosen.add(part[start : start + length])
    alphabet = HAN + "abcxyz123 "
    for _ in range(10):
        chosen.add("".join(rng.choice(alphabet) for _ in range(length)))
    # A query is one line: a term across a hard line break ("a  \nb" in the file keeps
    # its break) cannot be typed.
    return sorted(
        term for term in chosen if term.strip() == term and "  " not in term and "\n" not in term
    )


@pytest.mark.parametrize("length", [1, 2, 3, 4, 7, 12])
def test_single_term_matches_exactly_the_brute_force_set(library, length):
    catalog, texts, _ = library
    rng = random.Random(length)
    for term in _terms(texts, rng, length):
        expected = _brute_force(texts, term)
        assert library_search.matching_ids(catalog, f'"{term}"') == expected, term
        assert library_search.count(catalog, f'"{term}"') == len(expected)


@pytest.mark.parametrize("written", ["ＡＢＣ", "abc", "Ｔｅｘｔ", "TEXT", "RIVER", "Straße", "σας"])
def test_case_and_width_do_not_matter(library, written):
    catalog, texts, _ = library
    expected = _brute_force(texts, fold(written))
    assert expected, "the generated library should hold every folded form"
    assert library_search.matching_ids(catalog, written) == expected


def test_terms_across_a_line_break_in_the_file_are_found(library):
    catalog, texts, joins = library
    han_joins = [a + b for a, b in joins if all(ch in HAN for ch in a + b) and len(a + b) == 4]
    assert len(han_joins) > 20
    for term in han_joins[:60]:
        expected = _brute_force(texts, term)
        assert expected, f"{term} was written across a line break, the reflow should join it"
        assert library_search.matching_ids(catalog, term) == expected


def test_terms_never_match_across_two_paragraphs(library):
    catalog, texts, _ = library
    for parts in list(texts.values())[:30]:
        blocks = parts[1:]
        for first, second in zip(blocks, blocks[1:], strict=False):
            term = first[-2:] + second[:2]
            if len(term) == 4 and term.strip() == term:
                assert library_search.matching_ids(catalog, f'"{term}"') == _brute_force(
                    texts, term
                )


@pytest.mark.parametrize("length", [1, 2, 3, 5])
def test_title_only_terms_match_exactly_the_titles(library, length):
    catalog, texts, _ = library
    rng = random.Random(100 + length)
    titles = {i: parts[:1] for i, parts in texts.items()}
    for term in _terms(titles, rng, length):
        expected = {i for i, parts in texts.items() if term in parts[0]}
        assert library_search.matching_ids(catalog, f'in:title "{term}"') == expected, term


@pytest.mark.parametrize("length", [1, 2, 4])
def test_the_quick_walk_for_dense_sets_is_exact_too(library, monkeypatch, length):
    from tuireader.search import plan as search_plan

    catalog, texts, _ = library
    monkeypatch.setattr(search_plan, "RANK_ALL", 0)  # every set counts as large
    for term in _terms(texts, random.Random(50 + length), length):
        expected = _brute_force(texts, term)
        if not expected:
            continue
        found = library_search.search(catalog, f'"{term}"', limit=len(expected))
        assert found.total is None, "the page came from the quick walk"
        assert {hit.article_id for hit in found.results} == expected, term


@pytest.mark.parametrize("length", [1, 2, 3])
def test_counts_of_short_terms_with_an_exclusion_or_in_titles_are_exact(library, length):
    catalog, texts, _ = library
    rng = random.Random(200 + length)
    terms = _terms(texts, rng, length)
    for term, other in zip(terms, reversed(terms), strict=True):
        if term == other:
            continue
        expected = _brute_force(texts, term) - _brute_force(texts, other)
        assert library_search.count(catalog, f'"{term}" -"{other}"') == len(expected), term
        in_titles = {i for i, parts in texts.items() if term in parts[0]}
        assert library_search.count(catalog, f'in:title "{term}"') == len(in_titles), term


def test_a_short_term_starting_hundreds_of_trigrams_is_counted_exactly(tmp_path):
    followers = [chr(0x4E00 + k) for k in range(400)]  # 400 different trigrams "经" + X + Y
    root = tmp_path / "lib"
    root.mkdir()
    for index in range(8):
        body = "，".join(
            "经" + x + followers[(k * 7 + index) % 400] for k, x in enumerate(followers)
        )
        (root / f"a{index}.md").write_text(f"# Title {index}\n\n{body}\n", encoding="utf-8")
    (root / "other.md").write_text("# Other\n\n没有那个字。\n", encoding="utf-8")
    catalog = Catalog(tmp_path / "catalog.db", root)
    try:
        catalog.scan()
        library_search.build_index(catalog)
        assert library_search.count(catalog, "经") == 8
        assert library_search.count(catalog, "经一") == 8
        assert library_search.count(catalog, "没有") == 1
        assert library_search.count(catalog, "没有那") == 1
        assert library_search.count(catalog, "无此") == 0
    finally:
        catalog.close()
