"""Quarters (quý) as deadlines: parsing the ways clerks write them, arithmetic, display."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import overload

from tracker.errors import ValidationError
from tracker.quarter_key import iso_key, last_day, number_of
from tracker.text import fold

MIN_YEAR = 1945
MAX_YEAR = 2100

STANDING_LABEL = "Thường xuyên"
_STANDING_WORDS = frozenset({"thuong xuyen", "thoi gian toi", "tx"})

_ROMAN = ("I", "II", "III", "IV")
# Quarter tokens are captured whole ("[ivx]+", "[0-9]+") and looked up here, so
# "iv" can never be read as "i" followed by junk, and "v" gets a precise error.
_NUMBERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# "N tháng đầu/cuối năm": the quarter the period ends in.
_PERIOD_END = {
    ("3", "dau"): 1,
    ("6", "dau"): 2,
    ("9", "dau"): 3,
    ("3", "cuoi"): 4,
    ("6", "cuoi"): 4,
    ("9", "cuoi"): 4,
}

# Patterns run on fold(text): lower case, no diacritics, single spaces.
_Q = r"(?P<q>[ivx]+|[0-9]{1,2})"
_Y = r"(?P<y>[0-9]{4})"
_SEP = r"(?: ?[-/.,] ?| )(?:nam )?"  # "-", "/", ".", " ", " năm "
_PATTERNS = tuple(
    re.compile(p)
    for p in (
        # Quý II-2021, quý II/2021, quý IV.2022, quý I năm 2019, Q2/2021, quý II
        rf"(?:quy|q) ?{_Q}(?:{_SEP}{_Y})?",
        # II-2021, II/2021, II 2021 (Roman only: "2/2021" would be a month)
        rf"(?P<q>[ivx]+){_SEP}{_Y}",
        # 2021-Q2, 2021 Q2, 2021/quý II
        rf"{_Y}(?: ?[-/.] ?| )?(?:quy|q) ?{_Q}",
    )
)
_PERIOD = re.compile(rf"0?(?P<n>[369]) thang (?P<pos>dau|cuoi)(?: nam)?(?:(?: ?[-/.,] ?| ){_Y})?")
_WHOLE_YEAR = re.compile(rf"(?:ca nam|nam(?= ))(?: {_Y})?")  # "năm 2021", "cả năm"
_ISO = re.compile(r"(?P<y>[0-9]{4})-Q(?P<q>[1-4])")


def _not_understood(text: str) -> ValidationError:
    opening = f'Không hiểu thời hạn "{text.strip()}".' if text.strip() else "Chưa ghi thời hạn."
    return ValidationError(
        f'{opening} Hãy ghi quý theo dạng "Quý II-2021", "Q2/2021" hoặc "2021-Q2".',
        field="due",
    )


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter: ``Quarter(2021, 2)`` is quý II-2021 (April–June 2021)."""

    year: int
    number: int

    def __post_init__(self) -> None:
        """Reject quarters outside I..IV and years outside 1945..2100."""
        if not 1 <= self.number <= 4:
            raise ValidationError(
                f"Quý phải từ I đến IV (1 đến 4), không phải {self.number}.", field="due"
            )
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValidationError(
                f"Năm phải từ {MIN_YEAR} đến {MAX_YEAR}, không phải {self.year}.", field="due"
            )

    # --- construction -------------------------------------------------------

    @classmethod
    def parse(cls, text: str, *, default_year: int | None = None) -> Quarter:
        """Read a quarter or period as clerks write it ("Quý II-2021", "Q2/2021"…).

        Periods map to the quarter they end in ("6 tháng đầu năm 2021" → Q2-2021,
        "năm 2021" → Q4-2021). A form without a year takes ``default_year``.
        """
        key = fold(text).rstrip(". ")
        key = key.removeprefix("trong ")  # "Trong quý II/2021", "trong năm 2021"
        number: int | None = None
        year_text: str | None = None
        for pattern in _PATTERNS:
            if m := pattern.fullmatch(key):
                token = m["q"]
                number = _NUMBERS.get(token)
                if number is None:
                    shown = token.upper() if token.isalpha() else token
                    raise ValidationError(
                        f'Không có quý "{shown}" (trong "{text.strip()}"): quý chỉ từ I đến IV.',
                        field="due",
                    )
                year_text = m["y"]
                break
        else:
            if m := _PERIOD.fullmatch(key):
                number = _PERIOD_END[m["n"], m["pos"]]
                year_text = m["y"]
            elif m := _WHOLE_YEAR.fullmatch(key):
                number = 4
                year_text = m["y"]
            else:
                raise _not_understood(text)
        if year_text is not None:
            year = int(year_text)
        elif default_year is not None:
            year = default_year
        else:
            raise ValidationError(
                f'Thời hạn "{text.strip()}" chưa ghi năm. Hãy ghi thêm năm, ví dụ "Quý II-2021".',
                field="due",
            )
        return cls(year, number)

    @classmethod
    def from_iso(cls, text: str) -> Quarter:
        """Read the stored form "2021-Q2" (strict: nothing else is accepted)."""
        m = _ISO.fullmatch(text) if isinstance(text, str) else None
        if m is None:
            raise ValidationError(f'Quý lưu trữ "{text}" không đúng dạng "2021-Q2".', field="due")
        return cls(int(m["y"]), int(m["q"]))

    @classmethod
    def of(cls, d: date) -> Quarter:
        """Return the quarter that contains ``d``."""
        return cls(d.year, number_of(d))

    # --- calendar -----------------------------------------------------------

    @property
    def first_day(self) -> date:
        """The first day of the quarter (1 January, 1 April, 1 July, 1 October)."""
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def last_day(self) -> date:
        """The last day of the quarter (31 March, 30 June, 30 September, 31 December)."""
        return last_day(self.year, self.number)

    def contains(self, d: date) -> bool:
        """Whether ``d`` (a date or datetime) falls within this quarter."""
        return Quarter.of(d) == self

    # --- arithmetic ---------------------------------------------------------

    @property
    def key(self) -> int:
        """A running quarter number (year*4 + number-1), for sorting and arithmetic."""
        return self.year * 4 + self.number - 1

    @classmethod
    def _from_key(cls, key: int) -> Quarter:
        return cls(key // 4, key % 4 + 1)

    def next(self) -> Quarter:
        """The quarter after this one."""
        return self + 1

    def previous(self) -> Quarter:
        """The quarter before this one."""
        return self - 1

    def __add__(self, n: int) -> Quarter:
        """Shift forward by ``n`` quarters."""
        if not isinstance(n, int) or isinstance(n, bool):
            return NotImplemented
        return Quarter._from_key(self.key + n)

    @overload
    def __sub__(self, other: Quarter) -> int: ...
    @overload
    def __sub__(self, other: int) -> Quarter: ...
    def __sub__(self, other: int | Quarter) -> Quarter | int:
        """Shift back by ``n`` quarters, or count the quarters between two quarters."""
        if isinstance(other, Quarter):
            return self.key - other.key
        if not isinstance(other, int) or isinstance(other, bool):
            return NotImplemented
        return Quarter._from_key(self.key - other)

    # --- display ------------------------------------------------------------

    @property
    def roman(self) -> str:
        """The quarter number in Roman numerals ("II")."""
        return _ROMAN[self.number - 1]

    @property
    def iso(self) -> str:
        """The stored form, which sorts correctly as text ("2021-Q2")."""
        return iso_key(self.year, self.number)

    @property
    def words(self) -> str:
        """The quarter inside a document's sentence: "quý II năm 2021"."""
        return f"quý {self.roman} năm {self.year}"

    def __str__(self) -> str:
        """The display form, "Quý II-2021"."""
        return f"Quý {self.roman}-{self.year}"


def parse_deadline(text: str, *, default_year: int | None = None) -> Quarter | None:
    """Read a deadline: a quarter, or None for a standing task ("thường xuyên")."""
    if fold(text).rstrip(". ") in _STANDING_WORDS:
        return None
    return Quarter.parse(text, default_year=default_year)


def format_deadline(q: Quarter | None) -> str:
    """Display a deadline: "Quý II-2021", or "Thường xuyên" for None."""
    return STANDING_LABEL if q is None else str(q)
