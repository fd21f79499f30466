"""How big a JSON export may be: every file the program writes reads back (its
attachments' base64 is a third larger than the files), and a file really too big is
refused with a message that names the limits, before it is read."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest

from tracker import attachments, exchange
from tracker.attachment_services import attach
from tracker.errors import ImportFileError, TrackerError
from tracker.store.db import close_db, open_db
from tracker.store.models import Attachment, AttachmentContent, Meeting

MB = 1024 * 1024


def _attach_random(count: int, size: int, seed: int = 7) -> list[str]:
    """``count`` random files of ``size`` bytes attached to the sample meeting; their sha256."""
    meeting_id = Meeting.select(Meeting.id).scalar()
    rng = random.Random(seed)
    shas = []
    for i in range(count):
        data = rng.randbytes(size)
        attach(file_name=f"Phụ lục {i + 1}.pdf", data=data, meeting_id=meeting_id)
        shas.append(hashlib.sha256(data).hexdigest())
    return shas


def test_an_export_over_200_mb_imports_back(sample_db: Path, tmp_path: Path) -> None:
    """Six scanned annexes of 25 MB, the most one attachment may be: the file is over
    200 MB (the whole file's old limit) and is imported into a new database, every
    byte."""
    shas = _attach_random(6, attachments.MAX_BYTES)
    out = tmp_path / "xuat.json"
    assert exchange.export_file(out) == 1
    assert out.stat().st_size > 200 * MB
    close_db()
    open_db(str(tmp_path / "moi.sqlite3"))
    changes = exchange.import_file(out)
    assert len(changes.meeting_ids) == 1
    assert sorted(AttachmentContent.select(AttachmentContent.sha256).tuples()) == sorted(
        (s,) for s in shas
    )
    [first] = (
        Attachment.select(Attachment.id).where(Attachment.file_name == "Phụ lục 1.pdf").tuples()
    )
    assert hashlib.sha256(attachments.content(first[0])).hexdigest() == shas[0]


def test_a_file_over_the_limits_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "qua-lon.json"
    with big.open("wb") as f:
        f.truncate(exchange.MAX_FILE_BYTES + 1)  # sparse: nothing to read in a second
    with pytest.raises(ImportFileError) as caught:
        exchange.read_file(big)
    assert str(caught.value) == (
        f'Tệp "qua-lon.json" nặng {attachments.size_text(exchange.MAX_FILE_BYTES + 1)}, quá '
        "lớn để nhập (tối đa 200 MB dữ liệu cùng 512 MB tệp đính kèm, mỗi tệp đính kèm "
        "25 MB). Chưa nhập gì."
    )


def test_export_and_import_measure_the_data_alike(
    sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The export's measure of the data (the file less the attachments' base64) is the
    import's, to the byte: a file at the data limit is imported, one byte more is not."""
    _attach_random(2, 50_000)
    out = tmp_path / "xuat.json"
    exchange.export_file(out)
    data = exchange.read_file(out)
    encoded = sum(len(v) for v in data["attachment_contents"].values())
    size = exchange.data_size(data)
    assert size == out.stat().st_size - encoded
    monkeypatch.setattr(exchange, "MAX_DATA_BYTES", size)
    assert exchange.read_file(out)["meetings"]
    monkeypatch.setattr(exchange, "MAX_DATA_BYTES", size - 1)
    with pytest.raises(ImportFileError, match="dữ liệu không kể tệp đính kèm, quá giới hạn"):
        exchange.read_file(out)
    with pytest.raises(TrackerError, match="tệp JSON sẽ không nhập lại được") as caught:
        exchange.export_file(tmp_path / "khong-ghi.json")
    assert "Chưa xuất gì." in str(caught.value)
    assert not (tmp_path / "khong-ghi.json").exists()


def test_attachments_over_the_limit_are_refused_both_ways(
    sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _attach_random(3, 40_000)
    out = tmp_path / "xuat.json"
    exchange.export_file(out)
    data = exchange.read_file(out)
    monkeypatch.setattr(exchange, "MAX_CONTENTS_BYTES", 100_000)
    with pytest.raises(TrackerError) as caught:
        exchange.export_file(tmp_path / "khong-ghi.json")
    assert str(caught.value).startswith(
        "Các tệp đính kèm cộng lại nặng 117 KB: tệp JSON sẽ không nhập lại được"
    )
    assert not (tmp_path / "khong-ghi.json").exists()
    with pytest.raises(ImportFileError, match="cộng lại quá giới hạn 0 MB"):
        exchange.validate(data)
    monkeypatch.setattr(exchange, "MAX_CONTENTS_BYTES", 120_000)
    exchange.validate(data)
