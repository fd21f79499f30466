"""Tests of the report-back form (tracker.reply_form, ``giaoban reply-form`` and
``import-reply``): the form an organization fills comes back as its changes, recorded as
its report; every kind of bad form is refused with one message and changes nothing;
conflicts are skipped unless accepted; applying is all or nothing."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.tracker.test_reminders import log, org_ids
from tests.tracker.test_who import as_login
from tracker import queries, reply_apply, reply_form, services
from tracker.cli import main
from tracker.errors import StaleEditError
from tracker.quarters import Quarter
from tracker.reply_apply import apply_reply
from tracker.reply_form import (
    FIRST_ROW,
    FORM_SHEET,
    ReplyRefusedError,
    RowKind,
    read_reply,
    write_form,
)
from tracker.rows import Status
from tracker.store.models import Assignment, HistoryEntry, Setting

BOTH_BACKENDS = True  # conftest: each test on SQLite and on PostgreSQL

Q2 = Quarter(2021, 2)
TODAY = date(2021, 7, 10)


@pytest.fixture
def d(db_path: Path) -> dict[str, int]:
    """alone (Hội ND), shared (Hội ND and MTTQ lead), standing (Hội ND, no deadline),
    other (MTTQ only), helped (MTTQ leads, Hội ND supports)."""
    alone, shared, standing, other, helped = log(
        date(2021, 4, 1),
        ("alone: tuyên truyền bầu cử", ("Hội ND",), Q2),
        ("shared: thi đua", ("Hội ND", "MTTQ"), Q2),
        ("standing: thường xuyên", ("Hội ND",), None),
        ("other: của MTTQ", ("MTTQ",), Q2),
        ("helped: phối hợp", ("MTTQ",), Q2),
    )
    ids = org_ids()
    services.update_directive(
        directive_id=helped,
        directive=_draft(helped, supports=(ids["Hội ND"],)),
    )
    return dict(alone=alone, shared=shared, standing=standing, other=other, helped=helped)


def _draft(directive_id: int, supports: tuple[int, ...]) -> Any:
    from tracker.drafts import DirectiveDraft

    row = queries.directive(directive_id)
    return DirectiveDraft(
        content=row.content,
        lead_ids=tuple(o.organization_id for o in row.leads),
        support_ids=supports,
        due=row.due,
    )


def hnd() -> int:
    return org_ids()["Hội ND"]


def form(tmp_path: Path, org: str = "Hội ND", **kwargs: Any) -> Path:
    path = tmp_path / f"phieu-{org}.xlsx"
    write_form(path, org_ids()[org], made_on=date(2021, 6, 10), **kwargs)
    return path


def rows_of(path: Path) -> dict[str, int]:
    """The sheet row of each directive, by its content's key ("alone", "shared"…)."""
    ws = openpyxl.load_workbook(path)[FORM_SHEET]
    return {
        str(ws.cell(r, 3).value).split(":")[0]: r
        for r in range(FIRST_ROW, ws.max_row + 1)
        if ws.cell(r, 3).value
    }


def fill(path: Path, cells: dict[str, Any], out: Path | None = None) -> Path:
    """Fill cells ("E7": "Có") as the organization would in Excel, saved as ``out``."""
    wb = openpyxl.load_workbook(path)
    ws = wb[FORM_SHEET]
    for ref, value in cells.items():
        ws[ref] = value
    target = out or path.with_name("filled-" + path.name)
    wb.save(target)
    return target


def done_row(path: Path, key: str, day: Any = datetime(2021, 6, 20), result: str = "Xong") -> Path:
    r = rows_of(path)[key]
    return fill(path, {f"E{r}": "Có", f"F{r}": day, f"G{r}": result})


def two_done(path: Path) -> Path:
    """ "alone" done on 20/06/2021 and "shared" on 21/06/2021."""
    a, s = rows_of(path)["alone"], rows_of(path)["shared"]
    cells = {
        f"E{a}": "Có",
        f"F{a}": datetime(2021, 6, 20),
        f"E{s}": "Có",
        f"F{s}": datetime(2021, 6, 21),
    }
    return fill(path, cells)


