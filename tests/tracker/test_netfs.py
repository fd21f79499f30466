"""A database on a network share is refused before anything is written."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.errors import DatabaseOpenError
from tracker.store import netfs
from tracker.store.db import close_db, open_db

MOUNTINFO = r"""22 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw
25 22 0:23 / /proc rw,nosuid shared:12 - proc proc rw
40 22 0:40 / /srv/office rw,relatime shared:20 - nfs4 fileserver:/export/office rw,vers=4.2
41 40 8:3 / /srv/office/local\040disk rw,relatime shared:21 - ext4 /dev/sdb1 rw
42 22 0:41 / /mnt/share rw,relatime shared:22 - cifs //nas/Ban\040Dan\040van rw,vers=3.1.1
43 22 0:42 / /home/clerk/remote rw,nosuid shared:23 - fuse.sshfs clerk@host:/data rw
44 22 0:43 / /mnt/shared rw,relatime shared:24 - tmpfs tmpfs rw
45 44 0:44 / /mnt/shared rw,relatime shared:25 - smb3 //nas/x rw
"""

MOUNT_OUTPUT = """/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
//clerk@nas/Office on /Volumes/Office (smbfs, nodev, nosuid, mounted by clerk)
/dev/disk4s1 on /Volumes/USB (msdos, local, nodev, nosuid, noowners)
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/home/clerk/giaoban.sqlite3", "ext4"),
        ("/srv/office/giaoban.sqlite3", "nfs4"),
        ("/srv/office/local disk/giaoban.sqlite3", "ext4"),  # a local disk mounted inside
        ("/srv/officer/giaoban.sqlite3", "ext4"),  # a name that only starts like a mount
        ("/mnt/share/data/giaoban.sqlite3", "cifs"),
        ("/home/clerk/remote/giaoban.sqlite3", "fuse.sshfs"),
        ("/mnt/shared/giaoban.sqlite3", "smb3"),  # the last of two stacked mounts
    ],
)
def test_mountinfo_type_takes_the_longest_mount_point(path: str, expected: str) -> None:
    """The file system of a path is that of the longest mount point holding it."""
    assert netfs.mountinfo_type(path, MOUNTINFO) == expected


@pytest.mark.parametrize(
    ("fstype", "network"),
    [
        ("nfs", True), ("nfs4", True), ("cifs", True), ("smb3", True), ("smbfs", True),
        ("fuse.sshfs", True), ("9p", True), ("afs", True), ("ceph", True), ("afpfs", True),
        ("ext4", False), ("btrfs", False), ("xfs", False), ("tmpfs", False), ("vfat", False),
        ("ntfs3", False), ("fuse.ntfs-3g", False), ("overlay", False), ("apfs", False),
    ],
)  # fmt: skip
def test_network_file_system_types(fstype: str, network: bool) -> None:
    """nfs*, cifs, smb*, sshfs, 9p, afs, ceph… are network file systems; disks are not."""
    assert netfs.is_network_type(fstype) is network


def test_mount_output_type_on_macos() -> None:
    """macOS's mount output gives smbfs for a mounted office share."""
    assert netfs.mount_output_type("/Volumes/Office/giaoban.sqlite3", MOUNT_OUTPUT) == "smbfs"
    assert netfs.mount_output_type("/Users/clerk/giaoban.sqlite3", MOUNT_OUTPUT) == "apfs"


@pytest.mark.parametrize(
    ("path", "network"),
    [
        (r"\\nas\Ban Dan van\giaoban.sqlite3", True),
        ("//nas/share/giaoban.sqlite3", True),
        (r"\\?\UNC\nas\share\giaoban.sqlite3", True),
        (r"Z:\giaoban\giaoban.sqlite3", True),  # a mapped network drive
        (r"z:\giaoban.sqlite3", True),
        (r"C:\Users\clerk\AppData\Local\GiaoBan\giaoban.sqlite3", False),
        (r"\\?\C:\Users\clerk\giaoban.sqlite3", False),
        (r"D:\giaoban.sqlite3", False),
    ],
)
def test_windows_paths(path: str, network: bool) -> None:
    """UNC paths and drives GetDriveTypeW calls remote (here Z:) are network locations."""
    drives = {"C:\\": 3, "D:\\": 2, "Z:\\": netfs.DRIVE_REMOTE}
    assert netfs.is_windows_network_path(path, drives.__getitem__) is network


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_a_database_on_a_network_share_is_refused_untouched(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With its file system faked as cifs, an existing file is refused, in Vietnamese,
    and the folder is byte for byte as it was (no -wal, -shm or backup made)."""
    close_db()
    before = _digest(db_path.parent)
    monkeypatch.setattr(netfs, "filesystem_type", lambda path: "cifs")
    monkeypatch.setattr(netfs.sys, "platform", "linux")
    with pytest.raises(DatabaseOpenError) as err:
        open_db(str(db_path))
    assert "ổ mạng" in err.value.message and "cifs" in err.value.message
    assert "chép tệp về một thư mục trên máy này" in err.value.message
    from tracker.store.dbfile import connect_for_reading

    with pytest.raises(DatabaseOpenError):
        connect_for_reading(str(db_path))
    assert _digest(db_path.parent) == before


def test_a_new_database_is_not_created_on_a_network_share(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that does not exist yet on an NFS folder is not created, nor its folder."""
    monkeypatch.setattr(netfs, "filesystem_type", lambda path: "nfs4")
    target = tmp_path / "share" / "giaoban.sqlite3"
    with pytest.raises(DatabaseOpenError):
        open_db(str(target))
    assert list(tmp_path.iterdir()) == []


def test_local_disk_is_accepted(tmp_path: Path) -> None:
    """The test machine's temporary folder is not a network share."""
    assert netfs.network_kind(tmp_path / "giaoban.sqlite3") is None


def test_cli_db_on_a_network_share_exits_2(tmp_path: Path) -> None:
    """``giaoban demo --db`` on a (faked) network share exits 2 with one Vietnamese line."""
    code = (
        "import sys; from tracker.store import netfs; "
        "netfs.filesystem_type = lambda p: 'nfs4'; "
        "from tracker.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    target = tmp_path / "giaoban.sqlite3"
    done = subprocess.run(
        [sys.executable, "-c", code, "demo", "--db", str(target)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.startswith("giaoban: lỗi: ") and "nfs4" in done.stderr
    assert "Traceback" not in done.stderr
    assert not target.exists()
