"""Tests of tracker.queries: meeting and directive lists, filters, sorting,
paging, rows, history, the chase list and owner lookup."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.chase_oracle import chase_list
from tracker import queries, services
from tracker.drafts import DirectiveDraft, MeetingDraft
from tracker.errors import NotFoundError
from tracker.quarters import Quarter
from tracker.queries import DirectiveFilter, MeetingFilter, SortKey, StatusFilter
from tracker.rows import Role, Status
from tracker.store.pg import is_postgres
from tracker.store.proxy import database

Q1, Q2, Q3 = Quarter(2021, 1), Quarter(2021, 2), Quarter(2021, 3)
GROUP = "MTTQ và các đoàn thể"
SIX = ("MTTQ", "LĐLĐ tỉnh", "Hội ND", "Tỉnh đoàn", "Hội LHPN", "Hội CCB")


def org_ids() -> dict[str, int]:
    return {o.short_name: o.id for o in queries.list_organizations()}


def log(
    held_on: date, title: str, *directives: tuple[str, tuple[str, ...], Quarter | None]
) -> list[int]:
    """Log a meeting; each directive is (content, lead short names, due)."""
    ids = org_ids()
    changes = services.log_meeting(
        meeting=MeetingDraft(held_on=held_on, title=title),
        directives=[
            DirectiveDraft(content=c, lead_ids=tuple(ids[s] for s in leads), due=due)
            for c, leads, due in directives
        ],
        today=held_on,
    )
    return [r.id for r in queries.list_directives(DirectiveFilter(meeting_id=changes.created_id))]


def contents(rows) -> list[str]:
    return [r.content for r in rows]


def ids_for(flt: DirectiveFilter, **kw) -> set[int]:
    return set(queries.directive_ids(flt, **kw))


@pytest.fixture
def data(sample_db: Path) -> dict[str, int]:
    """The sample giao ban plus an earlier and a later meeting with known outcomes.

    Keys: the directives of the other meetings by letter, and the meetings' ids.
    """
    a, b, c, d = log(
        date(2021, 1, 5),
        "Giao ban quý IV-2020",
        ("Tổng kết năm 2020", ("MTTQ",), Q1),
        ("Chuẩn bị nhân sự ứng cử", ("Hội ND",), Q1),
        ("Sơ kết quy chế dân chủ", ("BDV",), Q1),
        ("Việc đã hủy", ("BDV",), Q1),
    )
    services.mark_done(directive_ids=[a], on=date(2021, 3, 20))
    services.mark_done(directive_ids=[c], on=date(2021, 4, 15), note="Đã sơ kết")
    services.cancel(directive_ids=[d], reason="Không còn phù hợp")
    (e,) = log(date(2021, 7, 2), "Giao ban quý II-2021", ("Việc quý III", ("Tỉnh đoàn",), Q3))
    meetings = {m.title: m.id for m in queries.list_meetings()}
    # The sample names no supporting organization (its article names none); the last
    # directive, led by BDV, gets the six as supporters here.
    sample = next(m for t, m in meetings.items() if "MTTQ" in t)
    last = queries.directive(queries.directive_ids(DirectiveFilter(meeting_id=sample))[-1])
    ids = org_ids()
    services.update_directive(
        directive_id=last.id,
        directive=DirectiveDraft(
            content=last.content,
            lead_ids=tuple(o.organization_id for o in last.leads),
            support_ids=tuple(ids[s] for s in SIX),
            due=last.due,
        ),
    )
    return {
        "a": a,
        "b": b,
        "c": c,
        "d": d,
        "e": e,
        "m_early": meetings["Giao ban quý IV-2020"],
        "m_late": meetings["Giao ban quý II-2021"],
        "m_sample": next(m for t, m in meetings.items() if t.startswith("Giao ban quý I-2021")),
    }


def sample_ids(data: dict[str, int]) -> list[int]:
    return queries.directive_ids(DirectiveFilter(meeting_id=data["m_sample"]))


# --- organizations --------------------------------------------------------------------------


def test_list_groups(db_path: Path) -> None:
    """The standard groups list their members in organization order."""
    ids = org_ids()
    groups = {g.short_name: g.organization_ids for g in queries.list_groups()}
    assert groups[GROUP] == tuple(ids[s] for s in SIX)
    assert groups["Các đoàn thể"] == tuple(ids[s] for s in SIX[1:])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (GROUP, SIX),
        ("mttq va cac doan the", SIX),
        ("MTTQ VÀ CÁC ĐOÀN THỂ CHÍNH TRỊ - XÃ HỘI", SIX),
        ("cac doan the chinh tri - xa hoi", SIX[1:]),
        ("hoi nd", ("Hội ND",)),
        ("HỘI ND", ("Hội ND",)),
        ("ldld tinh", ("LĐLĐ tỉnh",)),
        ("lien doan lao dong tinh", ("LĐLĐ tỉnh",)),
        ("  Ban Dân vận   Tỉnh ủy ", ("BDV",)),
    ],
)
def test_find_owner_ids(db_path: Path, text: str, expected: tuple[str, ...]) -> None:
    """Groups and organizations are found by short or full name, without diacritics."""
    ids = org_ids()
    assert queries.find_owner_ids(text) == tuple(ids[s] for s in expected)


def test_find_owner_ids_unknown(db_path: Path) -> None:
    """An unknown name raises NotFoundError naming it."""
    with pytest.raises(NotFoundError, match="Hội Nhà báo"):
        queries.find_owner_ids("Hội Nhà báo")


# --- meetings -------------------------------------------------------------------------------


def test_meetings_newest_first_with_counts(data: dict[str, int]) -> None:
    """Meetings come newest first, with their directive and done counts."""
    rows = queries.list_meetings()
    assert [r.id for r in rows] == [data["m_late"], data["m_sample"], data["m_early"]]
    counts = {r.id: (r.directive_count, r.done_count) for r in rows}
    assert counts == {data["m_late"]: (1, 0), data["m_sample"]: (11, 0), data["m_early"]: (4, 2)}
    assert queries.count_meetings() == 3


def test_meeting_filter_search_and_year(data: dict[str, int]) -> None:
    """MeetingFilter matches the title without diacritics and the year held."""
    found = queries.list_meetings(MeetingFilter(search="quy iv"))
    assert [m.id for m in found] == [data["m_early"]]
    assert queries.count_meetings(MeetingFilter(search="ĐOÀN THỂ")) == 1
    assert queries.count_meetings(MeetingFilter(year=2021)) == 3
    assert queries.count_meetings(MeetingFilter(year=2020)) == 0
    assert queries.count_meetings(MeetingFilter(search="giao ban", year=2021)) == 3
    assert queries.meeting_years() == [2021]


def test_meeting_page(data: dict[str, int]) -> None:
    """meeting_page pages through the same newest-first order."""
    first = queries.meeting_page(offset=0, limit=2)
    rest = queries.meeting_page(offset=2, limit=2)
    assert [m.id for m in first + rest] == [m.id for m in queries.list_meetings()]


def test_unknown_meeting(db_path: Path) -> None:
    """queries.meeting of an unknown id raises NotFoundError."""
    with pytest.raises(NotFoundError):
        queries.meeting(5)


# --- directive filters ----------------------------------------------------------------------


def test_filter_by_quarter(data: dict[str, int]) -> None:
    """A quarter selects the directives due in it; standing ones are not due in any."""
    q2 = queries.list_directives(DirectiveFilter(quarter=Q2))
    assert len(q2) == 9
    assert all(r.due == Q2 for r in q2)
    assert ids_for(DirectiveFilter(quarter=Q1)) == {data["a"], data["b"], data["c"], data["d"]}


def test_filter_by_quarter_with_carried(data: dict[str, int]) -> None:
    """include_carried adds earlier ones not done or cancelled before the quarter began."""
    plain = ids_for(DirectiveFilter(quarter=Q2))
    carried = ids_for(DirectiveFilter(quarter=Q2, include_carried=True))
    assert carried - plain == {data["b"], data["c"]}  # open, and done after 1 April
    assert queries.count_directives(DirectiveFilter(quarter=Q2, include_carried=True)) == 11


def test_filter_by_organization_any_owner(data: dict[str, int]) -> None:
    """organization_id matches any owner; lead_only only the responsible ones."""
    ids = org_ids()
    any_owner = ids_for(DirectiveFilter(organization_id=ids["MTTQ"]))
    lead = ids_for(DirectiveFilter(organization_id=ids["MTTQ"], lead_only=True))
    last = sample_ids(data)[-1]  # led by BDV, MTTQ and the organizations supporting
    assert last in any_owner and last not in lead
    assert any_owner - lead == {last}
    assert data["a"] in lead and len(lead) == 10
    bdv_lead = ids_for(DirectiveFilter(organization_id=ids["BDV"], lead_only=True))
    assert bdv_lead == {data["c"], data["d"], *sample_ids(data)[-2:]}


def test_filter_by_status(data: dict[str, int]) -> None:
    """Each status filter selects by the directive's derived status."""
    ids = org_ids()
    sample = sample_ids(data)
    services.mark_done(directive_ids=[sample[0]], organization_id=ids["MTTQ"], on=date(2021, 5, 1))
    services.set_status(
        directive_ids=[sample[1]], status=Status.IN_PROGRESS, organization_id=ids["Hội ND"]
    )
    every = ids_for(DirectiveFilter())
    done = ids_for(DirectiveFilter(status=StatusFilter.DONE))
    cancelled = ids_for(DirectiveFilter(status=StatusFilter.CANCELLED))
    in_progress = ids_for(DirectiveFilter(status=StatusFilter.IN_PROGRESS))
    open_ = ids_for(DirectiveFilter(status=StatusFilter.OPEN))
    not_started = ids_for(DirectiveFilter(status=StatusFilter.NOT_STARTED))
    assert done == {data["a"], data["c"]}
    assert cancelled == {data["d"]}
    assert in_progress == {sample[0], sample[1]}
    assert open_ == in_progress | not_started
    assert not_started == every - done - cancelled - in_progress
    assert ids_for(DirectiveFilter(status=StatusFilter.ALL)) == every


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2021, 3, 31), set()),
        (date(2021, 4, 1), {"b"}),
        (date(2021, 6, 30), {"b"}),
        (date(2021, 7, 1), {"b", "sample-dated"}),
        (date(2021, 10, 1), {"b", "sample-dated", "e"}),
    ],
)
def test_filter_overdue_as_of(data: dict[str, int], as_of: date, expected: set[str]) -> None:
    """Overdue at a date: unfinished and that date after the deadline quarter's last day."""
    dated = {r.id for r in queries.list_directives(DirectiveFilter(quarter=Q2))}
    want: set[int] = set()
    for key in expected:
        want |= dated if key == "sample-dated" else {data[key]}
    flt = DirectiveFilter(status=StatusFilter.OVERDUE, as_of=as_of)
    assert ids_for(flt) == want
    rows = queries.list_directives(DirectiveFilter(as_of=as_of))
    assert {r.id for r in rows if r.overdue} == want  # the row flag agrees with the filter


