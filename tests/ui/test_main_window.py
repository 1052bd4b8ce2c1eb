"""The main window: modules by role, the sync indicator, geometry, shortcuts."""
from __future__ import annotations

from app.storage.unit_of_work import Actor
from app.ui.qt import QListWidget, Qt
from tests.ui.conftest import add_person


def sidebar_labels(window):
    bar = window.findChild(QListWidget, "sidebar")
    return [bar.item(i).text() for i in range(bar.count())]


def test_an_officer_sees_operational_modules_but_not_assessments_or_conflicts(make_window):
    from app.ui.qt import model_tester_class

    window = make_window()
    tester = model_tester_class()(window.sidebar.model(),
                                  model_tester_class().FailureReportingMode.Fatal)
    assert window.module_keys() == ["people", "roll", "activities", "discipline", "case_notes",
                                    "grievances", "visits", "settings"]
    assert sidebar_labels(window)[0] == "People"
    assert "Assessments" not in sidebar_labels(window)
    window.switch_role("central_office")  # the sidebar's model is rebuilt under the tester
    del tester


def test_each_role_sees_its_own_modules(make_window):
    psych = make_window(Actor("psy1", "MDI", ("psychologist",)))
    assert "assessments" in psych.module_keys()
    assert "discipline" not in psych.module_keys() and "visits" not in psych.module_keys()
    central = make_window(Actor("co1", "HQ", ("central_office",)))
    assert "conflicts" in central.module_keys()
    admin = make_window(Actor("adm", "HQ", ("admin",)))
    assert admin.module_keys() == ["settings"]


def test_sync_indicator_shows_pending_changes_read_off_the_ui_thread(qtbot, make_window, act):
    add_person(act, "Ana", "Silva")
    window = make_window()
    window.show()
    ind = window.indicator
    qtbot.waitUntil(lambda: window.sync.facts is not None)
    assert ind.isVisible()
    assert "Offline" in ind.state.text()
    assert ind.last.text() == "Last sync: never"
    # create_person writes the person row and its search/outbox entries: 1 change per row.
    assert ind.pending.text() == "1 change to send"
    assert ind.conflicts.text() == "0 conflicts"
    assert ind.rejected.text() == "0 rejected"
    add_person(act, "Rui", "Costa")
    window.sync.refresh()
    qtbot.waitUntil(lambda: ind.pending.text() == "2 changes to send")


def test_window_geometry_is_remembered_under_custos_home(qtbot, make_window, isolated_home):
    first = make_window()
    first.show()
    hint = first.minimumSizeHint()
    first.resize(hint.width() + 7, hint.height() + 5)
    chosen = (first.width(), first.height())
    first.close()
    assert (isolated_home / "config" / "custos.ini").exists()
    second = make_window()
    second.show()
    assert (second.width(), second.height()) == chosen


def test_ctrl_number_switches_modules_from_the_keyboard(qtbot, make_window):
    window = make_window()
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.pages["activities"]
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.pages["people"]
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # find a person
    assert window.stack.currentWidget() is window.pages["people"]
    assert window.pages["people"].search.hasFocus()


def test_controls_have_accessible_names(make_window):
    window = make_window()
    page = window.pages["people"]
    assert page.search.accessibleName() == "Search people"
    assert page.table.accessibleName() == "People"
    assert window.sidebar.accessibleName() == "Modules"


def test_the_application_uses_a_style_that_follows_the_system_colour_scheme(qapp):
    from app.ui.app import create_application
    from app.ui.qt import QPalette

    app = create_application()
    assert app is qapp
    assert app.style().name().lower() == "fusion"
    # The palette is the style's own for the current scheme (light or dark).
    assert app.palette().color(QPalette.ColorRole.Window) == \
        app.style().standardPalette().color(QPalette.ColorRole.Window)
    assert not app.windowIcon().isNull()


def test_demo_menu_switches_the_role_whose_view_is_shown(make_window):
    window = make_window(demo=True)
    demo = [m for m in window.menuBar().actions() if m.text() == "&Demo"][0].menu()
    as_psychologist = [a for a in demo.actions() if a.text() == "View as Psychologist"][0]
    as_psychologist.trigger()
    assert window.actor.roles == ("psychologist",)
    assert "assessments" in window.module_keys() and "discipline" not in window.module_keys()
    assert window.stack.currentWidget() is window.pages["people"]
    central = [a for a in window.menuBar().actions() if a.text() == "&Demo"][0].menu()
    [a for a in central.actions() if a.text() == "View as Central office"][0].trigger()
    assert "conflicts" in window.module_keys()
