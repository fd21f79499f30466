"""Schema creation and version-keyed migrations (``PRAGMA user_version``)."""

from __future__ import annotations

import peewee as pw

from tracker.errors import DatabaseOpenError

SCHEMA_VERSION = 1

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


def schema_version(db: pw.Database) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def ensure_schema(db: pw.Database, path: str | None) -> None:
    """Create a new database, or migrate an older one forward (backup first)."""
    from tracker.models import ALL_MODELS

    version = schema_version(db)
    if version > SCHEMA_VERSION:
        raise DatabaseOpenError(
            f"Tệp dữ liệu được tạo bởi phiên bản Giao ban mới hơn (lược đồ {version}, "
            f"phiên bản này hiểu đến {SCHEMA_VERSION}). Hãy cập nhật chương trình."
        )
    has_tables = bool(db.get_tables())
    if version == 0 and has_tables:
        raise DatabaseOpenError("Tệp SQLite này không phải cơ sở dữ liệu Giao ban.")
    if version == 0:
        with db.atomic():
            db.create_tables(ALL_MODELS)
            for sql in FTS_SQL + EXTRA_INDEXES:
                db.execute_sql(sql)
            db.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
        from tracker.seeding import load_standard_organizations

        load_standard_organizations()
        return
    if version < SCHEMA_VERSION:
        _migrate(db, version, path)


def _migrate(db: pw.Database, version: int, path: str | None) -> None:
    """Run each step from ``version`` up; a backup of the file is taken first."""
    if path and path != ":memory:":
        from tracker.backup import backup_before_migration

        backup_before_migration(db, path, version)
    steps: dict[int, object] = {}  # from-version → callable(db); none yet at schema 1
    while version < SCHEMA_VERSION:
        step = steps[version]
        with db.atomic():
            step(db)  # type: ignore[operator]
            version += 1
            db.execute_sql(f"PRAGMA user_version = {version}")
