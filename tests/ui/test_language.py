"""Language chosen in settings: the window speaks it; dates and numbers follow it."""
from __future__ import annotations

import datetime as dt

from app.ui.i18n import fmt_date, fmt_number, install_language
from tests.ui.conftest import add_person


def test_switching_to_portuguese_translates_the_window(qtbot, make_window, act):
    add_person(act, "Ana", "Silva", sex="F")
    window = make_window()
    page = window.open_module("settings")
    page.language.setCurrentIndex(page.language.findData("pt"))
    page.save.click()
    labels = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert labels[0] == "Pessoas"
    assert "Definições" in labels
    assert window.stack.currentWidget() is window.pages["settings"]
    people = window.open_module("people")
    assert people.search.accessibleName() == "Pesquisar pessoas"
    qtbot.waitUntil(lambda: window.sync.facts is not None and
                    window.indicator.pending.text().endswith("por enviar"), timeout=5000)
    assert window.settings.get("ui/language") == "pt"
    # Shortcuts still work after the menus were rebuilt in the new language.
    assert [a.shortcut().toString() for a in window.actions()].count("Ctrl+1") == 1


def test_spanish_window_and_locale_dates(qtbot, make_window):
    window = make_window()
    page = window.open_module("settings")
    page.language.setCurrentIndex(page.language.findData("es"))
    page.save.click()
    assert window.sidebar.item(0).text() == "Personas"
    assert fmt_date(dt.date(2026, 3, 9)) == "9/3/2026"  # the year in full, never ambiguous
    assert fmt_number(12345) == "12.345"


def test_dates_and_numbers_follow_the_locale():
    install_language("en")
    assert fmt_date(dt.date(2026, 3, 9)) == "09/03/2026"
    assert fmt_number(12345) == "12,345"
    install_language("pt")
    assert fmt_date(dt.date(2026, 3, 9)) == "09/03/2026"
    spaced = fmt_number(1234567).replace("\u202f", " ").replace("\xa0", " ")
    assert spaced == "1 234 567"
