"""``giaoban remind --json`` (tracker.reminder_listing, items rendered by the database)
lists exactly what ``tracker.reminders`` finds, on both backends, for days before,
inside and long after the deadlines, and windows of 0 to 366 days."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tracker import seeding
from tracker.cli import main
from tracker.errors import ValidationError
from tracker.reminder_listing import reminders_json
from tracker.reminders import Reminders, reminders
from tracker.store.proxy import database

from .test_reminders import chase_data

BOTH_BACKENDS = True


def expected(found: Reminders) -> dict[str, Any]:
    """The reminders as the JSON ``remind --json`` must write for them."""
    return {
        "as_of": found.as_of.isoformat(),
        "within_days": found.within_days,
        "organizations": [
            {
                "id": g.organization.id,
                "short_name": g.organization.short_name,
                "name": g.organization.name,
                "items": [
                    {
                        "directive_id": i.directive_id,
                        "content": i.content,
                        "due": i.due.iso,
                        "extended_from": i.original_due.iso if i.original_due else None,
                        "overdue": i.overdue,
                        "days_overdue": i.days_overdue,
                    }
                    for i in g.items
                ],
            }
            for g in found.groups
        ],
    }


def rendered(as_of: date, within: int) -> dict[str, Any]:
    conn = database.connection()
    return json.loads(b"".join(reminders_json(conn, as_of=as_of, within_days=within)))  # type: ignore[no-any-return]


@pytest.fixture
def data(db_path: Path) -> Path:
    """The reminders' own test data, 400 synthetic directives over several years, and
    texts JSON must escape."""
    chase_data()
    seeding.synthetic(400, seed=5)
    database.execute_sql(
        "UPDATE directive SET content = ? WHERE id = (SELECT MIN(id) FROM directive)",
        ('Nội dung có "ngoặc kép", \\ gạch, tab\tvà\nxuống dòng',),
    )
    return db_path


@pytest.mark.parametrize(
    ("as_of", "within"),
    [
        (date(2021, 6, 20), 14),
        (date(2021, 6, 20), 5),
        (date(2021, 9, 20), 0),
        (date(2022, 6, 20), 366),
        (date(2020, 1, 1), 14),  # before any deadline: nothing
        (date.today(), 14),
        (date(2031, 3, 31), 1),
    ],
)
def test_same_as_the_reminders(data: Path, as_of: date, within: int) -> None:
    want = expected(reminders(as_of=as_of, within_days=within))
    assert rendered(as_of, within) == want


def test_the_synthetic_years_are_listed(data: Path) -> None:
    """Not a comparison of two empty lists: today the synthetic set has items to chase,
    overdue and not, with escaped texts among them."""
    got = rendered(date.today(), 366)
    items = [i for o in got["organizations"] for i in o["items"]]
    assert len(got["organizations"]) >= 3 and len(items) > 50
    assert any(i["overdue"] for i in items) and any(i["extended_from"] for i in items)


def test_empty_database(db_path: Path) -> None:
    assert rendered(date(2021, 6, 20), 14) == {
        "as_of": "2021-06-20", "within_days": 14, "organizations": []
    }  # fmt: skip


def test_bad_window_refused(db_path: Path) -> None:
    with pytest.raises(ValidationError, match="Số ngày nhắc trước"):
        rendered(date(2021, 6, 20), 367)


def test_cli_writes_it(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The command's output is the rendered text, one line."""
    assert main(["--db", str(data), "remind", "--as-of", "20/09/2021", "--json"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert json.loads(out) == expected(reminders(as_of=date(2021, 9, 20), within_days=14))
