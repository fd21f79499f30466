"""Shared fixtures: a fresh real SQLite file per test, optionally with the sample giao ban."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("GIAOBAN_DB", None)
# Python programs the tests start never import from their working folder (the source
# tree): they use the installed package, as the suite itself does (see pyproject.toml).
os.environ["PYTHONSAFEPATH"] = "1"

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from tracker.store.db import close_db, open_db  # noqa: E402

BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test module with ``BOTH_BACKENDS = True`` runs each test that opens a database
    (db_path, sample_db) once on SQLite and once on the PostgreSQL test server."""
    if getattr(metafunc.module, "BOTH_BACKENDS", False) and "backend" in metafunc.fixturenames:
        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Which database the test runs on: "sqlite" unless the module asks for both."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def db_path(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Iterator[Path]:
    """A new database file, opened, with the standard organizations (on the PostgreSQL
    backend: a new server database, and its URL in place of the path)."""
    if backend == "postgresql":
        url = request.getfixturevalue("pg_url")
        open_db(url)
        yield url  # type: ignore[misc]
        close_db()
        return
    path = tmp_path / "giaoban.sqlite3"
    open_db(str(path))
    yield path
    close_db()


@pytest.fixture
def sample_db(db_path: Path) -> Path:
    """The database with the sample giao ban of 1 April 2021 loaded."""
    from tracker.seeding import load_sample

    load_sample()
    return db_path


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """A PostgreSQL server of its own for the session (tests/pgserver.py); skips with the
    reason where PostgreSQL or psycopg is not installed."""
    from tests.pgserver import running_server, unavailable_reason

    why = unavailable_reason()
    if why:
        pytest.skip(why)
    with running_server() as server:
        yield server


@pytest.fixture
def pg_url(pg_server) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The URL of a new, empty database on the test server, dropped afterwards."""
    name = pg_server.create_database()
    yield pg_server.url(name)
    close_db()
    pg_server.drop_database(name)
