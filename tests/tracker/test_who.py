"""Who did what: every history entry names the login that made it (the server login on
PostgreSQL, the computer's user on SQLite), and a stale edit names who changed the
directive in between."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tracker import exchange, queries, services, undo
from tracker.drafts import DirectiveDraft, MeetingDraft
from tracker.errors import StaleEditError
from tracker.quarters import Quarter
from tracker.rows import Status
from tracker.store.db import close_db, open_db
from tracker.store.models import HistoryEntry, Organization
from tracker.store.who import os_user

BOTH_BACKENDS = True  # conftest: each test on SQLite and on PostgreSQL


def _me(backend: str) -> str | None:
    from tests.pgserver import SUPERUSER

    return SUPERUSER if backend == "postgresql" else os_user()


def _org() -> int:
    return int(Organization.select(Organization.id).order_by(Organization.id).first().id)


def _meeting(n: int = 2) -> tuple[int, list[int]]:
    drafts = [
        DirectiveDraft(content=f"Việc số {i}", lead_ids=(_org(),), due=Quarter(2024, 4))
        for i in range(n)
    ]
    changes = services.log_meeting(
        meeting=MeetingDraft(held_on=date(2024, 4, 1), title="Giao ban quý I-2024"),
        directives=drafts,
    )
    return int(changes.created_id or 0), sorted(changes.directive_ids)


def test_every_kind_of_write_names_the_login(db_path: Path, backend: str) -> None:
    """The bulk insert of a new meeting, a note, a status, an extension, an edit and a
    reminder letter each record the login in their history entries."""
    me = _me(backend)
    assert me
    _, (a, b) = _meeting()
    org = _org()
    services.add_note(directive_id=a, text="Đã triển khai", organization_id=org)
    services.set_status(directive_ids=[a], status=Status.IN_PROGRESS, organization_id=org)
    services.extend_deadline(directive_id=b, new_due=Quarter(2025, 1), reason="Chờ hướng dẫn")
    services.update_directive(
        directive_id=b,
        directive=DirectiveDraft(content="Việc đã sửa", lead_ids=(org,), due=Quarter(2025, 1)),
    )
    services.record_chase(
        directive_ids=[a, b], organization_id=org, reference="12", on=date.today()
    )
    whos = [h.who for d in (a, b) for h in queries.history(d)]
    assert len(whos) >= 7
    assert set(whos) == {me}


def test_stale_edit_names_who_changed_it(pg_server, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    """Two logins on one server: the clerk's edit of a directive the specialist changed
    meanwhile is refused naming the specialist; the history shows both names."""
    open_db(pg_url)
    _, (did, _) = _meeting()
    seen = queries.directive(did).version
    close_db()
    dbname = pg_url.rsplit("/", 1)[1]
    pg_server.sql(
        "DO $$ BEGIN CREATE ROLE chuyen_vien LOGIN; EXCEPTION WHEN duplicate_object "
        "THEN NULL; END $$"
    )
    pg_server.sql(
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO chuyen_vien; "
        "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO chuyen_vien",
        dbname,
    )
    open_db(pg_server.url(dbname, user="chuyen_vien"))
    try:
        services.add_note(directive_id=did, text="Báo cáo của huyện", organization_id=_org())
    finally:
        close_db()
    open_db(pg_url)
    try:
        draft = DirectiveDraft(content="Sửa của thư ký", lead_ids=(_org(),))
        with pytest.raises(StaleEditError, match="đã được chuyen_vien thay đổi"):
            services.update_directive(directive_id=did, directive=draft, expected_version=seen)
        assert [h.who for h in queries.history(did)] == ["giaoban_test", "chuyen_vien"]
    finally:
        close_db()


def test_stale_undo_names_who_changed_it(db_path: Path, backend: str) -> None:
    """Undoing a note after someone else added another: refused, naming them."""
    _, (did, _) = _meeting()
    before, _, after = undo.record(
        lambda: services.add_note(directive_id=did, text="Một"), directives=[did]
    )
    services.add_note(directive_id=did, text="Hai")
    HistoryEntry.update(who="pho_ban").where(HistoryEntry.text == "Hai").execute()
    with pytest.raises(StaleEditError, match="đã được pho_ban thay đổi"):
        undo.put_back(before, after)


def test_undo_and_export_keep_who(db_path: Path, backend: str, tmp_path: Path) -> None:
    """A step undone and redone writes the entries back with their own names, and the
    JSON export carries them into another database; a file without names imports as
    entries naming no one."""
    _, (did,) = _meeting(1)
    HistoryEntry.update(who="pho_ban").where(HistoryEntry.directive == did).execute()
    before, _, after = undo.record(
        lambda: services.add_note(directive_id=did, text="Ghi chú"), directives=[did]
    )
    _, now = undo.put_back(before, after)
    assert [h.who for h in queries.history(did)] == ["pho_ban"]
    undo.put_back(after, now, undoing=False)
    assert [h.who for h in queries.history(did)] == ["pho_ban", _me(backend)]
    data = exchange.export_data()
    entries = [h for m in data["meetings"] for d in m["directives"] for h in d["history"]]
    assert [h.get("who") for h in entries] == ["pho_ban", _me(backend)]
    target = tmp_path / "khac.sqlite3"
    close_db()
    open_db(str(target))
    try:
        exchange.import_data(json.loads(exchange.dumps(data)), replace=True)
        assert [h.who for h in queries.history(did)] == ["pho_ban", _me(backend)]
        for h in entries:
            h.pop("who")
        exchange.import_data(json.loads(exchange.dumps(data)), replace=True)
        assert [h.who for h in queries.history(did)] == [None, None]
    finally:
        close_db()
