"""The one write transaction: the write lock first, and a plain message when it is held.

Every write (the services, an import, a migration step) goes through :func:`writing`
or :func:`write_transaction`. On SQLite the transaction begins IMMEDIATE: it takes the
write lock up front, so the busy timeout applies, instead of a deadlock error when two
readers both try to upgrade to writers. On PostgreSQL an advisory lock plays the same
part (``_pg_one_writer``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

import peewee as pw

from tracker.store.dbfile import busy_error, is_busy
from tracker.store.proxy import database
from tracker.store.who import acting

# PostgreSQL: the advisory lock every write transaction takes first ("GBNW").
PG_WRITE_LOCK = 0x47424E57


def write_transaction(db: pw.Database | None = None) -> AbstractContextManager[object]:
    """A transaction on ``db`` (the open database by default) that holds the write lock
    from its start; a nested call is a savepoint of the outer one."""
    db = db if db is not None else database.obj
    if isinstance(db, pw.SqliteDatabase) and not db.in_transaction():
        return db.atomic("IMMEDIATE")  # type: ignore[no-any-return]
    if isinstance(db, pw.PostgresqlDatabase) and not db.in_transaction():
        return _pg_one_writer(db)
    return db.atomic()  # type: ignore[no-any-return]


@contextmanager
def _pg_one_writer(db: pw.Database) -> Iterator[object]:
    """PostgreSQL's counterpart of BEGIN IMMEDIATE: one write transaction at a time.

    The services check what they read (a version number, a directive still there)
    and then write. PostgreSQL's READ COMMITTED lets two such transactions both pass
    the check and the later write undo the earlier one (a lost update). A
    transaction-level advisory lock taken first makes writers take turns, as SQLite's
    write lock does; every statement after it sees the previous writer's commit.
    Waiting is bounded as SQLite's busy timeout is; the server releases the lock of a
    client that dies mid-transaction."""
    from tracker.store.dbfile import resolve_busy_timeout

    with db.atomic() as txn:
        db.execute_sql(f"SET LOCAL lock_timeout = {int(resolve_busy_timeout())}")
        db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (PG_WRITE_LOCK,))
        yield txn


@contextmanager
def writing(not_done: str = "Chưa lưu được") -> Iterator[None]:
    """:func:`write_transaction`, with a lock held past the busy timeout raised as
    DatabaseBusyError (``not_done`` says what did not happen) instead of SQLite's words.
    The history entries written in it name this login (tracker.store.who)."""
    try:
        with write_transaction(), acting():
            yield
    except (pw.OperationalError, sqlite3.OperationalError) as exc:
        if is_busy(exc):
            raise busy_error(not_done) from exc
        raise
