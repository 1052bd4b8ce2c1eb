"""`custos conflicts list|show ID|resolve ID`: central office's conflict queue.

Conflicts live on the sync server (two devices changed the same field; the
server kept its value provisionally and recorded both). These commands talk
to the server's conflict endpoints as the user signed in on this profile;
the server decides who may see and resolve them. A resolution is a new
change that names both sides, and every device receives it on its next sync.
`list --local` shows, offline and for any role, the conflicts this device's
own changes caused, as the server reported them when they were pushed.
"""
from __future__ import annotations

import argparse
import json
from typing import Any

from sqlalchemy import select

from app.core.errors import ValidationError
from app.core.protocol import ConflictRecord, ResolveRequest
from app.storage.local_tables import sync_conflict
from app.storage.replica import open_profile
from app.sync import session, state
from app.sync.client import AuthRequired, SyncClient

CHOICE_ALIASES = {"server": "server", "client": "client", "value": "custom", "custom": "custom"}


def register(sub) -> None:
    p = sub.add_parser("conflicts", help="the sync server's conflict queue (central office)")
    p.add_argument("--profile", default=argparse.SUPPRESS, help="local profile")
    actions = p.add_subparsers(dest="conflicts_command", metavar="ACTION", required=True)
    ls = actions.add_parser("list", help="open conflicts (all with --all)")
    ls.add_argument("--all", action="store_true", help="include resolved conflicts")
    ls.add_argument("--local", action="store_true",
                    help="conflicts this device's own changes caused, as recorded here "
                         "(works offline and for every role)")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=run_list)
    show = actions.add_parser("show", help="one conflict with both values")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=run_show)
    resolve = actions.add_parser("resolve", help="settle a conflict")
    resolve.add_argument("id")
    resolve.add_argument("--choose", required=True, choices=sorted(CHOICE_ALIASES),
                         help="keep the server's value, take the client's, or set --value")
    resolve.add_argument("--value", help="the value to set (JSON, or plain text) with "
                                         "--choose value")
    resolve.add_argument("--note", required=True, help="why (kept with the resolution)")
    resolve.set_defaults(func=run_resolve)
    for sp in (ls, show, resolve):
        sp.add_argument("--profile", default=argparse.SUPPRESS, help="local profile")


def _client(profile: str) -> SyncClient:
    replica = open_profile(profile, create=False)
    try:
        with replica.reader.connect() as conn:
            server_url = state.read(conn).server_url
        if not server_url:
            raise AuthRequired("this profile has no sync server; run `custos login` first")
        client = SyncClient(server_url)
        session.authorise(replica, client)
        return client
    finally:
        replica.close()


def _records(body: Any) -> list[ConflictRecord]:
    items = body.get("conflicts", body.get("items")) if isinstance(body, dict) else body
    return [ConflictRecord.from_json(item) for item in items or []]


def _line(c: ConflictRecord) -> str:
    return (f"{c.id}  {c.status:<8} {c.table}.{c.field} of {c.row_id} ({c.facility})\n"
            f"    server: {json.dumps(c.server_value)} by {c.server_author or '?'}\n"
            f"    client: {json.dumps(c.client_value)} by {c.client_author}")


def run_local(args) -> int:
    replica = open_profile(args.profile, create=False)
    try:
        stmt = select(sync_conflict).order_by(sync_conflict.c.seen_at)
        if not args.all:
            stmt = stmt.where(sync_conflict.c.status == "OPEN")
        with replica.reader.connect() as conn:
            rows = [dict(r) for r in conn.execute(stmt).mappings()]
    finally:
        replica.close()
    if args.json:
        print(json.dumps(rows, indent=2, default=str))
        return 0
    if not rows:
        print("No conflicts recorded for this device's changes.")
    for r in rows:
        print(f"{r['conflict_id']}  {r['status']:<8} {r['table_name']} {r['row_id']} "
              f"(seen {r['seen_at']:%Y-%m-%d %H:%M} UTC)\n    {r['reason'] or ''}")
    return 0


def run_list(args) -> int:
    if args.local:
        return run_local(args)
    with _client(args.profile) as client:
        params = {} if args.all else {"status": "open"}
        body = client.get("/conflicts", params=params)
    records = _records(body)
    if args.json:
        print(json.dumps([r.__dict__ for r in records], indent=2))
        return 0
    if not records:
        print("No open conflicts." if not args.all else "No conflicts.")
    for record in records:
        print(_line(record))
    return 0


def run_show(args) -> int:
    with _client(args.profile) as client:
        record = ConflictRecord.from_json(client.get(f"/conflicts/{args.id}"))
    if args.json:
        print(json.dumps(record.__dict__, indent=2))
        return 0
    print(_line(record))
    print(f"    base:   {json.dumps(record.base_value)}")
    print(f"    kind:   {record.kind}; server side at {record.server_at or '?'}, client side "
          f"received {record.client_at} (device {record.client_device})")
    if record.status != "open":
        print(f"    resolved by {record.resolved_by} at {record.resolved_at}: "
              f"{record.resolution} -> {json.dumps(record.resolved_value)} ({record.note})")
    return 0


def run_resolve(args) -> int:
    choose = CHOICE_ALIASES[args.choose]
    if choose == "custom" and args.value is None:
        raise ValidationError("value", "is required with --choose value")
    if choose != "custom" and args.value is not None:
        raise ValidationError("value", "is only used with --choose value")
    if not args.note or not args.note.strip():
        raise ValidationError("note", "a note is required to resolve a conflict")
    value = None
    if args.value is not None:
        try:
            value = json.loads(args.value)
        except ValueError:
            value = args.value
    request = ResolveRequest(choose=choose, note=args.note.strip(), value=value)
    with _client(args.profile) as client:
        record = ConflictRecord.from_json(
            client.post(f"/conflicts/{args.id}/resolve", request.to_json()))
    print(f"Conflict {record.id} resolved ({record.resolution}): {record.table}.{record.field} "
          f"= {json.dumps(record.resolved_value)}; devices receive it on their next sync.")
    return 0
