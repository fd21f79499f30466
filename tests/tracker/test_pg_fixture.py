"""The PostgreSQL test server: a socket only, and a database of its own for each test."""

from __future__ import annotations


def test_server_answers_on_its_socket_only(pg_server) -> None:  # type: ignore[no-untyped-def]
    """The server answers on its Unix socket and has TCP switched off."""
    with pg_server.connect() as conn:
        assert conn.execute("SHOW listen_addresses").fetchone()[0] == ""
        version = conn.execute("SELECT current_setting('server_version_num')::int").fetchone()
        assert version[0] >= 150000
    assert (pg_server.socket_dir / f".s.PGSQL.{pg_server.port}").exists()


def test_each_test_gets_an_empty_database(pg_server, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    """pg_url names a new database with no tables in it."""
    dbname = pg_url.rsplit("/", 1)[1]
    with pg_server.connect(dbname) as conn:
        n = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]
    assert n == 0
