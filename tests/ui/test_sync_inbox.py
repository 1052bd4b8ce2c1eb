"""Central office's conflict queue and everyone's rejected-changes inbox."""
from __future__ import annotations

from sqlalchemy import select

from app.core.protocol import REJECTED, ChangeResult, PushResponse
from app.core.schema import person
from app.storage.local_tables import outbox
from app.sync import inbox, push
from app.sync.engine import SyncEngine
from app.ui.qt import model_tester_class
from app.ui.sync_inbox import RejectedDialog
from tests.ui.conftest import add_person, wait_op


def _last_name(replica, person_id):
    with replica.reader.connect() as conn:
        return conn.execute(select(person.c.last_name).where(person.c.id == person_id)).scalar()


def test_conflict_queue_shows_both_sides_and_resolves(qtbot, make_window, devices):
    from app.domain.people import create_person

    a, alice = devices("a")
    b, bob = devices("b")
    central, carol = devices("central")
    with a.unit_of_work(alice) as uow:
        p = create_person(uow, first_name="Rita", last_name="Pinto", date_of_birth="1985-03-04",
                          sex="F")
    SyncEngine(a).run(), SyncEngine(b).run()
    with a.unit_of_work(alice) as uow:
        uow.update(person, p["id"], {"last_name": "Pinto-Alves"})
    with b.unit_of_work(bob) as uow:
        uow.update(person, p["id"], {"last_name": "Pinto-Neves"})
    SyncEngine(a).run()
    assert SyncEngine(b).run().conflicts == 1

    from app.ui.main_window import MainWindow
    window = MainWindow(central, carol)
    qtbot.addWidget(window)
    try:
        page = window.open_module("conflicts")
        tester = model_tester_class()(page.model, model_tester_class().FailureReportingMode.Fatal)
        wait_op(qtbot, page.list_op, timeout=20_000)
        assert page.model.rowCount() == 1
        assert "Pinto-Alves" in page.server_text.text() and "alice" in page.server_text.text()
        assert "Pinto-Neves" in page.client_text.text() and "bob" in page.client_text.text()
        assert b.device_id in page.client_text.text()
        page.choice.setCurrentIndex(page.choice.findData("client"))
        wait_op(qtbot, page.resolve(), timeout=20_000)
        assert page.message.text() == "Note: a note is required to resolve a conflict"
        page.note.setText("B saw the court order")
        # The window's own first sync may still be running; the resolution's sync
        # must be the one waited for, or the check below races it.
        qtbot.waitUntil(lambda: not window.sync.syncing, timeout=30_000)
        with qtbot.waitSignal(window.sync.sync_finished, timeout=30_000):
            page.resolve()
        qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=20_000)
        assert _last_name(central, p["id"]) == "Pinto-Neves"
        del tester
    finally:
        window.close()


def test_rejected_change_is_corrected_and_sent_again(qtbot, make_window, replica, act, officer):
    ana = add_person(act, "Tiago", "Urbano")
    with replica.engine.begin() as conn:
        conn.execute(outbox.update().values(status="ACKED", server_seq=1))
    with replica.unit_of_work(officer) as uow:
        uow.update(person, ana["id"], {"last_name": "Urbano!!"})
    changes = push.pending_changes(replica)
    # What a server answers for a change it refuses (see app.core.protocol).
    push.apply_results(replica, changes, PushResponse(
        epoch="e1", last_device_seq=changes[-1].device_seq, results=[
            ChangeResult(op_id=c.op_id, device_seq=c.device_seq, outcome=REJECTED,
                         reason="last_name: has characters not allowed", field="last_name")
            for c in changes]), username="officer1")
    window = make_window()
    window.show()
    qtbot.waitUntil(lambda: window.indicator.rejected.text() == "1 rejected", timeout=5000)
    with qtbot.waitSignal(window.indicator.open_rejected, timeout=2000):
        window.indicator.rejected.click()
    dialog = window.findChild(RejectedDialog, "rejectedDialog")
    tester = model_tester_class()(dialog.model, model_tester_class().FailureReportingMode.Fatal)
    wait_op(qtbot, dialog.list_op)
    assert dialog.model.rowCount() == 1
    assert "characters not allowed" in dialog.model.data(dialog.model.index(0, 3))
    assert dialog.correction.text() == "Urbano!!"
    dialog.correction.setText("Urbano")
    wait_op(qtbot, dialog.retry())
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=5000)
    assert _last_name(replica, ana["id"]) == "Urbano"
    assert inbox.list_rejected(replica) == []
    assert len(window.findChildren(RejectedDialog)) == 1
    del tester
