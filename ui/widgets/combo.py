"""The text field of an editable combo box, typed as always there."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit


def line_edit(combo: QComboBox) -> QLineEdit:
    """``combo``'s line edit; the combo box must be editable (Qt returns None otherwise)."""
    edit = combo.lineEdit()
    if edit is None:
        raise ValueError(f"{combo.objectName() or 'combo box'} is not editable")
    return edit
