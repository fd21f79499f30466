"""Tests of tracker.services: every write, its validation, its transaction and
the Changes it returns, checked against the database afterwards."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker import queries, services
from tracker.changes import Changes
from tracker.drafts import DirectiveDraft, MeetingDraft
from tracker.errors import InUseError, NotFoundError, StaleEditError, ValidationError
from tracker.quarters import Quarter
from tracker.rows import HistoryKind, Role, Status
from tracker.settings import ReportSettings, SignerCapacity
from tracker.status import derive_status
from tracker.store.models import (
    Assignment,
    Directive,
    DirectiveTopic,
    Extension,
    HistoryEntry,
    Meeting,
    MeetingAttendee,
    Organization,
)

HELD = date(2021, 4, 1)
Q1, Q2, Q3, Q4 = (Quarter(2021, n) for n in range(1, 5))
GROUP = "MTTQ và các đoàn thể"


def org_ids() -> dict[str, int]:
    return {o.short_name: o.id for o in queries.list_organizations()}


def group_ids() -> tuple[int, ...]:
    return queries.find_owner_ids(GROUP)


def draft(
    content: str = "Nội dung", *, leads: tuple[int, ...] | None = None, **kw
) -> DirectiveDraft:
    return DirectiveDraft(content=content, lead_ids=leads or (org_ids()["BDV"],), **kw)


def new_meeting(*directives: DirectiveDraft, held_on: date = HELD, **kw) -> int:
    changes = services.log_meeting(
        meeting=MeetingDraft(held_on=held_on, title=kw.pop("title", "Giao ban quý I-2021"), **kw),
        directives=directives,
        today=held_on,
    )
    assert changes.created_id is not None
    return changes.created_id


def directive_ids_of(meeting_id: int) -> list[int]:
    return [
        d.id
        for d in Directive.select()
        .where(Directive.meeting == meeting_id)
        .order_by(Directive.position)
    ]


def lead_statuses(directive_id: int) -> dict[int, tuple[str, date | None]]:
    return {
        a.organization_id: (a.status, a.done_on)
        for a in Assignment.select().where(
            (Assignment.directive == directive_id) & (Assignment.role == "lead")
        )
    }


def cached(directive_id: int) -> tuple[str, date | None]:
    d = Directive.get_by_id(directive_id)
    return d.status, d.done_on


def history_kinds(directive_id: int) -> list[str]:
    return [h.kind for h in queries.history(directive_id)]


# --- log_meeting ----------------------------------------------------------------------------


def test_log_meeting_saves_meeting_directives_and_owners(db_path: Path) -> None:
    """log_meeting stores the meeting, its directives in order, owners and topics."""
    ids = org_ids()
    changes = services.log_meeting(
        meeting=MeetingDraft(
            held_on=HELD,
            title="  Giao ban   quý I-2021 ",
            chair_name="Lê Quốc Chỉnh",
            attendee_ids=(ids["MTTQ"], ids["BDV"]),
            reviewed_quarter=Q1,
        ),
        directives=[
            draft(
                "Thứ nhất", leads=group_ids(), support_ids=(ids["BDV"],), due=Q2, topics=("Bầu cử",)
            ),
            draft("Thứ hai", due=None),
        ],
        today=HELD,
    )
    m = Meeting.get_by_id(changes.created_id)
    assert m.title == "Giao ban quý I-2021"  # cleaned
    assert m.reviewed_quarter == "2021-Q1"
    assert {a.organization_id for a in MeetingAttendee.select()} == {ids["MTTQ"], ids["BDV"]}
    dids = directive_ids_of(m.id)
    assert changes == Changes(
        meeting_ids=frozenset({m.id}), directive_ids=frozenset(dids), created_id=m.id
    )
    first, second = (Directive.get_by_id(i) for i in dids)
    assert (first.position, first.content, first.due_quarter, first.original_due) == (
        1,
        "Thứ nhất",
        "2021-Q2",
        "2021-Q2",
    )
    assert (second.position, second.due_quarter) == (2, None)
    assert len(lead_statuses(first.id)) == 6
    assert queries.directive(first.id).topics == ("Bầu cử",)
    assert history_kinds(first.id) == ["created"]


def test_log_meeting_bad_third_directive_writes_nothing(db_path: Path) -> None:
    """A bad third directive: no meeting and no directive is saved."""
    with pytest.raises(ValidationError) as err:
        services.log_meeting(
            meeting=MeetingDraft(held_on=HELD, title="Giao ban"),
            directives=[draft("Một"), draft("Hai"), draft("   ")],
        )
    assert err.value.field == "content"
    assert "Nội dung chỉ đạo không được để trống" in str(err.value)
    assert Meeting.select().count() == 0
    assert Directive.select().count() == 0
    assert HistoryEntry.select().count() == 0


def test_log_meeting_failure_while_writing_rolls_back(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure after the directives are written rolls back the whole meeting."""
    real = services._insert_new_directives

    def failing(*args, **kwargs):
        real(*args, **kwargs)
        assert Directive.select().count() == 3  # written, then the failure
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(services, "_insert_new_directives", failing)
    with pytest.raises(RuntimeError):
        new_meeting(draft("Một"), draft("Hai"), draft("Ba"))
    assert Meeting.select().count() == 0
    assert Directive.select().count() == 0
    assert Assignment.select().count() == 0


