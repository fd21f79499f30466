"""Reference data for a new database, the sample giao ban, and synthetic data at scale."""

from __future__ import annotations

import random
from contextlib import AbstractContextManager
from datetime import date, timedelta
from typing import Any

from tracker.changes import Changes
from tracker.drafts import DirectiveDraft, MeetingDraft
from tracker.errors import ValidationError
from tracker.quarters import Quarter
from tracker.store.dbfile import SAVED_NOTHING, disk_full_as_message
from tracker.store.models import Meeting, Organization, OrgGroup, OrgGroupMember
from tracker.store.pg import advance_sequences, is_postgres
from tracker.store.proxy import database
from tracker.store.standard import (  # noqa: F401 (re-exported for the CLI's seed command)
    load_standard_organizations,
    read_seed,
)
from tracker.text import fold

# Everything is built in memory before the one bulk write: a limit keeps a typo
# ("--synthetic 3000000000") from exhausting the machine's memory.
MAX_SYNTHETIC = 1_000_000
SAMPLE_FILE = "sample-giao-ban-2021-04-01.json"


def _writing() -> AbstractContextManager[None]:
    """A full disk while seeding is the plain disk-full message; nothing is kept."""
    return disk_full_as_message(getattr(database.obj, "database", None), SAVED_NOTHING)


def _owner_ids(names: list[str]) -> tuple[int, ...]:
    from tracker.queries import find_owner_ids

    out: list[int] = []
    for name in names:
        out.extend(find_owner_ids(name))
    return tuple(dict.fromkeys(out))


def load_sample() -> Changes:
    """Add the sample giao ban of 1 April 2021 unless it is already there."""
    from tracker import services

    changes = Changes()
    for m in read_seed(SAMPLE_FILE)["meetings"]:
        held_on = date.fromisoformat(m["held_on"])
        exists = Meeting.select().where(
            (Meeting.held_on == held_on) & (Meeting.title_folded == fold(m["title"]))
        )
        if exists.exists():
            continue
        leads_of = {}
        drafts = []
        for d in m["directives"]:
            leads = _owner_ids(d["leads"])
            leads_of[d["content"]] = leads
            drafts.append(
                DirectiveDraft(
                    content=d["content"],
                    lead_ids=leads,
                    support_ids=_owner_ids(d.get("supports", [])),
                    due=Quarter.from_iso(d["due"]) if d.get("due") else None,
                    topics=tuple(d.get("topics", ())),
                )
            )
        changes |= services.log_meeting(
            meeting=MeetingDraft(
                held_on=held_on,
                title=m["title"],
                chair_name=m["chair_name"],
                chair_position=m["chair_position"],
                attendee_ids=_owner_ids(m["attendees"]),
                reviewed_quarter=Quarter.from_iso(m["reviewed_quarter"]),
                notes=m["notes"],
                notice_ref=m.get("notice_ref", ""),
            ),
            directives=drafts,
            today=held_on,
        )
    return changes


# --- synthetic data -------------------------------------------------------------------------

ELECTION_YEARS = {2016, 2021, 2026}
CONGRESS_YEARS = {2016, 2021, 2026}
CHAIRS = [
    ("Lê Quốc Chỉnh", "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh"),
    ("Trần Văn Chung", "Phó Bí thư Thường trực Tỉnh ủy"),
    ("Nguyễn Thị Hồng", "Trưởng Ban Dân vận Tỉnh ủy"),
]
ELECTION_TASKS = [
    "Tham gia công tác bầu cử đại biểu Quốc hội và đại biểu HĐND các cấp",
    "Tổ chức hội nghị hiệp thương giới thiệu người ứng cử đại biểu HĐND",
    "Vận động cử tri thực hiện quyền và nghĩa vụ công dân trong bầu cử",
    "Tổ chức lấy ý kiến cử tri nơi cư trú đối với người ứng cử",
]
CONGRESS_TASKS = [
    "Quán triệt, tuyên truyền Nghị quyết Đại hội đại biểu toàn quốc của Đảng",
    "Xây dựng chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ tỉnh",
]
COMMON_TASKS = [
    "Đẩy mạnh phong trào thi đua yêu nước gắn với xây dựng nông thôn mới nâng cao",
    "Triển khai chương trình giám sát, phản biện xã hội của Mặt trận và các đoàn thể",
    "Chăm lo đời sống đoàn viên, hội viên có hoàn cảnh khó khăn dịp Tết",
    "Tổng hợp ý kiến, kiến nghị của cử tri và nhân dân gửi kỳ họp HĐND tỉnh",
    "Tuyên truyền, vận động nhân dân phòng, chống dịch bệnh",
    "Tham gia xây dựng Đảng, chính quyền trong sạch, vững mạnh",
    "Sơ kết việc thực hiện Quy chế dân chủ ở cơ sở",
    "Vận động ủng hộ Quỹ Vì người nghèo và an sinh xã hội",
    "Phối hợp giải quyết đơn thư, khiếu nại của công dân ở cơ sở",
    "Xây dựng mô hình dân vận khéo trong phát triển kinh tế",
    "Nắm tình hình tư tưởng của đoàn viên, hội viên và nhân dân",
    "Kiện toàn tổ chức, nâng cao chất lượng hoạt động của chi hội cơ sở",
    "Hưởng ứng cuộc vận động Người Việt Nam ưu tiên dùng hàng Việt Nam",
    "Phối hợp bảo vệ môi trường, xử lý rác thải ở khu dân cư",
]
PLACES = [
    "huyện Hải Hậu",
    "huyện Giao Thủy",
    "huyện Ý Yên",
    "thành phố Nam Định",
    "huyện Nghĩa Hưng",
    "huyện Xuân Trường",
    "huyện Trực Ninh",
    "huyện Vụ Bản",
]
NOTES = [
    "Đã ban hành kế hoạch triển khai",
    "Đang tổng hợp báo cáo từ cơ sở",
    "Đã tổ chức hội nghị quán triệt",
    "Chờ ý kiến của Thường trực",
]


