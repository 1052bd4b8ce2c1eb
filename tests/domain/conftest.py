"""Fixtures for the domain tests.

`housing` builds two real facilities through the location services and
offers small helpers to create people and admit them, at a fixed "now".
"""
from __future__ import annotations

import datetime as dt
import itertools

import pytest

from app.core.schema import (alert, charge, custody_episode, facility, location, movement,
                             non_association, offence, sentence)
from app.domain import custody, locations, people
from tests.support import outbox_and_audit, table_count

HOUSING_NOW = dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.timezone.utc)
HOUSING_TABLES = (facility, location, custody_episode, movement, alert, non_association,
                  offence, charge, sentence)

_housing_names = itertools.count(1)


class Housing:
    """Two facilities (MDI with wings A and B, and LEI) and helpers to act on them.

    MDI                      LEI
      A  (wing)                A
        A1 (landing)             A1
          A1-01  op 1, max 2       A1-01  op 2, max 2
          A1-02  op 1, max 1
        A2
          A2-01  op 2, max 2
      B
        B1
          B1-01  op 1, max 1
    """

    def __init__(self, replica, actor):
        self.replica, self.actor, self.now = replica, actor, HOUSING_NOW
        self.ids: dict[str, str] = {}
        # One unit of work for the whole estate: a commit costs an fsync.
        with replica.unit_of_work(actor, now=self.now - dt.timedelta(days=365)) as uow:
            for code, cells in (("MDI", {"A1-01": (1, 2), "A1-02": (1, 1), "A2-01": (2, 2),
                                         "B1-01": (1, 1)}),
                                ("LEI", {"A1-01": (2, 2)})):
                made = locations.create_facility(uow, code=code, name=f"HMP {code}")
                self.ids[code] = made.location["id"]
                for cell, (op, mx) in cells.items():
                    wing, landing = cell[0], cell[:2]
                    for key, parent, kind in ((f"{code}:{wing}", code, "WING"),
                                              (f"{code}:{landing}", f"{code}:{wing}", "LANDING")):
                        if key not in self.ids:
                            self.ids[key] = locations.create_location(
                                uow, parent_id=self.ids[parent], code=key.split(":")[1],
                                name=key, kind=kind)["id"]
                    self.ids[f"{code}:{cell}"] = locations.create_location(
                        uow, parent_id=self.ids[f"{code}:{landing}"], code=cell,
                        name=f"Cell {cell}", kind="CELL", certified_capacity=op,
                        operational_capacity=op, max_capacity=mx)["id"]

    def __getitem__(self, key: str) -> str:
        """A location id: "A1-01" (MDI) or "LEI:A1-01"."""
        return self.ids[key if ":" in key or key in ("MDI", "LEI") else f"MDI:{key}"]

    def run(self, fn, *, actor=None, now=None, **kw):
        """One action in its own unit of work, at `now` (default the fixed test time)."""
        with self.replica.unit_of_work(actor or self.actor, now=now or self.now) as uow:
            return fn(uow, **kw)

    def person(self, *, date_of_birth: dt.date = dt.date(1985, 6, 1), **kw) -> str:
        """A new person with a unique name; returns their id."""
        n = next(_housing_names)
        return self.run(people.create_person, first_name=kw.pop("first_name", f"Hou{n}"),
                        last_name=kw.pop("last_name", f"Sing{n}"),
                        date_of_birth=date_of_birth, sex="M", **kw)["id"]

    def admit(self, person_id: str, cell: str, **kw) -> dict:
        """Admit `person_id` into `cell` a day before now; returns the episode."""
        n = next(_housing_names)
        args = dict(person_id=person_id, booking_number=f"B{n:05d}", legal_status="REMAND",
                    location_id=self[cell], admitted_at=self.now - dt.timedelta(days=1))
        args.update(kw)
        return self.run(custody.admit, **args)

    def episode(self, episode_id: str) -> dict:
        with self.replica.unit_of_work(self.actor) as uow:
            return uow.get(custody_episode, episode_id)

    def snapshot(self) -> tuple:
        """Rows in every housing and custody table, plus outbox and audit entries."""
        return tuple(table_count(self.replica, t) for t in HOUSING_TABLES) + \
            outbox_and_audit(self.replica)


@pytest.fixture
def housing(replica, officer):
    return Housing(replica, officer)


@pytest.fixture
def writes_nothing(housing):
    """`with writes_nothing(), pytest.raises(...):` also asserts no row, outbox or audit entry."""
    from contextlib import contextmanager

    @contextmanager
    def check():
        before = housing.snapshot()
        yield
        assert housing.snapshot() == before

    return check

