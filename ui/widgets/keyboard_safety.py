"""KeyboardSafety: a dialog's buttons never swallow what the clerk meant to type.

The trap it closes: Tab lands on a button while the clerk believes the focus is
still in a text box; the letters typed next vanish and the first space presses
the button. Qt also makes every push button of a dialog "auto default": Enter in
any line edit then presses whichever button Qt picked.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

_GUARDED = "keyboardSafetyGuarded"  # a button's dynamic property: its keys are watched
_TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit)
_TYPING_MODIFIERS = Qt.KeyboardModifier.NoModifier | Qt.KeyboardModifier.ShiftModifier


# A Tab pressed this soon after typing in a text field was pressed while typing: a
# space right after it, on the button it reached, is the next word's space.
TYPING_PAUSE_S = 2.0


def _is_typing(event: QKeyEvent, *, space: bool = False) -> bool:
    """A key that writes a visible character (and a space, with ``space``), not a
    shortcut."""
    text = event.text()
    if not text or not (text.isprintable() or text == " "):
        return False
    if text.isspace() and not space:
        return False
    return not event.modifiers() & ~_TYPING_MODIFIERS & ~Qt.KeyboardModifier.KeypadModifier


class KeyboardSafety(QObject):
    """Keyboard rules for every push button of ``dialog``.

    - No button is "auto default", and none is the default unless the dialog
      says so with ``keep_default``: Enter in a text field presses no button
      otherwise (QDialogButtonBox makes its first accept button the default
      each time it is shown; that is undone).
    - Enter on a focused button presses that button (not the default one).
    - Letters typed while a button has the focus go to the text field the clerk
      was last typing in, with the focus, instead of being lost.
    - A space typed right after a Tab that took the focus from a text field the
      clerk was typing in (within ``TYPING_PAUSE_S``) goes to that field too,
      once: typing on through a stray Tab never presses "save". A clerk who
      meant the button presses Space again (or Enter).

    Buttons added after the dialog is first shown are covered at the next show.
    """

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._last_field: QWidget | None = None
        self._default: QPushButton | None = None
        self._watching = False
        self._typed_at = 0.0  # when a character was last typed in a text field
        self._rescued_at = 0.0  # when a space was last given back (at most once per typing)
        self._space_rescue: QWidget | None = None  # the button whose next Space is typing
        dialog.installEventFilter(self)
        self.cover_buttons()

    @classmethod
    def install(cls, dialog: QDialog) -> KeyboardSafety:
        """Apply the rules to ``dialog`` (once)."""
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        existing = dialog.findChild(KeyboardSafety, options=direct)
        return existing if existing is not None else cls(dialog)

    def keep_default(self, button: QPushButton | None) -> None:
        """Make ``button`` the one Enter presses from a text field (None: no button)."""
        self._default = button
        self.cover_buttons()

    def cover_buttons(self) -> None:
        """Switch auto-default off, set the chosen default, and watch the keys of
        every button now in the dialog."""
        for button in self._dialog.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(button is self._default)
            if not button.property(_GUARDED):
                button.setProperty(_GUARDED, True)
                button.installEventFilter(self)
        for field in self._dialog.findChildren(QWidget):
            if isinstance(field, _TEXT_FIELDS) and not field.property(_GUARDED):
                field.setProperty(_GUARDED, True)
                field.installEventFilter(self)

    def last_field(self) -> QWidget | None:
        """The text field of the dialog that last had the focus."""
        return self._last_field

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        dialog = self.__dict__.get("_dialog")
        self._space_rescue = None
        try:
            if dialog is None or new is None or not dialog.isAncestorOf(new):
                return
            if isinstance(new, _TEXT_FIELDS):
                self._last_field = new
            elif (
                isinstance(new, QAbstractButton)
                and isinstance(old, _TEXT_FIELDS)
                and old is self._last_field
                and time.monotonic() - self._typed_at < TYPING_PAUSE_S
                and self._typed_at > self._rescued_at
            ):
                self._space_rescue = new
        except RuntimeError:  # the dialog is being deleted
            pass

    def _field_before(self, button: QWidget) -> QWidget | None:
        """The nearest text field before ``button`` in the tab order."""
        widget = button.previousInFocusChain()
        while widget is not None and widget is not button:
            if isinstance(widget, _TEXT_FIELDS) and self._dialog.isAncestorOf(widget):
                return widget
            widget = widget.previousInFocusChain()
        return None

    def _send_to_field(self, button: QWidget, text: str) -> bool:
        field = self._last_field
        try:
            usable = field is not None and field.isVisible() and field.isEnabled()
        except RuntimeError:
            usable = False
        if not usable:
            field = self._field_before(button)
            usable = field is not None and field.isVisible() and field.isEnabled()
        if not usable:
            return False
        assert field is not None
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(field, QLineEdit):
            if not field.isReadOnly():
                field.end(False)
                field.insert(text)
        elif isinstance(field, (QPlainTextEdit, QTextEdit)) and not field.isReadOnly():
            cursor = field.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            cursor.insertText(text)
            field.setTextCursor(cursor)
        return True

    # --- Qt overrides -------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        dialog = self.__dict__.get("_dialog")
        if dialog is None:  # called while Qt tears the dialog down, after Python let go
            return False
        if watched is dialog:
            # Follow the focus only while the dialog shows (a dialog kept after
            # exec() would otherwise be told of every focus change of the window).
            app = QApplication.instance()
            if kind == QEvent.Type.Show:
                self.cover_buttons()
                if not self._watching and isinstance(app, QApplication):
                    app.focusChanged.connect(self._on_focus_changed)
                    self._watching = True
                    self._on_focus_changed(None, app.focusWidget())
            elif kind == QEvent.Type.Hide and self._watching and isinstance(app, QApplication):
                app.focusChanged.disconnect(self._on_focus_changed)
                self._watching = False
            return False
        if isinstance(watched, _TEXT_FIELDS):
            typed = (
                kind == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and _is_typing(event, space=True)
            ) or (  # what a Vietnamese input method commits
                kind == QEvent.Type.InputMethod
                and isinstance(event, QInputMethodEvent)
                and bool(event.commitString())
            )
            if typed:
                self._typed_at = time.monotonic()
            return False
        if kind == QEvent.Type.KeyPress and isinstance(watched, QAbstractButton):
            assert isinstance(event, QKeyEvent)
            rescue, self._space_rescue = self._space_rescue is watched, None
            if rescue and event.key() == Qt.Key.Key_Space and _is_typing(event, space=True):
                if self._send_to_field(watched, " "):
                    self._rescued_at = time.monotonic()
                    return True
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            ):
                if watched.isEnabled():
                    watched.click()
                return True
            if _is_typing(event) and self._send_to_field(watched, event.text()):
                return True
        return False
