"""The database file before any connection: where it is, and whether it is a healthy
Giao ban database (``inspect_file``), checked read-only.

Nothing here imports peewee: a command that only reads (``giaoban directives
--json``) checks the file exactly as ``db.open_db`` does and then reads it with
the ``sqlite3`` module alone (``connect_for_reading``).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from tracker.errors import (
    DamagedFileError,
    DatabaseBusyError,
    DatabaseOpenError,
    DiskFullError,
    TrackerError,
)
from tracker.oserrors import is_disk_full, reason
from tracker.safe_write import remove_stale
from tracker.store.netfs import refuse_network_location
from tracker.store.schema import Entry, differences, expected_schema, read_schema
from tracker.store.version import APPLICATION_ID, SCHEMA_VERSION

APP_NAME = "GiaoBan"
BACKUP_DIR_NAME = "backups"
DB_FILENAME = "giaoban.sqlite3"
ENV_VAR = "GIAOBAN_DB"
BUSY_ENV_VAR = "GIAOBAN_BUSY_TIMEOUT_MS"
BUSY_TIMEOUT_MS = 5000
SQLITE_MAGIC = b"SQLite format 3\x00"
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
# quick_check reads every page: ~1 ms a MB, so at most ~60 ms here. A province's
# decade is ~4 MB; a file past this size (16x that) is opened without it, since
# the check would make every start and every command wait for the whole file.
# The header, schema and table checks still run, and tracker.store.integrity checks it
# afterwards: the window in the background, a command before it writes.
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024


def default_db_path() -> Path:
    """The database file in the platform's user data folder."""
    from platformdirs import user_data_path

    folder: Path = user_data_path(APP_NAME, appauthor=False)
    return folder / DB_FILENAME


def resolve_target(target: str | os.PathLike[str] | None) -> str:
    """``--db`` value, else ``$GIAOBAN_DB``, else the default file."""
    if target is None or str(target) == "":
        target = os.environ.get(ENV_VAR) or default_db_path()
    return str(target)


def sqlite_path(target: str) -> str | None:
    """The file path of a SQLite target (path or ``sqlite:///`` URL), or None for other URLs."""
    if target.startswith("sqlite:///"):
        return target[len("sqlite:///") :]
    if target.startswith("sqlite://"):
        return target[len("sqlite://") :] or ":memory:"
    if "://" in target:
        return None
    return target


def resolve_busy_timeout(value: int | None = None) -> int:
    """How long a write waits for another program's lock: ``value``, else
    ``$GIAOBAN_BUSY_TIMEOUT_MS``, else 5 seconds."""
    if value is None:
        try:
            value = int(os.environ.get(BUSY_ENV_VAR, BUSY_TIMEOUT_MS))
        except ValueError:
            value = BUSY_TIMEOUT_MS
    return max(0, int(value))


def is_busy(exc: BaseException) -> bool:
    """SQLite's "database is locked" / "busy": another connection holds the lock (on
    PostgreSQL: the write lock's wait ran past ``lock_timeout``)."""
    text = str(exc)
    return "locked" in text or "busy" in text or "lock timeout" in text


def busy_error(not_done: str = "Chưa mở được") -> DatabaseBusyError:
    """The one wording for a lock held past the busy timeout; ``not_done`` says what
    did not happen ("Chưa lưu được", "Chưa nhập gì")."""
    return DatabaseBusyError(
        "Cơ sở dữ liệu đang được một chương trình khác ghi (có thể là cửa sổ Giao ban thứ "
        f"hai). {not_done}; hãy thử lại sau ít giây."
    )


SAVED_NOTHING = "chưa lưu được thay đổi nào, dữ liệu đã lưu trước đó vẫn nguyên vẹn"
OPENED_NOTHING = "chưa mở được tệp; tệp được giữ nguyên"


def disk_full_error(where: str | os.PathLike[str] | None, outcome: str) -> DiskFullError:
    """The one message for a database write that found no room on the disk."""
    named = f' chứa tệp "{where}"' if where not in (None, "", ":memory:") else ""
    return DiskFullError(
        f"Ổ đĩa{named} đã đầy (hoặc tệp đã tới giới hạn dung lượng cho phép); {outcome}. "
        "Hãy giải phóng dung lượng ổ đĩa rồi thử lại."
    )


