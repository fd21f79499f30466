"""Undo and redo through tracker.undo: the records put back exactly, and never over a
change another window (another process) made since; a locked file is a plain message."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.big_files import long_trials
from tracker import exchange, queries, services, undo
from tracker.drafts import DirectiveDraft, MeetingDraft
from tracker.errors import DatabaseBusyError, StaleEditError, TrackerError
from tracker.queries import DirectiveFilter
from tracker.rows import Status
from tracker.store.db import open_db
from tracker.store.models import Directive, HistoryEntry, Meeting

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("safety_worker.py")


def other_window(*args: str) -> str:
    """Run one change in another process on the same file; its last output line."""
    done = subprocess.run(
        [sys.executable, str(WORKER), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def without_versions(snapshot: dict) -> dict:
    out = {k: v for k, v in snapshot.items() if k != "version"}
    if "directives" in out:
        out["directives"] = [without_versions(d) for d in out["directives"]]
    return out


def first_ids() -> tuple[int, int]:
    """The sample meeting's id and its first directive's id."""
    mid = Meeting.select(Meeting.id).scalar()
    return mid, queries.directive_ids(DirectiveFilter())[0]


def retitle(mid: int, title: str) -> tuple[undo.State, object, undo.State]:
    m = Meeting.get_by_id(mid)
    return undo.record(
        lambda: services.update_meeting(
            meeting_id=mid,
            meeting=MeetingDraft(held_on=m.held_on, title=title),
            expected_version=m.version,
        ),
        headers=[mid],
    )


def test_undo_of_a_title_edit_keeps_another_windows_done(sample_db: Path) -> None:
    """The outside report's case: A edits the title, B (another process) marks a directive
    of that meeting done, A undoes: the title goes back, B's done and history stay."""
    mid, did = first_ids()
    old_title = Meeting.get_by_id(mid).title
    before, _, after = retitle(mid, "Tiêu đề sửa")
    assert other_window("done", str(sample_db), str(did), "Xong việc B") == "DONE {}"
    b_version = Directive.get_by_id(did).version
    undo.put_back(before, after)
    assert Meeting.get_by_id(mid).title == old_title
    assert queries.directive(did).status is Status.DONE
    assert Directive.get_by_id(did).version == b_version
    assert HistoryEntry.select().where(HistoryEntry.text.contains("Xong việc B")).count() == 1


def test_stale_undo_is_refused_and_other_windows_work_is_kept(sample_db: Path) -> None:
    """A edits a directive, B marks it done, A undoes: refused with the stale message,
    nothing written; B's status, note, history entry and version are intact."""
    _, did = first_ids()
    d = Directive.get_by_id(did)
    leads = tuple(o.organization_id for o in queries.directive(did).leads)
    before, _, after = undo.record(
        lambda: services.update_directive(
            directive_id=did,
            directive=DirectiveDraft(content="Nội dung A sửa", lead_ids=leads),
            expected_version=d.version,
        ),
        directives=[did],
    )
    assert other_window("done", str(sample_db), str(did), "Kết quả của B") == "DONE {}"
    kept = exchange.snapshot_directive(did)
    with pytest.raises(StaleEditError, match=r"Không hoàn tác được.*đã được \S+ thay đổi"):
        undo.put_back(before, after)
    assert exchange.snapshot_directive(did) == kept
    assert queries.directive(did).status is Status.DONE
    assert queries.directive(did).content == "Nội dung A sửa"


def test_stale_undo_of_a_title_edit_is_refused(sample_db: Path) -> None:
    """A and B both rename the meeting; A's undo would throw B's title away: refused."""
    mid, _ = first_ids()
    before, _, after = retitle(mid, "Tiêu đề A")
    assert other_window("title", str(sample_db), str(mid), "Tiêu đề B") == "RENAMED {}"
    version = Meeting.get_by_id(mid).version
    with pytest.raises(StaleEditError):
        undo.put_back(before, after)
    assert (Meeting.get_by_id(mid).title, Meeting.get_by_id(mid).version) == ("Tiêu đề B", version)


