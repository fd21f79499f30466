"""File-system errors said in Vietnamese, instead of the system's English text."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

_COMMON = {
    errno.ENOTDIR: "đường dẫn không phải là thư mục",
    errno.EISDIR: "đây là một thư mục",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.EMFILE: "máy đang mở quá nhiều tệp",
}
_WRITING = {
    errno.ENOENT: "thư mục không tồn tại",
    errno.EACCES: "không có quyền ghi (hoặc tệp đang mở trong chương trình khác)",
    errno.EPERM: "không có quyền ghi (hoặc tệp đang mở trong chương trình khác)",
}
_READING = {
    errno.ENOENT: "không tìm thấy tệp",
    errno.EACCES: "không có quyền đọc",
    errno.EPERM: "không có quyền đọc",
}


def reason(error: BaseException, *, writing: bool = True) -> str:
    """Why a file operation failed, in plain Vietnamese where the cause is a common one."""
    if isinstance(error, OSError) and error.errno is not None:
        table = _WRITING if writing else _READING
        if error.errno in table:
            return table[error.errno]
        if error.errno in _COMMON:
            return _COMMON[error.errno]
        return error.strerror or str(error)
    return str(error)


# --- a full disk, wherever it shows ----------------------------------------------------------

FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)})
SQLITE_FULL = 13
SQLITE_IOERR = 10
ROOM_NEEDED = 1024 * 1024  # less free than this, and an I/O error is the disk being full


def _causes(exc: BaseException) -> list[BaseException]:
    """The error and what it wraps: peewee passes SQLite's error as its first argument,
    and a failed rollback carries the write that failed as its context."""
    seen: list[BaseException] = []
    todo = [exc]
    while todo:
        e = todo.pop()
        if any(e is s for s in seen) or len(seen) > 20:
            continue
        seen.append(e)
        todo += [c for c in (e.__cause__, e.__context__) if c is not None]
        todo += [a for a in e.args[:1] if isinstance(a, BaseException)]
    return seen


def _no_room(where: str | os.PathLike[str] | None) -> bool:
    """True when a file-size limit is in force or the disk holding ``where`` is
    (nearly) full: SQLite reports a write cut short by EFBIG as a plain I/O error."""
    if sys.platform != "win32":
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
        if soft != resource.RLIM_INFINITY:
            return True
    if where is None:
        return False
    folder = Path(where).parent
    try:
        st = os.statvfs(folder) if hasattr(os, "statvfs") else None
    except OSError:
        return False
    if st is None:
        import shutil

        return shutil.disk_usage(folder).free < ROOM_NEEDED
    return st.f_bavail * st.f_frsize < ROOM_NEEDED


def is_disk_full(exc: BaseException, where: str | os.PathLike[str] | None = None) -> bool:
    """Whether ``exc`` (an OSError, a sqlite3 or peewee error, or a failed rollback
    after one) means there was no room to write the database ``where``: ENOSPC,
    EFBIG or a quota, SQLITE_FULL, or a disk I/O error on a full disk."""
    for e in _causes(exc):
        if isinstance(e, OSError) and e.errno in FULL_ERRNOS:
            return True
        code = getattr(e, "sqlite_errorcode", None)
        text = str(e)
        if (code is not None and code & 0xFF == SQLITE_FULL) or "database or disk is full" in text:
            return True
        io_error = (code is not None and code & 0xFF == SQLITE_IOERR) or "disk I/O error" in text
        if io_error and _no_room(where):
            return True
    return False
