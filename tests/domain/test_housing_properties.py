"""Property tests: any sequence of housing actions keeps the housing invariants.

A Hypothesis state machine admits, moves, sends to court, returns, releases,
transfers people and opens and closes non-associations in a small facility of its
own, in a real replica. A plain model of who is where predicts whether each
action must succeed, be refused, or need an override; after every step the
replica must match the model and hold these invariants:
  - a person in custody has exactly one current location, and it is a cell;
  - no person has two episodes in custody;
  - no cell holds more people than its maximum capacity;
  - no pair of people has two open non-associations;
  - a refused action writes nothing (no row, outbox or audit entry).
A second property: alerts of one code never overlap in time, whatever
sequence of additions and closures is attempted.
"""
from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from hypothesis.stateful import (RuleBasedStateMachine, invariant, rule,
                                 run_state_machine_as_test)
from sqlalchemy import func, select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import alert, custody_episode, location, non_association
from app.domain import alerts, custody, locations, movements, non_associations, people
from app.domain.housing_checks import OverrideRequired
from app.storage.unit_of_work import Actor
from tests.support import outbox_and_audit

# cell code -> (operational, maximum); wing and landing are the code's prefixes.
CELLS = {"A1-1": (1, 1), "A1-2": (1, 2), "A2-1": (2, 2), "B1-1": (1, 2), "B2-1": (1, 1)}
LEVELS = {"CELL": 3, "LANDING": 2, "WING": 1, "FACILITY": 0}
PEOPLE = 4
_facilities = itertools.count(1)


def _path(cell: str) -> dict[int, str]:
    """The ancestors of a cell by tree level, as the model sees them."""
    return {0: "FACILITY", 1: cell[0], 2: cell[:2], 3: cell}


