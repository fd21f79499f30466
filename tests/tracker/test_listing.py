"""``giaoban directives --json`` (tracker.listing, rows rendered by SQLite) lists
exactly what ``queries.list_directives`` lists, written as :func:`directive_json` below,
for every filter the command takes."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tracker import cli, listing, queries, seeding
from tracker.errors import DatabaseOpenError, NotFoundError
from tracker.quarters import Quarter
from tracker.rows import DirectiveRow
from tracker.store.db import close_db, database, open_db
from tracker.store.migrations import SCHEMA_VERSION

from . import test_db_safety as safety
from .test_db_safety import template  # noqa: F401 (a fixture)
from .test_migrations import build_v1, pragma

ROOT = Path(__file__).resolve().parents[2]
STATUSES = (
    "all", "open", "in_progress", "done", "cancelled", "overdue", "not_started", "to_chase"
)
SEARCHES = ("", "bau cu", "BẦU CỬ", "bc", "u", "50%", "a_b", "không có gì như thế")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The sample giao ban, 1,500 synthetic directives, topics on some of them and
    a directive whose text has LIKE's wildcards."""
    from tracker.store.models import Directive, DirectiveTopic, Topic

    path = str(tmp_path_factory.mktemp("listing") / "giaoban.sqlite3")
    open_db(path)
    seeding.load_sample()
    seeding.synthetic(1500, seed=3)
    topics = [Topic.get_or_create(name=n)[0].id for n in ("Bầu cử", "An sinh", "Chuyển đổi số")]
    ids = [d.id for d in Directive.select(Directive.id).order_by(Directive.id)]
    for i, did in enumerate(ids[::7]):
        for t in topics[: i % 4]:
            DirectiveTopic.get_or_create(directive=did, topic=t)
    Directive.update(content="Giảm 50% thủ tục a_b", content_folded="giam 50% thu tuc a_b").where(
        Directive.id == ids[5]
    ).execute()
    close_db()
    return path


def directive_json(d: DirectiveRow) -> dict[str, Any]:
    """A DirectiveRow as the JSON object ``directives --json`` must write for it."""
    # Status and Role are str enums: json writes their values as they are.
    return {
        "id": d.id,
        "meeting_id": d.meeting_id,
        "position": d.position,
        "content": d.content,
        "owners": [
            {
                "org": o.short_name,
                "role": o.role,
                "status": o.status,
                "done_on": o.done_on.isoformat() if o.done_on else None,
            }
            for o in d.owners
        ],
        "due_quarter": d.due.iso if d.due else None,
        "original_due": d.original_due.iso if d.original_due else None,
        "status": d.status,
        "done_on": d.done_on.isoformat() if d.done_on else None,
        "overdue": d.overdue,
        "topics": list(d.topics),
    }


def _expected(flt: queries.DirectiveFilter) -> list[dict]:
    rows = queries.list_directives(flt, with_notes=False)
    return json.loads(json.dumps([directive_json(d) for d in rows], ensure_ascii=False))


def _listed(flt: queries.DirectiveFilter, postgres: bool = False) -> list[dict]:
    where, params, walk = listing.directive_conditions(
        meeting_id=flt.meeting_id,
        quarter=flt.quarter.iso if flt.quarter else None,
        quarter_first_day=flt.quarter.first_day if flt.quarter else None,
        include_carried=flt.include_carried,
        organization_id=flt.organization_id,
        status=str(flt.status),
        search=flt.search,
        as_of=flt.as_of or date.today(),
        postgres=postgres,
    )
    conn = database.connection()
    return json.loads(
        listing.directives_json(conn, where, params, walk=walk, as_of=flt.as_of or date.today())
    )


def _filters() -> list[queries.DirectiveFilter]:
    f = queries.DirectiveFilter
    out = [f(status=queries.StatusFilter(s), search=q) for s in STATUSES for q in SEARCHES]
    meeting_id = queries.meeting_page(limit=3)[2].id
    org = queries.find_organization("MTTQ").id
    this = Quarter.of(date.today())
    for q in (this, this - 3, this - 12, Quarter(2021, 2)):
        for carried in (False, True):
            out.append(f(quarter=q, include_carried=carried))
            out.append(f(quarter=q, include_carried=carried, status=queries.StatusFilter.OPEN))
            out.append(f(quarter=q, include_carried=carried, organization_id=org, search="cu"))
    for as_of in (date(2021, 5, 15), date(2021, 7, 1), date(2030, 1, 1)):
        out.append(f(as_of=as_of))
        out.append(f(as_of=as_of, status=queries.StatusFilter.OVERDUE, search="van dong"))
    out += [
        f(meeting_id=meeting_id),
        f(meeting_id=meeting_id, status=queries.StatusFilter.DONE),
        f(meeting_id=10**9),
        f(organization_id=org),
    ]
    out += [f(organization_id=org, status=queries.StatusFilter(s)) for s in STATUSES]
    return out


