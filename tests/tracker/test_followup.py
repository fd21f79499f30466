"""Tests of the follow-up lists (tracker.followup): which directives a quarter's
list holds, each row's category as of a date, per-organization rows, grouping,
counts and the summary sentence, and the open items before the next giao ban."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from tracker import queries, services
from tracker.drafts import DirectiveDraft, MeetingDraft
from tracker.followup import follow_up_list, open_items, summary_sentence
from tracker.quarters import Quarter
from tracker.rows import Category, CategoryCounts, FollowUpReport, FollowUpRow, Status

Q1, Q2, Q3 = Quarter(2021, 1), Quarter(2021, 2), Quarter(2021, 3)
AS_OF = date(2021, 7, 15)
SIX = ("MTTQ", "LĐLĐ tỉnh", "Hội ND", "Tỉnh đoàn", "Hội LHPN", "Hội CCB")
ORDER = (*SIX, "BDV")


def org_ids() -> dict[str, int]:
    return {o.short_name: o.id for o in queries.list_organizations()}


def log(held_on: date, *directives: tuple[str, tuple[str, ...], Quarter | None]) -> list[int]:
    ids = org_ids()
    changes = services.log_meeting(
        meeting=MeetingDraft(held_on=held_on, title=f"Giao ban ngày {held_on}"),
        directives=[
            DirectiveDraft(content=c, lead_ids=tuple(ids[s] for s in leads), due=due)
            for c, leads, due in directives
        ],
        today=held_on,
    )
    return sorted(changes.directive_ids)


def done(did: int, on: date, org: str | None = None, note: str = "") -> None:
    org_id = org_ids()[org] if org else None
    services.mark_done(directive_ids=[did], on=on, organization_id=org_id, note=note)


@pytest.fixture
def d(db_path: Path) -> dict[str, int]:
    """Three meetings whose directives cover every rule of the follow-up list for Q2-2021.

    Meeting of 5 Jan 2021: a (Q1, done in Q1), b (Q1, open), c (Q1, done 15 Apr),
    dd (Q1, cancelled), s0 (standing, done in Q1), h (Q1, MTTQ done in Q1, Hội ND open).
    Meeting of 1 Apr 2021: s (standing, open, first), p (Q2, done 30 Jun), q (Q2, done
    5 Jul), r (Q2, open), x (Q2, cancelled), g (Q2, the six organizations: MTTQ done
    10 May, Hội ND done 10 Jul, Hội CCB cancelled, the rest open), t (Q3, open).
    Meeting of 2 Jul 2021: s2 (standing, open).
    """
    a, b, c, dd, s0, h = log(
        date(2021, 1, 5),
        ("a: tổng kết", ("MTTQ",), Q1),
        ("b: chuẩn bị nhân sự", ("Hội ND",), Q1),
        ("c: sơ kết", ("BDV",), Q1),
        ("dd: đã hủy", ("BDV",), Q1),
        ("s0: thường xuyên xong sớm", ("BDV",), None),
        ("h: hai cơ quan", ("MTTQ", "Hội ND"), Q1),
    )
    s, p, q, r, x, g, t = log(
        date(2021, 4, 1),
        ("s: thường xuyên", ("BDV",), None),
        ("p: đúng hạn", ("MTTQ",), Q2),
        ("q: quá hạn", ("MTTQ",), Q2),
        ("r: chưa xong", ("Hội ND",), Q2),
        ("x: hủy", ("BDV",), Q2),
        ("g: MTTQ và các đoàn thể", SIX, Q2),
        ("t: quý sau", ("Tỉnh đoàn",), Q3),
    )
    (s2,) = log(date(2021, 7, 2), ("s2: thường xuyên sau quý", ("BDV",), None))
    done(a, date(2021, 3, 20))
    done(c, date(2021, 4, 15), note="Đã sơ kết")
    services.cancel(directive_ids=[dd], on=date(2021, 3, 25))
    done(s0, date(2021, 2, 1))
    done(h, date(2021, 3, 1), org="MTTQ")
    done(p, date(2021, 6, 30))
    done(q, date(2021, 7, 5))
    services.cancel(directive_ids=[x], reason="Không cần nữa", on=date(2021, 5, 3))
    done(g, date(2021, 5, 10), org="MTTQ", note="MTTQ đã xong")
    done(g, date(2021, 7, 10), org="Hội ND")
    services.cancel(directive_ids=[g], organization_id=org_ids()["Hội CCB"], on=date(2021, 5, 20))
    services.add_note(directive_id=r, text="Đang tổng hợp", on=date(2021, 6, 1))
    return dict(a=a, b=b, c=c, dd=dd, s0=s0, h=h, s=s, p=p, q=q, r=r, x=x, g=g, t=t, s2=s2)


def names(d: dict[str, int]) -> dict[int, str]:
    return {v: k for k, v in d.items()}


def by_org(report: FollowUpReport, d: dict[str, int]) -> dict[str, list[tuple[str, Category]]]:
    """Group heading's short name → [(directive key, category)]."""
    short = {o.id: o.short_name for o in queries.list_organizations()}
    key = names(d)
    return {
        short[grp.organization_id]: [(key[r.directive_id], r.category) for r in grp.rows]
        for grp in report.groups
    }