class HousingMachine(RuleBasedStateMachine):
    def __init__(self, replica):
        super().__init__()
        self.replica = replica
        self.code = f"P{next(_facilities):04d}"
        self.actor = Actor("prop", self.code, ("officer",))
        self.now = dt.datetime(2026, 1, 1, 8, 0, tzinfo=dt.timezone.utc)
        self.cell_ids: dict[str, str] = {}
        with replica.unit_of_work(self.actor, now=self.now) as uow:  # one commit for the estate
            root = locations.create_facility(uow, code=self.code, name="Property test").location
            parents = {self.code: root["id"]}
            for cell, (op, mx) in CELLS.items():
                for key, parent, kind in ((cell[0], self.code, "WING"),
                                          (cell[:2], cell[0], "LANDING")):
                    if key not in parents:
                        parents[key] = locations.create_location(
                            uow, parent_id=parents[parent], code=key, name=key, kind=kind)["id"]
                self.cell_ids[cell] = locations.create_location(
                    uow, parent_id=parents[cell[:2]], code=cell, name=cell, kind="CELL",
                    operational_capacity=op, max_capacity=mx)["id"]
            self.elsewhere = f"Q{self.code[1:]}"  # a second facility, to transfer people to
            locations.create_facility(uow, code=self.elsewhere, name="Receiving prison")
            self.people = [people.create_person(
                uow, first_name=f"Prop{self.code}", last_name=f"Person{i}",
                date_of_birth=dt.date(1990, 1, 1 + i), sex="M")["id"] for i in range(PEOPLE)]
        # The model: person index -> (status, cell) while in custody; open pairs -> level.
        self.where: dict[int, tuple[str, str]] = {}
        self.episode: dict[int, str] = {}
        self.apart: dict[frozenset, str] = {}
        self.bookings = itertools.count(1)

    # -- plumbing -------------------------------------------------------------------
    def run(self, fn, **kw):
        self.now += dt.timedelta(minutes=1)
        with self.replica.unit_of_work(self.actor, now=self.now) as uow:
            return fn(uow, **kw)

    def attempt(self, expected, fn, **kw):
        """Run an action; `expected` is None (must succeed) or the error it must raise."""
        before = outbox_and_audit(self.replica)
        if expected is None:
            return self.run(fn, **kw)
        with pytest.raises(expected):
            self.run(fn, **kw)
        assert outbox_and_audit(self.replica) == before, "a refused action wrote something"
        return None

    def held(self, cell: str, but: int | None = None) -> int:
        return sum(1 for i, (_, c) in self.where.items() if c == cell and i != but)

    def placement_outcome(self, i: int, cell: str, override: bool):
        """What placing person i in `cell` must do, by the model."""
        op, mx = CELLS[cell]
        count = self.held(cell, but=i) + 1
        if count > mx:
            return RuleViolation
        warned = count > op or any(
            _path(cell)[LEVELS[level]] == _path(self.where[j][1])[LEVELS[level]]
            for pair, level in self.apart.items() if i in pair
            for j in pair - {i} if j in self.where)
        return OverrideRequired if warned and not override else None

    # -- rules ------------------------------------------------------------------------
    @rule(i=st.integers(0, PEOPLE - 1), cell=st.sampled_from(sorted(CELLS)),
          override=st.booleans())
    def admit(self, i, cell, override):
        expected = RuleViolation if i in self.where else self.placement_outcome(i, cell, override)
        ep = self.attempt(expected, custody.admit, person_id=self.people[i],
                          booking_number=f"{self.code}-{next(self.bookings)}",
                          legal_status="REMAND", location_id=self.cell_ids[cell],
                          override_reason="property test" if override else None)
        if ep is not None:
            self.where[i], self.episode[i] = ("ACTIVE", cell), ep["id"]

    @rule(i=st.integers(0, PEOPLE - 1), cell=st.sampled_from(sorted(CELLS)),
          override=st.booleans())
    def move(self, i, cell, override):
        if i not in self.where:
            return
        status, current = self.where[i]
        if status == "OUT":
            expected = RuleViolation
        elif current == cell:
            expected = ValidationError
        else:
            expected = self.placement_outcome(i, cell, override)
        done = self.attempt(expected, movements.move_within, custody_episode_id=self.episode[i],
                            to_location_id=self.cell_ids[cell],
                            override_reason="property test" if override else None)
        if done is not None:
            self.where[i] = ("ACTIVE", cell)

    @rule(i=st.integers(0, PEOPLE - 1), to_court=st.booleans())
    def go_out(self, i, to_court):
        if i not in self.where:
            return
        expected = RuleViolation if self.where[i][0] == "OUT" else None
        fn = movements.out_to_court if to_court else movements.temporary_absence
        if self.attempt(expected, fn, custody_episode_id=self.episode[i]) is not None:
            self.where[i] = ("OUT", self.where[i][1])

    @rule(i=st.integers(0, PEOPLE - 1), cell=st.none() | st.sampled_from(sorted(CELLS)),
          override=st.booleans())
    def come_back(self, i, cell, override):
        if i not in self.where:
            return
        status, kept = self.where[i]
        target = cell or kept
        expected = (RuleViolation if status != "OUT"
                    else self.placement_outcome(i, target, override))
        done = self.attempt(expected, movements.return_to_facility,
                            custody_episode_id=self.episode[i],
                            to_location_id=cell and self.cell_ids[cell],
                            override_reason="property test" if override else None)
        if done is not None:
            self.where[i] = ("ACTIVE", target)

    @rule(i=st.integers(0, PEOPLE - 1))
    def release(self, i):
        if i not in self.where:
            return
        self.attempt(None, custody.release, custody_episode_id=self.episode[i], reason="BAIL")
        del self.where[i]

    @rule(i=st.integers(0, PEOPLE - 1))
    def transfer(self, i):
        if i not in self.where:
            return
        expected = RuleViolation if self.where[i][0] == "OUT" else None
        if self.attempt(expected, movements.transfer_out, custody_episode_id=self.episode[i],
                        to_facility=self.elsewhere) is not None:
            del self.where[i]

    @rule(i=st.integers(0, PEOPLE - 1), j=st.integers(0, PEOPLE - 1),
          level=st.sampled_from(sorted(LEVELS)))
    def keep_apart(self, i, j, level):
        pair = frozenset((i, j))
        expected = (ValidationError if i == j else
                    RuleViolation if pair in self.apart else None)
        row = self.attempt(expected, non_associations.create_non_association,
                           person_id=self.people[i], person_role="UNKNOWN",
                           other_person_id=self.people[j], other_person_role="UNKNOWN",
                           reason="OTHER", keep_apart=level)
        if row is not None:
            self.apart[pair] = level

    @rule(i=st.integers(0, PEOPLE - 1), j=st.integers(0, PEOPLE - 1), reopen=st.booleans())
    def close_apart(self, i, j, reopen):
        pair = frozenset((i, j))
        if pair not in self.apart:
            return
        row = self.run(non_associations.between, a=self.people[i], b=self.people[j])
        self.attempt(None, non_associations.close_non_association,
                     non_association_id=row["id"], reason="property test")
        level = self.apart.pop(pair)
        if reopen:
            self.attempt(None, non_associations.reopen_non_association,
                         non_association_id=row["id"], reason="property test")
            self.apart[pair] = level

    # -- invariants -----------------------------------------------------------------
    @invariant()
    def replica_matches_model_and_invariants_hold(self):
        with self.replica.reader.connect() as conn:
            held = conn.execute(
                select(custody_episode.c.person_id, custody_episode.c.status,
                       location.c.code, location.c.kind)
                .outerjoin(location, location.c.id == custody_episode.c.location_id)
                .where(custody_episode.c.facility == self.code,
                       custody_episode.c.status.in_(locations.IN_CUSTODY))).all()
            over = conn.execute(
                select(location.c.code, location.c.max_capacity, func.count())
                .join(custody_episode, custody_episode.c.location_id == location.c.id)
                .where(location.c.facility == self.code,
                       custody_episode.c.status.in_(locations.IN_CUSTODY))
                .group_by(location.c.id)
                .having(func.count() > location.c.max_capacity)).all()
            pairs = conn.execute(
                select(non_association.c.pair_key, func.count())
                .where(non_association.c.facility == self.code,
                       non_association.c.status == "OPEN")
                .group_by(non_association.c.pair_key)).all()
        # Exactly one location, and a cell, for everyone in custody.
        assert all(code is not None and kind == "CELL" for _, _, code, kind in held)
        # Nobody in custody twice.
        ids = [pid for pid, *_ in held]
        assert len(ids) == len(set(ids))
        assert over == []
        assert all(n == 1 for _, n in pairs)
        assert {(self.people.index(pid), status, code) for pid, status, code, _ in held} == {
            (i, status, cell) for i, (status, cell) in self.where.items()}
        assert len(pairs) == len(self.apart)


