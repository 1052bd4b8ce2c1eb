"""Helpers for the activities, attendance, assessment, caseload and plan tests."""
from __future__ import annotations

import datetime as dt
import itertools

import pytest

from app.core.schema import (activity, activity_allocation, activity_session,
                             activity_waitlist, assessment, attendance, caseload_assignment,
                             plan_objective, plan_review, plan_step, sentence_plan)
from app.core.errors import ValidationError
from app.domain import people
from tests.support import outbox_and_audit, table_count

UTC = dt.timezone.utc
TODAY = dt.date(2026, 3, 2)  # a Monday; tests act "now" = NOW unless they say otherwise
NOW = dt.datetime(2026, 3, 2, 16, 0, tzinfo=UTC)
REGIME_TABLES = (activity, activity_session, activity_allocation, activity_waitlist,
                 attendance, assessment, caseload_assignment, sentence_plan, plan_objective,
                 plan_step, plan_review)

_names = itertools.count(1)


def run(replica, actor, fn, *, now: dt.datetime = NOW, **kw):
    """Run one action in its own unit of work at a fixed time."""
    with replica.unit_of_work(actor, now=now) as uow:
        return fn(uow, **kw)


def new_person(replica, actor, first_name: str | None = None) -> str:
    """A new person with a unique name; returns their id."""
    n = next(_names)
    row = run(replica, actor, people.create_person, first_name=first_name or f"Test{n}",
              last_name=f"Person{n}", date_of_birth=dt.date(1980, 1, 1) + dt.timedelta(days=n),
              sex="M")
    return row["id"]


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=UTC)


def snapshot(replica) -> tuple:
    """Rows in every table these services write, plus outbox and audit entries."""
    return tuple(table_count(replica, t) for t in REGIME_TABLES) + outbox_and_audit(replica)


def refused(replica, call, fn, field, why, error=ValidationError, /, **kw):
    """`call(fn, **kw)` must fail naming `field` with `why` in the reason, and write nothing:
    no rows in these services' tables, no outbox and no audit entries."""
    before = snapshot(replica)
    with pytest.raises(error) as err:
        call(fn, **kw)
    assert err.value.field == field, err.value
    assert why in err.value.reason, err.value.reason
    assert snapshot(replica) == before
    return err.value
