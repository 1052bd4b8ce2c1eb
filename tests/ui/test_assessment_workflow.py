"""Assessments end to end through the desktop UI, against a real replica.

A psychologist finds a person, starts an assessment, answers it (wrong
answers named as they are typed, conditional questions appearing and
disappearing), closes it and comes back to the autosaved draft, completes
it, sees the score explained and records their own decision; a supervisor
countersigns it from their queue.
"""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from app.core.schema import assessment, prediction_log, scoring_decision
from app.storage.unit_of_work import Actor
from app.ui.assessment.page import AssessmentsPage
from app.ui.qt import Qt, model_tester_class
from tests.support import table_count
from tests.ui.conftest import add_person, wait_op


@pytest.fixture(autouse=True)
def quick_autosave(monkeypatch):
    # The same debounce logic, with a shorter quiet time so the tests stay fast.
    monkeypatch.setattr("app.ui.assessment.editor.AUTOSAVE_MS", 40)


@pytest.fixture
def psychologist():
    return Actor("psych1", "MDI", ("psychologist",))


@pytest.fixture
def senior():
    """A supervising psychologist: may read the instruments and countersign."""
    return Actor("senior1", "MDI", ("supervisor", "psychologist"))


def check_models(qtbot, *models):
    tester = model_tester_class()
    for model in models:
        tester(model, tester.FailureReportingMode.Fatal)


def make_page(qtbot, runner, replica, actor):
    page = AssessmentsPage(runner, replica, actor)
    qtbot.addWidget(page)
    page.show()
    return page


def find_and_open_person(qtbot, page, text):
    qtbot.keyClicks(page.search, text)
    qtbot.waitUntil(lambda: page.results.rowCount() == 1, timeout=5000)
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.person_loaded, timeout=5000):
        qtbot.keyClick(page.results_view, Qt.Key.Key_Return)


def start(qtbot, page, instrument_id):
    assert page.instrument.choose(instrument_id)
    op = page.start_assessment()
    wait_op(qtbot, op)
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.opened is not None, timeout=5000)
    return dialog


def choose(dialog, item_id, value):
    """Pick `value` in an item's drop-down as a user does."""
    combo = dialog.form.fields[item_id].editor
    assert combo.choose(value), f"{value!r} is not offered for {item_id}"


def type_into(qtbot, dialog, item_id, text):
    editor = dialog.form.fields[item_id].editor
    editor.setFocus()
    if hasattr(editor, "selectAll"):
        editor.selectAll()
    qtbot.keyClicks(editor, text)


def error_of(dialog, item_id):
    f = dialog.form.fields[item_id]
    return f.error.text() if not f.error.isHidden() else ""


def stored(replica, assessment_id):
    with replica.reader.connect() as conn:
        return dict(conn.execute(select(assessment).where(assessment.c.id == assessment_id))
                    .mappings().one())


def wait_autosave(qtbot, dialog):
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        pass


def close_and_reopen_draft(qtbot, page, dialog, runner):
    with qtbot.waitSignal(page.person_loaded, timeout=5000):
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    runner.wait()
    assert page.drafts.rowCount() == 1
    page.drafts_view.setFocus()
    page.drafts_view.selectRow(0)
    qtbot.keyClick(page.drafts_view, Qt.Key.Key_Return)
    reopened = page.dialog
    assert reopened is not dialog
    qtbot.waitUntil(lambda: reopened.opened is not None, timeout=5000)
    return reopened


def countersign_from_queue(qtbot, runner, replica, senior, assessment_id):
    page = make_page(qtbot, runner, replica, senior)
    qtbot.waitUntil(lambda: page.queue.rowCount() == 1, timeout=5000)
    check_models(qtbot, page.queue)
    assert page.queue.record(0)["id"] == assessment_id
    page.queue_view.setFocus()
    page.queue_view.selectRow(0)
    qtbot.keyClick(page.queue_view, Qt.Key.Key_Return)
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.opened is not None, timeout=5000)
    assert dialog.countersign_button.isVisible()
    assert not dialog.complete_button.isVisible()
    with qtbot.waitSignal(dialog.countersigned, timeout=5000):
        qtbot.mouseClick(dialog.countersign_button, Qt.MouseButton.LeftButton)
    assert "Countersigned by senior1" in dialog.header.text()
    row = stored(replica, assessment_id)
    assert (row["status"], row["countersigned_by"]) == ("COUNTERSIGNED", "senior1")
    qtbot.waitUntil(lambda: page.queue.rowCount() == 0, timeout=5000)


