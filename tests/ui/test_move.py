"""Moving a person: warnings need an explicit override reason."""
from __future__ import annotations

from sqlalchemy import select

from app.core.schema import custody_episode, movement
from app.ui import workflows
from tests.ui.conftest import add_person, admit, wait_op


def test_a_non_association_warning_blocks_the_move_until_an_override_reason_is_given(
        qtbot, make_window, act, replica, facility):
    from app.domain.non_associations import create_non_association

    cells = facility["cells"]
    ana = add_person(act, "Ana", "Silva", sex="F")
    rui = add_person(act, "Rui", "Costa")
    admit(act, ana["id"], cells["A1-01"]["id"], "B1")
    admit(act, rui["id"], cells["A1-02"]["id"], "B2")
    act(create_non_association, person_id=ana["id"], person_role="VICTIM",
        other_person_id=rui["id"], other_person_role="PERPETRATOR", reason="THREAT",
        keep_apart="CELL")
    window = make_window()
    dialog = workflows.start("move", window, ana["id"])
    qtbot.addWidget(dialog)
    wait_op(qtbot, dialog.ready)
    qtbot.waitUntil(lambda: dialog.cell.count() == 2)
    assert "A1-01" in dialog.where.text()
    dialog.cell.setCurrentIndex(dialog.cell.findData(cells["A1-02"]["id"]))
    qtbot.waitUntil(lambda: dialog.warnings.isVisibleTo(dialog), timeout=5000)
    assert "Rui Costa" in dialog.warnings.text() or "non-association" in dialog.warnings.text().lower()

    wait_op(qtbot, dialog.save())
    assert dialog.error.text().startswith("Override reason: an override reason is required")
    with replica.reader.connect() as conn:
        assert conn.execute(select(custody_episode.c.location_id).where(
            custody_episode.c.person_id == ana["id"])).scalar() == cells["A1-01"]["id"]

    dialog.override.setText("Governor approved: Rui moves out tomorrow")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    with replica.reader.connect() as conn:
        moved = conn.execute(select(movement.c.override_reason).where(
            movement.c.person_id == ana["id"], movement.c.movement_type == "INT")).scalar()
    assert moved == "Governor approved: Rui moves out tomorrow"


def test_out_to_court_and_back(qtbot, make_window, act, replica, facility):
    cells = facility["cells"]
    ana = add_person(act, "Ana", "Silva", sex="F")
    admit(act, ana["id"], cells["A1-01"]["id"], "B1")
    window = make_window()
    dialog = workflows.start("move", window, ana["id"])
    qtbot.addWidget(dialog)
    wait_op(qtbot, dialog.ready)
    dialog.kind_buttons["court"].setChecked(True)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    back = workflows.start("move", window, ana["id"])
    qtbot.addWidget(back)
    wait_op(qtbot, back.ready)
    assert back.kind() == "return"
    assert not back.kind_buttons["cell"].isEnabled()
    with qtbot.waitSignal(back.saved, timeout=5000):
        back.save()
    with replica.reader.connect() as conn:
        status = conn.execute(select(custody_episode.c.status).where(
            custody_episode.c.person_id == ana["id"])).scalar()
    assert status == "ACTIVE"
