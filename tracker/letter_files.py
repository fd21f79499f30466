"""Letters written as a set, each with its report-back form beside it: all of them or
none (the command line's ``letter --out DIR`` and the window's letter dialog)."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from tracker.filenames import safe_filename
from tracker.reply_form import write_form_beside
from tracker.reporting.letter import Letter, write_letter


def letter_file_name(short_name: str, quarter_iso: str, fmt: str) -> str:
    """An organization's letter for a quarter: "cong-van-don-doc-MTTQ-2021-Q2.pdf"."""
    return f"{safe_filename(f'cong-van-don-doc-{short_name}-{quarter_iso}')}.{fmt}"


def write_letters(
    letters: Sequence[Letter],
    paths: Sequence[Path],
    *,
    fmt: str,
    forms_made_on: date | None = None,
) -> list[Path]:
    """Each letter to its path and, with ``forms_made_on``, its form beside it; the
    files written, or (on any failure) none of them left and the error raised."""
    written: list[Path] = []
    try:
        for letter, path in zip(letters, paths, strict=True):
            write_letter(letter, fmt=fmt, path=path)
            written.append(path)
            if forms_made_on is not None:
                written += write_form_beside(path, letter.organization_id,
                                             letter.directive_ids, forms_made_on,
                                             letter.reference)  # fmt: skip
            # A document writer's element trees are reference cycles; the command line
            # runs with the cyclic collector off, so each letter's is freed here.
            gc.collect()
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written
