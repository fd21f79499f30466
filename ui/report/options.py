"""What a report is made of, before any widget: the options the clerk chose, the
report they describe, the default quarter and the file name offered."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from tracker import followup
from tracker.quarters import Quarter
from tracker.rows import FollowUpReport

FOLLOW_UP = "follow-up"
OPEN_ITEMS = "open-items"
KINDS = (FOLLOW_UP, OPEN_ITEMS)
_SLUG_NOT_ALLOWED = re.compile(r"[^A-Za-z0-9_]+")
_MAX_NAME = 100


def ascii_file_name(text: str, suffix: str, *, fallback: str = "bao-cao") -> str:
    """A file name any system and mail program takes, made from the report's name.

    "Danh sách theo dõi Quý II/2021" → "Danh-sach-theo-doi-Quy-II-2021.pdf":
    diacritics go (đ → d); every run of anything but letters, digits and "_" —
    dots, path separators and control characters included — becomes one "-".
    """
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    stem = _SLUG_NOT_ALLOWED.sub("-", text).strip("-_")[:_MAX_NAME].strip("-_")
    return f"{stem or fallback}.{suffix}"


def default_quarter(quarters: list[Quarter], today: date) -> Quarter:
    """The current quarter if it has directives, else the latest earlier one that has some."""
    current = Quarter.of(today)
    if current in quarters or not quarters:
        return current
    earlier = [q for q in quarters if q <= current]
    return max(earlier) if earlier else min(quarters)


@dataclass(frozen=True)
class ReportOptions:
    """What the clerk chose: which report, for which quarter, as of which day."""

    as_of: date
    kind: str = FOLLOW_UP
    quarter: Quarter | None = None  # the follow-up list's quarter; unused for the open items
    group_by: str = followup.GROUP_BY_ORG
    include_done: bool = True
    include_chart: bool = False


def build_report(options: ReportOptions) -> FollowUpReport:
    """Ask tracker.followup for the report ``options`` describe."""
    if options.kind == OPEN_ITEMS:
        return followup.open_items(as_of=options.as_of, group_by=options.group_by)
    assert options.quarter is not None
    return followup.follow_up_list(
        options.quarter,
        as_of=options.as_of,
        include_done=options.include_done,
        group_by=options.group_by,
    )
