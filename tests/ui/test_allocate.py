"""Allocating a person to an activity from their record; a full one offers its waiting list."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.core.schema import activity_allocation, activity_waitlist
from app.domain import activities
from app.ui import workflows
from tests.ui.conftest import add_person, wait_op


def test_allocation_then_a_full_activity_offers_the_waiting_list(qtbot, make_window, act, replica):
    gym = act(activities.create_activity, code="GYM", name="Gym", category="GYM", capacity=1,
              start_date=dt.date.today() - dt.timedelta(days=30))
    ana = add_person(act, "Ana", "Silva", sex="F")
    rui = add_person(act, "Rui", "Costa")
    window = make_window()
    first = workflows.start("allocate", window, ana["id"])
    qtbot.addWidget(first)
    wait_op(qtbot, first.ready)
    assert first.activity.currentData() == gym["id"]
    with qtbot.waitSignal(first.accepted, timeout=5000):
        first.save()
    second = workflows.start("allocate", window, rui["id"])
    qtbot.addWidget(second)
    wait_op(qtbot, second.ready)
    wait_op(qtbot, second.save())
    assert "is full" in second.error.text()
    assert second.waitlist.isVisibleTo(second)
    with qtbot.waitSignal(second.accepted, timeout=5000):
        second.waitlist.click()
    with replica.reader.connect() as conn:
        assert conn.execute(select(activity_allocation.c.person_id)).scalars().all() == [ana["id"]]
        assert conn.execute(select(activity_waitlist.c.person_id, activity_waitlist.c.status)
                            ).all() == [(rui["id"], "WAITING")]
