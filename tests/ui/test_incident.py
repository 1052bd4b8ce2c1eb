"""Report an incident from a profile, then follow its adjudication to a finding."""
from __future__ import annotations

from sqlalchemy import select

from app.core.schema import adjudication, incident_party
from app.ui import workflows
from app.ui.qt import model_tester_class
from tests.ui.conftest import add_person, admit, wait_op


def test_incident_report_then_adjudication_through_its_lifecycle(
        qtbot, make_window, act, replica, facility):
    cells = facility["cells"]
    ana = add_person(act, "Ana", "Silva", sex="F")
    rui = add_person(act, "Rui", "Costa")
    admit(act, ana["id"], cells["A1-01"]["id"], "B1")
    window = make_window()
    dialog = workflows.start("incident", window, ana["id"])
    qtbot.addWidget(dialog)
    wait_op(qtbot, dialog.ready)
    qtbot.waitUntil(lambda: dialog.parties.count() == 1)
    dialog.kind.setCurrentIndex(dialog.kind.findData("ASSAULT"))
    dialog.where.setCurrentIndex(dialog.where.findData(facility["landing"]["id"]))
    qtbot.keyClicks(dialog.description, "Punched Rui Costa at the servery.")
    dialog.role.setCurrentIndex(dialog.role.findData("VICTIM"))
    qtbot.keyClicks(dialog.find, "rui costa")
    wait_op(qtbot, dialog.add_party_by_search())
    assert dialog.party_list() == [(ana["id"], "PERPETRATOR"), (rui["id"], "VICTIM")]
    dialog.charge.setCurrentIndex(dialog.charge.findData("ASSAULT"))
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    with replica.reader.connect() as conn:
        assert conn.execute(select(incident_party.c.role).where(
            incident_party.c.person_id == rui["id"])).scalar() == "VICTIM"

    page = window.open_module("discipline")
    tester = model_tester_class()(page.reports, model_tester_class().FailureReportingMode.Fatal)
    qtbot.waitUntil(lambda: page.record_ is not None, timeout=5000)
    assert page.reports.data(page.reports.index(0, 2)) == "Awaiting review"
    assert not page.schedule_button.isEnabled()

    def step(action):
        op = action()
        wait_op(qtbot, op)
        assert page.error.text() == ""
        qtbot.waitUntil(lambda: page.record_["version"] > version, timeout=5000)

    version = page.record_["version"]
    page.next_status.setCurrentIndex(page.next_status.findData("UNSCHEDULED"))
    page.status_reason.setText("reviewed by duty governor")
    step(page.change_status)
    assert page.schedule_button.isEnabled()
    version = page.record_["version"]
    step(page.schedule)
    assert page.record_button.isEnabled()
    version = page.record_["version"]
    page.plea.setCurrentIndex(page.plea.findData("GUILTY"))
    page.outcome.setCurrentIndex(page.outcome.findData("COMPLETE"))
    page.finding.setCurrentIndex(page.finding.findData("CHARGE_PROVED"))
    step(page.record)
    with replica.reader.connect() as conn:
        assert conn.execute(select(adjudication.c.status)).scalar() == "CHARGE_PROVED"
    proved = replica.codes.get("adjudication_status", "CHARGE_PROVED").label("en")
    qtbot.waitUntil(lambda: page.reports.data(page.reports.index(0, 2)) == proved)
    assert page.punish_button.isEnabled()
    # A punishment beyond its configured limit is refused, naming the field.
    page.punishment.setCurrentIndex(page.punishment.findData("LOSS_OF_SOCIAL_VISITS"))
    page.days.setValue(40)
    wait_op(qtbot, page.award())
    assert page.error.text().startswith("Days:")
    page.days.setValue(14)
    wait_op(qtbot, page.award())
    assert page.error.text() == ""
    qtbot.waitUntil(lambda: "14 days" in page.detail.text(), timeout=5000)
    del tester


def test_a_status_change_without_a_reason_is_refused(qtbot, make_window, act, facility):
    ana = add_person(act, "Ana", "Silva", sex="F")
    window = make_window()
    dialog = workflows.start("incident", window, ana["id"])
    qtbot.addWidget(dialog)
    wait_op(qtbot, dialog.ready)
    qtbot.waitUntil(lambda: dialog.parties.count() == 1)
    dialog.where.setCurrentIndex(dialog.where.findData(facility["landing"]["id"]))
    dialog.charge.setCurrentIndex(dialog.charge.findData("FIGHTING"))
    wait_op(qtbot, dialog.save())
    assert dialog.error.text() == "Description: is required"
    qtbot.keyClicks(dialog.description, "Fight on A1.")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    page = window.open_module("discipline")
    qtbot.waitUntil(lambda: page.record_ is not None, timeout=5000)
    page.next_status.setCurrentIndex(page.next_status.findData("NOT_PROCEED"))
    wait_op(qtbot, page.change_status())
    assert page.error.text().startswith("Reason:")
