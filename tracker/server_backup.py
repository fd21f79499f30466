"""``giaoban backup`` on a PostgreSQL server: pg_dump's custom format when pg_dump is
installed (restored with pg_restore, see docs/SERVER.md), else the app's JSON export
(restored with ``giaoban import --replace``). The caller says which was written."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

from tracker.errors import TrackerError
from tracker.store.dbfile import default_db_path
from tracker.store.pg import PgDatabase
from tracker.store.proxy import database

PG_DUMP = "pg_dump"
JSON = "bản xuất JSON"


def _target_file(dest: str | os.PathLike[str] | None, suffix: str, dbname: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"giaoban-{dbname}-{stamp}{suffix}"
    if dest is None:
        folder = Path(default_db_path()).parent / "backups"
        folder.mkdir(parents=True, exist_ok=True)
        return folder / name
    path = Path(dest)
    return path / name if path.is_dir() else path


def backup_server(
    dest: str | os.PathLike[str] | None, *, use_pg_dump: bool = True
) -> tuple[Path, str]:
    """Back up the open server database; the file written and how (pg_dump or JSON)."""
    db = database.obj
    assert isinstance(db, PgDatabase)
    t = db.target
    pg_dump = shutil.which("pg_dump") if use_pg_dump else None
    if pg_dump:
        out = _target_file(dest, ".dump", t.dbname)
        tmp = out.with_name(out.name + ".part")
        cmd = [pg_dump, "-Fc", "-h", t.host, "-p", str(t.port), "-U", t.user, "-f", str(tmp),
               "-w", t.dbname]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode == 0:
            os.replace(tmp, out)
            return out, PG_DUMP
        tmp.unlink(missing_ok=True)
        raise TrackerError(f"pg_dump không sao lưu được ({done.stderr.strip()[:300]}).")
    from tracker.exchange import export_file

    out = _target_file(dest, ".json", t.dbname)
    export_file(out)
    return out, JSON
