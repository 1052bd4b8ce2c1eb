"""Demo data for the server: facilities, users per role and people with history.

Rows are written as replicated rows with server sequences, exactly as if
devices had pushed them, so a device's first pull receives real data. Rows
are inserted in bulk, one transaction per chunk of people (each under the
sequence lock), so a large data set loads quickly and shows progress.
Everything is reproducible from the seed, the demo passwords included.
"""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select

from app.core import codec
from app.core import roles as R
from app.core.ids import uuid7
from app.core.schema import REPLICATED_TABLES

from ..storage import bulk
from ..storage.sync_tables import change_log, row_index
from ..storage.tables import facility as srv_facility
from ..storage.tables import user
from . import accounts, audit
from .sequences import Allocator

DEMO_FACILITIES = [("MDI", "HMP Moorland"), ("LEI", "HMP Leeds"), ("BRX", "HMP Brixton"),
                   ("WDI", "HMP Wakefield"), ("BWI", "HMP Berwyn"), ("NMI", "HMP Nottingham"),
                   ("PVI", "HMP Pentonville"), ("DMI", "HMP Durham")]
FACILITY_ROLES = (R.OFFICER, R.SUPERVISOR, R.PSYCHOLOGIST, R.CASE_MANAGER, R.ADMIN)
_WORDS = ("amber", "birch", "cobalt", "delta", "ember", "fjord", "garnet", "harbor", "indigo",
          "juniper", "kestrel", "lumen", "meadow", "nimbus", "orchid", "pebble", "quartz",
          "raven", "saffron", "tundra", "umber", "violet", "willow", "zephyr")
_FIRST = ("James", "Mohammed", "Daniel", "Liam", "Oliver", "Aisha", "Sarah", "Emma", "Kwame",
          "Tomasz", "Ravi", "Chloe", "Noah", "Leah", "Jack", "Grace", "Adam", "Sofia")
_LAST = ("Smith", "Khan", "Jones", "Williams", "Taylor", "Brown", "Nowak", "Patel", "Davies",
         "Evans", "Okafor", "Wilson", "Walker", "Wright", "Hughes", "Green", "Hall", "Clarke")
ACTOR = "demo-data"
CHUNK = 500


@dataclass(frozen=True)
class DemoAccount:
    username: str
    roles: tuple[str, ...]
    facility: str | None
    password: str


def _password(rng: random.Random) -> str:
    return "-".join(rng.choice(_WORDS) for _ in range(3)) + str(rng.randint(10, 99))


def create_accounts(engine: Engine, *, facilities: int, rng: random.Random,
                    now: dt.datetime, origin: audit.Origin) -> list[DemoAccount]:
    """Facilities and one user per role and facility (plus central office); existing
    ones are kept. Returns the accounts created, with their passwords."""
    made: list[DemoAccount] = []
    codes = DEMO_FACILITIES[:facilities]
    with engine.begin() as conn:
        known = set(conn.execute(select(srv_facility.c.code)).scalars())
        users = set(conn.execute(select(user.c.username)).scalars())
        for code, name in codes:
            if code not in known:
                accounts.add_facility(conn, code=code, name=name, now=now, actor=ACTOR,
                                      origin=origin)
        wanted = [(f"{role.replace('_', '')}.{code.lower()}", (role,), code)
                  for code, _ in codes for role in FACILITY_ROLES]
        wanted.append(("central.office", (R.CENTRAL_OFFICE,), None))
        for username, roles, code in wanted:
            password = _password(rng)
            if username in users:
                continue
            accounts.add_user(conn, username=username, password=password, roles=roles,
                              facilities=[code] if code else [], now=now, actor=ACTOR,
                              origin=origin)
            made.append(DemoAccount(username, roles, code, password))
    return made


class _Batch:
    """Rows for one transaction, by table, each with its JSON form for the change log."""

    def __init__(self, now: dt.datetime):
        self.now = now
        self.rows: dict[str, list[dict]] = {}
        self.order: list[tuple[str, dict]] = []

    def add(self, table: str, facility: str, **values: Any) -> dict:
        row = {c.name: None for c in REPLICATED_TABLES[table].columns}
        for column in REPLICATED_TABLES[table].columns:
            if column.default is not None and not callable(column.default.arg):
                row[column.name] = column.default.arg
        row.update(id=uuid7(), version=1, facility=facility, created_at=self.now,
                   created_by=ACTOR, updated_at=self.now, updated_by=ACTOR, **values)
        for column in REPLICATED_TABLES[table].columns:  # the database fills its own defaults
            if row[column.name] is None and column.server_default is not None:
                del row[column.name]
        self.rows.setdefault(table, []).append(row)
        self.order.append((table, row))
        return row

    def write(self, engine: Engine) -> int:
        if not self.order:
            return 0
        with engine.begin() as conn:
            alloc = Allocator(conn)
            seqs = alloc.take(len(self.order))
            changes, index = [], []
            for seq, (table, row) in zip(seqs, self.order):
                applied = {k: [None, codec.to_json(v)] for k, v in row.items()
                           if v is not None and k != "id"}
                changes.append(dict(server_seq=seq, kind="demo", table_name=table,
                                    row_id=row["id"], facility=row["facility"], op="insert",
                                    changes=applied, username=ACTOR, device_id=None,
                                    device_seq=None, op_id=None, conflict_id=None,
                                    received_at=self.now))
                index.append(dict(table_name=table, row_id=row["id"], server_seq=seq,
                                  facility=row["facility"], origin_device=None,
                                  field_meta={"*": seq}))
            # Parents before children, for the foreign keys.
            for table in REPLICATED_TABLES:
                if table in self.rows:
                    conn.execute(REPLICATED_TABLES[table].insert(), self.rows[table])
            conn.execute(change_log.insert(), changes)
            conn.execute(row_index.insert(), index)
            alloc.finish()
        return len(self.order)


