"""FormDialog: the shared behaviour of the editing dialogs (messages beside fields,
saving through a callback, asking before unsaved text is thrown away)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QWidget

from tracker.dates import format_date
from tracker.errors import TrackerError
from tracker.rows import DirectiveRow
from ui import messages
from ui.screen_fit import keep_on_screen
from ui.widgets.field_message import FieldMessage
from ui.widgets.keyboard_safety import KeyboardSafety

# Buttons with our own words (and mnemonics) rather than Qt's standard ones, whose
# Vietnamese comes from resources/i18n/qtbase_vi.ts and says less ("Bỏ đi", "Có").


# Ctrl+Enter saves a form (Ctrl+S too): the keypad's Enter and the main one.
CTRL_ENTER = (QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter"))


def confirm_discard(parent: QWidget) -> bool:
    """Ask whether to close a dialog and lose what was typed (tests patch this)."""
    return messages.confirm(
        parent,
        QCoreApplication.translate("FormDialog", "Bỏ các nội dung đã nhập?"),
        QCoreApplication.translate(
            "FormDialog", "Các nội dung đã nhập chưa được lưu. Đóng cửa sổ và bỏ các nội dung này?"
        ),
        QCoreApplication.translate("FormDialog", "&Bỏ nội dung đã nhập"),
    )


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask a yes/no question before a destructive step (tests patch this)."""
    return messages.confirm(parent, title, text, QCoreApplication.translate("FormDialog", "&Có"))


def directive_summary(
    directive: DirectiveRow, parent: QWidget | None = None, *, with_content: bool = True
) -> QLabel:
    """A framed label naming the directive a dialog is about: its giao ban, number
    and (unless ``with_content`` is False) content, long content cut with "…"
    (the whole text is in the tool tip)."""
    date, number = format_date(directive.meeting_held_on), directive.position
    if with_content:
        content = directive.content
        shown = content if len(content) <= 300 else content[:300].rstrip() + "…"
        text = QCoreApplication.translate(
            "FormDialog", "Giao ban ngày {date}, nội dung {number}: {content}"
        ).format(date=date, number=number, content=shown)
    else:
        text = QCoreApplication.translate(
            "FormDialog", "Giao ban ngày {date}, nội dung {number}"
        ).format(date=date, number=number)
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setFrameShape(QLabel.Shape.StyledPanel)
    label.setMargin(6)
    label.setToolTip(directive.content)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByKeyboard
        | Qt.TextInteractionFlag.TextSelectableByMouse
    )
    label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    label.setAccessibleName(QCoreApplication.translate("FormDialog", "Nội dung chỉ đạo"))
    return label


def plain_text_edit(lines: int, name: str, parent: QWidget | None = None) -> QPlainTextEdit:
    """A multi-line text box ``lines`` high where Tab moves on (it never types a tab)."""
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setAccessibleName(name)
    spacing = edit.fontMetrics().lineSpacing()
    edit.setMinimumHeight(lines * spacing + 20)
    return edit


