"""SIGKILL at random moments while a real process saves changes: nothing reported saved is
lost, nothing is half-saved, the file stays intact."""

from __future__ import annotations

import copy
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tracker.rows import Status
from tracker.status import derive_status

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("safety_worker.py")
TRIALS = 36
N_DIRECTIVES = 4  # safety_worker.DIRECTIVES_PER_MEETING

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

# The model: what the reported changes say the database holds.
# meetings: {id: title}; directives: {id: {meeting, content, due, leads: {org: status},
# supports: [org], notes: [text], extensions: [quarter]}}
Model = dict[str, dict[int, Any]]


def apply(model: Model, begin: dict[str, Any], ok: dict[str, Any] | None) -> Model:
    """The model after one change. ``ok`` carries the ids a new meeting got."""
    m = copy.deepcopy(model)
    op = begin["op"]
    ds = m["directives"]
    if op == "meeting":
        assert ok is not None
        m["meetings"][ok["meeting_id"]] = begin["title"]
        for did, draft in zip(ok["directive_ids"], begin["directives"], strict=True):
            ds[did] = {
                "meeting": ok["meeting_id"],
                "content": draft["content"],
                "due": draft["due"],
                "leads": {o: "open" for o in draft["leads"]},
                "supports": sorted(draft["supports"]),
                "notes": [],
                "extensions": [],
            }
    elif op == "delmeet":
        del m["meetings"][begin["meeting_id"]]
        for did in [i for i, d in ds.items() if d["meeting"] == begin["meeting_id"]]:
            del ds[did]
    else:
        d = ds[begin["directive_id"]]
        if op == "done":
            d["leads"] = {o: "done" for o in d["leads"]}
        elif op == "partial":
            d["leads"][begin["organization_id"]] = "done"
        elif op == "reopen":
            d["leads"] = {o: "open" for o in d["leads"]}
        elif op == "extend":
            d["due"] = begin["new_due"]
            d["extensions"].append(begin["new_due"])
        elif op == "note":
            d["notes"].append(begin["text"])
        elif op == "edit":
            d["content"] = begin["content"]
        elif op == "deldir":
            del ds[begin["directive_id"]]
    return m


def snapshot(path: Path) -> tuple[Model, list[str]]:
    """What the file holds, read with plain sqlite3; and the structural problems found:
    integrity, foreign keys, directives without a lead, a stale cached status."""
    conn = sqlite3.connect(path)
    problems: list[str] = []
    try:
        check = conn.execute("PRAGMA integrity_check").fetchall()
        if check != [("ok",)]:
            problems.append(f"integrity_check: {check[:3]}")
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(f"foreign_key_check: {fk[:3]}")
        model: Model = {
            "meetings": dict(conn.execute("SELECT id, title FROM meeting")),
            "directives": {},
        }
        for did, mid, content, due, status in conn.execute(
            "SELECT id, meeting_id, content, due_quarter, status FROM directive"
        ):
            rows = conn.execute(
                "SELECT organization_id, role, status, done_on FROM assignment "
                "WHERE directive_id = ?",
                (did,),
            ).fetchall()
            leads = {o: s for o, r, s, _ in rows if r == "lead"}
            if not leads:
                problems.append(f"directive {did} has no lead")
            derived, _ = derive_status((Status(s), d) for _, r, s, d in rows if r == "lead")
            if derived.value != status:
                problems.append(f"directive {did} cached status {status} != {derived.value}")
            notes = [
                t
                for (t,) in conn.execute(
                    "SELECT text FROM history_entry WHERE directive_id = ? AND kind = 'note' "
                    "ORDER BY id",
                    (did,),
                )
            ]
            created = conn.execute(
                "SELECT count(*) FROM history_entry WHERE directive_id = ? AND kind = 'created'",
                (did,),
            ).fetchone()[0]
            if created != 1:
                problems.append(f"directive {did} has {created} 'created' history entries")
            model["directives"][did] = {
                "meeting": mid,
                "content": content,
                "due": due,
                "leads": leads,
                "supports": sorted(o for o, r, _, _ in rows if r == "support"),
                "notes": notes,
                "extensions": [
                    q
                    for (q,) in conn.execute(
                        "SELECT new_quarter FROM extension WHERE directive_id = ? ORDER BY id",
                        (did,),
                    )
                ],
            }
        for mid in model["meetings"]:
            n = sum(1 for d in model["directives"].values() if d["meeting"] == mid)
            if n > N_DIRECTIVES:
                problems.append(f"meeting {mid} has {n} directives")
    finally:
        conn.close()
    return model, problems