def test_search_ignores_case_and_diacritics(data: dict[str, int]) -> None:
    """ "bau cu" finds "bầu cử" (trigram index, three characters or more)."""
    found = queries.list_directives(DirectiveFilter(search="bau cu"))
    assert len(found) == 2
    assert all("bầu cử" in r.content for r in found)
    assert ids_for(DirectiveFilter(search="BẦU CỬ")) == {r.id for r in found}
    assert ids_for(DirectiveFilter(search="Bau  Cu")) == {r.id for r in found}


def test_short_search_scans(data: dict[str, int]) -> None:
    """Searches under three characters fall back to a substring scan."""
    xv = queries.list_directives(DirectiveFilter(search="kh"))
    assert [r.content[:11] for r in xv] == ["Tập trung t", "Khẩn trương", "Triển khai "]
    cu = ids_for(DirectiveFilter(search="cu"))
    assert {r.id for r in queries.list_directives(DirectiveFilter(search="bau cu"))} <= cu
    assert data["b"] in cu  # "ứng cử"
    assert ids_for(DirectiveFilter(search="CỬ")) == cu


@pytest.mark.parametrize("text", ["%", "_", "%%", '"', "a%b", "*"])
def test_search_wildcards_are_literal(data: dict[str, int], text: str) -> None:
    """LIKE wildcards and FTS syntax in a search are plain characters."""
    assert queries.count_directives(DirectiveFilter(search=text)) == 0


