"""The PostgreSQL server mode against a real server (tests/pgserver.py): the same
search results and JSON listing as SQLite, the schema version check, and the
messages for a server that refuses the connection."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tracker import cli, queries, seeding
from tracker.errors import DatabaseOpenError
from tracker.store.db import close_db, open_db
from tracker.store.migrations import PG_VERSION_TABLE, SCHEMA_VERSION

from .test_listing import SEARCHES, _expected, _filters, _listed


def _fill() -> None:
    from tracker.store.models import Directive, DirectiveTopic, Topic

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


@pytest.fixture(scope="module")
def both(pg_server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """The same data (sample, 1,500 synthetic directives, topics, wildcards) in a
    SQLite file and in a server database."""
    path = str(tmp_path_factory.mktemp("pg") / "giaoban.sqlite3")
    name = pg_server.create_database()
    url = pg_server.url(name)
    for target in (path, url):
        open_db(target)
        _fill()
        close_db()
    yield path, url
    pg_server.drop_database(name)


def test_search_finds_the_same_directives_on_both(both: tuple[str, str]) -> None:
    """Every search (with and without diacritics, short, wildcards) finds the same ids."""
    found: dict[str, list[list[int]]] = {}
    for target in both:
        open_db(target)
        try:
            found[target] = [
                [r.id for r in queries.list_directives(queries.DirectiveFilter(search=s))]
                for s in SEARCHES
            ] + [[queries.count_directives(queries.DirectiveFilter(search=s)) for s in SEARCHES]]
        finally:
            close_db()
    sqlite, pg = (found[t] for t in both)
    assert sqlite == pg
    assert sum(len(ids) for ids in sqlite[:-1]) > 100  # not vacuous


def test_search_pages_are_the_same_on_both(both: tuple[str, str]) -> None:
    """The window's search page (its own statement on each backend): the same rows in the
    same order, page by page, both ways."""
    found: dict[str, list[list[int]]] = {}
    for target in both:
        open_db(target)
        try:
            found[target] = [
                [
                    r.id
                    for r in queries.directive_page(
                        queries.DirectiveFilter(search=s), descending=desc, offset=off, limit=7
                    )
                ]
                for s in SEARCHES
                for desc in (False, True)
                for off in (0, 7, 40)
            ]
        finally:
            close_db()
    sqlite, pg = (found[t] for t in both)
    assert sqlite == pg
    assert sum(len(ids) for ids in sqlite) > 50  # not vacuous


def test_json_listing_on_the_server_lists_what_queries_list(both: tuple[str, str]) -> None:
    """The fast JSON listing on PostgreSQL gives exactly the rows queries gives, every filter."""
    open_db(both[1])
    try:
        for flt in _filters():
            assert _listed(flt, postgres=True) == _expected(flt), flt
    finally:
        close_db()


def test_cli_json_listing_is_the_same_text_on_both(
    both: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """``directives --search "bau cu" --json`` writes the same bytes on both backends."""
    out = []
    for target in both:
        assert cli.main(["directives", "--db", target, "--search", "bau cu", "--json"]) == 0
        out.append(capsys.readouterr().out)
        close_db()
    assert out[0] == out[1]
    assert len(json.loads(out[0])) > 5


def test_server_json_listing_reads_with_psycopg_alone(both: tuple[str, str]) -> None:
    """On the server too ``directives --json`` pays no peewee import and builds no typed
    rows (a third of the command's time): psycopg alone, the rows' text made by the
    server and only joined, the same text as SQLite's."""
    import subprocess
    import sys

    code = (
        "import sys; from tracker.cli import main; "
        "assert main(['directives','--db',sys.argv[1],'--search','bau cu','--json']) == 0; "
        "bad = [m for m in ('tracker.queries', 'tracker.rows', 'peewee') if m in sys.modules]; "
        "assert not bad, bad"
    )
    out = []
    for target in both:
        result = subprocess.run(
            [sys.executable, "-P", "-c", code, target],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        out.append(result.stdout)
    assert out[0] == out[1] and len(json.loads(out[1])) > 5


def test_newer_server_schema_is_refused(pg_server, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    """A database a newer version made is refused with a message, and left as it was."""
    open_db(pg_url)
    close_db()
    dbname = pg_url.rsplit("/", 1)[1]
    pg_server.sql(f"UPDATE {PG_VERSION_TABLE} SET version = {SCHEMA_VERSION + 1}", dbname)
    with pytest.raises(DatabaseOpenError, match="mới hơn"):
        open_db(pg_url)
    with pg_server.connect(dbname) as conn:
        got = conn.execute(f"SELECT version FROM {PG_VERSION_TABLE}").fetchone()[0]
    assert got == SCHEMA_VERSION + 1


def test_foreign_server_database_is_refused(pg_server, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    """A database with another program's tables is not taken over."""
    pg_server.sql("CREATE TABLE customers (id int)", pg_url.rsplit("/", 1)[1])
    with pytest.raises(DatabaseOpenError, match="không phải của Giao ban"):
        open_db(pg_url)


def test_unknown_database_exits_2(
    pg_server, capsys: pytest.CaptureFixture[str]  # type: ignore[no-untyped-def]
) -> None:
    """An unknown database: exit 2 and one Vietnamese line, no traceback."""
    assert cli.main(["meetings", "--db", pg_server.url("khong_co")]) == 2
    err = capsys.readouterr().err
    assert "không có cơ sở dữ liệu" in err and "Traceback" not in err


def test_password_from_pgpass_wrong_password_and_none(
    pg_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A role with a password: libpq's password file opens it; a wrong or missing
    password exits 2 with a message naming the user (never a traceback)."""
    pg_server.sql("CREATE ROLE nguoi_nhap LOGIN PASSWORD 'dung-mat-khau'")
    name = pg_server.create_database()
    pg_server.sql(f"ALTER DATABASE {name} OWNER TO nguoi_nhap")
    hba = pg_server.socket_dir.parent / "data" / "pg_hba.conf"
    hba.write_text("local all nguoi_nhap scram-sha-256\n" + hba.read_text())
    pg_server.sql("SELECT pg_reload_conf()")
    url = pg_server.url(name, user="nguoi_nhap")
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    assert cli.main(["meetings", "--db", url]) == 2
    err = capsys.readouterr().err
    assert "mật khẩu" in err and "nguoi_nhap" in err and "Traceback" not in err
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"*:*:{name}:nguoi_nhap:sai\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    assert cli.main(["meetings", "--db", url]) == 2
    assert "Sai mật khẩu" in capsys.readouterr().err
    passfile.write_text(f"*:*:{name}:nguoi_nhap:dung-mat-khau\n")
    assert cli.main(["meetings", "--db", url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    close_db()
    pg_server.drop_database(name)


def test_password_in_the_url_is_refused() -> None:
    """A password written into the URL is refused (the app never stores one)."""
    with pytest.raises(DatabaseOpenError, match="mật khẩu"):
        open_db("postgresql://a:bimat@localhost/giaoban")
