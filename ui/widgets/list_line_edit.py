"""ListLineEdit: several names in one line, comma-separated, each completed from a list."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QApplication, QCompleter, QLineEdit, QWidget

from tracker.text import fold

FOLD_ROLE = Qt.ItemDataRole.UserRole + 1  # what completion matches: folded name and full name
LABEL_ROLE = Qt.ItemDataRole.UserRole + 2  # what a choice inserts: the name alone


class _SegmentCompleter(QCompleter):
    """Completes only the text after the last comma, ignoring case and diacritics,
    and puts the choice back after the names already typed."""

    def splitPath(self, path: str) -> list[str]:
        return [fold(_split_last(path)[1])]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        widget = self.widget()
        head = _split_last(widget.text())[0] if isinstance(widget, QLineEdit) else ""
        return head + str(index.data(LABEL_ROLE))


def _split_last(text: str) -> tuple[str, str]:
    """Split "A, B, c" into ("A, B, ", "c")."""
    cut = max(text.rfind(","), text.rfind(";"))
    if cut < 0:
        return "", text.lstrip()
    head, tail = text[: cut + 1], text[cut + 1 :]
    return head + " ", tail.lstrip()


class ListLineEdit(QLineEdit):
    """A line edit for a comma-separated list of names (organizations, topics).

    Typing shows the matching names in a popup (matching anywhere in the short
    or full name, without diacritics: "nong dan" finds "Hội ND"); Down selects,
    Enter or Tab takes the highlighted one. Pressing Down in an empty field, or
    Ctrl+Space anywhere, lists every name. The popup stays inside the window
    (and the screen), however long the names.

    ``is_valid(text)``, when given, says whether the whole text can be read as
    typed; when it cannot and the popup offers exactly one name, Enter or Tab
    takes that name ("dan van" → "BDV").
    """

    def __init__(
        self,
        names: Sequence[tuple[str, str]] = (),
        parent: QWidget | None = None,
        *,
        is_valid: Callable[[str], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._is_valid = is_valid
        self._wanted_width = 0
        self._fitting = False
        self._model = QStandardItemModel(self)
        self._completer = _SegmentCompleter(self._model, self)
        self._completer.setCompletionRole(FOLD_ROLE)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setMaxVisibleItems(12)
        self.setCompleter(self._completer)
        self._popup().installEventFilter(self)
        self.set_names(names)

    def set_names(self, names: Sequence[tuple[str, str]]) -> None:
        """Offer ``names``: (label, description) pairs; the label is what is inserted."""
        self._model.clear()
        widest = 0
        metrics = self.fontMetrics()
        for label, description in names:
            # The list shows what a short name stands for; choosing inserts the name alone.
            shown = f"{label} — {description}" if description and description != label else label
            item = QStandardItem(shown)
            item.setData(label, LABEL_ROLE)
            item.setData(fold(f"{label} {description}"), FOLD_ROLE)
            item.setEditable(False)
            self._model.appendRow(item)
            widest = max(widest, metrics.horizontalAdvance(shown))
        self._wanted_width = min(widest + 48, 640)

    def show_all(self) -> None:
        """Open the popup with every name matching the piece being typed."""
        self._completer.setCompletionPrefix(self.text())
        self._completer.complete()

    def _popup(self) -> QAbstractItemView:
        popup = self._completer.popup()
        assert popup is not None  # QCompleter makes its list view when none was set
        return popup

    def popup_visible(self) -> bool:
        return self._popup().isVisible()

    def _fit_popup(self) -> None:
        """Wide enough for the names, but inside the window and the screen."""
        popup = self._popup()
        screen = self.screen().availableGeometry()
        window = self.window()
        bounds = screen
        if window is not popup and window.isVisible():
            frame = window.frameGeometry()
            bounds = QRect(frame.left(), screen.top(), frame.width(), screen.height())
            bounds = bounds.intersected(screen)
        geometry = popup.geometry()
        width = min(max(geometry.width(), self._wanted_width), bounds.width())
        x = max(bounds.left(), min(geometry.x(), bounds.right() + 1 - width))
        height = min(geometry.height(), bounds.height())
        y = max(bounds.top(), min(geometry.y(), bounds.bottom() + 1 - height))
        popup.setMinimumWidth(0)
        popup.setGeometry(x, y, width, height)

    def _single_offer(self) -> QModelIndex | None:
        """The one name the popup offers, when the text cannot be read as typed."""
        if self._is_valid is None or self._is_valid(self.text()):
            return None
        offered = self._completer.completionModel()
        return offered.index(0, 0) if offered.rowCount() == 1 else None

    def event(self, event: QEvent) -> bool:
        # With the popup open, QCompleter hands keys straight to event(), past the
        # item delegate's filter. Tab takes the highlighted name and is replayed so
        # the table moves on; Enter with nothing highlighted (the name was typed
        # in full) is replayed too, so one Enter commits the cell as usual.
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and self.popup_visible()
        ):
            key = event.key()
            popup = self._popup()
            current = popup.currentIndex()
            tab = key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not current.isValid()
            if tab or enter:
                popup.hide()
                if not current.isValid():
                    current = self._single_offer() or current
                if current.isValid():
                    self.setText(self._completer.pathFromIndex(current))
                replay = QKeyEvent(QEvent.Type.KeyPress, key, event.modifiers())
                QTimer.singleShot(0, self, lambda: QApplication.sendEvent(self, replay))
                event.accept()
                return True
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        placed = (QEvent.Type.Show, QEvent.Type.Move, QEvent.Type.Resize)
        if watched is self._completer.popup() and event.type() in placed and not self._fitting:
            self._fitting = True  # setGeometry below sends Move/Resize again
            try:
                self._fit_popup()
            finally:
                self._fitting = False
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl_space = (
            event.key() == Qt.Key.Key_Space
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        )
        if ctrl_space or (event.key() == Qt.Key.Key_Down and not self.popup_visible()):
            self.show_all()
            return
        super().keyPressEvent(event)
