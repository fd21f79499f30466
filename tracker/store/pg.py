"""The PostgreSQL server mode: the URL, the connection, and the small SQL dialect layer.

``--db postgresql://USER@HOST[:PORT]/DBNAME`` names a database on a server. The
password is never part of what the app stores: libpq reads it from the standard
password file (~/.pgpass, %APPDATA%\\postgresql\\pgpass.conf), or the caller asks
for it and passes it in for this connection only. HOST may be a Unix socket folder,
written percent-encoded (``%2Fvar%2Frun%2Fpostgresql``).

The app's hand-written statements are SQLite's (``?`` placeholders, ``IFNULL``,
``INDEXED BY`` hints, id lists as one JSON parameter). Rather than a second copy
of each, ``PgDatabase.execute_sql`` rewrites those few forms for PostgreSQL in one
place (``translate``); peewee's own statements already come in PostgreSQL's form.
The one real difference, the text search, is ``search_sql``. Raw statements read
dates back as ISO text, as SQLite gives them, so the row code is the same for both.
"""

from __future__ import annotations

from typing import Any

import peewee as pw

from tracker.errors import DatabaseOpenError, TrackerError
from tracker.store import pgtext

# The peewee-free part (the URL, the dialect text, the messages), re-exported here.
DEFAULT_PORT = pgtext.DEFAULT_PORT
SCHEMES = pgtext.SCHEMES
PgTarget = pgtext.PgTarget
connect_error_message = pgtext.connect_error_message
is_pg_url = pgtext.is_pg_url
like_pattern = pgtext.like_pattern
needs_password = pgtext.needs_password
no_negative_limit = pgtext.no_negative_limit
parse_url = pgtext.parse_url
translate = pgtext.translate

# --- the dialect layer --------------------------------------------------------------------


def search_sql(db: pw.Database, key: str) -> tuple[str, tuple[Any, ...]]:
    """The ids of directives whose folded content contains the folded ``key``, as a
    subquery (SQLite's FTS5 trigram index, or PostgreSQL's pg_trgm index)."""
    if is_postgres(db):
        return "(SELECT id FROM directive WHERE content_folded LIKE ?)", (like_pattern(key),)
    phrase = '"' + key.replace('"', '""') + '"'
    return "(SELECT rowid FROM directive_fts WHERE directive_fts MATCH ?)", (phrase,)


def is_postgres(db: pw.Database | pw.DatabaseProxy | None) -> bool:
    obj = db.obj if isinstance(db, pw.DatabaseProxy) else db
    return isinstance(obj, pw.PostgresqlDatabase)


def give_peewee_psycopg() -> None:
    """peewee's module was run without psycopg (``tracker/__init__.py``: start-up time);
    its PostgreSQL adapter reads these names when a server is opened."""
    if pw.psycopg is not None:
        return
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    pw.psycopg = psycopg
    pw.TransactionStatus = TransactionStatus
    pw.Json_pg3 = Json
    pw.Jsonb_pg3 = Jsonb


class PgDatabase(pw.PostgresqlDatabase):
    """peewee's PostgreSQL database on psycopg 3, reading the app's SQLite-worded statements."""

    def __init__(self, target: PgTarget, password: str | None = None) -> None:
        give_peewee_psycopg()
        params: dict[str, Any] = {
            "user": target.user,
            "host": target.host,
            "port": target.port,
            "connect_timeout": 10,
            "application_name": "giaoban",
        }
        if password is not None:
            params["password"] = password
        super().__init__(target.dbname, prefer_psycopg3=True, **params)
        self.target = target

    def _connect(self) -> Any:
        conn = super()._connect()
        from psycopg.types.string import TextLoader

        # Dates come back as ISO text, as from SQLite; peewee's DateField parses them.
        conn.adapters.register_loader("date", TextLoader)
        return conn

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        if "?" in sql or "INDEXED BY" in sql or "IFNULL" in sql or "SUM(" in sql:
            sql = translate(sql)
        return super().execute_sql(sql, no_negative_limit(sql, params))


def insert_many(db: pw.Database | pw.DatabaseProxy, sql: str, rows: Any) -> None:
    """``executemany`` of a hand-written SQLite statement on either backend (the
    cursor bypasses ``PgDatabase.execute_sql``, which translates the others)."""
    db.cursor().executemany(translate(sql) if is_postgres(db) else sql, rows)


class ConnectError(DatabaseOpenError):
    """The server could not be reached or refused the login; ``needs_password`` says
    whether asking for a password could help."""

    def __init__(self, message: str, cause: BaseException) -> None:
        super().__init__(message)
        self.needs_password = needs_password(cause)


def advance_sequences(db: pw.Database) -> None:
    """After rows were written with their own ids (bulk load, copy): each table's id
    sequence moved past its largest id, so the next ordinary insert gets a free one."""
    if not is_postgres(db):
        return
    rows = db.execute_sql(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = "
        "current_schema() AND column_name = 'id' AND column_default LIKE 'nextval%%'"
    ).fetchall()
    for (table,) in rows:
        db.execute_sql(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
            f'COALESCE((SELECT MAX(id) FROM "{table}"), 0) + 1, false)'
        )