def test_an_ogrs3_is_completed_explained_decided_and_countersigned(
        qtbot, runner, replica, act, psychologist, senior):
    ana = add_person(act, "Ana", "Silva", born="1990-05-01", sex="F")
    page = make_page(qtbot, runner, replica, psychologist)
    find_and_open_person(qtbot, page, "Silva")
    assert "Ana Silva" in page.person_title.text()
    # Roles from the instrument files: a psychologist may start every shipped instrument.
    offered = set(page.instrument.values)
    assert {"ogrs3", "criminogenic_needs", "extremism_spj", "violence_spj"} <= offered

    dialog = start(qtbot, page, "ogrs3")
    qtbot.waitUntil(lambda: page.drafts.rowCount() == 1, timeout=5000)
    choose(dialog, "sex", "F")
    type_into(qtbot, dialog, "birth_date", "1990-05-01")
    type_into(qtbot, dialog, "previous_sanctions", "lots")
    assert error_of(dialog, "previous_sanctions") == (
        "Number of previous sanctions, excluding the current one: must be a whole number")
    type_into(qtbot, dialog, "previous_sanctions", "600")
    assert error_of(dialog, "previous_sanctions").endswith("must be at most 500")
    type_into(qtbot, dialog, "conviction_date", "2024-13-01")
    assert error_of(dialog, "conviction_date") == (
        "Date of the current conviction: '2024-13-01' is not a date (use YYYY-MM-DD)")
    wait_autosave(qtbot, dialog)
    # Saved on the replica worker, never on the UI thread.
    assert dialog.last_save_op.thread_id != threading.get_ident()
    saved = stored(replica, dialog.assessment_id)
    # The acceptable answers are saved; the wrong ones are not, and the user is told so.
    assert saved["answers"] == {"sex": "F", "birth_date": "1990-05-01"}
    assert "except" in dialog.status.text()

    # Completing with answers still wrong is refused, naming the first such item.
    assert dialog.complete() is None
    assert dialog.error.text().startswith("Date of the current conviction:")

    type_into(qtbot, dialog, "previous_sanctions", "4")
    type_into(qtbot, dialog, "conviction_date", "2024-01-10")
    dialog = close_and_reopen_draft(qtbot, page, dialog, runner)
    assert dialog.form.fields["previous_sanctions"].editor.text() == "4"
    assert dialog.form.fields["conviction_date"].editor.text() == "2024-01-10"
    assert dialog.form.fields["sex"].editor.value() == "F"

    type_into(qtbot, dialog, "first_sanction_date", "2008-03-01")
    choose(dialog, "offence_category", "burglary_domestic")
    type_into(qtbot, dialog, "assessment_date", "2024-02-01")
    with qtbot.waitSignal(dialog.completed, timeout=10_000):
        qtbot.mouseClick(dialog.complete_button, Qt.MouseButton.LeftButton)
    panel = dialog.panel
    assert stored(replica, dialog.assessment_id)["status"] == "COMPLETED"
    assert panel.isVisible()
    assert panel.band.text() == "Band: Low (under 50%)"
    assert "within two years" in panel.detail.text()
    assert "supports and never replaces your judgement" in panel.judgement.text()
    assert panel.factors.rowCount() == 3
    assert "Copas" in panel.factors.data(panel.factors.index(0, 0))
    inputs = {panel.inputs.record(r)["label"]: panel.inputs.record(r)["value"]
              for r in range(panel.inputs.rowCount())}
    assert inputs["Sex"] == "Female" and inputs["Date of birth"] == "1990-05-01"
    assert inputs["Category of the current offence"] == "Domestic burglary"
    assert inputs["Age at the current conviction (derived)"] == "33"
    assert "England and Wales" in panel.limits.text()
    # The prediction is logged; the decision is the professional's, and nothing fills it in.
    assert table_count(replica, prediction_log) == 1
    assert table_count(replica, scoring_decision) == 0
    assert panel.decision_box.isVisible() and panel.decision_box.isEnabled()
    assert not panel.agree.isChecked() and not panel.override.isChecked()
    assert panel.own_band.value() is None
    check_models(qtbot, panel.factors, panel.inputs, panel.needs)

    # Override (disregard the score) needs a reason: an empty one is refused, naming it.
    panel.override.click()
    assert panel.own_band.choose("HIGH")
    qtbot.mouseClick(panel.record, Qt.MouseButton.LeftButton)
    wait_op(qtbot, dialog.decide_op)
    assert panel.decision_error.text() == "Reason for your decision: is required"
    assert table_count(replica, scoring_decision) == 0
    qtbot.keyClicks(panel.reason, "Recent threats to a named victim are not captured by "
                                  "static factors.")
    with qtbot.waitSignal(dialog.decided, timeout=5000):
        qtbot.mouseClick(panel.record, Qt.MouseButton.LeftButton)
    with replica.reader.connect() as conn:
        decision = conn.execute(select(scoring_decision)).mappings().one()
    assert (decision["decision"], decision["professional_band"]) == ("OVERRIDE", "HIGH")
    assert "overrode the score" in panel.current.text()
    # The assessor never countersigns their own work.
    assert not dialog.countersign_button.isVisible()

    with qtbot.waitSignal(page.person_loaded, timeout=5000):
        dialog.accept()
    assert page.drafts.rowCount() == 0 and page.records.rowCount() == 1
    assert page.records.data(page.records.index(0, 2)) == "Low (under 50%)"
    check_models(qtbot, page.results, page.drafts, page.records, page.queue)
    assert ana["id"] == page.person.person_id

    countersign_from_queue(qtbot, runner, replica, senior, dialog.assessment_id)


