"""Who makes the changes of the current write: the login name each history entry records,
and each meeting and directive beside the version it writes (schema 4, ``changed_by``).

On a PostgreSQL server it is the session's login (``session_user``: the name the
person connected with, whatever role is set later); on a SQLite file it is the name
of the computer's user (``getpass``). The name is read once per database handle and
set once per write transaction (``tracker.store.transaction.writing``); the history
model's default, ``services.new_version`` and the services' bulk inserts read it with
:func:`current_who`.
"""

from __future__ import annotations

import getpass
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import peewee as pw

from tracker.store.proxy import database

MAX_WHO = 63  # PostgreSQL's longest name; an OS user name is never longer in practice

_current: ContextVar[str | None] = ContextVar("giaoban_who", default=None)
_by_db: weakref.WeakKeyDictionary[pw.Database, str | None] = weakref.WeakKeyDictionary()


def os_user() -> str | None:
    """The computer's user name, or None where it cannot be told (no such variable,
    no password-file entry)."""
    try:
        name = getpass.getuser()
    except (OSError, KeyError, ImportError):
        return None
    return name.strip()[:MAX_WHO] or None


def login_of(db: pw.Database) -> str | None:
    """The login that writes through ``db`` (read once per database handle)."""
    if db in _by_db:
        return _by_db[db]
    if isinstance(db, pw.PostgresqlDatabase):
        row = db.execute_sql("SELECT session_user").fetchone()
        name: str | None = str(row[0]) if row and row[0] else None
    else:
        name = os_user()
    _by_db[db] = name
    return name


def current_who() -> str | None:
    """Who makes the change being written: the name set for this write transaction,
    else the open database's login."""
    name = _current.get()
    if name is not None:
        return name
    db = database.obj
    return login_of(db) if db is not None else os_user()


@contextmanager
def acting(db: pw.Database | None = None) -> Iterator[None]:
    """Within the block, every history entry written names ``db``'s login."""
    db = db if db is not None else database.obj
    if _current.get() is not None or db is None:
        yield  # an inner transaction: the outer one has set it
        return
    token = _current.set(login_of(db))
    try:
        yield
    finally:
        _current.reset(token)
