"""Shipped data files: a missing one is named in Vietnamese, with what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker import install
from tracker.errors import IncompleteInstallError


def test_seed_files_are_found() -> None:
    """Both seed files are shipped and nothing is missing here."""
    for name in install.SEED_FILES:
        assert install.seed_file(name).is_file()
    assert install.missing_data_files() == []


def test_missing_seed_file_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A seeds folder without organizations.json: the error names the file and says to
    reinstall; the sample loader raises the same error, not FileNotFoundError."""
    from tracker import shipped

    real = shipped.package_folder
    monkeypatch.setattr(
        shipped, "package_folder", lambda p: tmp_path if p == shipped.SEEDS_PACKAGE else real(p)
    )
    with pytest.raises(IncompleteInstallError) as err:
        install.seed_file("organizations.json")
    assert "tracker/seeds/organizations.json" in err.value.message
    assert "cài đặt lại" in err.value.message
    from tracker.seeding import read_seed

    with pytest.raises(IncompleteInstallError):
        read_seed("organizations.json")
    assert len(install.missing_data_files()) == 2


def test_missing_docx_template_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """python-docx without its templates folder: named, instead of "folder does not exist"."""
    real = install.package_folder
    monkeypatch.setattr(install, "package_folder", lambda p: tmp_path if p == "docx" else real(p))
    with pytest.raises(IncompleteInstallError) as err:
        install.check_docx_templates()
    assert "docx/templates/default.docx" in err.value.message
    assert "Word" in err.value.message


def test_missing_schema_file_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without tracker/store/schema_vN.sql (read to check each file opened) the error names it."""
    from tracker.store import schema
    from tracker.store.migrations import SCHEMA_VERSION

    monkeypatch.setattr(schema, "__file__", str(tmp_path / "schema.py"))
    schema.expected_schema.cache_clear()
    try:
        with pytest.raises(IncompleteInstallError) as err:
            schema.expected_schema(SCHEMA_VERSION)
        assert f"tracker/store/schema_v{SCHEMA_VERSION}.sql" in err.value.message
        assert any("schema_v" in m for m in install.missing_data_files())
    finally:
        schema.expected_schema.cache_clear()