class FormDialog(QDialog):
    """A dialog that saves through a callback and shows errors beside fields.

    Subclasses register a ``FieldMessage`` per input with ``message_for`` under
    the field names tracker errors use (``TrackerError.field``); ``show_error``
    puts a message beside its field and moves the focus there, or at the top
    when the field is unknown. ``save_with`` calls the callback and keeps the
    dialog open, with everything typed, when it raises ``TrackerError``.
    Closing (Esc, Hủy, the window's close button) asks first when
    ``has_unsaved_text()`` says so. Ctrl+S and Ctrl+Enter save (``save_shortcut``).
    Buttons follow ``KeyboardSafety``: none is pressed by Enter unless made the
    default on purpose, and letters typed on a button go back to the text field.
    """

    def __init__(
        self, parent: QWidget | None = None, *, save_shortcut: bool = True, ctrl_enter: bool = True
    ) -> None:
        super().__init__(parent)
        self.top_message = FieldMessage(None, self)
        self.top_message.setAccessibleName(
            QCoreApplication.translate("FormDialog", "Thông báo lỗi chung")
        )
        self._messages: dict[str, FieldMessage] = {}
        self._saved = False
        self.keyboard_safety = KeyboardSafety.install(self)
        if save_shortcut:
            keys_list = [QKeySequence(QKeySequence.StandardKey.Save)]
            if ctrl_enter:  # the giao ban dialog keeps Ctrl+Enter for "next row"
                keys_list += CTRL_ENTER
            for keys in keys_list:
                save = QShortcut(keys, self)
                save.setContext(Qt.ShortcutContext.WindowShortcut)
                save.activated.connect(self.try_accept)

    def make_buttons(self, save_text: str, *, default: bool = True) -> None:
        """The save and "Hủy" buttons as ``self.buttons`` / ``self.save_button`` /
        ``self.cancel_button``, wired to ``try_accept`` and ``reject``; ``default``:
        Enter in a one-line field saves."""
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            save_text, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            QCoreApplication.translate("FormDialog", "Hủy"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.keyboard_safety.keep_default(self.save_button if default else None)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)

    # --- messages -----------------------------------------------------------

    def message_for(
        self, names: Iterable[str] | str, field: QWidget, *, label: str = ""
    ) -> FieldMessage:
        """A message line for ``field``, shown for errors about ``names``; ``label``
        names the field in the message when the line is not right under it."""
        message = FieldMessage(field, self, name=label)
        for name in [names] if isinstance(names, str) else names:
            self._messages[name] = message
        return message

    def message(self, name: str) -> FieldMessage:
        """The message line registered for the field ``name``."""
        return self._messages[name]

    def messages(self) -> dict[str, str]:
        """Every message shown, by field name ("" for the top one)."""
        out: dict[str, str] = {}
        seen: set[int] = set()
        for name, m in self._messages.items():  # a line registered under several names once
            if m.message() and id(m) not in seen:
                seen.add(id(m))
                out[name] = m.message()
        if self.top_message.message():
            out[""] = self.top_message.message()
        return out

    def clear_messages(self) -> None:
        self.top_message.clear_message()
        for message in self._messages.values():
            message.clear_message()

    def show_error(self, err: TrackerError | str, field: str | None = None) -> None:
        """Show a message beside the field it is about and move the focus there."""
        text = str(err)
        name = field if field is not None else getattr(err, "field", None)
        target = self._messages.get(name) if name else None
        if target is None:
            self.top_message.show_message(text)
            return
        target.show_message(text)
        if target.field is not None and target.field.isEnabled():
            target.field.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- saving -------------------------------------------------------------

    def save_with(self, save: Callable[[], object]) -> bool:
        """Run ``save``; on TrackerError show it and stay open. True when saved."""
        try:
            save()
        except TrackerError as err:
            self.show_error(err)
            return False
        self._saved = True
        return True

    def try_accept(self) -> None:
        """Validate, save and close; subclasses implement ``save_form``."""
        self.clear_messages()
        if self.save_form():
            self._saved = True
            super().accept()

    def save_form(self) -> bool:
        """Check the fields, save, and return True when saved."""
        raise NotImplementedError

    def has_unsaved_text(self) -> bool:
        """Whether closing would lose something the clerk typed."""
        return False

    # --- Qt overrides -------------------------------------------------------

    def accept(self) -> None:
        self.try_accept()

    def reject(self) -> None:
        if not self._saved and self.has_unsaved_text() and not confirm_discard(self):
            return
        super().reject()

    def showEvent(self, event: QShowEvent) -> None:
        keep_on_screen(self)  # what was typed or loaded may have made it taller
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # QDialog.closeEvent calls reject(); keep the window when it was refused.
        super().closeEvent(event)
        if self.isVisible():
            event.ignore()
