"""A directive's (or one organization's) status, and which of them count as unfinished.

A leaf apart from tracker.rows: the CLI's fast JSON path (tracker.listing) builds its SQL
from these words without importing the row types.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Progress of one organization on a directive (and, derived, of the directive)."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


UNFINISHED: tuple[Status, ...] = (Status.OPEN, Status.IN_PROGRESS)
"""Not done and not cancelled: the one definition of "unfinished" (a directive's status
or one organization's), used by the queries, the follow-up lists and the CLI's SQL."""
UNFINISHED_VALUES: tuple[str, ...] = tuple(s.value for s in UNFINISHED)
