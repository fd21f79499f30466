"""The first-run panel of an empty database."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ui.views.first_run_panel import FirstRunPanel


def test_explanation_is_not_clipped(qtbot) -> None:  # noqa: ANN001
    """The wrapped explanation gets the height its lines need at its width."""
    panel = FirstRunPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    qtbot.waitExposed(panel)
    label = next(w for w in panel.findChildren(QLabel) if w.wordWrap())
    assert label.height() >= label.heightForWidth(label.width())
    assert label.width() > 300
