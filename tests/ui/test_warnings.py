"""Adding an alert and a non-association from a profile: both show in its banner."""
from __future__ import annotations

from app.ui import workflows
from tests.ui.conftest import add_person, wait_op


def open_profile(qtbot, window, person_id):
    page = window.open_module("people")
    with qtbot.waitSignal(page.profile.loaded, timeout=5000):
        window.show_person(person_id)
    return page.profile


def test_alert_and_non_association_are_added_and_warn(qtbot, make_window, act):
    ana = add_person(act, "Ana", "Silva", sex="F")
    add_person(act, "Rui", "Costa")
    window = make_window()
    profile = open_profile(qtbot, window, ana["id"])
    assert not profile.warnings.isVisibleTo(profile)

    alert = workflows.start("alert", window, ana["id"])
    qtbot.addWidget(alert)
    assert alert.alert_code.findData("XEL") == -1  # restricted to supervisors and above
    alert.alert_type.setCurrentIndex(alert.alert_type.findData("H"))
    alert.alert_code.setCurrentIndex(alert.alert_code.findData("HA"))
    with qtbot.waitSignal(profile.loaded, timeout=5000):
        alert.save()

    na = workflows.start("non_association", window, ana["id"])
    qtbot.addWidget(na)
    na.find.setText("rui costa")
    wait_op(qtbot, na.search())
    assert na.found.count() == 1
    na.keep_apart.setCurrentIndex(na.keep_apart.findData("WING"))
    with qtbot.waitSignal(profile.loaded, timeout=5000):
        na.save()
    text = profile.warnings.text()
    assert "HA" in text and "Rui Costa" in text
    assert profile.warnings.isVisibleTo(profile)

    again = workflows.start("non_association", window, ana["id"])
    qtbot.addWidget(again)
    again.find.setText("rui")
    wait_op(qtbot, again.search())
    wait_op(qtbot, again.save())
    assert "already have an open non-association" in again.error.text()
