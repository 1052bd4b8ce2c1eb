"""`custos-server demo-data --people N --facilities K [--seed S]`.

Fills the server with demo facilities, one user per role and facility (plus
central office) and N people with history, as replicated rows with server
sequences, so a device's first pull has real data. The demo passwords are
printed once; they are reproducible from --seed.
"""
from __future__ import annotations

import random
import sys
import time

from app.core.errors import ValidationError

from ..services import demo
from ..settings import utc_now
from .common import add_database_option, cli_origin, open_database


def register(sub) -> None:
    p = sub.add_parser("demo-data", help="fill the server with demo facilities, users and people")
    p.add_argument("--people", type=int, default=200, help="people to add (default 200)")
    p.add_argument("--facilities", type=int, default=2,
                   help=f"facilities, 1-{len(demo.DEMO_FACILITIES)} (default 2)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    add_database_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    if not 1 <= args.facilities <= len(demo.DEMO_FACILITIES):
        raise ValidationError("facilities", f"must be between 1 and {len(demo.DEMO_FACILITIES)}")
    if not 0 <= args.people <= 1_000_000:
        raise ValidationError("people", "must be between 0 and 1000000")
    rng = random.Random(args.seed)
    now = utc_now()
    started = time.monotonic()
    with open_database(args, create=True) as engine:
        made = demo.create_accounts(engine, facilities=args.facilities, rng=rng, now=now,
                                    origin=cli_origin())
        if made:
            print("demo accounts (passwords are shown only now):")
            for account in made:
                print(f"  {account.username:<24} {account.password:<28} "
                      f"{account.roles[0]} @ {account.facility or 'all facilities'}")

        loading = time.monotonic()

        def progress(done: int, total: int, rows: int) -> None:
            rate = rows / max(time.monotonic() - loading, 1e-6)
            print(f"\rpeople {done}/{total}, {rows} rows ({rate:,.0f} rows/s)", end="",
                  file=sys.stderr, flush=True)

        rows = demo.create_people(engine, people=args.people, facilities=args.facilities,
                                  rng=rng, now=now, progress=progress)
    print(file=sys.stderr)
    print(f"added {args.people} people ({rows} rows) in {time.monotonic() - started:.1f} s")
    return 0
