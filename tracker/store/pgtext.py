"""The server mode's plain text, without peewee: the URL, the dialect rewriting of the
app's SQLite-worded statements, the connection messages, and the read-only connection
of ``giaoban directives --json`` (which must not pay peewee's import, as on SQLite).

``tracker.store.pg`` re-exports every name here; see its docstring for the dialect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import unquote, urlsplit

from tracker.errors import DatabaseOpenError

SCHEMES = ("postgresql://", "postgres://")
DEFAULT_PORT = 5432


def is_pg_url(target: str) -> bool:
    return target.startswith(SCHEMES)


@dataclass(frozen=True)
class PgTarget:
    """Where a server database is: what ``--db postgresql://...`` says."""

    user: str
    host: str
    port: int
    dbname: str

    def display(self) -> str:
        """The URL without any password, for messages and the window title."""
        from urllib.parse import quote

        host = quote(self.host, safe="") if "/" in self.host else self.host
        return f"postgresql://{quote(self.user, safe='')}@{host}:{self.port}/{self.dbname}"


def parse_url(url: str) -> PgTarget:
    """Split ``postgresql://USER@HOST[:PORT]/DBNAME``; a password in it is refused
    (the app never takes one where it could be stored or shown)."""
    bad = DatabaseOpenError(
        f'Địa chỉ máy chủ "{url}" không đúng dạng postgresql://NGƯỜI_DÙNG@MÁY_CHỦ[:CỔNG]/TÊN_CSDL.'
    )
    try:
        parts = urlsplit(url)
        port = parts.port or DEFAULT_PORT
    except ValueError as exc:
        raise bad from exc
    if parts.password is not None:
        raise DatabaseOpenError(
            "Không ghi mật khẩu vào địa chỉ máy chủ: chương trình sẽ hỏi mật khẩu, "
            "hoặc đọc từ tệp mật khẩu chuẩn của PostgreSQL (pgpass)."
        )
    dbname = unquote(parts.path.lstrip("/"))
    if not parts.username or not parts.hostname or not dbname or "/" in dbname:
        raise bad
    # urlsplit lower-cases the host; a socket folder keeps its case.
    netloc_host = parts.netloc.rsplit("@", 1)[-1]
    if parts.port is not None:
        netloc_host = netloc_host.rsplit(":", 1)[0]
    return PgTarget(unquote(parts.username), unquote(netloc_host), port, dbname)


_IN_IDS_SQLITE = "(SELECT value FROM json_each(?))"
_IN_IDS_PG = "(SELECT value::bigint FROM json_array_elements_text(%s::json))"
_INDEXED_BY = re.compile(r"\s+INDEXED BY \w+")
_IFNULL = re.compile(r"\bIFNULL\(")
_PERCENT = re.compile(r"%(?!s)")
# SUM(a = b): SQLite sums the comparison's 0 or 1; PostgreSQL has no SUM(boolean).
_SUM_OF_TEST = re.compile(r"\bSUM\(([^()]*?(?:=|<|>)[^()]*?)\)")
_LIMIT_PARAM = re.compile(r"\bLIMIT %s")


@lru_cache(maxsize=512)
def translate(sql: str) -> str:
    """A hand-written SQLite statement in PostgreSQL's words (see the module docstring).
    Kept for the next run of the same text: the window runs the same few statements
    again and again, and the rewriting cost more than sending one of them."""
    sql = sql.replace(_IN_IDS_SQLITE, "\0IDS\0")
    # A peewee statement with a hand-written fragment already has %s placeholders.
    sql = _PERCENT.sub("%%", sql).replace("?", "%s")
    sql = sql.replace("\0IDS\0", _IN_IDS_PG)
    sql = _INDEXED_BY.sub("", sql)
    sql = _SUM_OF_TEST.sub(r"SUM(CASE WHEN \1 THEN 1 ELSE 0 END)", sql)
    return _IFNULL.sub("COALESCE(", sql)


def no_negative_limit(sql: str, params: Any) -> Any:
    """SQLite's ``LIMIT -1`` (no limit) as PostgreSQL's ``LIMIT NULL``."""
    if not params or "LIMIT %s" not in sql:
        return params
    out = list(params)
    for m in _LIMIT_PARAM.finditer(sql):
        i = sql.count("%s", 0, m.start())
        if i < len(out) and isinstance(out[i], int) and out[i] < 0:
            out[i] = None
    return out


def like_pattern(key: str) -> str:
    """A LIKE pattern for "contains ``key``" (``\\`` is PostgreSQL's LIKE escape)."""
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def connect_error_message(target: PgTarget, exc: BaseException) -> str:
    """A one-line Vietnamese message for a failed connection (never the driver's traceback)."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    low = str(exc).lower()
    if "password authentication failed" in low or "no password supplied" in low:
        return f'Sai mật khẩu hoặc thiếu mật khẩu cho người dùng "{target.user}" ({text}).'
    if "does not exist" in low and "database" in low:
        return f'Máy chủ không có cơ sở dữ liệu "{target.dbname}" ({text}).'
    if "role" in low and "does not exist" in low:
        return f'Máy chủ không có người dùng "{target.user}" ({text}).'
    return f"Không kết nối được máy chủ {target.host}:{target.port} ({text})."


def needs_password(exc: BaseException) -> bool:
    low = str(exc).lower()
    return "no password supplied" in low or "password authentication failed" in low


def connect_for_reading(target: str) -> Any:
    """A plain psycopg connection to a server database of the current schema, for a
    command that only reads; None when ``open_db`` must handle it instead (the server
    refuses or wants a password: its message, or the question, come from there; a new,
    older, newer or foreign database)."""
    import psycopg

    from tracker.store.version import SCHEMA_VERSION

    t = parse_url(target)
    try:
        conn = psycopg.connect(
            user=t.user, host=t.host, port=t.port, dbname=t.dbname, connect_timeout=10,
            application_name="giaoban", autocommit=True,
        )  # fmt: skip
    except psycopg.Error:
        return None
    try:
        found = conn.execute("SELECT to_regclass('giaoban_schema')").fetchone()
        row = None
        if found is not None and found[0] is not None:
            row = conn.execute("SELECT version FROM giaoban_schema").fetchone()
    except psycopg.Error:
        row = None
    if row is None or int(row[0]) != SCHEMA_VERSION:
        conn.close()
        return None
    return conn