def test_search_and_filters_combine(data: dict[str, int]) -> None:
    """Search, quarter and organization filters all apply together."""
    ids = org_ids()
    flt = DirectiveFilter(search="nghi quyet", quarter=Q2, organization_id=ids["Hội ND"])
    assert [r.content[:8] for r in queries.list_directives(flt)] == ["Đẩy mạnh", "Khẩn trư"]
    flt = DirectiveFilter(search="nghi quyet", quarter=Q2, organization_id=ids["BDV"])
    assert queries.list_directives(flt) == []


def test_filter_by_topic(data: dict[str, int]) -> None:
    """topic selects the directives tagged with it."""
    assert queries.count_directives(DirectiveFilter(topic="Bầu cử")) == 3
    assert queries.count_directives(DirectiveFilter(topic="Nghị quyết Đại hội XIII")) == 2
    assert queries.count_directives(DirectiveFilter(topic="Không có")) == 0
    assert queries.list_topics() == ["Bầu cử", "Nghị quyết Đại hội XIII", "Nông thôn mới"]


def test_filter_by_ids(data: dict[str, int]) -> None:
    """ids restricts the selection to those directives."""
    assert ids_for(DirectiveFilter(ids=(data["a"], data["e"], 9999))) == {data["a"], data["e"]}


# --- sorting and paging ---------------------------------------------------------------------


def test_sort_by_meeting(data: dict[str, int]) -> None:
    """SortKey.MEETING: meeting date, then position; descending reverses the meetings."""
    asc = queries.directive_ids(sort=SortKey.MEETING)
    assert asc[:4] == [data["a"], data["b"], data["c"], data["d"]]
    assert asc[4:15] == sample_ids(data)
    assert asc[-1] == data["e"]
    desc = queries.directive_ids(sort=SortKey.MEETING, descending=True)
    assert desc[0] == data["e"] and desc[-4:] == [data["a"], data["b"], data["c"], data["d"]]


def test_sort_by_content(data: dict[str, int]) -> None:
    """SortKey.CONTENT orders by the diacritics-free content."""
    rows = queries.directive_page(sort=SortKey.CONTENT, limit=-1)
    keys = [r.content for r in rows]
    from tracker.text import fold

    assert [fold(k) for k in keys] == sorted(fold(k) for k in keys)
    desc = queries.directive_ids(sort=SortKey.CONTENT, descending=True)
    assert desc == [r.id for r in reversed(rows)]


@pytest.mark.parametrize("descending", [False, True])
def test_sort_by_due_keeps_standing_last(data: dict[str, int], descending: bool) -> None:
    """SortKey.DUE orders by deadline with standing directives last either way."""
    rows = queries.directive_page(sort=SortKey.DUE, descending=descending, limit=-1)
    dues = [r.due for r in rows]
    dated = [q for q in dues if q is not None]
    assert dues[: len(dated)] == dated and all(q is None for q in dues[len(dated) :])
    assert dated == sorted(dated, reverse=descending)
    assert len(dues) - len(dated) == 2


def test_sort_by_done_on_keeps_unfinished_last(data: dict[str, int]) -> None:
    """SortKey.DONE_ON: done dates in order, not-done directives after them."""
    ids = queries.directive_ids(sort=SortKey.DONE_ON)
    assert ids[:2] == [data["a"], data["c"]]
    assert queries.directive_ids(sort=SortKey.DONE_ON, descending=True)[:2] == [
        data["c"],
        data["a"],
    ]


def test_sort_by_status(data: dict[str, int]) -> None:
    """SortKey.STATUS groups directives by status."""
    rows = queries.directive_page(sort=SortKey.STATUS, limit=-1)
    statuses = [r.status.value for r in rows]
    assert statuses == sorted(statuses)


@pytest.mark.parametrize("sort", list(SortKey))
def test_paging_is_consistent_with_count(data: dict[str, int], sort: SortKey) -> None:
    """Pages of any size, in any order, add up to the whole list and to count_directives."""
    flt = DirectiveFilter(status=StatusFilter.ALL)
    whole = queries.directive_ids(flt, sort=sort)
    assert len(whole) == queries.count_directives(flt) == 16
    paged: list[int] = []
    for offset in range(0, 20, 3):
        paged += [r.id for r in queries.directive_page(flt, sort=sort, offset=offset, limit=3)]
    assert paged == whole


def _page_filters(data: dict[str, int]) -> list[DirectiveFilter]:
    tinh_doan = org_ids()["Tỉnh đoàn"]
    return [
        DirectiveFilter(),
        DirectiveFilter(status=StatusFilter.OPEN),
        DirectiveFilter(status=StatusFilter.TO_CHASE, as_of=date(2021, 9, 1)),
        DirectiveFilter(meeting_id=data["m_sample"]),
        DirectiveFilter(quarter=Q2, include_carried=True),
        DirectiveFilter(organization_id=tinh_doan),
        DirectiveFilter(organization_id=tinh_doan, status=StatusFilter.OVERDUE),
        DirectiveFilter(search="đoàn"),
        DirectiveFilter(search="đoàn", status=StatusFilter.OPEN),
    ]


@pytest.mark.parametrize("sort", list(SortKey))
def test_page_is_the_rows_of_its_ids(data: dict[str, int], sort: SortKey) -> None:
    """A page (on a server: ids, rows and owners in fewer statements) holds what its
    ids and their rows hold, as the filter's organization sees them, in that order."""
    seen = 0
    for flt in _page_filters(data):
        for descending in (False, True):
            for offset, limit in ((0, 4), (3, 5), (0, -1)):
                page = queries.directive_page(
                    flt, sort=sort, descending=descending, offset=offset, limit=limit
                )
                ids = queries.directive_ids(
                    flt, sort=sort, descending=descending, offset=offset, limit=limit
                )
                rows = queries.directive_rows(ids, as_of=flt.as_of)
                if flt.organization_id is not None:
                    rows = queries.seen_by(rows, flt.organization_id)
                assert page == rows, (flt, descending, offset, limit)
                seen += len(page)
    assert seen > 100  # not vacuous


def test_first_page_gives_the_total_it_knows(data: dict[str, int]) -> None:
    """first_page: directive_page's first page, and the total when the page is short or
    its statement counted (never a wrong one); a full page of a search on a server
    comes with its count (no second search)."""
    for flt in _page_filters(data):
        count = queries.count_directives(flt)
        for limit in (3, 100):
            rows, total = queries.first_page(flt, limit=limit)
            assert rows == queries.directive_page(flt, limit=limit), flt
            if len(rows) < limit:
                assert total == count, flt
            else:
                assert total in (None, count), flt
    rows, total = queries.first_page(DirectiveFilter(search="đoàn"), limit=3)
    assert len(rows) == 3
    if is_postgres(database):
        assert total == queries.count_directives(DirectiveFilter(search="đoàn")) > 3


# --- rows -----------------------------------------------------------------------------------


def test_directive_row_owners_in_organization_order(data: dict[str, int]) -> None:
    """Owners come leads first, each role in the organizations' display order."""
    last = sample_ids(data)[-1]
    row = queries.directive(last)
    assert [(o.short_name, o.role) for o in row.owners] == [("BDV", Role.LEAD)] + [
        (s, Role.SUPPORT) for s in SIX
    ]
    ids = org_ids()
    services.reorder_organizations(organization_ids=[ids["Hội CCB"], ids["BDV"]])
    row = queries.directive(last)
    assert [o.short_name for o in row.supports] == ["Hội CCB", *SIX[:5]]
    group_row = queries.directive(sample_ids(data)[0])
    assert [o.short_name for o in group_row.leads] == ["Hội CCB", *SIX[:5]]


def test_directive_row_fields(data: dict[str, int]) -> None:
    """A directive row carries its meeting, deadline, derived status and done date."""
    row = queries.directive(data["c"], as_of=date(2021, 5, 1))
    assert (row.meeting_id, row.meeting_held_on, row.meeting_title) == (
        data["m_early"],
        date(2021, 1, 5),
        "Giao ban quý IV-2020",
    )
    assert (row.position, row.due, row.status, row.done_on, row.overdue) == (
        3,
        Q1,
        Status.DONE,
        date(2021, 4, 15),
        False,
    )
    assert row.owners[0].status is Status.DONE and row.owners[0].result_note == "Đã sơ kết"
    b = queries.directive(data["b"], as_of=date(2021, 5, 1))
    assert b.overdue and not queries.directive(data["b"], as_of=date(2021, 3, 31)).overdue


