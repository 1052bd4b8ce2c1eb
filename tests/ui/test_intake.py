"""Reception and intake: the wizard checks for duplicates before creating anyone."""
from __future__ import annotations

from sqlalchemy import select

from app.core.schema import custody_episode, person
from app.storage.local_tables import audit_log
from app.ui.qt import QWizard
from app.ui.workflows.intake import ADMISSION, DUPLICATES
from tests.support import table_count
from tests.ui.conftest import add_person


def fill_who(qtbot, wizard, first, last, born):
    y, m, d = born
    wizard.first.setText(first)  # QTest types ASCII only
    wizard.last.setText(last)
    from app.ui.qt import QDate
    wizard.born.setDate(QDate(y, m, d))


def next_page(qtbot, wizard, expected):
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == expected, timeout=5000)


def test_a_new_person_is_created_admitted_and_photographed(qtbot, make_window, replica, facility,
                                                           tmp_path):
    from app.ui.qt import QtGui

    photo = QtGui.QImage(90, 120, QtGui.QImage.Format.Format_RGB32)
    photo.fill(QtGui.QColor("darkorange"))
    assert photo.save(str(tmp_path / "joao.jpg"), "JPEG")
    window = make_window()
    window.show()
    wizard = window.start_intake()
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: wizard.cell.count() == 2)
    fill_who(qtbot, wizard, "João", "Gonçalves", (1988, 3, 14))
    wizard.id_type.setCurrentIndex(wizard.id_type.findData("POLICE_NUMBER"))
    qtbot.keyClicks(wizard.id_value, "pn-1001")
    next_page(qtbot, wizard, ADMISSION)  # no duplicates: straight to admission
    qtbot.keyClicks(wizard.booking, "b-1")
    wizard.cell.setCurrentIndex(wizard.cell.findData(facility["cells"]["A1-02"]["id"]))
    qtbot.keyClicks(wizard.photo_path, str(tmp_path / "joao.jpg"))
    with qtbot.waitSignal(wizard.created, timeout=5000) as got:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    pid = got.args[0]
    with replica.reader.connect() as conn:
        ep = conn.execute(select(custody_episode).where(custody_episode.c.person_id == pid)).one()
    assert ep.booking_number == "B-1" and ep.location_id == facility["cells"]["A1-02"]["id"]
    page = window.pages["people"]
    qtbot.waitUntil(lambda: page.profile.profile is not None
                    and page.profile.profile.person_id == pid, timeout=5000)
    assert page.profile.title.text() == "João Gonçalves"
    shown = page.profile.photo.pixmap().toImage()  # the reception photo, on the profile
    assert not shown.isNull()
    assert shown.pixelColor(shown.width() // 2, shown.height() // 2).red() > 200
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=5000)  # and in the list


def test_a_likely_duplicate_is_shown_and_a_new_record_needs_a_reason(
        qtbot, make_window, replica, act, facility):
    add_person(act, "Maria", "Silva", born="1990-05-01", sex="F")
    window = make_window()
    wizard = window.start_intake()
    qtbot.addWidget(wizard)
    fill_who(qtbot, wizard, "maria", "SILVA", (1990, 5, 1))
    wizard.sex.setCurrentIndex(wizard.sex.findData("F"))
    next_page(qtbot, wizard, DUPLICATES)
    assert wizard.dup_list.count() == 1
    assert "Maria Silva" in wizard.dup_list.item(0).text()
    wizard.different.setChecked(True)
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentId() == DUPLICATES
    assert wizard.dup_error.text() == \
        "Why this is a different person: is required to create a new record"
    qtbot.keyClicks(wizard.reason, "different mother's name, confirmed with police")
    next_page(qtbot, wizard, ADMISSION)
    wizard.admit.setChecked(False)
    with qtbot.waitSignal(wizard.created, timeout=5000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert table_count(replica, person) == 2
    with replica.reader.connect() as conn:
        reasons = conn.execute(select(audit_log.c.detail).where(
            audit_log.c.action == "NOT_DUPLICATE")).scalars().all()
    assert reasons[0]["reason"] == "different mother's name, confirmed with police"


def test_choosing_the_existing_record_creates_nobody_and_opens_it(
        qtbot, make_window, replica, act):
    known = add_person(act, "Rui", "Costa", born="1985-02-02",
                       identifiers=[("POLICE_NUMBER", "PN-77")])
    window = make_window()
    window.show()
    wizard = window.start_intake()
    qtbot.addWidget(wizard)
    fill_who(qtbot, wizard, "Ruy", "Costa", (1985, 2, 3))  # typo'd name, but same number
    wizard.id_type.setCurrentIndex(wizard.id_type.findData("POLICE_NUMBER"))
    qtbot.keyClicks(wizard.id_value, "pn-77")
    next_page(qtbot, wizard, DUPLICATES)
    assert "same POLICE_NUMBER" in wizard.dup_list.item(0).text()
    wizard.button(QWizard.WizardButton.NextButton).click()  # "open their record" is the default
    page = window.pages["people"]
    qtbot.waitUntil(lambda: page.profile.profile is not None, timeout=5000)
    assert page.profile.profile.person_id == known["id"]
    assert table_count(replica, person) == 1


def test_a_refused_admission_names_the_field_and_saves_nothing(
        qtbot, make_window, replica, facility):
    window = make_window()
    wizard = window.start_intake()
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: wizard.cell.count() == 2)
    fill_who(qtbot, wizard, "Ana", "Lopes", (1992, 7, 7))
    next_page(qtbot, wizard, ADMISSION)
    wizard.button(QWizard.WizardButton.FinishButton).click()  # no booking number
    qtbot.waitUntil(lambda: "Booking" in wizard.adm_error.text(), timeout=5000)
    assert wizard.adm_error.text() == "Booking number: is required"
    assert table_count(replica, person) == 0
    assert wizard.currentId() == ADMISSION  # still open, nothing lost of what was typed
    assert wizard.first.text() == "Ana"


def test_a_photo_that_is_not_a_picture_refuses_the_whole_intake(qtbot, make_window, replica,
                                                                facility, tmp_path):
    (tmp_path / "scan.png").write_bytes(b"%PDF-1.7 a scanned form, not a photo")
    window = make_window()
    wizard = window.start_intake()
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: wizard.cell.count() == 2)
    fill_who(qtbot, wizard, "Rui", "Costa", (1979, 6, 2))
    next_page(qtbot, wizard, ADMISSION)
    qtbot.keyClicks(wizard.booking, "b-2")
    wizard.cell.setCurrentIndex(wizard.cell.findData(facility["cells"]["A1-02"]["id"]))
    qtbot.keyClicks(wizard.photo_path, str(tmp_path / "scan.png"))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.save_op.done, timeout=5000)
    assert wizard.adm_error.text() == "Image: is not a PNG file"
    assert wizard.isVisible()
    assert table_count(replica, person) == 0 and table_count(replica, custody_episode) == 0
