"""Entry point: `custos` / `python -m app`."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run one command; return its exit code."""
    from app.cli import build_parser
    from app.cli.errors import report_errors

    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is None:
        parser.print_help()
        return 2
    with report_errors() as outcome:
        outcome.code = args.func(args)
    return outcome.code


if __name__ == "__main__":
    sys.exit(main())
