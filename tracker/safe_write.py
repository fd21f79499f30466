"""Every file Giao ban writes for the clerk, and every file it reads from outside.

Writing (reports, JSON exports, backups, restored copies) follows one protocol,
here and nowhere else: the writer fills a new owner-only temporary file beside
the target, which is flushed to disk, read back and checked for its format (PDF
structure, XLSX and DOCX reopened, JSON parsed, SQLite integrity-checked), and
only then moved over the target with ``os.replace``. On any failure (a full disk,
a file-size limit, a writer that left a broken file) the temporary file is
removed, the old target is left byte for byte as it was, and an ``OutputError``
says why in Vietnamese. A target that is a link, a folder, a device or a FIFO
is refused: writing "the report" into ``/dev/tty`` or through a symlink is never
what the clerk meant.

Temporary files are named ``.<target name>.giaoban-tmp-<pid>-<random><suffix>`` so that
those left by a process that was killed are found and removed at the next start
(``remove_stale``).

Reading a file from outside (``read_source``) opens it without blocking, refuses
anything but a regular file and reads at most a limit, so a FIFO or ``/dev/zero``
can neither hang a command nor fill the memory.
"""

from __future__ import annotations

import errno
import gc
import json
import os
import re
import secrets
import shutil
import stat
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Literal

from tracker.errors import IncompleteInstallError, ValidationError
from tracker.oserrors import reason

Kind = Literal["pdf", "xlsx", "docx", "json", "sqlite", "bytes"]
FILE_MODE = 0o600
TEMP_MARK = ".giaoban-tmp-"
_TEMP_NAME = re.compile(
    r"^\..+\.giaoban-tmp-(?P<pid>\d+)-[0-9a-f]{8}(?:\.\w{1,10})?(?:-journal|-wal|-shm)?$"
    # what earlier versions left: a new file's, a restore's staged copy, a backup's .part
    r"|^\..+\.(?:new|restore)-(?P<old_pid>\d+)(?:-journal|-wal|-shm)?$"
    r"|^.+\.sqlite3\.part(?:-journal)?$"
)
# A temporary file this old is stale even when its pid is alive again (pids are reused).
STALE_AFTER_SECONDS = 24 * 3600
_SIDE = ("-journal", "-wal", "-shm")


class OutputError(ValidationError):
    """A file could not be written (or read) safely; the old file is unchanged."""

    def __init__(self, message: str) -> None:
        super().__init__(message, field="path")


# --- targets and sources ----------------------------------------------------------------------


def _not_regular(st: os.stat_result) -> str | None:
    mode = st.st_mode
    if stat.S_ISLNK(mode):
        return "là một liên kết (symlink), không phải tệp thông thường"
    if stat.S_ISDIR(mode):
        return "là một thư mục"
    if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
        return "là một đường ống (FIFO/socket), không phải tệp thông thường"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "là một thiết bị, không phải tệp thông thường"
    if not stat.S_ISREG(mode):
        return "không phải tệp thông thường"
    return None


def check_target(target: Path) -> None:
    """Refuse a target that exists and is not a regular file, or is a link."""
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f'Không ghi được tệp "{target}": {reason(exc)}.') from exc
    why = _not_regular(st)
    if why:
        raise OutputError(
            f'Không ghi được tệp "{target}": đường dẫn này {why}. Hãy chọn tên tệp khác.'
        )