def test_redo_of_a_meeting_over_an_id_taken_since_is_refused(
    sample_db: Path, backend: str
) -> None:
    """A logs a meeting and undoes it; B logs one, which SQLite gives the same id; A's redo
    must not delete B's meeting: refused, B's meeting intact."""
    if backend == "postgresql":
        pytest.skip("PostgreSQL's id sequences never give a deleted meeting's id to another")
    before, changes, after = undo.record(
        lambda: services.log_meeting(
            meeting=MeetingDraft(held_on=date(2021, 9, 1), title="Của A"),
            directives=[DirectiveDraft(content="Việc A", lead_ids=(1,))],
        ),
        created="meeting",
    )
    new_id = changes.created_id
    _, before = undo.put_back(before, after)
    assert Meeting.get_or_none(Meeting.id == new_id) is None
    services.log_meeting(meeting=MeetingDraft(held_on=date(2021, 9, 2), title="Của B"))
    assert Meeting.get_by_id(new_id).title == "Của B"
    with pytest.raises(StaleEditError):
        undo.put_back(after, before, undoing=False)
    assert Meeting.get_by_id(new_id).title == "Của B"


def test_undo_and_redo_a_chain_of_steps_on_one_directive(sample_db: Path) -> None:
    """Two steps on one directive undo in turn and redo in turn; versions only grow."""
    _, did = first_ids()
    start = exchange.snapshot_directive(did)
    b1, _, a1 = undo.record(
        lambda: services.add_note(directive_id=did, text="Một"), directives=[did]
    )
    b2, _, a2 = undo.record(
        lambda: services.mark_done(directive_ids=[did], note="Hai"), directives=[did]
    )
    seen = [Directive.get_by_id(did).version]
    _, b2 = undo.put_back(b2, a2)
    seen.append(Directive.get_by_id(did).version)
    _, b1 = undo.put_back(b1, a1)
    seen.append(Directive.get_by_id(did).version)
    assert without_versions(exchange.snapshot_directive(did)) == without_versions(start)
    _, a1 = undo.put_back(a1, b1, undoing=False)
    _, a2 = undo.put_back(a2, b2, undoing=False)
    seen.append(Directive.get_by_id(did).version)
    assert queries.directive(did).status is Status.DONE
    assert seen == sorted(set(seen)), "a version was reused"


