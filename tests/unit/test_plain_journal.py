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


PAPER = "本文研究了河边小镇书店的经营状况，并对其未来发展提出了若干建议和看法。"
ISSUE = "河畔学刊\n2004年 第3期\n"


def test_a_paper_saved_without_its_body_keeps_a_title_wrapped_onto_a_name_like_line() -> None:
    """The authors' line last in the file: the title's wrapped end above it is still the
    title's, not an author."""
    page = parse_plaintext(ISSUE + "用三年的连续观测比较\n梯田保水\n王大山　李　青\n", "stem")
    assert (page.meta.title, page.meta.author) == ("用三年的连续观测比较梯田保水", "王大山 李青")
    assert page.blocks == ()


def test_a_masthead_and_a_title_alone() -> None:
    page = parse_plaintext(ISSUE + "小镇书店的经营研究\n", "stem")
    assert (page.meta.title, page.meta.author, page.meta.source) == (
        "小镇书店的经营研究",
        None,
        "河畔学刊",
    )
    assert page.blocks == ()


@pytest.mark.parametrize("authors", ["王五　赵六\n", ""])
def test_a_label_alone_on_its_line_is_front_matter_not_an_author(authors: str) -> None:
    """``摘　要`` and ``关键词`` alone on a line read like names; they are labels whose
    value is the next line."""
    page = parse_plaintext(
        ISSUE
        + f"小镇书店的经营研究\n{authors}摘　要\n本文研究了小镇书店。\n关键词\n书店；小镇\n{PAPER}\n",
        "stem",
    )
    assert page.meta.title == "小镇书店的经营研究"
    assert page.meta.author == ("王五 赵六" if authors else None)
    assert page.meta.abstract == "本文研究了小镇书店。"
    assert page.meta.keywords == ("书店", "小镇")
    assert [block.text for block in page.blocks if block.kind == "paragraph"] == [PAPER]


def test_a_long_sentence_between_the_title_and_the_authors_is_the_abstract() -> None:
    lead = (
        "本文比较了河边三个小镇上的书店近十年来的经营状况，并讨论书店怎样才能在小镇上长久地开下去。"
    )
    page = parse_plaintext(ISSUE + f"小镇书店的经营研究\n{lead}\n王五　赵六\n{PAPER}\n", "stem")
    assert (page.meta.title, page.meta.author) == ("小镇书店的经营研究", "王五 赵六")
    assert page.meta.abstract == lead
    assert [block.text for block in page.blocks if block.kind == "paragraph"] == [PAPER]


def test_a_title_and_its_subtitle_over_two_lines_join_up() -> None:
    page = parse_plaintext(
        ISSUE + f"小镇书店的经营研究\n——以河边三镇为例\n王五　赵六\n{PAPER}\n", "s"
    )
    assert (page.meta.title, page.meta.author) == (
        "小镇书店的经营研究——以河边三镇为例",
        "王五 赵六",
    )


def test_only_an_english_title_above_the_authors_leaves_the_title_to_the_file_name() -> None:
    page = parse_plaintext(
        ISSUE + f"A Study of Small Town Bookshops\n王五　赵六\n{PAPER}\n", "stem"
    )
    assert (page.meta.title, page.meta.author) == ("stem", "王五 赵六")
    assert dict(page.meta.labels)["英文标题"] == "A Study of Small Town Bookshops"
    assert [block.text for block in page.blocks] == [PAPER]


def test_an_affiliation_wrapped_onto_the_next_line_is_joined() -> None:
    page = parse_plaintext(
        ISSUE + f"小镇书店的经营研究\n王五　赵六（河畔大学中文系\n，河畔 650000）\n{PAPER}\n", "s"
    )
    assert page.meta.author == "王五 赵六"
    assert dict(page.meta.labels)["作者单位"] == "河畔大学中文系，河畔 650000"
    assert [block.text for block in page.blocks] == [PAPER]


def test_a_bracket_the_next_line_does_not_close_is_no_affiliation() -> None:
    page = parse_plaintext(
        ISSUE + f"小镇书店的经营研究\n王五　赵六（河畔大学 中文系\n{PAPER}\n{PAPER}\n", "s"
    )
    assert (page.meta.title, page.meta.author) == ("小镇书店的经营研究", None)
    assert [block.text for block in page.blocks] == [
        "王五\u3000赵六（河畔大学 中文系",
        PAPER,
        PAPER,
    ]


@pytest.mark.parametrize(
    ("issue", "date"),
    [("Vol.9 No.2", None), ("1998年 Vol.9 No.2", "1998"), ("1998年12月 第2期", "1998-12")],
)
def test_the_issue_line_dates_the_paper_as_far_as_it_says(issue: str, date: str | None) -> None:
    page = parse_plaintext(f"河畔学刊\n{issue}\n小镇书店的经营研究\n王五　赵六\n{PAPER}\n", "s")
    assert (page.meta.issue, page.meta.date) == (issue, date)
    assert (page.meta.title, page.meta.author) == ("小镇书店的经营研究", "王五 赵六")


