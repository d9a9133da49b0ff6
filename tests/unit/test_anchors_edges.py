"""Re-anchoring at the edges: a passage given end first, a passage that opens or closes
the article, a long passage cut or stretched, a passage that travelled far in a long
article, and the fuzzy matcher's limits."""

from __future__ import annotations

import random

from tuireader.library.model import Anchor, Article, ArticleMeta, Block
from tuireader.state.anchors import (
    ANCHORED,
    ORPHANED,
    REANCHORED,
    QuoteSelector,
    layout_of,
    make_selector,
    reanchor,
)
from tuireader.state.anchors_fuzzy import (
    MIN_FUZZY_QUOTE,
    common_prefix_len,
    common_suffix_len,
    fuzzy_find,
)

OPENING = "The harbour was quiet that morning, and the boats lay still."
MIDDLE = "Nobody in the village could remember a calmer sea in winter."
CLOSING = "By noon the wind returned and the fishermen went out again."


def article(*texts: str) -> Article:
    return Article(ArticleMeta(title="t"), blocks=tuple(Block("paragraph", t) for t in texts))


def quoted(art: Article, start: Anchor, end: Anchor) -> str:
    layout = layout_of(art.blocks)
    return layout.text[layout.flat(start) : layout.flat(end)]


def test_a_passage_given_end_first_is_the_same_passage() -> None:
    art = article(OPENING, MIDDLE)
    forward = make_selector(art, Anchor(0, 4), Anchor(1, 6))
    assert make_selector(art, Anchor(1, 6), Anchor(0, 4)) == forward
    assert forward.quote == OPENING[4:] + "\n" + MIDDLE[:6]


def test_a_passage_opening_the_article_has_no_prefix_and_is_found_after_an_edit() -> None:
    art = article(OPENING, MIDDLE, CLOSING)
    sel = make_selector(art, Anchor(0, 0), Anchor(0, 34))  # "The harbour was quiet that morning"
    assert sel.prefix == ""
    edited = article(OPENING.replace("quiet", "calm"), MIDDLE, CLOSING)
    placement = reanchor(sel, edited)
    assert placement.status == REANCHORED
    assert placement.start == Anchor(0, 0)
    assert quoted(edited, placement.start, placement.end) == "The harbour was calm that morning"


def test_a_passage_closing_the_article_has_no_suffix_and_is_found_after_an_edit() -> None:
    art = article(OPENING, MIDDLE, CLOSING)
    sel = make_selector(art, Anchor(2, 12), Anchor(2, len(CLOSING)))
    assert sel.suffix == ""
    edited = article("A new first line.", OPENING, MIDDLE, CLOSING.replace("went", "sailed"))
    placement = reanchor(sel, edited)
    assert placement.status == REANCHORED
    assert placement.end == Anchor(3, len(CLOSING) + 2)
    assert quoted(edited, placement.start, placement.end) == (
        "wind returned and the fishermen sailed out again."
    )


def test_a_whole_one_paragraph_article_rewritten_a_little_is_found() -> None:
    art = article(MIDDLE)
    sel = make_selector(art, Anchor(0, 0), Anchor(0, len(MIDDLE)))
    assert (sel.prefix, sel.suffix) == ("", "")
    edited = article(MIDDLE.replace("calmer", "stiller"))
    placement = reanchor(sel, edited)
    assert placement.status == REANCHORED
    assert (placement.start, placement.end) == (Anchor(0, 0), Anchor(0, len(MIDDLE) + 1))


def test_an_unchanged_passage_at_its_old_place_is_anchored_exactly() -> None:
    art = article(OPENING, MIDDLE, CLOSING)
    sel = make_selector(art, Anchor(1, 10), Anchor(2, 5))
    placement = reanchor(sel, art)
    assert (placement.status, placement.start, placement.end) == (
        ANCHORED, Anchor(1, 10), Anchor(2, 5)
    )  # fmt: skip


def test_a_stored_position_outside_the_article_still_finds_the_quote() -> None:
    sel = QuoteSelector("calmer sea", "remember a ", " in winter.", 9, 0, 9, 10)
    placement = reanchor(sel, article(OPENING, MIDDLE))
    assert placement.status == REANCHORED
    assert (placement.start, placement.end) == (Anchor(1, 39), Anchor(1, 49))