def test_directive_without_lead_is_refused(db_path: Path) -> None:
    """A directive with no responsible organization is refused, field "leads"."""
    with pytest.raises(ValidationError) as err:
        services.log_meeting(
            meeting=MeetingDraft(held_on=HELD, title="Giao ban"),
            directives=[DirectiveDraft(content="Nội dung", lead_ids=())],
        )
    assert err.value.field == "leads"
    assert "chủ trì" in str(err.value)
    assert Meeting.select().count() == 0


@pytest.mark.parametrize("where", ["leads", "supports"])
def test_unknown_organization_id_is_refused(db_path: Path, where: str) -> None:
    """An organization id that does not exist is refused with its number, nothing saved."""
    kw = {"lead_ids": (999,)} if where == "leads" else {"lead_ids": (1,), "support_ids": (999,)}
    with pytest.raises(ValidationError) as err:
        services.log_meeting(
            meeting=MeetingDraft(held_on=HELD, title="Giao ban"),
            directives=[DirectiveDraft(content="Nội dung", **kw)],
        )
    assert err.value.field == where
    assert "999" in str(err.value)
    assert Meeting.select().count() == 0


def test_unknown_attendee_is_refused(db_path: Path) -> None:
    """An unknown attending organization is refused, field "attendees"."""
    with pytest.raises(ValidationError) as err:
        services.log_meeting(meeting=MeetingDraft(held_on=HELD, title="G", attendee_ids=(42,)))
    assert err.value.field == "attendees"
    assert Meeting.select().count() == 0


@pytest.mark.parametrize(
    ("held_on", "words"),
    [
        (date.today() + timedelta(days=400), "tương lai"),
        (date(1944, 12, 31), "1945"),
    ],
)
def test_implausible_meeting_date_is_refused(db_path: Path, held_on: date, words: str) -> None:
    """A meeting date far in the future or before 1945 is refused, field "held_on"."""
    with pytest.raises(ValidationError, match=words) as err:
        services.log_meeting(meeting=MeetingDraft(held_on=held_on, title="Giao ban"))
    assert err.value.field == "held_on"
    assert Meeting.select().count() == 0


def test_meeting_date_in_1945_and_next_month_accepted(db_path: Path) -> None:
    """The earliest allowed date and a date a month ahead are accepted."""
    new_meeting(held_on=date(1945, 1, 1))
    new_meeting(held_on=date.today() + timedelta(days=30))
    assert Meeting.select().count() == 2


def test_empty_title_is_refused(db_path: Path) -> None:
    """A blank title is refused, field "title"."""
    with pytest.raises(ValidationError, match="Tiêu đề không được để trống") as err:
        services.log_meeting(meeting=MeetingDraft(held_on=HELD, title=" \t "))
    assert err.value.field == "title"
    assert Meeting.select().count() == 0


def test_too_long_content_is_refused(db_path: Path) -> None:
    """Content over the limit is refused, field "content"."""
    with pytest.raises(ValidationError, match="quá dài") as err:
        new_meeting(draft("x" * (services.MAX_CONTENT + 1)))
    assert err.value.field == "content"


def test_duplicate_and_overlapping_owners_are_collapsed(db_path: Path) -> None:
    """A lead named twice is one assignment; a lead also given as support stays a lead."""
    ids = org_ids()
    mid = new_meeting(
        draft(leads=(ids["MTTQ"], ids["MTTQ"], ids["BDV"]), support_ids=(ids["BDV"], ids["Hội ND"]))
    )
    (did,) = directive_ids_of(mid)
    roles = {
        a.organization_id: a.role for a in Assignment.select().where(Assignment.directive == did)
    }
    assert roles == {ids["MTTQ"]: "lead", ids["BDV"]: "lead", ids["Hội ND"]: "support"}


# --- update / delete meeting ----------------------------------------------------------------


def test_update_meeting_changes_header_and_bumps_version(db_path: Path) -> None:
    """update_meeting rewrites the header and attendees and bumps the version."""
    ids = org_ids()
    mid = new_meeting(draft("Một"), attendee_ids=(ids["MTTQ"],))
    changes = services.update_meeting(
        meeting_id=mid,
        meeting=MeetingDraft(
            held_on=date(2021, 4, 2),
            title="Giao ban đã sửa",
            chair_position="Trưởng Ban Dân vận",
            attendee_ids=(ids["BDV"], ids["Hội ND"]),
            notice_ref="12-TB/TU",
        ),
        expected_version=1,
    )
    # The date moved, and with it the directive's "Giao nhiệm vụ" entry.
    assert changes == Changes(
        meeting_ids=frozenset({mid}), directive_ids=frozenset(directive_ids_of(mid))
    )
    row = queries.meeting(mid)
    assert (row.held_on, row.title, row.chair_position, row.notice_ref, row.version) == (
        date(2021, 4, 2),
        "Giao ban đã sửa",
        "Trưởng Ban Dân vận",
        "12-TB/TU",
        2,
    )
    assert row.attendee_names == ("Hội ND", "BDV")
    assert row.directive_count == 1
    assert Meeting.get_by_id(mid).title_folded == "giao ban da sua"