@pytest.mark.parametrize(
    ("line", "is_metadata"),
    [
        ("Bamboo Care on Hill Slopes in Winter", True),
        (
            "ZHAO Yilin, QIAN Ermu (Forestry Station 林)",
            True,
        ),  # one Chinese character in ten letters
        ("一、Excel", False),  # a numbered heading of the body: 一 is a Chinese character too
        ("Care", True),  # four letters make a line of English
        ("Tea", False),
        ("竹林 Bamboo Care", False),
    ],
)
def test_which_lines_after_the_front_matter_are_english_metadata(
    line: str, is_metadata: bool
) -> None:
    page = parse_plaintext(f"{HEAD}关键词：竹林；冬季\n{line}\n{BODY}\n", "stem")
    kept = dict(page.meta.labels).get("英文标题及作者")
    assert (kept == line) is is_metadata
    assert [block.text for block in page.blocks] == ([BODY] if is_metadata else [line, BODY])


def test_a_paper_whose_abstract_comes_before_its_authors_keeps_its_title() -> None:
    page = parse_plaintext(
        ISSUE + f"小镇书店的经营研究\n摘要：本文研究了小镇书店。\n王五　赵六\n{PAPER}\n", "s"
    )
    assert (page.meta.title, page.meta.abstract) == ("小镇书店的经营研究", "本文研究了小镇书店。")
    assert [block.text for block in page.blocks][-1] == PAPER


def test_a_title_as_short_as_a_name_is_still_the_title() -> None:
    page = parse_plaintext(ISSUE + f"论茶\n王五　赵六\n{PAPER}\n", "s")
    assert (page.meta.title, page.meta.author) == ("论茶", "王五 赵六")
    assert [block.text for block in page.blocks] == [PAPER]


def test_the_note_mark_of_a_title_without_authors_is_dropped() -> None:
    page = parse_plaintext(ISSUE + f"小镇书店的经营研究*\n{PAPER}\n{PAPER}\n", "s")
    assert (page.meta.title, page.meta.author) == ("小镇书店的经营研究", None)
    assert [block.text for block in page.blocks] == [PAPER, PAPER]


def test_a_heading_with_years_in_brackets_under_the_authors_is_no_affiliation() -> None:
    heading = "一、河畔三镇的书店（1990—2004）"
    page = parse_plaintext(ISSUE + f"小镇书店的经营研究\n王五　赵六\n{heading}\n{PAPER}\n", "s")
    assert page.meta.author == "王五 赵六"
    assert "作者单位" not in dict(page.meta.labels)
    assert [block.text for block in page.blocks] == [heading, PAPER]


def test_of_three_lines_above_the_authors_the_last_is_the_title() -> None:
    """A column's name and a series' name may stand above the title."""
    page = parse_plaintext(
        ISSUE + f"读书与生活专栏\n小镇书店系列之三\n小镇书店的经营研究\n王五　赵六\n{PAPER}\n", "s"
    )
    assert (page.meta.title, page.meta.author) == ("小镇书店的经营研究", "王五 赵六")
    assert [block.text for block in page.blocks] == [PAPER]


def test_a_name_with_a_middle_dot_under_the_title_is_an_author() -> None:
    page = parse_plaintext(ISSUE + f"小镇书店的经营研究\n艾力·买买提\n王五　赵六\n{PAPER}\n", "s")
    assert (page.meta.title, page.meta.author) == ("小镇书店的经营研究", "艾力·买买提 王五 赵六")


def test_a_short_sentence_under_the_title_is_text_not_a_name() -> None:
    page = parse_plaintext(ISSUE + f"小镇书店的经营研究\n书店难开。\n{PAPER}\n", "s")
    assert (page.meta.title, page.meta.author) == ("小镇书店的经营研究", None)
    assert [block.text for block in page.blocks] == ["书店难开。", PAPER]


TITLE_BLOCK = "小镇书店的\n经营研究与\nA Study of Small\nTown Bookshops\nin Three Towns\n"


def test_up_to_five_lines_may_stand_between_the_masthead_and_the_authors() -> None:
    page = parse_plaintext(ISSUE + TITLE_BLOCK + f"王五　赵六\n{PAPER}\n", "s")
    assert (page.meta.title, page.meta.author) == ("小镇书店的经营研究与", "王五 赵六")
    assert dict(page.meta.labels)["英文标题"] == "A Study of Small Town Bookshops in Three Towns"
    assert [block.text for block in page.blocks] == [PAPER]
    six = parse_plaintext(ISSUE + TITLE_BLOCK + f"and Their Readers\n王五　赵六\n{PAPER}\n", "s")
    assert (six.meta.title, six.meta.author) == ("小镇书店的", None)  # no author line in reach
    assert [block.text for block in six.blocks][-2:] == ["王五\u3000赵六", PAPER]


LEAD = "本文比较了河边三个小镇上的书店近十年来的经营状况并讨论书店怎样才能开下去" * 2