def state() -> list[tuple[Any, ...]]:
    """Every assignment and history entry, to compare before and after."""
    fields = (Assignment.id, Assignment.status, Assignment.done_on, Assignment.result_note)
    a = list(Assignment.select(*fields).order_by(Assignment.id).tuples())
    h = list(HistoryEntry.select(HistoryEntry.id).order_by(HistoryEntry.id).tuples())
    return a + h


# --- writing --------------------------------------------------------------------------------


def test_form_lists_own_open_items_locked_but_three_columns(
    d: dict[str, int], tmp_path: Path
) -> None:
    """The form lists Hội ND's open lead items (not MTTQ's, not one it only supports), a
    hidden key per row, protected except Đã hoàn thành / Ngày / Kết quả with validation."""
    path = form(tmp_path)
    assert set(rows_of(path)) == {"alone", "shared", "standing"}
    assert set(rows_of(form(tmp_path, quarter=Q2))) == {"alone", "shared"}
    wb = openpyxl.load_workbook(path)
    ws = wb[FORM_SHEET]
    assert ws.protection.sheet and ws.column_dimensions["A"].hidden
    assert str(ws["A7"].value).startswith("GB1.")
    assert wb["giaoban"].sheet_state == "veryHidden"
    assert ws["C7"].protection.locked and ws["D7"].protection.locked
    assert not any(ws[f"{c}7"].protection.locked for c in "EFG")
    kinds = sorted(dv.type for dv in ws.data_validations.dataValidation)
    assert kinds == ["date", "list"]
    assert "Hội Nông dân tỉnh" in str(ws["B2"].value)


def test_database_id_made_once_and_kept(d: dict[str, int], tmp_path: Path) -> None:
    """The first form gives the database an id in the settings table; later ones reuse it."""
    assert reply_form.database_id() is None
    form(tmp_path)
    first = reply_form.database_id()
    form(tmp_path, org="MTTQ")
    assert first and reply_form.database_id() == first
    assert Setting.get(Setting.key == "database_id").value == first


# --- the round trip -------------------------------------------------------------------------


def test_round_trip_records_done_as_the_organizations_report(
    d: dict[str, int], tmp_path: Path
) -> None:
    """A filled row becomes Hội ND's part done on its date with its result, in history as
    "Theo báo cáo của Hội Nông dân tỉnh"; MTTQ's part of the shared item stays open."""
    path = form(tmp_path)
    r = rows_of(path)
    filled = fill(path, {f"E{r['shared']}": "Có", f"F{r['shared']}": datetime(2021, 6, 20),
                         f"G{r['shared']}": "Đã tổ chức 12 hội nghị",
                         f"E{r['alone']}": "Chưa"})  # fmt: skip
    plan = read_reply(filled, today=TODAY)
    assert plan.short_name == "Hội ND"
    assert [(x.directive_id, x.kind) for x in plan.changes] == [(d["shared"], RowKind.DONE)]
    changes = apply_reply(plan=plan)
    assert changes.directive_ids == {d["shared"]}
    row = queries.directive(d["shared"])
    mine = {o.short_name: o for o in row.leads}
    assert mine["Hội ND"].status is Status.DONE
    assert mine["Hội ND"].done_on == date(2021, 6, 20)
    assert mine["Hội ND"].result_note == "Đã tổ chức 12 hội nghị"
    assert mine["MTTQ"].status is Status.OPEN
    assert queries.directive(d["alone"]).status is Status.OPEN
    last = queries.history(d["shared"])[-1]
    assert last.text == (
        "Hoàn thành (20/06/2021) — Theo báo cáo của Hội Nông dân tỉnh: Đã tổ chức 12 hội nghị"
    )
    assert last.organization_short_name == "Hội ND"
    # read again: already recorded, nothing to do, not a conflict
    again = read_reply(filled, today=TODAY)
    assert not again.changes and not again.conflicts


