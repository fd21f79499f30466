"""The English interface: the committed .ts/.qm are complete and current, and the window,
menus, headers and dialogs really show English when the translation is installed."""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from PySide6.QtCore import QLocale, QSettings, Qt, QTimer, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QTableView,
    QTreeView,
    QWidget,
)

from ui import assets, i18n, messages
from ui.main_window import MainWindow

from .conftest import AS_OF

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "giaoban_en.ts"
QM = ROOT / "resources" / "i18n" / "giaoban_en.qm"
# Letters that only Vietnamese text has (ASCII, "…", "—", arrows and the like pass).
VIETNAMESE = re.compile(r"[À-ÃÈ-ÊÌÍÒ-ÕÙÚÝà-ãè-êìíò-õùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ]")
PLACEHOLDER = re.compile(r"\{\w+\}|%L?n")


# --- fixtures and helpers -------------------------------------------------------------------


@pytest.fixture
def english(qapp, monkeypatch) -> Iterator[None]:  # noqa: ANN001
    """The English translator installed, as ``giaoban --lang en`` does; removed afterwards."""
    monkeypatch.setattr(i18n, "_current", None)
    locale = QLocale()
    assert i18n.install(qapp, "en")
    yield
    i18n.install(qapp, "vi")
    QLocale.setDefault(locale)


def _main_window(qtbot) -> MainWindow:  # noqa: ANN001
    w = MainWindow(as_of=AS_OF)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w


def _headers(view: QAbstractItemView) -> list[str]:
    """The column headings of a table or tree (none for a list)."""
    if isinstance(view, QTreeView):
        header = view.header()
    elif isinstance(view, QTableView):
        header = view.horizontalHeader()
    else:
        return []
    model = view.model()
    return [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(header.count())
    ]


def _chrome(window: QWidget) -> dict[str, str]:
    """Every piece of interface text of a window (not the data it shows), keyed by origin."""
    texts: dict[str, str] = {}
    for act in window.findChildren(QAction):
        for kind in ("text", "statusTip", "toolTip"):
            value = getattr(act, kind)()
            if value:
                texts[f"QAction {act.text()!r}.{kind}"] = value
    for button in window.findChildren(QAbstractButton):
        if button.text():
            texts[f"button {button.objectName() or button.text()!r}"] = button.text()
    for label in window.findChildren(QLabel):
        if label.buddy() is not None or label.objectName() == "sectionLabel":
            texts[f"label {label.text()!r}"] = label.text()
    for edit in window.findChildren(QLineEdit):
        if edit.placeholderText():
            texts[f"placeholder of {edit.accessibleName()!r}"] = edit.placeholderText()
    for widget in window.findChildren(QWidget):
        if widget.accessibleName():
            texts[f"accessible name of {type(widget).__name__}"] = widget.accessibleName()
    for view in window.findChildren(QAbstractItemView):
        if view.model() is not None:
            for i, header in enumerate(_headers(view)):
                if header:
                    texts[f"header {i} of {view.objectName() or type(view).__name__}"] = header
    return texts


def _ts_messages() -> list[tuple[str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [(c.findtext("name") or "", m) for c in root.iter("context") for m in c.iter("message")]


def _code_messages() -> dict[tuple[str, str], str]:
    """(context, source) of every literal message in ui/**/*.py, as lupdate should find them.

    ``self.tr("…")`` has the enclosing class as context; ``translate("Ctx", "…")`` and
    ``QT_TRANSLATE_NOOP("Ctx", "…")`` name theirs.
    """
    found: dict[tuple[str, str], str] = {}

    def visit(node: ast.AST, cls: str, path: Path) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Call):
                f = child.func
                name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
                args = child.args
                where = f"{path.relative_to(ROOT)}:{child.lineno}"
                if name == "tr" and args and isinstance(args[0], ast.Constant):
                    found[(cls, args[0].value)] = where
                elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
                    if all(isinstance(a, ast.Constant) for a in args[:2]):
                        found[(args[0].value, args[1].value)] = where
                if name in ("tr", "translate") and any(isinstance(a, ast.JoinedStr) for a in args):
                    found[("f-string", ast.unparse(child))] = where
            visit(child, child.name if isinstance(child, ast.ClassDef) else cls, path)

    for path in sorted((ROOT / "ui").rglob("*.py")):
        visit(ast.parse(path.read_text(encoding="utf-8")), "", path)
    return found


# --- the translation files ------------------------------------------------------------------


def test_every_message_is_translated() -> None:
    """No message of the .ts is unfinished, obsolete or empty; plurals have both forms."""
    messages_ = _ts_messages()
    assert len(messages_) > 400
    problems = []
    for context, m in messages_:
        source = m.findtext("source") or ""
        tr = m.find("translation")
        assert tr is not None
        if tr.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append((context, source, tr.get("type")))
            continue
        forms = [f.text or "" for f in tr.iter("numerusform")] if m.get("numerus") else [tr.text]
        if m.get("numerus") and len(forms) != 2:
            problems.append((context, source, "needs a singular and a plural form"))
        for form in forms:
            if not form:
                problems.append((context, source, "empty"))
            elif sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(source)):
                problems.append((context, source, f"placeholders differ: {form!r}"))
            elif ("&" in source) != ("&" in form):
                problems.append((context, source, f"mnemonic lost or added: {form!r}"))
            elif VIETNAMESE.search(form) and not re.search(r"e\.g\.|\"|\(K/T", form):
                # Vietnamese is allowed only in examples of what the clerk types.
                problems.append((context, source, f"still Vietnamese: {form!r}"))
    assert problems == []


