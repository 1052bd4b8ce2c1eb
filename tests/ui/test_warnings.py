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


def test_an_alert_and_a_non_association_are_closed_with_a_reason(qtbot, make_window, act,
                                                                  replica):
    from sqlalchemy import select

    from app.core.schema import alert, non_association
    from app.domain.alerts import add_alert
    from app.domain.non_associations import create_non_association
    from app.ui.qt import Qt

    ana = add_person(act, "Ana", "Silva", sex="F")
    rui = add_person(act, "Rui", "Costa")
    act(add_alert, person_id=ana["id"], alert_type="H", alert_code="HA", authorised_by="officer1")
    act(create_non_association, person_id=ana["id"], person_role="VICTIM",
        other_person_id=rui["id"], other_person_role="PERPETRATOR", reason="THREAT",
        keep_apart="WING")
    window = make_window()
    profile = open_profile(qtbot, window, ana["id"])
    assert profile.close_warning.isVisibleTo(profile)
    profile.close_warning.setFocus()
    qtbot.keyClick(profile.close_warning, Qt.Key.Key_Space)
    dialog = window.findChild(workflows_dialog(), "closeWarningDialog")
    qtbot.addWidget(dialog)
    wait_op(qtbot, dialog.list_op)
    assert dialog.list.count() == 2
    assert dialog.list.item(1).text() == "Keep apart from Rui Costa (Wing / unit, Threat)"

    # No reason: refused, naming the field, and the alert stays active.
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_op(qtbot, dialog.save_op)
    assert dialog.error.text() == "Reason: is required"
    qtbot.keyClicks(dialog.reason, "Risk reviewed by healthcare")
    with qtbot.waitSignal(profile.loaded, timeout=5000):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Rui Costa" in profile.warnings.text()

    qtbot.keyClick(profile.close_warning, Qt.Key.Key_Space)
    second = [d for d in window.findChildren(workflows_dialog())
              if d.objectName() == "closeWarningDialog" and d.isVisible()][-1]
    qtbot.addWidget(second)
    wait_op(qtbot, second.list_op)
    assert second.list.count() == 1  # the closed alert is no longer offered
    assert second.list.item(0).text().startswith("Keep apart from Rui Costa")
    qtbot.keyClicks(second.reason, "Rui released")
    with qtbot.waitSignal(profile.loaded, timeout=5000):
        qtbot.keyClick(second.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Rui Costa" not in profile.warnings.text()
    with replica.reader.connect() as conn:
        assert conn.execute(select(alert.c.close_reason)).scalar() == "Risk reviewed by healthcare"
        closed = conn.execute(select(non_association.c.status,
                                     non_association.c.close_reason)).one()
    assert tuple(closed) == ("CLOSED", "Rui released")


def workflows_dialog():
    from app.ui.qt import QDialog

    return QDialog
