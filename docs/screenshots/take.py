"""Take the desktop client's screenshots with real demo data.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/take.py

It does what `custos demo` does (a local sync server, a demo replica filled
by app.demo.generator and synced), adds a second device whose edit clashes
with the first one's (so central office has a conflict to look at), then
opens each main screen in the real window and grabs it to PNG in this folder.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
WIDTH, HEIGHT = 1280, 800


def main() -> int:
    import keyring

    from app.demo.generator import generate
    from app.demo.launcher import DEMO_FACILITY, DEMO_USER, DemoEnvironment
    from app.storage.memory_keyring import MemoryKeyring
    from app.storage.replica import open_profile
    from app.sync.engine import SyncEngine

    keyring.set_keyring(MemoryKeyring())
    with DemoEnvironment.create(people=150, seed=7, say=lambda _m: None) as demo:
        demo.prepare_server()
        demo.start_server()
        replica = open_profile("demo")
        other = open_profile("second-desk")
        try:
            demo.sign_in(replica)
            generate(replica, people=150, seed=7, username=DEMO_USER)
            SyncEngine(replica).run()
            demo.sign_in(other)
            SyncEngine(other).run()
            _make_conflict(replica, other, DEMO_USER, DEMO_FACILITY)
            return _shoot(replica, DEMO_USER, DEMO_FACILITY)
        finally:
            other.close()
            replica.close()


def _make_conflict(replica, other, user, facility) -> None:
    """Two desks change one person's last name while apart: one conflict for central office."""
    from sqlalchemy import select

    from app.core.schema import person
    from app.storage.unit_of_work import Actor
    from app.sync.engine import SyncEngine

    actor = Actor(user, facility, ("central_office",))
    with replica.reader.connect() as conn:
        pid, last = conn.execute(select(person.c.id, person.c.last_name)
                                 .order_by(person.c.last_name).limit(1)).one()
    with replica.unit_of_work(actor) as uow:
        uow.update(person, pid, {"last_name": last + "-Reis"})
    with other.unit_of_work(actor) as uow:
        uow.update(person, pid, {"last_name": last + "-Lobo"})
    SyncEngine(replica).run()
    SyncEngine(other).run()


def _shoot(replica, user: str, facility: str) -> int:
    """Open each main screen in the real window and save it as a PNG."""
    from sqlalchemy import select

    from app.core import schema as s
    from app.storage.unit_of_work import Actor
    from app.ui import workflows
    from app.ui.app import create_application
    from app.ui.i18n import install_language
    from app.ui.main_window import MainWindow
    from app.ui.qt import QApplication

    app = create_application(["custos"])
    app.setFont(app.font())  # the platform default, as a workstation shows it
    officer = Actor(user, facility, ("officer",))
    window = MainWindow(replica, officer, demo=True)
    window.resize(WIDTH, HEIGHT)
    window.show()

    def settle(seconds: float = 0.6, until=None) -> None:
        end = time.monotonic() + 15
        while until is not None and not until() and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)
        window.runner.wait()
        app.processEvents()

    def grab(widget, name: str) -> None:
        widget.raise_()
        widget.activateWindow()
        settle(0.3)
        path = HERE / f"{name}.png"
        widget.grab().save(str(path), "PNG")
        print(f"{path.name}: {path.stat().st_size // 1024} KB")

    people = window.open_module("people")
    settle(until=lambda: people.model.rowCount() > 0)
    # The demo records keep non-associated people apart already, so recording
    # one more (as an officer would) between people in different cells gives a
    # move that raises the warning: into the other person's cell, which has room.
    from app.domain.non_associations import create_non_association
    from app.ui.workflows.common import housing_cells

    free = {c["id"] for c in housing_cells(replica, facility)
            if 0 < c["held"] < (c["max_capacity"] or 0)}
    with replica.reader.connect() as conn:
        ep = s.custody_episode
        held = conn.execute(select(ep.c.person_id, ep.c.location_id)
                            .where(ep.c.status == "ACTIVE", ep.c.voided_at.is_(None))
                            .order_by(ep.c.booking_number)).all()
    other_id, other_cell = next((p, c) for p, c in held if c in free)
    pid = next(p for p, c in held if c not in free and c != other_cell)
    with replica.unit_of_work(officer) as uow:
        create_non_association(uow, person_id=pid, person_role="VICTIM",
                               other_person_id=other_id, other_person_role="PERPETRATOR",
                               reason="THREAT", keep_apart="CELL",
                               comment="Threats made on the exercise yard")
    grab(window, "people")

    people.profile.show_person(pid)
    settle(1.0, until=lambda: people.profile.profile is not None)
    people.table.clearSelection()
    grab(window, "profile")

    dialog = workflows.start("move", window, pid)
    settle(until=lambda: dialog.episode is not None and dialog.cell.count() > 0)
    if other_cell is not None and dialog.cell.findData(other_cell) >= 0:
        dialog.cell.setCurrentIndex(dialog.cell.findData(other_cell))
    settle(1.0, until=lambda: dialog.warnings.isVisibleTo(dialog))
    dialog.adjustSize()
    grab(dialog, "move")
    dialog.reject()

    page = window.open_module("activities")
    settle(1.0, until=lambda: page.model.rowCount() > 0)
    grab(window, "register")

    page = window.open_module("roll")
    settle(1.0)
    grab(window, "roll")

    window.switch_role("psychologist")
    page = window.open_module("assessments")
    page.show_person(pid)
    settle(1.0)
    assert page.instrument.choose("ogrs3")
    page.start_assessment()
    settle(1.0, until=lambda: page.dialog is not None and page.dialog.opened is not None)
    dialog = page.dialog
    fields = dialog.form.fields
    fields["sex"].editor.choose("M")
    fields["offence_category"].editor.choose("burglary_domestic")
    for item, text in (("birth_date", "1990-05-01"), ("previous_sanctions", "4"),
                       ("conviction_date", "2024-01-10"), ("first_sanction_date", "2008-03-01"),
                       ("assessment_date", "2024-02-01")):
        fields[item].editor.setText(text)
    settle(0.5)
    dialog.complete()
    settle(1.5, until=lambda: dialog.panel.isVisible())
    dialog.resize(1100, 860)
    grab(dialog, "assessment")
    dialog.close()
    settle(0.5)

    window.switch_role("central_office")
    page = window.open_module("conflicts")
    settle(1.5, until=lambda: page.model.rowCount() > 0)
    grab(window, "conflicts")

    window.switch_role("officer")
    window.settings.set("ui/language", "pt")
    window._settings_changed(["ui/language"])
    people = window.open_module("people")
    settle(1.0, until=lambda: people.model.rowCount() > 0)
    people.profile.show_person(pid)
    settle(1.0, until=lambda: people.profile.profile is not None)
    grab(window, "profile_pt")
    window.settings.set("ui/language", "en")
    install_language("en")
    window.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
