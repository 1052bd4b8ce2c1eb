"""Booking a visit from a person's record, then marking it on the visits page."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.core.schema import visit
from app.domain.visits import complete_visit
from app.ui import workflows
from app.ui.qt import QDateTime, model_tester_class
from tests.ui.conftest import add_person, admit, wait_op


def test_a_visitor_is_added_approved_and_a_visit_booked_and_marked(
        qtbot, make_window, act, replica, facility):
    ana = add_person(act, "Ana", "Silva", sex="F")
    admit(act, ana["id"], facility["cells"]["A1-01"]["id"], "B1")
    window = make_window()
    dialog = workflows.start("visit", window, ana["id"])
    qtbot.addWidget(dialog)
    wait_op(qtbot, dialog.visitors_op)
    assert dialog.visitor.count() == 0
    dialog.new_first.setText("Maria")
    dialog.new_last.setText("Silva")
    dialog.new_relationship.setCurrentIndex(dialog.new_relationship.findData("PARENT"))
    wait_op(qtbot, dialog.add_visitor())
    qtbot.waitUntil(lambda: dialog.visitor.count() == 1)
    assert "waiting for approval" in dialog.visitor.currentText()
    wait_op(qtbot, dialog.save())
    assert "pending approval" in dialog.error.text()
    wait_op(qtbot, dialog.approve_visitor())
    qtbot.waitUntil(lambda: "approved" in dialog.visitor.currentText())
    # Recorded as it happens: the visit started a few minutes ago.
    dialog.starts.setDateTime(QDateTime.currentDateTime().addSecs(-300))
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    with replica.reader.connect() as conn:
        booked = conn.execute(select(visit.c.status, visit.c.starts_at, visit.c.ends_at)).one()
    assert booked.status == "BOOKED"
    assert booked.ends_at - booked.starts_at == dt.timedelta(minutes=60)

    page = window.open_module("visits")
    tester = model_tester_class()(page.model, model_tester_class().FailureReportingMode.Fatal)
    wait_op(qtbot, page.list_op)
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, 2)) == "Maria Silva"
    wait_op(qtbot, page.finish(complete_visit))
    assert page.error.text() == ""
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 4)) == "took place")
    del tester