def test_update_meeting_with_stale_version_changes_nothing(db_path: Path) -> None:
    """An edit made on an old version raises StaleEditError and saves nothing."""
    mid = new_meeting()
    services.update_meeting(meeting_id=mid, meeting=MeetingDraft(held_on=HELD, title="Hai"))
    with pytest.raises(StaleEditError):
        services.update_meeting(
            meeting_id=mid, meeting=MeetingDraft(held_on=HELD, title="Ba"), expected_version=1
        )
    assert Meeting.get_by_id(mid).title == "Hai"
    assert Meeting.get_by_id(mid).version == 2


def test_update_unknown_meeting_is_not_found(db_path: Path) -> None:
    """Editing a meeting id that does not exist raises NotFoundError."""
    with pytest.raises(NotFoundError, match="123"):
        services.update_meeting(meeting_id=123, meeting=MeetingDraft(held_on=HELD, title="X"))


def test_delete_meeting_cascades(db_path: Path) -> None:
    """Deleting a meeting removes its directives, assignments, topics, extensions, history."""
    ids = org_ids()
    keep = new_meeting(draft("Giữ lại", due=Q2), title="Khác")
    mid = new_meeting(
        draft("Bầu cử đại biểu", leads=group_ids(), due=Q2, topics=("Bầu cử",)),
        draft("Hai", due=Q2),
        attendee_ids=(ids["MTTQ"],),
    )
    first, second = directive_ids_of(mid)
    services.extend_deadline(directive_id=first, new_due=Q3, reason="Chờ", on=date(2021, 6, 1))
    services.add_note(directive_id=second, text="Đang làm", on=date(2021, 5, 1))
    changes = services.delete_meeting(meeting_id=mid)
    assert changes.meeting_ids == {mid}
    assert changes.directive_ids == {first, second}
    assert not Meeting.select().where(Meeting.id == mid).exists()
    for model, column in (
        (Directive, Directive.id),
        (Assignment, Assignment.directive),
        (DirectiveTopic, DirectiveTopic.directive),
        (Extension, Extension.directive),
        (HistoryEntry, HistoryEntry.directive),
    ):
        assert not model.select().where(column.in_([first, second])).exists(), model
    assert not MeetingAttendee.select().where(MeetingAttendee.meeting == mid).exists()
    assert queries.count_directives(queries.DirectiveFilter(search="bầu cử")) == 0
    assert directive_ids_of(keep) and Directive.select().count() == 1


# --- directives -----------------------------------------------------------------------------


def test_add_directive_appends_at_the_end(db_path: Path) -> None:
    """add_directive numbers the new directive after the last one."""
    mid = new_meeting(draft("Một"), draft("Hai"))
    changes = services.add_directive(meeting_id=mid, directive=draft("Ba"), today=HELD)
    assert changes.meeting_ids == {mid} and changes.directive_ids == {changes.created_id}
    assert Directive.get_by_id(changes.created_id).position == 3
    assert [Directive.get_by_id(i).content for i in directive_ids_of(mid)] == ["Một", "Hai", "Ba"]


def test_add_directive_to_unknown_meeting(db_path: Path) -> None:
    """Adding to a meeting that does not exist raises NotFoundError and saves nothing."""
    with pytest.raises(NotFoundError):
        services.add_directive(meeting_id=77, directive=draft())
    assert Directive.select().count() == 0


def test_update_directive_keeps_progress_of_remaining_leads(db_path: Path) -> None:
    """Editing owners keeps the status of leads that stay and drops removed ones."""
    ids = org_ids()
    mid = new_meeting(draft("Cũ", leads=(ids["MTTQ"], ids["Hội ND"]), due=Q2))
    (did,) = directive_ids_of(mid)
    services.mark_done(directive_ids=[did], organization_id=ids["MTTQ"], on=date(2021, 5, 1))
    changes = services.update_directive(
        directive_id=did,
        directive=draft(
            "Mới", leads=(ids["MTTQ"], ids["BDV"]), support_ids=(ids["Hội ND"],), due=Q3
        ),
        expected_version=2,
        today=date(2021, 5, 2),
    )
    assert changes == Changes(meeting_ids=frozenset({mid}), directive_ids=frozenset({did}))
    row = queries.directive(did)
    assert row.content == "Mới" and row.due == Q3 and row.original_due == Q3  # a correction
    assert row.version == 3
    assert lead_statuses(did) == {
        ids["MTTQ"]: ("done", date(2021, 5, 1)),
        ids["BDV"]: ("open", None),
    }
    assert row.status is Status.IN_PROGRESS
    assert [(o.short_name, o.role) for o in row.owners] == [
        ("MTTQ", Role.LEAD),
        ("BDV", Role.LEAD),
        ("Hội ND", Role.SUPPORT),
    ]
    assert history_kinds(did) == ["created", "status", "edited"]


