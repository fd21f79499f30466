"""Interface language: Vietnamese is the source language; English comes from a .qm file.

UI strings are written in Vietnamese in the code (``self.tr("…")``); choosing
English installs ``resources/i18n/giaoban_en.qm``. The choice is kept in
QSettings and applies the next time the window opens.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from ui import assets

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
SETTINGS_KEY = "ui/language"

_installed: list[QTranslator] = []


def saved_language() -> str:
    """The language chosen in the settings (Vietnamese when none)."""
    value = QSettings().value(SETTINGS_KEY, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(lang: str) -> None:
    QSettings().setValue(SETTINGS_KEY, lang if lang in LANGUAGES else DEFAULT_LANGUAGE)


def install(app: QCoreApplication, lang: str) -> bool:
    """Install the translators for ``lang``; returns whether a translation was loaded.

    Vietnamese needs none (it is the source language).
    """
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang == "vi":
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        return True
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    path = assets.translation_file(lang)
    if path is None:
        return False
    translator = QTranslator(app)
    if not translator.load(str(path)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
