"""`custos status [--json]`: what the local replica holds and what awaits sync."""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select

from app.core.schema import REPLICATED_TABLES, SCHEMA_VERSION
from app.storage import migrate
from app.storage.replica import Replica, open_profile


def register(sub) -> None:
    p = sub.add_parser("status", help="show the local replica's counts and sync state")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def collect(replica: Replica) -> dict[str, Any]:
    """The status facts as a dict (also used by the desktop sync indicator)."""
    with replica.reader.connect() as conn:
        counts = {
            name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for name, t in sorted(REPLICATED_TABLES.items())
        }
    return {
        "profile_path": str(replica.path),
        "device_id": replica.device_id,
        "counts": counts,
        "pending": replica.pending_changes(),
        # Conflicts are created by the sync server; before any sync there are none.
        "conflicts": int(replica.get_meta("conflicts") or 0),
        "last_sync": replica.get_meta("last_sync"),
        "schema_version": SCHEMA_VERSION,
        "schema_revision": migrate.current_revision(replica.reader),
    }


def run(args) -> int:
    replica = open_profile(args.profile, create=False)
    try:
        facts = collect(replica)
    finally:
        replica.close()
    if args.json:
        print(json.dumps(facts, indent=2))
        return 0
    print(f"Replica     {facts['profile_path']}")
    print(f"Schema      v{facts['schema_version']} (revision {facts['schema_revision']})")
    print(f"Last sync   {facts['last_sync'] or 'never'}")
    print(f"Pending     {facts['pending']} change(s) not yet acknowledged by a server")
    print(f"Conflicts   {facts['conflicts']}")
    width = max(map(len, facts["counts"]))
    for name, n in facts["counts"].items():
        if n:
            print(f"  {name:<{width}} {n:>9,}")
    return 0