def test_date_written_as_text_and_yes_without_diacritics(d: dict[str, int], tmp_path: Path) -> None:
    """ "co" and "20/6/2021" typed as text are read as Có and 20/06/2021."""
    path = form(tmp_path)
    r = rows_of(path)["alone"]
    plan = read_reply(fill(path, {f"E{r}": "co", f"F{r}": "20/6/2021"}), today=TODAY)
    assert [(x.done_on, x.result) for x in plan.changes] == [(date(2021, 6, 20), "")]


def test_result_of_an_unfinished_row_is_a_progress_note(
    d: dict[str, int], tmp_path: Path
) -> None:
    """ "Chưa" (or nothing) with a result: recorded as Hội ND's progress note, "Theo báo
    cáo của …", dated the day of the import; the status stays open."""
    path = form(tmp_path)
    r = rows_of(path)
    filled = fill(path, {f"E{r['alone']}": "Chưa", f"G{r['alone']}": "Đang triển khai",
                         f"G{r['standing']}": "Đã làm 3 đợt"})  # fmt: skip
    plan = read_reply(filled, today=TODAY)
    assert sorted((x.directive_id, x.kind, x.done_on) for x in plan.changes) == sorted(
        [(d["alone"], RowKind.NOTE, None), (d["standing"], RowKind.NOTE, None)]
    )
    apply_reply(plan=plan, on=TODAY)
    last = queries.history(d["alone"])[-1]
    assert last.text == "Theo báo cáo của Hội Nông dân tỉnh: Đang triển khai"
    assert (last.happened_on, last.organization_short_name) == (TODAY, "Hội ND")
    assert queries.directive(d["alone"]).status is Status.OPEN
    assert queries.history(d["standing"])[-1].text.endswith("Đã làm 3 đợt")


# --- refusals -------------------------------------------------------------------------------


def _tampered(path: Path, case: str) -> Path:
    r = rows_of(path)
    a = r["alone"]
    match case:
        case "content":
            return fill(path, {f"C{a}": "alone: nội dung khác"})
        case "deadline":
            return fill(path, {f"D{a}": "Quý IV-2021"})
        case "forged":
            wb = openpyxl.load_workbook(path)
            ws = wb[FORM_SHEET]
            parts = str(ws[f"A{a}"].value).split(".")
            parts[4] = str(int(parts[4]) + 1)  # another version, same signature
            ws[f"A{a}"] = ".".join(parts)
            wb.save(path.with_name("forged.xlsx"))
            return path.with_name("forged.xlsx")
        case "unknown":
            return fill(path, {f"A{a}": "GB1.abc", f"E{a}": "Có"})
        case "added row":
            return fill(path, {"C40": "một việc thêm", "E40": "Có", "F40": datetime(2021, 6, 1)})
        case "impossible date":
            return fill(path, {f"E{a}": "Có", f"F{a}": "31/02/2021"})
        case "future date":
            return fill(path, {f"E{a}": "Có", f"F{a}": datetime(2021, 8, 1)})
        case "before the meeting":
            return fill(path, {f"E{a}": "Có", f"F{a}": datetime(2021, 3, 1)})
        case "yes without date":
            return fill(path, {f"E{a}": "Có"})
        case "date without yes":
            return fill(path, {f"F{a}": datetime(2021, 6, 1)})
        case "bad yes":
            return fill(path, {f"E{a}": "Xong rồi"})
        case "header":
            return fill(path, {"D6": "Hạn"})
        case "corrupt":
            bad = path.with_name("corrupt.xlsx")
            bad.write_bytes(path.read_bytes()[:3000])
            return bad
        case "not xlsx":
            bad = path.with_name("notes.xlsx")
            bad.write_text("đây không phải Excel", encoding="utf-8")
            return bad
        case "folder":
            folder = path.with_name("a-folder.xlsx")
            folder.mkdir()
            return folder
        case "plain workbook":
            wb = openpyxl.Workbook()
            wb.active["A1"] = "Nội dung"
            wb.save(path.with_name("plain.xlsx"))
            return path.with_name("plain.xlsx")
        case "encrypted":
            pytest.importorskip("msoffcrypto")
            from msoffcrypto.format.ooxml import OOXMLFile

            filled = fill(path, {f"E{a}": "Có", f"F{a}": datetime(2021, 6, 1)})
            enc = path.with_name("encrypted.xlsx")
            with filled.open("rb") as src, enc.open("wb") as out:
                OOXMLFile(src).encrypt("matkhau", out)
            return enc
    raise AssertionError(case)


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("content", "đã bị sửa"),
        ("deadline", "đã bị sửa"),
        ("forged", "giả mạo"),
        ("unknown", "giả mạo"),
        ("added row", "không có mã"),
        ("impossible date", "không có thật"),
        ("future date", "chưa tới"),
        ("before the meeting", "trước ngày giao ban"),
        ("yes without date", "chưa ghi ngày"),
        ("date without yes", "không ghi Có"),
        ("bad yes", "chỉ nhận Có hoặc Chưa"),
        ("header", "tiêu đề"),
        ("corrupt", "hỏng"),
        ("not xlsx", "không phải tệp Excel"),
        ("folder", "thư mục"),
        ("plain workbook", "không phải phiếu báo cáo"),
        ("encrypted", "mật khẩu"),
    ],
)
def test_bad_form_refused_with_one_message(
    d: dict[str, int], tmp_path: Path, case: str, words: str
) -> None:
    """Each kind of bad form: one Vietnamese message naming the problem, nothing changed."""
    path = _tampered(form(tmp_path), case)
    before = state()
    with pytest.raises(ReplyRefusedError) as caught:
        read_reply(path, today=TODAY)
    message = caught.value.message
    assert words in message and message.endswith("Chưa cập nhật gì.") and "\n" not in message
    assert state() == before


