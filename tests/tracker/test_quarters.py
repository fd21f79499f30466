"""Tests for tracker.quarters: parsing written quarters, arithmetic and display."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from tracker.errors import ValidationError
from tracker.quarters import (
    STANDING_LABEL,
    Quarter,
    format_deadline,
    parse_deadline,
)

quarters = st.builds(Quarter, st.integers(1945, 2100), st.integers(1, 4))
inner_quarters = quarters.filter(lambda q: Quarter(1945, 1) < q < Quarter(2100, 4))
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


# --- construction and validation ------------------------------------------------


@pytest.mark.parametrize(("year", "number"), [(2021, 0), (2021, 5), (2021, -1)])
def test_number_out_of_range_is_rejected(year: int, number: int) -> None:
    """A quarter number outside 1..4 raises ValidationError."""
    with pytest.raises(ValidationError, match="Quý phải từ I đến IV"):
        Quarter(year, number)


@pytest.mark.parametrize("year", [1944, 2101, 1800, 0])
def test_year_out_of_range_is_rejected(year: int) -> None:
    """A year outside 1945..2100 raises ValidationError with the allowed range."""
    with pytest.raises(ValidationError, match="Năm phải từ 1945 đến 2100"):
        Quarter(year, 1)


def test_quarters_order_by_year_then_number() -> None:
    """Quarters sort chronologically and are hashable values."""
    qs = [Quarter(2022, 1), Quarter(2021, 4), Quarter(2021, 2)]
    assert sorted(qs) == [Quarter(2021, 2), Quarter(2021, 4), Quarter(2022, 1)]
    assert len({Quarter(2021, 2), Quarter(2021, 2)}) == 1


# --- parse: explicit table ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quý II-2021", Quarter(2021, 2)),
        ("quý II/2021", Quarter(2021, 2)),
        ("quý IV.2022", Quarter(2022, 4)),
        ("quý III.2022", Quarter(2022, 3)),
        ("quý I.2022", Quarter(2022, 1)),
        ("Quý I năm 2019", Quarter(2019, 1)),
        ("Quý IV năm 2019", Quarter(2019, 4)),
        ("quý 2 năm 2021", Quarter(2021, 2)),
        ("quy ii 2021", Quarter(2021, 2)),
        ("QUÝ III - 2021", Quarter(2021, 3)),
        ("Q2/2021", Quarter(2021, 2)),
        ("Q2 2021", Quarter(2021, 2)),
        ("Q2-2021", Quarter(2021, 2)),
        ("q4/2021", Quarter(2021, 4)),
        ("II-2021", Quarter(2021, 2)),
        ("II/2021", Quarter(2021, 2)),
        ("IV/2021", Quarter(2021, 4)),
        ("2021-Q2", Quarter(2021, 2)),
        ("2021 Q2", Quarter(2021, 2)),
        ("6 tháng đầu năm 2021", Quarter(2021, 2)),
        ("6 tháng cuối năm 2021", Quarter(2021, 4)),
        ("9 tháng đầu năm 2021", Quarter(2021, 3)),
        ("3 tháng đầu năm 2021", Quarter(2021, 1)),
        ("3 tháng cuối năm 2021", Quarter(2021, 4)),
        ("năm 2021", Quarter(2021, 4)),
        ("cả năm 2021", Quarter(2021, 4)),
        ("Trong quý III/2021", Quarter(2021, 3)),
        ("  Quý II-2021.  ", Quarter(2021, 2)),
        ("Quy II-2021", Quarter(2021, 2)),
    ],
)
def test_parse_written_forms(text: str, expected: Quarter) -> None:
    """Every form clerks write is read as the quarter it names or ends in."""
    assert Quarter.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("quý II", Quarter(2021, 2)),
        ("Quý IV", Quarter(2021, 4)),
        ("Q3", Quarter(2021, 3)),
        ("6 tháng đầu năm", Quarter(2021, 2)),
        ("6 tháng cuối năm", Quarter(2021, 4)),
        ("9 tháng đầu năm", Quarter(2021, 3)),
        ("3 tháng đầu năm", Quarter(2021, 1)),
        ("3 tháng cuối năm", Quarter(2021, 4)),
        ("cả năm", Quarter(2021, 4)),
    ],
)
def test_parse_without_year_uses_default_year(text: str, expected: Quarter) -> None:
    """A form without a year takes default_year."""
    assert Quarter.parse(text, default_year=2021) == expected


@pytest.mark.parametrize("text", ["quý II", "Q3", "6 tháng đầu năm", "cả năm"])
def test_parse_without_year_and_default_is_rejected(text: str) -> None:
    """A form without a year and no default_year asks for the year."""
    with pytest.raises(ValidationError, match="chưa ghi năm") as info:
        Quarter.parse(text)
    assert info.value.field == "due"


def test_explicit_year_wins_over_default() -> None:
    """A written year is used even when default_year is given."""
    assert Quarter.parse("quý II/2019", default_year=2021) == Quarter(2019, 2)


@pytest.mark.parametrize(
    "text",
    [
        "Quý V-2021",
        "Q5/2021",
        "quý 0 2021",
        "2/2021",
        "hello",
        "",
        "   ",
        "Quý II-1800",
        "Quý II-2101",
        "2021",
        "năm",
        "Q 2021",
        "quý II/21",
        "12 tháng đầu năm 2021",
        "quý II và quý III/2021",
    ],
)
def test_parse_rejects(text: str) -> None:
    """Text that is not a valid quarter raises ValidationError on the "due" field."""
    with pytest.raises(ValidationError) as info:
        Quarter.parse(text)
    assert info.value.field == "due"
    assert info.value.message


def test_parse_unknown_message_shows_the_forms() -> None:
    """The message for unreadable text quotes it and shows the accepted forms."""
    with pytest.raises(ValidationError) as info:
        Quarter.parse("xyz")
    assert info.value.message == (
        'Không hiểu thời hạn "xyz". Hãy ghi quý theo dạng "Quý II-2021", "Q2/2021" hoặc "2021-Q2".'
    )


def test_parse_bad_quarter_number_message() -> None:
    """A quarter V is reported as a bad quarter, not as unreadable text."""
    with pytest.raises(ValidationError, match='Không có quý "V"'):
        Quarter.parse("Quý V-2021")


# --- parse: properties ---------------------------------------------------------------------


@given(quarters)
def test_parse_str_round_trip(q: Quarter) -> None:
    """parse(str(q)) gives q back for every quarter in range."""
    assert Quarter.parse(str(q)) == q


@given(quarters)
def test_iso_round_trip(q: Quarter) -> None:
    """from_iso(q.iso) gives q back for every quarter in range."""
    assert Quarter.from_iso(q.iso) == q


@given(quarters, st.sampled_from(["-", "/", ".", " ", " năm "]), st.booleans())
def test_parse_roman_forms(q: Quarter, sep: str, upper: bool) -> None:
    """ "quý <roman><sep><year>" reads as the quarter, whatever the separator and case."""
    text = f"quý {ROMAN[q.number]}{sep}{q.year}"
    assert Quarter.parse(text.upper() if upper else text) == q


@given(quarters)
def test_parse_other_written_forms(q: Quarter) -> None:
    """Arabic, Qn/yyyy, yyyy-Qn and bare Roman forms all read as the quarter."""
    for text in (
        f"quý {q.number} năm {q.year}",
        f"Q{q.number}/{q.year}",
        f"Q{q.number}-{q.year}",
        f"{q.year}-Q{q.number}",
        f"{q.year} Q{q.number}",
        f"{ROMAN[q.number]}-{q.year}",
        q.iso,
    ):
        assert Quarter.parse(text) == q, text


@given(st.text())
def test_parse_arbitrary_text_never_crashes(text: str) -> None:
    """Any text either parses to a Quarter or raises ValidationError."""
    try:
        result = Quarter.parse(text)
    except ValidationError:
        return
    assert isinstance(result, Quarter)


@given(
    st.lists(
        st.sampled_from(
            [
                "quý",
                "Q",
                "q",
                "I",
                "II",
                "III",
                "IV",
                "V",
                "0",
                "2",
                "5",
                "năm",
                "cả",
                "6",
                "tháng",
                "đầu",
                "cuối",
                "trong",
                "2021",
                "1800",
                "-",
                "/",
                ".",
                " ",
            ]
        ),
        max_size=8,
    ).map("".join),
    st.none() | st.integers(1945, 2100),
)
def test_parse_near_miss_text_never_crashes(text: str, year: int | None) -> None:
    """Text built from quarter words either parses or raises ValidationError."""
    try:
        result = Quarter.parse(text, default_year=year)
    except ValidationError:
        return
    assert isinstance(result, Quarter)


@given(st.text(), st.integers(1945, 2100))
def test_parse_arbitrary_text_with_default_year_never_crashes(text: str, year: int) -> None:
    """With a default year too, any text parses or raises ValidationError."""
    try:
        Quarter.parse(text, default_year=year)
    except ValidationError:
        pass


# --- from_iso ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["2021-q2", "2021-Q5", "2021-Q0", "Q2-2021", " 2021-Q2", "2021-Q2 ", "21-Q2", ""]
)
def test_from_iso_is_strict(text: str) -> None:
    """from_iso accepts only the exact stored form."""
    with pytest.raises(ValidationError):
        Quarter.from_iso(text)


def test_from_iso_reads_stored_form() -> None:
    """from_iso reads "2021-Q2"."""
    assert Quarter.from_iso("2021-Q2") == Quarter(2021, 2)


# --- calendar ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "first", "last"),
    [
        (1, date(2021, 1, 1), date(2021, 3, 31)),
        (2, date(2021, 4, 1), date(2021, 6, 30)),
        (3, date(2021, 7, 1), date(2021, 9, 30)),
        (4, date(2021, 10, 1), date(2021, 12, 31)),
    ],
)
def test_first_and_last_day(number: int, first: date, last: date) -> None:
    """first_day and last_day are the calendar bounds of the quarter."""
    q = Quarter(2021, number)
    assert (q.first_day, q.last_day) == (first, last)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2021, 1, 1), Quarter(2021, 1)),
        (date(2021, 3, 31), Quarter(2021, 1)),
        (date(2021, 4, 1), Quarter(2021, 2)),
        (date(2021, 12, 31), Quarter(2021, 4)),
        (datetime(2021, 8, 15, 10, 30), Quarter(2021, 3)),
    ],
)
def test_of(d: date, expected: Quarter) -> None:
    """Quarter.of gives the quarter containing a date or datetime."""
    assert Quarter.of(d) == expected


def test_contains() -> None:
    """contains is true exactly for dates within the quarter, datetimes included."""
    q = Quarter(2021, 2)
    assert q.contains(date(2021, 4, 1))
    assert q.contains(date(2021, 6, 30))
    assert q.contains(datetime(2021, 6, 30, 23, 59))
    assert not q.contains(date(2021, 3, 31))
    assert not q.contains(date(2021, 7, 1))


@given(quarters)
def test_first_and_last_day_belong_to_quarter(q: Quarter) -> None:
    """of(first_day) == of(last_day) == q, and contains agrees."""
    assert Quarter.of(q.first_day) == Quarter.of(q.last_day) == q
    assert q.contains(q.first_day) and q.contains(q.last_day)


@given(st.dates(date(1945, 1, 1), date(2100, 12, 31)))
def test_of_contains_date(d: date) -> None:
    """Every date lies between the first and last day of its quarter."""
    q = Quarter.of(d)
    assert q.first_day <= d <= q.last_day
    assert q.contains(d)


# --- arithmetic ------------------------------------------------------------------------------


def test_next_and_previous_cross_years() -> None:
    """next and previous roll over year boundaries."""
    assert Quarter(2021, 4).next() == Quarter(2022, 1)
    assert Quarter(2022, 1).previous() == Quarter(2021, 4)


def test_add_and_sub() -> None:
    """Adding or subtracting n shifts by n quarters; Quarter - Quarter counts quarters."""
    q = Quarter(2021, 2)
    assert q + 3 == Quarter(2022, 1)
    assert q - 2 == Quarter(2020, 4)
    assert q + 0 == q
    assert q + (-5) == Quarter(2020, 1)
    assert Quarter(2022, 1) - q == 3
    assert q - Quarter(2022, 1) == -3


def test_add_rejects_non_integers() -> None:
    """Adding something that is not an int is a TypeError."""
    with pytest.raises(TypeError):
        Quarter(2021, 2) + 1.5  # type: ignore[operator]
    with pytest.raises(TypeError):
        Quarter(2021, 2) - "1"  # type: ignore[operator]


def test_shift_out_of_range_is_rejected() -> None:
    """Shifting past 1945..2100 raises ValidationError."""
    with pytest.raises(ValidationError):
        Quarter(2100, 4).next()
    with pytest.raises(ValidationError):
        Quarter(1945, 1).previous()


def test_key() -> None:
    """key is year*4 + number-1."""
    assert Quarter(2021, 2).key == 2021 * 4 + 1


@given(inner_quarters)
def test_next_previous_inverse(q: Quarter) -> None:
    """next().previous() and previous().next() give q back."""
    assert q.next().previous() == q
    assert q.previous().next() == q


@given(inner_quarters)
def test_quarters_are_contiguous(q: Quarter) -> None:
    """The day after last_day is the first day of the next quarter."""
    assert q.last_day + timedelta(days=1) == q.next().first_day


@given(quarters, st.integers(-20, 20))
def test_add_matches_key(q: Quarter, n: int) -> None:
    """q + n moves key by n, q + n - n == q, and order follows key."""
    assume(Quarter(1945, 1).key <= q.key + n <= Quarter(2100, 4).key)
    shifted = q + n
    assert shifted.key == q.key + n
    assert shifted - n == q
    assert shifted - q == n
    assert (shifted > q) == (n > 0)


# --- display ---------------------------------------------------------------------------------


def test_display_forms() -> None:
    """roman, iso and str give "II", "2021-Q2" and "Quý II-2021"."""
    q = Quarter(2021, 2)
    assert (q.roman, q.iso, str(q)) == ("II", "2021-Q2", "Quý II-2021")
    assert [Quarter(2021, n).roman for n in range(1, 5)] == ["I", "II", "III", "IV"]


@given(quarters, quarters)
def test_iso_sorts_like_quarters(a: Quarter, b: Quarter) -> None:
    """The stored ISO text sorts in the same order as the quarters."""
    assert (a.iso < b.iso) == (a < b)


# --- deadlines -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Thường xuyên", "thường xuyên.", "THUONG XUYEN", "thời gian tới", "Thời gian tới", "TX"],
)
def test_standing_words_mean_no_deadline(text: str) -> None:
    """Standing words ("thường xuyên", "thời gian tới", "tx") give None."""
    assert parse_deadline(text) is None


def test_parse_deadline_reads_quarters() -> None:
    """Other deadlines are read as quarters, default year included."""
    assert parse_deadline("Quý II-2021") == Quarter(2021, 2)
    assert parse_deadline("quý III", default_year=2022) == Quarter(2022, 3)


@pytest.mark.parametrize("text", ["lâu dài", "hằng năm", "xyz", ""])
def test_parse_deadline_rejects_other_text(text: str) -> None:
    """Words that are not standing words nor quarters raise ValidationError."""
    with pytest.raises(ValidationError):
        parse_deadline(text)


def test_format_deadline() -> None:
    """format_deadline shows the quarter, or "Thường xuyên" for None."""
    assert format_deadline(Quarter(2021, 2)) == "Quý II-2021"
    assert format_deadline(None) == STANDING_LABEL == "Thường xuyên"


@given(st.one_of(st.none(), quarters))
def test_deadline_round_trip(q: Quarter | None) -> None:
    """parse_deadline(format_deadline(q)) == q, standing included."""
    assert parse_deadline(format_deadline(q)) == q