def _long_paragraphs(count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    chars = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于下子说年着就出也方后，。"
    return ["".join(rng.choice(chars) for _ in range(500)) for _ in range(count)]


def test_a_long_passage_whose_end_was_deleted_is_orphaned() -> None:
    paragraphs = _long_paragraphs(6)
    sel = make_selector(article(*paragraphs), Anchor(2, 0), Anchor(3, 500))
    assert reanchor(sel, article(*paragraphs[:2], paragraphs[2], *paragraphs[4:])).status == (
        ORPHANED
    )
    assert reanchor(sel, article(*paragraphs[:2], paragraphs[3], *paragraphs[4:])).status == (
        ORPHANED
    )


def test_a_long_passage_stretched_to_twice_its_length_is_orphaned() -> None:
    paragraphs = _long_paragraphs(8)
    sel = make_selector(article(*paragraphs), Anchor(2, 0), Anchor(3, 500))
    inserted = _long_paragraphs(3, seed=99)  # 1,500 new characters inside the passage
    edited = article(*paragraphs[:3], *inserted, *paragraphs[3:])
    assert reanchor(sel, edited).status == ORPHANED


def test_a_long_passage_with_a_small_insertion_is_found_whole() -> None:
    paragraphs = _long_paragraphs(8)
    sel = make_selector(article(*paragraphs), Anchor(2, 0), Anchor(3, 500))
    edited = article(*paragraphs[:3], "插入的一句话。", *paragraphs[3:])
    placement = reanchor(sel, edited)
    assert placement.status == REANCHORED
    assert (placement.start, placement.end) == (Anchor(2, 0), Anchor(4, 500))


def test_a_passage_that_travelled_far_in_a_long_article_is_found_there() -> None:
    paragraphs = _long_paragraphs(200)  # 100,000 characters
    # 179 paragraphs later: ~90,000 characters, far beyond NEAR_CHARS around the old place
    sel = make_selector(article(*paragraphs), Anchor(10, 100), Anchor(10, 160))
    changed = paragraphs[10][:130] + "改" + paragraphs[10][131:]
    moved = [*paragraphs[:10], *paragraphs[11:190], changed, *paragraphs[190:]]
    placement = reanchor(sel, article(*moved))
    assert placement.status == REANCHORED
    assert (placement.start, placement.end) == (Anchor(189, 100), Anchor(189, 160))


def test_fuzzy_find_refuses_short_quotes_and_empty_text() -> None:
    text = "abcdefghij" * 3
    assert fuzzy_find(text, "abcdefghij"[: MIN_FUZZY_QUOTE - 1], "", "") is None
    assert fuzzy_find("", "abcdefgh", "", "") is None
    assert fuzzy_find(text, "abcdefgh"[:MIN_FUZZY_QUOTE], "", "") == (0, MIN_FUZZY_QUOTE)


def test_fuzzy_find_needs_most_of_the_quote() -> None:
    text = "Nobody in the village could remember a calmer sea in winter."
    assert fuzzy_find(text, "could remember", "village ", " a calmer") == (22, 36)
    assert fuzzy_find(text, "would forget it", "village ", " a calmer") is None
    assert fuzzy_find(text, "zzzzzzqqqq", "", "") is None  # no n-gram of it is in the text


def test_common_prefix_and_suffix_lengths() -> None:
    assert common_prefix_len("abcd", "abXd") == 2
    assert common_prefix_len("abc", "abcdef") == 3
    assert common_prefix_len("", "abc") == 0
    assert common_suffix_len("xbcd", "abcd") == 3
    assert common_suffix_len("cd", "abcd") == 2
    assert common_suffix_len("abc", "abd") == 0


def test_a_long_passage_whose_opening_also_opens_an_earlier_paragraph_keeps_its_own() -> None:
    # Two paragraphs open with the same 80 characters after the same sentence end: only
    # the text after the opening tells the bookmarked one from the other.
    end = " and so the meeting of the village council ended late."
    opening = "The council agreed that the old bridge over the river would be repaired before the "
    words = ["river", "stone", "field", "harvest", "lantern", "market", "winter", "bridge"]
    rng = random.Random(5)
    rest = "autumn harvest, with " + " ".join(rng.choice(words) for _ in range(60)) + "."
    paragraphs = [
        "Opening remarks were brief" + end,
        opening + "spring floods, but nobody said who would pay for it" + end,
        opening + rest,
        "Closing line of the report.",
    ]
    _assert_third_paragraph_found_after_a_one_letter_edit(paragraphs)


def test_a_long_passage_whose_ending_also_ends_an_earlier_paragraph_keeps_its_own() -> None:
    # Two paragraphs end with the same 80 characters before the same next line: only the
    # text before the ending tells the bookmarked one from the other.
    ending = " so the old bridge over the river was repaired before the spring floods came down the valley."
    assert len(ending) > 80  # EDGE
    words = ["river", "stone", "field", "harvest", "lantern", "market", "winter", "bridge"]
    rng = random.Random(7)
    body = "The council met in autumn and " + " ".join(rng.choice(words) for _ in range(60))
    paragraphs = [
        "Early in the year the villagers argued" + ending,
        "Closing line of the report, read aloud.",
        body + ending,
        "Closing line of the report, read aloud.",
    ]
    _assert_third_paragraph_found_after_a_one_letter_edit(paragraphs)


def test_the_closest_wording_wins_over_a_looser_one_in_the_old_context() -> None:
    # The old context now surrounds a loose rewording; the passage itself, one word
    # changed, sits elsewhere in other words: the quote's own text decides.
    before = "At the start of the harvest festival, the mayor said that "
    after = ", and everyone in the square cheered for a long while."
    quote = "the granary roof must be mended before the first snow falls"
    sel = QuoteSelector(quote, before[-32:], after[:32], -1, 0, -1, 0)
    edited = article(
        before + "the granary roof should get mended prior to when first snows fall" + after,
        "Unrelated paragraph about fishing boats and nets.",
        "In another report, a farmer added that "
        "the granary roof must be mended before the first snow fell and left early.",
    )
    placement = reanchor(sel, edited)
    assert placement.status == REANCHORED and placement.start == Anchor(2, 39)
    assert quoted(edited, placement.start, placement.end).startswith(
        "the granary roof must be mended before the first snow fell"
    )


def _assert_third_paragraph_found_after_a_one_letter_edit(paragraphs: list[str]) -> None:
    """Bookmark the whole third paragraph (a long passage, placed by its two ends), change
    one letter in its middle: the bookmark is re-anchored to exactly that paragraph."""
    sel = make_selector(article(*paragraphs), Anchor(2, 0), Anchor(2, len(paragraphs[2])))
    assert len(sel.quote) > 300  # placed by its two ends
    middle = len(paragraphs[2]) // 2
    edited = [*paragraphs[:2], paragraphs[2][:middle] + "Q" + paragraphs[2][middle + 1 :]]
    placement = reanchor(sel, article(*edited, paragraphs[3]))
    assert placement.status == REANCHORED
    assert (placement.start, placement.end) == (Anchor(2, 0), Anchor(2, len(paragraphs[2])))


TOWN = (
    "清晨的码头总是最先醒来，渔船一条接一条靠岸，卸下夜里打到的鱼虾。"
    "批发商打着手电在船舱边挑货，讨价还价的声音盖过了海浪。"
    "太阳升起以后，街角的早点铺支起蒸笼，包子和豆浆的香气飘出半条街。"
    "学生背着书包匆匆走过，有人顺手买两个烧饼边走边吃。"
    "到了中午，菜市场里人声鼎沸，卖菜的阿姨把最新鲜的青菜摆在最前面。"
    "午后小城安静下来，老人们坐在榕树下下棋，偶尔为一步棋争得面红耳赤。"
    "傍晚时分，晚霞把海面染成橘红色，归航的汽笛声一阵接一阵。"
    "夜里灯火亮起，夜市的摊位从桥头一直排到江边，直到很晚才散去。"
)


def test_a_passage_with_every_fifth_character_replaced_is_still_found() -> None:
    # A re-save that masked one character in five (某) around a bookmarked passage:
    # four in five of its characters are left, but few of its four-character runs are.
    at = TOWN.index("午后小城")
    prefix, quote, suffix = TOWN[at - 32 : at], TOWN[at : at + 14], TOWN[at + 14 : at + 46]
    masked = list(TOWN)
    for offset in range(1, len(prefix) + len(quote) + len(suffix), 5):
        masked[at - 32 + offset] = "某"
    assert fuzzy_find("".join(masked), quote, prefix, suffix) == (at, at + 14)


def test_a_long_imported_context_still_places_a_rewritten_passage() -> None:
    # Annotations imported from other tools may carry hundreds of characters of context;
    # every character of such a context counts, however often it occurs in it.
    before = "".join(f"第{i}天，河边的柳树又绿了一些，早上去市场买菜的人比昨天多了不少。" for i in range(1, 9))
    after = "".join(f"第{i}天，傍晚的风从山口吹过来，街上的路灯一盏接一盏地亮了起来。" for i in range(1, 9))
    quote = "老张说今年的雨水来得早，田里的秧苗长得比往年都要整齐。"
    rewritten = "老李讲今年雨水来得晚，地里秧苗长得比去年还要整齐些。"
    assert len(before) > 200 and len(after) > 200
    edits_before = [("早上", "早晨"), ("买菜", "买米"), ("柳树", "杨树"), ("不少", "很多")]
    edits_after = [("傍晚", "黄昏"), ("山口", "山谷"), ("路灯", "街灯"), ("街上", "路上")]
    for edits in (3, 4):  # a few words changed on each side too
        touched_before, touched_after = before, after
        for old, new in edits_before[:edits]:
            touched_before = touched_before.replace(old, new)
        for old, new in edits_after[:edits]:
            touched_after = touched_after.replace(old, new)
        text = touched_before + rewritten + touched_after
        found = fuzzy_find(text, quote, before, after)
        assert found is not None
        start, end = found  # the aligner may take in one neighbouring character
        assert abs(start - len(touched_before)) <= 1
        assert abs(end - (len(touched_before) + len(rewritten))) <= 1
