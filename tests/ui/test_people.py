"""People: search as you type, the lazy list, the profile with its warnings."""
from __future__ import annotations

import pytest

from app.core.schema import person
from app.storage import bulk_load
from app.ui import people_model
from app.ui.people_model import PeopleModel
from app.ui.people_page import PeoplePage
from app.ui.qt import Qt, model_tester_class
from tests.ui.conftest import add_person, wait_op


def names(model):
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


@pytest.fixture
def page(qtbot, runner, replica, officer):
    p = PeoplePage(runner, replica, officer)
    qtbot.addWidget(p)
    tester = model_tester_class()(p.model, model_tester_class().FailureReportingMode.Fatal)
    p._tester = tester
    return p


def type_and_wait(qtbot, page, text):
    with qtbot.waitSignal(page.searched, timeout=5000,
                          check_params_cb=lambda shown: shown == text):
        page.search.clear()
        qtbot.keyClicks(page.search, text)
    qtbot.waitUntil(lambda: "…" not in names(page.model))


def test_search_as_you_type_ignores_diacritics_and_finds_aliases_and_numbers(qtbot, page, act):
    add_person(act, "José", "Magalhães", identifiers=[("POLICE_NUMBER", "PN-4471")])
    add_person(act, "Maria", "Conceição", sex="F", aliases=[("Mary", "Jones")])
    add_person(act, "Tom", "Smith")

    type_and_wait(qtbot, page, "jose magal")
    assert names(page.model) == ["Magalhães, José"]
    type_and_wait(qtbot, page, "mary jon")
    assert names(page.model) == ["Conceição, Maria"]
    assert page.model.data(page.model.index(0, 3)) == "Mary Jones"  # what matched
    type_and_wait(qtbot, page, "pn-4471")
    assert names(page.model) == ["Magalhães, José"]
    type_and_wait(qtbot, page, "zzz")
    assert names(page.model) == []
    assert "No one matches" in page.status.text()


def test_typing_fast_runs_one_search_for_the_last_text(qtbot, page, act):
    add_person(act, "Ana", "Silva", sex="F")
    add_person(act, "Rui", "Silveira")
    searched = []
    page.searched.connect(searched.append)
    with qtbot.waitSignal(page.searched, timeout=5000):
        qtbot.keyClicks(page.search, "silv")
    qtbot.wait(300)
    assert searched == ["silv"]  # debounced: not one search per keystroke
    qtbot.waitUntil(lambda: "…" not in names(page.model))
    assert sorted(names(page.model)) == ["Silva, Ana", "Silveira, Rui"]


def test_a_search_during_a_first_sync_load_says_people_may_be_missing(
        qtbot, page, act, replica):
    add_person(act, "Ana", "Silva", sex="F")
    with replica.engine.begin() as conn:  # a first sync has begun loading the facility
        bulk_load.begin(conn)
    type_and_wait(qtbot, page, "zzz")
    assert names(page.model) == []
    assert "still loading this facility" in page.status.text()
    assert "No one matches" not in page.status.text()
    bulk_load.finish(replica.engine)
    type_and_wait(qtbot, page, "silv")
    assert names(page.model) == ["Silva, Ana"] and page.status.text() == "1 person"


def test_empty_search_lists_everyone_in_name_order(qtbot, page, act):
    for first, last in [("Zoë", "Adams"), ("Ana", "Brown"), ("Rui", "Costa")]:
        add_person(act, first, last)
    wait_op(qtbot, page.reload())
    qtbot.waitUntil(lambda: "…" not in names(page.model))
    assert names(page.model) == ["Adams, Zoë", "Brown, Ana", "Costa, Rui"]
    assert page.status.text() == "3 people"


def test_the_list_model_holds_ids_and_reads_rows_only_as_they_are_shown(
        qtbot, runner, replica, officer):
    from app.core.sqlite_rows import insert_many
    from app.core.ids import uuid7
    import datetime as dt

    now = dt.datetime.now(dt.timezone.utc)
    rows = [dict(id=uuid7(), version=1, facility="MDI", created_at=now, created_by="t",
                 updated_at=now, updated_by="t", voided_at=None, voided_by=None,
                 void_reason=None, first_name=f"P{i:05d}", middle_names=None,
                 last_name=f"L{i:05d}", date_of_birth=dt.date(1980, 1, 1), sex="M",
                 gender=None, merged_into_id=None) for i in range(5000)]
    with replica.engine.begin() as conn:
        insert_many(conn, person, rows)

    model = PeopleModel(runner, replica)
    wait_op(qtbot, model.load_all())
    assert model.total == 5000
    assert model.rowCount() == people_model.STEP  # the rest comes with fetchMore
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 4000
    # Ask for one far row: it is read on the worker, with its block only.
    assert model.data(model.index(3500, 0)) == "…"
    qtbot.waitUntil(lambda: model.data(model.index(3500, 0)) == "L03500, P03500")
    assert model.fetched_blocks == 1  # nothing else was read
    assert model.data(model.index(3500 + people_model.BLOCK, 0)) == "…"  # next block: not yet
    assert model.data(model.index(3500, 0), Qt.ItemDataRole.UserRole + 1) == rows[3500]["id"]
    # The model obeys Qt's model rules while it loads and fetches.
    tester = model_tester_class()(model, model_tester_class().FailureReportingMode.Fatal)
    wait_op(qtbot, model.load_all())
    qtbot.waitUntil(lambda: not runner.busy)
    del tester


