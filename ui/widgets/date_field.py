"""DateField: a date typed the Vietnamese way ("1-4-2021", "1/4"), shown as dd/mm/yyyy."""

from __future__ import annotations

import datetime
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QVBoxLayout, QWidget

from tracker.dates import format_date, parse_date
from tracker.errors import ValidationError


def from_qdate(day: QDate) -> date:
    """``day`` as a Python date (QDate.toPython is typed ``object`` in PySide6's stubs)."""
    return date(day.year(), day.month(), day.day())


class DateField(QLineEdit):
    """A line edit for one date, read with ``tracker.dates.parse_date``.

    Any form the parser accepts may be typed; when the field loses focus a
    valid date is rewritten as dd/mm/yyyy. A date typed without a year takes
    ``default_year`` (this year unless set). Alt+Down or F4 opens a calendar.

    Signals:
        date_changed(object): the date read from the text (a ``date``), or
            None while the text is not a valid date; emitted as the user types.
        problem_changed(str): the parse error to show beside the field, or ""
            once the text is valid; emitted when editing finishes.
    """

    date_changed = Signal(object)
    problem_changed = Signal(str)

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._default_year: int | None = None
        self._last: date | None = None
        self._problem = ""
        self.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.setToolTip(
            self.tr('Gõ ngày trước, tháng sau: "01/04/2021", "1-4-2021" hoặc "1/4". Alt+↓: lịch.')
        )
        self.setMaxLength(40)
        self.textEdited.connect(self._on_text_edited)
        self.editingFinished.connect(self._on_editing_finished)
        if value is not None:
            self.set_date(value)

    # --- value --------------------------------------------------------------

    def default_year(self) -> int:
        """The year a date typed without one falls in."""
        return self._default_year if self._default_year is not None else date.today().year

    def set_default_year(self, year: int | None) -> None:
        """Set the year for dates typed without one (None: this year)."""
        self._default_year = year

    def date(self) -> datetime.date:
        """The date typed. Raises ValidationError (field "date") when there is none."""
        return parse_date(self.text(), default_year=self.default_year())

    def date_or_none(self) -> datetime.date | None:
        """The date typed, or None when the text is not a valid date."""
        try:
            return self.date()
        except ValidationError:
            return None

    def set_date(self, value: datetime.date) -> None:
        """Show ``value`` as dd/mm/yyyy."""
        self.setText(format_date(value))
        self._emit_if_changed(value)
        self._set_problem("")

    def problem(self) -> str:
        """The current parse error shown for the text, or ""."""
        return self._problem

    def validate(self) -> str:
        """Check the text now; return (and emit) the parse error, or "" when valid."""
        try:
            value = self.date()
        except ValidationError as err:
            self._set_problem(str(err))
            return str(err)
        if self.text() != format_date(value):
            self.setText(format_date(value))
        self._set_problem("")
        return ""

    # --- calendar -----------------------------------------------------------

    def show_calendar(self) -> None:
        """Open a calendar under the field; choosing a day sets it."""
        popup = _CalendarPopup(self)
        current = self.date_or_none() or date.today()
        popup.calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        popup.chosen.connect(self._on_calendar_chosen)
        popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        popup.show()
        popup.calendar.setFocus()

    def _on_calendar_chosen(self, value: datetime.date) -> None:
        self.set_date(value)
        self.setFocus()

    # --- internals ----------------------------------------------------------

    def _set_problem(self, text: str) -> None:
        if text != self._problem:
            self._problem = text
            self.problem_changed.emit(text)

    def _emit_if_changed(self, value: datetime.date | None) -> None:
        if value != self._last:
            self._last = value
            self.date_changed.emit(value)

    def _on_text_edited(self, _text: str) -> None:
        value = self.date_or_none()
        self._emit_if_changed(value)
        if value is not None:
            self._set_problem("")  # never scold while typing, but clear a fixed mistake

    def _on_editing_finished(self) -> None:
        if self.text().strip():
            self.validate()

    # --- Qt overrides -------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_down = (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.show_calendar()
            return
        super().keyPressEvent(event)


class _CalendarPopup(QWidget):
    """A calendar in a popup window; Enter or a click chooses, Esc closes."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setAccessibleName(self.tr("Lịch chọn ngày"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calendar)
        self.calendar.activated.connect(self._on_calendar_activated)
        self.calendar.clicked.connect(self._on_calendar_activated)
        self.calendar.installEventFilter(self)

    def _on_calendar_activated(self, day: QDate) -> None:
        self.chosen.emit(from_qdate(day))
        self.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self.close()
            return True
        return super().eventFilter(watched, event)
