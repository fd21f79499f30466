"""chase_counts and chase_page: the chase list in pieces, for a window that pages rows in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.chase_oracle import chase_list
from tracker import queries, services
from tracker.rows import Status

AS_OF = date(2021, 7, 20)


def test_chase_counts_match_the_chase_list(sample_db: Path) -> None:
    """Each organization's count and overdue count equal those of chase_list."""
    mttq = queries.find_organization("MTTQ").id
    first = queries.directive_ids()[0]
    services.mark_done(directive_ids=[first], organization_id=mttq, on=date(2021, 5, 1))
    expected = [
        (org.id, len(rows), sum(1 for r in rows if r.overdue))
        for org, rows in chase_list(as_of=AS_OF)
    ]
    got = [(org.id, n, late) for org, n, late in queries.chase_counts(as_of=AS_OF)]
    assert got == expected
    assert next(n for o, n, _ in got if o == mttq) == expected[0][1]


def test_chase_counts_count_due_this_quarter_as_not_overdue(sample_db: Path) -> None:
    """On 15/05/2021 the sample's quý II tasks are due this quarter, so none is overdue."""
    counts = queries.chase_counts(as_of=date(2021, 5, 15))
    assert counts and all(late == 0 and n > 0 for _, n, late in counts)


def test_chase_page_pages_through_an_organizations_part(sample_db: Path) -> None:
    """Pages of chase_page, put together, are the organization's rows in chase_list."""
    org, rows = chase_list(as_of=AS_OF)[0]
    pages = [
        queries.chase_page(org.id, as_of=AS_OF, offset=o, limit=3)
        for o in range(0, len(rows) + 3, 3)
    ]
    assert [r.id for page in pages for r in page] == [r.id for r in rows]
    assert queries.chase_page(org.id, as_of=AS_OF, offset=len(rows)) == []


def test_chase_counts_empty_database(db_path: Path) -> None:
    """Nothing to chase, no headings."""
    assert queries.chase_counts(as_of=AS_OF) == []


def _tinh_doan_done(result: str = "Đã tổ chức 12 hội nghị") -> tuple[int, int, int]:
    """Directive 1 (a group task, due quý II-2021) finished by Tỉnh đoàn only."""
    did = queries.directive_ids()[0]
    td = queries.find_organization("Tỉnh đoàn").id
    mttq = queries.find_organization("MTTQ").id
    services.mark_done(directive_ids=[did], organization_id=td, on=date(2021, 6, 1), note=result)
    return did, td, mttq


def test_organization_with_status_filter_uses_its_own_status(sample_db: Path) -> None:
    """Tổ chức = Tỉnh đoàn + Quá hạn leaves out what Tỉnh đoàn finished; MTTQ still has it."""
    did, td, mttq = _tinh_doan_done()
    f = queries.DirectiveFilter
    late = queries.StatusFilter.OVERDUE
    assert did not in queries.directive_ids(f(organization_id=td, status=late, as_of=AS_OF))
    assert did in queries.directive_ids(f(organization_id=mttq, status=late, as_of=AS_OF))
    done = queries.StatusFilter.DONE
    assert did in queries.directive_ids(f(organization_id=td, status=done, as_of=AS_OF))
    assert did not in queries.directive_ids(f(organization_id=mttq, status=done, as_of=AS_OF))
    assert queries.count_directives(f(organization_id=td, status=done, as_of=AS_OF)) == 1
    # Without an organization the directive's own status decides: in progress, overdue.
    assert did in queries.directive_ids(f(status=late, as_of=AS_OF))
    assert did not in queries.directive_ids(f(status=done, as_of=AS_OF))


def test_an_organizations_rows_show_its_own_status_and_result(sample_db: Path) -> None:
    """Under MTTQ the directive is MTTQ's: overdue, no result; under Tỉnh đoàn, done with it."""
    did, td, mttq = _tinh_doan_done("Đã tổ chức 12 hội nghị")
    (mine,) = [r for r in queries.chase_page(mttq, as_of=AS_OF) if r.id == did]
    assert mine.overdue and mine.status is Status.OPEN and mine.latest_note == ""
    assert did not in [r.id for r in queries.chase_page(td, as_of=AS_OF)]
    flt = queries.DirectiveFilter(organization_id=td, as_of=AS_OF)
    (theirs,) = [r for r in queries.directive_page(flt) if r.id == did]
    assert theirs.status is Status.DONE and not theirs.overdue
    assert theirs.done_on == date(2021, 6, 1)
    assert theirs.latest_note == "Đã tổ chức 12 hội nghị"
    services.add_note(
        directive_id=did, text="MTTQ đang tổng hợp", on=date(2021, 6, 5), organization_id=mttq
    )
    (mine,) = [r for r in queries.chase_page(mttq, as_of=AS_OF) if r.id == did]
    assert mine.latest_note == "MTTQ đang tổng hợp"
    (theirs,) = [r for r in queries.directive_page(flt) if r.id == did]
    assert theirs.latest_note == "Đã tổ chức 12 hội nghị"


def test_to_chase_filter_is_each_directive_once(sample_db: Path) -> None:
    """The to-chase filter selects each directive of the chase list once."""
    _tinh_doan_done()
    per_org = {r.id for _, rows in chase_list(as_of=AS_OF) for r in rows}
    flt = queries.DirectiveFilter(status=queries.StatusFilter.TO_CHASE, as_of=AS_OF)
    ids = queries.directive_ids(flt, sort=queries.SortKey.DUE)
    assert sorted(ids) == sorted(per_org) and len(ids) == len(set(ids))
    assert queries.count_directives(flt) == len(per_org)


def test_deadline_order_pages_walk_in_deadline_then_id_order(sample_db: Path) -> None:
    """Overdue / to-chase pages in deadline order: by deadline then id, pages joining up."""
    from tracker.seeding import synthetic

    synthetic(1500, seed=5)
    for status in (queries.StatusFilter.TO_CHASE, queries.StatusFilter.OVERDUE):
        flt = queries.DirectiveFilter(status=status, as_of=date(2026, 5, 1))
        rows = queries.directive_rows(queries.directive_ids(flt), as_of=date(2026, 5, 1))
        want = [r.id for r in sorted(rows, key=lambda r: (r.due.iso if r.due else "", r.id))]
        pages = [
            queries.directive_ids(flt, sort=queries.SortKey.DUE, offset=o, limit=50)
            for o in range(0, len(want) + 50, 50)
        ]
        assert len(want) > 50 and [i for p in pages for i in p] == want


BOTH_BACKENDS = True  # conftest: each test on SQLite and on PostgreSQL