def row(report: FollowUpReport, did: int, org: str | None = None) -> FollowUpRow:
    org_id = org_ids()[org] if org else None
    (found,) = [
        r
        for g in report.groups
        for r in g.rows
        if r.directive_id == did and (org is None or r.organization_id == org_id)
    ]
    return found


def directive_keys(report: FollowUpReport, d: dict[str, int]) -> set[str]:
    key = names(d)
    return {key[r.directive_id] for g in report.groups for r in g.rows}


C = Category
EACH = "each-org"  # one section per organization, each with its own rows


# --- which directives -----------------------------------------------------------------------


def test_list_holds_due_carried_and_running_standing(d: dict[str, int]) -> None:
    """Q2 holds what is due in it, what was unfinished on 1 April, and running standing ones."""
    report = follow_up_list(Q2, as_of=AS_OF, group_by=EACH)
    assert directive_keys(report, d) == {"b", "c", "h", "s", "p", "q", "r", "x", "g"}


def test_carried_rows_name_their_quarter(d: dict[str, int]) -> None:
    """Rows due before the quarter carry the quarter they came from; others do not."""
    report = follow_up_list(Q2, as_of=AS_OF, group_by=EACH)
    assert row(report, d["b"]).carried_from == Q1
    assert row(report, d["c"]).carried_from == Q1
    assert row(report, d["h"], "Hội ND").carried_from == Q1
    assert row(report, d["p"]).carried_from is None
    assert row(report, d["s"]).carried_from is None


def test_done_before_the_quarter_is_not_carried_per_organization(d: dict[str, int]) -> None:
    """An organization that finished a carried directive before Q began has no row for it."""
    report = follow_up_list(Q2, as_of=AS_OF, group_by=EACH)
    groups = by_org(report, d)
    assert ("h", C.OPEN_OVERDUE) in groups["Hội ND"]
    assert all(k != "h" for k, _ in groups["MTTQ"])


def test_quarter_with_nothing_to_follow(db_path: Path) -> None:
    """A quarter with no directives gives an empty report with zero counts."""
    report = follow_up_list(Q2, as_of=AS_OF, group_by=EACH)
    assert report.empty and report.groups == ()
    assert report.totals == CategoryCounts()
    assert report.summary_sentence == "Tổng số 0 nội dung chỉ đạo."


def test_later_quarter_carries_what_is_still_open(d: dict[str, int]) -> None:
    """Q3 carries what was still open on 1 July, and what was finished after it."""
    report = follow_up_list(Q3, as_of=date(2021, 8, 1), group_by=EACH)
    assert directive_keys(report, d) == {"b", "h", "r", "g", "q", "s", "s2", "t"}
    assert row(report, d["r"]).carried_from == Q2
    assert row(report, d["b"]).carried_from == Q1


