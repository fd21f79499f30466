"""File errors reach the clerk in Vietnamese."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from tracker import exchange
from tracker.errors import ImportFileError, ValidationError
from tracker.oserrors import reason


def test_common_causes_are_vietnamese() -> None:
    """Missing, forbidden and full are said in Vietnamese, for reading and for writing."""
    missing = FileNotFoundError(errno.ENOENT, "No such file or directory")
    assert reason(missing, writing=False) == "không tìm thấy tệp"
    assert reason(missing) == "thư mục không tồn tại"
    assert reason(PermissionError(errno.EACCES, "Permission denied"), writing=False) == (
        "không có quyền đọc"
    )
    assert reason(OSError(errno.ENOSPC, "No space left on device")) == "ổ đĩa đã đầy"


def test_import_of_a_missing_file_says_so_in_vietnamese(tmp_path: Path) -> None:
    """`giaoban import` of a file that is not there: no English system text in the message."""
    with pytest.raises(ImportFileError) as info:
        exchange.read_file(tmp_path / "khong-co.json")
    assert "không tìm thấy tệp" in str(info.value)
    assert "No such file" not in str(info.value)


def test_export_into_a_missing_folder_says_so_in_vietnamese(db_path: Path, tmp_path: Path) -> None:
    """Exporting into a folder that does not exist names the cause in Vietnamese."""
    with pytest.raises(ValidationError) as info:
        exchange.export_file(tmp_path / "khong-co" / "x.json")
    assert "thư mục không tồn tại" in str(info.value)