def synthetic(count: int, *, seed: int = 1, today: date | None = None) -> int:
    """Add ``count`` plausible directives across plausible meetings, deterministically.

    Written with ``executemany`` in one transaction and the search index rebuilt
    once, so that 300,000 directives take well under a minute.
    """
    if not 0 < count <= MAX_SYNTHETIC:
        raise ValidationError(
            f"Số nội dung giả lập phải từ 1 đến {MAX_SYNTHETIC:,}.".replace(",", "."),
            field="count",
        )
    rng = random.Random(seed)
    today = today or date.today()
    orgs = [o.id for o in Organization.select(Organization.id).order_by(Organization.position)]
    groups = [
        [m.organization_id for m in OrgGroupMember.select().where(OrgGroupMember.group == g.id)]
        for g in OrgGroup.select().order_by(OrgGroup.position)
    ]
    per_meeting = 10
    meetings = max(1, (count + per_meeting - 1) // per_meeting)
    last_year = today.year
    years = list(range(last_year - 9, last_year + 1))
    conn = database.connection()
    cur = conn.cursor()
    first_meeting = (cur.execute("SELECT COALESCE(MAX(id), 0) FROM meeting").fetchone()[0]) + 1
    first_directive = (cur.execute("SELECT COALESCE(MAX(id), 0) FROM directive").fetchone()[0]) + 1
    meeting_rows: list[tuple[Any, ...]] = []
    attendee_rows: list[tuple[Any, ...]] = []
    directive_rows: list[tuple[Any, ...]] = []
    assignment_rows: list[tuple[Any, ...]] = []
    history_rows: list[tuple[Any, ...]] = []
    did = first_directive
    made = 0
    # Spread up to today, not to the end of the year: meetings past today would
    # all be moved onto today.
    span = (today - date(years[0], 1, 1)).days
    for i in range(meetings):
        mid = first_meeting + i
        offset = span * i // meetings
        held_on = min(date(years[0], 1, 1) + timedelta(days=offset), today)
        quarter = Quarter.of(held_on)
        chair, position = CHAIRS[rng.randrange(len(CHAIRS))]
        title = f"Giao ban {quarter.previous()} với MTTQ và các đoàn thể chính trị - xã hội tỉnh"
        meeting_rows.append(
            (
                mid,
                held_on.isoformat(),
                title,
                fold(title),
                chair,
                position,
                quarter.previous().iso,
                "",
                "",
                1,
            )
        )
        attendee_rows.extend((mid, o) for o in orgs)
        pool = list(COMMON_TASKS)
        if held_on.year in ELECTION_YEARS and quarter.number <= 2:
            pool += ELECTION_TASKS * 3
        if held_on.year in CONGRESS_YEARS:
            pool += CONGRESS_TASKS * 2
        for pos in range(1, min(per_meeting, count - made) + 1):
            content = f"{rng.choice(pool)} tại {rng.choice(PLACES)} (đợt {pos})"
            standing = rng.random() < 0.08
            due = None if standing else quarter + rng.choice((0, 0, 0, 1, 1, 2))
            leads = groups[0] if groups and rng.random() < 0.35 else [rng.choice(orgs)]
            supports = [o for o in rng.sample(orgs, rng.choice((0, 0, 1, 2))) if o not in leads]
            status, done_on, statuses = _synthetic_outcome(rng, held_on, due, today, len(leads))
            original = due.iso if due else None
            directive_rows.append(
                (
                    did,
                    mid,
                    pos,
                    content,
                    fold(content),
                    due.iso if due else None,
                    original,
                    status,
                    done_on,
                    1,
                )
            )
            for apos, (org, (st, dn)) in enumerate(zip(leads, statuses, strict=True)):
                assignment_rows.append((did, org, "lead", apos, st, dn, ""))
            for spos, org in enumerate(supports, len(leads)):
                assignment_rows.append((did, org, "support", spos, "open", None, ""))
            history_rows.append((did, "created", held_on.isoformat(), None, "Giao nhiệm vụ"))
            if status == "done":
                history_rows.append(
                    (did, "status", done_on, None, f"Hoàn thành: {rng.choice(NOTES)}")
                )
            elif rng.random() < 0.3:
                history_rows.append((did, "note", held_on.isoformat(), leads[0], rng.choice(NOTES)))
            did += 1
            made += 1
    if is_postgres(database):
        _synthetic_pg(meeting_rows, attendee_rows, directive_rows, assignment_rows, history_rows)
        return made
    with _writing(), database.atomic():
        cur.executemany(
            "INSERT INTO meeting (id, held_on, title, title_folded, chair_name, chair_position, "
            "reviewed_quarter, notes, notice_ref, version) VALUES (?,?,?,?,?,?,?,?,?,?)",
            meeting_rows,
        )
        cur.executemany(
            "INSERT INTO meeting_attendee (meeting_id, organization_id) VALUES (?,?)", attendee_rows
        )
        cur.execute("DROP TRIGGER IF EXISTS directive_fts_ai")
        cur.executemany(
            "INSERT INTO directive (id, meeting_id, position, content, content_folded, "
            "due_quarter, original_due, status, done_on, version) VALUES (?,?,?,?,?,?,?,?,?,?)",
            directive_rows,
        )
        cur.execute(
            "INSERT INTO directive_fts(rowid, content_folded) "
            "SELECT id, content_folded FROM directive WHERE id >= ?",
            (first_directive,),
        )
        from tracker.store.migrations import FTS_SQL

        cur.execute(FTS_SQL[1])  # the insert trigger again
        cur.executemany(
            "INSERT INTO assignment (directive_id, organization_id, role, position, status, "
            "done_on, result_note) VALUES (?,?,?,?,?,?,?)",
            assignment_rows,
        )
        cur.executemany(
            "INSERT INTO history_entry (directive_id, kind, happened_on, organization_id, text) "
            "VALUES (?,?,?,?,?)",
            history_rows,
        )
    return made


def _synthetic_pg(*tables: list[tuple[Any, ...]]) -> None:
    """``synthetic``'s rows on PostgreSQL: COPY, which its trigram index follows itself."""
    names = (
        "meeting (id, held_on, title, title_folded, chair_name, chair_position, "
        "reviewed_quarter, notes, notice_ref, version)",
        "meeting_attendee (meeting_id, organization_id)",
        "directive (id, meeting_id, position, content, content_folded, due_quarter, "
        "original_due, status, done_on, version)",
        "assignment (directive_id, organization_id, role, position, status, done_on, result_note)",
        "history_entry (directive_id, kind, happened_on, organization_id, text)",
    )
    with database.atomic():
        cur = database.cursor()
        for name, rows in zip(names, tables, strict=True):
            with cur.copy(f"COPY {name} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        advance_sequences(database)


def _synthetic_outcome(
    rng: random.Random, held_on: date, due: Quarter | None, today: date, leads: int
) -> tuple[str, str | None, list[tuple[str, str | None]]]:
    """A plausible status: old deadlines mostly met, recent ones mostly open."""
    deadline = due.last_day if due else held_on + timedelta(days=365)
    if deadline >= today:
        p_done = 0.25
    else:
        p_done = 0.9
    if rng.random() < 0.02:
        return "cancelled", None, [("cancelled", None)] * leads
    if rng.random() < p_done:
        late = rng.random() < 0.15
        base = (
            deadline + timedelta(days=rng.randint(1, 60))
            if late
            else deadline - timedelta(days=rng.randint(0, 80))
        )
        done_on = min(max(base, held_on), today)
        return "done", done_on.isoformat(), [("done", done_on.isoformat())] * leads
    if leads > 1 and rng.random() < 0.4:
        partial = min(held_on + timedelta(days=rng.randint(5, 60)), today).isoformat()
        statuses: list[tuple[str, str | None]] = [("done", partial)]
        statuses += [("open", None)] * (leads - 1)
        return "in_progress", None, statuses
    return "open", None, [("open", None)] * leads
