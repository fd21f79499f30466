"""QuarterEdit: a deadline or quarter typed in any form the clerks use ("quý II/2021", "tx")."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from tracker.errors import ValidationError
from tracker.quarters import STANDING_LABEL, Quarter, format_deadline, parse_deadline

_UNSET = object()


class QuarterEdit(QLineEdit):
    """A line edit read with ``Quarter.parse`` (or ``parse_deadline`` when
    standing tasks are allowed), checking the text as it is typed.

    A quarter without a year ("quý III") takes ``default_year``. When the field
    loses focus, a valid value is rewritten in its display form ("Quý III-2021",
    "Thường xuyên"). An empty field reads as ``empty_value`` (None by default).

    Signals:
        problem_changed(str): the parse error of the current text, or "" when
            it is valid; emitted while typing, so the dialog can show it.
    """

    problem_changed = Signal(str)

    def __init__(
        self,
        *,
        allow_standing: bool = False,
        default_year: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._allow_standing = allow_standing
        self._default_year = default_year
        self._problem = ""
        self.setMaxLength(60)
        if allow_standing:
            self.setToolTip(
                self.tr(
                    'Ví dụ: "Quý II-2021", "quý 3/2021", "6 tháng cuối năm", '
                    '"quý III" (năm của cuộc giao ban), "thường xuyên" hoặc "tx".'
                )
            )
            completer = QCompleter([STANDING_LABEL], self)
            completer.setCaseSensitivity(completer.caseSensitivity().CaseInsensitive)
            self.setCompleter(completer)
        else:
            self.setToolTip(
                self.tr('Ví dụ: "Quý II-2021", "quý 3/2021", "quý II" (năm của cuộc giao ban).')
            )
        self.textEdited.connect(self._on_text_edited)
        self.editingFinished.connect(self._on_editing_finished)

    def set_default_year(self, year: int | None) -> None:
        """Set the year for quarters typed without one."""
        self._default_year = year

    def value(self, *, empty: object = _UNSET) -> Quarter | None:
        """The quarter typed (None: thường xuyên, or an empty field when allowed).

        Raises ValidationError (field "due") when the text is not understood.
        With ``empty`` given, an empty field returns it instead of an error.
        """
        text = self.text()
        if not text.strip() and empty is not _UNSET:
            return empty  # type: ignore[return-value]
        if self._allow_standing:
            return parse_deadline(text, default_year=self._default_year)
        return Quarter.parse(text, default_year=self._default_year)

    def set_value(self, value: Quarter | None) -> None:
        """Show ``value`` in display form (None shows "Thường xuyên", or nothing
        when standing tasks are not allowed)."""
        if value is None and not self._allow_standing:
            self.clear()
        else:
            self.setText(format_deadline(value))
        self._set_problem("")

    def check(self) -> str:
        """The parse error of the current text ("" when valid or empty)."""
        if not self.text().strip():
            return ""
        try:
            self.value()
        except ValidationError as err:
            return str(err)
        return ""

    def _set_problem(self, text: str) -> None:
        if text != self._problem:
            self._problem = text
            self.problem_changed.emit(text)

    def _on_text_edited(self, _text: str) -> None:
        self._set_problem(self.check())

    def _on_editing_finished(self) -> None:
        problem = self.check()
        if not problem and self.text().strip():
            normal = format_deadline(self.value())
            if normal != self.text():
                self.setText(normal)
        self._set_problem(problem)
