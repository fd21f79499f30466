"""Large, valid Giao ban databases for the WAL, crash and integrity tests, built once per
test session (real rows through ``seeding.synthetic``, not padding) and copied per test."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

LONG_ENV = "GIAOBAN_LONG_TRIALS"


def long_trials() -> bool:
    """True when the long fault trials were asked for (GIAOBAN_LONG_TRIALS=1)."""
    return os.environ.get(LONG_ENV, "") not in ("", "0")


def built(factory: pytest.TempPathFactory, directives: int) -> Path:
    """A closed database with the sample and ``directives`` synthetic directives
    (~1.15 KB each: 20,000 ≈ 23 MB, 60,000 ≈ 70 MB), cached for the session."""
    folder = factory.getbasetemp() / f"big-{directives}"
    path = folder / "giaoban.sqlite3"
    if path.exists():
        return path
    from tracker.seeding import load_sample, synthetic
    from tracker.store.db import close_db, open_db

    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / "building.sqlite3"
    open_db(str(tmp))
    try:
        load_sample()
        synthetic(directives, seed=7)
    finally:
        close_db()
    os.replace(tmp, path)
    return path


def copy_of(template: Path, folder: Path) -> Path:
    """A private copy of a cached database (without side files)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "giaoban.sqlite3"
    shutil.copyfile(template, target)
    target.chmod(0o600)
    return target


def damage_a_page(path: Path, table: str = "directive") -> int:
    """Overwrite one leaf page of ``table`` near the middle of its pages with garbage, as
    a failing disk sector would; returns the page number."""
    import random
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        pages = [
            r[0]
            for r in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
                (table,),
            )
        ]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    page = pages[len(pages) // 2]
    with open(path, "r+b") as fh:
        fh.seek((page - 1) * page_size)
        fh.write(random.Random(page).randbytes(page_size))
    return page
