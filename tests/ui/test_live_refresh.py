"""Live refresh on a PostgreSQL server: another client's save appears in an open window
within a second (LISTEN/NOTIFY read through a QSocketNotifier; no polling)."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from tracker import queries
from tracker.queries import DirectiveFilter, StatusFilter
from tracker.store.db import database

OTHER_CLIENT = """
import sys, time
from datetime import date
from tracker import services
from tracker.store.db import open_db
open_db(sys.argv[1])
services.mark_done(directive_ids=[int(sys.argv[2])], on=date(2021, 7, 1))
print(time.time())
"""


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_another_clients_save_appears_within_a_second(qtbot, window) -> None:  # noqa: ANN001
    """Another process marks a chase-list directive done: this window's chase list
    drops it within 1 s of that commit, without any action here."""
    assert window.live_refresh is not None
    to_chase = DirectiveFilter(status=StatusFilter.TO_CHASE, as_of=window._as_of)
    before = window.chase_directives.rowCount()
    target = queries.list_directives(to_chase)[0].id
    url = database.obj.target.display()  # type: ignore[union-attr]
    done = subprocess.run(
        [sys.executable, "-P", "-c", OTHER_CLIENT, url, str(target)],
        capture_output=True, text=True, check=True,
    )
    committed = float(done.stdout.strip())
    qtbot.waitUntil(lambda: window.chase_directives.rowCount() == before - 1, timeout=3000)
    arrived = time.time()
    assert arrived - committed < 1.0
    assert queries.count_directives(to_chase) == before - 1


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_own_saves_are_not_announced_back(qtbot, window) -> None:  # noqa: ANN001
    """This window's own write reaches the views once (through its bus), not again
    through the server's announcement."""
    from tracker import services

    seen = []
    window.bus.changed.connect(seen.append)
    target = queries.list_directives()[0].id
    window.bus.run(services.mark_done, directive_ids=[target], on=window._as_of)
    qtbot.wait(300)  # the NOTIFY, if it were not skipped, is here by now
    assert len(seen) == 1


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_read_only_login_opens_read_only(qtbot, sample_db, pg_server) -> None:  # noqa: ANN001
    """A login with SELECT only: the window opens, says it is read-only and its write
    actions are disabled."""
    from PySide6.QtWidgets import QLabel

    from tracker.store.db import close_db, open_db
    from ui.main_window.window import MainWindow

    from .conftest import AS_OF

    url = str(sample_db)
    dbname = url.rsplit("/", 1)[1]
    pg_server.sql("DO $$ BEGIN CREATE ROLE chi_xem LOGIN; EXCEPTION WHEN duplicate_object "
                  "THEN NULL; END $$")
    pg_server.sql("GRANT SELECT ON ALL TABLES IN SCHEMA public TO chi_xem", dbname)
    close_db()
    open_db(pg_server.url(dbname, user="chi_xem"))
    w = MainWindow(as_of=AS_OF)
    qtbot.addWidget(w)
    banner = w.findChild(QLabel, "readOnlyBanner")
    assert banner is not None and "Chỉ xem" in banner.text()
    assert not w.actions.mark_done_today.isEnabled() and not w.actions.new_meeting.isEnabled()
    assert w.meeting_model.total > 0  # it reads
    w.actions.mark_done_today.setEnabled(True)  # a selection change re-enabling it
    assert not w.actions.mark_done_today.isEnabled()
