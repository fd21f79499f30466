"""Build the wheel as ``pip install .`` does and install it where the source tree cannot
be imported: shared by the tests of the installed program (not a test module).

The installed copy lives in a new virtual environment whose own site-packages hold
only the wheel; the dependencies are reached through a ``.pth`` listing the
site-packages folders of the running interpreter. A ``.pth`` file in a folder
listed that way is not executed, so an editable install of the source tree
(its path entry or its import hook) is not active there: a module or data file
the wheel forgot fails as it would for a user.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent
# What the wheel is built from: everything but the developer's own clutter.
IGNORED = shutil.ignore_patterns(
    ".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache",
    ".hypothesis", "*.sqlite3", "tests", "docs", "packaging",
)  # fmt: skip
# Where the source tree installs each top-level folder (setup.py).
INSTALLED_AS = {
    "tracker": "tracker",
    "ui": "ui",
    "seeds": "tracker/seeds",
    "resources": "ui/resources",
}


def build_wheel(out: Path) -> Path:
    """The wheel of a clean copy of the source tree, built by pip through the
    project's PEP 517 backend, setuptools of the version [build-system] pins (the test
    extra installs it; without build isolation, so nothing is downloaded)."""
    tree = out / "src"
    shutil.copytree(SOURCE, tree, ignore=IGNORED)
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
         "-w", str(out), str(tree)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, f"pip wheel failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
    return next(out.glob("giaoban-*.whl"))


def dependency_folders() -> list[str]:
    """The running interpreter's site-packages folders (never the source tree)."""
    folders = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    folders |= {p for p in sys.path if p.endswith(("site-packages", "dist-packages"))}
    return sorted(f for f in folders if Path(f).is_dir() and Path(f).resolve() != SOURCE)


@dataclass(frozen=True)
class Installed:
    """A virtual environment with the wheel installed."""

    root: Path

    @property
    def bin(self) -> Path:
        return self.root / ("Scripts" if os.name == "nt" else "bin")

    @property
    def python(self) -> Path:
        return self.bin / ("python.exe" if os.name == "nt" else "python")

    @property
    def giaoban(self) -> Path:
        return self.bin / ("giaoban.exe" if os.name == "nt" else "giaoban")

    @property
    def site_packages(self) -> Path:
        out = subprocess.run(
            [str(self.python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        return Path(out.stdout.strip())


def install_wheel(wheel: Path, root: Path) -> Installed:
    """A new virtual environment at ``root`` with ``wheel`` installed (no dependencies
    installed: they are reached through a .pth, see the module docstring)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True)
    env = Installed(root)
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(env.python), "install", "-q",
         "--no-deps", "--no-index", str(wheel)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    # Only now: pip must not see a copy of the package installed in those folders (it
    # would call the requirement satisfied and install nothing).
    (env.site_packages / "_giaoban_test_dependencies.pth").write_text(
        "\n".join(dependency_folders()) + "\n", encoding="utf-8"
    )
    return env


def clean_env(**extra: str) -> dict[str, str]:
    """The environment of a user's run: offscreen, no PYTHONPATH, no database override."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GIAOBAN_DB")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def wheel_files(wheel: Path) -> set[str]:
    """The files the wheel installs (without its metadata)."""
    with zipfile.ZipFile(wheel) as z:
        return {n for n in z.namelist() if ".dist-info/" not in n}


def source_files() -> set[str]:
    """Every file of the source tree's packages, named as installed."""
    names: set[str] = set()
    for folder, installed in INSTALLED_AS.items():
        for path in (SOURCE / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                names.add(f"{installed}/{path.relative_to(SOURCE / folder).as_posix()}")
    return names
