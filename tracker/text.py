"""Text normalization: the stored form of user text and the folded search key."""

from __future__ import annotations

import unicodedata


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