def test_directive_rows_keep_the_given_order_and_skip_unknown(data: dict[str, int]) -> None:
    """directive_rows returns rows in the order asked, leaving out ids that do not exist."""
    rows = queries.directive_rows([data["e"], 99999, data["a"]])
    assert [r.id for r in rows] == [data["e"], data["a"]]
    with pytest.raises(NotFoundError):
        queries.directive(99999)


def test_latest_note(data: dict[str, int]) -> None:
    """The latest note is the newest progress note or status result text."""
    ids = org_ids()
    b = data["b"]
    assert queries.directive(b).latest_note == ""
    services.add_note(directive_id=b, text="Đang rà soát", organization_id=ids["Hội ND"])
    assert queries.directive(b).latest_note == "Đang rà soát"
    services.mark_done(directive_ids=[b], on=date(2021, 6, 1), note="Đã hoàn thành: 12 hồ sơ")
    assert queries.directive(b).latest_note == "Đã hoàn thành: 12 hồ sơ"
    services.add_note(directive_id=b, text="Bổ sung")
    assert queries.directive(b).latest_note == "Bổ sung"
    notes = queries.latest_notes([b, data["c"], data["a"]])
    assert notes == {b: "Bổ sung", data["c"]: "Đã sơ kết"}


def test_history_order(data: dict[str, int]) -> None:
    """History reads oldest first by date, then in the order recorded."""
    b = data["b"]
    services.add_note(directive_id=b, text="Sau", on=date(2021, 6, 1))
    services.add_note(directive_id=b, text="Trước", on=date(2021, 2, 1))
    services.add_note(directive_id=b, text="Cùng ngày", on=date(2021, 6, 1))
    texts = [h.text for h in queries.history(b)]
    assert texts[1:] == ["Trước", "Sau", "Cùng ngày"]
    assert texts[0].startswith("Giao nhiệm vụ")
    assert all(h.directive_id == b for h in queries.history(b))


# --- chase list -----------------------------------------------------------------------------


def test_chase_list(data: dict[str, int]) -> None:
    """Per lead organization: its unfinished overdue or current ones, oldest deadline first."""
    ids = org_ids()
    sample = sample_ids(data)
    services.mark_done(directive_ids=[sample[0]], organization_id=ids["MTTQ"], on=date(2021, 5, 1))
    chase = chase_list(as_of=date(2021, 5, 15))
    orgs = [org.short_name for org, _ in chase]
    assert orgs == [*SIX, "BDV"]
    per_org = {org.short_name: [r.id for r in rows] for org, rows in chase}
    dated_group = [
        r.id for r in queries.list_directives(DirectiveFilter(quarter=Q2)) if len(r.leads) == 6
    ]
    assert per_org["Hội ND"] == [data["b"], *dated_group]  # Q1 (overdue) first
    assert per_org["MTTQ"] == [i for i in dated_group if i != sample[0]]
    assert per_org["BDV"] == [sample[-1]]  # c done, d cancelled, standing one left out
    assert data["e"] not in {i for rows in per_org.values() for i in rows}
    for _, rows in chase:
        keys = [r.due for r in rows]
        assert keys == sorted(keys)


def test_chase_list_empty_when_all_done(db_path: Path) -> None:
    """Nothing to chase in an empty database."""
    assert chase_list(as_of=date(2021, 5, 1)) == []


def test_search_follows_edits_and_deletes(data: dict[str, int]) -> None:
    """The search index follows a directive's edited content and forgets a deleted one."""
    ids = org_ids()
    services.update_directive(
        directive_id=data["e"],
        directive=DirectiveDraft(
            content="Tổ chức Tháng Thanh niên", lead_ids=(ids["Tỉnh đoàn"],), due=Q3
        ),
    )
    assert ids_for(DirectiveFilter(search="thang thanh nien")) == {data["e"]}
    assert ids_for(DirectiveFilter(search="viec quy iii")) == set()
    services.delete_directive(directive_id=data["e"])
    assert ids_for(DirectiveFilter(search="thang thanh nien")) == set()


BOTH_BACKENDS = True  # conftest: each test on SQLite and on PostgreSQL
