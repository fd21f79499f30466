"""File names suggested for exports are made safe from whatever the clerk typed."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.filenames import MAX_NAME_BYTES, safe_filename

UNSAFE = re.compile(r'[/\\:|<>"?*\x00-\x1f\x7f\u202e\u200f]')
RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Giao ban quý II/2021", "Giao ban quý II-2021"),
        ("../../etc/passwd", "-..-etc-passwd"),
        ("..\\..\\Windows\\System32", "-..-Windows-System32"),
        ("C:\\Users\\x", "C-Users-x"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("com1", "_com1"),
        ("Báo cáo. . .", "Báo cáo"),
        ("  .hidden  ", "hidden"),
        ('Kết luận "số 5" <mới>?*', "Kết luận số 5 mới"),
        ("Dòng 1\nDòng 2\tTab", "Dòng 1 Dòng 2 Tab"),
        ("invoice\u202egpj.exe", "invoicegpj.exe"),
        ("", "giao-ban"),
        ("////", "-"),
        ("...", "giao-ban"),
    ],
)
def test_safe_filename_examples(typed: str, expected: str) -> None:
    """Separators, forbidden and control characters, reserved names and edge dots are handled."""
    assert safe_filename(typed) == expected


def test_safe_filename_caps_length_at_a_character_boundary() -> None:
    """A long Vietnamese title is cut to the byte limit without splitting a letter."""
    name = safe_filename("Nghị quyết " * 100)
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name.startswith("Nghị quyết") and not name.endswith((" ", "."))
    name.encode("utf-8").decode("utf-8")  # whole characters only


def test_safe_filename_property() -> None:
    """For any text the result is a non-empty single name: no separator, control or
    bidi character, no reserved device name, no edge dot or space, within the limit,
    and unchanged when made safe again."""
    count = {"examples": 0}

    @settings(max_examples=1000, deadline=None, derandomize=True, database=None)
    @given(st.text(max_size=300))
    def run(text: str) -> None:
        count["examples"] += 1
        name = safe_filename(text)
        assert name and not UNSAFE.search(name)
        assert name not in (".", "..") and name == name.strip(". \t")
        assert name.split(".", 1)[0].strip().lower() not in RESERVED
        assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
        assert safe_filename(name) == name

    run()
    print(f"\nFIGURES safe_filename fuzz: {count}")
    assert count["examples"] >= 500