def test_undo_on_a_locked_file_is_a_plain_busy_message(tmp_path: Path) -> None:
    """Another process holds the write lock: DatabaseBusyError in Vietnamese, nothing
    written; once the lock is gone the same undo works."""
    path = tmp_path / "giaoban.sqlite3"
    open_db(str(path), busy_timeout_ms=200)
    from tracker.seeding import load_sample

    load_sample()
    _, did = first_ids()
    before, _, after = undo.record(
        lambda: services.mark_done(directive_ids=[did]), directives=[did]
    )
    holder = subprocess.Popen(
        [sys.executable, str(WORKER), "hold", str(path), "1.5"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert holder.stdout is not None and holder.stdout.readline().startswith("LOCKED")
    with pytest.raises(DatabaseBusyError, match="chương trình khác"):
        undo.put_back(before, after)
    assert queries.directive(did).status is Status.DONE
    holder.communicate(timeout=30)
    undo.put_back(before, after)
    assert queries.directive(did).status is not Status.DONE


def test_deleted_meeting_comes_back_whole(sample_db: Path) -> None:
    """Undoing a meeting's deletion puts back its directives, owners and history, same ids."""
    mid, _ = first_ids()
    snap = exchange.snapshot_meeting(mid)
    before, _, after = undo.record(
        lambda: services.delete_meeting(meeting_id=mid), meetings=[mid]
    )
    assert Directive.select().count() == 0
    changes, _ = undo.put_back(before, after)
    assert changes.meeting_ids == {mid} and len(changes.directive_ids) == 11
    restored = exchange.snapshot_meeting(mid)
    assert without_versions(restored) == without_versions(snap)
    assert restored["version"] > snap["version"]
    assert queries.count_directives(DirectiveFilter(search="bau cu")) == 2


def test_redo_of_a_deletion_refuses_when_a_directive_was_added_since(sample_db: Path) -> None:
    """Undo a meeting's deletion, B adds a directive to it: redoing the deletion would
    delete B's directive too, so it is refused."""
    mid, _ = first_ids()
    before, _, after = undo.record(
        lambda: services.delete_meeting(meeting_id=mid), meetings=[mid]
    )
    _, before = undo.put_back(before, after)
    services.add_directive(meeting_id=mid, directive=DirectiveDraft(content="Mới", lead_ids=(1,)))
    with pytest.raises(StaleEditError):
        undo.put_back(after, before, undoing=False)
    assert queries.count_directives() == 12


def test_undo_naming_a_deleted_organization_is_a_plain_error(db_path: Path) -> None:
    """Undoing onto an organization deleted since: a plain message, nothing written."""
    org_id = services.add_organization(name="Hội Người cao tuổi tỉnh", short_name="Hội NCT")
    assert org_id.created_id is not None
    meeting = services.log_meeting(
        meeting=MeetingDraft(held_on=date(2021, 4, 1), title="Giao ban"),
        directives=[DirectiveDraft(content="Tổng kết phong trào", lead_ids=(org_id.created_id,))],
    )
    did = next(iter(meeting.directive_ids))
    before, _, after = undo.record(
        lambda: services.delete_directive(directive_id=did), directives=[did]
    )
    services.delete_organization(organization_id=org_id.created_id)
    with pytest.raises(TrackerError, match="Không hoàn tác được"):
        undo.put_back(before, after)
    assert queries.count_directives() == 0


UNDO_TRIALS = 60 if long_trials() else 6


def _a_step(kind: str, trial: int, mid: int, did: int) -> tuple[undo.State, undo.State]:
    """One step of this window, recorded for undo: its states before and after."""
    if kind == "title":
        before, _, after = retitle(mid, f"Tiêu đề A{trial}")
        return before, after
    leads = tuple(o.organization_id for o in queries.directive(did).leads)
    version = Directive.get_by_id(did).version
    actions = {
        "edit": lambda: services.update_directive(
            directive_id=did,
            directive=DirectiveDraft(content=f"Sửa lần {trial}", lead_ids=leads),
            expected_version=version,
        ),
        "done": lambda: services.mark_done(directive_ids=[did]),
        "note": lambda: services.add_note(directive_id=did, text=f"A{trial}"),
    }
    before, _, after = undo.record(actions[kind], directives=[did])
    return before, after


def test_undo_against_another_process_never_loses_its_work(sample_db: Path) -> None:
    """Trials: this window takes a step (edit, done, note, title), another process then
    changes the same directive or meeting, and the step is undone: either refused as
    stale (nothing written) or, where the step does not cover B's change (a title edit
    against B's done), done; B's work is always still there."""
    rng = random.Random(3)
    refused = undone = lost = 0
    mid = Meeting.select(Meeting.id).scalar()
    ids = queries.directive_ids(DirectiveFilter())
    for trial in range(UNDO_TRIALS):
        did = rng.choice(ids)
        step = rng.choice(["done", "edit", "note", "title"])
        before, after = _a_step(step, trial, mid, did)
        other = rng.choice(["done", "note", "title"])
        mark = f"B{trial}"
        target = mid if other == "title" else did
        other_window(other, str(sample_db), str(target), mark)
        try:
            undo.put_back(before, after)
            undone += 1
        except StaleEditError:
            refused += 1
        kept = (
            Meeting.get_by_id(mid).title == mark
            if other == "title"
            else HistoryEntry.select().where(HistoryEntry.text.contains(mark)).exists()
        )
        if not kept:
            lost += 1
        assert kept, f"trial {trial}: undo of {step} lost the other process's {other}"
    print(
        f"\nFIGURES undo-race: {UNDO_TRIALS} trials (a step here, a change by another process, "
        f"then undo): {refused} refused as stale, {undone} undone without touching the other "
        f"change, data lost: {lost}"
    )


BOTH_BACKENDS = True  # conftest: each test on SQLite and on PostgreSQL