@contextlib.contextmanager
def disk_full_as_message(where: str | os.PathLike[str] | None, outcome: str) -> Iterator[None]:
    """Turn a write that found the disk full (SQLITE_FULL, ENOSPC, EFBIG, an I/O error
    on a full disk, or the failed rollback after one) into DiskFullError."""
    try:
        yield
    except TrackerError:
        raise
    except Exception as exc:
        if is_disk_full(exc, where):
            raise disk_full_error(where, outcome) from exc
        raise


SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26


def is_damage(exc: BaseException) -> bool:
    """SQLite found the file damaged while reading or writing it ("database disk image is
    malformed"): a large file is opened before its integrity check has finished."""
    for e in [exc, exc.__cause__, exc.__context__, *exc.args[:1]]:
        if not isinstance(e, BaseException):
            continue
        code = getattr(e, "sqlite_errorcode", None)
        if code is not None and code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB):
            return True
        if "malformed" in str(e) or "file is not a database" in str(e):
            return True
    return False


def damaged_error(path: str | os.PathLike[str] | None) -> DamagedFileError:
    """The one message for a file SQLite found damaged after it was opened."""
    named = f'Tệp "{path}"' if path else "Tệp dữ liệu"
    return DamagedFileError(
        f"{named} đã bị hỏng (kiểm tra toàn vẹn không đạt). Giao ban không ghi gì thêm vào "
        "tệp này; hãy khôi phục từ bản sao lưu (Tệp ▸ Khôi phục… hoặc giaoban restore)."
    )


def known_error(exc: BaseException, target: str | os.PathLike[str] | None) -> TrackerError | None:
    """A database error a person can act on, in Vietnamese, or None (a bug: let it show)."""
    resolved = resolve_target(target) if not isinstance(target, Path) else str(target)
    path = sqlite_path(resolved)
    if path is None:  # a server database (tracker.store.pg)
        from tracker.store.pg import server_error
        from tracker.store.proxy import database

        return server_error(database.obj, exc)
    if is_disk_full(exc, path):
        return disk_full_error(path, "chưa thực hiện được lệnh; dữ liệu đã lưu vẫn nguyên vẹn")
    if is_damage(exc):
        return damaged_error(path)
    return None


def side_files(path: Path) -> list[Path]:
    """The journal files SQLite keeps beside a database file."""
    return [path.with_name(path.name + s) for s in SIDE_SUFFIXES]


def remove_leftovers(path: Path) -> list[Path]:
    """Remove the staged copies that killed backups, migrations and restores left beside
    the database and in its backups folder (tracker.safe_write names them); returns them.

    Run at every start, after the file was found healthy: two folder listings.
    """
    return remove_stale(path.parent, path.parent / BACKUP_DIR_NAME)


# --- inspecting an existing file ------------------------------------------------------------


def _keep(path: Path) -> str:
    return f'Tệp "{path}" được giữ nguyên'


