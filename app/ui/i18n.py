"""Languages and locale: which translation is loaded, and how dates and
numbers are written.

Translations are Qt's own: strings are marked with tr()/translate() in the
code, extracted by pyside6-lupdate into resources/translations/custos_*.ts
and compiled by pyside6-lrelease into .qm files, which are loaded here. Qt's
own strings (standard buttons) come from the Qt installation's qtbase files.
"""
from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

from app.ui.qt import QCoreApplication, QDate, QDateTime, QLibraryInfo, QLocale, QTranslator

# The locale each language writes dates and numbers in.
LOCALES = {"en": "en_GB", "pt": "pt_PT", "es": "es_ES"}

_installed: list[QTranslator] = []
_language = "en"


def current_language() -> str:
    """The language last installed ("en", "pt" or "es")."""
    return _language


def code_label(codes, domain: str, code: str | None) -> str:
    """A reference code's label in the current language (the code itself if unknown)."""
    if code is None:
        return ""
    found = codes.get(domain, code)
    return found.label(_language) if found else code


def translations_dir() -> Path:
    return Path(str(resources.files("resources") / "translations"))


def install_language(language: str) -> bool:
    """Switch the application's translations and locale to `language`.

    Returns False if no compiled translation exists for it. English is loaded
    too: the source texts are English, but its plural forms ("1 change",
    "2 changes") come from custos_en.qm. Widgets re-translate themselves on the
    LanguageChange event Qt sends when translators change.
    """
    global _language
    app = QCoreApplication.instance()
    _language = language if language in LOCALES else "en"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(LOCALES.get(language, "en_GB")))
    found = False
    ours = QTranslator(app)
    if ours.load(str(translations_dir() / f"custos_{language}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
        found = True
    if language == "en":
        return found
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return found


def fmt_date(value: dt.date | None) -> str:
    """A date in the user's locale (short form, four-digit year), or an empty string.

    Some locales' short form has a two-digit year (pt: 24/01/04), which makes
    a date of birth ambiguous; the year is always written in full.
    """
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), _date_format())


def fmt_datetime(value: dt.datetime | None) -> str:
    """A UTC timestamp shown in local time, in the user's locale."""
    if value is None:
        return ""
    local = value.astimezone()
    qdt = QDateTime(QDate(local.year, local.month, local.day),
                    _qtime(local.hour, local.minute, local.second))
    return QLocale().toString(qdt, _date_format() + " "
                              + QLocale().timeFormat(QLocale.FormatType.ShortFormat))


def _date_format() -> str:
    fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")


def fmt_number(value: int | float) -> str:
    """A number with the locale's digit grouping and decimal mark."""
    return QLocale().toString(value)


def _qtime(h: int, m: int, s: int):
    from app.ui.qt import QtCore

    return QtCore.QTime(h, m, s)
