"""`custos-server restored-from-backup`: start a new epoch after restoring the database.

Run it once after putting back a backup, before serving again. The new
epoch tells every client that the server's history changed: they pull from
the start and re-push every change after the last one the restored server
holds for them (GET /api/v1/sync/status), so nothing the backup lacks is lost.
"""
from __future__ import annotations

from ..services import sequences
from ..settings import utc_now
from .common import add_database_option, cli_actor, cli_origin, open_database


def register(sub) -> None:
    p = sub.add_parser("restored-from-backup",
                       help="mark the database as restored: clients re-sync and re-push")
    p.add_argument("--reason", default="restored from backup", help="recorded in the audit log")
    add_database_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    with open_database(args) as engine, engine.begin() as conn:
        state = sequences.rotate_epoch(conn, now=utc_now(), reason=args.reason,
                                       actor=cli_actor(), origin=cli_origin())
    print(f"new epoch {state.epoch}: clients will pull again from the start and re-push what "
          f"this database lacks (server sequence head {state.head_seq})")
    return 0
