"""A separate process that changes a database through tracker.services, for the crash and
two-writer tests. Not collected by pytest (no test_ prefix); run as a script:

    safety_worker.py crash DB SEED      endless scripted changes; each printed as
                                        "BEGIN {json}" before and "OK {json}" after the
                                        service returned (the test kills it any time)
    safety_worker.py hold DB SECONDS    take the write lock, print LOCKED, hold it, release
    safety_worker.py edit DB ID TAG N [--no-version]
                                        wait for "GO" on stdin, then N times: read the
                                        directive, append " TAG<i>" to its content, save
                                        with expected_version (retrying on StaleEditError);
                                        prints "SAVED TAG<i>" or "STALE"
    safety_worker.py grow DB N [--no-autocheckpoint]
                                        one giao ban with N long directives (the file grows
                                        by megabytes), "OK {json}" once committed, then
                                        wal_checkpoint(TRUNCATE): "CHECKPOINTED" or
                                        "CHECKPOINT-FAILED {error}"; then waits to be killed
    safety_worker.py done DB ID [NOTE]  mark a directive done (today) with NOTE, print DONE
    safety_worker.py note DB ID TEXT    add a progress note to a directive, print NOTED
    safety_worker.py title DB ID TITLE  rename a meeting (header edit), print RENAMED
"""

from __future__ import annotations

import json
import random
import sys
import time
from datetime import date

from tracker import services
from tracker.drafts import DirectiveDraft, MeetingDraft
from tracker.errors import StaleEditError
from tracker.quarters import Quarter
from tracker.rows import Role
from tracker.store.db import database, open_db
from tracker.store.models import Assignment, Directive, Meeting, Organization

DIRECTIVES_PER_MEETING = 4
TODAY = date(2024, 6, 1)


def say(word: str, payload: object) -> None:
    sys.stdout.write(f"{word} {json.dumps(payload, ensure_ascii=False)}\n")
    sys.stdout.flush()


def crash(db: str, seed: int) -> None:
    open_db(db)
    rng = random.Random(seed)
    org_ids = [o.id for o in Organization.select(Organization.id)]
    say("READY", {"seed": seed})
    n = 0
    while True:
        n += 1
        tag = f"s{seed}n{n}"
        directive_ids = [d.id for d in Directive.select(Directive.id)]
        meeting_ids = [m.id for m in Meeting.select(Meeting.id)]
        op = rng.choices(
            ["meeting", "done", "partial", "reopen", "extend", "note", "edit", "deldir", "delmeet"],
            weights=[30, 12, 10, 5, 10, 14, 8, 7, 4],
        )[0]
        if op != "meeting" and not directive_ids:
            op = "meeting"
        if op == "meeting":
            drafts = []
            for k in range(DIRECTIVES_PER_MEETING):
                leads = rng.sample(org_ids, 2)
                support = rng.choice([o for o in org_ids if o not in leads])
                due = Quarter(rng.randint(2021, 2025), rng.randint(1, 4))
                drafts.append(
                    {
                        "content": f"{tag} nội dung {k + 1}",
                        "leads": leads,
                        "supports": [support],
                        "due": due.iso,
                    }
                )
            say("BEGIN", {"op": op, "title": f"Giao ban {tag}", "directives": drafts})
            changes = services.log_meeting(
                meeting=MeetingDraft(held_on=date(2024, 4, 1), title=f"Giao ban {tag}"),
                directives=[
                    DirectiveDraft(
                        content=d["content"],
                        lead_ids=tuple(d["leads"]),
                        support_ids=tuple(d["supports"]),
                        due=Quarter.from_iso(d["due"]),
                    )
                    for d in drafts
                ],
                today=TODAY,
            )
            ids = sorted(changes.directive_ids)
            say("OK", {"op": op, "meeting_id": changes.created_id, "directive_ids": ids})
            continue
        if op == "delmeet":
            mid = rng.choice(meeting_ids)
            say("BEGIN", {"op": op, "meeting_id": mid})
            services.delete_meeting(meeting_id=mid)
            say("OK", {"op": op})
            continue
        did = rng.choice(directive_ids)
        d = Directive.get_by_id(did)
        leads = [
            a.organization_id
            for a in Assignment.select().where(
                (Assignment.directive == did) & (Assignment.role == Role.LEAD.value)
            )
        ]
        args: dict[str, object] = {"op": op, "directive_id": did}
        if op == "done":
            say("BEGIN", args)
            services.mark_done(directive_ids=[did], on=TODAY)
        elif op == "partial":
            args["organization_id"] = org = rng.choice(leads)
            say("BEGIN", args)
            services.mark_done(directive_ids=[did], on=TODAY, organization_id=org)
        elif op == "reopen":
            say("BEGIN", args)
            services.reopen(directive_ids=[did])
        elif op == "extend":
            args["new_due"] = new = Quarter.from_iso(d.due_quarter).next().iso
            say("BEGIN", args)
            services.extend_deadline(
                directive_id=did, new_due=Quarter.from_iso(new), reason=tag, on=TODAY
            )
        elif op == "note":
            args["text"] = tag
            say("BEGIN", args)
            services.add_note(directive_id=did, text=tag, on=TODAY)
        elif op == "edit":
            args["content"] = f"{tag} sửa"
            supports = [
                a.organization_id
                for a in Assignment.select().where(
                    (Assignment.directive == did) & (Assignment.role == Role.SUPPORT.value)
                )
            ]
            say("BEGIN", args)
            services.update_directive(
                directive_id=did,
                directive=DirectiveDraft(
                    content=f"{tag} sửa",
                    lead_ids=tuple(leads),
                    support_ids=tuple(supports),
                    due=Quarter.from_iso(d.due_quarter),
                ),
                expected_version=d.version,
                today=TODAY,
            )
        elif op == "deldir":
            say("BEGIN", args)
            services.delete_directive(directive_id=did)
        say("OK", {"op": op})


