"""Dates found in free text come back as ISO 8601, impossible ones as None."""

from __future__ import annotations

import datetime as dt

import pytest

from tuireader.text.dates import (
    date_to_iso,
    find_date,
    parse_compact_date,
    parse_date,
    parse_labelled_date,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022年11月1日 10:02", "2022-11-01T10:02"),
        ("2022年11月01日10:02", "2022-11-01T10:02"),
        ("2022 年 11 月 1 日 10:02", "2022-11-01T10:02"),
        ("2022年11月1日", "2022-11-01"),
        ("2022年11月1日10时02分", "2022-11-01T10:02"),
        ("2022年11月1日 10时02分33秒", "2022-11-01T10:02:33"),
        ("2022年11月1日 下午3:05", "2022-11-01T15:05"),
        ("2022-11-01 10:02:33", "2022-11-01T10:02:33"),
        ("2022-11-01 10:02:00", "2022-11-01T10:02"),
        ("2022/11/01", "2022-11-01"),
        ("2022/1/5 8:30", "2022-01-05T08:30"),
        ("2022.11.01", "2022-11-01"),
        ("2022-11-01T10:02:00+08:00", "2022-11-01T10:02"),
        ("2022-11-01T23:30:00Z", "2022-11-01T23:30"),
        ("2022-11-01T10:02:05.123-05:00", "2022-11-01T10:02:05"),
        ("1 November 2022", "2022-11-01"),
        ("21st March 2023", "2023-03-21"),
        ("Nov 1, 2022", "2022-11-01"),
        ("November 1, 2022", "2022-11-01"),
        ("Sept. 9, 2021 at 3:05 pm", "2021-09-09T15:05"),
        ("Dec 24, 2020 12:10 AM", "2020-12-24T00:10"),
        # Noon and midnight: 12 pm stays 12, 12 am becomes 0; 下午12点 is noon.
        ("Nov 1, 2022 12:30 pm", "2022-11-01T12:30"),
        ("1 Nov 2022, 12:05 a.m.", "2022-11-01T00:05"),
        ("Nov 1, 2022 11:59 PM", "2022-11-01T23:59"),
        ("2022年11月1日 下午12:05", "2022-11-01T12:05"),
        ("2022年11月1日 晚上11点30分", "2022-11-01T23:30"),
        ("1 Nov 2022, 10:02", "2022-11-01T10:02"),
        ("一九九八年八月二十一日", "1998-08-21"),
        ("二〇二二年十一月一日 星期二", "2022-11-01"),
        ("二○二二年十二月三十一日", "2022-12-31"),
        ("二〇二二年十月十日", "2022-10-10"),
    ],
)
def test_every_written_form_becomes_iso(text: str, expected: str) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2022-02-30",
        "2021年2月29日",
        "2022-13-01",
        "2022/00/10",
        "电话 0931-1234-5678",
        "no date here",
        "",
        "20221101",
        "版本 3.14.15",
        "May we meet again",
        "一九九八年的夏天",
        "一九九八年二月三十日",
        "二〇二二年二十月一日",
        "二〇二二年十十月一日",  # not a numeral
        "二〇二二年二三月一日",
        "二〇二二年一十一十月一日",
        "1799-12-31",  # outside the years taken for dates
        "2200-01-01",
        "12/05/2022",  # day and month cannot be told apart
        "05/12/2022",
    ],
)
def test_impossible_or_absent_dates_give_none(text: str) -> None:
    assert parse_date(text) is None


def test_the_first_valid_date_wins_and_an_impossible_one_is_skipped() -> None:
    assert parse_date("见 2022-02-30 与 2022-03-01 两次会议") == "2022-03-01"
    assert parse_date("2020-01-01 和 2021-01-01") == "2020-01-01"


