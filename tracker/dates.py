"""Dates as Vietnamese clerks write them: day first, and the document date line."""

from __future__ import annotations

import re
from datetime import date

from tracker.errors import ValidationError
from tracker.text import fold

MIN_YEAR = 1945
MAX_YEAR = 2100

# Patterns run on fold(text): lower case, no diacritics, single spaces. Parsed by
# hand rather than with dateutil.parser, whose guesses turn junk into dates.
_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_D, _M = r"(?P<d>[0-9]{1,2})", r"(?P<m>[0-9]{1,2})"
_DAY_FIRST = re.compile(
    # 1-4-2021, 01/04/2021, 1.4.2021, 1/4/21, 19/4, ngày 1-4 (one separator throughout)
    rf"(?:ngay ?)?{_D} ?(?P<sep>[-/.]) ?{_M}(?: ?(?P=sep) ?(?P<y>[0-9]{{4}}|[0-9]{{2}}))?"
)
_WORDS = re.compile(
    # ngày 1 tháng 4 năm 2021, 1 tháng 4 năm 2021, ngày 19 tháng 4
    rf"(?:ngay )?{_D} thang {_M}(?: nam (?P<y>[0-9]{{4}}))?"
)


def _example(day: int, month: int, year: int | None) -> str:
    return f"{day:02d}/{month:02d}/{year or 2021}"


def parse_date(text: str, *, default_year: int | None = None) -> date:
    """Read a date written day first ("1-4-2021", "19/4", "ngày 1 tháng 4 năm 2021").

    ISO "2021-04-01" is read as ISO. A two-digit year is 20xx; a date without a
    year takes ``default_year``. Raises ValidationError (field "date") otherwise.
    """
    shown = text.strip()
    key = fold(text).rstrip(". ")
    if _ISO.fullmatch(key):
        try:
            result = date.fromisoformat(key)
        except ValueError:
            raise ValidationError(f'Ngày "{shown}" không có thật.', field="date") from None
        if not MIN_YEAR <= result.year <= MAX_YEAR:
            raise _year_error(result.year)
        return result

    m = _DAY_FIRST.fullmatch(key) or _WORDS.fullmatch(key)
    if m is None:
        opening = f'Không hiểu ngày "{shown}".' if shown else "Chưa ghi ngày."
        raise ValidationError(
            f"{opening} Hãy ghi theo dạng ngày/tháng/năm, ví dụ 01/04/2021.", field="date"
        )
    day, month = int(m["d"]), int(m["m"])
    if m["y"] is None:
        if default_year is None:
            raise ValidationError(
                f'Ngày "{shown}" chưa ghi năm. Hãy ghi đủ ngày/tháng/năm, '
                f"ví dụ {_example(day, month, None)}.",
                field="date",
            )
        year = default_year
    else:
        year = int(m["y"])
        if len(m["y"]) == 2:
            year += 2000
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _year_error(year)
    try:
        return date(year, month, day)
    except ValueError:
        hint = ""
        if month > 12 and 1 <= day <= 12:
            hint = f" Hãy ghi ngày trước, tháng sau, ví dụ {_example(month, day, year)}."
        raise ValidationError(f'Ngày "{shown}" không có thật.{hint}', field="date") from None


def _year_error(year: int) -> ValidationError:
    return ValidationError(
        f"Năm phải từ {MIN_YEAR} đến {MAX_YEAR}, không phải {year}.", field="date"
    )


def format_date(d: date) -> str:
    """Display a date as dd/mm/yyyy ("01/04/2021")."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def document_date(d: date) -> str:
    """A date inside a document's text: "01/4/2021", "06/02/2022" (the date line's
    leading-zero rule: days 1–9 and months 1–2)."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{d.day:02d}/{month}/{d.year}"


def format_iso(d: date) -> str:
    """The stored form of a date, yyyy-mm-dd ("2021-04-01"), also for a datetime."""
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def document_date_line(place: str, d: date) -> str:
    """The date line of a Party document: "Nam Định, ngày 05 tháng 4 năm 2021".

    Days 1–9 and months 1–2 take a leading zero (Hướng dẫn 36-HD/VPTW).
    """
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    tail = f"ngày {d.day:02d} tháng {month} năm {d.year}"
    place = place.strip()
    return f"{place}, {tail}" if place else tail[0].upper() + tail[1:]