def test_update_directive_stale_version(db_path: Path) -> None:
    """Editing a directive someone else changed raises StaleEditError; content stays."""
    (did,) = directive_ids_of(new_meeting(draft("Gốc")))
    services.add_note(directive_id=did, text="Tiến độ")  # bumps the version
    with pytest.raises(StaleEditError):
        services.update_directive(directive_id=did, directive=draft("Sửa"), expected_version=1)
    assert Directive.get_by_id(did).content == "Gốc"


def test_update_directive_after_extension_keeps_original_due(db_path: Path) -> None:
    """Correcting the deadline of an extended directive keeps its original deadline."""
    (did,) = directive_ids_of(new_meeting(draft(due=Q2)))
    services.extend_deadline(directive_id=did, new_due=Q3, reason="Chậm", on=date(2021, 6, 1))
    services.update_directive(directive_id=did, directive=draft(due=Q4))
    d = Directive.get_by_id(did)
    assert (d.due_quarter, d.original_due) == ("2021-Q4", "2021-Q2")


def test_delete_directive_cascades_and_keeps_others(db_path: Path) -> None:
    """Deleting a directive removes its follow-up; the meeting's other directives stay."""
    mid = new_meeting(draft("Một", leads=group_ids()), draft("Hai"), draft("Ba"))
    one, two, three = directive_ids_of(mid)
    services.add_note(directive_id=two, text="Ghi chú")
    changes = services.delete_directive(directive_id=two)
    assert changes == Changes(meeting_ids=frozenset({mid}), directive_ids=frozenset({two}))
    assert directive_ids_of(mid) == [one, three]
    assert not Assignment.select().where(Assignment.directive == two).exists()
    assert not HistoryEntry.select().where(HistoryEntry.directive == two).exists()
    assert queries.meeting(mid).directive_count == 2
    with pytest.raises(NotFoundError):
        services.delete_directive(directive_id=two)


@pytest.mark.parametrize(
    ("new_position", "order"),
    [(1, "CAB"), (2, "ACB"), (3, "ABC"), (0, "CAB"), (99, "ABC")],
)
def test_move_directive(db_path: Path, new_position: int, order: str) -> None:
    """move_directive renumbers 1..n with the moved one at the (clamped) new place."""
    mid = new_meeting(draft("A"), draft("B"), draft("C"))
    c = directive_ids_of(mid)[2]
    changes = services.move_directive(directive_id=c, new_position=new_position)
    assert changes.meeting_ids == {mid}
    assert "".join(Directive.get_by_id(i).content for i in directive_ids_of(mid)) == order
    assert [Directive.get_by_id(i).position for i in directive_ids_of(mid)] == [1, 2, 3]


# --- status ---------------------------------------------------------------------------------


def test_per_organization_status_derives_directive_status(db_path: Path) -> None:
    """One lead done: in progress; every lead done: done, dated by the latest."""
    ids = org_ids()
    (did,) = directive_ids_of(new_meeting(draft(leads=group_ids(), due=Q2)))
    services.mark_done(
        directive_ids=[did], organization_id=ids["Hội ND"], on=date(2021, 6, 10), note="Xong"
    )
    assert cached(did) == ("in_progress", None)
    assert lead_statuses(did)[ids["Hội ND"]] == ("done", date(2021, 6, 10))
    others = [i for i in group_ids() if i != ids["Hội ND"]]
    for n, org in enumerate(others):
        assert cached(did)[0] == "in_progress"
        services.mark_done(directive_ids=[did], organization_id=org, on=date(2021, 5, 1 + n))
    assert cached(did) == ("done", date(2021, 6, 10))
    notes = Assignment.get(
        (Assignment.directive == did) & (Assignment.organization == ids["Hội ND"])
    ).result_note
    assert notes == "Xong"
    entries = [h for h in queries.history(did) if h.kind is HistoryKind.STATUS]
    assert len(entries) == 6
    assert entries[-1].organization_short_name == "Hội ND"  # latest date last
    assert "Hoàn thành (10/06/2021): Xong" in entries[-1].text


def test_in_progress_for_one_lead(db_path: Path) -> None:
    """Setting one lead in progress makes the directive in progress."""
    ids = org_ids()
    (did,) = directive_ids_of(new_meeting(draft(leads=group_ids())))
    services.set_status(directive_ids=[did], status=Status.IN_PROGRESS, organization_id=ids["MTTQ"])
    assert cached(did) == ("in_progress", None)


def test_mark_done_for_all_leads_leaves_supports(db_path: Path) -> None:
    """Marking a directive done marks every lead done; supports keep no status."""
    ids = org_ids()
    mid = new_meeting(
        draft("Một", leads=group_ids(), support_ids=(ids["BDV"],), due=Q2), draft("Hai", due=Q2)
    )
    one, two = directive_ids_of(mid)
    changes = services.mark_done(directive_ids=[one, two], on=date(2021, 6, 30), note="Đạt")
    assert changes == Changes(meeting_ids=frozenset({mid}), directive_ids=frozenset({one, two}))
    assert set(lead_statuses(one).values()) == {("done", date(2021, 6, 30))}
    support = Assignment.get((Assignment.directive == one) & (Assignment.role == "support"))
    assert (support.status, support.done_on) == ("open", None)
    assert cached(one) == cached(two) == ("done", date(2021, 6, 30))
    assert Directive.get_by_id(one).version == 2
    assert queries.meeting(mid).done_count == 2


