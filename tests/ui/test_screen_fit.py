"""Every window and dialog fits small screens, its buttons on screen and unclipped.

Each case starts a process whose only screen is that size (Qt's offscreen platform
reads its screens from a JSON file), opens the main window and every dialog there
(tests/ui/screen_fit_probe.py) and checks where they landed. Sizes are logical
pixels: a 1366×768 laptop at 125 % offers 1093×614, at 150 % 910×512.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIALOGS = {
    "MainWindow",
    "MeetingDialog",
    "DirectiveDialog",
    "DoneDialog",
    "ExtendDialog",
    "NoteDialog",
    "SettingsDialog",
    "OrganizationsDialog",
    "RestoreDialog",
    "ReportDialog",
    "MeetingAttachmentsPanel",
}


def _probe(tmp_path: Path, width: int, height: int, dpr: float) -> dict:
    config = tmp_path / "screen.json"
    screen = {
        "name": "small",
        "x": 0,
        "y": 0,
        "width": width,
        "height": height,
        "logicalDpi": 96,
        "logicalBaseDpi": 96,
        "dpr": dpr,
    }
    config.write_text(json.dumps({"windowFrameMargins": True, "screens": [screen]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    env.pop("GIAOBAN_DB", None)
    done = subprocess.run(
        # By path: the programs the tests start import the installed package, and
        # nothing from the working folder (tests/conftest.py sets PYTHONSAFEPATH).
        [sys.executable, str(Path(__file__).with_name("screen_fit_probe.py"))],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _inside(rect: list[int], area: list[int]) -> bool:
    x, y, w, h = rect
    ax, ay, aw, ah = area
    return x >= ax and y >= ay and x + w <= ax + aw and y + h <= ay + ah


@pytest.mark.parametrize(
    ("width", "height", "dpr"),
    [(1024, 600, 1.0), (1093, 614, 1.25), (910, 512, 1.5)],
    ids=["1024x600", "1366x768-at-125%", "1366x768-at-150%"],
)
def test_every_window_and_its_buttons_fit_the_screen(
    tmp_path: Path, width: int, height: int, dpr: float
) -> None:
    """On a small screen each window's frame and each of its buttons lie inside the
    available area, and no button is cut by a scroll area or the window's edge."""
    seen = _probe(tmp_path, width, height, dpr)
    area = seen["available"]
    assert area == [0, 0, width, height]
    assert set(seen["windows"]) == DIALOGS
    for name, window in seen["windows"].items():
        assert _inside(window["frame"], area), (name, window["frame"])
        assert window["buttons"], name
        for button in window["buttons"]:
            assert _inside(button["rect"], area), (name, button)
            assert button["unclipped"] == button["size"], (name, button)
    report = seen["windows"]["ReportDialog"]
    texts = {b["text"] for b in report["buttons"]}
    assert {"&Xem trước khi in…", "&In…", "Lưu &PDF…", "Đóng"} <= texts
