"""The activity session register, marked from the keyboard."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.core.schema import attendance
from app.domain import activities
from app.ui.qt import Qt, model_tester_class
from tests.ui.conftest import add_person, wait_op


def test_a_whole_session_is_marked_in_a_few_keystrokes(qtbot, make_window, act, replica):
    today = dt.date.today()
    now = dt.datetime.now(dt.timezone.utc)
    gym = act(activities.create_activity, code="GYM", name="Gym", category="GYM", capacity=10,
              start_date=today - dt.timedelta(days=30))
    session = act(activities.schedule_session, activity_id=gym["id"],
                  starts_at=now - dt.timedelta(hours=2), ends_at=now - dt.timedelta(hours=1))
    people = [add_person(act, f, l) for f, l in (("Ana", "Alves"), ("Rui", "Brito"),
                                                 ("Tom", "Costa"), ("Zoe", "Dias"))]
    for p in people:
        act(activities.allocate, activity_id=gym["id"], person_id=p["id"],
            start_date=today - dt.timedelta(days=10))
    window = make_window()
    window.show()
    page = window.open_module("activities")
    tester = model_tester_class()(page.model, model_tester_class().FailureReportingMode.Fatal)
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=5000)
    assert "Gym" in page.title.text()
    page.view.setFocus()
    page.reason.setCurrentIndex(page.reason.findData("SICK"))
    # Brito is sick, Costa excused, everyone else attended: each mark moves down a line.
    page.view.selectRow(1)
    qtbot.keyClick(page.view, Qt.Key.Key_X)
    qtbot.keyClick(page.view, Qt.Key.Key_E)
    qtbot.keyClick(page.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(page.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_op(qtbot, page.save_op)
    assert page.done_label.text() == "Saved 4 marks."
    with replica.reader.connect() as conn:
        marks = dict(conn.execute(select(attendance.c.person_id, attendance.c.status)
                                  .where(attendance.c.activity_session_id == session["id"])).all())
    assert [marks[p["id"]] for p in people] == ["ATTENDED", "ABSENT", "EXCUSED", "ATTENDED"]
    del tester


def test_changing_a_saved_mark_asks_for_a_correction_reason(qtbot, make_window, act, replica):
    today = dt.date.today()
    now = dt.datetime.now(dt.timezone.utc)
    gym = act(activities.create_activity, code="GYM", name="Gym", category="GYM", capacity=10,
              start_date=today - dt.timedelta(days=30))
    session = act(activities.schedule_session, activity_id=gym["id"],
                  starts_at=now - dt.timedelta(hours=2), ends_at=now - dt.timedelta(hours=1))
    ana = add_person(act, "Ana", "Alves")
    act(activities.allocate, activity_id=gym["id"], person_id=ana["id"],
        start_date=today - dt.timedelta(days=10))
    from app.domain.attendance import record_attendance
    act(record_attendance, session_id=session["id"], marks={ana["id"]: "ATTENDED"})
    window = make_window()
    page = window.open_module("activities")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.model.mark(0, "EXCUSED")
    wait_op(qtbot, page.save())
    assert page.message.text().startswith("Correction reason: is required")
    page.correction.setText("was at healthcare, confirmed by nurse")
    wait_op(qtbot, page.save())
    assert page.done_label.text() == "Saved 1 mark."
