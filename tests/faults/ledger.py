"""Nothing lost, nothing duplicated: compare what clients wrote with the server.

These checks read the clients' outboxes and the server's own tables
(srv_received, srv_device, srv_change, srv_conflict and the replicated
tables), so a fault test can assert the guarantee after the dust settles:

- `assert_all_acked`: every change a client wrote was acknowledged;
- `assert_each_change_once`: the server received each outbox entry exactly
  once (one srv_received row per device sequence, with the same op id) and
  logged each accepted one under exactly one server sequence;
- `assert_effects_on_server`: every acknowledged change's values are what
  the server applied under its sequence, or sit in a conflict record;
- `assert_matches_server`: a replica holds exactly the server's rows (the
  ones its facility may read), so pulls neither lost nor doubled anything.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

from sqlalchemy import func, select

from app.core.codec import row_to_json, to_json
from app.storage.local_tables import outbox
from sync_server.storage.sync_tables import change_log, conflict, device, received


def outbox_entries(rep) -> list[dict[str, Any]]:
    """The replica's outbox, oldest first."""
    with rep.reader.connect() as conn:
        return [dict(r) for r in conn.execute(select(outbox).order_by(outbox.c.seq)).mappings()]


def assert_all_acked(rep) -> list[dict[str, Any]]:
    entries = outbox_entries(rep)
    statuses = Counter(e["status"] for e in entries)
    assert set(statuses) <= {"ACKED"}, f"outbox of {rep.device_id}: {dict(statuses)}"
    return entries


def assert_each_change_once(engine, rep) -> None:
    """The server holds each of `rep`'s outbox entries once, under one server sequence."""
    entries = outbox_entries(rep)
    with engine.connect() as conn:
        got = conn.execute(select(received.c.device_seq, received.c.op_id, received.c.outcome,
                                  received.c.server_seq)
                           .where(received.c.device_id == rep.device_id)
                           .order_by(received.c.device_seq)).all()
        last = conn.execute(select(device.c.last_seq)
                            .where(device.c.device_id == rep.device_id)).scalar()
        logged = conn.execute(select(change_log.c.op_id, change_log.c.server_seq)
                              .where(change_log.c.device_id == rep.device_id,
                                     change_log.c.kind == "push")).all()
    assert [(e["seq"], e["op_id"]) for e in entries] == [(r[0], r[1]) for r in got], \
        "the server received exactly the client's outbox, in order, once each"
    assert (last or 0) == (entries[-1]["seq"] if entries else 0)
    accepted = {r[1]: r[3] for r in got if r[2] != "rejected"}
    counts = Counter(op for op, _seq in logged)
    assert all(n == 1 for n in counts.values()), \
        f"changes logged twice: {[op for op, n in counts.items() if n > 1]}"
    assert dict(logged) == accepted, "each accepted change has exactly one server sequence"
    acked = {e["op_id"]: e["server_seq"] for e in entries if e["status"] == "ACKED"}
    assert acked == {op: seq for op, seq in accepted.items() if op in acked}, \
        "the client recorded the server sequence the server gave"


def assert_effects_on_server(engine, reps: Iterable) -> int:
    """Each acknowledged field change is applied under its server sequence or kept in a
    conflict record with the client's value. Returns how many field changes were checked."""
    checked = 0
    with engine.connect() as conn:
        for rep in reps:
            for entry in outbox_entries(rep):
                if entry["status"] != "ACKED":
                    continue
                applied = conn.execute(select(change_log.c.changes)
                                       .where(change_log.c.server_seq == entry["server_seq"])
                                       ).scalar_one()
                if entry["op"] == "void" and not applied:
                    # Voiding a voided row changes nothing by design (merge_void): the
                    # first void stands; the second is kept, whole, in srv_received.
                    _assert_void_kept(conn, rep, entry)
                    checked += 1
                    continue
                kept = {f: v for f, v in conn.execute(
                    select(conflict.c.field, conflict.c.client_value)
                    .where(conflict.c.client_op_id == entry["op_id"])).all()}
                for name, (_before, after) in entry["changes"].items():
                    if name in kept:
                        assert kept[name] == after, (entry["op_id"], name)
                    elif name not in applied:
                        # Not applied because the server already held that value.
                        held = _value_before(conn, entry, name)
                        assert held == after, (
                            f"acked change {entry['op_id']} ({entry['table_name']}.{name} = "
                            f"{after!r}, seq {entry['server_seq']}) is neither applied nor in "
                            f"a conflict record; the server held {held!r}")
                    else:
                        assert applied[name][1] == after, (entry["op_id"], name, applied[name])
                    checked += 1
    return checked


def _value_before(conn, entry, name: str):
    """The value of field `name` of the entry's row on the server just before the
    entry's server sequence (from the change log)."""
    history = conn.execute(select(change_log.c.changes)
                           .where(change_log.c.table_name == entry["table_name"],
                                  change_log.c.row_id == entry["row_id"],
                                  change_log.c.server_seq < entry["server_seq"])
                           .order_by(change_log.c.server_seq.desc())).scalars()
    for changes in history:
        if name in changes:
            return changes[name][1]
    return "<never set>"


def _assert_void_kept(conn, rep, entry) -> None:
    from app.core.schema import REPLICATED_TABLES

    table = REPLICATED_TABLES[entry["table_name"]]
    voided = conn.execute(select(table.c.voided_at)
                          .where(table.c.id == entry["row_id"])).scalar()
    assert voided is not None, f"void {entry['op_id']} acked but the row is not void"
    held = conn.execute(select(received.c.changes)
                        .where(received.c.device_id == rep.device_id,
                               received.c.device_seq == entry["seq"])).scalar_one()
    assert held == entry["changes"], "the second void is kept whole on the server"


def server_rows(engine, table, facility: str | None = None) -> dict[str, dict]:
    """{id: JSON row} of `table` on the server (one facility's, if given)."""
    stmt = select(table)
    if facility is not None:
        stmt = stmt.where(table.c.facility == facility)
    with engine.connect() as conn:
        return {r["id"]: _normal(r) for r in conn.execute(stmt).mappings()}


def replica_rows(rep, table) -> dict[str, dict]:
    with rep.reader.connect() as conn:
        return {r["id"]: _normal(r) for r in conn.execute(select(table)).mappings()}


def _normal(row) -> dict:
    data = row_to_json(dict(row))
    return {k: to_json(v) for k, v in data.items()}


def assert_matches_server(engine, rep, tables, facility: str | None = "MDI") -> None:
    """`rep` holds exactly the server's rows of `tables` (for `facility`)."""
    for table in tables:
        on_server = server_rows(engine, table, facility)
        local = replica_rows(rep, table)
        assert set(local) == set(on_server), (
            f"{table.name}: {len(set(on_server) - set(local))} missing on the replica, "
            f"{len(set(local) - set(on_server))} extra")
        differing = [i for i in on_server if local[i] != on_server[i]]
        assert not differing, (table.name, on_server[differing[0]], local[differing[0]])


def change_count(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(change_log)).scalar_one()
