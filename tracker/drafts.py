"""What the clerk typed, as services take it: checked and cleaned before saving."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tracker.quarters import Quarter


@dataclass(frozen=True)
class MeetingDraft:
    held_on: date
    title: str
    chair_name: str = ""
    chair_position: str = ""
    attendee_ids: tuple[int, ...] = ()
    reviewed_quarter: Quarter | None = None
    notes: str = ""
    notice_ref: str = ""


@dataclass(frozen=True)
class DirectiveDraft:
    content: str
    lead_ids: tuple[int, ...]
    support_ids: tuple[int, ...] = ()
    due: Quarter | None = None  # None: thường xuyên
    topics: tuple[str, ...] = ()
