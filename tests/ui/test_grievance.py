"""Log a grievance from a profile, then answer it from the grievances page."""
from __future__ import annotations

from sqlalchemy import select

from app.core.schema import grievance, grievance_response
from app.ui import workflows
from app.ui.qt import model_tester_class
from tests.ui.conftest import add_person, wait_op


def test_a_grievance_is_logged_then_answered(qtbot, make_window, act, replica):
    ana = add_person(act, "Ana", "Silva", sex="F")
    window = make_window()
    dialog = workflows.start("grievance", window, ana["id"])
    qtbot.addWidget(dialog)
    dialog.category.setCurrentIndex(dialog.category.findData("FOOD"))
    dialog.routed.setCurrentIndex(dialog.routed.findData("WING_STAFF"))
    qtbot.keyClicks(dialog.subject, "Halal meals missing")
    wait_op(qtbot, dialog.save())
    assert dialog.error.text() == "Details: is required"
    qtbot.keyClicks(dialog.details, "No halal option at dinner three days running.")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()

    page = window.open_module("grievances")
    tester = model_tester_class()(page.model, model_tester_class().FailureReportingMode.Fatal)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.summary.text() == "1 awaiting an answer, 0 overdue"
    assert "halal option" in page.detail.text()
    page.outcome.setCurrentIndex(page.outcome.findData("UPHELD"))
    qtbot.keyClicks(page.text, "Kitchen reminded; halal meals restored from today.")
    wait_op(qtbot, page.respond())
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)
    with replica.reader.connect() as conn:
        assert conn.execute(select(grievance.c.status)).scalar() == "ANSWERED"
        assert conn.execute(select(grievance_response.c.outcome)).scalar() == "UPHELD"
    del tester
