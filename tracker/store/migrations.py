"""Schema creation and version-keyed migrations (``PRAGMA user_version``).

Schema history:
    1. the first release.
    2. index ``history_entry(directive_id, kind)`` for the latest-note lookups of
       the directive table and the follow-up list; ``PRAGMA application_id`` set
       so that another program's SQLite file is told apart from ours.
    3. tables ``attachment_content`` (a file's bytes, once per sha256) and
       ``attachment`` (name, size, type, date; on a meeting or a directive); and
       ``history_entry.who``: the login that made each change (nullable: entries
       written before schema 3 name no one).
    4. ``meeting.changed_by`` and ``directive.changed_by``: the login that wrote the
       record's current version, so that an edit refused as stale names who changed it
       (nullable: records last written before schema 4 name no one).

A new database is made at schema 1 by ``create_tables`` and then runs the same
steps an old file does, so both end with the same schema.

Both backends come from these models and steps. What only SQLite has is kept
here beside its PostgreSQL counterpart: the version is ``PRAGMA user_version`` on
SQLite and the one row of table ``giaoban_schema`` on PostgreSQL; the text search
index is FTS5 (trigram) on SQLite and a pg_trgm GIN index on the same folded column
on PostgreSQL; ``application_id`` is SQLite's file header only.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable

import peewee as pw

from tracker.errors import DatabaseOpenError
from tracker.oserrors import is_disk_full
from tracker.store import schema
from tracker.store.backup import backup_before_migration
from tracker.store.dbfile import disk_full_error
from tracker.store.models import ADDED_BY_MIGRATIONS, ALL_MODELS, ATTACHMENT_MODELS
from tracker.store.standard import load_standard_organizations
from tracker.store.transaction import write_transaction
from tracker.store.version import APPLICATION_ID, SCHEMA_VERSION

FTS_SQL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS directive_fts USING fts5("
    "content_folded, content='directive', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS directive_fts_ai AFTER INSERT ON directive BEGIN "
    "INSERT INTO directive_fts(rowid, content_folded) VALUES (new.id, new.content_folded); END",
    "CREATE TRIGGER IF NOT EXISTS directive_fts_ad AFTER DELETE ON directive BEGIN "
    "INSERT INTO directive_fts(directive_fts, rowid, content_folded) "
    "VALUES ('delete', old.id, old.content_folded); END",
    "CREATE TRIGGER IF NOT EXISTS directive_fts_au AFTER UPDATE OF content_folded ON directive "
    "BEGIN INSERT INTO directive_fts(directive_fts, rowid, content_folded) "
    "VALUES ('delete', old.id, old.content_folded); "
    "INSERT INTO directive_fts(rowid, content_folded) VALUES (new.id, new.content_folded); END",
)

EXTRA_INDEXES = (
    "CREATE INDEX IF NOT EXISTS directive_due_status ON directive(due_quarter, status)",
    "CREATE INDEX IF NOT EXISTS assignment_org_status ON assignment(organization_id, status)",
)


PG_VERSION_TABLE = "giaoban_schema"
PG_SEARCH_SQL = (
    # pg_trgm is a trusted extension: the database's owner may create it.
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS directive_content_trgm ON directive "
    "USING gin (content_folded gin_trgm_ops)",
)
# Two clients opening a new, empty server database at once: one creates, one waits.
_PG_SCHEMA_LOCK = 0x47424E31


def _is_pg(db: pw.Database) -> bool:
    from tracker.store.pg import is_postgres

    return is_postgres(db)


def schema_version(db: pw.Database) -> int:
    if _is_pg(db):
        exists = db.execute_sql("SELECT to_regclass(%s)", (PG_VERSION_TABLE,)).fetchone()[0]
        if exists is None:
            return 0
        row = db.execute_sql(f"SELECT version FROM {PG_VERSION_TABLE}").fetchone()
        return int(row[0]) if row else 0
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def _set_version(db: pw.Database, version: int) -> None:
    if _is_pg(db):
        db.execute_sql(f"UPDATE {PG_VERSION_TABLE} SET version = %s", (version,))
    else:
        db.execute_sql(f"PRAGMA user_version = {int(version)}")


def _to_2(db: pw.Database) -> None:
    # Imported here: playhouse.migrate pulls in the Postgres and CockroachDB
    # modules (3.5 ms of every start), and only an old file needs it.
    from playhouse.migrate import PostgresqlMigrator, SchemaMigrator, SqliteMigrator, migrate

    migrator: SchemaMigrator = PostgresqlMigrator(db) if _is_pg(db) else SqliteMigrator(db)
    migrate(migrator.add_index("history_entry", ("directive_id", "kind"), False))
    if not _is_pg(db):
        db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")


def _who_step(db: pw.Database) -> None:
    """Schema 3: who made each history entry (tracker.store.who)."""
    from playhouse.migrate import PostgresqlMigrator, SchemaMigrator, SqliteMigrator, migrate

    migrator: SchemaMigrator = PostgresqlMigrator(db) if _is_pg(db) else SqliteMigrator(db)
    migrate(migrator.add_column("history_entry", "who", pw.TextField(null=True)))


def _attachments_step(db: pw.Database) -> None:
    """The attachment tables (schema 3). On PostgreSQL the ids are serial like every
    other table's, the bytes BYTEA and the names TEXT."""
    with db.bind_ctx(ATTACHMENT_MODELS):
        db.create_tables(ATTACHMENT_MODELS)
    if _is_pg(db):
        from tracker.store.pg import widen_text_columns

        widen_text_columns(db)


