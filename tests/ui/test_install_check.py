"""The About dialog, and what the window needs from an installation, named when missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtWidgets import QDialog

from tracker import __version__
from ui import assets, install_check
from ui.dialogs.about import AboutDialog

SOURCE = Path(__file__).resolve().parents[2]


def test_about_shows_version_data_file_and_backup_folder(
    qtbot, window, sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trợ giúp ▸ Giới thiệu shows the version, the data file in use and its backups folder."""
    shown: list[AboutDialog] = []

    def exec_(dialog: AboutDialog) -> int:
        shown.append(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(AboutDialog, "exec", exec_)
    window.actions.about.trigger()
    dialog = shown[0]
    qtbot.addWidget(dialog)
    assert dialog.version_label.text() == __version__
    assert dialog.data_file_label.text() == str(sample_db.resolve())
    assert dialog.backup_folder_label.text() == str(sample_db.resolve().parent / "backups")


def test_icon_list_matches_the_icons_folder() -> None:
    """assets.ICONS names exactly the icons shipped in resources/icons."""
    shipped = {p.stem for p in (SOURCE / "resources" / "icons").glob("*.svg")}
    assert set(assets.ICONS) == shipped
    assert assets.missing_files() == []


def test_missing_resource_files_are_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A resources folder without the style sheet and an icon names both."""
    folder = tmp_path / "resources"
    for name in assets.ICONS[1:]:
        (folder / "icons").mkdir(parents=True, exist_ok=True)
        (folder / "icons" / f"{name}.svg").write_text("<svg/>")
    (folder / "i18n").mkdir()
    for parts in assets.TRANSLATIONS:
        folder.joinpath(*parts).write_bytes(b"")
    monkeypatch.setattr(assets, "_folder", lambda: folder)
    assert assets.missing_files() == [
        f"ui/resources/icons/{assets.ICONS[0]}.svg",
        "ui/resources/style/app.qss",
    ]


@pytest.mark.parametrize(
    ("env", "system", "expected"),
    [
        ("", "win32", ("windows",)),
        ("", "linux", ("xcb", "wayland")),
        ("", "darwin", ("cocoa",)),
        ("offscreen", "linux", ("offscreen",)),
        ("wayland;xcb", "linux", ("wayland", "xcb")),
        ("windows:darkmode=2", "win32", ("windows",)),
    ],
)
def test_wanted_platforms(env: str, system: str, expected: tuple[str, ...]) -> None:
    """The platform plugins Qt may start with: $QT_QPA_PLATFORM, else the system default."""
    assert install_check.wanted_platforms(env, system) == expected


def test_missing_platform_plugin_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without its platform plugin file the message names it, in Vietnamese; with it, none."""
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    platforms = tmp_path / "platforms"
    platforms.mkdir()
    (platforms / "libqoffscreen.so").write_bytes(b"")
    message = install_check.missing_platform_plugin([tmp_path])
    assert message is not None
    assert '"platforms/qxcb"' in message and "cài đặt lại" in message
    (platforms / "qxcb.dll").write_bytes(b"")
    assert install_check.missing_platform_plugin([tmp_path]) is None


def test_this_installation_is_complete(qapp) -> None:  # noqa: ANN001
    """The test machine's Qt has the platform, SVG and print plugins; nothing is missing."""
    assert install_check.missing_platform_plugin() is None
    assert install_check.missing_after_start() == []
