"""`custos score INSTRUMENT --input FILE.jsonl [--output FILE]`: batch scoring.

Reads JSON lines (one person per line, each with an `id`) and writes JSON
lines to stdout or --output: one line per input line, same `id`, in the same
order. A line that cannot be scored gets an error line naming the field; the
others are still scored, and the exit status is 1 if any line failed.

A summary (model id, version and SHA-256 of the model file, counts) goes to
stderr, so the output file holds only results. Batch scoring reads and
writes files only: it does not touch the replica, and it logs no
predictions, because it is for research and rescoring, not decisions about
a person (those are scored and logged on the device, app.scoring.predictions).
"""
from __future__ import annotations

import sys
from contextlib import ExitStack

from app.core.errors import CustosError


def register(sub) -> None:
    from app.scoring.batch import BATCH_SCORERS

    p = sub.add_parser("score", help="score a JSON-lines file with an instrument's model")
    p.add_argument("instrument", metavar="INSTRUMENT",
                   help=f"one of: {', '.join(BATCH_SCORERS)}")
    p.add_argument("--input", required=True, metavar="FILE.jsonl",
                   help="JSON lines to score ('-' for stdin)")
    p.add_argument("--output", metavar="FILE", help="where to write results (default: stdout)")
    p.set_defaults(func=run)


def run(args) -> int:
    from app.scoring.batch import BATCH_SCORERS, Tally

    scorer = BATCH_SCORERS.get(args.instrument)
    if scorer is None:
        raise CustosError(f"instrument: {args.instrument!r} cannot be batch scored; "
                          f"choose one of {', '.join(BATCH_SCORERS)}")
    tally = Tally()
    with ExitStack() as stack:
        try:
            # Bytes in: a line that is not valid UTF-8 becomes an error line, not a crash.
            source = sys.stdin.buffer if args.input == "-" else stack.enter_context(
                open(args.input, "rb"))
            sink = sys.stdout if not args.output else stack.enter_context(
                open(args.output, "w", encoding="utf-8"))
        except OSError as exc:
            raise CustosError(f"{exc.filename}: {exc.strerror}") from None
        buffer: list[str] = []
        for line in scorer(source, tally):
            buffer.append(line)
            if len(buffer) >= 8192:  # few large writes, not one per line
                sink.write("\n".join(buffer) + "\n")
                buffer.clear()
        if buffer:
            sink.write("\n".join(buffer) + "\n")
        sink.flush()
    model = tally.model
    print(f"custos score: {args.instrument} model {model.get('id')} version "
          f"{model.get('version', '?')} sha256 {model.get('sha256', '?')}: "
          f"{tally.scored} scored, {tally.failed} failed", file=sys.stderr)
    return 1 if tally.failed else 0