# --- categories -----------------------------------------------------------------------------


def test_categories_per_organization(d: dict[str, int]) -> None:
    """One row per lead organization and directive, with that organization's own category."""
    groups = by_org(follow_up_list(Q2, as_of=AS_OF, group_by=EACH), d)
    assert list(groups) == list(ORDER)
    assert groups == {
        "MTTQ": [("p", C.DONE_ON_TIME), ("q", C.DONE_LATE), ("g", C.DONE_ON_TIME)],
        "LĐLĐ tỉnh": [("g", C.OPEN_OVERDUE)],
        "Hội ND": [
            ("b", C.OPEN_OVERDUE),
            ("h", C.OPEN_OVERDUE),
            ("r", C.OPEN_OVERDUE),
            ("g", C.DONE_LATE),
        ],
        "Tỉnh đoàn": [("g", C.OPEN_OVERDUE)],
        "Hội LHPN": [("g", C.OPEN_OVERDUE)],
        "Hội CCB": [("g", C.CANCELLED)],
        "BDV": [("c", C.DONE_LATE), ("x", C.CANCELLED), ("s", C.STANDING)],
    }


def test_in_time_before_the_deadline_passes(d: dict[str, int]) -> None:
    """Inside the quarter, unfinished Q2 rows are in time and Q1 ones overdue."""
    groups = by_org(follow_up_list(Q2, as_of=date(2021, 6, 1), group_by=EACH), d)
    assert groups["MTTQ"] == [("p", C.OPEN_IN_TIME), ("q", C.OPEN_IN_TIME), ("g", C.DONE_ON_TIME)]
    assert groups["Hội ND"] == [
        ("b", C.OPEN_OVERDUE),
        ("h", C.OPEN_OVERDUE),
        ("r", C.OPEN_IN_TIME),
        ("g", C.OPEN_IN_TIME),
    ]


def test_done_after_as_of_is_not_done_yet(d: dict[str, int]) -> None:
    """On 1 July q (done 5 July) is overdue, not done late; c (done 15 April) is done late."""
    report = follow_up_list(Q2, as_of=date(2021, 7, 1), group_by=EACH)
    assert row(report, d["q"]).category is C.OPEN_OVERDUE
    assert row(report, d["c"]).category is C.DONE_LATE
    assert row(report, d["g"], "Hội ND").category is C.OPEN_OVERDUE
    carried = follow_up_list(Q2, as_of=date(2021, 4, 10), group_by=EACH)
    assert row(carried, d["c"]).category is C.OPEN_OVERDUE


def test_row_details(d: dict[str, int]) -> None:
    """Rows carry owners, status, done date, days overdue and the latest note."""
    report = follow_up_list(Q2, as_of=AS_OF, group_by=EACH)
    r = row(report, d["r"])
    assert (r.status, r.done_on, r.days_overdue, r.latest_note) == (
        Status.OPEN,
        None,
        15,
        "Đang tổng hợp",
    )
    assert (r.organization_name, r.lead_names, r.support_names) == (
        "Hội Nông dân tỉnh",
        ("Hội Nông dân tỉnh",),  # documents write full names
        (),
    )
    q = row(report, d["q"])
    assert (q.status, q.done_on, q.days_overdue) == (Status.DONE, date(2021, 7, 5), 5)
    assert row(report, d["b"]).days_overdue == (AS_OF - date(2021, 3, 31)).days
    g = row(report, d["g"], "MTTQ")
    assert (g.status, g.done_on, g.latest_note, g.lead_names) == (
        Status.DONE,
        date(2021, 5, 10),
        "MTTQ đã xong",
        ("MTTQ và các đoàn thể chính trị - xã hội",),  # a whole group is written as the group
    )
    assert row(report, d["g"], "LĐLĐ tỉnh").status is Status.OPEN
    assert row(report, d["c"]).latest_note == "Đã sơ kết"
    assert row(report, d["p"]).days_overdue == 0