def test_a_needs_assessment_is_completed_with_its_profile_and_countersigned(
        qtbot, runner, replica, act, psychologist, senior):
    add_person(act, "Bruno", "Costa")
    page = make_page(qtbot, runner, replica, psychologist)
    find_and_open_person(qtbot, page, "Costa")
    dialog = start(qtbot, page, "criminogenic_needs")
    inst = dialog.opened.instrument
    ratings = [i for i in inst.items.values() if i.type == "rating"]
    high = {"sm_use", "sm_offending", "sm_harm", "at_justify", "at_authority"}
    for item in ratings[:10]:
        choose(dialog, item.id, "SIGNIFICANT" if item.id in high else "NONE")
    # A bad answer is named as it is given.
    dialog.form.fields["attitudes_evidence"].editor.setPlainText("x" * 2001)
    assert error_of(dialog, "attitudes_evidence").endswith("must be at most 2000 characters")
    dialog.form.fields["attitudes_evidence"].editor.setPlainText("Interview 3 May; wing reports.")
    assert error_of(dialog, "attitudes_evidence") == ""
    wait_autosave(qtbot, dialog)
    dialog = close_and_reopen_draft(qtbot, page, dialog, runner)
    assert dialog.form.fields[ratings[0].id].editor.value() == "NONE"
    assert dialog.form.fields["attitudes_evidence"].editor.toPlainText().startswith("Interview")

    # Completing with questions unanswered is refused, naming the first one.
    wait_op(qtbot, dialog.complete())
    first_missing = ratings[10]
    assert dialog.error.text() == f"{first_missing.label}: is required to complete the assessment"
    assert error_of(dialog, first_missing.id).endswith("is required to complete the assessment")
    for item in ratings[10:]:
        choose(dialog, item.id, "SIGNIFICANT" if item.id in high else "NONE")
    with qtbot.waitSignal(dialog.completed, timeout=10_000):
        qtbot.mouseClick(dialog.complete_button, Qt.MouseButton.LeftButton)
    panel = dialog.panel
    assert panel.needs.rowCount() == 8
    assert panel.needs.record(0)["label"] == "Substance misuse"
    assert "Substance misuse" in panel.priorities.text()
    assert "Pro-criminal attitudes" in panel.priorities.text()
    assert "not a risk score" in panel.limits.text()
    # No statistical model, so no prediction is logged and no decision is asked for.
    assert table_count(replica, prediction_log) == 0
    assert not panel.decision_box.isVisible()
    check_models(qtbot, panel.needs, panel.factors, panel.inputs)
    dialog.accept()
    runner.wait()
    countersign_from_queue(qtbot, runner, replica, senior, dialog.assessment_id)