@pytest.mark.parametrize(("length", "lead"), [(40, False), (41, True)])
def test_a_sentence_above_the_authors_is_a_lead_past_40_characters(length: int, lead: bool) -> None:
    line = LEAD[: length - 1] + "。"
    page = parse_plaintext(ISSUE + f"小镇书店的经营研究\n{line}\n王五　赵六\n{PAPER}\n", "s")
    assert page.meta.author == "王五 赵六"
    if lead:
        assert (page.meta.title, page.meta.abstract) == ("小镇书店的经营研究", line)
    else:  # a title wrapped over two lines, the second ending with a full stop
        assert (page.meta.title, page.meta.abstract) == ("小镇书店的经营研究" + line, None)


def test_a_long_title_without_a_full_stop_is_no_lead() -> None:
    title = "河边三个小镇上的书店近十年来的经营状况与读者变化以及书店怎样才能长久开下去的研究与对策"
    assert len(title) > 40
    page = parse_plaintext(ISSUE + f"{title}\n王五　赵六\n{PAPER}\n", "s")
    assert (page.meta.title, page.meta.abstract) == (title, None)


# Twenty names, one of three characters: 60 characters with the spaces between them.
NAMES = [family + given for family in "王赵钱孙李周吴郑冯陈" for given in "五六"]
NAMES_60 = "　".join(["欧阳" + NAMES[0][1], *NAMES[1:]])
NAMES_61 = "　".join(["欧阳" + NAMES[0][1], "司马" + NAMES[1][1], *NAMES[2:]])


@pytest.mark.parametrize(("names", "authors"), [(NAMES_60, True), (NAMES_61, False)])
def test_an_author_line_is_at_most_60_characters(names: str, authors: bool) -> None:
    assert len(names) == (60 if authors else 61)
    page = parse_plaintext(ISSUE + f"小镇书店的经营研究\n{names}\n{PAPER}\n", "s")
    assert page.meta.title == "小镇书店的经营研究"
    if authors:
        assert page.meta.author == " ".join(names.split())
        assert [block.text for block in page.blocks] == [PAPER]
    else:
        assert page.meta.author is None
        assert [block.text for block in page.blocks] == [names, PAPER]


@pytest.mark.parametrize(("english_lines", "journal"), [(2, True), (3, False)])
def test_the_issue_line_is_among_the_first_four_lines(english_lines: int, journal: bool) -> None:
    english = "\n".join(["HEPAN JOURNAL", "OF RIVERSIDE", "STUDIES"][:english_lines])
    page = parse_plaintext(
        f"河畔学刊\n{english}\n2004年 第3期\n小镇书店的经营研究\n王五　赵六\n{PAPER}\n", "s"
    )
    assert page.meta.issue == ("2004年 第3期" if journal else None)
    assert page.meta.source == ("河畔学刊" if journal else None)


NAME_24 = ("河畔地区农村经济与社会发展研究学会会刊" * 2)[:24]


@pytest.mark.parametrize(("name", "journal"), [(NAME_24, True), (NAME_24 + "刊", False)])
def test_a_journal_name_is_at_most_24_characters(name: str, journal: bool) -> None:
    page = parse_plaintext(f"{name}\n2004年 第3期\n小镇书店的经营研究\n王五　赵六\n{PAPER}\n", "s")
    assert page.meta.source == (name if journal else None)
    assert page.meta.issue == ("2004年 第3期" if journal else None)


ISSUE_90 = "2004年3月 第3期 总第120期 HEPAN JOURNAL OF RIVERSIDE STUDIES" + "-" * 33 + "VOL3"


@pytest.mark.parametrize(("issue", "journal"), [(ISSUE_90, True), (ISSUE_90 + "X", False)])
def test_an_issue_line_is_at_most_90_characters(issue: str, journal: bool) -> None:
    assert len(issue) == (90 if journal else 91)
    page = parse_plaintext(f"河畔学刊\n{issue}\n小镇书店的经营研究\n王五　赵六\n{PAPER}\n", "s")
    assert page.meta.issue == (" ".join(issue.split()) if journal else None)


def test_a_clause_ending_with_a_semicolon_is_no_author_line() -> None:
    page = parse_plaintext(ISSUE + f"小镇书店的经营研究\n其一，阅读；\n{PAPER}\n", "s")
    assert (page.meta.title, page.meta.author) == ("小镇书店的经营研究", None)
    assert [block.text for block in page.blocks] == ["其一，阅读；", PAPER]


def test_an_affiliation_wrapped_onto_the_last_line_of_the_file_is_joined() -> None:
    page = parse_plaintext(ISSUE + "小镇书店的经营研究\n王五　赵六（河畔大学中文系\n，河畔 650000）\n", "s")
    assert page.meta.author == "王五 赵六"
    assert dict(page.meta.labels)["作者单位"] == "河畔大学中文系，河畔 650000"
    assert page.blocks == ()