def test_form_of_another_organization_refused(d: dict[str, int], tmp_path: Path) -> None:
    """Hội ND's form given as MTTQ's, and a row copied in from MTTQ's form: refused."""
    path = done_row(form(tmp_path), "shared")
    with pytest.raises(ReplyRefusedError, match="không phải của Ủy ban MTTQ"):
        read_reply(path, expected_organization_id=org_ids()["MTTQ"], today=TODAY)
    their_form = form(tmp_path, org="MTTQ")
    theirs = openpyxl.load_workbook(their_form)[FORM_SHEET]
    their_row = rows_of(their_form)["shared"]
    r = rows_of(path)["shared"]
    mixed = fill(path, {f"A{r}": theirs[f"A{their_row}"].value})
    with pytest.raises(ReplyRefusedError, match="phiếu của tổ chức khác"):
        read_reply(mixed, today=TODAY)


def test_form_of_another_database_refused(d: dict[str, int], tmp_path: Path) -> None:
    """A form made from another database (another id) is refused as such."""
    path = done_row(form(tmp_path), "alone")
    Setting.update(value="0" * 32).where(Setting.key == "database_id").execute()
    with pytest.raises(ReplyRefusedError, match="cơ sở dữ liệu khác"):
        read_reply(path, today=TODAY)
    Setting.delete().where(Setting.key == "database_id").execute()
    with pytest.raises(ReplyRefusedError, match="cơ sở dữ liệu khác"):
        read_reply(path, today=TODAY)


# --- conflicts and all or nothing -----------------------------------------------------------


def test_conflict_skipped_unless_accepted(d: dict[str, int], tmp_path: Path) -> None:
    """A directive edited after the form was made is a conflict: skipped, then applied
    when accepted; the other row goes in either way."""
    path = form(tmp_path)
    filled = two_done(path)
    services.add_note(directive_id=d["alone"], text="đang làm")
    plan = read_reply(filled, today=TODAY)
    assert [x.directive_id for x in plan.conflicts] == [d["alone"]]
    assert [x.directive_id for x in plan.changes] == [d["shared"]]
    apply_reply(plan=plan)
    assert queries.directive(d["alone"]).status is Status.OPEN
    plan = read_reply(filled, today=TODAY)
    assert not plan.changes and len(plan.conflicts) == 1
    apply_reply(plan=plan, accept_conflicts=True)
    assert queries.directive(d["alone"]).status is Status.DONE


