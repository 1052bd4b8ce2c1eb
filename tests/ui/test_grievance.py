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


def test_an_answered_grievance_is_appealed_answered_again_then_closed(
        qtbot, make_window, act, replica):
    from app.core.schema import grievance as grievance_table
    from app.domain import grievances
    from app.ui.qt import Qt

    ana = add_person(act, "Ana", "Silva", sex="F")
    logged = act(grievances.log_grievance, person_id=ana["id"], kind="GRIEVANCE",
                 category="FOOD", routed_to="WING_STAFF", subject="Cold meals",
                 details="Dinner arrives cold every day.")
    act(grievances.respond, grievance_id=logged["id"], outcome="NOT_UPHELD",
        text="Meals leave the kitchen hot.")
    window = make_window()
    page = window.open_module("grievances")
    tester = model_tester_class()
    checks = [tester(m, tester.FailureReportingMode.Fatal) for m in (page.answered_model,)]
    wait_op(qtbot, page.answered_op)
    assert page.answered_model.rowCount() == 1 and page.model.rowCount() == 0
    assert page.answered_model.data(page.answered_model.index(0, 3)) == "Not upheld"

    # An appeal needs a reason; without one nothing changes.
    wait_op(qtbot, page.change(grievances.APPEALED))
    assert page.change_error.text() == "Reason: is required"
    qtbot.keyClicks(page.change_reason, "Still cold; trolley waits on the landing")
    page.appeal_button.setFocus()
    qtbot.keyClick(page.appeal_button, Qt.Key.Key_Space)
    wait_op(qtbot, page.change_op)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.answered_model.rowCount() == 0,
                    timeout=5000)
    with replica.reader.connect() as conn:
        assert conn.execute(select(grievance_table.c.status)).scalar() == "APPEALED"

    # Answered again, then closed.
    page.outcome.setCurrentIndex(page.outcome.findData("UPHELD"))
    qtbot.keyClicks(page.text, "Heated trolley ordered.")
    wait_op(qtbot, page.respond())
    qtbot.waitUntil(lambda: page.answered_model.rowCount() == 1, timeout=5000)
    qtbot.keyClicks(page.change_reason, "Trolley delivered; prisoner satisfied")
    qtbot.keyClick(page.close_button, Qt.Key.Key_Space)
    wait_op(qtbot, page.change_op)
    qtbot.waitUntil(lambda: page.answered_model.rowCount() == 0, timeout=5000)
    with replica.reader.connect() as conn:
        assert conn.execute(select(grievance_table.c.status)).scalar() == "CLOSED"
        assert conn.execute(select(grievance_response.c.outcome)
                            .order_by(grievance_response.c.responded_at)).scalars().all() == [
            "NOT_UPHELD", "UPHELD"]
    del checks
