"""`custos-server devices [--all]`: list signed-in devices (to find one to revoke)."""
from __future__ import annotations

from ..services import auth
from .common import add_database_option, open_database


def register(sub) -> None:
    p = sub.add_parser("devices", help="list device sessions")
    p.add_argument("--all", action="store_true", help="include ended sessions")
    add_database_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    with open_database(args) as engine, engine.begin() as conn:
        rows = auth.list_sessions(conn, active_only=not args.all)
    for r in rows:
        state = f"ended {r.revoked_at:%Y-%m-%d %H:%M} ({r.revoked_reason})" if r.revoked_at \
            else "active"
        print(f"{r.device_id}\t{r.device_name}\t{r.username}\t"
              f"last used {r.last_used_at:%Y-%m-%d %H:%M} UTC\t{state}")
    if not rows:
        print("no device sessions")
    return 0
