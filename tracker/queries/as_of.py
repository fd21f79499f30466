"""Directive rows as they stood on a date: the one "as of" rule of the reports."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from tracker.queries.directives import directive_rows
from tracker.queries.values import _IN_IDS, _date, _ids_param
from tracker.rows import DirectiveRow, HistoryKind, OwnerRow, Role, Status
from tracker.status import derive_status, is_overdue, read_status_entry
from tracker.store.proxy import database


def directive_rows_as_of(ids: Sequence[int], as_of: date) -> list[DirectiveRow]:
    """Rows for ``ids`` as they stood on ``as_of``: the one "as of" rule of the reports.

    Each lead's status, done date and note are those recorded on or before
    ``as_of`` (read back from the status history when something changed after
    it); the directive's status follows from its leads, and its latest note is
    the newest one recorded by then. Something done after ``as_of`` was not done.
    """
    rows = directive_rows(ids, as_of=as_of, with_notes=False)
    if not rows:
        return rows
    entries: dict[int, list[tuple[date, int | None, str, str]]] = defaultdict(list)
    for did, kind, on, org_id, text in database.execute_sql(
        "SELECT directive_id, kind, happened_on, organization_id, text FROM history_entry "
        f"WHERE directive_id IN {_IN_IDS} AND kind IN (?, ?) ORDER BY happened_on, id",
        (*_ids_param([r.id for r in rows]), HistoryKind.STATUS.value, HistoryKind.NOTE.value),
    ):
        entries[did].append((_date(on), org_id, kind, text))  # type: ignore[arg-type]
    return [_as_of_row(r, entries.get(r.id, []), as_of) for r in rows]


def _as_of_row(
    row: DirectiveRow, entries: list[tuple[date, int | None, str, str]], as_of: date
) -> DirectiveRow:
    """``row`` as it stood on ``as_of`` (``entries``: its status and note history, oldest
    first)."""
    status_kind = HistoryKind.STATUS.value
    changed_later: set[int | None] = set()  # organizations (None: every lead) changed after
    notes: dict[int | None, tuple[int, str]] = {}  # newest note by organization, by then
    latest = ""
    for index, (on, org_id, kind, text) in enumerate(entries):
        if on > as_of:
            if kind == status_kind:
                changed_later.add(org_id)
            continue
        note = read_status_entry(text)[1] if kind == status_kind else text
        if note:
            notes[org_id] = (index, note)
            latest = note
    owners = []
    touched = False
    for o in row.owners:
        if o.role is Role.LEAD:
            later = None in changed_later or o.organization_id in changed_later
            new = _as_of_owner(o, entries, as_of, later, notes, bool(entries))
            touched = touched or new is not o
            owners.append(new)
        else:
            owners.append(o)
    if not latest:
        latest = next((o.result_note for o in owners if o.role is Role.LEAD and o.result_note), "")
    if not touched:
        return row if latest == row.latest_note else replace(row, latest_note=latest)
    status, done_on = derive_status((o.status, o.done_on) for o in owners if o.role is Role.LEAD)
    return replace(
        row,
        owners=tuple(owners),
        status=status,
        done_on=done_on,
        overdue=is_overdue(status, row.due, as_of),
        latest_note=latest,
    )


def _as_of_owner(
    owner: OwnerRow,
    entries: list[tuple[date, int | None, str, str]],
    as_of: date,
    changed_later: bool,
    notes: dict[int | None, tuple[int, str]],
    has_history: bool,
) -> OwnerRow:
    """One lead's status, done date and note on ``as_of``: its own or the directive-wide
    history (``notes``: the newest note of each, by then)."""
    status, done_on = owner.status, owner.done_on
    if changed_later:
        status, done_on = Status.OPEN, None
        for on, org_id, kind, text in entries:
            if on > as_of or kind != HistoryKind.STATUS.value:
                continue
            if org_id is None or org_id == owner.organization_id:
                found = read_status_entry(text)[0]
                if found is not None:
                    status, done_on = found, (on if found is Status.DONE else None)
    elif status is Status.DONE and done_on is not None and done_on > as_of:
        status, done_on = Status.OPEN, None  # done after the date, recorded without history
    own, shared = notes.get(owner.organization_id), notes.get(None)
    if own or shared:
        note = max(n for n in (own, shared) if n)[1]
    elif has_history or status is not owner.status:
        note = ""
    else:
        note = owner.result_note  # recorded without history (imported data)
    if (status, done_on, note) == (owner.status, owner.done_on, owner.result_note):
        return owner
    return replace(owner, status=status, done_on=done_on, result_note=note)