def test_extended_row_shows_the_original_deadline(d: dict[str, int]) -> None:
    """An extended directive is listed in its new quarter with its original deadline."""
    services.extend_deadline(directive_id=d["r"], new_due=Q3, reason="Chờ", on=date(2021, 6, 20))
    q2 = follow_up_list(Q2, as_of=AS_OF, group_by=EACH)
    assert "r" not in directive_keys(q2, d)
    q3 = follow_up_list(Q3, as_of=AS_OF, group_by=EACH)
    r = row(q3, d["r"])
    assert (r.due, r.original_due, r.carried_from, r.category) == (Q3, Q2, None, C.OPEN_IN_TIME)
    assert row(q3, d["t"]).original_due is None


# --- grouping, counts, summary --------------------------------------------------------------


def test_group_by_meeting(d: dict[str, int]) -> None:
    """Grouped by meeting: one row per directive, meetings oldest first, standing last."""
    report = follow_up_list(Q2, as_of=AS_OF, group_by="meeting")
    key = names(d)
    assert [g.heading[:26] for g in report.groups] == [
        "Giao ban ngày 05/01/2021: ",
        "Giao ban ngày 01/04/2021: ",
    ]
    assert [[key[r.directive_id] for r in g.rows] for g in report.groups] == [
        ["b", "c", "h"],
        ["p", "q", "r", "x", "g", "s"],
    ]
    assert all(r.organization_id is None for g in report.groups for r in g.rows)
    g = row(report, d["g"])
    assert (g.status, g.category, g.organization_name) == (
        Status.IN_PROGRESS,
        C.OPEN_OVERDUE,
        "MTTQ và các đoàn thể chính trị - xã hội",  # the group's name, not six short names
    )
    # each lead's own status and result, never another's
    own = {o.short_name: (o.category, o.note) for o in g.owners}
    assert own["MTTQ"] == (C.DONE_ON_TIME, "MTTQ đã xong")
    assert own["Hội ND"] == (C.DONE_LATE, "")
    assert own["LĐLĐ tỉnh"] == (C.OPEN_OVERDUE, "")
    assert own["Hội CCB"][0] is C.CANCELLED
    assert report.groups[1].counts == CategoryCounts(
        total=6, done_on_time=1, done_late=1, open_overdue=2, standing=1, cancelled=1
    )


def test_totals_count_directives_not_organizations(d: dict[str, int]) -> None:
    """Totals count each directive once, by its derived status."""
    report = follow_up_list(Q2, as_of=AS_OF, group_by=EACH)
    assert report.totals == CategoryCounts(
        total=9,
        done_on_time=1,
        done_late=2,
        open_in_time=0,
        open_overdue=4,
        standing=1,
        cancelled=1,
    )
    assert report.summary_sentence == (
        "Tổng số 9 nội dung chỉ đạo; đã hoàn thành 3 (đúng hạn 1, quá hạn 2); "
        "chưa hoàn thành quá hạn 4; thực hiện thường xuyên 1; đã hủy 1."
    )


def test_per_org_counts(d: dict[str, int]) -> None:
    """Per organization: its total and categories, in the standard order."""
    full = {o.name: o.short_name for o in queries.list_organizations()}
    report = follow_up_list(Q2, as_of=AS_OF, group_by=EACH)
    counts = {full[name]: c for name, c in report.per_org_counts}  # full names, as printed
    assert list(counts) == list(ORDER)
    assert counts["MTTQ"] == CategoryCounts(total=3, done_on_time=2, done_late=1)
    assert counts["Hội ND"] == CategoryCounts(total=4, done_late=1, open_overdue=3)
    assert counts["Hội CCB"] == CategoryCounts(total=1, cancelled=1)
    assert counts["BDV"] == CategoryCounts(total=3, done_late=1, standing=1, cancelled=1)
    for grp in follow_up_list(Q2, as_of=AS_OF, group_by=EACH).groups:
        short = {o.id: o.short_name for o in queries.list_organizations()}
        assert grp.counts == counts[short[grp.organization_id]]


