"""The profile's needs and risk summary, the roles the instrument files give,
and the page's wiring into the main window."""
from __future__ import annotations

import pytest

from app.storage.unit_of_work import Actor
from app.ui.assessment import work
from app.ui.assessment.page import AssessmentsPage, page as assessments_page
from app.ui.assessment.summary import AssessmentSummary
from app.ui.qt import model_tester_class
from tests.ui.conftest import add_person, wait_op

OGRS3 = dict(sex="M", birth_date="1994-01-01", conviction_date="2024-01-10",
             first_sanction_date="2012-01-01", offence_category="theft_non_motor",
             assessment_date="2024-02-01")
RATIONALE = ("Stated support for violence against a named group in two interviews, sought weapons "
             "material, and keeps contact with a network under investigation.")


@pytest.fixture
def psychologist():
    return Actor("psych1", "MDI", ("psychologist",))


def completed(replica, actor, person_id, instrument_id, answers):
    """Start and complete an assessment through the same actions the screens run."""
    row = work.start(replica, actor, person_id, instrument_id)
    return work.complete(replica, actor, row["id"], answers)


def needs_answers():
    inst = work.instruments.load("criminogenic_needs")
    high = {"sm_use", "sm_offending", "sm_harm", "ee_skills", "ee_history"}
    return {i.id: ("SIGNIFICANT" if i.id in high else "NONE")
            for i in inst.items.values() if i.type == "rating"}


def extremism_answers():
    inst = work.instruments.load("extremism_spj")
    out = {i.id: "NO" for i in inst.items.values() if i.type == "choice"}
    out.update(sources="Two interviews and the adjudication file.", concern="MEDIUM",
               rationale=RATIONALE, management="Monthly review with the prevent lead.",
               review_date="2027-01-31")
    return out


def test_the_summary_shows_needs_priorities_and_each_band_over_time(
        qtbot, runner, replica, act, psychologist):
    ana = add_person(act, "Ana", "Silva")
    pid = ana["id"]
    first = completed(replica, psychologist, pid, "ogrs3", {**OGRS3, "previous_sanctions": 2})
    work.decide(replica, psychologist, first["prediction_id"], "AGREE", "", None)
    second = completed(replica, psychologist, pid, "ogrs3", {**OGRS3, "previous_sanctions": 4})
    work.decide(replica, psychologist, second["prediction_id"], "OVERRIDE",
                "Escalating violence in custody that static factors cannot reflect.", "HIGH")
    completed(replica, psychologist, pid, "criminogenic_needs", needs_answers())
    completed(replica, psychologist, pid, "extremism_spj", extremism_answers())
    # A draft is not part of the history.
    work.start(replica, psychologist, pid, "violence_spj")

    summary = AssessmentSummary(runner, replica, psychologist)
    qtbot.addWidget(summary)
    with qtbot.waitSignal(summary.loaded, timeout=5000):
        summary.show_person(pid)
    tester = model_tester_class()
    tester(summary.needs, tester.FailureReportingMode.Fatal)
    tester(summary.history, tester.FailureReportingMode.Fatal)

    assert "criminogenic needs assessment of" in summary.needs_heading.text()
    assert summary.needs.rowCount() == 8
    top = [summary.needs.record(r) for r in range(2)]
    assert {t["label"] for t in top} == {"Substance misuse", "Education and employment"}
    assert all(t["priority"] for t in top)
    assert summary.needs.data(summary.needs.index(0, 3)) == "priority"
    assert summary.priorities.text() == "Priorities: Substance misuse, Education and employment"

    # Newest first: extremism, needs, then the two OGRS3 assessments.
    titles = [summary.history.record(r)["title"] for r in range(summary.history.rowCount())]
    assert len(titles) == 4
    assert titles[0].startswith("Extremism") and titles[-1].startswith("OGRS3")
    bands = [summary.history.data(summary.history.index(r, 2)) for r in range(4)]
    assert bands[1:] == ["Priorities: Substance misuse, Education and employment",
                         "Medium (50-74%)", "Low (under 50%)"]
    decisions = [summary.history.data(summary.history.index(r, 3)) for r in range(4)]
    assert decisions[2:] == ["overridden: High", "agreed"]
    # The trend uses the professional's band where they overrode the score.
    trend = [line for line in summary.trends.text().splitlines() if line.startswith("OGRS3")]
    assert len(trend) == 1
    assert trend[0].startswith("OGRS3: Offender Group Reconviction Scale, version 3: "
                               "Low (under 50%) on ")
    assert " → High on " in trend[0]
    assert "Extremism and radicalisation: structured professional judgement: Moderate on " in \
        summary.trends.text()
    assert summary.restricted.isHidden()


