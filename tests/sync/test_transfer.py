"""A person transferred to another facility leaves the old facility's replicas."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from app.core.schema import custody_episode, person
from app.domain import custody, locations, movements
from app.sync.engine import SyncEngine
from tests.sync.helpers import new_person


def _sync(rep):
    summary = SyncEngine(rep).run()
    assert summary.completed, summary.error
    assert summary.rejected == 0
    return summary


def _people(rep):
    with rep.reader.connect() as conn:
        return set(conn.execute(select(person.c.id)).scalars())


def test_a_transfer_moves_the_records_out_of_the_old_facility(devices):
    central, carol = devices("central")
    a, alice = devices("a")
    b, _bob = devices("b")
    earlier = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=400)
    # Central office sets up the two prisons (organisation data).
    with central.unit_of_work(carol, now=earlier) as uow:
        mdi = locations.create_facility(uow, code="MDI", name="HMP Moor Dale")
        locations.create_facility(uow, code="LWX", name="HMP Low Cross")
        wing = locations.create_location(uow, parent_id=mdi.location["id"], code="A",
                                         name="A wing", kind="WING")
        landing = locations.create_location(uow, parent_id=wing["id"], code="A1",
                                            name="A1", kind="LANDING")
        cell = locations.create_location(uow, parent_id=landing["id"], code="A1-01",
                                         name="Cell A1-01", kind="CELL", certified_capacity=1,
                                         operational_capacity=1, max_capacity=1)
    _sync(central)
    _sync(a)
    moved = new_person(a, alice, "Sofia", "Transferida")
    with a.unit_of_work(alice) as uow:
        episode = custody.admit(uow, person_id=moved["id"], booking_number="B00001",
                                legal_status="REMAND", location_id=cell["id"],
                                admitted_at=dt.datetime.now(dt.timezone.utc)
                                - dt.timedelta(days=2))
    stays = new_person(a, alice, "Teresa", "Fica")
    _sync(a)
    _sync(b)
    assert {moved["id"], stays["id"]} <= _people(b)

    with a.unit_of_work(alice) as uow:
        movements.transfer_out(uow, custody_episode_id=episode["id"], to_facility="LWX")
    _sync(a)
    gone = _sync(b)
    assert gone.removed >= 2  # the person and their custody records
    assert moved["id"] not in _people(b) and stays["id"] in _people(b)
    with b.reader.connect() as conn:
        left = conn.execute(select(func.count()).select_from(custody_episode)
                            .where(custody_episode.c.person_id == moved["id"])).scalar_one()
    assert left == 0
    # Central office reads every facility: the person is still there, now at LWX.
    _sync(central)
    with central.reader.connect() as conn:
        home = conn.execute(select(person.c.facility).where(person.c.id == moved["id"])).scalar()
    assert home == "LWX"
