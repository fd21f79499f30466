"""A file whose schema is not exactly its version's (an added trigger, table, view or
index, an altered or missing column or index) is refused before any use: opened,
read, restored from, restored over or imported into, with a Vietnamese message and
the file byte for byte as it was."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from tracker.cli import main
from tracker.errors import DatabaseOpenError
from tracker.store import migrations, schema
from tracker.store.db import close_db, inspect_file, open_db
from tracker.store.migrations import SCHEMA_VERSION

# name → statements run on a copy of a healthy file (the outside attempt's examples first)
TAMPERING = {
    "trigger deleting directives": [
        "CREATE TRIGGER t AFTER UPDATE ON assignment BEGIN "
        "DELETE FROM directive WHERE id <> new.directive_id; END"
    ],
    "table and trigger copying notes": [
        "CREATE TABLE leak (note TEXT)",
        "CREATE TRIGGER leak_notes AFTER UPDATE ON assignment BEGIN "
        "INSERT INTO leak VALUES (new.result_note); END",
    ],
    "view": ["CREATE VIEW v AS SELECT content FROM directive"],
    "index": ["CREATE INDEX extra ON directive(content)"],
    "added column": ["ALTER TABLE directive ADD COLUMN extra TEXT"],
    "dropped index": ['DROP INDEX "directive_status"'],
    "dropped fts trigger": ["DROP TRIGGER directive_fts_ai"],
    "altered column": [
        "PRAGMA writable_schema = ON",
        "UPDATE sqlite_master SET sql = replace(sql, '\"title\" VARCHAR(255) NOT NULL', "
        "'\"title\" VARCHAR(255)') WHERE name = 'meeting'",
    ],
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tamper(path: Path, statements: list[str]) -> None:
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


@pytest.fixture
def healthy(sample_db: Path) -> Path:
    close_db()
    return sample_db


def test_schema_file_is_what_the_code_makes() -> None:
    """schema_v3.sql is exactly what the models and migrations create (regenerate with
    python -m tracker.store.schema --write)."""
    assert schema.schema_file(SCHEMA_VERSION).read_text("utf-8") == migrations.current_sql()


def test_new_and_migrated_files_pass(healthy: Path) -> None:
    """A file made by this version holds exactly the expected schema, FTS5 shadow tables too."""
    conn = sqlite3.connect(healthy)
    found = schema.read_schema(conn)
    conn.close()
    assert found == schema.expected_schema(SCHEMA_VERSION)
    assert any(n == "directive_fts_data" for _, n, _, _ in found)


@pytest.mark.parametrize("name", sorted(TAMPERING))
def test_tampered_file_is_refused_everywhere(
    healthy: Path, tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Opening, reading, done, import into and restoring from a tampered file: exit 2 or
    DatabaseOpenError, the message names the change, nothing written; restoring a good
    backup over it is the remedy and leaves exactly the expected schema."""
    bad = tmp_path / "bad" / "bad.sqlite3"
    bad.parent.mkdir()
    shutil.copyfile(healthy, bad)
    tamper(bad, TAMPERING[name])
    before = digest(bad)
    with pytest.raises(DatabaseOpenError, match="cấu trúc khác"):
        open_db(str(bad), create=False)
    data = tmp_path / "in.json"
    assert main(["export", str(data), "--db", str(healthy)]) == 0
    good_before = digest(healthy)
    for argv in (
        ["done", "1", "--note", "x", "--db", str(bad)],
        ["directives", "--json", "--db", str(bad)],
        ["meetings", "--db", str(bad)],
        ["import", str(data), "--replace", "--db", str(bad)],
        ["restore", str(bad), "--db", str(healthy)],
    ):
        capsys.readouterr()
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert "cấu trúc khác" in err and "Traceback" not in err, argv
        assert digest(bad) == before, argv
        assert not (bad.parent / "backups").exists(), argv
    assert digest(healthy) == good_before
    assert main(["restore", str(healthy), "--db", str(bad)]) == 0
    conn = sqlite3.connect(bad)
    assert schema.read_schema(conn) == schema.expected_schema(SCHEMA_VERSION)
    conn.close()


def test_trigger_in_backup_never_reaches_the_data(healthy: Path, tmp_path: Path) -> None:
    """The outside attempt's case: a backup with a trigger that deletes directives is
    not restored, and the next done deletes nothing."""
    evil = tmp_path / "evil.sqlite3"
    shutil.copyfile(healthy, evil)
    tamper(evil, TAMPERING["trigger deleting directives"])
    assert main(["restore", str(evil), "--db", str(healthy)]) == 2
    assert main(["done", "1", "--db", str(healthy)]) == 0
    conn = sqlite3.connect(healthy)
    assert conn.execute("SELECT count(*) FROM directive").fetchone()[0] == 11
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 't'").fetchone()[0] == 0
    conn.close()


def test_old_version_is_checked_against_its_frozen_schema(tmp_path: Path) -> None:
    """A version-1 file with an added trigger is refused before it migrates (no backup
    taken, still version 1)."""
    from tests.tracker.test_migrations import build_v1

    v1 = tmp_path / "old.sqlite3"
    build_v1(v1)
    tamper(v1, TAMPERING["view"])
    before = digest(v1)
    with pytest.raises(DatabaseOpenError, match=r'lược đồ 1\): thừa view "v"'):
        open_db(str(v1))
    assert digest(v1) == before
    assert not (tmp_path / "backups").exists()


def test_schema_check_cost(healthy: Path) -> None:
    """The check costs a few milliseconds at start: measured and printed as FIGURES."""
    schema.expected_schema.cache_clear()
    t0 = time.perf_counter()
    schema.expected_schema(SCHEMA_VERSION)
    first = time.perf_counter() - t0
    conn = sqlite3.connect(healthy.resolve().as_uri() + "?mode=ro", uri=True)
    t0 = time.perf_counter()
    for _ in range(50):
        schema.differences(schema.read_schema(conn), schema.expected_schema(SCHEMA_VERSION))
    per_check = (time.perf_counter() - t0) / 50
    conn.close()
    t0 = time.perf_counter()
    inspect_file(healthy)
    whole = time.perf_counter() - t0
    print(
        f"\nFIGURES schema check: expected schema built once {first * 1000:.1f} ms, "
        f"read+compare {per_check * 1000:.2f} ms, whole file inspection {whole * 1000:.1f} ms"
    )
    assert first + per_check < 0.05
