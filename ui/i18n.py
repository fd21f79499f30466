"""Interface language: Vietnamese is the source language; English comes from a .qm file.

UI strings are written in Vietnamese in the code (``self.tr("…")``); choosing
English installs ``resources/i18n/giaoban_en.qm``. The choice is kept in
QSettings and applies the next time the window opens. In Vietnamese, Qt's own
words (standard buttons, the file dialog, text context menus, the print
preview) come from ``resources/i18n/qtbase_vi.qm``: Qt ships no Vietnamese.

``python -m ui.i18n --update`` (from a source checkout) extracts the messages of
every ``ui/**/*.py`` into ``resources/i18n/giaoban_*.ts`` with ``pyside6-lupdate``
and compiles them to ``.qm`` with ``pyside6-lrelease``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from ui import assets

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
SETTINGS_KEY = "ui/language"
SOURCE_LANGUAGE = "vi_VN"
TARGET_LANGUAGES = {"en": "en_GB"}  # every language with a giaoban_<lang>.ts
# Qt's own words (standard buttons, file dialog, context menus, print preview) in the
# languages Qt ships none for: resources/i18n/qtbase_<lang>.ts, written by hand.
QT_LANGUAGES = ("vi",)

_installed: list[QTranslator] = []


def QT_TRANSLATE_NOOP(context: str, message: str) -> str:
    """Mark ``message`` for ``pyside6-lupdate`` under ``context`` and return it unchanged.

    QtCore's function does the same, but its stub returns ``object``; this one keeps the
    ``str`` (lupdate finds the call by its name, whatever module it comes from).
    """
    return message
_current: str | None = None


def saved_language() -> str:
    """The language chosen in the settings (Vietnamese when none)."""
    value = QSettings().value(SETTINGS_KEY, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(lang: str) -> None:
    QSettings().setValue(SETTINGS_KEY, lang if lang in LANGUAGES else DEFAULT_LANGUAGE)


def current_language() -> str:
    """The language the running program shows (the saved one until :func:`install` ran)."""
    return _current or saved_language()


def install(app: QCoreApplication, lang: str) -> bool:
    """Install the translators for ``lang``; returns whether a translation was loaded.

    Vietnamese needs none (it is the source language).
    """
    global _current
    uninstall(app)
    _current = "vi"
    if lang == "vi":
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        qt = _load_qt(lang, app)  # Qt's own dialogs and menus in Vietnamese too
        if qt is not None:
            app.installTranslator(qt)
            _installed.append(qt)
        return True
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    translator = _load(lang, app)
    if translator is None:
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    _current = lang
    return True


def uninstall(app: QCoreApplication) -> None:
    """Remove the translators :func:`install` put in."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()


def translate_in(lang: str, context: str, source: str) -> str:
    """``source`` (marked with QT_TRANSLATE_NOOP) in ``lang``, whatever language is running.

    For a message about a language just chosen, said in that language.
    """
    if lang == "vi":
        return source
    translator = _load(lang)
    text = translator.translate(context, source) if translator is not None else None
    return text or source


def _load(lang: str, parent: QCoreApplication | None = None) -> QTranslator | None:
    path = assets.translation_file(lang)
    if path is None:
        return None
    translator = QTranslator(parent)
    return translator if translator.load(str(path)) else None


def _load_qt(lang: str, parent: QCoreApplication | None = None) -> QTranslator | None:
    path = assets.translation_file(lang, catalog="qtbase")
    if path is None:
        return None
    translator = QTranslator(parent)
    return translator if translator.load(str(path)) else None


# --- refreshing the translations (a developer's tool) ------------------------------------


def _tool(name: str) -> str:
    """A Qt tool from the running Python's scripts folder (the venv), else from PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.is_file() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found (pip install PySide6 provides it)")
    return found


def update(root: Path, *, release_only: bool = False) -> list[Path]:
    """Re-extract the messages into each ``resources/i18n/giaoban_<lang>.ts``, then compile.

    Translations already made are kept; messages gone from the code are dropped;
    new ones are marked unfinished (translate them, e.g. in ``pyside6-linguist``,
    then run this again). Returns the ``.qm`` files written.
    """
    import subprocess  # a developer's command: not imported at start-up

    folder = root / "resources" / "i18n"
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted(p.relative_to(root).as_posix() for p in (root / "ui").rglob("*.py"))
    written = []
    for lang, code in TARGET_LANGUAGES.items():
        ts = folder / f"giaoban_{lang}.ts"
        qm = ts.with_suffix(".qm")
        if not release_only:
            subprocess.run(
                [
                    _tool("pyside6-lupdate"),
                    *sources,
                    "-source-language",
                    SOURCE_LANGUAGE,
                    "-target-language",
                    code,
                    "-no-obsolete",
                    "-locations",
                    "relative",
                    "-ts",
                    ts.relative_to(root).as_posix(),
                ],
                cwd=root,
                check=True,
            )
        subprocess.run(
            [_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], cwd=root, check=True
        )
        written.append(qm)
    for lang in QT_LANGUAGES:  # hand-written: compiled, never extracted
        ts = folder / f"qtbase_{lang}.ts"
        qm = ts.with_suffix(".qm")
        subprocess.run(
            [_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], cwd=root, check=True
        )
        written.append(qm)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ui.i18n", description="Refresh the translations of the window."
    )
    parser.add_argument(
        "--update",
        action="store_true",
        help="run pyside6-lupdate over ui/**/*.py, then pyside6-lrelease",
    )
    parser.add_argument(
        "--release", action="store_true", help="only compile the .ts files to .qm"
    )
    args = parser.parse_args(argv)
    if not (args.update or args.release):
        parser.print_help()
        return 2
    root = Path(__file__).resolve().parent.parent
    if not (root / "pyproject.toml").is_file() or not (root / "resources").is_dir():
        print("python -m ui.i18n works in a source checkout only", file=sys.stderr)
        return 2
    for qm in update(root, release_only=not args.update):
        print(qm.relative_to(root))
    return 0


if __name__ == "__main__":
    sys.exit(main())