def test_reopen_all_and_one(db_path: Path) -> None:
    """reopen of one lead makes a done directive in progress; reopen of all makes it open."""
    ids = org_ids()
    (did,) = directive_ids_of(new_meeting(draft(leads=(ids["MTTQ"], ids["BDV"]), due=Q2)))
    services.mark_done(directive_ids=[did], on=date(2021, 5, 5))
    services.reopen(directive_ids=[did], organization_id=ids["BDV"])
    assert cached(did) == ("in_progress", None)
    assert lead_statuses(did)[ids["BDV"]] == ("open", None)
    services.reopen(directive_ids=[did])
    assert cached(did) == ("open", None)
    assert set(lead_statuses(did).values()) == {("open", None)}
    assert queries.history(did)[-1].text.startswith("Mở lại")


def test_cancel_all_and_one(db_path: Path) -> None:
    """Cancelling every lead cancels the directive; a cancelled lead is ignored for done."""
    ids = org_ids()
    mid = new_meeting(draft("A", leads=(ids["MTTQ"], ids["BDV"])), draft("B"))
    a, b = directive_ids_of(mid)
    services.cancel(directive_ids=[b], reason="Không còn phù hợp")
    assert cached(b) == ("cancelled", None)
    assert queries.history(b)[-1].text == "Hủy: Không còn phù hợp"
    services.cancel(directive_ids=[a], organization_id=ids["BDV"])
    assert cached(a) == ("open", None)
    services.mark_done(directive_ids=[a], organization_id=ids["MTTQ"], on=date(2021, 5, 2))
    assert cached(a) == ("done", date(2021, 5, 2))


def test_done_before_meeting_is_refused_for_the_whole_batch(db_path: Path) -> None:
    """A done date before a directive's meeting is refused; no directive in the call changes."""
    early = new_meeting(draft("Sớm"), held_on=date(2021, 1, 5))
    late = new_meeting(draft("Muộn"), held_on=HELD)
    (a,), (b,) = directive_ids_of(early), directive_ids_of(late)
    with pytest.raises(ValidationError, match="trước ngày giao ban") as err:
        services.mark_done(directive_ids=[a, b], on=date(2021, 3, 1))
    assert err.value.field == "done_on"
    assert cached(a) == cached(b) == ("open", None)
    assert history_kinds(a) == ["created"]


def test_done_on_the_meeting_day_is_accepted(db_path: Path) -> None:
    """A task done on the day of the meeting is accepted."""
    (did,) = directive_ids_of(new_meeting(draft()))
    services.mark_done(directive_ids=[did], on=HELD)
    assert cached(did) == ("done", HELD)


def test_status_for_an_organization_that_is_not_a_lead(db_path: Path) -> None:
    """Setting the status of a supporting or unknown organization is refused."""
    ids = org_ids()
    (did,) = directive_ids_of(new_meeting(draft(leads=(ids["MTTQ"],), support_ids=(ids["BDV"],))))
    with pytest.raises(ValidationError, match="BDV không phải cơ quan chủ trì") as err:
        services.mark_done(directive_ids=[did], organization_id=ids["BDV"], on=HELD)
    assert err.value.field == "organization"
    with pytest.raises(NotFoundError):
        services.mark_done(directive_ids=[did], organization_id=999, on=HELD)
    assert cached(did) == ("open", None)


def test_status_of_unknown_directive(db_path: Path) -> None:
    """Setting the status of a directive id that does not exist raises NotFoundError."""
    with pytest.raises(NotFoundError, match="4242"):
        services.mark_done(directive_ids=[4242], on=HELD)


# --- notes and extensions -------------------------------------------------------------------


def test_add_note(db_path: Path) -> None:
    """add_note records the note with its organization and date; it becomes the latest note."""
    ids = org_ids()
    (did,) = directive_ids_of(new_meeting(draft(leads=group_ids())))
    changes = services.add_note(
        directive_id=did,
        text="Đã ban hành kế hoạch",
        organization_id=ids["MTTQ"],
        on=date(2021, 4, 20),
    )
    assert changes == Changes(
        meeting_ids=frozenset({Directive.get_by_id(did).meeting_id}), directive_ids=frozenset({did})
    )
    last = queries.history(did)[-1]
    assert (last.kind, last.happened_on, last.text, last.organization_short_name) == (
        HistoryKind.NOTE,
        date(2021, 4, 20),
        "Đã ban hành kế hoạch",
        "MTTQ",
    )
    assert queries.directive(did).latest_note == "Đã ban hành kế hoạch"
    assert Directive.get_by_id(did).status == "open"  # a note is not a status change


