"""Adding a case note from a person's profile, on the keyboard."""
from __future__ import annotations

from app.core.schema import case_note
from app.ui.qt import Qt
from tests.support import table_count
from app.ui.workflows.case_note import CaseNoteDialog
from tests.ui.conftest import add_person, wait_op


def open_profile(qtbot, window, person_id):
    page = window.open_module("people")
    with qtbot.waitSignal(page.profile.loaded, timeout=5000):
        window.show_person(person_id)
    return page.profile


def test_a_case_note_is_added_from_the_profile_and_shows_on_it(qtbot, make_window, act, replica):
    ana = add_person(act, "Ana", "Silva", sex="F")
    window = make_window()
    window.show()
    profile = open_profile(qtbot, window, ana["id"])
    profile.buttons["case_note"].click()
    dialog = window.findChild(CaseNoteDialog, "caseNoteDialog")
    qtbot.waitUntil(lambda: "Ana Silva" in dialog.who.text())
    dialog.note_type.setCurrentIndex(dialog.note_type.findData("OBS"))
    assert dialog.subtype.currentData().startswith("OBS")
    qtbot.keyClicks(dialog.text, "Calm on the landing, asked about education classes.")
    with qtbot.waitSignal(profile.loaded, timeout=5000):
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert table_count(replica, case_note) == 1
    assert "asked about education classes" in profile.pages["case_notes"].toPlainText()


def test_an_empty_note_is_refused_naming_the_field(qtbot, make_window, act, replica):
    ana = add_person(act, "Ana", "Silva", sex="F")
    window = make_window()
    from app.ui import workflows
    dialog = workflows.start("case_note", window, ana["id"])
    qtbot.addWidget(dialog)
    wait_op(qtbot, dialog.save())
    assert dialog.error.text() == "Text: is required"
    assert dialog.isVisible()
    assert table_count(replica, case_note) == 0


def test_case_notes_page_lists_the_latest_notes_without_sensitive_ones_for_officers(
        qtbot, make_window, act):
    import datetime as dt

    from app.domain.case_notes import add_note
    from app.ui.qt import model_tester_class

    ana = add_person(act, "Ana", "Silva", sex="F")
    now = dt.datetime.now(dt.timezone.utc)
    act(add_note, person_id=ana["id"], note_type="GEN", note_subtype="GEN_NOTE",
        text="Asked for a library visit.", occurred_at=now)
    act(add_note, person_id=ana["id"], note_type="GEN", note_subtype="GEN_NOTE",
        text="Disclosed a health matter.", occurred_at=now, sensitive=True)
    window = make_window()
    page = window.open_module("case_notes")
    tester = model_tester_class()(page.model, model_tester_class().FailureReportingMode.Fatal)
    wait_op(qtbot, page.op)
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, 4)) == "Asked for a library visit."
    del tester


def test_a_note_is_corrected_by_an_amendment_only_by_its_author(qtbot, make_window, act, replica):
    import datetime as dt

    from sqlalchemy import select

    from app.core.schema import case_note as note_table
    from app.domain.case_notes import add_note
    from app.storage.unit_of_work import Actor

    ana = add_person(act, "Ana", "Silva", sex="F")
    now = dt.datetime.now(dt.timezone.utc)
    act(add_note, person_id=ana["id"], note_type="GEN", note_subtype="GEN_NOTE",
        text="Asked for a libary visit.", occurred_at=now)
    window = make_window()
    page = window.open_module("case_notes")
    wait_op(qtbot, page.op)
    dialog = page.amend()
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("Asked for a library visit.")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    with replica.reader.connect() as conn:
        texts = conn.execute(select(note_table.c.text, note_table.c.amends_id)
                             .order_by(note_table.c.recorded_at)).all()
    assert [t.text for t in texts] == ["Asked for a libary visit.", "Asked for a library visit."]
    assert texts[1].amends_id is not None  # the original stays; the amendment points at it

    other = make_window(Actor("officer2", "MDI", ("officer",)))
    other_page = other.open_module("case_notes")
    wait_op(qtbot, other_page.op)
    refused = other_page.amend()
    qtbot.addWidget(refused)
    wait_op(qtbot, refused.save())
    assert "only its author" in refused.error.text()