def hold(db: str, seconds: float) -> None:
    open_db(db)
    with database.obj.atomic("IMMEDIATE"):
        Organization.update(position=Organization.position).execute()
        say("LOCKED", {})
        time.sleep(seconds)
    say("RELEASED", {})


def edit(db: str, directive_id: int, tag: str, count: int, use_version: bool) -> None:
    open_db(db)
    rng = random.Random(tag)
    say("READY", {})
    sys.stdin.readline()  # "GO": both editors start together
    for i in range(count):
        while True:
            d = Directive.get_by_id(directive_id)
            leads = tuple(
                a.organization_id
                for a in Assignment.select().where(Assignment.directive == directive_id)
            )
            time.sleep(rng.uniform(0, 0.004))  # the clerk reading the form before saving
            try:
                services.update_directive(
                    directive_id=directive_id,
                    directive=DirectiveDraft(content=f"{d.content} {tag}{i}", lead_ids=leads),
                    expected_version=d.version if use_version else None,
                )
            except StaleEditError:
                say("STALE", {})
                continue
            say("SAVED", {"token": f"{tag}{i}"})
            break


def other_window(mode: str, db: str, pk: int, text: str) -> None:
    """One change made by "another window" (another process) on the same file."""
    open_db(db)
    if mode == "done":
        services.mark_done(directive_ids=[pk], note=text)
        say("DONE", {})
    elif mode == "note":
        services.add_note(directive_id=pk, text=text)
        say("NOTED", {})
    else:
        m = Meeting.get_by_id(pk)
        services.update_meeting(
            meeting_id=pk,
            meeting=MeetingDraft(held_on=m.held_on, title=text),
            expected_version=m.version,
        )
        say("RENAMED", {})


def grow(db: str, count: int, autocheckpoint: bool = True) -> None:
    open_db(db)
    if not autocheckpoint:  # the whole change stays in the WAL until the TRUNCATE below
        database.obj.execute_sql("PRAGMA wal_autocheckpoint = 0")
    org_ids = [o.id for o in Organization.select(Organization.id)]
    tag = f"grow{random.randrange(10**9)}"
    filler = " ".join(f"{tag}-{i:05d}" for i in range(600))  # ~9,000 characters
    say("BEGIN", {"title": tag, "count": count})
    changes = services.log_meeting(
        meeting=MeetingDraft(held_on=date(2024, 4, 1), title=tag),
        directives=[
            DirectiveDraft(content=f"{k} {filler}"[:9_000], lead_ids=(org_ids[k % len(org_ids)],))
            for k in range(count)
        ],
        today=TODAY,
    )
    say("OK", {"title": tag, "meeting_id": changes.created_id})
    try:
        database.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except Exception as exc:  # noqa: BLE001 - reported to the test
        say("CHECKPOINT-FAILED", {"error": str(exc)})
    else:
        say("CHECKPOINTED", {})
    time.sleep(120)


def main(argv: list[str]) -> None:
    mode, db = argv[0], argv[1]
    if mode == "crash":
        crash(db, int(argv[2]))
    elif mode == "hold":
        hold(db, float(argv[2]))
    elif mode == "edit":
        edit(db, int(argv[2]), argv[3], int(argv[4]), "--no-version" not in argv)
    elif mode == "grow":
        grow(db, int(argv[2]), "--no-autocheckpoint" not in argv)
    elif mode in ("done", "note", "title"):
        other_window(mode, db, int(argv[2]), argv[3] if len(argv) > 3 else "")
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
