"""Tests for tracker.text: the search key and the stored form of user text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.text import clean, fold


def _reference_fold(text: str) -> str:
    """The definition of fold, written the slow, obvious way."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.replace("đ", "d").replace("Đ", "d").lower().split())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bầu cử  ĐẠI BIỂU", "bau cu dai bieu"),
        ("Đề nghị Ủy ban MTTQ", "de nghi uy ban mttq"),
        ("đoàn thể chính trị - xã hội", "doan the chinh tri - xa hoi"),
        ("  Quý\tII\n2021  ", "quy ii 2021"),
        ("Hội Liên hiệp Phụ nữ", "hoi lien hiep phu nu"),
        ("ỳ ỷ ỹ ý ỵ Ỳ Ỷ Ỹ Ý Ỵ", "y y y y y y y y y y"),
        ("ơ ư ă â ê ô", "o u a a e o"),
        ("plain ascii", "plain ascii"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_fold_examples(text: str, expected: str) -> None:
    """fold drops diacritics, maps đ to d, lower-cases and collapses whitespace."""
    assert fold(text) == expected


def test_fold_decomposed_input() -> None:
    """Text typed in decomposed form (NFD) folds the same as precomposed text."""
    text = "Thường trực Tỉnh ủy"
    assert fold(unicodedata.normalize("NFD", text)) == fold(text) == "thuong truc tinh uy"


@given(st.text())
def test_fold_matches_definition(text: str) -> None:
    """fold equals NFD, drop combining marks, đ→d, lower, collapse whitespace."""
    assert fold(text) == _reference_fold(text)


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    """Folding a folded key changes nothing."""
    assert fold(fold(text)) == fold(text)


_VIETNAMESE = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)
_VIETNAMESE_TEXT = st.text(alphabet=_VIETNAMESE + _VIETNAMESE.upper() + " \t\n")


@given(_VIETNAMESE_TEXT)
def test_fold_ignores_case_and_diacritics_of_vietnamese(text: str) -> None:
    """Any Vietnamese text folds to plain ASCII, the same for upper and lower case."""
    key = fold(text)
    assert key.isascii()
    assert key == fold(text.upper()) == fold(text.lower())


@given(st.text())
def test_fold_ignores_normal_form(text: str) -> None:
    """NFC and NFD variants of a text share one search key."""
    assert fold(unicodedata.normalize("NFC", text)) == fold(unicodedata.normalize("NFD", text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Giao   ban\tquý II \n 2021 ", "Giao ban quý II 2021"),
        ("Đề nghị", "Đề nghị"),
        ("", ""),
        ("\n\t ", ""),
    ],
)
def test_clean_examples(text: str, expected: str) -> None:
    """clean trims and turns every whitespace run (newlines too) into one space."""
    assert clean(text) == expected


def test_clean_composes_to_nfc() -> None:
    """clean stores decomposed input in NFC, keeping the diacritics."""
    nfd = unicodedata.normalize("NFD", "Thường trực")
    assert nfd != "Thường trực"
    assert clean(nfd) == "Thường trực"
    assert unicodedata.is_normalized("NFC", clean(nfd))


@given(st.text())
def test_clean_is_idempotent_and_normalized(text: str) -> None:
    """clean output is NFC, has no double or edge whitespace, and is stable."""
    cleaned = clean(text)
    assert clean(cleaned) == cleaned
    assert unicodedata.is_normalized("NFC", cleaned)
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned
