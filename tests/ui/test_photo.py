"""A photo at reception: chosen by its file, previewed, saved, shown on the profile."""
from __future__ import annotations

from sqlalchemy import select

from app.core.schema import person_photo
from app.ui.qt import QDialog, QtGui, Qt
from tests.ui.conftest import add_person, wait_op


def _picture(path, colour: str) -> str:
    image = QtGui.QImage(120, 160, QtGui.QImage.Format.Format_RGB32)
    image.fill(QtGui.QColor(colour))
    assert image.save(str(path))
    return str(path)


def test_a_photo_is_added_from_the_profile_with_the_keyboard(qtbot, make_window, act, replica,
                                                             tmp_path):
    ana = add_person(act, "Ana", "Silva", sex="F")
    window = make_window()
    window.show()
    people = window.open_module("people")
    wait_op(qtbot, people.profile.show_person(ana["id"]))
    assert people.profile.photo.text() == "No photo"
    button = people.profile.buttons["photo"]
    assert button.isEnabled() and button.text() == "P&hoto…"
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    dialog = window.findChild(QDialog, "photoDialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)

    # A document renamed .txt is refused, naming the field; nothing is written.
    notes = tmp_path / "notes.txt"
    notes.write_text("not a photo")
    qtbot.keyClicks(dialog.path, str(notes))
    assert dialog.preview.text() == "Not a picture this program can show"
    wait_op(qtbot, dialog.save())
    assert dialog.error.text().endswith("must be a .jpg or .png file")

    dialog.path.clear()
    qtbot.keyClicks(dialog.path, _picture(tmp_path / "ana.png", "steelblue"))
    assert not dialog.preview.pixmap().isNull()
    with qtbot.waitSignal(people.profile.loaded, timeout=5000):
        qtbot.keyClick(dialog.path, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    shown = people.profile.photo.pixmap()
    assert not shown.isNull()
    assert shown.toImage().pixelColor(10, 10) == QtGui.QColor("steelblue")
    with replica.reader.connect() as conn:
        assert conn.execute(select(person_photo.c.mime_type)).scalars().all() == ["image/png"]