def inspect_file(
    path: Path, *, timeout_ms: int | None = None, require_writable: bool = True
) -> int:
    """Check, without writing anything, that ``path`` is a healthy Giao ban
    database this version can open for writing; returns its schema version.

    Raises DatabaseOpenError naming the problem: a folder, an unreadable or
    empty (0-byte) file, not SQLite, truncated, damaged, another program's
    SQLite file, a newer schema, a read-only file or folder (the last two
    only with ``require_writable``).
    """
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise DatabaseOpenError(f'"{path}" là một thư mục, không phải tệp dữ liệu.')
        if not stat.S_ISREG(st.st_mode):  # a device or a FIFO: opening it could block
            raise DatabaseOpenError(
                f'"{path}" không phải tệp thông thường (thiết bị, đường ống…), không phải '
                "tệp dữ liệu Giao ban."
            )
        with path.open("rb") as fh:
            head = fh.read(100)
    except FileNotFoundError as exc:
        raise DatabaseOpenError(f'Không tìm thấy tệp dữ liệu "{path}".') from exc
    except OSError as exc:
        why = reason(exc, writing=False)
        raise DatabaseOpenError(f'Không đọc được tệp "{path}" ({why}).') from exc
    if st.st_size == 0:
        # Not treated as a new database: an empty file where data was expected is
        # usually a copy or sync that failed, and the clerk must notice that.
        raise DatabaseOpenError(
            f'Tệp "{path}" trống (0 byte), có thể đã bị cắt cụt khi sao chép hoặc đồng bộ. '
            f"{_keep(path)}; hãy khôi phục từ bản sao lưu hoặc chọn tệp khác."
        )
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        raise DatabaseOpenError(
            f'Tệp "{path}" không phải cơ sở dữ liệu Giao ban (không phải tệp SQLite). '
            f"{_keep(path)}."
        )
    _check_header(path, head, st.st_size)
    facts = _read_facts(path, timeout_ms)
    check, app_id, version, objects = facts
    tables = {name for kind, name, _, _ in objects if kind == "table"}
    if check != "ok":
        raise DatabaseOpenError(
            f'Tệp "{path}" đã bị hỏng ({check[:120]}). {_keep(path)}; hãy khôi phục từ bản sao lưu.'
        )
    ours = app_id == APPLICATION_ID or {"meeting", "directive", "assignment"} <= tables
    foreign = app_id not in (0, APPLICATION_ID) or (bool(tables) and not ours)
    if foreign:
        raise DatabaseOpenError(
            f'Tệp "{path}" là cơ sở dữ liệu SQLite của một chương trình khác, không phải của '
            f"Giao ban. {_keep(path)}."
        )
    if version > SCHEMA_VERSION:
        raise DatabaseOpenError(
            f'Tệp "{path}" được tạo bởi phiên bản Giao ban mới hơn (lược đồ {version}, phiên '
            f"bản này chỉ hiểu đến {SCHEMA_VERSION}). Hãy cập nhật chương trình; "
            f"{_keep(path)}."
        )
    _check_schema(path, version, objects)
    if not require_writable:
        return version
    if not os.access(path, os.W_OK) or not st.st_mode & 0o222:
        raise DatabaseOpenError(
            f'Tệp "{path}" chỉ cho phép đọc nên không lưu được thay đổi vào đó. Hãy bỏ '
            "thuộc tính chỉ đọc, hoặc chép tệp sang thư mục của bạn rồi mở bản chép."
        )
    _check_writable_folder(path.parent)
    return version


def _check_schema(path: Path, version: int, objects: frozenset[Entry]) -> None:
    """Refuse a file whose schema is not exactly its version's: an added trigger,
    table, view or index, or an altered column, is code or data nobody checked."""
    found = differences(objects, expected_schema(version))
    if found:
        shown = ", ".join(found[:4]) + (f" và {len(found) - 4} chỗ khác" if len(found) > 4 else "")
        raise DatabaseOpenError(
            f'Tệp "{path}" có cấu trúc khác với cơ sở dữ liệu Giao ban (lược đồ {version}): '
            f"{shown}. Có thể tệp đã bị một chương trình khác sửa, nên Giao ban không dùng "
            f"nó. {_keep(path)}; hãy khôi phục từ bản sao lưu."
        )


def _check_writable_folder(folder: Path) -> None:
    # The mode bits are honoured too: as an administrator os.access says yes
    # to a folder someone deliberately made read-only.
    try:
        writable = os.access(folder, os.W_OK) and bool(folder.stat().st_mode & 0o222)
    except OSError:
        writable = False
    if not writable:
        raise DatabaseOpenError(
            f'Thư mục "{folder}" không cho phép ghi, mà Giao ban cần ghi tệp nhật ký (-wal) '
            "và bản sao lưu bên cạnh tệp dữ liệu. Hãy chép tệp sang thư mục của bạn rồi mở "
            "bản chép."
        )


def _wal_holds_frames(path: Path) -> bool:
    """True when a -wal beside ``path`` holds more than its header: committed changes
    may then live only there until the next checkpoint."""
    try:
        return path.with_name(path.name + "-wal").stat().st_size > 32
    except OSError:
        return False


def _check_header(path: Path, head: bytes, size: int) -> None:
    """Refuse a file cut short: the header records how many pages there should be.

    With a -wal holding frames beside it, a main file shorter than its header says is
    normal (a checkpoint of a change that grew the file was interrupted; the WAL still
    holds every committed page): SQLite recovers it, and only its integrity check can
    call such a file damaged.
    """
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise DatabaseOpenError(
            f'Tệp "{path}" đã bị hỏng (phần đầu tệp không hợp lệ). {_keep(path)}; '
            "hãy khôi phục từ bản sao lưu."
        )
    if _wal_holds_frames(path):
        return
    pages = int.from_bytes(head[28:32], "big")
    header_count_valid = head[24:28] == head[92:96]
    expected = pages * page_size
    cut = size % page_size != 0 or (header_count_valid and pages and size < expected)
    if cut:
        raise DatabaseOpenError(
            f'Tệp "{path}" bị cắt cụt (chỉ còn {size} trên {max(expected, size)} byte), có '
            f"thể do sao chép dở dang. {_keep(path)}; hãy khôi phục từ bản sao lưu."
        )