def test_conditional_questions_appear_and_disappear_and_stale_answers_are_cleared(
        qtbot, runner, replica, act, psychologist):
    add_person(act, "Carla", "Reis", sex="F")
    page = make_page(qtbot, runner, replica, psychologist)
    find_and_open_person(qtbot, page, "Reis")
    dialog = start(qtbot, page, "suicide_self_harm_screen")
    fields = dialog.form.fields
    assert fields["plan"].isHidden() and fields["means_access"].isHidden()
    choose(dialog, "thoughts_end_life", True)
    assert not fields["plan"].isHidden() and not fields["intent"].isHidden()
    assert fields["means_access"].isHidden()
    choose(dialog, "plan", True)
    assert not fields["means_access"].isHidden()
    choose(dialog, "means_access", False)
    wait_autosave(qtbot, dialog)
    assert stored(replica, dialog.assessment_id)["answers"] == {
        "thoughts_end_life": True, "plan": True, "means_access": False}
    # Answering "no" hides the whole chain, and its answers do not outlive it.
    choose(dialog, "thoughts_end_life", False)
    assert fields["plan"].isHidden() and fields["means_access"].isHidden()
    wait_autosave(qtbot, dialog)
    assert stored(replica, dialog.assessment_id)["answers"] == {"thoughts_end_life": False}


def test_the_extremism_judgement_requires_its_written_rationale_and_has_no_score(
        qtbot, runner, replica, act, psychologist):
    add_person(act, "Davi", "Lima")
    page = make_page(qtbot, runner, replica, psychologist)
    find_and_open_person(qtbot, page, "Lima")
    dialog = start(qtbot, page, "extremism_spj")
    inst = dialog.opened.instrument
    for item in inst.items.values():
        if item.type == "choice":
            choose(dialog, item.id, "NO")
    type_into(qtbot, dialog, "sources", "Two interviews, wing observations, adjudication file.")
    choose(dialog, "concern", "HIGH")
    type_into(qtbot, dialog, "management", "Monthly review with the prevent lead; mentoring.")
    type_into(qtbot, dialog, "review_date", "2027-01-31")

    # No rationale at all: completing is refused, naming it.
    wait_op(qtbot, dialog.complete())
    assert dialog.error.text() == ("Written rationale for the level of concern: is required to "
                                   "complete the assessment")
    assert stored(replica, dialog.assessment_id)["status"] == "DRAFT"
    # A rationale too short to explain the judgement is refused as it is typed.
    type_into(qtbot, dialog, "rationale", "Seems risky.")
    assert error_of(dialog, "rationale") == ("Written rationale for the level of concern: must be "
                                             "at least 100 characters (it has 12)")
    assert dialog.complete() is None
    assert dialog.error.text().startswith("Written rationale for the level of concern")

    dialog.form.fields["rationale"].editor.setPlainText(
        "He has repeatedly stated support for violence against a named group, sought out "
        "material on weapons and keeps contact with a network under investigation.")
    with qtbot.waitSignal(dialog.completed, timeout=10_000):
        qtbot.mouseClick(dialog.complete_button, Qt.MouseButton.LeftButton)
    panel = dialog.panel
    assert panel.band.text() == "Band: High"
    assert "structured professional judgement" in panel.judgement.text()
    assert "No statistical score" in panel.judgement.text()
    assert "named group" in panel.factors.data(panel.factors.index(0, 1))
    assert not panel.decision_box.isVisible()
    assert table_count(replica, prediction_log) == 0
    assert stored(replica, dialog.assessment_id)["scores"]["statistical"] is False


def test_starting_an_instrument_again_continues_the_users_draft(
        qtbot, runner, replica, act, psychologist):
    add_person(act, "Eva", "Nunes", sex="F")
    page = make_page(qtbot, runner, replica, psychologist)
    find_and_open_person(qtbot, page, "Nunes")
    dialog = start(qtbot, page, "mental_health_screen")
    choose(dialog, "current_treatment", True)
    assert not dialog.form.fields["treatment_details"].isHidden()
    type_into(qtbot, dialog, "treatment_details", "Sertraline, prescribed by the GP.")
    with qtbot.waitSignal(page.person_loaded, timeout=5000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc closes; pending answers are saved
    assert page.start_assessment() is None
    again = page.dialog
    assert again.assessment_id == dialog.assessment_id
    assert "already have a draft" in page.info.text()
    assert table_count(replica, assessment) == 1
    qtbot.waitUntil(lambda: again.opened is not None, timeout=5000)
    assert again.form.fields["treatment_details"].editor.toPlainText() == (
        "Sertraline, prescribed by the GP.")
