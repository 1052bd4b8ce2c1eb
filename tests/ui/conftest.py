"""Fixtures for the desktop client tests: a real replica, real Qt (offscreen)."""
from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture(autouse=True)
def english(qapp):
    """Start every test in English, as a fresh installation does."""
    from app.ui.i18n import install_language

    install_language("en")
    yield
    install_language("en")


@pytest.fixture(autouse=True)
def gc_on_the_ui_thread(qapp):
    """As in the window (app.ui.ui_thread_gc): a test's workers never collect its Qt
    objects. Autouse, so it ends after the fixtures that wait for the workers."""
    from app.ui.ui_thread_gc import install

    collector = install(qapp)
    yield collector
    collector.uninstall()
    collector.deleteLater()


@pytest.fixture
def runner(qapp):
    from app.ui.tasks import TaskRunner

    r = TaskRunner()
    yield r
    r.wait()
    r.deleteLater()


def add_person(act, first, last, born="1990-01-01", sex="M", **kw):
    from app.domain.people import create_person

    return act(create_person, first_name=first, last_name=last,
               date_of_birth=dt.date.fromisoformat(born), sex=sex, **kw)


@pytest.fixture
def make_window(qtbot, replica, officer):
    """Build a MainWindow for an actor (the officer by default)."""
    from app.ui.main_window import MainWindow

    made = []

    def build(actor=None, **kw):
        window = MainWindow(replica, actor or officer, **kw)
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield build
    for window in made:
        window.sync.stop()
        window.idle.stop()
        window.runner.wait()


def wait_op(qtbot, op, timeout=10_000):
    """Wait until a background Op has delivered its outcome on the UI thread."""
    if op is not None and not op.done:
        with qtbot.waitSignal(op.finished, timeout=timeout):
            pass
    return op


@pytest.fixture
def facility(act):
    """Facility MDI: wing A > landing A1 > cells A1-01 (1 place, max 2) and A1-02 (2 places)."""
    from app.domain import locations as loc

    made = act(loc.create_facility, code="MDI", name="Moorland")
    wing = act(loc.create_location, parent_id=made.location["id"], code="A", name="A wing",
               kind="WING")
    landing = act(loc.create_location, parent_id=wing["id"], code="A1", name="A1 landing",
                  kind="LANDING")
    cells = {code: act(loc.create_location, parent_id=landing["id"], code=code, name=code,
                       kind="CELL", certified_capacity=1, operational_capacity=op,
                       max_capacity=2)
             for code, op in (("A1-01", 1), ("A1-02", 2))}
    return {"root": made.location, "wing": wing, "landing": landing, "cells": cells}


def admit(act, person_id, cell_id, booking):
    from app.domain.custody import admit as admit_person

    return act(admit_person, person_id=person_id, booking_number=booking,
               legal_status="REMAND", location_id=cell_id)


# A real sync server with users already signed in on device profiles (from the
# sync tests), for the conflict queue and the rejected inbox.
from tests.sync.conftest import (  # noqa: E402,F401
    devices, server_template, signed_in_server, signed_in_template,
)