def test_without_done_drops_finished_rows_but_keeps_counts(d: dict[str, int]) -> None:
    """include_done=False leaves out done and cancelled rows; the counts still include them."""
    full = follow_up_list(Q2, as_of=AS_OF, group_by=EACH)
    short = follow_up_list(Q2, as_of=AS_OF, include_done=False, group_by=EACH)
    assert short.totals == full.totals and short.per_org_counts == full.per_org_counts
    assert short.summary_sentence == full.summary_sentence
    groups = by_org(short, d)
    assert groups == {
        "LĐLĐ tỉnh": [("g", C.OPEN_OVERDUE)],
        "Hội ND": [("b", C.OPEN_OVERDUE), ("h", C.OPEN_OVERDUE), ("r", C.OPEN_OVERDUE)],
        "Tỉnh đoàn": [("g", C.OPEN_OVERDUE)],
        "Hội LHPN": [("g", C.OPEN_OVERDUE)],
        "BDV": [("s", C.STANDING)],
    }
    nd = next(g for g in short.groups if g.heading == "Hội Nông dân tỉnh")
    assert nd.counts == CategoryCounts(total=4, done_late=1, open_overdue=3)


def test_group_headings_are_full_names(d: dict[str, int]) -> None:
    """Organization groups are headed by the full names, as renamed."""
    services.rename_organization(
        organization_id=org_ids()["BDV"],
        name="Ban Tuyên giáo và Dân vận Tỉnh ủy",
        short_name="BTGDV",
    )
    headings = [g.heading for g in follow_up_list(Q2, as_of=AS_OF, group_by=EACH).groups]
    assert headings[0] == "Ủy ban MTTQ Việt Nam tỉnh"
    assert headings[-1] == "Ban Tuyên giáo và Dân vận Tỉnh ủy"


@pytest.mark.parametrize(
    ("counts", "sentence"),
    [
        (
            CategoryCounts(total=12, done_on_time=6, done_late=1, open_in_time=3, open_overdue=2),
            "Tổng số 12 nội dung chỉ đạo; đã hoàn thành 7 (đúng hạn 6, quá hạn 1); "
            "chưa hoàn thành 5 (trong hạn 3, quá hạn 2).",
        ),
        (
            CategoryCounts(total=3, done_on_time=1, standing=1, cancelled=1),
            "Tổng số 3 nội dung chỉ đạo; đã hoàn thành đúng hạn 1; "
            "thực hiện thường xuyên 1; đã hủy 1.",
        ),
        (
            CategoryCounts(total=3, done_late=1, open_in_time=2),
            "Tổng số 3 nội dung chỉ đạo; đã hoàn thành quá hạn 1; chưa hoàn thành trong hạn 2.",
        ),
        (
            CategoryCounts(total=1, open_overdue=1),
            "Tổng số 1 nội dung chỉ đạo; chưa hoàn thành quá hạn 1.",
        ),  # fmt: skip
    ],
)
def test_summary_sentence(counts: CategoryCounts, sentence: str) -> None:
    """The summary sentence in the words of follow-up reports, without zero clauses."""
    assert summary_sentence(counts) == sentence


# --- open items -----------------------------------------------------------------------------


