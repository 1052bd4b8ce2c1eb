"""`custos-server verify-audit`: recompute the audit hash chain."""
from __future__ import annotations

import sys

from ..services import audit
from .common import add_database_option, open_database


def register(sub) -> None:
    p = sub.add_parser("verify-audit", help="check that the audit log was not altered")
    add_database_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    with open_database(args) as engine, engine.begin() as conn:
        check = audit.verify(conn)
    if check.ok:
        print(f"audit log intact: {check.entries} entries")
        return 0
    print(f"custos-server: error: audit log broken: {check.problem}", file=sys.stderr)
    return 1
