"""File names made from what the clerk typed (a meeting title, a quarter), safe on every system."""

from __future__ import annotations

import re
import unicodedata

MAX_NAME_BYTES = 150  # leaves room for an extension and a folder within common limits
_SEPARATORS = re.compile(r"[/\\:|]+")
_FORBIDDEN = re.compile(r'[<>"?*]')
_RESERVED = re.compile(
    r"(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)", re.IGNORECASE
)
_STRIP = ". \t"


def safe_filename(text: str, *, fallback: str = "giao-ban", max_bytes: int = MAX_NAME_BYTES) -> str:
    """A file name stem (no extension) made from ``text``.

    Path separators and ``:``/``|`` become "-" ("Quý II/2021" → "Quý II-2021"),
    characters Windows forbids and control or invisible formatting characters
    (such as the right-to-left override that disguises "gpj.exe") are dropped,
    leading and trailing dots and spaces go, reserved Windows device names
    (CON, NUL, COM1…) get a "_" in front, and the result is cut to
    ``max_bytes`` of UTF-8 at a character boundary. Never empty: ``fallback``.
    """
    name = unicodedata.normalize("NFC", str(text))
    name = _SEPARATORS.sub("-", name)
    name = _FORBIDDEN.sub("", name)
    name = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch
        for ch in name
        if unicodedata.category(ch) not in ("Cf", "Cs", "Co", "Cn")
    )
    name = " ".join(name.split()).strip(_STRIP)
    if _RESERVED.fullmatch(name.split(".", 1)[0].strip()):
        name = "_" + name
    encoded = name.encode("utf-8")
    if len(encoded) > max_bytes:
        name = encoded[:max_bytes].decode("utf-8", errors="ignore").rstrip(_STRIP)
    return name or fallback