def _organisation(engine: Engine, codes: list[tuple[str, str]], now: dt.datetime
                  ) -> dict[str, list[str]]:
    """Facility rows and a small location tree per facility; returns cell ids by facility."""
    batch = _Batch(now)
    cells: dict[str, list[str]] = {}
    with engine.connect() as conn:
        have = set(conn.execute(select(REPLICATED_TABLES["facility"].c.code)).scalars())
        location = REPLICATED_TABLES["location"]
        existing = conn.execute(select(location.c.id, location.c.facility)
                                .where(location.c.kind == "CELL")).all()
    for cell_id, code in existing:
        cells.setdefault(code, []).append(cell_id)
    for code, name in codes:
        if code in have:
            continue
        batch.add("facility", code, code=code, name=name)
        root = batch.add("location", code, code=code, name=name, kind="FACILITY")
        for wing in "AB":
            w = batch.add("location", code, parent_id=root["id"], code=f"{code}-{wing}",
                          name=f"{wing} wing", kind="WING")
            for n in range(1, 21):
                cell = batch.add("location", code, parent_id=w["id"], code=f"{code}-{wing}-{n:03d}",
                                 name=f"Cell {wing}{n:03d}", kind="CELL", certified_capacity=1,
                                 operational_capacity=2, max_capacity=2)
                cells.setdefault(code, []).append(cell["id"])
    batch.write(engine)
    return cells


def create_people(engine: Engine, *, people: int, facilities: int, rng: random.Random,
                  now: dt.datetime, progress: Callable[[int, int, int], None]) -> int:
    """`people` people spread over the demo facilities, each with an admission, offence,
    sentence, identifiers, and some alerts, case notes and assessments."""
    codes = DEMO_FACILITIES[:facilities]
    cells = _organisation(engine, codes, now)
    total_rows = 0
    done = 0
    while done < people:
        batch = _Batch(now)
        for _ in range(min(CHUNK, people - done)):
            code = codes[rng.randrange(len(codes))][0]
            _person(batch, rng, code, rng.choice(cells[code]), now)
        done += min(CHUNK, people - done)
        total_rows += batch.write(engine)
        progress(done, people, total_rows)
    bulk.refresh_statistics(engine, [*REPLICATED_TABLES.values(), change_log, row_index])
    return total_rows


def _person(batch: _Batch, rng: random.Random, code: str, cell: str, now: dt.datetime) -> None:
    admitted = now - dt.timedelta(days=rng.randint(1, 2000), minutes=rng.randint(0, 1439))
    p = batch.add("person", code, first_name=rng.choice(_FIRST), last_name=rng.choice(_LAST),
                  date_of_birth=dt.date(rng.randint(1950, 2004), rng.randint(1, 12),
                                        rng.randint(1, 28)),
                  sex=rng.choice("MMMMF"))
    pid = p["id"]
    batch.add("person_identifier", code, person_id=pid, id_type="PRISON_NUMBER",
              value=f"A{rng.randint(1000, 9999)}{rng.choice('ABCDEFGH')}{rng.choice('JKLMN')}")
    ep = batch.add("custody_episode", code, person_id=pid,
                   booking_number=f"{code}-{rng.randint(100000, 999999)}",
                   legal_status=rng.choice(["SENTENCED", "SENTENCED", "REMAND"]),
                   status="ACTIVE", admitted_at=admitted, location_id=cell,
                   incentive_level="STD")
    batch.add("movement", code, person_id=pid, custody_episode_id=ep["id"], movement_type="ADM",
              direction="IN", reason="NEW_ADMISSION", to_location_id=cell, occurred_at=admitted)
    batch.add("offence", code, person_id=pid, custody_episode_id=ep["id"],
                    code=f"OF{rng.randint(100, 999)}", description="Demo offence",
                    category=rng.choice(["violence", "robbery", "burglary_domestic",
                                         "public_order"]),
                    committed_on=(admitted - dt.timedelta(days=rng.randint(30, 400))).date())
    if ep["legal_status"] == "SENTENCED":
        batch.add("sentence", code, person_id=pid, custody_episode_id=ep["id"],
                  sentence_type=rng.choice(["SDS", "SDS40", "EDS"]),
                  length_days=rng.randint(90, 3650), start_date=admitted.date(),
                  court="Crown Court", sentenced_on=admitted.date())
    if rng.random() < 0.3:
        batch.add("alert", code, person_id=pid, alert_type="X", alert_code="XEL",
                  active_from=admitted.date(), authorised_by="demo.supervisor")
    for sensitive in (False, rng.random() < 0.2):
        batch.add("case_note", code, person_id=pid, note_type="GEN", note_subtype="GEN_NOTE",
                  text="Health and wellbeing discussed." if sensitive else "Settled on the wing.",
                  sensitive=sensitive, restricted_use=False, occurred_at=admitted,
                  recorded_at=admitted, author="demo.officer")
    if rng.random() < 0.3:
        batch.add("assessment", code, person_id=pid, instrument_id="OGRS3",
                  instrument_version="1", status="COMPLETED",
                  answers={"age_at_first_sanction": rng.randint(12, 40)},
                  scores={"probability_2y": round(rng.random(), 3)}, assessor="demo.psychologist",
                  completed_at=admitted + dt.timedelta(days=5))