def test_profile_shows_alerts_and_non_associations_as_warnings(qtbot, page, act, supervisor):
    from app.domain.alerts import add_alert
    from app.domain.non_associations import create_non_association

    ana = add_person(act, "Ana", "Silva", sex="F")
    rui = add_person(act, "Rui", "Costa")
    act(add_alert, person_id=ana["id"], alert_type="X", alert_code="XEL", authorised_by="gov1",
        actor=supervisor)
    act(create_non_association, person_id=ana["id"], person_role="VICTIM",
        other_person_id=rui["id"], other_person_role="PERPETRATOR", reason="THREAT",
        keep_apart="LANDING")
    page.show()
    type_and_wait(qtbot, page, "ana silva")
    with qtbot.waitSignal(page.profile.loaded, timeout=5000):
        page.table.selectRow(0)
    view = page.profile
    assert view.title.text() == "Ana Silva"
    assert view.warnings.isVisible()
    text = view.warnings.text()
    assert "XEL" in text and "Rui Costa" in text
    assert "NON-ASSOCIATION" in text
    # Every section exists; the history shows how the record was made.
    assert view.tabs.count() == 11
    assert "officer1" in view.pages["history"].toPlainText()


def test_a_role_that_may_not_read_a_section_is_told_so(qtbot, runner, replica, act):
    from app.storage.unit_of_work import Actor
    from app.ui.profile_view import ProfileView

    ana = add_person(act, "Ana", "Silva", sex="F")
    psych = Actor("psy1", "MDI", ("psychologist",))
    view = ProfileView(runner, replica, psych)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.show_person(ana["id"])
    assert "does not give access" in view.pages["discipline"].toPlainText()
    assert not view.warnings.isVisible()


def test_opening_a_profile_is_recorded_in_the_audit_log(qtbot, runner, replica, officer, act):
    from sqlalchemy import select

    from app.storage.local_tables import audit_log
    from app.ui.profile_view import ProfileView

    ana = add_person(act, "Ana", "Silva", sex="F")
    view = ProfileView(runner, replica, officer)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.show_person(ana["id"])
    with replica.reader.connect() as conn:
        views = conn.execute(select(audit_log.c.username).where(
            audit_log.c.action == "VIEW", audit_log.c.row_id == ana["id"])).all()
    assert [v.username for v in views] == ["officer1"]


def test_keyboard_down_from_search_goes_to_the_list_and_enter_opens(qtbot, page, act):
    add_person(act, "Ana", "Silva", sex="F")
    page.show()
    type_and_wait(qtbot, page, "silva")
    with qtbot.waitSignal(page.profile.loaded, timeout=5000):
        qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus() or page.table.currentIndex().row() == 0
    assert page.profile.title.text() == "Ana Silva"


def test_the_profile_shows_the_latest_photograph(qtbot, runner, replica, officer, act):
    import datetime as dt

    from app.core.schema import person_photo
    from app.ui.profile_view import ProfileView
    from app.ui.qt import QtCore, QtGui

    ana = add_person(act, "Ana", "Silva", sex="F")
    image = QtGui.QImage(60, 80, QtGui.QImage.Format.Format_RGB32)
    image.fill(QtGui.QColor("steelblue"))
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    with replica.unit_of_work(officer) as uow:  # as a photo taken at reception would arrive
        uow.insert(person_photo, dict(person_id=ana["id"], mime_type="image/png",
                                      image=bytes(buffer.data()),
                                      taken_at=dt.datetime.now(dt.timezone.utc)))
    view = ProfileView(runner, replica, officer)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.show_person(ana["id"])
    shown = view.photo.pixmap()
    assert not shown.isNull() and shown.height() == view.photo.height()
    assert shown.toImage().pixelColor(10, 10) == QtGui.QColor("steelblue")


def test_a_role_is_offered_only_the_actions_it_may_record(qtbot, runner, replica):
    from app.storage.unit_of_work import Actor
    from app.ui.profile_view import ProfileView

    psych = ProfileView(runner, replica, Actor("psy1", "MDI", ("psychologist",)))
    qtbot.addWidget(psych)
    offered = [k for k, b in psych.buttons.items() if not b.isHidden()]
    assert offered == ["case_note", "move", "grievance", "photo"]
    officer = ProfileView(runner, replica, Actor("o1", "MDI", ("officer",)))
    qtbot.addWidget(officer)
    assert all(not b.isHidden() for b in officer.buttons.values())


def test_arrowing_through_the_list_opens_only_where_the_officer_stops(qtbot, page, act, replica):
    from sqlalchemy import func, select

    from app.storage.local_tables import audit_log

    for first, last in [("Ana", "Alves"), ("Rui", "Brito"), ("Tom", "Costa"), ("Zoe", "Dias")]:
        add_person(act, first, last)
    page.show()
    wait_op(qtbot, page.reload())
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    page.table.setFocus()
    with qtbot.waitSignal(page.profile.loaded, timeout=5000):
        page.table.selectRow(0)
        for _ in range(3):
            qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.profile.title.text() == "Zoe Dias"
    with replica.reader.connect() as conn:
        views = conn.execute(select(func.count()).select_from(audit_log)
                             .where(audit_log.c.action == "VIEW")).scalar()
    assert views == 1
