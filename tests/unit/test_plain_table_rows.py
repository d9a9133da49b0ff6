"""Hard-wrapped prose: table rows (columns set apart by runs of spaces) stay lines of
their own; a single gap, or a wide gap in a full (justified) line, is part of the text;
the wrap width of a text shifted right is measured from its margin."""

from __future__ import annotations

import pytest

from tuireader.library.formats.plain.reflow import logical_lines

PROSE = [
    "The harbour committee met on Tuesday evening to discuss the long term",
    "plan for the pier, which has been closed to the public since a storm",
    "damaged its supports two winters ago and left all the railings bent,",
    "and the members agreed that the work should start in the spring and",
    "asked the council to publish the full cost of the repairs before the",
    "next meeting of the committee in the church hall on the first Monday",
]
AFTER = "of May, when a vote will be taken on the first of the plans for it."
JOINED = " ".join(PROSE)


@pytest.mark.parametrize(
    "row",
    [
        "Rope    4 coils",  # one wide gap in a short line
        "Rope  4  coils",  # two gaps
        "繩索\u3000\u3000四卷\u3000\u3000倉庫",
        "繩索 \u3000 \u3000四卷",  # a wide gap of mixed spaces
        "繩索\u3000 \u3000 四卷",
        "of the month, all  were present  and the minutes were read out aloud",  # full
    ],
)
def test_a_table_row_stays_a_line_of_its_own(row: str) -> None:
    assert logical_lines([*PROSE, row, AFTER]) == [JOINED, row, AFTER]


@pytest.mark.parametrize(
    "row",
    [
        "Rope  4 coils",  # one narrow gap
        "Rope 4 coils",
    ],
)
def test_a_short_line_with_one_narrow_gap_ends_the_paragraph(row: str) -> None:
    assert logical_lines([*PROSE, row, AFTER]) == [f"{JOINED} {row}", AFTER]


def test_a_wide_gap_in_a_full_line_is_spacing_inside_the_sentence() -> None:
    line = "of the month.  All    were present and the minutes were read out aloud"
    assert logical_lines([*PROSE, line, AFTER]) == [f"{JOINED} {line} {AFTER}"]


RAGGED = [
    "The ferry from the island runs twice a day in summer and",
    "once in winter, when the sea is rough and the crossing takes",
    "an hour longer than the timetable says, which the",  # a long word went on
    "extraordinarily patient fishermen on the quay accept while",
    "they mend their nets and wait, and the children sell shells",
    "to the few visitors who come over for the day.",
]


@pytest.mark.parametrize("margin", ["", "        "])
def test_the_wrap_width_of_a_shifted_text_is_measured_from_its_margin(margin: str) -> None:
    # The third line stops early; against the width of the text (not of the text and
    # its margin together) it is still a full line, and the paragraph runs on.
    next_one = "The next paragraph begins here."
    lines = [margin + line for line in RAGGED] + ["", margin + next_one]
    assert logical_lines(lines) == [" ".join(RAGGED), next_one]
