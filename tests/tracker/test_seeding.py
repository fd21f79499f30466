"""Tests of tracker.seeding: the standard organizations, the sample giao ban and
the deterministic synthetic data."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from tracker import queries, seeding
from tracker.errors import ValidationError
from tracker.quarters import Quarter
from tracker.queries import DirectiveFilter
from tracker.rows import Role, Status
from tracker.status import derive_status
from tracker.store.db import close_db, database, open_db
from tracker.store.models import Assignment, Directive, HistoryEntry, Meeting
from tracker.text import fold

STANDARD = [
    ("Ủy ban MTTQ Việt Nam tỉnh", "MTTQ"),
    ("Liên đoàn Lao động tỉnh", "LĐLĐ tỉnh"),
    ("Hội Nông dân tỉnh", "Hội ND"),
    ("Tỉnh đoàn (Đoàn TNCS Hồ Chí Minh tỉnh)", "Tỉnh đoàn"),
    ("Hội Liên hiệp Phụ nữ tỉnh", "Hội LHPN"),
    ("Hội Cựu chiến binh tỉnh", "Hội CCB"),
    ("Ban Dân vận Tỉnh ủy", "BDV"),
]
ELECTION_WORDS = re.compile(r"\b(bau|ung) cu\b")  # bầu cử, ứng cử (not "hưởng ứng cuộc")
TODAY = date(2025, 12, 31)  # ten synthetic years 2016–2025: two election years


def test_new_database_has_the_standard_organizations(db_path: Path) -> None:
    """A new database starts with the seven standard organizations, in order, active."""
    rows = queries.list_organizations()
    assert [(o.name, o.short_name) for o in rows] == STANDARD
    assert [o.position for o in rows] == list(range(1, 8))
    assert all(o.active and not o.in_use for o in rows)


def test_standard_group_is_the_first_six(db_path: Path) -> None:
    """The group "MTTQ và các đoàn thể chính trị - xã hội" names the first six, in order."""
    ids = [o.id for o in queries.list_organizations()]
    groups = queries.list_groups()
    assert groups[0].name == "MTTQ và các đoàn thể chính trị - xã hội"
    assert groups[0].short_name == "MTTQ và các đoàn thể"
    assert groups[0].organization_ids == tuple(ids[:6])


def test_standard_organizations_not_added_twice(db_path: Path) -> None:
    """Reopening the database, or loading the list again, adds no organization."""
    seeding.load_standard_organizations()
    close_db()
    open_db(str(db_path))
    assert len(queries.list_organizations()) == 7
    assert len(queries.list_groups()) == 2


# --- the sample giao ban --------------------------------------------------------------------


def test_sample_meeting_facts(sample_db: Path) -> None:
    """The sample: held 1 April 2021, chaired by Lê Quốc Chỉnh, reviewing Q1-2021."""
    (m,) = queries.list_meetings()
    assert m.held_on == date(2021, 4, 1)
    assert m.chair_name == "Lê Quốc Chỉnh"
    assert "Phó Bí thư Thường trực Tỉnh ủy" in m.chair_position
    assert "Chủ tịch HĐND tỉnh" in m.chair_position
    assert m.reviewed_quarter == Quarter(2021, 1)
    assert m.attendee_names == tuple(short for _, short in STANDARD)
    assert m.directive_count == 11 and m.done_count == 0


def test_sample_directives(sample_db: Path) -> None:
    """Sample directives: due Q2-2021 or standing, to the six or to the Ban Dân vận, open."""
    rows = queries.list_directives(DirectiveFilter())
    assert [r.position for r in rows] == list(range(1, 12))
    assert {r.due for r in rows} == {Quarter(2021, 2), None}
    assert sum(r.due is None for r in rows) == 2
    six = tuple(short for _, short in STANDARD[:6])
    assert all(tuple(o.short_name for o in r.leads) == six for r in rows[:9])
    assert all(tuple(o.short_name for o in r.leads) == ("BDV",) for r in rows[9:])
    assert all(not r.supports for r in rows)  # the article names no supporting organization
    assert all(r.status is Status.OPEN and r.done_on is None for r in rows)
    assert all(len(queries.history(r.id)) == 1 for r in rows)
    assert queries.count_directives(DirectiveFilter(topic="Bầu cử")) == 3


def test_load_sample_is_idempotent(sample_db: Path) -> None:
    """Loading the sample a second time adds nothing."""
    counts = (Meeting.select().count(), Directive.select().count(), Assignment.select().count())
    changes = seeding.load_sample()
    assert changes.empty
    assert (
        Meeting.select().count(),
        Directive.select().count(),
        Assignment.select().count(),
    ) == counts


# --- synthetic data -------------------------------------------------------------------------


def table_dump() -> list[list[tuple]]:
    return [
        database.execute_sql(f"SELECT * FROM {table} ORDER BY id").fetchall()
        for table in ("meeting", "directive", "assignment", "history_entry", "meeting_attendee")
    ]


@pytest.fixture(scope="module")
def synthetic_dump(tmp_path_factory: pytest.TempPathFactory) -> list[list[tuple]]:
    """The tables of a database holding synthetic(3000, seed=1)."""
    path = tmp_path_factory.mktemp("synthetic") / "a.sqlite3"
    open_db(str(path))
    try:
        assert seeding.synthetic(3000, seed=1, today=TODAY) == 3000
        return table_dump()
    finally:
        close_db()


@pytest.fixture
def synthetic_db(db_path: Path) -> Path:
    seeding.synthetic(3000, seed=1, today=TODAY)
    return db_path


def test_synthetic_is_deterministic(synthetic_db: Path, synthetic_dump: list) -> None:
    """The same count and seed give the same rows in two databases."""
    assert table_dump() == synthetic_dump


def test_synthetic_seed_changes_the_data(db_path: Path, synthetic_dump: list) -> None:
    """Another seed gives other data."""
    seeding.synthetic(3000, seed=2, today=TODAY)
    assert table_dump()[1] != synthetic_dump[1]


def test_synthetic_counts_and_dates(synthetic_db: Path) -> None:
    """3000 directives over meetings spread across ten years, none after today."""
    assert Directive.select().count() == 3000
    meetings = queries.list_meetings()
    assert len(meetings) == 300
    held = [m.held_on for m in meetings]
    assert min(held).year == TODAY.year - 9 and max(held) <= TODAY
    assert len(set(held)) == len(held)  # no two giao ban on the same day
    for m in meetings:
        assert m.reviewed_quarter == Quarter.of(m.held_on).previous()


def test_synthetic_meetings_end_today_midyear(db_path: Path) -> None:
    """With today in March, meetings stop at today instead of piling up on it."""
    seeding.synthetic(1000, seed=1, today=date(2026, 3, 1))
    held = [m.held_on for m in queries.list_meetings()]
    assert max(held) <= date(2026, 3, 1)
    assert max(Counter(held).values()) == 1


def test_synthetic_statuses_are_plausible(synthetic_db: Path) -> None:
    """Some done (mostly on time), some open, some in progress, few cancelled, some overdue."""
    rows = queries.list_directives(DirectiveFilter(as_of=TODAY))
    statuses = Counter(r.status for r in rows)
    assert statuses[Status.DONE] > 1500
    assert statuses[Status.OPEN] > 100
    assert statuses[Status.IN_PROGRESS] > 10
    assert 0 < statuses[Status.CANCELLED] < 200
    assert 0 < sum(r.overdue for r in rows) < 1000
    assert 0 < sum(r.due is None for r in rows) < 500
    recent = [r for r in rows if r.due is not None and r.due >= Quarter.of(TODAY)]
    assert sum(r.status is Status.DONE for r in recent) < len(recent) / 2
    done = [r for r in rows if r.status is Status.DONE]
    assert all(r.meeting_held_on <= r.done_on <= TODAY for r in done)
    late = [r for r in done if r.due is not None and r.done_on > r.due.last_day]
    assert 0 < len(late) < len(done) / 3


def test_synthetic_election_directives_only_in_election_years(synthetic_db: Path) -> None:
    """Election directives appear, and only at giao ban of election years (2016, 2021)."""
    rows = queries.list_directives(DirectiveFilter())
    election = [r for r in rows if ELECTION_WORDS.search(fold(r.content))]
    assert election
    assert {r.meeting_held_on.year for r in election} == {2016, 2021}


def test_synthetic_cached_status_follows_leads(synthetic_db: Path) -> None:
    """For every directive, the cached status and done date equal those derived from its leads."""
    for r in queries.list_directives(DirectiveFilter()):
        assert r.leads, r.id
        assert (r.status, r.done_on) == derive_status((o.status, o.done_on) for o in r.leads)
        assert all(o.status is Status.OPEN for o in r.owners if o.role is Role.SUPPORT)


def test_synthetic_rows_are_searchable(synthetic_db: Path) -> None:
    """The search index holds the synthetic rows: the indexed and scanned searches agree."""
    for text in ("bau cu", "nong thon moi", "hai hau"):
        expected = Directive.select().where(Directive.content_folded.contains(text)).count()
        assert expected > 0
        assert queries.count_directives(DirectiveFilter(search=text)) == expected


def test_synthetic_after_sample_keeps_both(sample_db: Path) -> None:
    """Synthetic data goes after existing rows; later directives are still indexed."""
    assert seeding.synthetic(25, seed=3, today=TODAY) == 25
    assert Directive.select().count() == 36
    assert queries.count_directives(DirectiveFilter(search="bau cu")) >= 3
    assert HistoryEntry.select().count() >= 36
    seeding.load_sample()
    assert Directive.select().count() == 36


@pytest.mark.parametrize("count", [0, -5, seeding.MAX_SYNTHETIC + 1, 10**20])
def test_synthetic_count_out_of_range_is_refused(db_path: Path, count: int) -> None:
    """A count of zero, below or above the limit is refused before anything is built."""
    with pytest.raises(ValidationError, match="1 đến 1.000.000"):
        seeding.synthetic(count, seed=1, today=TODAY)
    assert Directive.select().count() == 0
