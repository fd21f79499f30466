"""Deleting several directives is one service call: all or none, one undo step."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import peewee as pw
import pytest

from tracker import queries, services, undo
from tracker.changes import Changes
from tracker.drafts import DirectiveDraft, MeetingDraft
from tracker.errors import NotFoundError
from tracker.store.models import Assignment, Directive, HistoryEntry

HELD = date(2021, 4, 1)


def _meeting_with(n: int) -> tuple[int, list[int]]:
    """A meeting with ``n`` directives (each with a lead and a note); its id and theirs."""
    lead = queries.list_organizations()[0].id
    changes = services.log_meeting(
        meeting=MeetingDraft(held_on=HELD, title="Giao ban quý I-2021"),
        directives=[DirectiveDraft(content=f"Nội dung {i}", lead_ids=(lead,)) for i in range(n)],
        today=HELD,
    )
    assert changes.created_id is not None
    ids = sorted(changes.directive_ids)
    for did in ids:
        services.add_note(directive_id=did, text="Đã đôn đốc", on=HELD)
    return changes.created_id, ids


def _other_connection(path: Path) -> sqlite3.Connection:
    """A second program's connection to the same file."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _present(ids: list[int]) -> list[int]:
    return sorted(d.id for d in Directive.select(Directive.id).where(Directive.id.in_(ids)))


def test_delete_directives_deletes_all_in_one_change(db_path: Path) -> None:
    """One call deletes every directive with its follow-up and returns one Changes."""
    mid, ids = _meeting_with(3)
    changes = services.delete_directives(directive_ids=ids[:2])
    assert changes == Changes(meeting_ids=frozenset({mid}), directive_ids=frozenset(ids[:2]))
    assert _present(ids) == ids[2:]
    assert not Assignment.select().where(Assignment.directive.in_(ids[:2])).exists()
    assert not HistoryEntry.select().where(HistoryEntry.directive.in_(ids[:2])).exists()


def test_one_deleted_meanwhile_refuses_the_whole_delete(db_path: Path) -> None:
    """A directive another program deleted first: a Vietnamese TrackerError, none deleted."""
    _mid, ids = _meeting_with(4)
    with _other_connection(db_path) as other:
        other.execute("DELETE FROM directive WHERE id = ?", (ids[2],))
    with pytest.raises(NotFoundError, match="Chưa xóa nội dung nào"):
        undo.record(lambda: services.delete_directives(directive_ids=ids), directives=ids)
    assert _present(ids) == [ids[0], ids[1], ids[3]]


def test_failure_midway_leaves_every_directive(db_path: Path) -> None:
    """The database refusing the third delete (a trigger) rolls back the first two."""
    _mid, ids = _meeting_with(4)
    with _other_connection(db_path) as other:
        other.execute(
            f"CREATE TRIGGER refuse BEFORE DELETE ON directive WHEN old.id = {ids[2]} "
            "BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
    with pytest.raises(pw.IntegrityError, match="refused"):
        undo.record(lambda: services.delete_directives(directive_ids=ids), directives=ids)
    assert _present(ids) == ids
    assert HistoryEntry.select().where(HistoryEntry.directive.in_(ids)).count() >= len(ids)


def test_undo_restores_every_deleted_directive(db_path: Path) -> None:
    """The one recorded step puts all the deleted directives back, with their history."""
    _mid, ids = _meeting_with(3)
    notes_before = HistoryEntry.select().where(HistoryEntry.directive.in_(ids)).count()
    before, _changes, after = undo.record(
        lambda: services.delete_directives(directive_ids=ids), directives=ids
    )
    assert _present(ids) == []
    undo.put_back(before, after)
    assert _present(ids) == ids
    assert HistoryEntry.select().where(HistoryEntry.directive.in_(ids)).count() == notes_before
