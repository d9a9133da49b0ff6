"""The find bar's state, the result trail, the folded matcher and the search screen's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuireader.library.loader import load_article
from tuireader.library.model import ArticleMeta
from tuireader.search import Hit, IndexStatus, SearchResults
from tuireader.search.find import FoldedBlocks, find_terms
from tuireader.text.fold import fold
from tuireader.ui.controllers.find_state import FindState, ResultTrail

SAMPLE = Path(__file__).resolve().parents[2] / "sample_articles"
LONG = SAMPLE / "小说" / "长篇" / "2019-01-20-河流与城市.md"

MATCHES = ((0, 1, 3), (0, 8, 10), (2, 0, 2))


def state_with_hits() -> FindState:
    state = FindState()
    state.set_result("ab", False, MATCHES, None)
    return state


def test_count_reads_current_over_total_and_wraps_both_ways():
    state = state_with_hits()
    assert state.count_text() == "3 hits"
    assert state.go_first() == (0, 1, 3)
    assert state.count_text() == "1/3"
    assert state.go_step(False) == (2, 0, 2)
    assert state.count_text() == "3/3"
    assert state.go_step(True) == (0, 1, 3)


def test_go_from_a_position_takes_the_next_hit_and_wraps_past_the_end():
    state = state_with_hits()
    assert state.go_from(0, 5) == (0, 8, 10)
    assert state.go_from(2, 1) == (0, 1, 3)


def test_at_edge_only_on_the_last_hit_forward_or_first_backward():
    state = state_with_hits()
    assert not state.at_edge(True)  # nothing current yet
    state.go_first()
    assert state.at_edge(False) and not state.at_edge(True)
    state.go_first(forward=False)
    assert state.at_edge(True)


@pytest.mark.parametrize(
    ("query", "matches", "error", "words"),
    [("", (), None, ""), ("zz", (), None, "no match"), ("(", (), "bad regex: x", "bad regex: x")],
)
def test_count_words_for_nothing_found(query, matches, error, words):
    state = FindState()
    state.set_result(query, False, matches, error)
    assert state.count_text() == words


def test_trail_moves_between_results_and_stops_at_the_ends():
    trail = ResultTrail("q", ["a.md", "b.md"], 0)
    assert trail.follows("a.md") and not trail.follows("b.md")
    assert trail.move(False) is None and trail.position == 0
    assert trail.move(True) == "b.md" and trail.label() == "result 2 of 2"
    assert trail.move(True) is None and trail.open_path() == "b.md"


@pytest.mark.parametrize("query", ["的", "经济", "阿禾", "ＡＢＣ", "，", "no such words"])
def test_folded_blocks_answer_query_after_query_like_a_fresh_search(query):
    blocks = [block.text for block in load_article(LONG, SAMPLE).blocks]
    folded = FoldedBlocks(blocks)
    folded.find("某")  # folded once, then reused
    assert list(folded.find(query).matches) == find_terms(blocks, [fold(query)])


def test_folded_blocks_regex_and_its_errors():
    folded = FoldedBlocks(["Abc abd", "ABX"])
    assert folded.find(r"ab[cx]", regex=True).matches == ((0, 0, 3), (1, 0, 3))
    bad = folded.find("(", regex=True)
    assert bad.matches == () and bad.error.startswith("bad regex:")


def test_snippet_text_marks_exactly_the_hits_and_drops_controls():
    from tuireader.ui.widgets.hit_text import HIT_STYLE, snippet_text

    text = snippet_text("a\x1b[2Jb 经济 c", ((7, 9),))
    assert "\x1b" not in text.plain
    hits = [text.plain[span.start : span.end] for span in text.spans if span.style == HIT_STYLE]
    assert hits == ["经济"]


def test_status_says_plainly_when_the_index_is_not_ready():
    from tuireader.ui.widgets.hit_text import status_words

    hit = Hit(1, "a.md", ArticleMeta(title="A"), 1, "x", (), False)
    found = SearchResults([hit], 1, False, "building", IndexStatus(False, 3, 10))
    words = status_words("x", found)
    assert words.startswith("1 result ·")
    assert "Index not ready (3 of 10 articles indexed)" in words


def test_status_counts_every_result_the_same_way_paged_or_not():
    from tuireader.ui.widgets.hit_text import status_words

    hits = [Hit(n, f"{n}.md", ArticleMeta(title="A"), 1, "x", (), False) for n in range(200)]
    words = status_words("x", SearchResults(hits, 695, True))
    assert words.startswith("695 results, first 200 shown")
    assert "+" not in words