def test_the_same_rows_as_list_directives_for_every_filter(db: str) -> None:
    open_db(db)
    try:
        filters = _filters()
        nonempty = 0
        for flt in filters:
            expected = _expected(flt)
            assert _listed(flt) == expected, flt
            nonempty += bool(expected)
        assert nonempty > len(filters) // 2  # the comparison is not vacuous
        everything = _expected(queries.DirectiveFilter())
        assert any(d["topics"] for d in everything)
        assert any(len(d["owners"]) > 2 for d in everything)
        assert {d["status"] for d in everything} >= {"open", "in_progress", "done"}
        assert any(d["overdue"] for d in everything) and any(d["done_on"] for d in everything)
    finally:
        close_db()


def test_organization_by_name_as_queries_finds_it(db: str) -> None:
    open_db(db)
    try:
        conn = database.connection()
        for name in ("MTTQ", "mttq", "Hội LHPN", "hoi lhpn", "BDV"):
            assert listing.find_organization_id(conn, name) == queries.find_organization(name).id
        with pytest.raises(NotFoundError) as raised:
            listing.find_organization_id(conn, "Không có")
        with pytest.raises(NotFoundError) as same:
            queries.find_organization("Không có")
        assert str(raised.value) == str(same.value)
    finally:
        close_db()


def test_json_listing_imports_no_row_types(db: str) -> None:
    """``directives --json`` builds no typed rows and reads with sqlite3 alone:
    tracker.queries, tracker.rows and peewee stay unimported."""
    code = (
        "import sys; from tracker.cli import main; "
        f"assert main(['directives','--db',{db!r},'--search','bau cu','--json']) == 0; "
        "bad = [m for m in ('tracker.queries', 'tracker.rows', 'peewee') if m in sys.modules]; "
        "assert not bad, bad"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) > 0


@pytest.mark.parametrize("descending", [False, True])
def test_search_page_is_the_sorted_list_paged(db: str, descending: bool) -> None:
    """The window's search page (one statement from the search index) is the page
    of the general sorted list, rows and all, in either direction."""
    open_db(db)
    try:
        for text in ("bau cu", "van dong", "tại huyện", "không có gì như thế"):
            flt = queries.DirectiveFilter(search=text, as_of=date(2024, 1, 1))
            whole = queries.directive_ids(flt, descending=descending)
            assert len(whole) == queries.count_directives(flt)
            paged = []
            for offset in range(0, len(whole) + 7, 7):
                page = queries.directive_page(flt, descending=descending, offset=offset, limit=7)
                assert page == queries.directive_rows([r.id for r in page], as_of=date(2024, 1, 1))
                paged += [r.id for r in page]
            assert paged == whole
        assert len(queries.directive_ids(queries.DirectiveFilter(search="bau cu"))) > 7
    finally:
        close_db()


@pytest.mark.parametrize("case", sorted(safety.CASES))
def test_json_listing_refuses_unusable_files_as_open_db(
    case: str,
    tmp_path: Path,
    template: Path,  # noqa: F811 (the fixture imported above)
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The read-only path checks the file as open_db does: exit 2, open_db's one line,
    and the file left untouched."""
    make, expected = safety.CASES[case]
    path = make(tmp_path, template)
    try:
        before = safety._state(path)
        with pytest.raises(DatabaseOpenError) as raised:
            open_db(str(path))
        assert cli.main(["directives", "--json", "--db", str(path)]) == 2
        out, err = capsys.readouterr()
        assert out == "" and err == f"giaoban: lỗi: {raised.value}\n" and expected in err
        assert safety._state(path) == before
    finally:
        close_db()
        for p in (path.parent, path):
            if p.exists() and not p.is_symlink():
                p.chmod(0o700 if p.is_dir() else 0o600)


def test_json_listing_of_a_new_or_old_file_goes_through_open_db(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file is created (with the standard organizations), a release-1 file
    migrated, as by every command; then listed."""
    new = tmp_path / "new" / "giaoban.sqlite3"
    assert cli.main(["directives", "--json", "--db", str(new)]) == 0
    assert json.loads(capsys.readouterr().out) == [] and new.exists()
    old = tmp_path / "old.sqlite3"
    build_v1(old)
    assert cli.main(["directives", "--json", "--db", str(old), "--search", "trien khai"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert pragma(old, "user_version") == SCHEMA_VERSION
    open_db(str(old))
    try:
        flt = queries.DirectiveFilter(search="trien khai")
        assert [d["id"] for d in listed] == [r.id for r in queries.list_directives(flt)]
    finally:
        close_db()
