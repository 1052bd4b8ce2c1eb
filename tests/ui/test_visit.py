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


def test_a_visitor_is_banned_with_a_reason_then_the_ban_is_lifted(
        qtbot, make_window, act, replica, facility):
    from app.core.schema import visitor
    from app.domain import visits
    from app.ui.qt import QDate, Qt

    ana = add_person(act, "Ana", "Silva", sex="F")
    admit(act, ana["id"], facility["cells"]["A1-01"]["id"], "B1")
    maria = act(visits.add_visitor, person_id=ana["id"], first_name="Maria", last_name="Silva",
                relationship="PARENT")
    act(visits.approve_visitor, visitor_id=maria["id"])
    tomorrow = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) + dt.timedelta(days=1)
    act(visits.book_visit, person_id=ana["id"], visitor_id=maria["id"], starts_at=tomorrow,
        ends_at=tomorrow + dt.timedelta(hours=1), visit_type="SOCIAL")
    window = make_window()
    dialog = workflows.start("visit", window, ana["id"])
    qtbot.addWidget(dialog)
    wait_op(qtbot, dialog.visitors_op)
    assert dialog.visitor.currentText().endswith("approved")

    # No reason: refused, naming the field; the visitor stays approved.
    wait_op(qtbot, dialog.ban_visitor())
    assert dialog.error.text() == "Reason: is required"
    dialog.ban_reason.setFocus()
    qtbot.keyClicks(dialog.ban_reason, "Tried to pass a package at the last visit")
    until = dt.date.today() + dt.timedelta(days=30)
    dialog.ban_until.setDate(QDate(until.year, until.month, until.day))
    qtbot.keyClick(dialog.ban_button, Qt.Key.Key_Space)
    wait_op(qtbot, dialog.action_op)
    qtbot.waitUntil(lambda: "banned until" in dialog.visitor.currentText(), timeout=5000)
    with replica.reader.connect() as conn:
        row = conn.execute(select(visitor.c.status, visitor.c.banned_until)).one()
        assert (row.status, row.banned_until) == ("BANNED", until)
        # The visit booked inside the ban is cancelled.
        assert conn.execute(select(visit.c.status)).scalar() == "CANCELLED"

    qtbot.keyClicks(dialog.ban_reason, "Governor's review: ban lifted")
    qtbot.keyClick(dialog.lift_button, Qt.Key.Key_Space)
    wait_op(qtbot, dialog.action_op)
    qtbot.waitUntil(lambda: dialog.visitor.currentText().endswith("approved"), timeout=5000)
    with replica.reader.connect() as conn:
        assert conn.execute(select(visitor.c.status)).scalar() == "APPROVED"


def test_a_visit_still_running_at_midnight_stays_on_the_visits_page(act, replica, facility):
    """Visits are marked as they happen: one that began before midnight and is still
    running must not drop off the page when the day changes. Those over before today
    do drop off, and the page still runs a week ahead."""
    from app.domain import visits
    from app.ui.workflows.visit import UPCOMING_DAYS, facility_visits

    ana = add_person(act, "Ana", "Silva", sex="F")
    admit(act, ana["id"], facility["cells"]["A1-01"]["id"], "B1")
    maria = act(visits.add_visitor, person_id=ana["id"], first_name="Maria", last_name="Silva",
                relationship="PARENT")
    act(visits.approve_visitor, visitor_id=maria["id"])
    today = dt.date.today() + dt.timedelta(days=3)  # the page as it will read that day
    midnight = dt.datetime.combine(today, dt.time()).astimezone(dt.timezone.utc)
    booked = {}
    for name, start, hours in [("over", midnight - dt.timedelta(hours=3), 1),
                               ("running", midnight - dt.timedelta(minutes=30), 1),
                               ("later", midnight + dt.timedelta(hours=10), 1),
                               ("beyond", midnight + dt.timedelta(days=UPCOMING_DAYS), 1)]:
        booked[name] = act(visits.book_visit, person_id=ana["id"], visitor_id=maria["id"],
                           starts_at=start, ends_at=start + dt.timedelta(hours=hours),
                           visit_type="SOCIAL")["id"]
    shown = [v["id"] for v in facility_visits(replica, "MDI", today=today)]
    assert shown == [booked["running"], booked["later"]]