def test_open_items(d: dict[str, int]) -> None:
    """Open items: per organization, every unfinished directive of any quarter."""
    report = open_items(as_of=AS_OF, group_by=EACH)
    assert report.quarter is None and not report.include_done
    assert by_org(report, d) == {
        "LĐLĐ tỉnh": [("g", C.OPEN_OVERDUE)],
        "Hội ND": [("b", C.OPEN_OVERDUE), ("h", C.OPEN_OVERDUE), ("r", C.OPEN_OVERDUE)],
        "Tỉnh đoàn": [("g", C.OPEN_OVERDUE), ("t", C.OPEN_IN_TIME)],
        "Hội LHPN": [("g", C.OPEN_OVERDUE)],
        "BDV": [("s", C.STANDING), ("s2", C.STANDING)],
    }
    assert report.totals == CategoryCounts(total=7, open_in_time=1, open_overdue=4, standing=2)
    assert row(report, d["b"]).carried_from is None


def test_open_items_leaves_out_later_meetings(d: dict[str, int]) -> None:
    """A meeting held after the as-of date is not in the open items."""
    report = open_items(as_of=date(2021, 6, 1), group_by=EACH)
    assert "s2" not in directive_keys(report, d)


def test_open_items_by_meeting(d: dict[str, int]) -> None:
    """Open items grouped by meeting list each unfinished directive once."""
    report = open_items(as_of=AS_OF, group_by="meeting")
    key = names(d)
    assert [[key[r.directive_id] for r in g.rows] for g in report.groups] == [
        ["b", "h"],
        ["r", "g", "t", "s"],
        ["s2"],
    ]


def test_open_items_as_of_a_past_date(d: dict[str, int]) -> None:
    """Open items as of a past date include what was finished only after it."""
    report = open_items(as_of=date(2021, 7, 1), group_by=EACH)
    groups = by_org(report, d)
    assert ("q", C.OPEN_OVERDUE) in groups["MTTQ"]  # done 5 July
    assert ("g", C.OPEN_OVERDUE) in groups["Hội ND"]  # Hội ND's part done 10 July
    assert ("p", C.OPEN_OVERDUE) not in groups["MTTQ"]  # done 30 June
    assert (
        report.totals.open_overdue == follow_up_list(Q2, as_of=date(2021, 7, 1)).totals.open_overdue
    )


# --- as of a date ---------------------------------------------------------------------------


def test_as_of_shows_only_what_was_recorded_by_then(d: dict[str, int]) -> None:
    """As of 5 Jul: a result recorded on 10 Aug is not shown, nor its done status."""
    done(d["r"], date(2021, 8, 10), note="Ghi ngày 10/8")
    before = row(follow_up_list(Q2, as_of=date(2021, 7, 5), group_by=EACH), d["r"])
    assert (before.category, before.done_on, before.latest_note) == (
        C.OPEN_OVERDUE,
        None,
        "Đang tổng hợp",  # the progress note of 1 June, not the result of 10 August
    )
    after = row(follow_up_list(Q2, as_of=date(2021, 8, 15), group_by=EACH), d["r"])
    assert (after.category, after.latest_note) == (C.DONE_LATE, "Ghi ngày 10/8")


def test_as_of_undoes_a_later_reopening_and_cancellation(d: dict[str, int]) -> None:
    """Reopened or cancelled after the date: as of the date it was still done, or still open."""
    services.set_status(directive_ids=[d["p"]], status=Status.OPEN, on=date(2021, 9, 1))
    services.cancel(directive_ids=[d["r"]], on=date(2021, 9, 1))
    report = follow_up_list(Q2, as_of=AS_OF, group_by=EACH)
    p = row(report, d["p"])
    assert (p.category, p.done_on) == (C.DONE_ON_TIME, date(2021, 6, 30))
    assert row(report, d["r"]).category is C.OPEN_OVERDUE
    assert row(follow_up_list(Q2, as_of=date(2021, 9, 2), group_by=EACH), d["p"]).category is (
        C.OPEN_OVERDUE
    )


