"""The conclusion-text extractor: scores on the hand-annotated development set,
its speed, the ``extract`` command and bad input."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest

from tests.extraction_score import score
from tracker.cli import main
from tracker.errors import ValidationError
from tracker.extraction import GROUP_ALL, MAX_CHARS, extract
from tracker.quarters import Quarter

DATA = Path(__file__).parent.parent / "data" / "extraction"

NOTICE = "\n".join(
    [
        "THÔNG BÁO KẾT LUẬN",
        "Ngày 03/4/2023, Thường trực Tỉnh ủy giao ban với Ủy ban MTTQ và các đoàn thể "
        "chính trị - xã hội tỉnh. Đồng chí Trần Văn An, Phó Bí thư Thường trực Tỉnh ủy chủ trì.",
        "Quý I-2023, các tổ chức đã hoàn thành tốt nhiệm vụ. "
        "Thường trực Tỉnh ủy biểu dương Hội Nông dân tỉnh.",
        "Nhiệm vụ quý II-2023:",
        "- Đề nghị Ủy ban MTTQ và các đoàn thể chính trị - xã hội tỉnh tuyên truyền "
        "Nghị quyết mới; rà soát hộ nghèo.",
        "- Hội Nông dân tỉnh phối hợp với Hội Liên hiệp Phụ nữ tỉnh tổ chức phiên chợ nông sản.",
        "- Giao Ban Dân vận Tỉnh ủy theo dõi, đôn đốc thường xuyên.",
    ]
)


def test_dev_set_scores() -> None:
    s = score(DATA / "dev")
    assert s.texts >= 25 and s.no_directive_texts >= 5
    assert s.f1 >= 0.9, s.summary()
    assert s.owner_accuracy >= 0.9, s.summary()
    assert s.quarter_accuracy >= 0.9, s.summary()
    assert s.drafts_on_no_directive == 0, s.summary()


def test_heldout_set_is_separate_and_annotated() -> None:
    dev = {p.read_text("utf-8") for p in (DATA / "dev").glob("*.txt")}
    held = sorted((DATA / "heldout").glob("*.txt"))
    assert len(held) >= 10
    for p in held:
        assert p.read_text("utf-8") not in dev
        ann = json.loads(p.with_suffix(".json").read_text("utf-8"))
        assert {"meeting", "directives"} <= ann.keys()


def test_ten_kilobytes_within_200_ms() -> None:
    texts = [p.read_text("utf-8") for p in sorted((DATA / "dev").glob("*.txt"))]
    # Without the notices' "Nơi nhận:", where reading stops: all 10 kB are read.
    text = "\n".join(t for t in texts if "Nơi nhận" not in t)[:10_240]
    assert len(extract(text).directives) > 30
    started = time.perf_counter()
    extract(text)
    assert time.perf_counter() - started < 0.2


def test_notice_owners_groups_support_and_quarters() -> None:
    r = extract(NOTICE)
    assert r.meeting.held_on == date(2023, 4, 3)
    assert r.meeting.chair == "Trần Văn An"
    assert r.meeting.reviewed == Quarter(2023, 1)
    contents = [d.content for d in r.directives]
    assert contents == [
        "Tuyên truyền Nghị quyết mới",
        "Rà soát hộ nghèo",
        "Phối hợp với Hội Liên hiệp Phụ nữ tỉnh tổ chức phiên chợ nông sản",
        "Theo dõi, đôn đốc thường xuyên",
    ]
    first, second, third, fourth = r.directives
    assert [(o.org, o.role) for o in first.owners] == [(GROUP_ALL, "lead")]
    assert second.owners == first.owners  # the addressee carries over
    assert [(o.org, o.role) for o in third.owners] == [("Hội ND", "lead"), ("Hội LHPN", "support")]
    assert [o.org for o in fourth.owners] == ["BDV"]
    assert [d.due for d in r.directives] == [Quarter(2023, 2)] * 3 + [None]  # "thường xuyên"


def test_year_from_the_meeting_date_when_the_text_leaves_it_out() -> None:
    text = (
        "Đồng chí Bí thư đề nghị Hội Cựu chiến binh tỉnh trong quý III "
        "vận động hội viên giữ gìn an ninh."
    )
    r = extract(text, meeting_date_hint=date(2024, 7, 2))
    assert [(d.due, [o.org for o in d.owners]) for d in r.directives] == [
        (Quarter(2024, 3), ["Hội CCB"])
    ]
    assert extract(text).directives[0].due is None  # no year anywhere: left to the clerk


@pytest.mark.parametrize(
    "bad", ["", "   \n ", "a\x00b", "\x01\x02\x03" * 10, "x" * (MAX_CHARS + 1)]
)
def test_bad_text_is_refused(bad: str) -> None:
    with pytest.raises(ValidationError):
        extract(bad)


def test_cli_json_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "kl.txt"
    f.write_text(NOTICE, "utf-8")
    assert main(["extract", str(f), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["meeting"] == {
        "held_on": "2023-04-03",
        "chair": "Trần Văn An",
        "reviewed": "2023-Q1",
    }
    assert len(data["directives"]) == 4
    d = data["directives"][2]
    assert set(d) == {"content", "owners", "due_quarter"}
    assert d["due_quarter"] == "2023-Q2"
    assert d["owners"][1] == {
        "org": "Hội LHPN",
        "role": "support",
        "as_written": "Hội Liên hiệp Phụ nữ tỉnh",
    }


def test_cli_meeting_date_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    text = "Đề nghị Hội Nông dân tỉnh trong quý II hướng dẫn hội viên tiêu thụ nông sản."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert main(["extract", "-", "--meeting-date", "05/04/2022", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["meeting"]["held_on"] == "2022-04-05"
    assert data["directives"][0]["due_quarter"] == "2022-Q2"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Chưa có văn bản"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "không phải văn bản"),
        (b"a" * 1_000_001, "quá lớn"),
    ],
)
def test_cli_bad_input_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    f = tmp_path / "x.txt"
    f.write_bytes(content)
    assert main(["extract", str(f), "--json"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and message in err and "Traceback" not in err


def test_cli_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "/no/such/file.txt"]) == 2
    assert "Không thấy tệp" in capsys.readouterr().err


@pytest.mark.parametrize(
    "unit",
    [
        "Đồng chí Lê Văn An, Phó Bí thư ",  # the chair's pattern, never closed
        "Hội Nông dân tỉnh, ",
        "đề nghị ",
        "- Hội Nông dân tỉnh tổ chức hội nghị.\n",
    ],
)
def test_long_repetitive_text_stays_fast(unit: str) -> None:
    """Nothing quadratic: the longest text accepted, made of one phrase, in well under
    a second (the paste box and the command answer at once)."""
    text = (unit * (MAX_CHARS // len(unit)))[: MAX_CHARS - 1]
    started = time.perf_counter()
    extract(text)
    assert time.perf_counter() - started < 1.5
