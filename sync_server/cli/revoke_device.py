"""`custos-server revoke-device DEVICE_ID`: end every session on a device."""
from __future__ import annotations

from ..services import auth
from ..settings import utc_now
from .common import add_database_option, cli_actor, cli_origin, open_database


def register(sub) -> None:
    p = sub.add_parser("revoke-device", help="end every session on a device (lost or stolen)")
    p.add_argument("device_id", metavar="DEVICE_ID")
    p.add_argument("--reason", default="revoked by an administrator",
                   help="recorded in the audit log")
    add_database_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    with open_database(args) as engine, engine.begin() as conn:
        ended = auth.revoke_device(conn, device_id=args.device_id, now=utc_now(),
                                   actor=cli_actor(), origin=cli_origin(), reason=args.reason)
    print(f"device {args.device_id}: {ended} session(s) ended")
    return 0
