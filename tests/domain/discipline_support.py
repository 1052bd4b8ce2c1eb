"""Helpers for the discipline, case note, grievance and visit tests.

`Desk` runs each action in its own unit of work at a settable "now", makes
people (through app.domain.people), and inserts the few custody, location
and non-association rows these tests need directly, so they do not depend
on the custody and location services. Import the `desk` fixture into a test
module to use it.
"""
from __future__ import annotations

import datetime as dt
import itertools
from contextlib import contextmanager

import pytest

from app.core.schema import REPLICATED_TABLES, custody_episode, location, non_association
from app.domain import people
from app.domain.non_associations import pair_key
from app.storage.unit_of_work import Actor
from tests.support import outbox_and_audit, table_count

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)
HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)

_names = itertools.count(1)

PSYCHOLOGIST = Actor("psych1", "MDI", ("psychologist",))
ADMIN = Actor("admin1", "MDI", ("admin",))


class Desk:
    """One officer's desk: actions at a fixed time, and test data helpers."""

    def __init__(self, replica, actor):
        self.replica, self.actor, self.now = replica, actor, NOW

    def __call__(self, fn, *, actor=None, now=None, **kw):
        """Run `fn(uow, **kw)` in its own unit of work at `now` (default NOW)."""
        with self.replica.unit_of_work(actor or self.actor, now=now or self.now) as uow:
            return fn(uow, **kw)

    def person(self, *, in_custody: bool = True, facility: str = "MDI") -> str:
        """A new person, admitted to `facility` a month ago unless `in_custody` is False."""
        n = next(_names)
        pid = self(people.create_person, first_name=f"Dis{n}", last_name=f"Cipline{n}",
                   date_of_birth=dt.date(1980, 1, 1), sex="M",
                   now=self.now - dt.timedelta(days=40))["id"]
        if in_custody:
            self.insert(custody_episode, person_id=pid, booking_number=f"D{n:05d}",
                        legal_status="REMAND", status="ACTIVE",
                        admitted_at=self.now - dt.timedelta(days=30),
                        actor=Actor("reception", facility, ("officer",)))
        return pid

    def location(self) -> str:
        n = next(_names)
        return self.insert(location, code=f"WING-{n}", name=f"Wing {n}", kind="WING")["id"]

    def keep_apart(self, a: str, b: str, level: str = "WING") -> str:
        """An open non-association between two people."""
        return self.insert(non_association, person_id=a, person_role="VICTIM",
                           other_person_id=b, other_person_role="PERPETRATOR",
                           pair_key=pair_key(a, b), reason="VIOLENCE", keep_apart=level,
                           status="OPEN")["id"]

    def insert(self, table, *, actor=None, **values) -> dict:
        """Insert one row directly, as `actor` (whose facility owns it), before NOW."""
        with self.replica.unit_of_work(actor or self.actor,
                                       now=self.now - dt.timedelta(days=35)) as uow:
            return uow.insert(table, values)

    def get(self, table, row_id: str) -> dict:
        with self.replica.unit_of_work(self.actor) as uow:
            return uow.get(table, row_id, include_voided=True)

    def snapshot(self) -> tuple:
        """Rows in every replicated table, plus outbox and audit entries."""
        return tuple(table_count(self.replica, t) for t in REPLICATED_TABLES.values()) + \
            outbox_and_audit(self.replica)

    @contextmanager
    def writes_nothing(self):
        """Assert that the block leaves no row, outbox entry or audit entry behind."""
        before = self.snapshot()
        yield
        assert self.snapshot() == before, "a refused action wrote something"


@pytest.fixture
def desk(replica, officer):
    return Desk(replica, officer)
