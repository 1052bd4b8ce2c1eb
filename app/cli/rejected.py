"""`custos rejected list|show|retry|discard`: changes the server refused.

Nothing the server refuses is dropped: each refused change waits here with
the server's reason until someone retries it (optionally corrected, as a
new change sent on the next sync) or discards it with a reason. Both are
recorded in the audit log, as the user who last signed in on this profile.
"""
from __future__ import annotations

import argparse
import json

from app.core.errors import ValidationError
from app.storage.replica import open_profile
from app.sync import inbox, session


def register(sub) -> None:
    p = sub.add_parser("rejected", help="changes the sync server refused: fix or discard them")
    p.add_argument("--profile", default=argparse.SUPPRESS, help="local profile")
    actions = p.add_subparsers(dest="rejected_command", metavar="ACTION", required=True)
    ls = actions.add_parser("list", help="list rejected changes (open ones unless --all)")
    ls.add_argument("--all", action="store_true", help="include retried and discarded ones")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=run_list)
    show = actions.add_parser("show", help="one rejected change in full")
    show.add_argument("id", type=int)
    show.set_defaults(func=run_show)
    retry = actions.add_parser("retry", help="send a rejected change again, optionally corrected")
    retry.add_argument("id", type=int)
    retry.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                       help="correct a field (VALUE is JSON, or plain text)")
    retry.set_defaults(func=run_retry)
    discard = actions.add_parser("discard", help="give up a rejected change, with a reason")
    discard.add_argument("id", type=int)
    discard.add_argument("--reason", required=True, help="why it is discarded (audited)")
    discard.set_defaults(func=run_discard)
    for sp in (ls, show, retry, discard):
        sp.add_argument("--profile", default=argparse.SUPPRESS, help="local profile")


def parse_corrections(items: list[str]) -> dict:
    """FIELD=VALUE pairs; VALUE is read as JSON when it is JSON, else as text."""
    out = {}
    for item in items:
        name, sep, text = item.partition("=")
        if not sep or not name.strip():
            raise ValidationError("set", f"{item!r} is not FIELD=VALUE")
        try:
            value = json.loads(text)
        except ValueError:
            value = text
        out[name.strip()] = value
    return out


def _fmt(entry: dict) -> str:
    fields = ", ".join(sorted(entry["changes"]))
    return (f"#{entry['id']:<4} {entry['status']:<9} {entry['op']:<6} {entry['table_name']} "
            f"{entry['row_id']}  [{fields}]\n       reason: {entry['reason']}")


def run_list(args) -> int:
    replica = open_profile(args.profile, create=False)
    try:
        entries = inbox.list_rejected(replica, status=None if args.all else inbox.OPEN)
    finally:
        replica.close()
    if args.json:
        print(json.dumps(entries, indent=2, default=str))
        return 0
    if not entries:
        print("No rejected changes." if args.all else "No open rejected changes.")
    for entry in entries:
        print(_fmt(entry))
    return 0


def run_show(args) -> int:
    replica = open_profile(args.profile, create=False)
    try:
        entry = inbox.get_rejected(replica, args.id)
    finally:
        replica.close()
    print(_fmt(entry))
    print(f"       field:    {entry['field'] or '-'}")
    print(f"       by:       {entry['username']} at {entry['created_at']:%Y-%m-%d %H:%M} UTC")
    print(f"       rejected: {entry['rejected_at']:%Y-%m-%d %H:%M} UTC")
    for name, (before, after) in sorted(entry["changes"].items()):
        print(f"       {name}: {json.dumps(before)} -> {json.dumps(after)}")
    if entry["status"] != inbox.OPEN:
        print(f"       {entry['status'].lower()} by {entry['resolved_by']}: {entry['resolution']}")
    return 0


def run_retry(args) -> int:
    corrections = parse_corrections(args.set)
    replica = open_profile(args.profile, create=False)
    try:
        actor = session.signed_in_actor(replica)
        op_id = inbox.retry(replica, actor, args.id, corrections)
    finally:
        replica.close()
    print(f"Rejected change #{args.id} queued again as {op_id}; it is sent on the next sync.")
    return 0


def run_discard(args) -> int:
    replica = open_profile(args.profile, create=False)
    try:
        actor = session.signed_in_actor(replica)
        restored = inbox.discard(replica, actor, args.id, args.reason)
    finally:
        replica.close()
    print(f"Rejected change #{args.id} discarded.")
    if restored:
        print(f"Restored on this device: {', '.join(sorted(restored))}")
    return 0
