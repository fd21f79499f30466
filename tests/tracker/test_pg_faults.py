"""Faults on the server: it stops mid-session (a message, nothing half-written, the
app carries on when it is back) and a login without write grants (a message)."""

from __future__ import annotations

from datetime import date

import pytest

from tracker import cli, queries, seeding, services
from tracker.drafts import MeetingDraft
from tracker.store.db import close_db, open_db
from tracker.store.pg import ReadOnlyError, ServerLostError


@pytest.fixture
def own_server(pg_server):  # type: ignore[no-untyped-def]
    """A server of this test's own, which it may stop (the session's keeps running)."""
    from tests.pgserver import running_server

    with running_server() as server:
        yield server


def test_server_stopped_mid_session_then_back(own_server) -> None:  # type: ignore[no-untyped-def]
    """A save while the server is down: a Vietnamese message and nothing written;
    once the server is back the next save works without reopening."""
    url = own_server.url(own_server.create_database())
    open_db(url)
    try:
        seeding.load_sample()
        before = len(queries.list_meetings())
        own_server.stop()
        draft = MeetingDraft(held_on=date(2024, 7, 1), title="Giao ban quý II")
        with pytest.raises(ServerLostError, match="Mất kết nối"):
            services.log_meeting(meeting=draft)
        with pytest.raises(ServerLostError):  # still down: the same message, no traceback
            services.log_meeting(meeting=draft)
        own_server.start()
        services.log_meeting(meeting=draft)
        assert len(queries.list_meetings()) == before + 1
    finally:
        close_db()


def test_read_only_login_gets_a_message_not_a_traceback(
    pg_server, pg_url: str, capsys: pytest.CaptureFixture[str]  # type: ignore[no-untyped-def]
) -> None:
    """A role with SELECT only reads everything; a write is refused with a message."""
    open_db(pg_url)
    seeding.load_sample()
    close_db()
    dbname = pg_url.rsplit("/", 1)[1]
    pg_server.sql("DO $$ BEGIN CREATE ROLE chi_doc LOGIN; EXCEPTION WHEN duplicate_object "
                  "THEN NULL; END $$")
    pg_server.sql("GRANT SELECT ON ALL TABLES IN SCHEMA public TO chi_doc", dbname)
    reader = pg_server.url(dbname, user="chi_doc")
    assert cli.main(["meetings", "--db", reader, "--json"]) == 0
    assert "Giao ban" in capsys.readouterr().out
    open_db(reader)
    try:
        directive = queries.list_directives()[0].id
        with pytest.raises(ReadOnlyError, match="chỉ có quyền xem"):
            services.mark_done(directive_ids=[directive], on=date(2021, 6, 1))
    finally:
        close_db()
    assert cli.main(["done", "--db", reader, str(directive)]) == 2
    err = capsys.readouterr().err
    assert "chỉ có quyền xem" in err and "Traceback" not in err


KILLED_WRITER = """
import sys
from datetime import date
from tracker import services
from tracker.drafts import DirectiveDraft, MeetingDraft
from tracker.store.db import open_db
open_db(sys.argv[1])
lead = [int(sys.argv[2])]
rows = [DirectiveDraft(content=f"Nội dung số {i}", lead_ids=lead) for i in range(40_000)]
print("writing", flush=True)
services.log_meeting(meeting=MeetingDraft(held_on=date(2024, 7, 1), title="Lớn"), directives=rows)
print("done", flush=True)
"""


@pytest.mark.parametrize("delay", [0.2, 0.5, 1.0])
def test_client_killed_mid_transaction_leaves_nothing(pg_url: str, delay: float) -> None:
    """A client SIGKILLed while it writes a meeting of 40,000 directives in one
    transaction: the server rolls it back, so the database holds all of it or none of
    it, and the next client works on it at once."""
    import os
    import signal
    import subprocess
    import sys
    import time

    open_db(pg_url)
    seeding.load_sample()
    before = (len(queries.list_meetings()), queries.count_directives(queries.DirectiveFilter()))
    lead = queries.find_organization("MTTQ").id
    close_db()
    child = subprocess.Popen(
        [sys.executable, "-P", "-c", KILLED_WRITER, pg_url, str(lead)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert child.stdout is not None and child.stdout.readline().strip() == "writing"
    time.sleep(delay)
    finished = child.poll() is not None
    if not finished:
        os.kill(child.pid, signal.SIGKILL)
    child.wait()
    open_db(pg_url)
    try:
        after = (len(queries.list_meetings()), queries.count_directives(queries.DirectiveFilter()))
        whole = (before[0] + 1, before[1] + 40_000)
        assert after in (before, whole), after
        if not finished:
            assert after == before  # killed inside the transaction: nothing of it is there
        draft = MeetingDraft(held_on=date(2024, 8, 1), title="Sau khi bị ngắt")
        services.log_meeting(meeting=draft)  # no lock or half-open transaction left
        assert len(queries.list_meetings()) == after[0] + 1
    finally:
        close_db()
