"""Item delegates that edit one value type each: text, organizations, quarters, status.

Every editor here is keyboard-first: Enter commits and tells the view to move
on (``enter_pressed``), Tab commits and moves to the next cell. Esc puts back
the cell's previous text and keeps the editor open (Ctrl+Z brings back what was
typed); a second Esc closes the editor. A sentence is never lost to one key.
Editors report what is wrong with the text while it is typed through
``problem_changed`` so the view can show it beside the table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from tracker.errors import ValidationError
from ui.widgets import ListLineEdit, OrgCatalog, QuarterEdit

Index = QModelIndex | QPersistentModelIndex
_PREVIOUS = "previousText"  # an editor's property: the cell's text when editing began

class TextDelegate(QStyledItemDelegate):
    """A one-line text editor whose Enter moves on instead of only closing.

    Signals:
        enter_pressed(bool): Enter committed the editor; True with Ctrl held
            ("start the next row"), False for a plain Enter ("next cell").
        problem_changed(str): what is wrong with the text being typed, or "".
    """

    enter_pressed = Signal(bool)
    problem_changed = Signal(str)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = self.make_editor(parent)
        editor.setFrame(False)
        return editor

    def make_editor(self, parent: QWidget) -> QLineEdit:
        """The line edit used to edit a cell; subclasses return their own kind."""
        editor = QLineEdit(parent)
        editor.setAccessibleName(QCoreApplication.translate("TextDelegate", "Sửa ô"))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.setText(text)
        editor.setProperty(_PREVIOUS, text)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def _restore_previous(self, editor: QLineEdit) -> bool:
        """Esc: put back the text the cell had, as an edit Ctrl+Z undoes; False when
        the editor already shows it (Esc then closes the editor as usual)."""
        previous = editor.property(_PREVIOUS)
        if previous is None or editor.text() == previous:
            return False
        editor.selectAll()
        if previous:
            editor.insert(previous)
        else:
            editor.del_()
        self.problem_changed.emit(
            QCoreApplication.translate(
                "TextDelegate",
                "Đã trả lại chữ cũ của ô. Ctrl+Z: lấy lại chữ vừa gõ; Esc lần nữa: thôi sửa ô.",
            )
        )
        return True

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + 6)  # breathing room for wrapped text

    def destroyEditor(self, editor: QWidget, index: Index) -> None:
        self.problem_changed.emit("")
        super().destroyEditor(editor, index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.FocusOut
            and isinstance(event, QFocusEvent)
            and event.reason() == Qt.FocusReason.ActiveWindowFocusReason
        ):
            # The window lost the focus (another program, a popup window): keep the
            # editor open with its text; the focus comes back to it.
            return False
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and isinstance(watched, QLineEdit)
            and self._restore_previous(watched)
        ):
            return True
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(watched, QWidget)
        ):
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self.commitData.emit(watched)
            self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.NoHint)
            self.enter_pressed.emit(ctrl)
            return True
        return super().eventFilter(watched, event)


class ListDelegate(TextDelegate):
    """Edits a comma-separated list of names, completing each from ``names()``."""

    def __init__(
        self, names: Callable[[], Sequence[tuple[str, str]]], parent: QObject | None = None
    ):
        super().__init__(parent)
        self._names = names

    def make_editor(self, parent: QWidget) -> QLineEdit:
        editor = ListLineEdit(self._names(), parent)
        editor.setAccessibleName(QCoreApplication.translate("ListDelegate", "Sửa danh sách"))
        return editor


class OrganizationsDelegate(ListDelegate):
    """Edits the lead or supporting organizations of a directive as text: short
    names or group names separated by commas ("MTTQ và các đoàn thể, BDV"),
    each completed from the catalogue; a group is one choice that stands for
    all its members. The model reads the text back with ``OrgCatalog.parse``.
    """

    def __init__(self, catalog: OrgCatalog, parent: QObject | None = None) -> None:
        super().__init__(lambda: [(c.label, c.full_name) for c in catalog.choices()], parent)
        self._catalog = catalog

    def make_editor(self, parent: QWidget) -> QLineEdit:
        editor = ListLineEdit(self._names(), parent, is_valid=self._readable)
        editor.setAccessibleName(self.tr("Cơ quan (tên viết tắt, cách nhau bởi dấu phẩy)"))
        editor.textEdited.connect(lambda text: self.problem_changed.emit(self._check(text)))
        return editor

    def _readable(self, text: str) -> bool:
        try:
            self._catalog.parse(text)
        except ValidationError:
            return False
        return True

    def _check(self, text: str) -> str:
        head, _, last = text.replace(";", ",").rpartition(",")
        try:
            self._catalog.parse(head)
            self._catalog.parse(text)
        except ValidationError as err:
            try:
                self._catalog.parse(head)
            except ValidationError:
                return str(err)
            # The name still being typed is only wrong once nothing could complete it.
            return "" if self._catalog.could_complete(last) else str(err)
        return ""


class QuarterDelegate(TextDelegate):
    """Edits a deadline as text in any form ``parse_deadline`` accepts ("quý
    III/2021", "Q3", "6 tháng cuối năm", "tx"), showing the parse error as it is
    typed. ``default_year()`` supplies the year of a quarter typed without one.
    """

    def __init__(self, default_year: Callable[[], int | None], parent: QObject | None = None):
        super().__init__(parent)
        self._default_year = default_year

    def make_editor(self, parent: QWidget) -> QLineEdit:
        editor = QuarterEdit(allow_standing=True, default_year=self._default_year(), parent=parent)
        editor.setAccessibleName(self.tr("Thời hạn"))
        editor.problem_changed.connect(self.problem_changed)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        super().setEditorData(editor, index)
        assert isinstance(editor, QuarterEdit)
        self.problem_changed.emit(editor.check())
