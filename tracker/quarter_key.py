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
