"""`custos demo`: the README's first command — a local sync server, demo data,
a signed-in demo user and the desktop window, with no configuration."""
from __future__ import annotations

import os
import sys

from app.cli.progress import ProgressBar


def register(sub) -> None:
    p = sub.add_parser("demo", help="start a throw-away demo: local sync server, demo data, window")
    p.add_argument("--people", type=int, default=200, help="people in the demo facility (default 200)")
    p.add_argument("--seed", type=int, default=1, help="random seed for the demo data")
    p.add_argument("--no-window", action="store_true",
                   help="sync, print a summary and stop, instead of opening the window")
    p.add_argument("--keep", action="store_true", help="keep the demo folder afterwards")
    p.set_defaults(func=run)


def has_display() -> bool:
    """Whether a window can be shown (a Linux machine without X or Wayland cannot)."""
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run(args) -> int:
    import keyring

    from app.cli.status import collect
    from app.demo.generator import generate
    from app.demo.launcher import DEMO_FACILITY, DEMO_USER, DemoEnvironment
    from app.storage.memory_keyring import MemoryKeyring
    from app.storage.replica import open_profile
    from app.storage.unit_of_work import Actor
    from app.sync.engine import SyncEngine

    if args.people < 1:
        print("custos: error: --people: must be at least 1", file=sys.stderr)
        return 2
    window = not args.no_window and has_display()
    if not args.no_window and not window:
        print("No display found (DISPLAY is not set): showing a summary instead of the window.")
    keyring.set_keyring(MemoryKeyring())  # throw-away demo: no secret outlives the run
    with DemoEnvironment.create(people=args.people, seed=args.seed, keep=args.keep) as demo:
        demo.prepare_server()
        demo.start_server()
        replica = open_profile("demo")
        try:
            demo.sign_in(replica)
            print(f"Signed in as {DEMO_USER}; writing demo records ...")
            bar = ProgressBar()
            generate(replica, people=args.people, seed=args.seed, progress=bar.update,
                     username=DEMO_USER)
            bar.close()
            print("First sync ...")

            def progress(p) -> None:
                if p.phase == "push":
                    bar.update("sending changes", p.pushed, max(p.to_push, p.pushed, 1))
                elif p.phase == "pull":
                    bar.update("receiving records", p.rows, max(p.rows, 1))
                elif p.phase == "indexing":
                    bar.update("indexing records", p.built, max(p.to_build, 1))

            summary = SyncEngine(replica, progress=progress).run()
            bar.close()
            if not summary.completed:
                print(f"custos: error: the first sync did not complete: {summary.error}",
                      file=sys.stderr)
                return 1
            facts = collect(replica)
        finally:
            replica.close()
        print(f"Demo replica ready: {summary.pushed:,} changes sent to {demo.url} "
              f"({summary.rejected} rejected, {summary.conflicts} conflicts), "
              f"{summary.pulled:,} records received")
        for name, n in facts["counts"].items():
            if n:
                print(f"  {name:<24} {n:>8,}")
        if not window:
            return 0
        # Central office's scope holds every record; the Demo menu then shows
        # each role's view of them. Officer is the view most staff see first.
        return args.open_window("demo", demo_actor=Actor(DEMO_USER, DEMO_FACILITY, ("officer",)))
