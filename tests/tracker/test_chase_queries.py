"""chase_counts and chase_page: the chase list in pieces, for a window that pages rows in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tracker import queries, services

AS_OF = date(2021, 7, 20)


def test_chase_counts_match_the_chase_list(sample_db: Path) -> None:
    """Each organization's count and overdue count equal those of chase_list."""
    mttq = queries.find_organization("MTTQ").id
    first = queries.directive_ids()[0]
    services.mark_done(directive_ids=[first], organization_id=mttq, on=date(2021, 5, 1))
    expected = [
        (org.id, len(rows), sum(1 for r in rows if r.overdue))
        for org, rows in queries.chase_list(as_of=AS_OF)
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
    org, rows = queries.chase_list(as_of=AS_OF)[0]
    pages = [
        queries.chase_page(org.id, as_of=AS_OF, offset=o, limit=3)
        for o in range(0, len(rows) + 3, 3)
    ]
    assert [r.id for page in pages for r in page] == [r.id for r in rows]
    assert queries.chase_page(org.id, as_of=AS_OF, offset=len(rows)) == []


def test_chase_counts_empty_database(db_path: Path) -> None:
    """Nothing to chase, no headings."""
    assert queries.chase_counts(as_of=AS_OF) == []