def test_an_impossible_chinese_numeral_date_is_skipped_for_the_next() -> None:
    assert parse_date("二〇二二年二月三十日，改为2022年3月1日") == "2022-03-01"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1800-01-01", "1800-01-01"),
        ("2199-12-31", "2199-12-31"),
        ("Nov 1, 2022 9:30 am", "2022-11-01T09:30"),
        ("2022年11月1日 上午9:30", "2022-11-01T09:30"),
        ("二〇二二年十月三十一日", "2022-10-31"),
        ("一九九九年十二月二十日", "1999-12-20"),
        ("13/12/2022", "2022-12-13"),  # a first number over 12 is the day
        ("12/13/2022", "2022-12-13"),  # a second number over 12 is the day
    ],
)
def test_edges_of_years_hours_numerals_and_slashed_dates(text: str, expected: str) -> None:
    assert parse_date(text) == expected


def test_compact_date_keeps_its_seconds() -> None:
    assert parse_compact_date("报告_20221101_103045.txt") == "2022-11-01T10:30:45"


def test_an_impossible_time_after_a_date_later_in_the_line_is_cut_off() -> None:
    line = "发布：2022年11月1日 下午25:00 来源"
    start = line.index("2022")
    assert find_date(line) == ("2022-11-01", start, start + len("2022年11月1日"))


def test_mixed_separators_are_not_a_date() -> None:
    assert parse_date("2022-11/01") is None


def test_an_impossible_time_keeps_the_date_alone() -> None:
    assert find_date("2022-11-01 25:99 其他") == ("2022-11-01", 0, 10)


def test_find_date_gives_the_span_to_cut_out_of_a_header_line() -> None:
    line = "来源:张掖市融媒体中心 2022年11月01日 10:02 浏览"
    iso, start, end = find_date(line) or ("", 0, 0)
    assert iso == "2022-11-01T10:02"
    assert line[start:end] == "2022年11月01日 10:02"


def test_find_date_span_covers_a_zone_suffix() -> None:
    line = "Published: 2022-11-01T10:02:00+08:00 by staff"
    found = find_date(line)
    assert found is not None
    assert line[found[1] : found[2]] == "2022-11-01T10:02:00+08:00"


def test_compact_dates_only_on_request() -> None:
    assert parse_compact_date("news_20221101_1002") == "2022-11-01T10:02"
    assert parse_compact_date("20221101") == "2022-11-01"
    assert parse_compact_date("x20221301") is None
    assert parse_compact_date("id 123456789") is None


def test_date_objects_from_yaml() -> None:
    assert date_to_iso(dt.datetime(2022, 11, 1, 10, 2, 33)) == "2022-11-01T10:02:33"
    assert date_to_iso(dt.datetime(2022, 11, 1, 10, 2)) == "2022-11-01T10:02"
    tz = dt.timezone(dt.timedelta(hours=8))
    assert date_to_iso(dt.datetime(2022, 11, 1, 10, 2, tzinfo=tz)) == "2022-11-01T10:02"
    assert date_to_iso(dt.date(2022, 1, 2)) == "2022-01-02"
    assert date_to_iso("2022年1月2日") == "2022-01-02"
    assert date_to_iso(20220102) is None
    assert date_to_iso(None) is None


def test_a_long_line_without_dates_is_scanned_quickly() -> None:
    # Many near-dates in a row must not make the scanner backtrack badly.
    text = "2022-11-1x " * 50_000 + "2022-11-01"
    assert parse_date(text) == "2022-11-01"


def test_a_date_right_after_a_digit_is_not_taken() -> None:
    # 12022-11-01 is an id, not the year 2022 with a stray 1 before it.
    assert parse_date("12022-11-01") is None
    assert parse_date("x2022-11-01") == "2022-11-01"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1999年1月", "1999-01"),  # the first and last months are months
        ("1999年12月", "1999-12"),
        ("199912", "1999-12"),
        ("2022年3月 第5期", "2022-03"),
        ("1999年13月", None),  # no thirteenth month, no month zero
        ("1999年0月", None),
        ("199913", "1999"),  # issue 13 of 1999 (a weekly's number): no month, the year
        ("199521", "1995"),
        ("199900", None),
        ("19960323", "1996-03-23"),
        # A compact day with an issue number run on or written after it.
        ("1996032301", "1996-03-23"),
        ("19960323第3版", "1996-03-23"),
    ],
)
def test_a_labelled_value_is_read_as_a_day_a_month_or_a_year(
    value: str, expected: str | None
) -> None:
    assert parse_labelled_date(value) == expected
