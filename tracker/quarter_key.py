"""The stored form of a quarter ("2021-Q2", which sorts as text), for the paths that
must not import ``tracker.quarters`` (its dataclasses cost the CLI's JSON listing 7 ms)."""

from __future__ import annotations

from datetime import date


def number_of(d: date) -> int:
    """The quarter (1–4) that ``d`` falls in."""
    return (d.month - 1) // 3 + 1


def iso_key(year: int, number: int) -> str:
    return f"{year:04d}-Q{number}"


def iso_of(d: date) -> str:
    """The stored form of the quarter containing ``d``."""
    return iso_key(d.year, number_of(d))


_LAST_DAYS = {1: 31, 2: 30, 3: 30, 4: 31}  # of March, June, September, December


def last_day(year: int, number: int) -> date:
    """The last day of quarter ``number`` of ``year`` (31 March, 30 June, ...)."""
    return date(year, 3 * number, _LAST_DAYS[number])


def split_iso(text: str) -> tuple[int, int]:
    """(year, number) of a stored "2021-Q2" read back from the database (trusted)."""
    return int(text[:4]), int(text[6:])