def test_add_note_refuses_empty_text_and_unknown_org(db_path: Path) -> None:
    """An empty note or an unknown organization is refused; nothing is recorded."""
    (did,) = directive_ids_of(new_meeting(draft()))
    with pytest.raises(ValidationError) as err:
        services.add_note(directive_id=did, text="  ")
    assert err.value.field == "note"
    with pytest.raises(NotFoundError):
        services.add_note(directive_id=did, text="Có", organization_id=999)
    assert history_kinds(did) == ["created"]


def test_extend_deadline_twice_remembers_original(db_path: Path) -> None:
    """Two extensions: the deadline moves, the original is kept, each is recorded."""
    (did,) = directive_ids_of(new_meeting(draft(due=Q2)))
    services.extend_deadline(
        directive_id=did, new_due=Q3, reason="Chờ hướng dẫn", on=date(2021, 6, 20)
    )
    changes = services.extend_deadline(
        directive_id=did, new_due=Q4, reason="Dịch bệnh", on=date(2021, 9, 25)
    )
    assert changes.directive_ids == {did}
    row = queries.directive(did)
    assert (row.due, row.original_due, row.extended) == (Q4, Q2, True)
    assert row.version == 3
    assert [
        (e.old_quarter, e.new_quarter, e.extended_on, e.reason)
        for e in Extension.select().where(Extension.directive == did).order_by(Extension.id)
    ] == [
        ("2021-Q2", "2021-Q3", date(2021, 6, 20), "Chờ hướng dẫn"),
        ("2021-Q3", "2021-Q4", date(2021, 9, 25), "Dịch bệnh"),
    ]
    texts = [h.text for h in queries.history(did) if h.kind is HistoryKind.EXTENSION]
    assert texts == [
        "Gia hạn từ Quý II-2021 đến Quý III-2021: Chờ hướng dẫn",
        "Gia hạn từ Quý III-2021 đến Quý IV-2021: Dịch bệnh",
    ]


@pytest.mark.parametrize("new_due", [Q2, Q1])
def test_extension_must_be_later(db_path: Path, new_due: Quarter) -> None:
    """An extension to the same or an earlier quarter is refused, field "due"."""
    (did,) = directive_ids_of(new_meeting(draft(due=Q2)))
    with pytest.raises(ValidationError, match="sau Quý II-2021") as err:
        services.extend_deadline(directive_id=did, new_due=new_due, reason="x")
    assert err.value.field == "due"
    assert Directive.get_by_id(did).due_quarter == "2021-Q2"
    assert Extension.select().count() == 0


def test_standing_directive_cannot_be_extended(db_path: Path) -> None:
    """A standing (thường xuyên) directive has no deadline to extend."""
    (did,) = directive_ids_of(new_meeting(draft(due=None)))
    with pytest.raises(ValidationError, match="thường xuyên"):
        services.extend_deadline(directive_id=did, new_due=Q3, reason="x")
    assert Directive.get_by_id(did).due_quarter is None


def test_extension_needs_a_reason(db_path: Path) -> None:
    """An extension without a reason is refused, field "reason"."""
    (did,) = directive_ids_of(new_meeting(draft(due=Q2)))
    with pytest.raises(ValidationError) as err:
        services.extend_deadline(directive_id=did, new_due=Q3, reason="")
    assert err.value.field == "reason"


# --- organizations --------------------------------------------------------------------------


def test_add_organization_goes_last(db_path: Path) -> None:
    """A new organization is added after the others, active."""
    changes = services.add_organization(name="Hội Chữ thập đỏ tỉnh", short_name="Hội CTĐ")
    rows = queries.list_organizations()
    assert rows[-1].id == changes.created_id
    assert (rows[-1].name, rows[-1].short_name, rows[-1].active) == (
        "Hội Chữ thập đỏ tỉnh",
        "Hội CTĐ",
        True,
    )
    assert changes.organization_ids == {changes.created_id}


@pytest.mark.parametrize(
    ("name", "short_name", "field"),
    [
        ("Ban Dân vận Tỉnh ủy", "X", "name"),
        ("BAN DÂN VẬN TỈNH ỦY", "X", "name"),
        ("ban dân vận tỉnh ủy", "X", "name"),
        ("Tổ chức mới", "bdv", "short_name"),
        ("Tổ chức mới", "HỘI ND", "short_name"),
        ("Tổ chức mới", "lđlđ tỉnh", "short_name"),  # Đ is not lowered by SQLite's lower()
        ("LIÊN ĐOÀN LAO ĐỘNG TỈNH", "X", "name"),
        ("liên đoàn lao động tỉnh", "X", "name"),
        ("Hoi Nong dan tinh", "X", "name"),  # same without diacritics: import would refuse it
        ("Tổ chức mới", "", "short_name"),
        ("", "X", "name"),
    ],
)
def test_add_organization_duplicate_or_empty_refused(
    db_path: Path, name: str, short_name: str, field: str
) -> None:
    """A name or short name already used (ignoring case and diacritics) or empty is refused."""
    before = Organization.select().count()
    with pytest.raises(ValidationError) as err:
        services.add_organization(name=name, short_name=short_name)
    assert err.value.field == field
    assert Organization.select().count() == before


