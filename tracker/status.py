"""How a directive's status follows from its lead organizations' statuses."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from tracker.quarters import Quarter
from tracker.rows import UNFINISHED, Category, Status

STATE_WORDS: dict[Status, str] = {
    Status.OPEN: "Chưa thực hiện",
    Status.IN_PROGRESS: "Đang thực hiện",
    Status.DONE: "Hoàn thành",
    Status.CANCELLED: "Đã hủy",
}
"""What a directive's status is called in lists, files and the command line (the
window's tables show the same words, written there for the translator)."""

CHANGE_WORDS = {
    Status.OPEN: "Mở lại (chưa hoàn thành)",
    Status.IN_PROGRESS: "Đang thực hiện",
    Status.DONE: "Hoàn thành",
    Status.CANCELLED: "Hủy",
}
"""How a status *change* is written in a directive's history ("Hoàn thành (05/07/2021): …")."""


def status_entry_text(status: Status, note: str, day: str, source: str = "") -> str:
    """The history text of a status change: word, the done date ``day``, where it comes
    from (" — Theo báo cáo của …", no ": " in it), then ": note"."""
    word = CHANGE_WORDS[status]
    text = f"{word} ({day})" if status is Status.DONE else word
    if source:
        text = f"{text} — {source.replace(': ', ' ')}"
    return f"{text}: {note}" if note else text


def chase_entry_text(count: int, reference: str, day: str) -> str:
    """The history text of a reminder letter: "Đôn đốc lần 2 — công văn số 15-CV/BDVTU
    ngày 10/6/2021"."""
    return f"Đôn đốc lần {count} — công văn số {reference} ngày {day}"


def read_status_entry(text: str) -> tuple[Status | None, str]:
    """(status, note) of a status history text; status None when no word matches.

    The inverse of :func:`status_entry_text`; the note is what follows the first ": ".
    """
    status = next(
        (s for s, word in sorted(CHANGE_WORDS.items(), key=lambda i: -len(i[1]))
         if text.startswith(word)),
        None,
    )  # fmt: skip
    return status, text.partition(": ")[2]


def derive_status(leads: Iterable[tuple[Status, date | None]]) -> tuple[Status, date | None]:
    """Done when every (not cancelled) lead is done, dated by the latest;
    in progress when some lead has started; cancelled when all are."""
    leads = list(leads)
    if not leads:
        return Status.OPEN, None
    active = [(s, d) for s, d in leads if s is not Status.CANCELLED]
    if not active:
        return Status.CANCELLED, None
    if all(s is Status.DONE for s, _ in active):
        dates = [d for _, d in active if d is not None]
        return Status.DONE, max(dates) if dates else None
    if any(s in (Status.DONE, Status.IN_PROGRESS) for s, _ in active):
        return Status.IN_PROGRESS, None
    return Status.OPEN, None


def is_overdue(status: Status, due: Quarter | None, as_of: date) -> bool:
    """Not finished and the as-of date is past the deadline quarter's last day."""
    if due is None or status not in UNFINISHED:
        return False
    return as_of > due.last_day


def categorize(status: Status, done_on: date | None, due: Quarter | None, as_of: date) -> Category:
    """The follow-up category of one row as of a date.

    Something done after ``as_of`` was not yet done on that date.
    """
    if status is Status.CANCELLED:
        return Category.CANCELLED
    done = status is Status.DONE and (done_on is None or done_on <= as_of)
    if done:
        if due is None or done_on is None or done_on <= due.last_day:
            return Category.DONE_ON_TIME
        return Category.DONE_LATE
    if due is None:
        return Category.STANDING
    return Category.OPEN_OVERDUE if as_of > due.last_day else Category.OPEN_IN_TIME
