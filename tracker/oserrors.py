"""File-system errors said in Vietnamese, instead of the system's English text."""

from __future__ import annotations

import errno

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