def test_apply_all_or_nothing(
    d: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A directive changed between reading and applying (the refusal names who changed
    it), or a write failing on the second row, leaves every row as it was."""
    path = form(tmp_path)
    filled = two_done(path)
    plan = read_reply(filled, today=TODAY)
    assert len(plan.changes) == 2
    with as_login("nva"):
        services.add_note(directive_id=d["shared"], text="vừa sửa")
    before = state()
    with pytest.raises(StaleEditError, match=r"^Dòng \d+: nội dung đã được nva thay đổi ở nơi"):
        apply_reply(plan=plan)
    assert state() == before
    plan = read_reply(filled, today=TODAY)
    calls: list[int] = []
    real = reply_apply.set_status

    def failing(**kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("hỏng giữa chừng")
        return real(**kwargs)

    monkeypatch.setattr(reply_apply, "set_status", failing)
    with pytest.raises(RuntimeError):
        apply_reply(plan=plan, accept_conflicts=True)
    assert state() == before


# --- the command line -----------------------------------------------------------------------


def run(db: Path, *args: str) -> int:
    try:
        return main(["--db", str(db), *args])
    except SystemExit as exc:
        return int(exc.code or 0)


def test_cli_form_dry_run_then_import(
    d: dict[str, int], db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """reply-form writes the form; import-reply --dry-run previews and writes nothing;
    import-reply applies; a refused form exits 2 with one line."""
    out = tmp_path / "hnd.xlsx"
    assert run(db_path, "reply-form", "--org", "Hội ND", "--quarter", "Quý II-2021",
               "--out", str(out)) == 0  # fmt: skip
    assert "2 nội dung" in capsys.readouterr().out
    filled = done_row(out, "alone", result="Đã tuyên truyền")
    before = state()
    assert run(db_path, "import-reply", str(filled), "--dry-run") == 0
    shown = capsys.readouterr().out
    assert "Hội Nông dân tỉnh" in shown and "hoàn thành 20/06/2021" in shown
    assert "Chạy thử" in shown and state() == before
    assert run(db_path, "import-reply", str(filled), "--org", "MTTQ") == 2
    err = capsys.readouterr().err.strip()
    assert "không phải của" in err and len(err.splitlines()) == 1 and state() == before
    assert run(db_path, "import-reply", str(filled)) == 0
    assert "Đã cập nhật 1 nội dung" in capsys.readouterr().out
    assert queries.directive(d["alone"]).status is Status.DONE
    assert run(db_path, "import-reply", str(tmp_path)) == 2
    assert run(db_path, "reply-form", "--org", "Hội ND", "--out", str(tmp_path / "x.pdf")) == 2
    assert not (tmp_path / "x.pdf").exists()


def test_letter_into_folder_writes_each_form_beside(
    d: dict[str, int], db_path: Path, tmp_path: Path
) -> None:
    """letter --out DIR: each letter has its form beside it, listing that letter's items."""
    out = tmp_path / "letters"
    out.mkdir()
    assert run(db_path, "letter", "--quarter", "Quý II-2021", "--issued-on", "10/06/2021",
               "--org", "MTTQ", "--org", "Hội ND", "--format", "pdf",
               "--out", str(out)) == 0  # fmt: skip
    forms = sorted(out.glob("*-phieu-bao-cao.xlsx"))
    assert len(forms) == 2 and len(list(out.glob("*.pdf"))) == 2
    hnd_form = next(p for p in forms if "Hội ND" in p.name)
    assert set(rows_of(hnd_form)) == {"alone", "shared"}
    plan = read_reply(done_row(hnd_form, "shared"), today=TODAY)
    assert [x.directive_id for x in plan.changes] == [d["shared"]]
