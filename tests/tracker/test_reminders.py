"""Tests of the reminders (tracker.reminders): what each organization has due soon or
overdue, standing items left out, carried-over and extended ones in, each organization's
own status respected; and ``giaoban remind``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tracker import queries, services
from tracker.cli import main
from tracker.drafts import DirectiveDraft, MeetingDraft
from tracker.errors import ValidationError
from tracker.quarters import Quarter
from tracker.reminders import reminders

Q1, Q2, Q3 = Quarter(2021, 1), Quarter(2021, 2), Quarter(2021, 3)


def org_ids() -> dict[str, int]:
    return {o.short_name: o.id for o in queries.list_organizations()}


def log(held_on: date, *items: tuple[str, tuple[str, ...], Quarter | None]) -> list[int]:
    ids = org_ids()
    changes = services.log_meeting(
        meeting=MeetingDraft(held_on=held_on, title=f"Giao ban ngày {held_on}"),
        directives=[
            DirectiveDraft(content=c, lead_ids=tuple(ids[s] for s in leads), due=due)
            for c, leads, due in items
        ],
        today=held_on,
    )
    return sorted(changes.directive_ids)


@pytest.fixture
def d(db_path: Path) -> dict[str, int]:
    """The directives of :func:`chase_data`, by key."""
    return chase_data()


def chase_data() -> dict[str, int]:
    """Q1: old (MTTQ, open: carried over and overdue), shared (MTTQ done, Hội ND open).
    Q2 meeting: due (MTTQ, Q2), standing (MTTQ), later (MTTQ, Q3), ext (Hội ND, Q2
    extended to Q3), fin (MTTQ, done)."""
    old, shared = log(
        date(2021, 1, 5), ("old: quý I", ("MTTQ",), Q1), ("shared: hai", ("MTTQ", "Hội ND"), Q1)
    )
    due, standing, later, ext, fin = log(
        date(2021, 4, 1),
        ("due: quý II", ("MTTQ",), Q2),
        ("standing: thường xuyên", ("MTTQ",), None),
        ("later: quý III", ("MTTQ",), Q3),
        ("ext: gia hạn", ("Hội ND",), Q2),
        ("fin: xong", ("MTTQ",), Q2),
    )
    services.mark_done(
        directive_ids=[shared], on=date(2021, 3, 1), organization_id=org_ids()["MTTQ"]
    )
    services.mark_done(directive_ids=[fin], on=date(2021, 5, 1))
    services.extend_deadline(directive_id=ext, new_due=Q3, reason="chờ", on=date(2021, 5, 2))
    return dict(old=old, shared=shared, due=due, standing=standing, later=later, ext=ext, fin=fin)


def listed(as_of: date, within: int, d: dict[str, int]) -> dict[str, set[str]]:
    key = {v: k for k, v in d.items()}
    found = reminders(as_of=as_of, within_days=within)
    return {g.organization.short_name: {key[i.directive_id] for i in g.items} for g in found.groups}


def test_due_soon_and_overdue_grouped_by_organization(d: dict[str, int]) -> None:
    """Two weeks before Q2 ends: MTTQ has its Q2 item and its overdue Q1 one; Hội ND its
    own open part of the shared item; done, standing, later and extended ones are out."""
    assert listed(date(2021, 6, 20), 14, d) == {"MTTQ": {"old", "due"}, "Hội ND": {"shared"}}


def test_window_too_short_leaves_only_overdue(d: dict[str, int]) -> None:
    """With 5 days, a quarter ending in 10 is not yet due soon; overdue ones still are."""
    assert listed(date(2021, 6, 20), 5, d) == {"MTTQ": {"old"}, "Hội ND": {"shared"}}


def test_extended_item_counts_by_its_new_deadline(d: dict[str, int]) -> None:
    """The extension to Q3 makes ext due near Q3's end, with the later Q3 item."""
    assert listed(date(2021, 9, 20), 14, d) == {
        "MTTQ": {"old", "due", "later"},
        "Hội ND": {"shared", "ext"},
    }
    row = next(
        i for g in reminders(as_of=date(2021, 9, 20)).groups for i in g.items
        if i.directive_id == d["ext"]
    )  # fmt: skip
    assert row.original_due == Q2


def test_standing_never_listed(d: dict[str, int]) -> None:
    """A standing directive has no deadline: not due even a year on."""
    found = reminders(as_of=date(2022, 6, 20), within_days=366)
    assert d["standing"] not in found.directive_ids


def test_bad_window_refused(d: dict[str, int]) -> None:
    """A negative or huge number of days is refused in words."""
    with pytest.raises(ValidationError, match="Số ngày nhắc trước"):
        reminders(as_of=date(2021, 6, 20), within_days=-1)


def test_cli_remind_json_and_nothing_due(
    d: dict[str, int], db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``giaoban --db F remind --json`` lists the groups; nothing due still exits 0."""
    assert main(["--db", str(db_path), "remind", "--as-of", "20/06/2021", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    by_short = {
        o["short_name"]: {i["directive_id"] for i in o["items"]} for o in data["organizations"]
    }
    assert by_short == {"MTTQ": {d["old"], d["due"]}, "Hội ND": {d["shared"]}}
    old = next(
        i for o in data["organizations"] for i in o["items"] if i["directive_id"] == d["old"]
    )
    assert old["overdue"] and old["days_overdue"] == (date(2021, 6, 20) - Q1.last_day).days
    assert main(["--db", str(db_path), "remind", "--as-of", "01/01/2021"]) == 0
    assert "Không có nội dung nào đến hạn" in capsys.readouterr().out
    assert main(["--db", str(db_path), "remind", "--within", "-3"]) == 2
    assert "Số ngày nhắc trước" in capsys.readouterr().err