def read_source(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (links followed).

    Raises OutputError for anything else, without blocking on a FIFO.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a FIFO nobody writes to, on some systems
            raise OutputError(f'Không đọc tệp "{path}": đây không phải tệp thông thường.') from exc
        raise OutputError(f'Không đọc được tệp "{path}": {reason(exc, writing=False)}.') from exc
    try:
        why = _not_regular(os.fstat(fd))
        if why:
            raise OutputError(f'Không đọc tệp "{path}": đường dẫn này {why}.')
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise OutputError(f'Tệp "{path.name}" quá lớn (quá {limit // (1024 * 1024)} MB).')
        return b"".join(chunks)
    except OSError as exc:
        raise OutputError(f'Không đọc được tệp "{path}": {reason(exc, writing=False)}.') from exc
    finally:
        os.close(fd)


def check_source(path: Path) -> None:
    """Refuse a source that is not a regular file (links followed), without opening it."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise OutputError(f'Không đọc được tệp "{path}": {reason(exc, writing=False)}.') from exc
    why = _not_regular(st)
    if why:
        raise OutputError(f'Không đọc tệp "{path}": đường dẫn này {why}.')


# --- writing ----------------------------------------------------------------------------------


def temp_path(target: Path) -> Path:
    # The target's extension last: some writers and readers go by it (openpyxl does).
    token = f"{os.getpid()}-{secrets.token_hex(4)}"
    return target.with_name(f".{target.name}{TEMP_MARK}{token}{target.suffix}")


def write_temp(target: Path, write: Callable[[Path], object], kind: Kind) -> Path:
    """Run ``write`` on a new owner-only file beside ``target``; return it fsynced and
    verified as ``kind``. The caller moves it into place (``commit``) or removes it.

    Raises OutputError (the temporary file removed) when any step fails.
    """
    check_target(target)
    remove_stale(target.parent)  # what a killed earlier write left in the same folder
    tmp = temp_path(target)
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | _NOFOLLOW, FILE_MODE)
        os.close(fd)
        try:
            write(tmp)
        except BaseException as exc:
            _collect_quietly(exc)
            raise
        os.chmod(tmp, FILE_MODE)  # a writer that recreated the file got the umask's mode
        _fsync(tmp)
        try:
            VERIFY[kind](tmp)
        except OutputError:
            raise
        except Exception as exc:  # noqa: BLE001 - any failure to read it back is a bad file
            raise OutputError(
                f'Tệp vừa ghi cho "{target}" không đọc lại được ({type(exc).__name__}: '
                f"{str(exc)[:120]}); tệp cũ được giữ nguyên."
            ) from exc
    except OutputError as exc:
        remove(tmp)
        if _nearly_full(target.parent):  # a writer that reports no error (Qt's PDF) on ENOSPC
            raise OutputError(f"{exc} Ổ đĩa đã đầy: hãy giải phóng chỗ trống rồi ghi lại.") from exc
        raise
    except IncompleteInstallError:  # already says what is missing and what to do
        remove(tmp)
        raise
    except OSError as exc:
        remove(tmp)
        raise OutputError(
            f'Không ghi được tệp "{target}": {reason(exc)}. Tệp cũ (nếu có) được giữ nguyên.'
        ) from exc
    except Exception as exc:  # noqa: BLE001 - e.g. lxml's SerialisationError: IO_EFBIG
        remove(tmp)
        raise OutputError(
            f'Không ghi được tệp "{target}": {why(exc)}. Tệp cũ (nếu có) được giữ nguyên.'
        ) from exc
    except BaseException:
        remove(tmp)
        raise
    return tmp


def why(exc: BaseException) -> str:
    """Why a write failed, in Vietnamese, whichever library raised it."""
    text = str(exc)
    if isinstance(exc, OSError):
        return reason(exc)
    if "disk is full" in text:  # sqlite3: SQLITE_FULL
        return "ổ đĩa đã đầy"
    if "EFBIG" in text or "disk I/O error" in text:  # lxml; sqlite3's SQLITE_IOERR
        return "lỗi ghi đĩa (ổ đĩa đầy hoặc tệp vượt giới hạn kích thước)"
    return f"{type(exc).__name__}: {text[:120]}"


def _collect_quietly(exc: BaseException) -> None:
    """Collect what a failed writer left half-closed (openpyxl's sheet generators, zip
    files) now, without the "Exception ignored" report each would print at exit."""
    traceback.clear_frames(exc.__traceback__)  # the writer's frames hold them
    hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        gc.collect()
    finally:
        sys.unraisablehook = hook


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < 256 * 1024
    except OSError:
        return False


def commit(tmp: Path, target: Path) -> None:
    """Move a verified temporary file over ``target`` (refused if it became a link)."""
    try:
        check_target(target)
        os.replace(tmp, target)
        _fsync_folder(target.parent)
    except OSError as exc:
        raise OutputError(
            f'Không ghi được tệp "{target}": {reason(exc)}. Tệp cũ (nếu có) được giữ nguyên.'
        ) from exc
    finally:
        remove(tmp)


def write_verified(
    target: str | os.PathLike[str], write: Callable[[Path], object], kind: Kind
) -> Path:
    """Write ``target`` through ``write`` (given the temporary path) with the whole protocol."""
    path = Path(target)
    commit(write_temp(path, write, kind), path)
    return path


def remove(path: Path) -> None:
    """Remove a temporary file and the journal files SQLite may have made beside it."""
    for p in (path, *(path.with_name(path.name + s) for s in _SIDE)):
        try:
            p.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass  # cleaned up at the next start (remove_stale)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no folder handles to sync)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the data itself is synced
    finally:
        os.close(fd)


# --- verification -----------------------------------------------------------------------------


def _bad(what: str) -> OutputError:
    return OutputError(f"Tệp vừa ghi không hợp lệ ({what}); tệp cũ được giữ nguyên.")


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_OBJ = re.compile(rb"\d+\s+\d+\s+obj\b")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")


def check_pdf(path: Path) -> None:
    """A structural check: header, end marker, cross-reference table pointing at every
    object, and at least one page. A file cut short by a full disk fails it."""
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise _bad("không có phần đầu PDF")
    m = _STARTXREF.search(data[-2048:])
    if m is None:
        raise _bad("PDF bị cắt cụt: thiếu phần kết")
    offset = int(m[1])
    if not 0 < offset < len(data):
        raise _bad("PDF có bảng tham chiếu sai chỗ")
    if data.startswith(b"xref", offset):
        pos = offset + 4
        table = data[pos : data.find(b"trailer", pos)]
        entries = _XREF_ENTRY.findall(table)
        if not entries or data.find(b"trailer", pos) < 0:
            raise _bad("PDF có bảng tham chiếu hỏng")
        for where, _, used in entries:
            if used == b"n" and not _OBJ.match(data, int(where)):
                raise _bad("PDF có đối tượng không ở đúng chỗ")
    elif not _OBJ.match(data, offset):  # a cross-reference stream
        raise _bad("PDF có bảng tham chiếu hỏng")
    if not re.search(rb"/Type\s*/Page\b", data):
        raise _bad("PDF không có trang nào")


def _check_zip(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path) as z:
        broken = z.testzip()
    if broken is not None:
        raise _bad(f"phần {broken} hỏng")


def check_xlsx(path: Path) -> None:
    _check_zip(path)
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        for sheet in book.worksheets:
            for _ in sheet.iter_rows(values_only=True):
                pass
    finally:
        book.close()


def check_docx(path: Path) -> None:
    _check_zip(path)
    import docx

    docx.Document(str(path))


def check_json(path: Path) -> None:
    json.loads(path.read_text(encoding="utf-8"))


def check_sqlite(path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    if rows != [("ok",)]:
        raise _bad(f"SQLite: {str(rows[0][0])[:120]}")


VERIFY: dict[Kind, Callable[[Path], None]] = {
    "pdf": check_pdf,
    "xlsx": check_xlsx,
    "docx": check_docx,
    "json": check_json,
    "sqlite": check_sqlite,
    "bytes": lambda path: None,  # a damaged database kept for rescue: nothing to check
}


# --- leftovers of killed processes ------------------------------------------------------------


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name != "posix":
        return True  # Windows: os.kill would end the process; the file's age decides there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: leave its file alone
    return True


def stale_temps(folder: Path, *, now: float | None = None) -> Iterator[Path]:
    """Temporary files in ``folder`` whose process is gone (or that are a day old)."""
    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        m = _TEMP_NAME.match(entry.name)
        if m is None:
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode):
            continue
        old = now - st.st_mtime > STALE_AFTER_SECONDS
        pid = m["pid"] or m["old_pid"]
        if old or (pid is not None and not _alive(int(pid))):
            yield Path(entry.path)


def remove_stale(*folders: Path) -> list[Path]:
    """Remove temporary files left in ``folders`` by killed processes; returns them."""
    removed = []
    for folder in folders:
        for path in stale_temps(folder):
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                pass
    return removed