def test_any_sequence_of_housing_actions_keeps_the_invariants(replica):
    run_state_machine_as_test(
        lambda: HousingMachine(replica),
        settings=settings(max_examples=15, stateful_step_count=25, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow]))


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=st.lists(st.tuples(st.sampled_from(["add", "close"]), st.integers(-20, 5),
                                st.none() | st.integers(0, 20)), max_size=6))
def test_alerts_of_one_code_never_overlap(housing, steps):
    """Whatever is added and closed, a code is never active twice on the same day."""
    pid = housing.person()
    today = housing.now.date()
    for op, offset, length in steps:
        day = today + dt.timedelta(days=offset)
        try:
            if op == "add":
                housing.run(alerts.add_alert, person_id=pid, alert_type="H", alert_code="HA",
                            authorised_by="SO", active_from=day,
                            active_to=None if length is None else day + dt.timedelta(days=length))
            else:
                current = housing.run(alerts.active_alerts, person_id=pid)
                if current:
                    housing.run(alerts.close_alert, alert_id=current[0]["id"],
                                reason="review", active_to=day)
        except ValidationError:
            pass  # refused: the invariant must hold whatever was refused
    with housing.replica.reader.connect() as conn:
        periods = conn.execute(select(alert.c.active_from, alert.c.active_to)
                               .where(alert.c.person_id == pid)).all()
    for i, a in enumerate(periods):
        for b in periods[i + 1:]:
            assert not _overlap(a, b), (a, b)


def _overlap(a, b) -> bool:
    """Whether two [from, to) periods (to None = open-ended) share a day."""
    (a0, a1), (b0, b1) = ((f, t or dt.date.max) for f, t in (a, b))
    return a0 < a1 and b0 < b1 and a0 < b1 and b0 < a1
