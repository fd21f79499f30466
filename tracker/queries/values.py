"""Small conversions the queries share."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

from tracker.rows import (
    Role,
    Status,
)

_IN_IDS = "(SELECT value FROM json_each(?))"
_ROLES = {r.value: r for r in Role}
_STATUSES = {s.value: s for s in Status}


def _ids_param(ids: Sequence[int]) -> tuple[str]:
    return (json.dumps([int(i) for i in ids]),)




def _date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _day(value: object) -> date:
    """A date the schema never leaves empty (NOT NULL), as a date."""
    day = _date(value)
    assert day is not None
    return day
