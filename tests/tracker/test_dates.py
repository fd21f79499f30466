"""Tests for tracker.dates: day-first parsing, display and the document date line."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.dates import document_date_line, format_date, format_iso, parse_date
from tracker.errors import ValidationError

dates_in_range = st.dates(date(1945, 1, 1), date(2100, 12, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1-4-2021", date(2021, 4, 1)),
        ("01/04/2021", date(2021, 4, 1)),
        ("1.4.2021", date(2021, 4, 1)),
        ("1/4/21", date(2021, 4, 1)),
        ("19/4/2021", date(2021, 4, 19)),
        ("5/12/2021", date(2021, 12, 5)),
        ("1 / 4 / 2021", date(2021, 4, 1)),
        ("ngày 1 tháng 4 năm 2021", date(2021, 4, 1)),
        ("Ngày 05 tháng 4 năm 2021", date(2021, 4, 5)),
        ("1 tháng 4 năm 2021", date(2021, 4, 1)),
        ("NGAY 1 THANG 4 NAM 2021", date(2021, 4, 1)),
        ("Ngày 1-4-2021", date(2021, 4, 1)),
        ("2021-04-01", date(2021, 4, 1)),
        ("2021-12-05", date(2021, 12, 5)),
        ("  01/04/2021.  ", date(2021, 4, 1)),
        ("29/2/2024", date(2024, 2, 29)),
        ("1/1/1945", date(1945, 1, 1)),
        ("31/12/2100", date(2100, 12, 31)),
    ],
)
def test_parse_date_forms(text: str, expected: date) -> None:
    """Every day-first form clerks write, and ISO, is read correctly."""
    assert parse_date(text) == expected


def test_iso_is_never_read_day_first() -> None:
    """ISO "2021-04-05" is 5 April, not 4 May nor anything day-first."""
    assert parse_date("2021-04-05") == date(2021, 4, 5)
    assert parse_date("2021-12-01") == date(2021, 12, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1-4", date(2021, 4, 1)),
        ("19/4", date(2021, 4, 19)),
        ("6.10", date(2021, 10, 6)),
        ("Ngày 1-4", date(2021, 4, 1)),
        ("ngày 19 tháng 4", date(2021, 4, 19)),
    ],
)
def test_parse_date_without_year_uses_default(text: str, expected: date) -> None:
    """A day and month without a year take default_year."""
    assert parse_date(text, default_year=2021) == expected


@pytest.mark.parametrize("text", ["1-4", "19/4", "ngày 19 tháng 4"])
def test_parse_date_without_year_and_default_is_rejected(text: str) -> None:
    """Without a year and without default_year the date is rejected, asking for the year."""
    with pytest.raises(ValidationError, match="chưa ghi năm") as info:
        parse_date(text)
    assert info.value.field == "date"


def test_written_year_wins_over_default() -> None:
    """A written year is used even when default_year is given."""
    assert parse_date("1/4/2019", default_year=2021) == date(2019, 4, 1)


@pytest.mark.parametrize("text", ["31/2/2021", "29/2/2023", "31/4/2021", "0/4/2021", "1/13/2021"])
def test_nonexistent_dates_are_rejected(text: str) -> None:
    """Dates that do not exist are rejected with "không có thật"."""
    with pytest.raises(ValidationError, match=f'Ngày "{text}" không có thật') as info:
        parse_date(text)
    assert info.value.field == "date"


def test_nonexistent_iso_date_is_rejected() -> None:
    """An ISO date that does not exist is rejected, not guessed."""
    with pytest.raises(ValidationError, match="không có thật"):
        parse_date("2021-02-30")


def test_month_first_gets_a_hint() -> None:
    """A month-first date gets a hint to write the day first."""
    with pytest.raises(ValidationError, match="ngày trước, tháng sau"):
        parse_date("4/13/2021")


@pytest.mark.parametrize("text", ["1/4/1800", "1/4/2101", "1944-12-31", "01/01/1944"])
def test_years_out_of_range_are_rejected(text: str) -> None:
    """Years outside 1945..2100 are rejected with the allowed range."""
    with pytest.raises(ValidationError, match="Năm phải từ 1945 đến 2100") as info:
        parse_date(text)
    assert info.value.field == "date"


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "",
        "   ",
        "hôm nay",
        "1/4-2021",
        "2021/04/01",
        "20210401",
        "2021-W13-4",
        "2021-4-1",
        "1/4/202",
        "April 1 2021",
        "1-4-2021 abc",
        "tháng 4 năm 2021",
        "123/4/2021",
    ],
)
def test_garbage_is_rejected(text: str) -> None:
    """Text that is not a day-first date is rejected, never guessed."""
    with pytest.raises(ValidationError) as info:
        parse_date(text)
    assert info.value.field == "date"


def test_unreadable_message() -> None:
    """The message for unreadable text quotes it and shows the expected form."""
    with pytest.raises(ValidationError) as info:
        parse_date("abc")
    assert info.value.message == (
        'Không hiểu ngày "abc". Hãy ghi theo dạng ngày/tháng/năm, ví dụ 01/04/2021.'
    )


@given(dates_in_range)
def test_format_parse_round_trip(d: date) -> None:
    """parse_date(format_date(d)) == d for every date 1945..2100."""
    assert parse_date(format_date(d)) == d


@given(dates_in_range)
def test_iso_round_trip(d: date) -> None:
    """parse_date(format_iso(d)) == d, and format_iso is date.isoformat."""
    assert format_iso(d) == d.isoformat()
    assert parse_date(format_iso(d)) == d


@given(dates_in_range)
def test_document_line_round_trip(d: date) -> None:
    """The words in a document date line read back as the same date."""
    line = document_date_line("Nam Định", d)
    assert parse_date(line.removeprefix("Nam Định, ")) == d


@given(st.text())
def test_parse_arbitrary_text_never_crashes(text: str) -> None:
    """Any text either parses to a date or raises ValidationError."""
    try:
        result = parse_date(text)
    except ValidationError:
        return
    assert isinstance(result, date)


@given(
    st.text(alphabet="0123456789-/. ngàyáhtm", max_size=20),
    st.none() | st.integers(1945, 2100),
)
def test_parse_near_miss_text_never_crashes(text: str, year: int | None) -> None:
    """Text built from date characters either parses or raises ValidationError."""
    try:
        result = parse_date(text, default_year=year)
    except ValidationError:
        return
    assert isinstance(result, date)


@given(st.text(), st.integers(1945, 2100))
def test_parse_arbitrary_text_with_default_year_never_crashes(text: str, year: int) -> None:
    """With a default year too, any text parses or raises ValidationError."""
    try:
        parse_date(text, default_year=year)
    except ValidationError:
        pass


def test_format_date() -> None:
    """format_date gives dd/mm/yyyy, also for a datetime."""
    assert format_date(date(2021, 4, 1)) == "01/04/2021"
    assert format_date(date(2021, 12, 25)) == "25/12/2021"
    assert format_date(datetime(2021, 4, 1, 9, 30)) == "01/04/2021"
    assert format_iso(datetime(2021, 4, 1, 9, 30)) == "2021-04-01"


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2021, 4, 5), "Nam Định, ngày 05 tháng 4 năm 2021"),
        (date(2021, 1, 5), "Nam Định, ngày 05 tháng 01 năm 2021"),
        (date(2021, 2, 28), "Nam Định, ngày 28 tháng 02 năm 2021"),
        (date(2021, 3, 10), "Nam Định, ngày 10 tháng 3 năm 2021"),
        (date(2021, 7, 1), "Nam Định, ngày 01 tháng 7 năm 2021"),
        (date(2021, 12, 31), "Nam Định, ngày 31 tháng 12 năm 2021"),
        (date(2021, 10, 9), "Nam Định, ngày 09 tháng 10 năm 2021"),
    ],
)
def test_document_date_line(d: date, expected: str) -> None:
    """Days 1–9 and months 1–2 take a leading zero; other months do not."""
    assert document_date_line("Nam Định", d) == expected


def test_document_date_line_without_place() -> None:
    """Without a place the line starts with a capital "Ngày"."""
    assert document_date_line("  ", date(2021, 4, 5)) == "Ngày 05 tháng 4 năm 2021"


def test_importing_does_not_load_dateutil_parser() -> None:
    """Importing the date and quarter modules does not import dateutil.parser."""
    code = (
        "import sys, tracker.dates, tracker.quarters, tracker.text; "
        "sys.exit('dateutil.parser' in sys.modules or 'PySide6' in sys.modules)"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        check=False,
    )
    assert result.returncode == 0