Facts = tuple[str, int, int, frozenset[Entry]]


def _read_facts(path: Path, timeout_ms: int | None) -> Facts:
    """quick_check, application_id, user_version and the whole schema, read-only.

    Read through a normal read-only connection, which takes SQLite's locks and sees
    the WAL: never ``immutable=1``, whose reader races another program's checkpoint
    and then sees a torn file ("damaged" when it is not). A lock held by another
    program is waited for (and the read retried) up to the busy timeout.

    A WAL-mode file makes even a read-only connection create empty -wal and -shm
    files; those this check created are removed again afterwards, the way SQLite
    removes them (see ``_tidy_side_files``), so a refused file's folder is unchanged.
    """
    timeout = resolve_busy_timeout(timeout_ms) / 1000
    had = [p.exists() for p in _wal_and_shm(path)]
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                return _query_facts(path, timeout)
            except sqlite3.OperationalError as exc:
                if not is_busy(exc):
                    raise
                if time.monotonic() >= deadline:
                    raise busy_error() from exc
                time.sleep(0.02)
    finally:
        if not any(had):
            _tidy_side_files(path)


def _wal_and_shm(path: Path) -> list[Path]:
    return [path.with_name(path.name + s) for s in ("-wal", "-shm")]


def _tidy_side_files(path: Path) -> None:
    """Remove the empty -wal/-shm a read-only check made, if no program uses them.

    Deleting them by hand could pull the -shm from under a program that has just
    opened the file. A read-write connection closed again does it safely: SQLite
    deletes them only when it can lock the file exclusively (no other connection),
    and with an empty WAL that close writes nothing to the database file.
    """
    wal, shm = _wal_and_shm(path)
    if not (wal.exists() or shm.exists()):
        return
    try:
        if wal.exists() and wal.stat().st_size != 0:
            return  # another program wrote meanwhile: its files, not ours
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=rw", uri=True, timeout=0)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, OSError):
        pass  # left in place: harmless, and SQLite reuses or removes them later


def _query_facts(path: Path, timeout: float) -> Facts:
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=timeout)
        try:
            # One read transaction: every answer below comes from the same snapshot.
            conn.execute("BEGIN")
            check = "ok"
            if path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
                rows = conn.execute("PRAGMA quick_check").fetchall()
                check = "ok" if rows == [("ok",)] else "; ".join(str(r[0]) for r in rows[:3])
            app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            objects = read_schema(conn)
            conn.execute("COMMIT")
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):
            raise sqlite3.OperationalError(str(exc)) from exc
        if is_disk_full(exc, path):  # no room for the -shm a WAL reader needs
            raise disk_full_error(path, OPENED_NOTHING) from exc
        return (str(exc), 0, 0, frozenset())
    return (check, app_id, version, objects)


# --- reading without peewee -----------------------------------------------------------------


def connect_for_reading(target: str | os.PathLike[str] | None) -> sqlite3.Connection | None:
    """A plain ``sqlite3`` connection to an existing database of the current schema,
    checked by ``inspect_file`` exactly as ``db.open_db`` checks it, for a command
    that only reads. None when ``open_db`` must handle the target instead: a file
    that does not exist yet (created or refused there), an older schema (migrated
    there), ``:memory:`` or another URL.

    Raises DatabaseOpenError as ``open_db`` does for a damaged, foreign, newer,
    read-only or unreadable file, which is left untouched.
    """
    path = sqlite_path(resolve_target(target))
    if path is None or path == ":memory:":
        return None
    file = Path(path)
    if not file.exists():
        return None
    refuse_network_location(file)
    timeout = resolve_busy_timeout()
    if inspect_file(file, timeout_ms=timeout) != SCHEMA_VERSION:
        return None
    remove_leftovers(file)
    try:
        conn = sqlite3.connect(path, timeout=timeout / 1000)
        conn.execute(f"PRAGMA busy_timeout = {timeout}")
        conn.execute("PRAGMA cache_size = -16000")
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):
            raise busy_error() from exc
        raise DatabaseOpenError(
            f'Tệp "{path}" không phải cơ sở dữ liệu Giao ban hoặc đã bị hỏng ({exc}).'
        ) from exc
    return conn
