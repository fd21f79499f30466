"""The pinned Qt binding must not corrupt the interpreter in long sessions."""

from __future__ import annotations

import sys

import pytest

from PySide6.QtCore import QPointF


@pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="None is immortal from Python 3.12: its count never moves, nor can a lost "
    "reference to it abort the process",
)
def test_void_methods_keep_none_refcount() -> None:
    """10,000 calls of a Qt method returning nothing leave None's refcount in place
    (PySide6 6.12 on Python 3.11 dropped one per call and aborted the process)."""
    point = QPointF()
    before = sys.getrefcount(None)
    for _ in range(10_000):
        point.setX(1.0)
    assert sys.getrefcount(None) >= before - 100

