"""Round trips through tracker.exchange: export → import → export. (Hostile input is
tested in test_import_fuzz.py; the snapshots used for undo in test_undo.py.)"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tracker import exchange, queries, services
from tracker.drafts import DirectiveDraft
from tracker.errors import ImportFileError
from tracker.quarters import Quarter
from tracker.queries import DirectiveFilter
from tracker.settings import ReportSettings, SignerCapacity
from tracker.status import derive_status
from tracker.store.db import close_db, open_db
from tracker.store.models import Meeting

Q2, Q3, Q4 = Quarter(2021, 2), Quarter(2021, 3), Quarter(2021, 4)


def org_ids() -> dict[str, int]:
    return {o.short_name: o.id for o in queries.list_organizations()}


def sample_directives() -> list[int]:
    return queries.directive_ids(DirectiveFilter())


def enrich() -> None:
    """Give the sample data every kind of follow-up the file must carry."""
    ids = org_ids()
    d = sample_directives()
    services.mark_done(directive_ids=[d[0]], on=date(2021, 5, 20), note="Đạt 99,8% cử tri")
    services.mark_done(
        directive_ids=[d[1]], organization_id=ids["Hội ND"], on=date(2021, 5, 2), note="Xong"
    )
    services.extend_deadline(directive_id=d[2], new_due=Q3, reason="Chờ", on=date(2021, 6, 25))
    services.extend_deadline(directive_id=d[2], new_due=Q4, reason="Dịch", on=date(2021, 9, 25))
    services.add_note(
        directive_id=d[3], text="Đã quán triệt", organization_id=ids["MTTQ"], on=date(2021, 4, 9)
    )
    services.cancel(directive_ids=[d[4]], reason="Gộp với nội dung khác")
    services.cancel(directive_ids=[d[6]], organization_id=ids["Hội CCB"])
    services.rename_organization(
        organization_id=ids["BDV"], name="Ban Tuyên giáo và Dân vận Tỉnh ủy", short_name="BTGDV"
    )
    services.set_organization_active(organization_id=ids["Hội CCB"], active=False)
    services.add_organization(name="Hội Chữ thập đỏ tỉnh", short_name="Hội CTĐ")
    services.reorder_organizations(organization_ids=[ids["BDV"]])
    services.save_settings(
        settings=ReportSettings(
            province="Nam Định", signer_capacity=SignerCapacity.DEPUTY, signer_name="Trần Thị B"
        )
    )
    services.update_directive(
        directive_id=d[7],
        directive=DirectiveDraft(
            content='Nội dung đã sửa: "trích dẫn" và xuống dòng',
            lead_ids=(ids["MTTQ"],),
            support_ids=(ids["BDV"], ids["Hội ND"]),
            due=Q3,
            topics=("Nông thôn mới", "Chuyển đổi số"),
        ),
    )


def exported() -> str:
    return exchange.dumps(exchange.export_data())


@pytest.fixture
def rich_db(sample_db: Path) -> Path:
    enrich()
    return sample_db


def test_export_import_export_is_identical(rich_db: Path, tmp_path: Path) -> None:
    """Export, import into a new database file, export again: the same JSON."""
    out = tmp_path / "out.json"
    exchange.export_file(out)
    first = out.read_text(encoding="utf-8")
    assert first == exported()
    close_db()
    open_db(str(tmp_path / "fresh.sqlite3"))
    changes = exchange.import_file(out)
    assert len(changes.meeting_ids) == 1 and len(changes.directive_ids) == 11
    assert exported() == first
    data = json.loads(first)
    assert {o["short_name"] for o in data["organizations"]} >= {"BTGDV", "Hội CTĐ"}


def test_import_recomputes_status_and_search(rich_db: Path, tmp_path: Path) -> None:
    """After import, the cached statuses follow the owners and the search index finds rows."""
    before = {r.id: (r.status, r.done_on) for r in queries.list_directives()}
    data = exchange.export_data()
    close_db()
    open_db(str(tmp_path / "fresh.sqlite3"))
    exchange.import_data(data)
    after = {r.id: (r.status, r.done_on) for r in queries.list_directives()}
    assert after == before
    for r in queries.list_directives():
        assert (r.status, r.done_on) == derive_status((o.status, o.done_on) for o in r.leads)
    assert queries.count_directives(DirectiveFilter(search="bau cu")) == 2
    assert queries.count_directives(DirectiveFilter(search="trich dan")) == 1
    assert queries.load_settings().signer_name == "Trần Thị B"
    assert [o.short_name for o in queries.list_organizations()][0] == "BTGDV"


def test_imported_database_takes_new_records(rich_db: Path, tmp_path: Path) -> None:
    """New records made after an import get fresh ids and export alongside the old."""
    data = exchange.export_data()
    close_db()
    open_db(str(tmp_path / "fresh.sqlite3"))
    exchange.import_data(data)
    org = services.add_organization(name="Hội Khuyến học tỉnh", short_name="Hội KH")
    assert org.created_id == max(o["id"] for o in data["organizations"]) + 1
    meeting_id = sample_meeting_id()
    added = services.add_directive(
        meeting_id=meeting_id,
        directive=DirectiveDraft(content="Việc mới", lead_ids=(org.created_id,)),
    )
    assert added.created_id == max(sample_directives_in(data)) + 1
    assert len(exchange.export_data()["meetings"][0]["directives"]) == 12


def sample_meeting_id() -> int:
    return Meeting.select().get().id


def sample_directives_in(data: dict) -> list[int]:
    return [d["id"] for m in data["meetings"] for d in m["directives"]]


def test_import_refuses_a_database_with_meetings(rich_db: Path, tmp_path: Path) -> None:
    """Without replace, importing into a database that holds giao ban is refused, unchanged."""
    before = exported()
    data = exchange.export_data()
    data["meetings"][0]["title"] = "Khác"
    with pytest.raises(ImportFileError, match="đã có dữ liệu"):
        exchange.import_data(data)
    assert exported() == before


def test_import_with_replace(rich_db: Path) -> None:
    """With replace, the file's data replaces everything in the database."""
    data = exchange.export_data()
    services.delete_meeting(meeting_id=sample_meeting_id())
    services.add_organization(name="Tạm", short_name="Tạm")
    exchange.import_data(data, replace=True)
    assert exchange.export_data() == data


# --- snapshots for undo ---------------------------------------------------------------------


def test_synthetic_data_round_trip(sample_db: Path, tmp_path: Path) -> None:
    """Sample plus synthetic data survive export → import → export unchanged."""
    from tracker.seeding import synthetic

    synthetic(300, seed=4, today=date(2025, 12, 31))
    first = exported()
    close_db()
    open_db(str(tmp_path / "fresh.sqlite3"))
    exchange.import_data(exchange.parse_text(first))
    assert exported() == first
    assert queries.count_directives() == 311


BOTH_BACKENDS = True  # conftest: each test on SQLite and on PostgreSQL