def test_rename_organization(db_path: Path) -> None:
    """Renaming changes the name everywhere; the organization's own name may change case."""
    ids = org_ids()
    services.rename_organization(
        organization_id=ids["BDV"], name="Ban Tuyên giáo và Dân vận Tỉnh ủy", short_name="BTGDV"
    )
    services.rename_organization(
        organization_id=ids["BDV"], name="Ban Tuyên giáo và Dân vận tỉnh ủy", short_name="btgdv"
    )
    org = Organization.get_by_id(ids["BDV"])
    assert (org.name, org.short_name) == ("Ban Tuyên giáo và Dân vận tỉnh ủy", "btgdv")
    with pytest.raises(ValidationError) as err:
        services.rename_organization(organization_id=ids["BDV"], name="x", short_name="MTTQ")
    assert err.value.field == "short_name"
    with pytest.raises(NotFoundError):
        services.rename_organization(organization_id=999, name="a", short_name="b")


def test_reorder_organizations(db_path: Path) -> None:
    """The given organizations come first in that order, the rest keep theirs."""
    ids = org_ids()
    services.reorder_organizations(organization_ids=[ids["BDV"], ids["Hội CCB"]])
    assert [o.short_name for o in queries.list_organizations()] == [
        "BDV",
        "Hội CCB",
        "MTTQ",
        "LĐLĐ tỉnh",
        "Hội ND",
        "Tỉnh đoàn",
        "Hội LHPN",
    ]
    assert [o.position for o in queries.list_organizations()] == list(range(1, 8))


def test_deactivate_organization(db_path: Path) -> None:
    """A deactivated organization is left out of the active list but kept."""
    ids = org_ids()
    services.set_organization_active(organization_id=ids["Hội CCB"], active=False)
    active = [o.short_name for o in queries.list_organizations(include_inactive=False)]
    assert "Hội CCB" not in active and len(active) == 6
    assert not Organization.get_by_id(ids["Hội CCB"]).active
    services.set_organization_active(organization_id=ids["Hội CCB"], active=True)
    assert len(queries.list_organizations(include_inactive=False)) == 7


def test_delete_organization_in_use_is_refused(db_path: Path) -> None:
    """An organization used by a directive or as attendee cannot be deleted."""
    ids = org_ids()
    new_meeting(draft(leads=(ids["MTTQ"],)), attendee_ids=(ids["Hội ND"],))
    for short in ("MTTQ", "Hội ND"):
        with pytest.raises(InUseError, match="ngừng sử dụng"):
            services.delete_organization(organization_id=ids[short])
    assert Organization.select().count() == 7
    in_use = {o.short_name: o.in_use for o in queries.list_organizations()}
    assert in_use["MTTQ"] and in_use["Hội ND"] and not in_use["Hội CCB"]


def test_delete_unused_organization(db_path: Path) -> None:
    """An unused organization is deleted, and leaves the groups it was in."""
    ids = org_ids()
    changes = services.delete_organization(organization_id=ids["Hội CCB"])
    assert changes.organization_ids == {ids["Hội CCB"]}
    assert "Hội CCB" not in org_ids()
    assert ids["Hội CCB"] not in group_ids()
    assert len(group_ids()) == 5


# --- settings -------------------------------------------------------------------------------


def test_save_settings_round_trip(db_path: Path) -> None:
    """Settings saved by the service read back equal through queries.load_settings."""
    assert queries.load_settings() == ReportSettings()
    settings = ReportSettings(
        province="Ninh Bình",
        issuing_body="Ban Tuyên giáo và Dân vận",
        document_number="12",
        signer_capacity=SignerCapacity.DEPUTY,
        signer_name="Nguyễn Văn A",
        recipients=("Thường trực Tỉnh ủy", "Lưu"),
    )
    changes = services.save_settings(settings=settings)
    assert changes == Changes(settings=True)
    assert queries.load_settings() == settings


def test_changes_empty_and_union() -> None:
    """Changes.empty is true only without ids or settings; | unites and keeps the first id."""
    assert Changes().empty
    a = Changes(meeting_ids=frozenset({1}), created_id=5)
    b = Changes(directive_ids=frozenset({2}), created_id=6, settings=True)
    assert (a | b) == Changes(
        meeting_ids=frozenset({1}), directive_ids=frozenset({2}), settings=True, created_id=5
    )
    assert not (a | b).empty


@pytest.mark.parametrize(
    "on", [date(1944, 6, 1), date.today() + timedelta(days=1), date.today() + timedelta(days=400)]
)
def test_implausible_done_date_is_refused_as_a_done_date(db_path: Path, on: date) -> None:
    """A done date before the meeting or in the future is refused, field "done_on"."""
    (did,) = directive_ids_of(new_meeting(draft()))
    with pytest.raises(ValidationError, match="Ngày hoàn thành") as err:
        services.mark_done(directive_ids=[did], on=on)
    assert err.value.field == "done_on"
    assert cached(did) == ("open", None)


