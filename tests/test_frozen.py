"""The frozen one-folder application (packaging/giaoban.spec), built from the installed
wheel and run away from the source tree: the same smoke run as the wheel's."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .installed import SOURCE, build_wheel, clean_env, install_wheel

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("PyInstaller") is None,
    reason="PyInstaller is not installed (pip install '.[test]' brings it)",
)
SPEC = SOURCE / "packaging" / "giaoban.spec"
EXE = ".exe" if sys.platform == "win32" else ""


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder bundle, built once for this module; its folder."""
    root = tmp_path_factory.mktemp("frozen")
    env = install_wheel(build_wheel(root / "wheel"), root / "env")
    started = time.perf_counter()
    done = subprocess.run(
        [str(env.python), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(root / "dist"), "--workpath", str(root / "work"), str(SPEC)],
        cwd=root, env=clean_env(), capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-4000:]
    print(f"PyInstaller: {time.perf_counter() - started:.0f} s")
    return root / "dist" / "GiaoBan"


def cli(folder: Path) -> str:
    return str(folder / f"giaoban-cli{EXE}")


def run(folder: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [cli(folder), *args], cwd=cwd, env=clean_env(), capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip


def damaged_copy(bundle: Path, dest: Path) -> Path:
    """A copy of the bundle made of hard links (fast); deleting in it leaves the original."""
    shutil.copytree(bundle, dest, copy_function=os.link, symlinks=True)
    return dest


def test_bundle_passes_the_smoke_run(bundle: Path, tmp_path: Path) -> None:
    """The frozen app imports every module from itself, finds every file and plugin,
    and opens the main window and every dialog."""
    done = run(bundle, "--smoke", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "smoke: OK" in done.stdout and "AboutDialog" in done.stdout
    where = Path(done.stdout.split(" đã nạp từ ", 1)[1].splitlines()[0])
    assert bundle in where.parents and SOURCE not in where.parents


def test_bundle_writes_every_report_format(bundle: Path, tmp_path: Path) -> None:
    """Word (python-docx templates), Excel and PDF reports are written by the bundle."""
    db = str(tmp_path / "giaoban.sqlite3")
    assert run(bundle, "demo", "--db", db, cwd=tmp_path).returncode == 0
    for fmt, magic in {"docx": b"PK", "xlsx": b"PK", "pdf": b"%PDF"}.items():
        out = tmp_path / f"report.{fmt}"
        done = run(
            bundle, "report", "--quarter", "Quý II-2021", "--format", fmt, "--out", str(out),
            "--db", db, cwd=tmp_path,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert out.read_bytes().startswith(magic)


def test_missing_docx_template_is_named(bundle: Path, tmp_path: Path) -> None:
    """With python-docx's template deleted from the bundle, Word export exits 2 naming
    it in Vietnamese, not with a misleading "folder does not exist"."""
    broken = damaged_copy(bundle, tmp_path / "GiaoBan")
    next(broken.rglob("docx/templates/default.docx")).unlink()
    db = str(tmp_path / "giaoban.sqlite3")
    run(broken, "demo", "--db", db, cwd=tmp_path)
    done = run(
        broken, "report", "--quarter", "Quý II-2021", "--format", "docx", "--out",
        str(tmp_path / "r.docx"), "--db", db, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 2
    assert "docx/templates/default.docx" in done.stderr and "cài đặt lại" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "r.docx").exists()


def test_missing_platform_plugin_is_named(bundle: Path, tmp_path: Path) -> None:
    """With Qt's platform plugin deleted from the bundle, starting the window exits 1
    with a Vietnamese message naming the plugin (Qt would abort in English)."""
    broken = damaged_copy(bundle, tmp_path / "GiaoBan")
    for plugin in broken.rglob("plugins/platforms/*qoffscreen*"):
        plugin.unlink()
    done = run(broken, "--db", str(tmp_path / "giaoban.sqlite3"), cwd=tmp_path)
    assert done.returncode == 1
    assert "platforms/qoffscreen" in done.stderr and "cài đặt lại" in done.stderr
    assert not (tmp_path / "giaoban.sqlite3").exists()