def test_instrument_roles_decide_who_may_start_and_read(qtbot, runner, replica, act,
                                                        psychologist):
    bruno = add_person(act, "Bruno", "Costa")
    completed(replica, psychologist, bruno["id"], "extremism_spj", extremism_answers())
    completed(replica, psychologist, bruno["id"], "criminogenic_needs", needs_answers())
    case_manager = Actor("cm1", "MDI", ("case_manager",))

    page = AssessmentsPage(runner, replica, case_manager)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.person_loaded, timeout=5000):
        page.show_person(bruno["id"])
    offered = set(page.instrument.values)
    # Only psychologists may complete the structured professional judgements.
    assert "ogrs3" in offered and "criminogenic_needs" in offered
    assert "extremism_spj" not in offered and "violence_spj" not in offered
    bands = {page.records.record(r)["instrument_id"]:
             page.records.data(page.records.index(r, 2)) for r in range(page.records.rowCount())}
    assert bands["extremism_spj"] == "(restricted)"
    assert bands["criminogenic_needs"] == "Not applicable"
    assert page.queue_box.isHidden()  # not a supervisor: no countersignature queue

    summary = AssessmentSummary(runner, replica, case_manager)
    qtbot.addWidget(summary)
    with qtbot.waitSignal(summary.loaded, timeout=5000):
        summary.show_person(bruno["id"])
    assert summary.history.rowCount() == 1
    assert summary.restricted.text().startswith("1 completed assessment")
    assert "your role may not read" in summary.restricted.text()

    # Opening the restricted one is refused with the reason, not shown.
    extremism = next(r for r in page.records.records if r["instrument_id"] == "extremism_spj")
    dialog = page.open_assessment(extremism["id"])
    wait_op(qtbot, dialog.load_op)
    assert dialog.error.text().startswith("Role: your role may not read Extremism")
    assert dialog.form is None
    dialog.reject()


def test_the_page_plugs_into_the_main_window(qtbot, make_window, act, psychologist):
    ana = add_person(act, "Ana", "Silva")
    window = make_window(psychologist)
    made = assessments_page(window)
    qtbot.addWidget(made)
    wait_op(qtbot, made.show_person(ana["id"]))
    wait_op(qtbot, made.start_assessment())
    dialog = made.dialog
    qtbot.waitUntil(lambda: dialog.opened is not None, timeout=5000)
    assert dialog.runner is window.runner  # the window's task runner, never the UI thread
    with qtbot.waitSignal(made.changed, timeout=5000) as changed:
        dialog.reject()
    assert changed.args == [ana["id"]]


def test_widgets_destroyed_with_work_in_flight_are_not_called_back(qtbot, runner, replica, act,
                                                                   psychologist):
    ana = add_person(act, "Ana", "Silva")
    page = AssessmentsPage(runner, replica, psychologist)
    summary = AssessmentSummary(runner, replica, psychologist)
    ops = [page.show_person(ana["id"]), summary.show_person(ana["id"])]
    # As the main window does when it rebuilds its pages (a language change).
    page.deleteLater()
    summary.deleteLater()
    for op in ops:
        wait_op(qtbot, op)  # pytest-qt fails the test on any error in a callback
    assert all(op.cancelled and op.error is None for op in ops)