def test_ts_matches_the_code() -> None:
    """Every message in ui/ is in the .ts (lupdate found it), with %n ones as plurals,
    and the .ts holds no message the code no longer has: run ``python -m ui.i18n --update``."""
    code = _code_messages()
    assert not [k for k in code if k[0] == "f-string"], "tr()/translate() of an f-string"
    ts = {(context, m.findtext("source") or ""): m for context, m in _ts_messages()}
    missing = {k: where for k, where in code.items() if k not in ts}
    assert missing == {}
    stale = [k for k in ts if k not in code]
    assert stale == []
    not_plural = [
        k for k, m in ts.items() if "%n" in k[1].replace("%Ln", "%n") and not m.get("numerus")
    ]
    assert not_plural == []


def test_qm_is_compiled_from_the_ts() -> None:
    """The shipped .qm loads and gives, for every message, the translation in the .ts."""
    path = assets.translation_file("en")
    assert path is not None and path.stat().st_size > 0
    translator = QTranslator()
    assert translator.load(str(path))
    wrong = []
    for context, m in _ts_messages():
        source = m.findtext("source") or ""
        tr = m.find("translation")
        if m.get("numerus"):
            expected = [f.text for f in tr.iter("numerusform")]
            got = [translator.translate(context, source, None, n) for n in (1, 2)]
        else:
            expected, got = tr.text, translator.translate(context, source)
        if got != expected:
            wrong.append((context, source, got, expected))
    assert wrong == []


def test_qm_is_what_lrelease_makes_of_the_ts(tmp_path: Path) -> None:
    """The committed .qm is byte for byte what pyside6-lrelease makes of the committed .ts."""
    here = Path(sys.executable).parent / "pyside6-lrelease"
    tool = str(here) if here.is_file() else shutil.which("pyside6-lrelease")
    if tool is None:
        pytest.skip("pyside6-lrelease is not installed")
    import subprocess

    out = tmp_path / "giaoban_en.qm"
    subprocess.run([tool, "-silent", str(TS), "-qm", str(out)], check=True)
    assert out.read_bytes() == QM.read_bytes(), "run: python -m ui.i18n --update"


# --- the window in each language --------------------------------------------------------------


def test_main_window_is_english_with_the_translation(qtbot, sample_db: Path, english) -> None:  # noqa: ANN001
    """Menus, actions, tabs, column headers and labels are English; nothing Vietnamese is
    left in the window's own text (only the data, and the language menu's "Tiếng Việt")."""
    w = _main_window(qtbot)
    titles = [a.text() for a in w.menuBar().actions()]
    for title in ("&File", "&Edit", "Follo&w-up", "&View", "&Reports", "&Tools", "&Help"):
        assert title in titles
    assert w.actions.new_meeting.text() == "&New giao ban…"
    assert w.actions.mark_done_today.text() == "Done &today"
    assert [w.tabs.tabText(i) for i in range(w.tabs.count())] == [
        "&Chase list",
        "&Giao ban",
        "&All directives",
    ]
    assert _headers(w.meeting_table)[:4] == ["No.", "Directive", "Lead", "Support"]
    assert _headers(w.chase_view)[1:3] == ["Giao ban", "Deadline"]
    assert w.filter_bar.status.itemText(1) == "Not done"
    assert w.windowTitle().startswith("Following up")
    assert "to chase" in w.count_label.text()
    w.chase_page.by_organization.click()
    group = w.chase_model.data(w.chase_model.index(0, 0))
    assert re.search(r"\(\d+ directives?, \d+ overdue\)$", group)
    w.tabs.setCurrentIndex(1)
    assert w.count_label.text() == "11 directives"
    leftovers = {
        where: text
        for where, text in _chrome(w).items()
        if VIETNAMESE.search(text) and text.replace("&", "") != "Tiếng Việt"
    }
    assert leftovers == {}