_ORG_OPS = st.lists(
    st.tuples(
        st.sampled_from([Status.DONE, Status.OPEN, Status.IN_PROGRESS, Status.CANCELLED]),
        st.one_of(st.none(), st.integers(0, 5)),  # None: every lead
        st.integers(0, 80),  # done this many days after the meeting
    ),
    min_size=1,
    max_size=12,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=_ORG_OPS)
def test_cached_status_always_follows_the_leads(db_path: Path, ops: list) -> None:
    """Property: after any status changes the cached status is derived from the leads."""
    ids = org_ids()
    six = group_ids()
    (did,) = directive_ids_of(new_meeting(draft(leads=six, support_ids=(ids["BDV"],), due=Q2)))
    for status, which, days in ops:
        services.set_status(
            directive_ids=[did],
            status=status,
            on=HELD + timedelta(days=days),
            organization_id=None if which is None else six[which],
        )
        leads = [(Status(s), d) for s, d in lead_statuses(did).values()]
        assert cached(did) == tuple(
            x.value if isinstance(x, Status) else x for x in derive_status(leads)
        )
    support = Assignment.get((Assignment.directive == did) & (Assignment.role == "support"))
    assert (support.status, support.done_on) == ("open", None)


def test_topics_are_reused_ignoring_case_and_diacritics(db_path: Path) -> None:
    """A topic typed again in other case or without diacritics is the same topic."""
    mid = new_meeting(draft("Một", topics=("Bầu cử", "BẦU CỬ")), draft("Hai", topics=("bau cu",)))
    one, two = directive_ids_of(mid)
    assert queries.list_topics() == ["Bầu cử"]
    assert queries.directive(one).topics == queries.directive(two).topics == ("Bầu cử",)
    assert queries.count_directives(queries.DirectiveFilter(topic="Bầu cử")) == 2


def test_long_topics_cut_to_the_same_name(db_path: Path) -> None:
    """Two over-long topics that are the same once cut to the limit make one topic."""
    base = "x" * services.MAX_SHORT
    mid = new_meeting(draft("Một", topics=(base + "a", base + "b")))
    (did,) = directive_ids_of(mid)
    assert queries.directive(did).topics == (base,)


def test_meeting_cannot_move_after_a_done_date(db_path: Path) -> None:
    """A meeting date after one of its directives' done dates is refused, field "held_on"."""
    ids = org_ids()
    (did,) = directive_ids_of(new_meeting(draft(leads=(ids["MTTQ"], ids["BDV"]))))
    mid = Directive.get_by_id(did).meeting_id
    services.mark_done(directive_ids=[did], organization_id=ids["BDV"], on=date(2021, 4, 10))
    with pytest.raises(ValidationError, match="10/04/2021") as err:
        services.update_meeting(
            meeting_id=mid, meeting=MeetingDraft(held_on=date(2021, 4, 11), title="G")
        )
    assert err.value.field == "held_on"
    assert Meeting.get_by_id(mid).held_on == HELD
    services.update_meeting(
        meeting_id=mid, meeting=MeetingDraft(held_on=date(2021, 4, 10), title="G")
    )
    assert Meeting.get_by_id(mid).held_on == date(2021, 4, 10)


# --- history dates of a giao ban logged after the fact --------------------------------------


def _created_days(directive_id: int) -> list[date]:
    return [h.happened_on for h in queries.history(directive_id) if h.kind is HistoryKind.CREATED]


def test_tasks_logged_late_are_given_on_the_meeting_day(db_path: Path) -> None:
    """A giao ban of 1/4 logged without a day given: "Giao nhiệm vụ" is dated 1/4 (not
    the day of entry), so it comes before a completion reported on 12/5."""
    changes = services.log_meeting(
        meeting=MeetingDraft(held_on=HELD, title="Giao ban quý I-2021"), directives=[draft()]
    )
    (did,) = changes.directive_ids
    assert _created_days(did) == [HELD]
    services.mark_done(directive_ids=[did], on=date(2021, 5, 12))
    kinds = [h.kind for h in queries.history(did)]
    assert kinds == [HistoryKind.CREATED, HistoryKind.STATUS]
    added = services.add_directive(meeting_id=changes.created_id, directive=draft("Thêm"))
    assert _created_days(added.created_id) == [HELD]


def test_corrected_meeting_date_moves_the_task_entries(db_path: Path) -> None:
    """Correcting the giao ban's date from 1/4 to 31/3 moves its "Giao nhiệm vụ" entries."""
    mid = new_meeting(draft("Một"), draft("Hai"))
    meeting = queries.meeting(mid)
    changes = services.update_meeting(
        meeting_id=mid,
        meeting=MeetingDraft(held_on=date(2021, 3, 31), title=meeting.title),
        expected_version=meeting.version,
    )
    ids = directive_ids_of(mid)
    assert changes.directive_ids == set(ids)
    assert [_created_days(i) for i in ids] == [[date(2021, 3, 31)], [date(2021, 3, 31)]]


BOTH_BACKENDS = True  # conftest: each test on SQLite and on PostgreSQL