def widen_text_columns(db: pw.Database) -> None:
    """SQLite never enforces VARCHAR(255); PostgreSQL would refuse a long title or
    topic that SQLite keeps. Every such column becomes TEXT, as SQLite treats it."""
    rows = db.execute_sql(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND data_type = 'character varying'"
    ).fetchall()
    for table, column in rows:
        db.execute_sql(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE TEXT')


class ServerLostError(TrackerError):
    """The server stopped answering mid-session; the next action reconnects."""


class ReadOnlyError(TrackerError):
    """The login has no write grants on the server database."""


_LOST = (
    "server closed the connection",
    "connection is closed",
    "the connection is lost",
    "terminating connection",
    "consuming input failed",
    "connection refused",
    "no such file or directory",
    "could not receive data",
    "could not send data",
)


def server_error(db: pw.Database | None, exc: BaseException) -> TrackerError | None:
    """A server failure a person can act on, in Vietnamese, or None. A lost
    connection is dropped here, so the next action opens a new one: the app carries
    on by itself when the server is back."""
    if not is_postgres(db):
        return None
    low = str(exc).lower()
    if "permission denied" in low or "read-only" in low:
        return ReadOnlyError(
            "Tài khoản này chỉ có quyền xem dữ liệu trên máy chủ; chưa lưu gì. "
            "Hãy nhờ người quản trị cấp quyền ghi nếu cần sửa."
        )
    if any(s in low for s in _LOST):
        assert db is not None
        _drop_connection(db)
        return ServerLostError(
            "Mất kết nối tới máy chủ cơ sở dữ liệu; thao tác vừa rồi chưa được lưu. "
            "Nội dung đang nhập vẫn giữ nguyên: hãy thử lại khi máy chủ hoạt động trở lại."
        )
    return None


def _drop_connection(db: pw.Database) -> None:
    try:
        db.close()
    except Exception:  # noqa: BLE001 (a dead socket: forget it whatever it says)
        pass
    db._state.reset()


# --- live refresh: LISTEN/NOTIFY -----------------------------------------------------------

CHANNEL = "giaoban_changes"
_PAYLOAD_MAX = 7900  # NOTIFY's payload limit is 8000 bytes


def notify_changes(db: pw.Database, payload: dict[str, Any]) -> None:
    """Tell every other client what this write changed. Sent inside the write's
    transaction, so PostgreSQL delivers it at commit, and never for a rollback."""
    import json

    text = json.dumps(payload, separators=(",", ":"))
    if len(text) > _PAYLOAD_MAX:
        text = '{"all":true}'  # too many ids to name: the others reread what they show
    db.execute_sql("SELECT pg_notify(%s, %s)", (CHANNEL, text))


class Listener:
    """A connection of its own that LISTENs for other clients' writes. No thread and
    no polling: the caller watches ``fileno()`` (the window with a QSocketNotifier)
    and calls ``read()`` when it becomes readable."""

    def __init__(self, target: PgTarget, password: str | None = None) -> None:
        import psycopg

        params: dict[str, Any] = {
            "user": target.user, "host": target.host, "port": target.port,
            "dbname": target.dbname, "autocommit": True, "connect_timeout": 10,
            "application_name": "giaoban-listen",
        }
        if password is not None:
            params["password"] = password
        self._conn = psycopg.connect(**params)
        self._conn.execute(f"LISTEN {CHANNEL}")

    def fileno(self) -> int:
        return int(self._conn.pgconn.socket)

    def read(self, ignore_pid: int | None = None) -> list[dict[str, Any]]:
        """The payloads that arrived (none of ``ignore_pid``'s: this window's own writes).
        Raises psycopg.OperationalError when the server went away."""
        import json

        pgconn = self._conn.pgconn
        pgconn.consume_input()
        out = []
        while (n := pgconn.notifies()) is not None:
            if n.be_pid != ignore_pid:
                out.append(json.loads(n.extra.decode("utf-8")))
        return out

    def close(self) -> None:
        self._conn.close()


def can_write(db: pw.Database | None) -> bool:
    """False for a server login without write grants (the window then opens read-only)."""
    if not is_postgres(db):
        return True
    assert db is not None
    row = db.execute_sql("SELECT has_table_privilege('directive', 'UPDATE')").fetchone()
    return bool(row[0])


def backend_pid(db: pw.Database) -> int | None:
    """The server process of ``db``'s connection (its own NOTIFYs carry it)."""
    if db.is_closed():
        return None
    return int(db.connection().info.backend_pid)



def probe(target: PgTarget, password: str | None = None) -> int | None:
    """Try a connection to ``target`` (the window's "Thử kết nối"): the Giao ban schema
    version found there, 0 for an empty database (made on first use), None for a
    database holding other tables. Raises ConnectError with the Vietnamese message."""
    import psycopg

    params: dict[str, Any] = {
        "user": target.user, "host": target.host, "port": target.port,
        "dbname": target.dbname, "connect_timeout": 10, "application_name": "giaoban",
        "autocommit": True,
    }
    if password:
        params["password"] = password
    try:
        with psycopg.connect(**params) as conn:
            found = conn.execute("SELECT to_regclass('giaoban_schema')").fetchone()
            if found is not None and found[0] is not None:
                row = conn.execute("SELECT version FROM giaoban_schema").fetchone()
                return int(row[0]) if row else 0
            tables = conn.execute(
                "SELECT count(*) FROM information_schema.tables "
                "WHERE table_schema = current_schema()"
            ).fetchone()
            return 0 if not tables or not tables[0] else None
    except psycopg.Error as exc:
        raise ConnectError(connect_error_message(target, exc), exc) from exc