def test_meetings_after_the_date_are_not_listed(d: dict[str, int]) -> None:
    """As of 15 March nothing from the giao ban of 1 April is listed; as of 1 July, not s2."""
    early = follow_up_list(Q2, as_of=date(2021, 3, 15), group_by=EACH)
    # a (done 20 Mar) and dd (cancelled 25 Mar) were still unfinished on 15 March
    assert directive_keys(early, d) == {"a", "b", "c", "dd", "h"}
    assert "s2" not in directive_keys(open_items(as_of=date(2021, 7, 1)), d)
    assert "s2" in directive_keys(open_items(as_of=date(2021, 7, 2)), d)


# --- a group directive once -----------------------------------------------------------------


def test_group_directive_is_listed_once_with_each_leads_status(d: dict[str, int]) -> None:
    """By organization (the default), the six-organization directive is one row under the group."""
    report = follow_up_list(Q2, as_of=AS_OF)
    rows = [r for g in report.groups for r in g.rows if r.directive_id == d["g"]]
    assert len(rows) == 1
    (group,) = [g for g in report.groups if any(r.directive_id == d["g"] for r in g.rows)]
    assert group.heading == "MTTQ và các đoàn thể chính trị - xã hội"
    assert {o.short_name for o in rows[0].owners} == set(SIX)
    per_row = sum(len(g.rows) for g in report.groups)
    assert per_row == len(directive_keys(report, d))  # every directive exactly once
    each = follow_up_list(Q2, as_of=AS_OF, group_by=EACH)
    assert sum(1 for g in each.groups for r in g.rows if r.directive_id == d["g"]) == 6


def test_each_organization_shows_only_its_own_result(d: dict[str, int]) -> None:
    """Per organization, a lead that has not reported shows no other lead's result."""
    report = follow_up_list(Q2, as_of=AS_OF, group_by=EACH)
    assert row(report, d["g"], "MTTQ").latest_note == "MTTQ đã xong"
    for org in ("LĐLĐ tỉnh", "Tỉnh đoàn", "Hội LHPN"):
        r = row(report, d["g"], org)
        assert (r.category, r.latest_note) == (C.OPEN_OVERDUE, "")


BOTH_BACKENDS = True  # conftest: each test on SQLite and on PostgreSQL


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_meeting_grouped_pdf_prints_each_meeting_with_its_own_rows(
    d: dict[str, int], tmp_path: Path
) -> None:
    """The meeting-grouped report as printed: each meeting's heading once, and under it
    exactly its own directives, before the next meeting's heading."""
    from tests.report_fixtures import ISSUED_ON, SETTINGS
    from tracker.reporting.render import write_report

    report = follow_up_list(Q2, as_of=AS_OF, group_by="meeting")
    path = tmp_path / "theo-cuoc-hop.pdf"
    write_report(report, SETTINGS, fmt="pdf", path=path, issued_on=ISSUED_ON)
    text = " ".join(
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-raw", str(path), "-"],
            capture_output=True, text=True, check=True,
        ).stdout.split()
    )  # fmt: skip
    headings = ["Giao ban ngày 05/01/2021: Giao ban", "Giao ban ngày 01/04/2021: Giao ban"]
    starts = [text.find(h) for h in headings]
    assert all(s >= 0 for s in starts) and starts == sorted(starts), starts
    assert [text.count(h) for h in headings] == [1, 1]
    sections = [text[starts[0] : starts[1]], text[starts[1] :]]
    expected = [["b: chuẩn bị nhân sự", "c: sơ kết", "h: hai cơ quan"],
                ["p: đúng hạn", "q: quá hạn", "r: chưa xong", "x: hủy",
                 "g: MTTQ và các đoàn thể", "s: thường xuyên"]]  # fmt: skip
    for section, contents in zip(sections, expected, strict=True):
        for content in contents:
            assert content in section, (content, section[:80])
    # a directive led by a group names the group, not its six members
    assert "MTTQ và các đoàn thể chính trị - xã hội" in sections[1]
    assert "b: chuẩn bị nhân sự" not in sections[1]
    assert "p: đúng hạn" not in sections[0]