def test_main_window_is_vietnamese_without_the_translation(qtbot, sample_db: Path) -> None:
    """Without a translator the same texts are the Vietnamese source."""
    w = _main_window(qtbot)
    assert w.actions.new_meeting.text() == "&Giao ban mới…"
    assert w.tabs.tabText(2) == "&Tất cả nội dung"
    assert _headers(w.meeting_table)[:3] == ["STT", "Nội dung", "Chủ trì"]
    assert w.filter_bar.status.itemText(1) == "Chưa hoàn thành"
    w.tabs.setCurrentIndex(1)
    assert w.count_label.text() == "11 nội dung"


def _meeting_dialog(qtbot):  # noqa: ANN001, ANN202
    from ui.dialogs.meeting import MeetingDialog

    dialog = MeetingDialog(None, save=lambda *_a: None, today=date(2021, 4, 5))
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None}
    buttons = {b.text() for b in dialog.findChildren(QAbstractButton) if b.text()}
    return dialog, labels, buttons


def test_meeting_dialog_is_english_with_the_translation(qtbot, db_path: Path, english) -> None:  # noqa: ANN001
    """The new-giao-ban dialog's title, labels, buttons and grid headers are English."""
    dialog, labels, buttons = _meeting_dialog(qtbot)
    assert dialog.windowTitle() == "New giao ban"
    assert {"&Date:", "&Quarter reviewed:", "&Title:", "C&haired by:", "&Attending:"} <= labels
    assert {"&Save", "Cancel"} <= buttons
    assert [h for h in _headers(dialog.grid) if h] == [
        "Directive",
        "Lead",
        "Support",
        "Deadline",
        "Topics",
    ]
    assert not [t for t in labels | buttons if VIETNAMESE.search(t)]
    # The suggested title is data for a Vietnamese document: it stays Vietnamese.
    assert dialog.title.text().startswith("Giao ban quý")


def test_meeting_dialog_is_vietnamese_without_the_translation(qtbot, db_path: Path) -> None:
    """Without a translator the dialog shows the Vietnamese source texts."""
    dialog, labels, buttons = _meeting_dialog(qtbot)
    assert dialog.windowTitle() == "Ghi cuộc giao ban mới"
    assert {"&Ngày giao ban:", "&Tiêu đề:"} <= labels
    assert "&Lưu" in buttons


# --- choosing the language --------------------------------------------------------------------


def test_language_choice_is_remembered_and_applies_at_next_start(
    qtbot, sample_db: Path, monkeypatch, english
) -> None:  # noqa: ANN001
    """Choosing English in the menu is saved in QSettings and announced (in English) as
    taking effect at the next start; the next start shows English with English checked."""
    i18n.install(QApplication.instance(), "vi")  # running in Vietnamese
    said = []
    monkeypatch.setattr(messages, "show_info", lambda _parent, text, *_a: said.append(text))
    w = _main_window(qtbot)
    assert w.actions.language_vi.isChecked()
    w.actions.language_en.trigger()
    assert QSettings().value(i18n.SETTINGS_KEY) == "en"
    assert said == ["The new language will be used the next time Giao ban starts."]
    assert w.actions.new_meeting.text() == "&Giao ban mới…"  # not live: after a restart

    i18n.install(QApplication.instance(), i18n.saved_language())  # the next start
    again = _main_window(qtbot)
    assert again.actions.new_meeting.text() == "&New giao ban…"
    assert again.actions.language_en.isChecked()
    again.actions.language_vi.trigger()
    assert i18n.saved_language() == "vi"
    assert said[-1] == "Ngôn ngữ mới sẽ được dùng từ lần mở chương trình sau."


def test_lang_option_starts_the_window_in_english(
    qapp, sample_db: Path, monkeypatch, english
) -> None:  # noqa: ANN001
    """``giaoban --lang en`` installs the English translation before the window is built."""
    from ui import app as app_module

    i18n.install(qapp, "vi")
    seen: dict[str, object] = {}

    def show_and_quit(self: MainWindow) -> None:
        seen["text"] = self.actions.new_meeting.text()
        seen["window"] = self
        QTimer.singleShot(0, qapp.quit)

    monkeypatch.setattr(MainWindow, "show", show_and_quit)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    monkeypatch.setattr(qapp, "setStyleSheet", lambda _s: None)  # keep the tests' look
    names = qapp.organizationName(), qapp.applicationName()
    try:
        assert app_module.run(argparse.Namespace(db=str(sample_db), lang="en")) == 0
    finally:
        qapp.setOrganizationName(names[0])
        qapp.setApplicationName(names[1])
        window = seen.get("window")
        if isinstance(window, MainWindow):
            window.deleteLater()
    assert seen["text"] == "&New giao ban…"
    assert i18n.current_language() == "en"
