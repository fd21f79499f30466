"""Text normalization: the stored form of user text and the folded search key."""

from __future__ import annotations

import re
import unicodedata

# What XML 1.0 (and so every .xlsx and .docx) cannot hold: C0 controls other than tab,
# newline and carriage return, the non-characters U+FFFE and U+FFFF, lone surrogates.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


class _StripMarks(dict[int, str]):
    """``str.translate`` table: each character to its base letters, marks dropped.

    Filled lazily, one character at a time, so start-up costs nothing and
    every script is covered; afterwards a lookup is a plain dict hit.
    """

    def __missing__(self, code: int) -> str:
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
        )
        self[code] = base
        return base


# đ/Đ are letters of their own (no decomposition), but searches treat them as d.
_STRIP_MARKS = _StripMarks({ord("đ"): "d", ord("Đ"): "D"})


def fold(text: str) -> str:
    """Return the search key of ``text``: no diacritics, lower case, single spaces.

    ``fold("Bầu cử  ĐẠI BIỂU") == "bau cu dai bieu"``. Equivalent to NFD,
    dropping combining marks, đ→d, lower-casing and collapsing whitespace.
    """
    return " ".join(text.translate(_STRIP_MARKS).lower().split())


def clean(text: str) -> str:
    """Return ``text`` as it is stored: NFC, trimmed, every whitespace run one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def unprintable(text: str) -> str | None:
    """The first character of ``text`` a document cannot hold, as "U+0007"; else None.

    Text is checked with this where it enters (services, import): such a character
    never reaches the database.
    """
    m = _UNPRINTABLE.search(text)
    return None if m is None else f"U+{ord(m[0]):04X}"


def printable(text: str) -> str:
    """``text`` without the characters a document cannot hold (the document writers'
    defence for a database written before they were refused)."""
    return _UNPRINTABLE.sub("", text)
