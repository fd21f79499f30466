"""OrganizationsDialog: add, rename, reorder, stop using and delete organizations.

Contract for the main window::

    OrganizationsDialog.ask(parent, *, run: Callable[..., object]) -> None

- ``run(fn, **kwargs)`` runs one tracker service (and tells the rest of the
  window what changed), raising ``TrackerError`` on failure. The dialog calls
  it with ``services.add_organization(name=, short_name=)``,
  ``rename_organization(organization_id=, name=, short_name=)``,
  ``reorder_organizations(organization_ids=)`` (the whole new order),
  ``set_organization_active(organization_id=, active=)`` and
  ``delete_organization(organization_id=)`` (after asking).
- Every change is saved at once; the list is read again from
  ``tracker.queries`` after each. A ``TrackerError`` (a duplicate name, an
  organization still in use) is shown beside the name field it names or at
  the top. Closing with names typed and not added/renamed asks first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker import queries, services
from tracker.rows import OrganizationRow
from tracker.text import clean
from ui.screen_fit import fit_to_screen
from ui.widgets import form
from ui.widgets.form import FormDialog

Run = Callable[..., object]
_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class OrganizationsDialog(FormDialog):
    """The list of organizations, with a form below to add or rename one."""

    def __init__(self, parent: QWidget | None = None, *, run: Run) -> None:
        super().__init__(parent, save_shortcut=False)
        self._run = run
        self._rows: list[OrganizationRow] = []
        self.setWindowTitle(self.tr("Các tổ chức"))

        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("Danh sách tổ chức"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tên viết tắt"), self.tr("Tên đầy đủ"), self.tr("Tình trạng")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)

        self.up_button = QPushButton(self.tr("Lên"))
        self.up_button.setToolTip(self.tr("Đưa lên trên (Ctrl+↑)"))
        self.down_button = QPushButton(self.tr("Xuống"))
        self.down_button.setToolTip(self.tr("Đưa xuống dưới (Ctrl+↓)"))
        self.active_button = QPushButton(self.tr("&Ngừng sử dụng"))
        self.active_button.setToolTip(
            self.tr(
                "Tổ chức ngừng sử dụng không còn trong danh sách chọn; "
                "các cuộc giao ban cũ vẫn giữ tên."
            )
        )
        self.delete_button = QPushButton(self.tr("&Xóa"))
        self.delete_button.setToolTip(
            self.tr("Chỉ xóa được tổ chức chưa có trong cuộc giao ban hay nội dung nào.")
        )
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.active_button.clicked.connect(self.toggle_active)
        self.delete_button.clicked.connect(self.delete_current)
        for keys, step in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda step=step: self.move_current(step))
        for button in (self.up_button, self.down_button, self.active_button, self.delete_button):
            button.setAutoDefault(False)

        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Tên đầy đủ"))
        self.name.setPlaceholderText(self.tr("Ví dụ: Hội Nông dân tỉnh"))
        self.name.setMaxLength(500)
        self.short_name = QLineEdit()
        self.short_name.setAccessibleName(self.tr("Tên viết tắt"))
        self.short_name.setPlaceholderText(self.tr("Ví dụ: Hội ND"))
        self.short_name.setMaxLength(100)
        self.new_button = QPushButton(self.tr("Thêm &mới"))
        self.new_button.setToolTip(self.tr("Ghi tên một tổ chức mới ở khung bên dưới"))
        self.new_button.clicked.connect(self.start_new)
        self.save_button = QPushButton(self.tr("&Lưu tên"))
        self.save_button.setToolTip(
            self.tr(
                "Tổ chức mới: thêm vào danh sách. Tổ chức đang chọn: sửa tên ở mọi nơi, kể cả "
                "các cuộc giao ban cũ (khi tổ chức được sắp xếp lại, hãy thêm tổ chức mới và "
                "cho tổ chức cũ ngừng sử dụng)."
            )
        )
        self.save_button.clicked.connect(self.save_names)
        self.name.returnPressed.connect(self.save_names)
        self.short_name.returnPressed.connect(self.save_names)
        for button in (self.new_button, self.save_button):
            button.setAutoDefault(False)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Đóng"))
        close.setAutoDefault(False)  # Enter in a name field saves the name, never closes
        self.buttons.rejected.connect(self.reject)

        side = QVBoxLayout()
        for button in (
            self.new_button,
            self.up_button,
            self.down_button,
            self.active_button,
            self.delete_button,
        ):
            side.addWidget(button)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.table, 1)
        top.addLayout(side)

        self.names_box = names = QGroupBox()
        grid = QGridLayout(names)
        for row, (text, field, key) in enumerate(
            (
                (self.tr("Tên đầ&y đủ:"), self.name, "name"),
                (self.tr("Tên &viết tắt:"), self.short_name, "short_name"),
            )
        ):
            label = QLabel(text)
            label.setBuddy(field)
            grid.addWidget(label, 2 * row, 0)
            grid.addWidget(field, 2 * row, 1)
            grid.addWidget(self.message_for(key, field), 2 * row + 1, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addStretch(1)
        grid.addLayout(actions, 4, 1)
        grid.setColumnStretch(1, 1)

        groups = QLabel(self._groups_text())
        groups.setWordWrap(True)
        groups.setEnabled(False)

        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("&Danh sách (thứ tự này dùng trong các bảng và báo cáo):"))
        heading.setBuddy(self.table)
        layout.addWidget(heading)
        layout.addLayout(top, 1)
        layout.addWidget(groups)
        layout.addWidget(self.top_message)
        layout.addWidget(names)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 760, 560)
        self.refresh()
        self.table.setFocus()

    # --- list ---------------------------------------------------------------

    def _groups_text(self) -> str:
        catalog = {o.id: o.short_name for o in queries.list_organizations()}
        lines = [
            self.tr("Nhóm {group}: {members}.").format(
                group=g.short_name,
                members=", ".join(catalog.get(i, "?") for i in g.organization_ids),
            )
            for g in queries.list_groups()
        ]
        return "\n".join(lines)

    def refresh(self, select_id: int | None = None) -> None:
        """Read the organizations again and select ``select_id`` (or keep the selection)."""
        if select_id is None:
            select_id = self.current_id()
        self._rows = queries.list_organizations()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._rows))
        for i, org in enumerate(self._rows):
            if org.active:
                state = self.tr("Đang dùng")
            else:
                state = self.tr("Ngừng sử dụng")
            if org.in_use:
                state = self.tr("{state}, đã có dữ liệu").format(state=state)
            cells = (org.short_name, org.name, state)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(_ID_ROLE, org.id)
                if not org.active:
                    font = QFont(item.font())
                    font.setItalic(True)
                    item.setFont(font)
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(i, column, item)
        self.table.blockSignals(False)
        row = next((i for i, o in enumerate(self._rows) if o.id == select_id), 0)
        if self._rows:
            self.table.setCurrentCell(row, 0)
            self.table.selectRow(row)
        self._on_table_item_selection_changed()

    def current(self) -> OrganizationRow | None:
        """The selected organization."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        i = rows[0].row()
        return self._rows[i] if 0 <= i < len(self._rows) else None

    def current_id(self) -> int | None:
        org = self.current()
        return org.id if org else None

    def select(self, organization_id: int) -> None:
        """Select an organization by id."""
        for i, org in enumerate(self._rows):
            if org.id == organization_id:
                self.table.selectRow(i)

    def _on_table_item_selection_changed(self) -> None:
        org = self.current()
        self.clear_messages()
        has = org is not None
        for button in (self.up_button, self.down_button, self.active_button):
            button.setEnabled(has)
        self.delete_button.setEnabled(has)
        if org is None:
            self.names_box.setTitle(self.tr("Tổ chức mới"))
            return
        self.names_box.setTitle(self.tr("Tên của {name}").format(name=org.short_name))
        index = self._rows.index(org)
        self.up_button.setEnabled(index > 0)
        self.down_button.setEnabled(index < len(self._rows) - 1)
        self.active_button.setText(
            self.tr("&Ngừng sử dụng") if org.active else self.tr("Dùng &lại")
        )
        self.name.setText(org.name)
        self.short_name.setText(org.short_name)

    # --- actions ------------------------------------------------------------

    def _call(self, fn: Callable[..., object], **kwargs: object) -> bool:
        self.clear_messages()
        return self.save_with(lambda: self._run(fn, **kwargs))

    def _names(self) -> tuple[str, str] | None:
        """The names typed, or None after showing what is missing."""
        name, short = clean(self.name.text()), clean(self.short_name.text())
        problems = []
        if not name:
            problems.append(("name", self.tr("Hãy ghi tên đầy đủ của tổ chức.")))
        if not short:
            problems.append(("short_name", self.tr("Hãy ghi tên viết tắt.")))
        elif "," in short or ";" in short:
            problems.append(
                (
                    "short_name",
                    self.tr(
                        "Tên viết tắt không được có dấu phẩy hay chấm phẩy: "
                        "chúng ngăn cách các cơ quan trong bảng nội dung chỉ đạo."
                    ),
                )
            )
        if problems:
            for key, text in reversed(problems):
                self.show_error(text, key)
            return None
        return name, short

    def start_new(self) -> None:
        """Clear the form to type a new organization."""
        self.table.clearSelection()
        # The stub omits None, which Qt takes as "no current item".
        self.table.setCurrentItem(None)  # type: ignore[call-overload]
        self.name.clear()
        self.short_name.clear()
        self.name.setFocus()

    def save_names(self) -> None:
        """Add the organization typed, or rename the selected one."""
        if self.current() is None:
            self.add()
        else:
            self.rename_current()

    def add(self) -> None:
        """Add the organization named in the form."""
        self.clear_messages()
        names = self._names()
        if names is None:
            return
        before = {o.id for o in self._rows}
        if self._call(services.add_organization, name=names[0], short_name=names[1]):
            self.refresh()
            added = [o.id for o in self._rows if o.id not in before]
            if added:
                self.select(added[0])
            self.table.setFocus()

    def rename_current(self) -> None:
        """Give the selected organization the names in the form."""
        org = self.current()
        self.clear_messages()
        names = self._names()
        if org is None or names is None:
            return
        if self._call(
            services.rename_organization,
            organization_id=org.id,
            name=names[0],
            short_name=names[1],
        ):
            self.refresh(org.id)

    def move_current(self, step: int) -> None:
        """Move the selected organization up (-1) or down (+1)."""
        org = self.current()
        if org is None:
            return
        ids = [o.id for o in self._rows]
        i = ids.index(org.id)
        j = i + step
        if not 0 <= j < len(ids):
            return
        ids[i], ids[j] = ids[j], ids[i]
        if self._call(services.reorder_organizations, organization_ids=ids):
            self.refresh(org.id)

    def toggle_active(self) -> None:
        """Stop using the selected organization, or use it again."""
        org = self.current()
        if org is None:
            return
        if self._call(
            services.set_organization_active, organization_id=org.id, active=not org.active
        ):
            self.refresh(org.id)

    def delete_current(self) -> None:
        """Delete the selected organization after asking (refused while in use)."""
        org = self.current()
        if org is None:
            return
        if not form.confirm(
            self,
            self.tr("Xóa tổ chức"),
            self.tr("Xóa tổ chức {name} khỏi danh sách?").format(name=org.name),
        ):
            return
        if self._call(services.delete_organization, organization_id=org.id):
            self.refresh()

    # --- FormDialog ---------------------------------------------------------

    def has_unsaved_text(self) -> bool:
        org = self.current()
        typed = (clean(self.name.text()), clean(self.short_name.text()))
        if org is None:
            return any(typed)
        return typed != (org.name, org.short_name)

    def save_form(self) -> bool:
        return False

    @classmethod
    def ask(cls, parent: QWidget | None, *, run: Run) -> None:
        """Show the dialog; every change is saved as it is made."""
        cls(parent, run=run).exec()