def differences(expected: Model, actual: Model) -> int:
    """How many meetings and directives differ between two models (lost or half-saved)."""
    n = 0
    for kind in ("meetings", "directives"):
        keys = expected[kind].keys() | actual[kind].keys()
        n += sum(1 for k in keys if expected[kind].get(k) != actual[kind].get(k))
    return n


def in_flight_meeting_ok(actual: Model, model: Model) -> dict[str, Any] | None:
    """If the killed meeting was saved, the ids it got (it must be complete: all its
    directives); None if it was not saved at all."""
    new = [mid for mid in actual["meetings"] if mid not in model["meetings"]]
    if not new:
        return None
    assert len(new) == 1, f"more than one unreported meeting: {new}"
    ids = sorted(did for did, d in actual["directives"].items() if d["meeting"] == new[0])
    return {"meeting_id": new[0], "directive_ids": ids}


def run_trial(db: Path, seed: int, rng: random.Random, log: Path) -> list[str]:
    """Start a worker, let it save changes for a random moment, SIGKILL it; its stdout."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with log.open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, str(WORKER), "crash", str(db), str(seed)],
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            env=env,
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith("READY"), first + log.read_text()
        time.sleep(rng.uniform(0.005, 0.25))
        proc.send_signal(signal.SIGKILL)
        rest = proc.stdout.read()  # to end of file: the process is gone
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, log.read_text()  # killed, not failed by itself
    return rest.splitlines()


def test_sigkill_at_random_moments_loses_nothing_and_half_saves_nothing(tmp_path: Path) -> None:
    """36 workers are SIGKILLed at random moments on one file: each time integrity_check is
    ok, every change reported OK is there, and the change in flight is all there or absent."""
    from tracker.store.db import close_db, open_db

    db = tmp_path / "giaoban.sqlite3"
    open_db(str(db))
    close_db()
    rng = random.Random(20240601)
    model: Model = {"meetings": {}, "directives": {}}
    stats = {"trials": 0, "reported": 0, "in_flight_saved": 0, "in_flight_absent": 0, "lost": 0}
    started = time.monotonic()
    for trial in range(TRIALS):
        lines = run_trial(db, 1000 + trial, rng, tmp_path / "worker.log")
        pending: dict[str, Any] | None = None
        for line in lines:
            word, _, payload = line.partition(" ")
            data = json.loads(payload)
            if word == "BEGIN":
                pending = data
            elif word == "OK":
                assert pending is not None
                model = apply(model, pending, data)
                stats["reported"] += 1
                pending = None
        actual, problems = snapshot(db)
        assert not problems, f"trial {trial}: {problems}"
        if pending is not None:
            # Killed inside a change: it is either wholly saved or wholly absent.
            candidate: Model | None = None
            if pending["op"] != "meeting":
                candidate = apply(model, pending, None)
            elif ok := in_flight_meeting_ok(actual, model):
                if len(ok["directive_ids"]) == len(pending["directives"]):
                    candidate = apply(model, pending, ok)  # else half-saved: fails below
            if candidate is not None and differences(candidate, actual) == 0:
                model = candidate
                stats["in_flight_saved"] += 1
            else:
                stats["in_flight_absent"] += 1
        stats["lost"] += differences(model, actual)
        assert differences(model, actual) == 0, (
            f"trial {trial}: reported changes missing or half-saved "
            f"(in flight: {pending and pending['op']})"
        )
        stats["trials"] += 1
    stats["seconds"] = round(time.monotonic() - started, 1)
    print(
        f"\nFIGURES crash: {stats} meetings={len(model['meetings'])} "
        f"directives={len(model['directives'])}"
    )
    assert stats["trials"] >= 30 and stats["reported"] > 100
    assert stats["in_flight_saved"] + stats["in_flight_absent"] > 0
