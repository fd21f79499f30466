"""Faults produced for real: a full filesystem (a small tmpfs) and a file-size limit.

``small_disk`` mounts a tmpfs of a few MB when the tests run as root (CI does), and
skips with the reason otherwise. ``fill`` leaves an exact number of free bytes on it.
``run_with_fsize_limit`` runs a command in a child process under RLIMIT_FSIZE, so a
write past the limit fails with EFBIG (SIGXFSZ ignored) as it would on a quota or an
old filesystem; it needs no privileges.
"""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest


def can_mount() -> str | None:
    """None when a tmpfs can be mounted here, else the reason it cannot."""
    if not sys.platform.startswith("linux"):
        return "a tmpfs needs Linux"
    if os.geteuid() != 0:
        return "mounting a small tmpfs needs root (CI runs as root)"
    if shutil.which("mount") is None or shutil.which("umount") is None:
        return "mount/umount not installed"
    return None


@contextlib.contextmanager
def mounted_tmpfs(where: Path, size: str = "8m") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``where`` for the block's duration."""
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def free_bytes(path: Path) -> int:
    """Bytes an unprivileged writer may still use on ``path``'s filesystem."""
    st = os.statvfs(path)
    return st.f_bavail * st.f_frsize


def fill(disk: Path, leave: int = 0) -> Path:
    """Fill ``disk`` with one ballast file, leaving about ``leave`` bytes free.

    tmpfs counts in pages, so the result is exact to a page (4 KiB); ``leave=0``
    leaves nothing at all.
    """
    ballast = disk / f".ballast-{uuid.uuid4().hex}"
    with open(ballast, "wb") as out:
        chunk = b"\0" * (1 << 20)
        while free_bytes(disk) - leave >= len(chunk):
            out.write(chunk)
            out.flush()
        rest = free_bytes(disk) - leave
        with contextlib.suppress(OSError):
            if rest > 0:
                out.write(b"\0" * rest)
                out.flush()
    return ballast


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """An 8 MB tmpfs, mounted for the test (skipped with a reason when not root)."""
    why = can_mount()
    if why:
        pytest.skip(why)
    with mounted_tmpfs(tmp_path / "small-disk", "8m") as disk:
        yield disk


def _limit_fsize(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def run_with_fsize_limit(
    argv: Sequence[str], limit: int, *, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``argv`` with every file it writes capped at ``limit`` bytes (EFBIG beyond)."""
    return subprocess.run(
        list(argv),
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        preexec_fn=lambda: _limit_fsize(limit),  # noqa: PLW1509 - no threads in the child
        timeout=300,
    )
