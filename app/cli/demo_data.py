"""`custos demo-data --people N [--seed S]`: fill the profile's replica with demo records."""
from __future__ import annotations

import sys
import time

from app.cli.progress import ProgressBar
from app.storage.replica import open_profile


def register(sub) -> None:
    p = sub.add_parser("demo-data", help="fill the current profile's replica with a realistic demo data set")
    p.add_argument("--people", type=int, default=500, help="how many people (default 500)")
    p.add_argument("--seed", type=int, default=1, help="random seed; the same seed gives the same data")
    p.set_defaults(func=run)


def run(args) -> int:
    from app.demo.generator import generate

    if args.people < 1:
        print("custos: error: --people: must be at least 1", file=sys.stderr)
        return 2
    replica = open_profile(args.profile)
    bar = ProgressBar()
    started = time.perf_counter()
    try:
        summary = generate(replica, people=args.people, seed=args.seed, progress=bar.update)
    finally:
        bar.close()
        replica.close()
    took = time.perf_counter() - started
    print(f"Demo data for facility {summary.facility} written in {took:.1f} s:")
    for kind, n in sorted(summary.counts.items()):
        print(f"  {kind:<28} {n:>8,}")
    return 0
