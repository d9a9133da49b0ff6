"""Journal papers in plain text: when the English lines after the front matter are
metadata, and which mastheads make a paper a journal paper at all."""

from __future__ import annotations

import pytest

from tuireader.library.formats.plain.page import parse_plaintext

MASTHEAD = "林业简报\n2003年4月 第5卷 第1期\n"
HEAD = MASTHEAD + "山坡竹林的冬季养护\n赵一林　钱二木\n"
ENGLISH = "Bamboo Care on Hill Slopes in Winter"
BODY = "竹林冬季要防冻防折，山坡上的竹子尤其如此。"


@pytest.mark.parametrize(
    ("front", "english_is_metadata"),
    [
        ("", False),  # no front matter: an English line is the body's
        ("关键词：竹林；冬季\n", True),
        ("摘要：本文讲竹林冬季养护的做法。\n", True),
        ("中图分类号：S795\n", False),  # one code alone is no front matter
        ("中图分类号：S795\n文献标识码：A\n", True),
    ],
)
def test_english_lines_after_front_matter_are_metadata(
    front: str, english_is_metadata: bool
) -> None:
    page = parse_plaintext(f"{HEAD}{front}{ENGLISH}\n{BODY}\n", "stem")
    assert (page.meta.title, page.meta.author) == ("山坡竹林的冬季养护", "赵一林 钱二木")
    assert page.meta.source == "林业简报"
    kept = dict(page.meta.labels).get("英文标题及作者")
    texts = [block.text for block in page.blocks]
    assert (kept == ENGLISH) is english_is_metadata
    assert (ENGLISH in texts) is not english_is_metadata
    assert texts[-1] == BODY


def test_journal_tag_lines_under_the_issue_are_skipped() -> None:
    text = MASTHEAD + "科技期刊\n  科技期刊\n山坡竹林的冬季养护\n赵一林　钱二木\n" + BODY + "\n"
    page = parse_plaintext(text, "stem")
    assert (page.meta.title, page.meta.author) == ("山坡竹林的冬季养护", "赵一林 钱二木")
    assert page.meta.issue == "2003年4月 第5卷 第1期"
    assert page.meta.date == "2003-04"
    assert [block.text for block in page.blocks] == [BODY]


def test_a_sentence_above_an_issue_line_is_no_journal_name() -> None:
    text = "今天读到一本旧杂志。\n2003年4月 第5卷 第1期\n" + BODY + "\n"
    page = parse_plaintext(text, "stem")
    assert page.meta.source != "今天读到一本旧杂志。"
    assert page.meta.issue is None


def test_a_journal_tag_ending_the_issue_line_is_not_the_issue() -> None:
    text = "林业简报\nFORESTRY NOTES\nOF THE HILLS\n2003年4月 第5卷 第1期　科技期刊\n科技期刊\n"
    page = parse_plaintext(text + "山坡竹林的冬季养护\n赵一林　钱二木\n" + BODY + "\n", "stem")
    assert page.meta.issue == "2003年4月 第5卷 第1期"
    assert dict(page.meta.labels)["英文刊名"] == "FORESTRY NOTES OF THE HILLS"
    assert (page.meta.title, page.meta.author) == ("山坡竹林的冬季养护", "赵一林 钱二木")