def _to_3(db: pw.Database) -> None:
    _attachments_step(db)
    _who_step(db)


def _to_4(db: pw.Database) -> None:
    """Schema 4: who wrote each meeting's and directive's current version."""
    from playhouse.migrate import PostgresqlMigrator, SchemaMigrator, SqliteMigrator, migrate

    migrator: SchemaMigrator = PostgresqlMigrator(db) if _is_pg(db) else SqliteMigrator(db)
    migrate(
        migrator.add_column("meeting", "changed_by", pw.TextField(null=True)),
        migrator.add_column("directive", "changed_by", pw.TextField(null=True)),
    )


# from-version → the step that makes it from-version + 1
STEPS: dict[int, Callable[[pw.Database], None]] = {1: _to_2, 2: _to_3, 3: _to_4}


# The tables of schema 1, made by create_schema before the steps add the later ones.
FIRST_MODELS = tuple(m for m in ALL_MODELS if m not in ATTACHMENT_MODELS)


def _create_schema_1_tables(db: pw.Database) -> None:
    """The tables as schema 1 had them: the models without the columns a later step adds
    (that step then adds them, as it does to an old file)."""
    removed = []
    try:
        for model, name in ADDED_BY_MIGRATIONS:
            removed.append((model, name, model._meta.fields[name]))
            model._meta.remove_field(name)
        with db.bind_ctx(FIRST_MODELS):
            db.create_tables(FIRST_MODELS)
    finally:
        for model, name, field in removed:
            model._meta.add_field(name, field)


def create_schema(db: pw.Database) -> None:
    """The current schema in an empty database: schema 1 from the models, then every step.

    Also what ``tracker.store.schema`` writes down as the expected schema of this version.
    """
    _create_schema_1_tables(db)
    pg = _is_pg(db)
    for sql in (PG_SEARCH_SQL if pg else FTS_SQL) + EXTRA_INDEXES:
        db.execute_sql(sql)
    if pg:
        from tracker.store.pg import widen_text_columns

        widen_text_columns(db)
        db.execute_sql(f"CREATE TABLE {PG_VERSION_TABLE} (version INTEGER NOT NULL)")
        db.execute_sql(f"INSERT INTO {PG_VERSION_TABLE} (version) VALUES (1)")
    else:
        db.execute_sql("PRAGMA user_version = 1")
    _run_steps(db, 1)


