"""The unit roll: who is where, counts per unit, and who is out."""
from __future__ import annotations

from app.domain.movements import out_to_court
from app.ui.qt import model_tester_class
from tests.ui.conftest import add_person, admit, wait_op


def cells_text(model):
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_roll_counts_people_in_and_out_per_unit(qtbot, make_window, act, facility):
    cells = facility["cells"]
    ana = add_person(act, "Ana", "Silva", sex="F")
    rui = add_person(act, "Rui", "Costa")
    ep = admit(act, ana["id"], cells["A1-01"]["id"], "B1")
    admit(act, rui["id"], cells["A1-02"]["id"], "B2")
    act(out_to_court, custody_episode_id=ep["id"])
    window = make_window()
    page = window.open_module("roll")
    testers = [model_tester_class()(m, model_tester_class().FailureReportingMode.Fatal)
               for m in (page.units, page.people, page.out, page.tree_model)]
    wait_op(qtbot, page.op)
    assert cells_text(page.units) == [["A wing (A)", "1", "1", "2", "3", "1"]]
    assert page.summary.text() == "Roll: 1 in, 1 out, 2 in total"
    assert cells_text(page.out) == [["Silva, Ana", "B1", "Court", "A1-01"]]
    qtbot.waitUntil(lambda: page.people.rowCount() == 2)
    assert cells_text(page.people) == [["A1-01", "Silva, Ana", "B1", "out"],
                                       ["A1-02", "Costa, Rui", "B2", "in"]]
    del testers


def test_the_location_tree_shows_what_each_level_holds(qtbot, make_window, act, facility):
    from app.domain.locations import deactivate_location

    ana = add_person(act, "Ana", "Silva", sex="F")
    admit(act, ana["id"], facility["cells"]["A1-02"]["id"], "B1")
    act(deactivate_location, location_id=facility["cells"]["A1-01"]["id"], reason="flooded")
    window = make_window()
    page = window.open_module("roll")
    tester = model_tester_class()(page.tree_model, model_tester_class().FailureReportingMode.Fatal)
    wait_op(qtbot, page.tree_op)
    m = page.tree_model
    root = m.index(0, 0)
    assert m.data(root) == "MDI — Moorland" and m.data(m.index(0, 2)) == "1"
    wing = m.index(0, 0, root)
    landing = m.index(0, 0, wing)
    cells = {m.data(m.index(r, 0, landing)): m.data(m.index(r, 4, landing))
             for r in range(m.rowCount(landing))}
    assert cells == {"A1-01 — A1-01": "out of use: flooded", "A1-02 — A1-02": "in use"}
    del tester
