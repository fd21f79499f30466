"""The benchmark's databases, built once with ``giaoban demo --synthetic N`` and cached.

A cached file is keyed by a hash of the code that decides what the generator
writes (seeding, schema, text folding, quarters) and by today's date, because
``synthetic()`` dates its statuses relative to today. Change any of those and
the next run builds fresh files.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(__file__).resolve().parent / ".cache"
SEED = 1
GENERATOR_SOURCES = (
    "tracker/seeding.py",
    "tracker/store/models.py",
    "tracker/store/migrations.py",
    "tracker/store/db.py",
    "tracker/text.py",
    "tracker/quarters.py",
    "seeds/organizations.json",
)
SIZES = {"S": 3_000, "L": 300_000}


@dataclass(frozen=True)
class Dataset:
    name: str
    count: int
    path: Path
    generation_s: float  # measured when the file was built
    cached: bool


def giaoban_command() -> list[str]:
    """The installed console script next to this interpreter, else ``python -c``."""
    script = Path(sys.executable).with_name("giaoban")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from ui.entry import main; sys.exit(main())"]


def generator_key() -> str:
    digest = hashlib.sha256()
    for rel in GENERATOR_SOURCES:
        path = ROOT / rel
        digest.update(rel.encode())
        digest.update(path.read_bytes() if path.exists() else b"")
    digest.update(f"seed={SEED}".encode())
    return f"{digest.hexdigest()[:12]}-{date.today():%Y%m%d}"


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("GIAOBAN_DB", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def dataset(name: str, count: int | None = None, *, rebuild: bool = False) -> Dataset:
    """The cached database ``name`` (S, L or any other with ``count``), built if missing."""
    count = count if count is not None else SIZES[name]
    key = generator_key()
    path = CACHE / f"{name}-{count}-{key}.sqlite3"
    meta_path = path.with_suffix(".json")
    if path.exists() and meta_path.exists() and not rebuild:
        meta = json.loads(meta_path.read_text())
        return Dataset(name, count, path, meta["generation_s"], cached=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in CACHE.glob(f"{name}-{count}-*"):
        old.unlink()
    tmp = CACHE / f"building-{name}.sqlite3"
    for leftover in CACHE.glob(f"building-{name}.sqlite3*"):
        leftover.unlink()
    print(f"building {name}: giaoban demo --synthetic {count} --seed {SEED} …", file=sys.stderr)
    start = time.perf_counter()
    subprocess.run(
        [
            *giaoban_command(),
            "demo",
            "--synthetic",
            str(count),
            "--seed",
            str(SEED),
            "--db",
            str(tmp),
        ],
        check=True,
        env=child_env(),
        stdout=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - start
    # Fold the WAL into the file so every run starts from the same single file.
    with sqlite3.connect(tmp) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    shutil.move(tmp, path)
    for leftover in CACHE.glob(f"building-{name}.sqlite3*"):
        leftover.unlink()
    meta_path.write_text(json.dumps({"generation_s": elapsed, "count": count}))
    return Dataset(name, count, path, elapsed, cached=False)


def working_copy(ds: Dataset, label: str) -> Path:
    """A scratch copy of a dataset for scenarios that write (marking done)."""
    dest = CACHE / "scratch" / f"{label}-{ds.path.name}"
    dest.parent.mkdir(parents=True, exist_ok=True)
    for leftover in dest.parent.glob(dest.name + "*"):
        leftover.unlink()
    shutil.copyfile(ds.path, dest)
    return dest