def ensure_schema(db: pw.Database, path: str | None) -> None:
    """Create a new database, or migrate an older one forward (backup first)."""
    version = schema_version(db)
    if version == 0 and _is_pg(db):
        with db.atomic():
            db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_PG_SCHEMA_LOCK,))
            version = schema_version(db)
            if version == 0:
                if db.get_tables():
                    raise DatabaseOpenError(
                        "Cơ sở dữ liệu trên máy chủ đã có bảng khác, không phải của Giao ban."
                    )
                create_schema(db)
                load_standard_organizations()
                return
    if version > SCHEMA_VERSION:
        where = "Cơ sở dữ liệu trên máy chủ" if _is_pg(db) else "Tệp dữ liệu"
        raise DatabaseOpenError(
            f"{where} được tạo bởi phiên bản Giao ban mới hơn (lược đồ {version}, "
            f"phiên bản này hiểu đến {SCHEMA_VERSION}). Hãy cập nhật chương trình."
        )
    has_tables = bool(db.get_tables())
    if version == 0 and has_tables:
        raise DatabaseOpenError("Tệp SQLite này không phải cơ sở dữ liệu Giao ban.")
    if version == 0:
        with db.atomic():
            create_schema(db)
        load_standard_organizations()
        return
    if version < SCHEMA_VERSION:
        _migrate(db, version, path)


def _run_steps(db: pw.Database, version: int) -> None:
    """Each step and its version number together, or neither. The version is
    read again under the write lock: a second window opening the same old
    file at the same moment finds the work done instead of repeating it."""
    while version < SCHEMA_VERSION:
        with write_transaction(db):
            version = schema_version(db)
            if version >= SCHEMA_VERSION:
                return
            if _is_pg(db):  # a second client migrating at the same moment waits here
                db.execute_sql(f"LOCK TABLE {PG_VERSION_TABLE} IN EXCLUSIVE MODE")
                version = schema_version(db)
                if version >= SCHEMA_VERSION:
                    return
            STEPS[version](db)
            version += 1
            _set_version(db, version)


def _migrate(db: pw.Database, version: int, path: str | None) -> None:
    """Run each step from ``version`` up; a backup of the file is taken first."""
    if path and path != ":memory:":
        try:
            backup_before_migration(db, path, version)
        except (OSError, sqlite3.Error) as exc:
            if is_disk_full(exc, path):
                why = "không sao lưu được trước khi nâng cấp nên chưa nâng cấp; tệp được giữ nguyên"
                raise disk_full_error(path, why) from exc
            raise DatabaseOpenError(
                f"Chưa nâng cấp tệp dữ liệu lên lược đồ {SCHEMA_VERSION} vì không sao lưu được "
                f"trước khi nâng cấp ({exc}). Tệp được giữ nguyên."
            ) from exc
    _run_steps(db, version)


# --- the current schema file ----------------------------------------------------------------


def current_sql() -> str:
    """The current version's schema as the code makes it (models, then every
    migration step), as SQL statements, one a line."""
    db = pw.SqliteDatabase(":memory:")
    db.connect()
    try:
        with db.atomic():
            create_schema(db)
        rows = db.execute_sql(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
        ).fetchall()
        virtual = [n for t, n, s in rows if t == "table" and s.startswith("CREATE VIRTUAL")]
        shadows = {v + suffix for v in virtual for suffix in schema.FTS5_SHADOWS}
        version = int(db.execute_sql("PRAGMA user_version").fetchone()[0])
    finally:
        db.close()
    lines = [
        f"-- Giao ban schema version {version}, made by the models and migrations "
        "(python -m tracker.store.schema --write; never edit by hand).",
        "-- When the version changes, this file is kept frozen as it is and a new one written.",
    ]
    lines += [f"{schema.normalize(s)};" for t, n, s in rows if n not in shadows]
    lines.append(f"PRAGMA user_version = {version};")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """``python -m tracker.store.schema [--write]``: print (or write) the current schema file."""
    text = current_sql()
    if argv[:1] == ["--write"]:
        schema.schema_file(SCHEMA_VERSION).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
