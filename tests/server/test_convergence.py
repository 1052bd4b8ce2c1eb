"""A Hypothesis state machine: several devices edit the same people offline, push (with
lost responses and replays) and pull in any order. Whatever happens:

- once everything is pushed and pulled, every replica equals the server;
- every value a device pushed and the server acknowledged is either applied
  (in the change log) or held in a conflict record: nothing is discarded;
- every change is received once and applied at most once, however often it is sent.
"""
from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (RuleBasedStateMachine, initialize, invariant, rule,
                                 run_state_machine_as_test)
from sqlalchemy import func, select

from sync_server.storage.sync_tables import change_log, conflict, received

from .conftest import reset
from .support import person_values

FIELDS = ("first_name", "last_name", "middle_names")
VALUES = st.sampled_from(["Ada", "Grace", "Mary", "Ann", None])
USERS = ("officer1", "officer2", "super1")


class Offline(RuleBasedStateMachine):
    server = None  # set by the test

    @initialize()
    def start(self):
        srv = type(self).server
        url, engine, seed = srv.seed_info
        reset(engine, seed)
        self.devices = [srv.login(name) for name in USERS]
        self.outbox = {d.device_id: [] for d in self.devices}
        self.unsent_twice = {d.device_id: [] for d in self.devices}
        self.people = []
        creator = self.devices[0]
        changes = []
        for i in range(2):
            pid, ins = creator.insert("person", {**person_values(f"P{i}", "Base"),
                                                 "middle_names": "Base"})
            changes.append(ins)
            self.people.append(pid)
        creator.push(changes)
        for dev in self.devices:
            dev.sync_down()

    @rule(who=st.integers(0, 2), which=st.integers(0, 1), field=st.sampled_from(FIELDS),
          value=VALUES)
    def edit(self, who, which, field, value):
        dev = self.devices[who]
        row = dev.replica[("person", self.people[which])]
        if field != "middle_names" and value is None:
            value = "Nobody"  # first and last names are required
        if row.get(field) == value:
            return
        change = dev.update("person", self.people[which], {field: [row.get(field), value]})
        row[field] = value  # the local replica shows the edit at once
        self.outbox[dev.device_id].append(change)

    @rule(who=st.integers(0, 2), lose_response=st.booleans())
    def push(self, who, lose_response):
        dev = self.devices[who]
        box = self.outbox[dev.device_id]
        if not box:
            return
        result = dev.push(box)
        assert len(result["results"]) == len(box)
        assert all(r["outcome"] != "rejected" for r in result["results"]), result
        if not lose_response:  # otherwise the device never heard back and sends it again
            box.clear()

    @rule(who=st.integers(0, 2))
    def pull(self, who):
        dev = self.devices[who]
        if self.outbox[dev.device_id]:
            return  # pulled rows never overwrite pending local edits
        dev.sync_down(limit=3)

    @invariant()
    def nothing_received_twice(self):
        if not hasattr(self, "devices"):
            return
        with type(self).server.engine.connect() as conn:
            dup = conn.execute(select(received.c.op_id).group_by(received.c.op_id)
                               .having(func.count() > 1)).all()
            applied_twice = conn.execute(
                select(change_log.c.op_id).where(change_log.c.op_id.is_not(None),
                                                 change_log.c.kind == "push")
                .group_by(change_log.c.op_id).having(func.count() > 1)).all()
        assert not dup and not applied_twice

    def teardown(self):
        if not hasattr(self, "devices"):
            return
        for dev in self.devices:
            box = self.outbox[dev.device_id]
            if box:
                dev.push(box)
                box.clear()
        for dev in self.devices:
            dev.sync_down()
        server_rows = {}
        with type(self).server.engine.connect() as conn:
            for pid in self.people:
                snap = self.devices[2].replica[("person", pid)]
                server_rows[pid] = snap
            log = conn.execute(select(change_log.c.op_id, change_log.c.row_id,
                                      change_log.c.changes)).all()
            kept = conn.execute(select(conflict.c.client_op_id, conflict.c.field,
                                       conflict.c.client_value)).all()
            acked = conn.execute(select(received.c.op_id, received.c.row_id,
                                        received.c.changes, received.c.outcome)).all()
        for dev in self.devices:
            for pid in self.people:
                assert dev.replica[("person", pid)] == server_rows[pid]
        applied = {(op, f) for op, _row, changes in log if op for f in changes}
        written = {(row, f, repr(pair[1])) for _op, row, changes in log
                   for f, pair in changes.items()}
        held = {(op, f, repr(v)) for op, f, v in kept}
        for op, row, changes, outcome in acked:
            assert outcome in ("applied", "conflict")
            for field, (_before, after) in changes.items():
                # Applied by this change, or held in a conflict, or already the value
                # another change had written (the same edit made twice).
                assert ((op, field) in applied or (op, field, repr(after)) in held
                        or (row, field, repr(after)) in written), (op, field, after)

def test_devices_converge_and_nothing_acknowledged_is_lost(server, database, request,
                                                           backend):
    url, engine = database
    seed = request.getfixturevalue(f"{backend}_database")[2]
    server.seed_info = (url, engine, seed)
    Offline.server = server
    run_state_machine_as_test(Offline, settings=settings(
        max_examples=6, stateful_step_count=14, deadline=None, database=None,
        suppress_health_check=list(HealthCheck)))
