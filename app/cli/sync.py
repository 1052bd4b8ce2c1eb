"""`custos sync [--profile P] [--json]`: one sync with the server, then a summary.

Prints progress lines during a long sync (changes sent, pages and rows
received) and then what was pushed, pulled, conflicted and rejected. Exits 0
only when the sync completed; otherwise says why (offline, too old or too
new, signed out...) and exits 1, with every unsent change kept.
"""
from __future__ import annotations

import argparse
import json
import sys

from app.cli.models import describe_update
from app.core.errors import ValidationError
from app.core.protocol import MAX_PULL_PAGE, MAX_PUSH_BATCH
from app.storage.replica import open_profile
from app.sync.engine import Progress, SyncEngine, SyncSummary


def register(sub) -> None:
    p = sub.add_parser("sync", help="push local changes to the sync server and pull its changes")
    p.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    p.add_argument("--batch-size", type=int, default=MAX_PUSH_BATCH, metavar="N",
                   help=f"changes per push request (1-{MAX_PUSH_BATCH}; smaller on poor links)")
    p.add_argument("--page-size", type=int, default=MAX_PULL_PAGE, metavar="N",
                   help=f"rows per pull page (1-{MAX_PULL_PAGE})")
    p.add_argument("--profile", default=argparse.SUPPRESS, help="local profile")
    p.set_defaults(func=run)


def progress_printer(stream):
    """A progress callback that prints one line per batch or page."""

    def show(p: Progress) -> None:
        if p.phase == "connecting":
            line = "connecting to the sync server..."
        elif p.phase == "push":
            line = f"push: {p.pushed:,} of {p.to_push:,} change(s) sent"
        elif p.phase == "pull":
            line = f"pull: {p.pages:,} page(s), {p.rows:,} row(s) received so far"
        elif p.phase == "indexing":
            line = f"indexing the records received: step {p.built} of {p.to_build}"
        else:
            return
        print(line, file=stream, flush=True)

    return show


def describe(s: SyncSummary) -> list[str]:
    """The summary as lines for people."""
    lines = [
        f"pushed     {s.pushed} change(s): {s.applied} applied, {s.duplicate} already on the "
        f"server, {s.conflicts} conflicted, {s.rejected} rejected",
        f"pulled     {s.pulled} row(s) in {s.pages} page(s); {s.removed} removed (left this "
        f"device's scope); {s.rebased} kept local changes on top",
    ]
    if s.conflicts:
        lines.append(f"conflicts  {s.conflicts}: the server kept its value for now; central "
                     "office resolves them (custos conflicts list)")
    if s.rejected:
        lines.append(f"rejected   {s.rejected}: see `custos rejected list` to fix or discard them")
    if s.epoch_changed:
        lines.append(f"restore    the server was restored from a backup: {s.requeued} change(s) "
                     "sent again")
    elif s.requeued:
        lines.append(f"resent     {s.requeued} change(s) the server no longer held")
    lines.append(f"pending    {s.pending} change(s) still to send")
    lines += describe_update(s.models)
    return lines


def run(args) -> int:
    if not 1 <= args.batch_size <= MAX_PUSH_BATCH:
        raise ValidationError("batch-size", f"must be between 1 and {MAX_PUSH_BATCH}")
    if not 1 <= args.page_size <= MAX_PULL_PAGE:
        raise ValidationError("page-size", f"must be between 1 and {MAX_PULL_PAGE}")
    replica = open_profile(args.profile, create=False)
    try:
        stream = sys.stderr if args.json else sys.stdout
        summary = SyncEngine(replica, batch_size=args.batch_size, page_size=args.page_size,
                             progress=progress_printer(stream)).run()
    finally:
        replica.close()
    if args.json:
        print(json.dumps(summary.to_json(), indent=2))
    else:
        print("Sync completed" if summary.completed else "Sync did NOT complete")
        for line in describe(summary):
            print(f"  {line}")
    if not summary.completed:
        print(f"custos: error: {summary.error}", file=sys.stderr)
        return 1
    return 0
