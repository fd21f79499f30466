"""Characters XML forbids (C0 controls but tab/newline/CR, U+FFFE, U+FFFF, lone surrogates)
never enter the database, and a database that already holds some still gives every report."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from tracker import exchange, services
from tracker.errors import ImportFileError, ValidationError
from tracker.store.db import close_db
from tracker.text import printable, unprintable

BAD = ["\x00", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\ufffe", "\uffff", "\ud800", "\udfff"]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("GIAOBAN_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "ui.entry", *args],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
    )  # fmt: skip


@pytest.mark.parametrize("char", BAD)
def test_unprintable_found_and_removed(char: str) -> None:
    """unprintable names the character; printable removes it and keeps tab and newline."""
    text = f"Kết\tquả\n{char}xong"
    assert unprintable(text) == f"U+{ord(char):04X}"
    assert printable(text) == "Kết\tquả\nxong"
    assert unprintable("Kết quả\r\n\tđạt ✓ 😀") is None


@pytest.mark.parametrize("char", BAD)
def test_import_refuses_the_file(char: str, sample_db: Path, tmp_path: Path) -> None:
    """A JSON file with such a character in a directive's content is refused whole; the
    database is unchanged and the message names the character and the place."""
    data = exchange.export_data()
    data["meetings"][0]["directives"][2]["content"] += f" {char} cuối"
    close_db()
    source = tmp_path / "in.json"
    # ensure_ascii: a lone surrogate can only travel as an escape ("\ud800")
    source.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    before = digest(sample_db)
    done = cli("import", str(source), "--replace", "--db", str(sample_db))
    assert done.returncode == 2, done.stderr
    assert f"U+{ord(char):04X}" in done.stderr and "content" in done.stderr
    assert "Traceback" not in done.stderr
    assert digest(sample_db) == before
    with pytest.raises(ImportFileError):
        exchange.validate(exchange.read_file(source))


@pytest.mark.parametrize("char", ["\x07", "\x1b", "\ufffe"])
def test_done_note_refused(char: str, sample_db: Path) -> None:
    """``done --note`` with such a character: exit 2, a Vietnamese message, nothing written."""
    close_db()
    before = digest(sample_db)
    done = cli("done", "1", "--note", f"Đã xong{char}", "--db", str(sample_db))
    assert done.returncode == 2
    assert "không in được" in done.stderr and "Traceback" not in done.stderr
    assert digest(sample_db) == before


def test_every_service_text_is_checked(sample_db: Path) -> None:
    """Content, notes, topics, progress notes, extension reasons and settings refuse it."""
    from tracker import queries
    from tracker.drafts import DirectiveDraft
    from tracker.quarters import Quarter

    d = queries.directive(1)
    leads = tuple(o.organization_id for o in d.leads)

    def draft(content: str, topics: tuple[str, ...] = ()) -> DirectiveDraft:
        return DirectiveDraft(content=content, lead_ids=leads, due=d.due, topics=topics)

    calls = [
        lambda: services.mark_done(directive_ids=[1], note="a\x07"),
        lambda: services.add_note(directive_id=1, text="a\x07"),
        lambda: services.extend_deadline(directive_id=1, new_due=Quarter(2030, 1), reason="a\x07"),
        lambda: services.update_directive(directive_id=1, directive=draft("a\x07")),
        lambda: services.update_directive(directive_id=1, directive=draft("Nội dung", ("x\x07",))),
    ]
    calls.append(
        lambda: services.save_settings(
            settings=replace(queries.load_settings(), signer_name="Nguyễn Văn A\x07")
        )
    )
    for call in calls:
        with pytest.raises(ValidationError, match="không in được"):
            call()
    conn = sqlite3.connect(sample_db)
    rows = conn.execute(
        "SELECT content FROM directive UNION ALL SELECT result_note FROM assignment "
        "UNION ALL SELECT text FROM history_entry UNION ALL SELECT name FROM topic "
        "UNION ALL SELECT value FROM setting"
    ).fetchall()
    conn.close()
    assert not any(unprintable(r[0]) for r in rows)


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "docx"])
def test_reports_write_from_a_database_that_already_holds_them(
    fmt: str, sample_db: Path, tmp_path: Path
) -> None:
    """Text written before the check (content, names, notes, settings) still prints: the
    writers leave the characters out."""
    close_db()
    conn = sqlite3.connect(sample_db)
    bad = "\x01\x07\x0b\x1b\ufffe\uffff"
    conn.execute("UPDATE directive SET content = content || ?", (bad,))
    conn.execute("UPDATE assignment SET result_note = ?, status = 'in_progress'", (bad,))
    conn.execute("UPDATE meeting SET title = title || ?", (bad,))
    conn.execute("UPDATE organization SET name = name || ?, short_name = short_name || ?",
                 (bad, bad))  # fmt: skip
    conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('signer_name', ?)",
                 ("Nguyễn Văn A" + bad,))  # fmt: skip
    conn.commit()
    conn.close()
    out = tmp_path / f"ds.{fmt}"
    done = cli(
        "report", "--db", str(sample_db), "--format", fmt, "--out", str(out),
        "--quarter", "Quý II-2021", "--as-of", "20/07/2021",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 1000
