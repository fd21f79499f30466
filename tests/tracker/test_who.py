"""Who did what: every history entry names the login that made it (the server login on
PostgreSQL, the computer's user on SQLite), and a stale edit names who changed the
directive in between."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from tracker import exchange, queries, services, undo
from tracker.drafts import DirectiveDraft, MeetingDraft
from tracker.errors import StaleEditError
from tracker.quarters import Quarter
from tracker.rows import MeetingRow, Status
from tracker.store import who
from tracker.store.db import close_db, open_db
from tracker.store.models import Directive, HistoryEntry, Meeting, Organization
from tracker.store.who import os_user

BOTH_BACKENDS = True  # conftest: each test on SQLite and on PostgreSQL


def _me(backend: str) -> str | None:
    from tests.pgserver import SUPERUSER

    return SUPERUSER if backend == "postgresql" else os_user()


@contextmanager
def as_login(name: str) -> Iterator[None]:
    """Within the block, the writes are made as the login ``name`` (another person)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(who, "login_of", lambda db: name)
        yield


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
    with as_login("pho_ban"):
        services.add_note(directive_id=did, text="Hai")
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


# --- who changed a meeting (schema 4: meeting.changed_by, directive.changed_by) ------------


@contextmanager
def other_client(
    backend: str, db: Path, request: pytest.FixtureRequest, name: str
) -> Iterator[None]:
    """Within the block, the database is open as a second client logged in as ``name``:
    on the server a login role of its own, on a file another computer user. This
    client's connection is closed meanwhile and opened again after."""
    close_db()
    try:
        if backend == "postgresql":
            server = request.getfixturevalue("pg_server")
            dbname = str(db).rsplit("/", 1)[1]
            server.sql(
                f"DO $$ BEGIN CREATE ROLE {name} LOGIN; EXCEPTION WHEN duplicate_object "
                "THEN NULL; END $$"
            )
            server.sql(
                f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {name}; "
                f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {name}",
                dbname,
            )
            open_db(server.url(dbname, user=name))
            yield
        else:
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(who, "os_user", lambda: name)
                open_db(str(db))
                yield
    finally:
        close_db()
        open_db(str(db))


def _draft(m: MeetingRow, **changes: object) -> MeetingDraft:
    """The meeting as it is, with ``changes``: what the meeting dialog saves."""
    fields: dict[str, object] = {
        "held_on": m.held_on,
        "title": m.title,
        "chair_name": m.chair_name,
        "chair_position": m.chair_position,
        "attendee_ids": m.attendee_ids,
        "reviewed_quarter": m.reviewed_quarter,
        "notes": m.notes,
        "notice_ref": m.notice_ref,
    }
    return MeetingDraft(**{**fields, **changes})  # type: ignore[arg-type]


