"""Refuse a database on a network share: SQLite in WAL mode is not safe there.

WAL keeps its index in shared memory beside the file (``-shm``), which is not
shared between computers, and network file systems do not honour SQLite's locks
reliably: two computers writing one file over a shared folder can corrupt it.
Offices will put the file on a shared folder so a second person can open it,
so such a location is refused before anything is written, with what to do
instead. Windows: a UNC path (``\\\\server\\share``) or a mapped network drive
(``GetDriveTypeW`` says DRIVE_REMOTE); Linux: the file system type of the
longest mount point holding the file (``/proc/self/mountinfo``); macOS: the
same from ``mount``.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from tracker.errors import DatabaseOpenError

DRIVE_REMOTE = 4  # GetDriveTypeW
# File system types reached over a network (Linux names; macOS's smbfs, nfs, afpfs, webdav).
NETWORK_TYPES = frozenset(
    {
        "cifs", "smbfs", "smb3", "ncpfs", "afs", "afpfs", "coda", "ceph", "glusterfs", "lustre",
        "gpfs", "beegfs", "davfs", "webdav", "ocfs2", "gfs2", "sshfs", "9p", "orangefs",
        "fuse.sshfs", "fuse.glusterfs", "fuse.ceph", "fuse.cephfs", "fuse.s3fs", "fuse.rclone",
        "fuse.davfs", "fuse.gvfsd-fuse", "fuse.smbnetfs", "fuse.lizardfs", "fuse.moosefs",
        "fuse.juicefs", "fuse.gcsfuse",
    }
)  # fmt: skip
NETWORK_PREFIXES = ("nfs", "smb", "cifs", "9p")


def is_network_type(fstype: str) -> bool:
    """True for a file system type reached over a network (nfs4, cifs, fuse.sshfs…)."""
    kind = fstype.strip().lower()
    return kind in NETWORK_TYPES or kind.startswith(NETWORK_PREFIXES)


def is_windows_network_path(path: str, drive_type: Callable[[str], int]) -> bool:
    """True for a Windows UNC path or a path on a drive ``drive_type`` (GetDriveTypeW of
    the drive's root, e.g. ``"Z:\\\\"``) calls remote. ``path`` is absolute."""
    p = path.replace("/", "\\")
    if p[:8].upper() == "\\\\?\\UNC\\":
        return True
    if p.startswith(("\\\\?\\", "\\\\.\\")):
        p = p[4:]
    elif p.startswith("\\\\"):
        return True
    if len(p) >= 2 and p[1] == ":" and p[0].isalpha():
        return drive_type(f"{p[0].upper()}:\\") == DRIVE_REMOTE
    return False


def _unescape(field: str) -> str:
    """mountinfo writes space, tab, newline and backslash as octal escapes."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def _longest(path: str, mounts: list[tuple[str, str]]) -> str | None:
    """The type of the longest mount point holding ``path`` (the last one when stacked)."""
    best, best_len = None, -1
    for point, fstype in mounts:
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= best_len:
            best, best_len = fstype, len(point)
    return best


def mountinfo_type(path: str, mountinfo: str) -> str | None:
    """The file system type holding absolute ``path``, from /proc/self/mountinfo text."""
    mounts = []
    for line in mountinfo.splitlines():
        fields = line.split(" ")
        if " - " not in line or len(fields) < 10:
            continue
        after = line.split(" - ", 1)[1].split(" ")
        mounts.append((_unescape(fields[4]), after[0]))
    return _longest(path, mounts)


def mount_output_type(path: str, text: str) -> str | None:
    """The same from the output of macOS/BSD ``mount``: ``X on /point (type, …)``."""
    mounts = []
    for line in text.splitlines():
        m = re.match(r"^.* on (.+) \(([^,)]+)", line)
        if m:
            mounts.append((m.group(1), m.group(2).strip()))
    return _longest(path, mounts)


def filesystem_type(path: Path) -> str | None:
    """The type of the file system holding ``path`` (Linux, macOS), None if unknown."""
    try:
        if sys.platform.startswith("linux"):
            text = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
            return mountinfo_type(str(path), text)
        if sys.platform == "darwin":
            import subprocess

            done = subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=5)
            return mount_output_type(str(path), done.stdout)
    except (OSError, ValueError, UnicodeError):
        return None
    return None


def _windows_drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def _existing(path: Path) -> Path:
    """``path`` made absolute with links resolved, or its nearest existing folder."""
    p = Path(os.path.abspath(path))
    while not p.exists() and p.parent != p:
        p = p.parent
    try:
        return p.resolve()
    except OSError:
        return p


def network_kind(path: str | os.PathLike[str]) -> str | None:
    """What makes ``path`` a network location ("thư mục mạng" or the file system type),
    or None for a local disk. A file not created yet is judged by its folder."""
    if sys.platform == "win32":
        full = os.path.abspath(path)
        return "thư mục mạng" if is_windows_network_path(full, _windows_drive_type) else None
    fstype = filesystem_type(_existing(Path(path)))
    return fstype if fstype and is_network_type(fstype) else None


def refuse_network_location(path: str | os.PathLike[str]) -> None:
    """DatabaseOpenError, before anything is written, when ``path`` is on a network share."""
    kind = network_kind(path)
    if kind is None:
        return
    raise DatabaseOpenError(
        f'Tệp dữ liệu "{path}" nằm trên ổ mạng hoặc thư mục dùng chung qua mạng ({kind}). '
        "Giao ban không mở tệp dữ liệu qua mạng vì cách lưu của nó (SQLite, chế độ WAL) "
        "không an toàn trên ổ mạng: hai máy cùng ghi có thể làm hỏng dữ liệu. Tệp được giữ "
        "nguyên. Hãy chép tệp về một thư mục trên máy này rồi mở bản chép; nếu nhiều người "
        "cần dùng chung dữ liệu, hãy dùng chế độ văn phòng dùng chung (dữ liệu đặt trên "
        "một máy chủ cơ sở dữ liệu)."
    )
