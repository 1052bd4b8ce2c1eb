"""`custos audit verify`: check the replica's hash-chained audit log."""
from __future__ import annotations

import sys

from app.storage.audit import verify_chain
from app.storage.replica import open_profile


def register(sub) -> None:
    p = sub.add_parser("audit", help="audit log tools")
    actions = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help="recompute the hash chain and report tampering")
    verify.set_defaults(func=run_verify)


def run_verify(args) -> int:
    replica = open_profile(args.profile, create=False)
    try:
        with replica.reader.connect() as conn:
            report = verify_chain(conn)
    finally:
        replica.close()
    if report.ok:
        print(f"audit chain OK: {report.entries} entries verified")
        return 0
    print(f"audit chain BROKEN at entry {report.first_broken}: {report.reason}", file=sys.stderr)
    return 3
