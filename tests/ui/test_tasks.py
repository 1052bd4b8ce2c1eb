"""The task runner: work runs off the UI thread, outcomes come back on it."""
from __future__ import annotations

import threading

from app.core.errors import ValidationError
from app.ui.errors import error_text, show_error
from tests.ui.conftest import wait_op


def test_work_runs_off_the_ui_thread_and_results_come_back_on_it(qtbot, runner, replica):
    ui_thread = threading.get_ident()
    seen = {}

    def count_people(rep):
        seen["worker"] = threading.get_ident()
        with rep.reader.connect() as conn:
            return conn.exec_driver_sql("SELECT count(*) FROM person").scalar()

    def done(result):
        seen["callback"] = threading.get_ident()
        seen["result"] = result

    op = runner.run(count_people, replica).success(done)
    wait_op(qtbot, op)
    assert seen["result"] == 0
    assert seen["worker"] != ui_thread
    assert op.thread_id == seen["worker"]
    assert seen["callback"] == ui_thread


def test_replica_lane_runs_actions_in_the_order_asked(qtbot, runner):
    order = []
    ops = [runner.run(order.append, i) for i in range(20)]
    wait_op(qtbot, ops[-1])
    qtbot.waitUntil(lambda: all(op.done for op in ops))
    assert order == list(range(20))


def test_a_validation_error_reaches_the_failure_callback_naming_the_field(
        qtbot, runner, replica, officer):
    from app.domain.people import create_person
    from tests.support import table_count
    from app.core.schema import person

    errors = []

    def bad_intake(rep):
        with rep.unit_of_work(officer) as uow:
            return create_person(uow, first_name="Ana", last_name="", date_of_birth="1990-01-01",
                                 sex="F")

    op = runner.run(bad_intake, replica).failure(errors.append)
    wait_op(qtbot, op)
    assert isinstance(errors[0], ValidationError)
    assert error_text(errors[0]) == "Last name: is required"
    assert table_count(replica, person) == 0


def test_errors_without_a_failure_callback_are_shown_to_the_user(qtbot, runner):
    shown = []
    runner.error.connect(shown.append)

    def refuse():
        raise ValidationError("date_of_birth", "cannot be in the future")

    wait_op(qtbot, runner.run(refuse))
    assert len(shown) == 1
    box = show_error(None, shown[0])
    qtbot.addWidget(box)
    assert box.text() == "Date of birth: cannot be in the future"
    assert box.isVisible()  # shown without blocking the caller


def test_unexpected_errors_say_nothing_was_saved(qtbot, runner):
    errors = []
    op = runner.run(lambda: 1 / 0).failure(errors.append)
    wait_op(qtbot, op)
    assert isinstance(errors[0], ZeroDivisionError)
    assert "nothing was saved" in error_text(errors[0])


def test_a_cancelled_op_delivers_nothing(qtbot, runner):
    got = []
    op = runner.run(lambda: 42).success(got.append)
    op.cancel()
    wait_op(qtbot, op)
    assert got == []


def test_an_outcome_for_a_deleted_owner_is_dropped(qtbot, runner):
    import time

    from app.ui.qt import QWidget

    page = QWidget()  # a page that a language switch rebuilds while its work runs
    got = []
    op = runner.run(time.sleep, 0.2, owner=page).success(lambda _r: got.append(page.objectName()))
    page.deleteLater()
    wait_op(qtbot, op)
    assert got == []  # nothing touched the deleted page