def test_stale_meeting_edit_names_who_changed_it(
    db_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    """Two clients edit the same giao ban's header: the second one's save, based on the
    version it read, is refused naming the first one's login; nothing of it is written."""
    mid, _ = _meeting()
    seen = queries.meeting(mid)  # what this client's dialog shows
    with other_client(backend, db_path, request, "nva"):
        theirs = queries.meeting(mid)
        services.update_meeting(
            meeting_id=mid, meeting=_draft(theirs, notice_ref="5-TB/TU"),
            expected_version=theirs.version,
        )  # fmt: skip
    mine = _draft(seen, title="Giao ban quý I năm 2024", notes="Ghi chú của tôi")
    with pytest.raises(StaleEditError) as refused:
        services.update_meeting(meeting_id=mid, meeting=mine, expected_version=seen.version)
    assert str(refused.value) == (
        "Cuộc giao ban này đã được nva thay đổi ở nơi khác (bản số 2, bạn đang sửa bản số 1). "
        "Dữ liệu đã được tải lại; hãy xem và sửa lại."
    )
    now = queries.meeting(mid)
    assert (now.title, now.notes, now.notice_ref, now.version) == (
        seen.title, "", "5-TB/TU", 2,
    )  # fmt: skip
    assert Meeting.get_by_id(mid).changed_by == "nva"


def test_stale_directive_edit_names_who_changed_only_its_owners(
    db_path: Path, backend: str
) -> None:
    """An edit of a directive's owners alone writes no history entry: the refusal names
    who made that edit, not the author of the latest entry."""
    _, (did, _) = _meeting()
    seen = queries.directive(did)
    other = Organization.select().order_by(Organization.id.desc()).first().id
    with as_login("pho_ban"):
        services.update_directive(
            directive_id=did,
            directive=DirectiveDraft(content=seen.content, lead_ids=(other,), due=seen.due),
        )
    assert queries.history(did)[-1].who != "pho_ban"  # no entry for the owners
    draft = DirectiveDraft(content="Sửa của thư ký", lead_ids=(_org(),), due=seen.due)
    with pytest.raises(StaleEditError, match="^Nội dung chỉ đạo này đã được pho_ban thay đổi"):
        services.update_directive(directive_id=did, directive=draft, expected_version=seen.version)
    assert queries.directive(did).content == seen.content


def _stamp(model: type[Meeting] | type[Directive], pk: int) -> str | None:
    changed_by: str | None = model.get_by_id(pk).changed_by
    return changed_by


def test_every_new_version_names_its_writer(db_path: Path, backend: str, tmp_path: Path) -> None:
    """Each write that makes a new version of a meeting or a directive records its login
    beside the version; writes that make none (a reminder entry, an attachment) leave
    it. The JSON export carries the names; a file without them imports naming no one."""
    from tracker.attachment_services import attach

    with as_login("a_ghi"):
        mid, (a, b) = _meeting()  # the bulk insert of a new meeting's rows
    assert [_stamp(Meeting, mid), _stamp(Directive, a), _stamp(Directive, b)] == ["a_ghi"] * 3
    org = _org()
    writes = {
        "b_hop": (Meeting, mid, lambda: services.update_meeting(
            meeting_id=mid, meeting=_draft(queries.meeting(mid), notice_ref="1-TB"))),
        "c_sua": (Directive, a, lambda: services.update_directive(
            directive_id=a, directive=DirectiveDraft(content="Việc sửa", lead_ids=(org,)))),
        "d_xong": (Directive, a, lambda: services.set_status(
            directive_ids=[a], status=Status.IN_PROGRESS, organization_id=org)),
        "e_ghi_chu": (Directive, b, lambda: services.add_note(directive_id=b, text="Tiến độ")),
        "f_gia_han": (Directive, b, lambda: services.extend_deadline(
            directive_id=b, new_due=Quarter(2025, 1), reason="Chờ hướng dẫn")),
    }  # fmt: skip
    for name, (model, pk, write) in writes.items():
        with as_login(name):
            write()
        assert _stamp(model, pk) == name, name
    with as_login("g_them"):
        c = int(services.add_directive(
            meeting_id=mid, directive=DirectiveDraft(content="Việc mới", lead_ids=(org,))
        ).created_id or 0)  # fmt: skip
    assert _stamp(Directive, c) == "g_them"
    with as_login("h_nhac"):
        services.record_chase(
            directive_ids=[a], organization_id=org, reference="9", on=date.today()
        )
        attach(file_name="tb.pdf", data=b"tb", meeting_id=mid)
        attach(file_name="bc.pdf", data=b"bc", directive_id=a)
    assert (_stamp(Meeting, mid), _stamp(Directive, a)) == ("b_hop", "d_xong")

    # undo and redo write a version too: the header, one directive, a whole meeting
    before, _, after = undo.record(
        lambda: services.update_meeting(meeting_id=mid, meeting=_draft(queries.meeting(mid))),
        headers=[mid],
    )
    with as_login("i_hoan_tac"):
        undo.put_back(before, after)
    assert _stamp(Meeting, mid) == "i_hoan_tac"
    before, _, after = undo.record(
        lambda: services.add_note(directive_id=b, text="Hai"), directives=[b]
    )
    with as_login("k_hoan_tac"):
        undo.put_back(before, after)
    assert _stamp(Directive, b) == "k_hoan_tac"
    before, _, after = undo.record(lambda: services.delete_meeting(meeting_id=mid), meetings=[mid])
    with as_login("l_hoan_tac"):
        undo.put_back(before, after)
    assert {_stamp(Meeting, mid)} | {_stamp(Directive, d) for d in (a, b, c)} == {"l_hoan_tac"}

    data = exchange.export_data()
    (meeting,) = data["meetings"]
    assert meeting["changed_by"] == "l_hoan_tac"
    assert {d["changed_by"] for d in meeting["directives"]} == {"l_hoan_tac"}
    close_db()
    open_db(str(tmp_path / "khac.sqlite3"))
    try:
        exchange.import_data(json.loads(exchange.dumps(data)), replace=True)
        assert (_stamp(Meeting, mid), _stamp(Directive, c)) == ("l_hoan_tac", "l_hoan_tac")
        meeting.pop("changed_by")
        for d in meeting["directives"]:
            d.pop("changed_by")
        exchange.import_data(json.loads(exchange.dumps(data)), replace=True)
        assert (_stamp(Meeting, mid), _stamp(Directive, c)) == (None, None)
        services.add_note(directive_id=c, text="Ba")
        assert _stamp(Directive, c) == os_user()  # this computer's user, on a file
    finally:
        close_db()


def test_stale_undo_of_a_meeting_names_who_changed_it(db_path: Path, backend: str) -> None:
    """Undoing a header edit after someone else edited the header, or undoing a new
    giao ban after someone edited one of its directives: refused, naming them."""
    mid, (did, _) = _meeting()
    before, _, after = undo.record(
        lambda: services.update_meeting(
            meeting_id=mid, meeting=_draft(queries.meeting(mid), notes="Của tôi")
        ),
        headers=[mid],
    )
    with as_login("nva"):
        services.update_meeting(meeting_id=mid, meeting=_draft(queries.meeting(mid), notes="Khác"))
    with pytest.raises(StaleEditError, match="cuộc giao ban này đã được nva thay đổi ở nơi khác"):
        undo.put_back(before, after)
    assert queries.meeting(mid).notes == "Khác"

    before, changes, after = undo.record(
        lambda: services.log_meeting(
            meeting=MeetingDraft(held_on=date(2024, 7, 1), title="Giao ban quý II-2024"),
            directives=[DirectiveDraft(content="Việc quý III", lead_ids=(_org(),))],
        ),
        created="meeting",
    )
    new = int(changes.created_id or 0)
    (new_did,) = sorted(changes.directive_ids)
    with as_login("ttb"):
        services.add_note(directive_id=new_did, text="Đã làm")
    with pytest.raises(StaleEditError, match="cuộc giao ban này đã được ttb thay đổi"):
        undo.put_back(before, after)
    assert queries.meeting(new).directive_count == 1


def test_schema_3_database_gains_who_changed(db_path: Path, backend: str) -> None:
    """The step to schema 4 on either backend: a schema-3 database (the current one with
    schema 4's columns dropped and its version set back) gets them on opening, its
    records naming no one until written again."""
    from tracker.store.migrations import SCHEMA_VERSION, schema_version
    from tracker.store.pg import is_postgres
    from tracker.store.proxy import database

    mid, (did, _) = _meeting()
    db = database.obj
    db.execute_sql("ALTER TABLE meeting DROP COLUMN changed_by")
    db.execute_sql("ALTER TABLE directive DROP COLUMN changed_by")
    if is_postgres(db):
        db.execute_sql("UPDATE giaoban_schema SET version = 3")
    else:
        db.execute_sql("PRAGMA user_version = 3")
    close_db()
    open_db(str(db_path))
    assert schema_version(database.obj) == SCHEMA_VERSION == 4
    assert (_stamp(Meeting, mid), _stamp(Directive, did)) == (None, None)
    assert [h.who for h in queries.history(did)] == [_me(backend)]  # schema 3's names kept
    seen = queries.meeting(mid)
    with pytest.raises(StaleEditError, match="^Cuộc giao ban này vừa được sửa ở nơi khác"):
        services.update_meeting(meeting_id=mid, meeting=_draft(seen), expected_version=0)
    with as_login("nva"):
        services.update_meeting(meeting_id=mid, meeting=_draft(seen), expected_version=1)
    with pytest.raises(StaleEditError, match="^Cuộc giao ban này đã được nva thay đổi"):
        services.update_meeting(meeting_id=mid, meeting=_draft(seen), expected_version=1)
